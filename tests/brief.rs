//! The county brief's content model (`fjindex::brief`): every section filled for a county of the
//! bundled data in both languages, sections without content left out, the share link reopening the
//! same view, and the QR code drawing exactly the code's dark modules.

use fjindex::brief::{self, Brief, Extras};
use fjindex::data::seeds;
use fjindex::i18n::has_han;
use fjindex::model::{Lang, Weighting};
use fjindex::share;
use fjindex::state::{default_scenario, reduce, Action, State};

fn bundled() -> State {
    State::from_bundle(seeds::bundle())
}

fn select(state: &State, adcode: &str, lang: Lang) -> State {
    let u = state.data.unit_index(adcode).expect("a bundled county");
    let s = reduce(state, Action::Select(Some(u)));
    reduce(&s, Action::SetLang(lang))
}

fn brief_of(state: &State) -> Brief {
    let u = state.selected.expect("a selected county");
    let extras = Extras {
        date: "2026-12-06",
        base_url: "https://example.gov.cn/fjindex/",
        bounds: brief::precomputed_bounds(state, u),
        bounds_limits: None,
    };
    brief::build(state, &extras).expect("a brief")
}

fn ids(b: &Brief) -> Vec<&'static str> {
    b.sections.iter().map(|s| s.id).collect()
}

/// A county in the middle of the ranking, so every section (reach included) has something to say.
fn middle_county(state: &State) -> String {
    let u = state.ranking.order[40];
    state.data.units[u].adcode.clone()
}

#[test]
fn every_section_of_a_bundled_county_is_there_and_filled_in_both_languages() {
    let base = bundled();
    let adcode = middle_county(&base);
    for lang in [Lang::Zh, Lang::En] {
        let b = brief_of(&select(&base, &adcode, lang));
        assert_eq!(
            ids(&b),
            [
                "method",
                "dimensions",
                "summary",
                "uncertainty",
                "bounds",
                "reach",
                "link"
            ],
            "{lang:?}"
        );
        for s in &b.sections {
            assert!(!s.heading.is_empty(), "{} has a heading", s.id);
            assert!(
                s.lines.iter().all(|l| !l.trim().is_empty()) && !s.lines.is_empty(),
                "{} has text",
                s.id
            );
        }
        let table = b.sections[1].table.as_ref().expect("the dimension table");
        assert_eq!(table.rows.len(), 5);
        assert!(table.rows.iter().all(|r| r.score.is_finite()
            && r.prefecture_mean.is_finite()
            && r.province_mean.is_finite()));
        assert!(
            b.estimate_notice.is_some(),
            "the bundled data are estimates"
        );
        assert!(b.facts.iter().any(|(_, v)| v == "2026-12-06"));
        assert!(b.qr.is_some());
        if lang == Lang::En {
            let text: Vec<&String> = b
                .sections
                .iter()
                .flat_map(|s| std::iter::once(&s.heading).chain(&s.lines))
                .collect();
            for t in text {
                assert!(!has_han(t), "English brief has Chinese: {t}");
            }
        }
    }
}

#[test]
fn the_method_section_names_the_weights_and_the_data_set() {
    let base = bundled();
    let b = brief_of(&select(&base, "350582", Lang::Zh));
    let method = &b.sections[0].lines;
    assert!(method[0].contains("福建省县域 2024"), "{method:?}");
    assert!(method[1].contains("极差标准化"), "{method:?}");
    assert!(method[2].contains("20.0%"), "{method:?}");
    let b = brief_of(&select(&base, "350582", Lang::En));
    assert!(b.sections[0].lines[0].contains("Fujian counties 2024 (demonstration data)"));
}

#[test]
fn the_rank_band_is_the_fixed_monte_carlo_run_and_contains_the_rank() {
    let base = bundled();
    let state = select(&base, &middle_county(&base), Lang::Zh);
    let u = state.selected.unwrap();
    let row = brief::uncertainty_row(&state, u).expect("a ranked county");
    let again = brief::uncertainty_row(&state, u).unwrap();
    assert_eq!(row, again, "the same seed gives the same band");
    assert!(row.p05 <= row.median_rank && row.median_rank <= row.p95);
    let line = &brief_of(&state).sections[3].lines[0];
    assert!(
        line.contains(&format!("第 {}–{} 位", row.p05, row.p95))
            || line.contains(&format!("第 {} 位", row.p05)),
        "{line}"
    );
}

#[test]
fn best_and_worst_rank_name_the_weights_and_are_left_out_when_unknown() {
    let base = bundled();
    let state = select(&base, &middle_county(&base), Lang::Zh);
    let b = brief_of(&state);
    let bounds = &b.sections[4];
    assert!(bounds.lines[0].contains("0–100%"), "{:?}", bounds.lines);
    assert!(bounds.lines[1].starts_with("最好名次的权重："));
    // Entropy weights are not precomputed; without bounds handed in, no empty section appears.
    let mut entropy = state.scenario.clone();
    entropy.weighting = Weighting::Entropy;
    let state = reduce(&state, Action::SetScenario(entropy));
    let u = state.selected.unwrap();
    assert!(brief::precomputed_bounds(&state, u).is_none());
    let b = brief::build(
        &state,
        &Extras {
            date: "",
            base_url: "https://example.gov.cn/",
            bounds: None,
            bounds_limits: None,
        },
    )
    .unwrap();
    assert!(!ids(&b).contains(&"bounds"), "{:?}", ids(&b));
    assert!(
        !b.facts.iter().any(|(l, _)| l == "日期"),
        "no date, no date line"
    );
}

