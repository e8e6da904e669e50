//! The page's state machine, the table view, the generated county summary and the page address (restoring
//! a link's view, what the address names), tested natively.
//!
//! Ranking behaviour is checked on a synthetic data set whose leaders are known by construction, so the
//! tests hold whatever values the bundled seeds carry; the bundle is only used for its shape.

use fjindex::data::provenance::{Provenance, Record, Status};
use fjindex::data::saved::LoadError;
use fjindex::data::seeds;
use fjindex::i18n::{has_han, prefecture_name};
use fjindex::model::{Dataset, DatasetMeta, IndicatorSystem, Lang, Unit, Weighting};
use fjindex::score::score;
use fjindex::share::{parse, DatasetRef, Embed, Notice, NoticeKind, Panel, ShareState};
use fjindex::state::address::{address_dataset, restore_link, view_query};
use fjindex::state::{
    default_scenario, prefecture_summary, reduce, Action, Field, Preset, Problem, SortKey, State,
    WeightInputError,
};
use fjindex::summary::{CountyProfile, Standing};
use std::rc::Rc;

const N: usize = 30;
const PREFECTURES: [&str; 3] = ["福州市", "厦门市", "泉州市"];

/// 30 units: unit d (d < 5) leads dimension d with every indicator at 100; unit 1 has every quality
/// indicator at 0, below everyone; the rest is deterministic noise between 1 and 50.
fn synthetic(system: &IndicatorSystem) -> Dataset {
    let units = (0..N)
        .map(|u| Unit {
            adcode: format!("99{u:04}"),
            name_zh: format!("县{u}"),
            name_en: format!("County {u}"),
            prefecture_zh: PREFECTURES[u % 3].to_string(),
            lon: None,
            lat: None,
        })
        .collect();
    let mut data = Dataset::new(DatasetMeta::default(), units, system.n_indicators());
    let quality = system.dimension_index("quality").unwrap();
    for u in 0..N {
        for i in 0..system.n_indicators() {
            let d = system.dimension_of(i);
            let v = if u == d {
                100.0
            } else if u == 1 && d == quality {
                0.0
            } else {
                ((u * 13 + i * 7) % 50 + 1) as f64
            };
            data.set(u, i, Some(v));
        }
    }
    data
}

fn state() -> State {
    let system = seeds::indicator_system();
    let data = synthetic(&system);
    State::new(system, data, Provenance::default())
}

fn dim(s: &State, id: &str) -> usize {
    s.system.dimension_index(id).unwrap()
}

fn run(s: &State, actions: Vec<Action>) -> State {
    reduce(s, Action::Batch(actions))
}

/// Sets one dimension to 100 and every other to 0.
fn only(s: &State, id: &str) -> State {
    let d = dim(s, id);
    let actions = (0..s.system.n_dimensions())
        .map(|k| Action::SetWeight(Field::Dimension(k), if k == d { 100.0 } else { 0.0 }))
        .collect();
    run(s, actions)
}

#[test]
fn bundle_state_shows_every_unit_and_starts_at_the_baseline() {
    let s = State::from_bundle(seeds::bundle());
    assert_eq!(s.visible_rows().len(), s.data.n_units());
    assert_eq!(s.data.n_units(), 83);
    assert_eq!(*s.ranking, *s.baseline);
    assert_eq!(s.lang, Lang::Zh);
    assert_eq!(s.preset, Some(Preset::Equal));
}

#[test]
fn one_dimension_alone_puts_its_leader_first() {
    let s = state();
    for (id, leader) in [("industry", 0), ("innovation", 1), ("smart", 4)] {
        let t = only(&s, id);
        assert_eq!(t.ranking.order[0], leader, "{id}");
        let d = dim(&t, id);
        // The composite now equals that dimension's score for every unit.
        for u in 0..N {
            assert!((t.ranking.composite[u] - t.ranking.dimension_score(u, d)).abs() < 1e-9);
        }
        assert_eq!(t.problem, None);
    }
}

#[test]
fn rank_changes_are_measured_against_the_default_ranking() {
    let s = state();
    let t = only(&s, "quality");
    assert_eq!(*t.baseline, *s.ranking);
    for u in 0..N {
        let expected = t.baseline.rank[u] as i32 - t.ranking.rank[u] as i32;
        assert_eq!(t.changes[u], Some(expected));
    }
    assert!(
        t.changes.iter().any(|c| *c != Some(0)),
        "weighting quality alone should move someone"
    );
}

