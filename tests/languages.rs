//! The languages reach what they should: every Traditional Chinese text of the interface and of the
//! bundled names holds no Simplified-only character (OpenCC's list in tests/data/simplified_only.txt),
//! the names follow the reviewed forms of seeds/README.md, and every language names every county,
//! prefecture, dimension and indicator.

use fjindex::data::seeds;
use fjindex::i18n::{prefecture_name, t, tf, Key};
use fjindex::model::Lang;
use std::collections::BTreeSet;

fn simplified_only() -> BTreeSet<char> {
    let text = std::fs::read_to_string("tests/data/simplified_only.txt").unwrap();
    let line = text.lines().nth(2).expect("the character line");
    let set: BTreeSet<char> = line.chars().collect();
    assert!(
        set.len() > 2000,
        "the list holds OpenCC's Simplified-only characters"
    );
    set
}

fn offending(text: &str, list: &BTreeSet<char>) -> Vec<char> {
    text.chars().filter(|c| list.contains(c)).collect()
}

#[test]
fn the_list_tells_simplified_from_traditional() {
    let list = simplified_only();
    assert_eq!(offending("县域发展数据", &list), ['县', '发', '数']);
    assert!(offending("縣域發展資料", &list).is_empty());
    // 据 (拮据), 台, 云, 干, 松, 里 and 群 are Traditional characters too, so they are not on the list.
    assert!(offending("据台云干松里群", &list).is_empty());
}

#[test]
fn bundled_names_in_traditional_chinese_hold_no_simplified_only_character() {
    let list = simplified_only();
    let bundle = seeds::bundle();
    let mut names = Vec::new();
    for unit in &bundle.data.units {
        names.push(unit.name(Lang::ZhHant).to_string());
        names.push(prefecture_name(Lang::ZhHant, &unit.prefecture_zh));
    }
    for d in &bundle.system.dimensions {
        names.extend([d.name(Lang::ZhHant), d.about(Lang::ZhHant)].map(str::to_string));
    }
    for i in &bundle.system.indicators {
        let texts = [
            i.name(Lang::ZhHant),
            i.short(Lang::ZhHant),
            i.unit(Lang::ZhHant),
        ];
        names.extend(texts.map(str::to_string));
        names.push(i.definition(Lang::ZhHant).to_string());
    }
    names.push(bundle.data.meta.name_in(Lang::ZhHant).to_string());
    names.push(bundle.data.meta.source_in(Lang::ZhHant).to_string());
    for name in &names {
        assert!(!name.is_empty());
        assert_eq!(offending(name, &list), Vec::<char>::new(), "{name}");
    }
}

#[test]
fn reviewed_names_keep_the_forms_seeds_readme_gives() {
    let bundle = seeds::bundle();
    let name = |adcode: &str| {
        let unit = bundle
            .data
            .units
            .iter()
            .find(|u| u.adcode == adcode)
            .unwrap();
        unit.name(Lang::ZhHant).to_string()
    };
    assert_eq!(name("350103"), "臺江區");
    assert_eq!(name("350206"), "湖里區", "里 the village unit, not 裡");
    assert_eq!(name("350622"), "雲霄縣");
    assert_eq!(name("350724"), "松溪縣");
    assert_eq!(prefecture_name(Lang::ZhHant, "龙岩市"), "龍巖市");
    assert_eq!(prefecture_name(Lang::En, "龙岩市"), "Longyan");
    assert_eq!(prefecture_name(Lang::Zh, "龙岩市"), "龙岩市");
}

#[test]
fn the_traditional_catalogue_holds_no_simplified_only_character() {
    let list = simplified_only();
    let source = std::fs::read_to_string("crates/engine/src/i18n/zh_hant.rs").unwrap();
    let texts: String = source
        .lines()
        .filter_map(|l| l.split_once(" => ").map(|(_, text)| text))
        .collect();
    assert!(texts.chars().count() > 5000, "the catalogue was read");
    assert_eq!(offending(&texts, &list), Vec::<char>::new());
    assert_eq!(t(Lang::ZhHant, Key::Title), "福建省縣域重點產業鏈發展指數");
    assert_eq!(
        tf(Lang::ZhHant, Key::EmbedUnknownAdcode, &["999999"]),
        "沒有行政區劃代碼為 999999 的單位"
    );
}

#[test]
fn every_language_names_every_unit_in_its_own_form() {
    let bundle = seeds::bundle();
    for unit in &bundle.data.units {
        let [zh, hant, en] = [Lang::Zh, Lang::ZhHant, Lang::En].map(|l| unit.name(l));
        assert_eq!(zh, unit.name_zh);
        assert_eq!(en, unit.name_en);
        assert!(
            !hant.is_empty() && hant.chars().count() == zh.chars().count(),
            "{zh} {hant}"
        );
    }
    // An imported unit the seeds do not know keeps its own name in Traditional Chinese.
    let mut stranger = bundle.data.units[0].clone();
    stranger.name_zh = "新设区".to_string();
    assert_eq!(stranger.name(Lang::ZhHant), "新设区");
}