#[test]
fn what_it_would_take_gives_the_easiest_indicators_or_says_it_is_first() {
    let base = bundled();
    let state = select(&base, &middle_county(&base), Lang::Zh);
    let reach = &brief_of(&state).sections[5];
    assert!(reach.lines.len() >= 2 && reach.lines.len() <= 1 + brief::REACH_LINES);
    // Current -> needed, never beyond the best county's value (said so instead), with the best value.
    assert!(
        reach.lines[1..]
            .iter()
            .all(|l| l.contains(" → ") && l.contains("全省最高")),
        "{:?}",
        reach.lines
    );
    let first = state.data.units[state.ranking.order[0]].adcode.clone();
    let b = brief_of(&select(&base, &first, Lang::En));
    let reach = b.sections.iter().find(|s| s.id == "reach").unwrap();
    assert_eq!(reach.lines.len(), 1);
    assert!(reach.lines[0].contains("first"), "{:?}", reach.lines);
}

#[test]
fn the_link_reopens_the_same_county_weights_and_language() {
    let base = bundled();
    let mut state = select(&base, "350582", Lang::En);
    let mut scenario = state.scenario.clone();
    scenario.dimension_weights = vec![40.0, 10.0, 20.0, 20.0, 10.0];
    state = reduce(&state, Action::SetScenario(scenario.clone()));
    let b = brief_of(&state);
    let link = b.sections.last().unwrap().lines.last().unwrap();
    assert_eq!(link, &b.link);
    let query = link
        .strip_prefix("https://example.gov.cn/fjindex/?")
        .expect("the base address");
    let (view, notices) = share::parse(query, &state.system, &default_scenario(&state.system));
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(view.county.as_deref(), Some("350582"));
    assert_eq!(view.lang, Lang::En);
    assert_eq!(view.scenario, state.scenario);
    assert_eq!(view.dataset, share::DatasetRef::Bundled);
}

#[test]
fn the_qr_path_draws_every_dark_module_of_the_code_once() {
    let text = "https://example.gov.cn/fjindex/?w=40,10,20,20,10&county=350582&lang=en";
    let qr = brief::qr(text).expect("a code");
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).unwrap();
    assert_eq!(qr.width, code.width());
    let dark = code
        .to_colors()
        .iter()
        .filter(|c| **c == qrcode::Color::Dark)
        .count();
    assert_eq!(qr.dark, dark);
    // Each run is "M{x} {y}h{n}v1h-{n}z"; the runs' lengths add up to the dark modules.
    let drawn: usize = qr
        .path
        .split('M')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let n = p.split('h').nth(1).unwrap().trim_end_matches("v1");
            n.parse::<usize>().unwrap()
        })
        .sum();
    assert_eq!(drawn, dark);
}

#[test]
fn an_imported_data_set_has_no_estimate_notice_and_links_to_itself() {
    let base = bundled();
    let mut data = (*base.data).clone();
    data.meta.name = "official.csv".into();
    let state = reduce(
        &base,
        Action::ReplaceData {
            data: std::rc::Rc::new(data),
            provenance: std::rc::Rc::new(Default::default()),
        },
    );
    let state = select(&state, "350582", Lang::Zh);
    let b = brief_of(&state);
    assert!(b.estimate_notice.is_none());
    assert!(b.sections[0].lines[0].contains("official.csv"));
    assert!(b.link.contains("ds="), "{}", b.link);
}

#[test]
fn no_county_no_brief() {
    assert!(brief::build(&bundled(), &Extras::default()).is_none());
}

#[test]
fn best_and_worst_rank_within_limits_name_the_limits_in_every_language() {
    use fjindex::analysis::{bounds, DimensionModel, WeightLimits};
    let state = bundled();
    let adcode = middle_county(&state);
    for &lang in Lang::ALL {
        let state = select(&state, &adcode, lang);
        let u = state.selected.unwrap();
        let limits = WeightLimits::new(0.05, 0.5, state.system.n_dimensions()).unwrap();
        let model = DimensionModel::new(&state.system, &state.data, &state.scenario)
            .unwrap()
            .with_limits(limits)
            .unwrap();
        let within = bounds::rank_bounds(&state.system, &state.data, &model, u).unwrap();
        let b = brief::build(
            &state,
            &Extras {
                date: "",
                base_url: "https://example.gov.cn/",
                bounds: Some(within.clone()),
                bounds_limits: Some(limits),
            },
        )
        .unwrap();
        let section = b.sections.iter().find(|s| s.id == "bounds").unwrap();
        let line = &section.lines[0];
        assert!(line.contains("5%–50%") || line.contains("5–50 %"), "{line}");
        assert!(
            !line.contains("0–100") && !line.contains("0 to 100"),
            "{line}"
        );
        assert!(line.contains(&within.best_rank.to_string()), "{line}");
        // Without limits the same line says any weighting is allowed, from 0 to 100 %.
        let any = brief_of(&state);
        let line = &any
            .sections
            .iter()
            .find(|s| s.id == "bounds")
            .unwrap()
            .lines[0];
        assert!(
            line.contains("0–100") || line.contains("0 to 100"),
            "{line}"
        );
    }
}