#[test]
fn all_zero_weights_keep_the_last_good_ranking_and_say_why() {
    let s = only(&state(), "innovation");
    let d = dim(&s, "innovation");
    let t = reduce(&s, Action::SetWeight(Field::Dimension(d), 0.0));
    assert!(
        Rc::ptr_eq(&t.ranking, &s.ranking),
        "the ranking must not change"
    );
    assert_eq!(
        t.scenario.dimension_weights[d], 0.0,
        "the slider stays where the user put it"
    );
    let p = t.problem.clone().expect("a problem is reported");
    assert!(matches!(p, Problem::Score(_)));
    assert!(p.message(Lang::Zh, &t.system).contains("全部为零"));
    assert!(p
        .message(Lang::En, &t.system)
        .contains("cannot all be zero"));
    // Moving a slider back up recovers.
    let u = reduce(&t, Action::SetWeight(Field::Dimension(d), 10.0));
    assert_eq!(u.problem, None);
    assert_eq!(u.ranking.order[0], 1);
}

#[test]
fn bad_typed_weights_are_refused_with_a_message_and_the_old_value_kept() {
    let s = state();
    let d = dim(&s, "cluster");
    for (text, kind) in [
        ("abc", WeightInputError::NotANumber),
        ("", WeightInputError::Empty),
        ("150", WeightInputError::OutOfRange(150.0)),
        ("-5", WeightInputError::OutOfRange(-5.0)),
        ("NaN", WeightInputError::NotANumber),
    ] {
        let t = reduce(&s, Action::EditWeight(Field::Dimension(d), text.into()));
        assert_eq!(t.scenario, s.scenario, "{text:?} changed the scenario");
        assert!(Rc::ptr_eq(&t.ranking, &s.ranking));
        match &t.problem {
            Some(Problem::BadWeight { error, kept, .. }) => {
                assert_eq!(*error, kind);
                assert_eq!(*kept, 20.0);
            }
            other => panic!("{text:?}: {other:?}"),
        }
        assert_eq!(
            t.weight_text(Field::Dimension(d)),
            text,
            "the box shows what was typed"
        );
        let zh = t.problem.as_ref().unwrap().message(Lang::Zh, &t.system);
        let en = t.problem.as_ref().unwrap().message(Lang::En, &t.system);
        assert!(zh.contains("集聚水平") && zh.contains("20"), "{zh}");
        assert!(
            en.contains("Clustering") && en.contains("20") && !has_han(&en),
            "{en}"
        );
        // Leaving the box shows the value in force again; the message stays until the next good change.
        let c = reduce(&t, Action::CommitDraft);
        assert_eq!(c.weight_text(Field::Dimension(d)), "20");
        let ok = reduce(&c, Action::EditWeight(Field::Dimension(d), "30".into()));
        assert_eq!(ok.problem, None);
        assert_eq!(ok.scenario.dimension_weights[d], 30.0);
    }
}

#[test]
fn typed_weights_accept_full_width_digits_and_spaces() {
    let s = state();
    let i = s.system.indicator_index("new_patents").unwrap();
    let t = reduce(
        &s,
        Action::EditWeight(Field::Indicator(i), " ２５．５ ".into()),
    );
    assert_eq!(t.scenario.indicator_weights[i], 25.5);
    assert_eq!(t.problem, None);
    assert_eq!(t.preset, None, "an edit leaves the preset");
}

#[test]
fn shares_follow_the_weights() {
    let s = state();
    let d = dim(&s, "innovation");
    let t = reduce(&s, Action::ApplyPreset(Preset::InnovationLed));
    let shares = t.dimension_shares();
    assert!((shares[d].unwrap() - 0.4).abs() < 1e-12);
    assert!((shares.iter().map(|x| x.unwrap()).sum::<f64>() - 1.0).abs() < 1e-12);
    let ind: f64 = t.indicator_shares().iter().map(|x| x.unwrap()).sum();
    assert!((ind - 1.0).abs() < 1e-12);
    // The shares shown are the ones the engine used.
    for (k, sh) in shares.iter().enumerate() {
        assert!((sh.unwrap() - t.ranking.weights.dimension[k]).abs() < 1e-12);
    }
    let z = run(
        &s,
        (0..5)
            .map(|k| Action::SetWeight(Field::Dimension(k), 0.0))
            .collect(),
    );
    assert!(z.dimension_shares().iter().all(Option::is_none));
}

