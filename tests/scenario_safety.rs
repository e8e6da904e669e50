//! One validator for every way a scenario arrives (`fjindex::validate`): the weight boxes, Apply
//! buttons, share links, the embed API and the command line all refuse the same bad weights, whole,
//! with a message in Chinese and English; exact weights keep their exactness; echoed texts and lists of
//! notices are bounded.

use fjindex::cli::{scenario_from_args, RankArgs};
use fjindex::data::seeds::{bundle, indicator_system};
use fjindex::echo::MAX_NOTICES;
use fjindex::embed_api::{apply, Command};
use fjindex::model::{IndicatorSystem, Lang};
use fjindex::share::{parse, parse_link, NoticeKind};
use fjindex::state::{default_scenario, format_weight, reduce, Action, Field, Problem, State};
use fjindex::validate::{check_scenario, check_weight, ScenarioError, WeightProblem};
use std::rc::Rc;

const IDS: [&str; 5] = ["industry", "innovation", "cluster", "quality", "smart"];

/// Bad sets of five dimension weights, as texts every path can carry.
const BAD: [(&str, [&str; 5]); 7] = [
    ("huge", ["1e308", "1e308", "1e308", "1e308", "1e308"]),
    ("infinite", ["inf", "20", "20", "20", "20"]),
    ("NaN", ["NaN", "20", "20", "20", "20"]),
    ("negative", ["-1", "20", "20", "20", "20"]),
    ("above 100", ["20", "20", "100.5", "20", "20"]),
    ("all zero", ["0", "0", "0", "0", "0"]),
    ("subnormal as zero", ["1e-320", "0", "0", "0", "0"]),
];

fn numbers(texts: &[&str; 5]) -> Vec<f64> {
    texts.iter().map(|t| t.parse().unwrap()).collect()
}

/// The link path: the weights are refused whole, a notice says why, the defaults stay.
fn link_refuses(system: &IndicatorSystem, texts: &[&str; 5]) -> bool {
    let defaults = default_scenario(system);
    let (state, notices) = parse_link(&format!("w={}", texts.join(",")), system, &defaults);
    let said = notices.iter().any(|n| {
        n.param == "w"
            && !n.message_in(Lang::Zh, system).is_empty()
            && !n.message_in(Lang::En, system).is_empty()
    });
    said && state.scenario.dimension_weights == defaults.dimension_weights
}

/// The embed path: an error reply in the page's language and no action.
fn embed_refuses(state: &State, texts: &[&str; 5]) -> bool {
    let pairs: Vec<String> = IDS
        .iter()
        .zip(texts)
        .map(|(id, t)| format!("\"{id}\":{}", json_number(t)))
        .collect();
    // JSON has no NaN or infinity; a host's postMessage can send them, as these values.
    let mut command: Command = serde_json::from_str(&format!(
        r#"{{"type":"set-weights","weights":{{{}}}}}"#,
        pairs.join(",")
    ))
    .unwrap();
    if let Command::SetWeights { weights } = &mut command {
        for (id, t) in IDS.iter().zip(texts) {
            weights.insert(id.to_string(), t.parse().unwrap());
        }
    }
    apply(&command, state).is_err_and(|m| !m.is_empty())
}

fn json_number(t: &str) -> &str {
    match t {
        "inf" | "NaN" => "0",
        t => t,
    }
}

/// The CLI path: `--weights industry=...,...` is an error.
fn cli_refuses(system: &IndicatorSystem, texts: &[&str; 5]) -> bool {
    let spec: Vec<String> = IDS
        .iter()
        .zip(texts)
        .map(|(id, t)| format!("{id}={t}"))
        .collect();
    let args = RankArgs {
        weights: Some(spec.join(",")),
        normalize: "minmax".into(),
        weighting: "manual".into(),
        aggregate: "arithmetic".into(),
        ..RankArgs::default()
    };
    scenario_from_args(system, &args).is_err_and(|m| !m.is_empty())
}

/// The Apply-button path (and a panel's request): the whole scenario is refused, nothing changes.
fn apply_button_refuses(state: &State, texts: &[&str; 5]) -> bool {
    let mut scenario = state.scenario.clone();
    scenario.dimension_weights = numbers(texts);
    let t = reduce(state, Action::SetScenario(scenario));
    t.scenario == state.scenario
        && Rc::ptr_eq(&t.ranking, &state.ranking)
        && matches!(&t.problem, Some(Problem::Refused(_)))
}