#[test]
fn derived_weights_are_shown_and_become_editable() {
    let s = state();
    for p in [Preset::Entropy, Preset::Critic] {
        let t = reduce(&s, Action::ApplyPreset(p));
        assert_ne!(t.scenario.weighting, Weighting::Manual);
        let shown: Vec<f64> = (0..5).map(|d| t.weight(Field::Dimension(d))).collect();
        assert!((shown.iter().sum::<f64>() - 100.0).abs() < 0.3, "{shown:?}");
        assert_ne!(
            t.ranking.weights.dimension, s.ranking.weights.dimension,
            "{p:?} weights are not equal"
        );
        // Editing one slider starts from the derived weights.
        let u = reduce(&t, Action::SetWeight(Field::Dimension(0), 50.0));
        assert_eq!(u.scenario.weighting, Weighting::Manual);
        assert_eq!(u.scenario.dimension_weights[0], 50.0);
        assert_eq!(&u.scenario.dimension_weights[1..], &shown[1..]);
        assert_eq!(u.preset, None);
    }
}

#[test]
fn reset_returns_to_the_default() {
    let s = state();
    let t = run(
        &s,
        vec![
            Action::ApplyPreset(Preset::Critic),
            Action::SetNormalisation(fjindex::model::Normalisation::Rank),
            Action::SetAggregation(fjindex::model::Aggregation::Geometric),
        ],
    );
    assert_ne!(*t.ranking, *s.ranking);
    let r = reduce(&t, Action::Reset);
    assert_eq!(*r.ranking, *s.ranking);
    assert_eq!(r.scenario, s.scenario);
    assert_eq!(r.preset, Some(Preset::Equal));
}

#[test]
fn sorting_by_each_column_orders_the_rows() {
    let s = state();
    let rows = s.visible_rows();
    assert_eq!(rows, s.ranking.order);
    let by_score = reduce(&s, Action::SortBy(SortKey::Score)).visible_rows();
    assert!(by_score
        .windows(2)
        .all(|w| s.ranking.composite[w[0]] >= s.ranking.composite[w[1]]));
    let flipped = run(
        &s,
        vec![
            Action::SortBy(SortKey::Score),
            Action::SortBy(SortKey::Score),
        ],
    );
    assert!(flipped.table.sort.ascending);
    let asc = flipped.visible_rows();
    assert!(asc
        .windows(2)
        .all(|w| s.ranking.composite[w[0]] <= s.ranking.composite[w[1]]));
    let d = dim(&s, "quality");
    let by_dim = reduce(&s, Action::SortBy(SortKey::Dimension(d))).visible_rows();
    assert!(by_dim
        .windows(2)
        .all(|w| s.ranking.dimension_score(w[0], d) >= s.ranking.dimension_score(w[1], d)));
    assert_eq!(*by_dim.last().unwrap(), 1, "unit 1 has the lowest quality");
    let by_name = reduce(&s, Action::SortBy(SortKey::County)).visible_rows();
    let names: Vec<&str> = by_name
        .iter()
        .map(|&u| s.data.units[u].name_en.as_str())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    // By prefecture, on the bundled data (nine prefectures): English names ascending, ties by rank.
    let bundled = State::from_bundle(seeds::bundle());
    let by_pref = reduce(&bundled, Action::SortBy(SortKey::Prefecture));
    let rows = by_pref.visible_rows();
    let prefs: Vec<String> = rows
        .iter()
        .map(|&u| prefecture_name(Lang::En, &bundled.data.units[u].prefecture_zh))
        .collect();
    assert!(prefs.windows(2).all(|w| w[0] <= w[1]) && prefs[0] != prefs[prefs.len() - 1]);
    assert!(rows
        .windows(2)
        .filter(|w| prefs_equal(&bundled, w[0], w[1]))
        .all(|w| bundled.ranking.rank[w[0]] <= bundled.ranking.rank[w[1]]));
    let t = reduce(&s, Action::SortBy(SortKey::Rank));
    assert_eq!(t.table.sort.aria(SortKey::Rank), "descending");
    assert_eq!(t.table.sort.aria(SortKey::Score), "none");
}

fn prefs_equal(s: &State, a: usize, b: usize) -> bool {
    s.data.units[a].prefecture_zh == s.data.units[b].prefecture_zh
}

#[test]
fn sorting_by_change_puts_the_biggest_gain_first() {
    let s = only(&state(), "smart");
    let rows = reduce(&s, Action::SortBy(SortKey::Change)).visible_rows();
    let changes: Vec<i32> = rows.iter().map(|&u| s.changes[u].unwrap()).collect();
    assert!(changes.windows(2).all(|w| w[0] >= w[1]), "{changes:?}");
}

#[test]
fn search_and_prefecture_filter_narrow_the_rows() {
    let b = State::from_bundle(seeds::bundle());
    for q in ["晋江", "jinjiang", "JinJiang", "350582"] {
        let rows = reduce(&b, Action::SetSearch(q.into())).visible_rows();
        assert_eq!(rows.len(), 1, "{q}");
        assert_eq!(b.data.units[rows[0]].adcode, "350582");
    }
    let xiamen = b
        .data
        .units
        .iter()
        .filter(|u| u.prefecture_zh == "厦门市")
        .count();
    assert!(xiamen > 0);
    let f = reduce(&b, Action::SetPrefectureFilter(Some("厦门市".into())));
    let rows = f.visible_rows();
    assert_eq!(rows.len(), xiamen);
    assert!(rows
        .iter()
        .all(|&u| f.data.units[u].prefecture_zh == "厦门市"));
    let none = reduce(&f, Action::SetSearch("晋江".into()));
    assert!(none.visible_rows().is_empty());
    let all = reduce(&f, Action::SetPrefectureFilter(Some(String::new())));
    assert_eq!(all.visible_rows().len(), 83);
}

#[test]
fn prefecture_summary_counts_and_averages() {
    let s = only(&state(), "innovation");
    let rows = prefecture_summary(&s.data, &s.ranking);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows.iter().map(|r| r.counties).sum::<usize>(), N);
    assert_eq!(rows.iter().map(|r| r.in_top10).sum::<usize>(), 10);
    assert_eq!(rows.iter().map(|r| r.in_top20).sum::<usize>(), 20);
    assert!(rows.windows(2).all(|w| w[0].mean >= w[1].mean));
    for r in &rows {
        let members: Vec<usize> = (0..N)
            .filter(|&u| s.data.units[u].prefecture_zh == r.prefecture)
            .collect();
        let mean =
            members.iter().map(|&u| s.ranking.composite[u]).sum::<f64>() / members.len() as f64;
        assert!((r.mean - mean).abs() < 1e-9);
        let top10 = members.iter().filter(|&&u| s.ranking.rank[u] <= 10).count();
        assert_eq!(r.in_top10, top10);
    }
}

#[test]
fn selection_language_and_unknown_indices() {
    let s = state();
    let t = run(&s, vec![Action::Select(Some(3)), Action::SetLang(Lang::En)]);
    assert_eq!(t.selected, Some(3));
    assert_eq!(t.lang, Lang::En);
    assert_eq!(reduce(&t, Action::Select(Some(N))).selected, None);
    assert_eq!(reduce(&t, Action::SetWeight(Field::Dimension(99), 5.0)), t);
    assert_eq!(
        reduce(&t, Action::SetWeight(Field::Dimension(0), f64::NAN)),
        t
    );
    let clamped = reduce(&t, Action::SetWeight(Field::Dimension(0), 250.0));
    assert_eq!(clamped.scenario.dimension_weights[0], 100.0);
}