/// The weight boxes, typed one after another: the bad value is refused, or (all zero) the ranking
/// stays the last good one and a problem says why; the ranking shown is never computed from it.
fn boxes_refuse(state: &State, texts: &[&str; 5]) -> bool {
    let mut s = state.clone();
    for (d, t) in texts.iter().enumerate() {
        s = reduce(&s, Action::EditWeight(Field::Dimension(d), t.to_string()));
        if s.problem.is_some() {
            break;
        }
    }
    let ranking_valid = s.ranking.composite.iter().all(|c| c.is_finite())
        && s.ranking.rank.iter().filter(|&&r| r == 1).count() == 1;
    let message = s.problem.as_ref().map(|p| p.message(Lang::En, &s.system));
    ranking_valid && message.is_some_and(|m| !m.is_empty())
}

#[test]
fn every_path_refuses_the_same_bad_weights() {
    let system = indicator_system();
    let state = State::from_bundle(bundle());
    for (what, texts) in BAD {
        assert!(boxes_refuse(&state, &texts), "boxes accepted {what}");
        assert!(
            apply_button_refuses(&state, &texts),
            "SetScenario accepted {what}"
        );
        assert!(link_refuses(&system, &texts), "the link accepted {what}");
        assert!(
            embed_refuses(&state, &texts),
            "the embed API accepted {what}"
        );
        assert!(cli_refuses(&system, &texts), "the CLI accepted {what}");
    }
}

#[test]
fn the_validator_names_the_problem_in_both_languages() {
    let system = indicator_system();
    let mut s = default_scenario(&system);
    s.dimension_weights = vec![1e308; 5];
    let e = check_scenario(&system, &s).unwrap_err();
    assert_eq!(
        e,
        ScenarioError::Weight {
            level: fjindex::validate::Level::Dimension,
            index: 0,
            value: 1e308,
            problem: WeightProblem::AboveMax
        }
    );
    assert!(
        e.message(Lang::En, &system).contains("1e308, is above 100"),
        "{}",
        e.message(Lang::En, &system)
    );
    assert!(e.message(Lang::Zh, &system).contains("大于 100"));
    s.dimension_weights = vec![1e-320, 0.0, 0.0, 0.0, 0.0];
    let e = check_scenario(&system, &s).unwrap_err();
    assert_eq!(e, ScenarioError::AllZero { dimension: None });
    assert!(e.message(Lang::Zh, &system).contains("全部为零"));
    s.dimension_weights = vec![20.0; 5];
    s.indicator_weights[0] = 1e-320;
    s.indicator_weights[1] = 0.0;
    s.indicator_weights[2] = 0.0;
    assert_eq!(
        check_scenario(&system, &s).unwrap_err(),
        ScenarioError::AllZero { dimension: Some(0) }
    );
    assert_eq!(check_weight(-0.0), Ok(0.0));
    assert_eq!(check_weight(f64::MIN_POSITIVE), Ok(f64::MIN_POSITIVE));
    assert_eq!(check_weight(f64::MIN_POSITIVE / 2.0), Ok(0.0));
    assert_eq!(
        check_weight(f64::NEG_INFINITY),
        Err(WeightProblem::NotFinite)
    );
}

#[test]
fn a_bad_indicator_weight_is_refused_the_same_way() {
    let system = indicator_system();
    let state = State::from_bundle(bundle());
    let defaults = default_scenario(&system);
    let mut iw = vec!["10".to_string(); 16];
    iw[3] = "1e308".into();
    let (link, notices) = parse_link(&format!("iw={}", iw.join(",")), &system, &defaults);
    assert_eq!(link.scenario.indicator_weights, defaults.indicator_weights);
    assert!(matches!(notices[0].kind, NoticeKind::BadWeights(_)));
    let args = RankArgs {
        indicator_weights: Some("revenue=0,value_added_growth=0,industry_gdp_share=0".into()),
        normalize: "minmax".into(),
        weighting: "manual".into(),
        aggregate: "arithmetic".into(),
        ..RankArgs::default()
    };
    let err = scenario_from_args(&system, &args).unwrap_err();
    assert!(err.contains("cannot all be zero"), "{err}");
    let t = reduce(
        &state,
        Action::EditWeight(Field::Indicator(3), "1e308".into()),
    );
    assert_eq!(t.scenario, state.scenario);
    assert!(matches!(t.problem, Some(Problem::BadWeight { .. })));
}