#[test]
fn replacing_the_data_recomputes_the_baseline() {
    let b = State::from_bundle(seeds::bundle());
    let b = run(
        &b,
        vec![
            Action::Select(Some(80)),
            Action::ApplyPreset(Preset::ScaleLed),
        ],
    );
    let system = seeds::indicator_system();
    let data = Rc::new(synthetic(&system));
    let t = reduce(
        &b,
        Action::ReplaceData {
            data: data.clone(),
            provenance: Rc::new(Provenance::default()),
        },
    );
    assert_eq!(t.data.n_units(), N);
    assert_eq!(
        t.selected, None,
        "a selection beyond the new data is dropped"
    );
    assert_eq!(t.preset, Some(Preset::ScaleLed), "the scenario is kept");
    assert_eq!(
        t.ranking.order[0], 0,
        "scale-led puts the industry leader first"
    );
    assert_eq!(t.visible_rows().len(), N);
    assert_eq!(*t.baseline, *state().ranking);
    // The new data comes with its own scorer, and later moves score the new data with it.
    assert!(t.scorer.scores(&data) && !b.scorer.scores(&data));
    let moved = reduce(&t, Action::SetWeight(Field::Dimension(1), 70.0));
    assert_eq!(moved.scorer, t.scorer);
    assert_eq!(
        *moved.ranking,
        score(&system, &data, &moved.scenario).unwrap()
    );
}

#[test]
fn units_with_estimates_are_flagged() {
    let system = seeds::indicator_system();
    let data = synthetic(&system);
    let record = |u: usize, status| Record {
        adcode: data.units[u].adcode.clone(),
        indicator: "revenue".into(),
        status,
        source: "test".into(),
    };
    let prov = Provenance::new(vec![
        record(2, Status::Estimate),
        record(3, Status::Published),
        record(5, Status::EstimateAnchored),
    ]);
    let s = State::new(system, data, prov);
    let flagged: Vec<usize> = (0..N).filter(|&u| s.unit_estimates[u]).collect();
    assert_eq!(flagged, vec![2, 5]);
}

fn profile_of(s: &State, u: usize) -> CountyProfile {
    CountyProfile::build(&s.system, &s.data, &s.provenance, &s.ranking, u)
}

#[test]
fn profile_lists_every_indicator_with_rank_and_provenance() {
    let s = state();
    let p = profile_of(&s, 1);
    assert_eq!(p.indicators.len(), 16);
    let innovation = dim(&s, "innovation");
    for line in &p.indicators {
        assert_eq!(line.raw, s.data.get(1, line.indicator));
        assert_eq!(line.status, None, "no provenance records here");
        if s.system.dimension_of(line.indicator) == innovation {
            assert_eq!(line.rank, 1);
            assert_eq!(line.normalised, Some(100.0));
        }
    }
    assert_eq!(p.dimensions[innovation].rank, 1);
    assert_eq!(p.prefecture_size, N / 3);
    assert!(!p.has_estimates);
}

#[test]
fn summary_names_strengths_and_the_main_weak_spot() {
    let s = state();
    let p = profile_of(&s, 1);
    let zh = p.summary(&s.system, &s.data, Lang::Zh);
    assert!(
        zh.starts_with(&format!("县1综合指数全省第 {} 位", s.ranking.rank[1])),
        "{zh}"
    );
    assert!(zh.contains("创新能力全省第 1 位"), "{zh}");
    assert!(
        zh.contains(&format!("质量效益第 {N} 位，为主要短板")),
        "{zh}"
    );
    assert!(!zh.contains("估算"));
    let en = p.summary(&s.system, &s.data, Lang::En);
    assert!(en.contains("innovation capacity (1st)"), "{en}");
    assert!(
        en.contains(&format!(
            "quality and efficiency ({N}th) is the main weak spot"
        )),
        "{en}"
    );
    assert!(!has_han(&en), "{en}");
}

#[test]
fn summary_of_a_balanced_county_names_no_weak_spot_and_flags_estimates() {
    let system = seeds::indicator_system();
    let mut data = synthetic(&system);
    // Unit 7 gets 99 everywhere: second in every dimension, behind each dimension's leader at 100.
    for i in 0..system.n_indicators() {
        data.set(7, i, Some(99.0));
    }
    let adcode = data.units[7].adcode.clone();
    let prov = Provenance::new(vec![Record {
        adcode,
        indicator: "revenue".into(),
        status: Status::Estimate,
        source: String::new(),
    }]);
    let s = State::new(system, data, prov);
    let p = profile_of(&s, 7);
    assert!(
        p.dimensions.iter().all(|d| d.rank == 2),
        "{:?}",
        p.dimensions
    );
    let zh = p.summary(&s.system, &s.data, Lang::Zh);
    let en = p.summary(&s.system, &s.data, Lang::En);
    assert!(
        zh.contains("产业实力全省第 2 位、创新能力全省第 2 位，优势突出；各维度均无明显短板"),
        "{zh}"
    );
    assert!(en.contains("strong in industrial strength (2nd) and innovation capacity (2nd); no dimension lags far behind"), "{en}");
    assert!(p.has_estimates);
    assert!(zh.ends_with("（基于估算数据）"), "{zh}");
    assert!(en.ends_with("(Based on estimated data.)"), "{en}");
}

// The page address (`state::address`): restoring the view an opened link describes, and what the
// address names afterwards. The storage of saved data sets is a closure here.

const LINK_HASH: &str = "0123456789abcdef";

fn start() -> State {
    State::from_bundle(seeds::bundle())
}

/// The synthetic data set as a saved import named `name`.
fn saved_import(name: &str) -> Dataset {
    let mut data = synthetic(&seeds::indicator_system());
    data.meta.name = name.to_string();
    data
}

fn no_saved_data(hash: &str) -> Result<Dataset, LoadError> {
    panic!("the link names no data set, yet {hash} was loaded")
}

/// The view the address shows for `s`, parsed back.
fn address_view(s: &State, data_hash: &str, bundled_hash: &str, embed: &Embed) -> ShareState {
    let query = view_query(s, address_dataset(s, data_hash, bundled_hash), embed);
    let defaults = default_scenario(&s.system);
    let (view, notices) = parse(&query, &s.system, &defaults);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    view
}

#[test]
fn an_empty_address_restores_nothing_but_the_language_and_stays_empty() {
    let s = start();
    assert_eq!(
        restore_link(&s, "", no_saved_data),
        Action::Batch(vec![
            Action::SetLang(Lang::Zh),
            Action::SetLinkNotices {
                notices: vec![],
                missing_dataset: None,
            },
        ])
    );
    let hash = s.data.content_hash();
    assert_eq!(address_dataset(&s, &hash, &hash), DatasetRef::Bundled);
    assert_eq!(view_query(&s, DatasetRef::Bundled, &Embed::default()), "");
}

#[test]
fn a_link_restores_language_weights_and_county_and_the_address_shows_them() {
    let s = start();
    let code = s.data.units[10].adcode.clone();
    let restored = reduce(
        &s,
        restore_link(
            &s,
            &format!("?lang=en&w=0,100,0,0,0&county={code}"),
            no_saved_data,
        ),
    );
    assert_eq!(restored.lang, Lang::En);
    assert_eq!(
        restored.scenario.dimension_weights,
        [0.0, 100.0, 0.0, 0.0, 0.0]
    );
    assert_eq!(restored.selected, Some(10));
    assert!(restored.link_notices.is_empty());
    assert_eq!(restored.missing_dataset, None);

    // The address then names the same view, with the embed options the page was opened with.
    let embed = Embed {
        enabled: true,
        hide: vec![Panel::Analysis, Panel::Data],
        origins: vec!["https://www.example.gov.cn".into()],
    };
    let hash = s.data.content_hash();
    let view = address_view(&restored, &hash, &hash, &embed);
    assert_eq!(view.lang, Lang::En);
    assert_eq!(view.scenario, restored.scenario);
    assert_eq!(view.county, Some(code));
    assert_eq!(view.dataset, DatasetRef::Bundled);
    assert_eq!(view.embed, embed);
}

#[test]
fn a_link_to_a_saved_data_set_loads_it_and_finds_the_county_in_it() {
    let s = start();
    let bundled_hash = s.data.content_hash();
    let mut asked = Vec::new();
    let action = restore_link(
        &s,
        &format!("ds={LINK_HASH}&dn=mine&county=990003"),
        |hash| {
            asked.push(hash.to_string());
            Ok(saved_import("mine"))
        },
    );
    assert_eq!(asked, [LINK_HASH]);
    let restored = reduce(&s, action);
    assert_eq!(restored.data.n_units(), N);
    assert_eq!(restored.data.units[3].adcode, "990003");
    assert_eq!(
        restored.selected,
        Some(3),
        "the county is one of the loaded data set's"
    );
    assert!(restored.link_notices.is_empty());
    assert_eq!(restored.missing_dataset, None);
    let hash = saved_import("mine").content_hash();
    assert_ne!(hash, bundled_hash);
    assert_eq!(
        address_dataset(&restored, &hash, &bundled_hash),
        DatasetRef::Imported {
            name: "mine".into(),
            hash
        }
    );
}