#[test]
fn a_scenario_is_applied_whole_or_not_at_all() {
    let system = indicator_system();
    let state = State::from_bundle(bundle());
    // One good and one bad weight in one command: nothing of it is applied.
    let command: Command = serde_json::from_str(
        r#"{"type":"set-weights","weights":{"industry":50,"innovation":101}}"#,
    )
    .unwrap();
    assert!(apply(&command, &state).is_err());
    // All five at zero is one error, not five piecemeal moves ending at smart = 100 %.
    let zero: Command = serde_json::from_str(
        r#"{"type":"set-weights","weights":{"industry":0,"innovation":0,"cluster":0,"quality":0,"smart":0}}"#,
    )
    .unwrap();
    let err = apply(&zero, &state).unwrap_err();
    assert!(err.contains("全部为零"), "{err}");
    let en = reduce(&state, Action::SetLang(Lang::En));
    assert!(apply(&zero, &en)
        .unwrap_err()
        .contains("cannot all be zero"));
    // A good command is one update.
    let good: Command =
        serde_json::from_str(r#"{"type":"set-weights","weights":{"industry":50}}"#).unwrap();
    let effect = apply(&good, &state).unwrap();
    let t = effect
        .actions
        .into_iter()
        .fold(state.clone(), |s, a| reduce(&s, a));
    assert_eq!(t.scenario.dimension_weights, [50.0, 20.0, 20.0, 20.0, 20.0]);
    // Links: a list with one bad value is refused whole.
    let (link, _) = parse_link("w=50,1e308,20,20,20", &system, &default_scenario(&system));
    assert_eq!(link.scenario.dimension_weights, [20.0; 5]);
}

#[test]
fn exact_weights_keep_their_exactness_and_small_ones_never_show_as_zero() {
    let system = indicator_system();
    let state = State::from_bundle(bundle());
    let exact = [100.0 / 3.0, 0.1 + 0.2, 1e-7, 0.0, 66.66666666666667];
    let mut scenario = state.scenario.clone();
    scenario.dimension_weights = exact.to_vec();
    let t = reduce(&state, Action::SetScenario(scenario.clone()));
    assert_eq!(t.problem, None);
    assert_eq!(t.scenario.dimension_weights, exact);
    let query = format!(
        "w={}",
        exact
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join(",")
    );
    let (link, notices) = parse_link(&query, &system, &default_scenario(&system));
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(link.scenario.dimension_weights, exact);
    // What the boxes show: a weight that is not zero never reads "0".
    assert_eq!(format_weight(1e-7), "1e-7");
    assert_eq!(format_weight(0.0123456), "0.0123");
    assert_eq!(format_weight(0.001), "0.001");
    assert_eq!(format_weight(1e-300), "1e-300");
    assert_eq!(format_weight(0.0), "0");
    assert_eq!(format_weight(33.333), "33.3");
    assert_eq!(t.weight_text(Field::Dimension(2)), "1e-7");
}

#[test]
fn link_notices_are_capped_and_summarised() {
    let system = indicator_system();
    let query: String = (0..50_000).map(|i| format!("x{i}=1&")).collect();
    let (_, notices) = parse(&query, &system, &default_scenario(&system));
    assert_eq!(notices.len(), MAX_NOTICES + 1);
    assert_eq!(
        notices.last().unwrap().kind,
        NoticeKind::More(50_000 - MAX_NOTICES)
    );
    assert_eq!(
        notices.last().unwrap().message(Lang::En),
        "… and 49,980 more"
    );
    assert!(notices.last().unwrap().message(Lang::Zh).contains("49,980"));
}

#[test]
fn echoed_user_texts_are_shortened() {
    let system = indicator_system();
    let long = "n".repeat(100_000);
    let (_, notices) = parse(
        &format!("{long}=1&lang={long}&dn={long}&hide={long}"),
        &system,
        &default_scenario(&system),
    );
    assert_eq!(notices.len(), 4);
    for n in &notices {
        for lang in [Lang::Zh, Lang::En] {
            let m = n.message_in(lang, &system);
            assert!(m.chars().count() < 250, "{} chars: {m:.200}", m.len());
        }
    }
    let missing =
        fjindex::share::Notice::new("ds", NoticeKind::MissingDataset { name: long.clone() });
    assert!(missing.message(Lang::En).len() < 250);
    // Embed commands: an unknown dimension and an unknown adcode.
    let state = State::from_bundle(bundle());
    let command: Command = serde_json::from_str(&format!(
        r#"{{"type":"set-weights","weights":{{"{long}":1}}}}"#
    ))
    .unwrap();
    assert!(apply(&command, &state).unwrap_err().len() < 250);
    let command: Command =
        serde_json::from_str(&format!(r#"{{"type":"select","adcode":"{long}"}}"#)).unwrap();
    assert!(apply(&command, &state).unwrap_err().len() < 250);
    let parse_error =
        serde_json::from_str::<Command>(&format!(r#"{{"type":"{long}"}}"#)).unwrap_err();
    assert!(fjindex::embed_api::not_a_command(Lang::En, &parse_error.to_string()).len() < 250);
    // The CLI.
    let args = RankArgs {
        weights: Some(format!("{long}=1")),
        normalize: "minmax".into(),
        weighting: "manual".into(),
        aggregate: "arithmetic".into(),
        ..RankArgs::default()
    };
    assert!(scenario_from_args(&system, &args).unwrap_err().len() < 250);
    // A typed weight.
    let t = reduce(
        &state,
        Action::EditWeight(Field::Dimension(0), long.clone()),
    );
    assert!(t.problem.unwrap().message(Lang::En, &t.system).len() < 300);
}