#[test]
fn a_link_to_a_data_set_this_browser_lacks_keeps_naming_it_until_the_user_changes_data_set() {
    let s = start();
    let bundled_hash = s.data.content_hash();
    let restored = reduce(
        &s,
        restore_link(
            &s,
            &format!("?ds={LINK_HASH}&dn=lost&w=30,20,20,20,10"),
            |_| Err(LoadError::Missing),
        ),
    );
    let lost = DatasetRef::Imported {
        name: "lost".into(),
        hash: LINK_HASH.into(),
    };
    assert_eq!(
        *restored.link_notices,
        [Notice::new(
            "ds",
            NoticeKind::MissingDataset {
                name: "lost".into()
            }
        )]
    );
    assert_eq!(restored.missing_dataset, Some(lost.clone()));
    assert_eq!(
        restored.data.content_hash(),
        bundled_hash,
        "the bundled data is shown"
    );
    assert_eq!(
        restored.scenario.dimension_weights,
        [30.0, 20.0, 20.0, 20.0, 10.0]
    );
    let none = Embed::default();
    assert_eq!(
        address_view(&restored, &bundled_hash, &bundled_hash, &none).dataset,
        lost
    );

    // A weight change keeps the name in the address; dismissing the notices does too.
    let moved = run(
        &restored,
        vec![
            Action::SetWeight(Field::Dimension(0), 50.0),
            Action::DismissLinkNotices,
        ],
    );
    let view = address_view(&moved, &bundled_hash, &bundled_hash, &none);
    assert_eq!(view.dataset, lost);
    assert_eq!(view.scenario.dimension_weights[0], 50.0);

    // Choosing the bundled data set forgets it.
    let b = seeds::bundle();
    let bundled = reduce(
        &moved,
        Action::ReplaceData {
            data: Rc::new(b.data),
            provenance: Rc::new(b.provenance),
        },
    );
    assert_eq!(
        address_dataset(&bundled, &bundled_hash, &bundled_hash),
        DatasetRef::Bundled
    );
    let query = view_query(&bundled, DatasetRef::Bundled, &none);
    assert!(!query.contains("ds="), "{query}");

    // So does an import, which the address names instead.
    let imported = reduce(
        &moved,
        Action::ReplaceData {
            data: Rc::new(saved_import("mine")),
            provenance: Rc::new(Provenance::default()),
        },
    );
    let hash = saved_import("mine").content_hash();
    assert_eq!(
        address_dataset(&imported, &hash, &bundled_hash),
        DatasetRef::Imported {
            name: "mine".into(),
            hash
        }
    );
}

#[test]
fn a_damaged_saved_data_set_and_an_unknown_county_give_notices_in_the_links_language() {
    let s = start();
    let restored = reduce(
        &s,
        restore_link(
            &s,
            &format!("?foo=1&ds={LINK_HASH}&dn=mine&county=990003&lang=en"),
            |_| Err(LoadError::Unreadable),
        ),
    );
    assert_eq!(
        *restored.link_notices,
        [
            Notice::new("foo", NoticeKind::Unknown),
            Notice::new(
                "ds",
                NoticeKind::CorruptDataset {
                    name: "mine".into(),
                    reason: "the saved text cannot be read; it may have been cut short or changed"
                        .into(),
                }
            ),
            Notice::new("county", NoticeKind::UnknownCounty("990003".into())),
        ]
    );
    assert_eq!(
        restored.missing_dataset,
        Some(DatasetRef::Imported {
            name: "mine".into(),
            hash: LINK_HASH.into()
        })
    );
    assert_eq!(restored.selected, None);
    assert_eq!(restored.lang, Lang::En);
}

#[test]
fn a_saved_data_set_that_could_not_be_read_for_now_says_why_and_keeps_being_named() {
    let s = start();
    let reason = "Failed to fetch dynamically imported module";
    let restored = reduce(
        &s,
        restore_link(&s, &format!("?ds={LINK_HASH}&dn=mine&lang=en"), |_| {
            Err(LoadError::Unavailable(reason.into()))
        }),
    );
    let [notice] = &restored.link_notices[..] else {
        panic!("one notice: {:?}", restored.link_notices);
    };
    assert_eq!(
        notice.kind,
        NoticeKind::UnreadDataset {
            name: "mine".into(),
            reason: reason.into()
        }
    );
    let message = notice.message(Lang::En);
    assert!(
        message.contains("mine") && message.contains(reason),
        "{message}"
    );
    assert!(notice.message(Lang::Zh).contains("内置数据"));
    assert_eq!(
        restored.missing_dataset,
        Some(DatasetRef::Imported {
            name: "mine".into(),
            hash: LINK_HASH.into()
        })
    );
    assert_eq!(restored.data.content_hash(), s.data.content_hash());
}

#[test]
fn a_link_with_many_bad_parameters_counts_the_data_set_notice_among_the_rest() {
    let s = start();
    let unknown: Vec<String> = (0..50).map(|i| format!("x{i}=1")).collect();
    let search = format!("?{}&ds={LINK_HASH}&dn=lost", unknown.join("&"));
    let restored = reduce(&s, restore_link(&s, &search, |_| Err(LoadError::Missing)));
    // 50 unknown parameters and the missing data set: 20 listed, then 31 counted.
    assert_eq!(restored.link_notices.len(), 21);
    assert_eq!(
        restored.link_notices[..20],
        (0..20)
            .map(|i| Notice::new(&format!("x{i}"), NoticeKind::Unknown))
            .collect::<Vec<_>>()[..]
    );
    assert_eq!(
        restored.link_notices[20],
        Notice::new("", NoticeKind::More(31))
    );
    assert!(restored.missing_dataset.is_some());
}

#[test]
fn the_language_of_an_action_is_the_last_one_it_sets_and_can_be_taken_out() {
    let restore = Action::Batch(vec![
        Action::SetLang(Lang::ZhHant),
        Action::Select(Some(3)),
        Action::Batch(vec![Action::SetLang(Lang::En), Action::CommitDraft]),
    ]);
    assert_eq!(restore.language(), Some(Lang::En));
    assert_eq!(Action::Select(None).language(), None);
    assert_eq!(Action::SetLang(Lang::Zh).language(), Some(Lang::Zh));

    // Without its language changes the batch keeps the rest of its work, in order.
    let kept = restore.without_language();
    assert_eq!(kept.language(), None);
    assert_eq!(
        kept,
        Action::Batch(vec![
            Action::Select(Some(3)),
            Action::Batch(vec![Action::CommitDraft]),
        ])
    );
    let state = State::from_bundle(seeds::bundle());
    let after = reduce(&reduce(&state, Action::SetLang(Lang::En)), kept);
    assert_eq!(after.lang, Lang::En, "the page keeps the language it had");
    assert_eq!(after.selected, Some(3));
    assert_eq!(
        Action::SetLang(Lang::En).without_language(),
        Action::Batch(vec![])
    );
}

#[test]
fn where_a_county_stands_counts_its_prefecture_and_the_ranked() {
    let s = State::from_bundle(seeds::bundle());
    let jinjiang = s
        .data
        .unit_index("350582")
        .expect("晋江 is in the bundled data");
    let standing = Standing::of(&s.data, &s.ranking, jinjiang);
    // seeds/counties.csv, read here on its own: the units of 泉州市 (its fourth column).
    let quanzhou = seeds::COUNTIES_CSV
        .lines()
        .filter(|l| l.split(',').nth(3) == Some("泉州市"))
        .count();
    assert_eq!(standing.prefecture_size, quanzhou);
    assert_eq!(standing.n_ranked, 83);
    // The white paper's leader (Table 3-2) leads its prefecture too.
    assert_eq!((standing.rank, standing.prefecture_rank), (1, 1));
    assert_eq!(standing.composite, s.ranking.composite[jinjiang]);
}
