//! The postMessage API applied to the page state natively: commands become actions, events describe the
//! ranking, and only allowed origins may command.

use fjindex::data::seeds::bundle;
use fjindex::embed_api::{apply, origin_allowed, ranking_event, read_outcome, Command, Event};
use fjindex::model::Lang;
use fjindex::state::{reduce, State};

fn command(json: &str) -> Command {
    serde_json::from_str(json).unwrap()
}

fn run(state: &State, json: &str) -> State {
    let effect = apply(&command(json), state).unwrap();
    effect
        .actions
        .into_iter()
        .fold(state.clone(), |s, a| reduce(&s, a))
}

fn top(state: &State) -> Vec<String> {
    match ranking_event(state) {
        Event::Ranking { top, .. } => top.into_iter().map(|r| r.adcode).collect(),
        _ => unreachable!(),
    }
}

#[test]
fn set_weights_changes_the_ranking_the_event_reports() {
    let state = State::from_bundle(bundle());
    let before = top(&state);
    let after_state = run(
        &state,
        r#"{"type":"set-weights","weights":{"industry":0,"innovation":100,"cluster":0,"quality":0,"smart":0}}"#,
    );
    let after = top(&after_state);
    assert_ne!(before, after);
    // The innovation leader now comes first.
    let r = &after_state.ranking;
    let best = (0..after_state.data.n_units())
        .max_by(|&a, &b| r.dimension_score(a, 1).total_cmp(&r.dimension_score(b, 1)))
        .unwrap();
    assert_eq!(after[0], after_state.data.units[best].adcode);
    match ranking_event(&after_state) {
        Event::Ranking { weights, count, .. } => {
            assert_eq!(weights["innovation"], 100.0);
            assert_eq!(count, 83);
        }
        _ => unreachable!(),
    }
}

#[test]
fn select_language_and_errors() {
    let state = State::from_bundle(bundle());
    let s = run(&state, r#"{"type":"select","adcode":"350582"}"#);
    assert_eq!(
        s.selected
            .map(|u| s.data.units[u].adcode.clone())
            .as_deref(),
        Some("350582")
    );
    let s = run(&s, r#"{"type":"set-lang","lang":"en"}"#);
    assert_eq!(s.lang, Lang::En);
    let s = run(&s, r#"{"type":"select","adcode":null}"#);
    assert_eq!(s.selected, None);
    assert!(apply(&command(r#"{"type":"select","adcode":"999999"}"#), &s).is_err());
    assert!(apply(
        &command(r#"{"type":"set-weights","weights":{"nope":1}}"#),
        &s
    )
    .is_err());
    assert!(apply(
        &command(r#"{"type":"set-weights","weights":{"industry":500}}"#),
        &s
    )
    .is_err());
    assert!(
        apply(&command(r#"{"type":"get-ranking"}"#), &s)
            .unwrap()
            .reply_ranking
    );
    assert!(serde_json::from_str::<Command>(r#"{"type":"format-disk"}"#).is_err());
}

#[test]
fn set_lang_takes_every_language_id_and_names_them_when_it_does_not_know_one() {
    let state = State::from_bundle(bundle());
    for &lang in Lang::ALL {
        for id in [lang.id().to_string(), lang.id().to_uppercase()] {
            let s = run(&state, &format!(r#"{{"type":"set-lang","lang":"{id}"}}"#));
            assert_eq!(s.lang, lang, "{id}");
        }
    }
    for &page in Lang::ALL {
        let s = reduce(&state, fjindex::state::Action::SetLang(page));
        let error = apply(&command(r#"{"type":"set-lang","lang":"fr"}"#), &s).unwrap_err();
        assert!(error.contains("fr"), "{error}");
        for &known in Lang::ALL {
            assert!(error.contains(known.id()), "{error} names {}", known.id());
        }
        assert_eq!(s.lang, page, "the language is unchanged");
        let long = "x".repeat(100_000);
        let error = apply(
            &command(&format!(r#"{{"type":"set-lang","lang":"{long}"}}"#)),
            &s,
        )
        .unwrap_err();
        assert!(error.chars().count() < 200, "{} chars", error.len());
    }
    assert_eq!(
        apply(&command(r#"{"type":"set-lang","lang":"fr"}"#), &state).unwrap_err(),
        "未知的语言“fr”，可用的语言：zh | zh-Hant | en"
    );
}

#[test]
fn origins() {
    let own = "https://index.example.org";
    assert!(origin_allowed(own, &[], own));
    assert!(!origin_allowed("https://evil.example", &[], own));
    let list = vec!["https://www.fj.gov.cn".to_string()];
    assert!(origin_allowed("https://www.fj.gov.cn", &list, own));
    assert!(!origin_allowed(own, &list, own));
}

#[test]
fn set_scenario_applies_a_whole_share_link_scenario_or_says_why_not() {
    let state = State::from_bundle(bundle());
    let after = run(
        &state,
        r#"{"type":"set-scenario","query":"w=0,100,0,0,0&norm=zscore"}"#,
    );
    assert_eq!(
        after.scenario.dimension_weights,
        [0.0, 100.0, 0.0, 0.0, 0.0]
    );
    assert_eq!(
        after.scenario.normalisation,
        fjindex::model::Normalisation::ZScore
    );
    // The ranking is the one the scorer gives under that scenario, computed here on its own.
    let expected = fjindex::score::score(&after.system, &after.data, &after.scenario).unwrap();
    assert_eq!(after.ranking.rank, expected.rank);
    for (query, says) in [
        ("w=0,100", "w"),
        ("w=0,0,0,0,0", "w"),
        ("norm=sideways", "sideways"),
        ("county=350582", "county"),
    ] {
        let json = format!(r#"{{"type":"set-scenario","query":"{query}"}}"#);
        let err = apply(&command(&json), &state).unwrap_err();
        assert!(err.contains(says), "{query}: {err}");
        assert!(err.starts_with("方案未采用"), "{err}");
    }
}

#[test]
fn use_scenario_applies_a_saved_one_or_says_why_not() {
    use fjindex::embed_api::{apply_with, SavedScenarios};
    use fjindex::scenarios;
    let state = State::from_bundle(bundle());
    let list = scenarios::save(&[], "创新优先", "w=0,100,0,0,0").unwrap();
    let list = scenarios::save(&list, "damaged", "w=1").unwrap();
    let use_ = |name: &str, saved: SavedScenarios| {
        let json = format!(r#"{{"type":"use-scenario","name":"{name}"}}"#);
        apply_with(&command(&json), &state, || saved)
    };
    let effect = use_("创新优先", SavedScenarios::List(list.clone())).unwrap();
    let after = effect
        .actions
        .into_iter()
        .fold(state.clone(), |s, a| reduce(&s, a));
    assert_eq!(
        after.scenario.dimension_weights,
        [0.0, 100.0, 0.0, 0.0, 0.0]
    );
    let unknown = use_("nobody", SavedScenarios::List(list.clone())).unwrap_err();
    assert!(unknown.contains("nobody"), "{unknown}");
    let damaged = use_("damaged", SavedScenarios::List(list)).unwrap_err();
    assert!(damaged.contains("w"), "{damaged}");
    let unavailable = use_("创新优先", SavedScenarios::Unavailable).unwrap_err();
    assert!(unavailable.contains("存储不可用"), "{unavailable}");
    let unreadable = use_(
        "创新优先",
        SavedScenarios::Unreadable(scenarios::ReadError::Unreadable),
    )
    .unwrap_err();
    assert!(unreadable.contains("无法读取"), "{unreadable}");
    // Without a storage reader, `apply` answers as if storage were unavailable.
    let err = apply(
        &command(r#"{"type":"use-scenario","name":"创新优先"}"#),
        &state,
    )
    .unwrap_err();
    assert_eq!(err, unavailable);
}

#[test]
fn commands_are_read_by_their_type_with_that_type_s_fields() {
    let weights = [("industry".to_string(), 40.0)].into_iter().collect();
    let expected = [
        (
            r#"{"source":"fjindex","type":"set-weights","weights":{"industry":40}}"#,
            Command::SetWeights { weights },
        ),
        (
            r#"{"type":"select","adcode":"350102"}"#,
            Command::Select {
                adcode: Some("350102".to_string()),
            },
        ),
        (
            r#"{"type":"select","adcode":null}"#,
            Command::Select { adcode: None },
        ),
        (r#"{"type":"select"}"#, Command::Select { adcode: None }),
        (
            r#"{"type":"set-lang","lang":"en","query":"w=1"}"#,
            Command::SetLang {
                lang: "en".to_string(),
            },
        ),
        (r#"{"type":"get-ranking"}"#, Command::GetRanking),
        (
            r#"{"type":"set-scenario","query":"w=1,2"}"#,
            Command::SetScenario {
                query: "w=1,2".to_string(),
            },
        ),
        (
            r#"{"type":"use-scenario","name":"A"}"#,
            Command::UseScenario {
                name: "A".to_string(),
            },
        ),
    ];
    for (json, command) in expected {
        assert_eq!(
            serde_json::from_str::<Command>(json).unwrap(),
            command,
            "{json}"
        );
    }
    let error = |json: &str| {
        serde_json::from_str::<Command>(json)
            .unwrap_err()
            .to_string()
    };
    assert!(error(r#"{"type":"set-lang"}"#).contains("missing field `lang`"));
    assert!(error(r#"{"type":"set-weights"}"#).contains("missing field `weights`"));
    assert!(error(r#"{"lang":"en"}"#).contains("missing field `type`"));
    assert!(error(r#"{"type":"format-disk"}"#).contains("unknown variant `format-disk`"));
    assert!(error(r#"{"type":"set-weights","weights":{"industry":"x"}}"#).contains("invalid type"));
    assert!(error("[1]").contains("invalid type"));
}

/// The state after carrying out `json` the way the page does: the panels module's outcome texts, read
/// back in the page's system and applied as the page's actions; and whether the host is answered with
/// the ranking.
fn run_across_modules(state: &State, json: &str) -> (State, bool) {
    let parts = apply(&command(json), state).unwrap().outcome(state);
    let (requests, reply_ranking) = read_outcome(&parts, &state.system).unwrap();
    let after = requests
        .into_iter()
        .filter_map(|r| r.into_action(&state.system, &state.data))
        .fold(state.clone(), |s, a| reduce(&s, a));
    (after, reply_ranking)
}

#[test]
fn a_command_carried_out_by_the_panels_module_changes_the_page_as_applying_it_there_would() {
    let bundled = State::from_bundle(bundle());
    // A county other than 晋江 (350582) is selected, so that each command below changes the page.
    let last = bundled.data.n_units() - 1;
    assert_ne!(bundled.data.units[last].adcode, "350582");
    let state = reduce(&bundled, fjindex::state::Action::Select(Some(last)));
    let commands = [
        r#"{"type":"set-weights","weights":{"innovation":90,"smart":5}}"#,
        r#"{"type":"select","adcode":"350582"}"#,
        r#"{"type":"select","adcode":null}"#,
        r#"{"type":"set-lang","lang":"en"}"#,
        r#"{"type":"set-lang","lang":"zh-Hant"}"#,
        r#"{"type":"set-scenario","query":"w=1,2,1,1,1&norm=zscore&agg=geometric"}"#,
    ];
    for json in commands {
        let direct = run(&state, json);
        let (across, reply_ranking) = run_across_modules(&state, json);
        assert!(!reply_ranking, "{json}");
        assert_eq!(across.scenario, direct.scenario, "{json}");
        assert_eq!(across.selected, direct.selected, "{json}");
        assert_eq!(across.lang, direct.lang, "{json}");
        assert_eq!(across.ranking.order, direct.ranking.order, "{json}");
        assert_ne!(
            (&direct.scenario, direct.selected, direct.lang),
            (&state.scenario, state.selected, state.lang),
            "{json} changes the page"
        );
    }
    let (unchanged, reply_ranking) = run_across_modules(&state, r#"{"type":"get-ranking"}"#);
    assert!(reply_ranking);
    assert_eq!(unchanged.scenario, state.scenario);
}

#[test]
fn outcome_texts_that_do_not_read_are_refused() {
    let system = State::from_bundle(bundle()).system;
    let texts = |parts: &[&str]| parts.iter().map(|p| p.to_string()).collect::<Vec<_>>();
    assert!(read_outcome(&[], &system).is_err());
    assert!(read_outcome(&texts(&["", "select"]), &system).is_err());
    assert!(read_outcome(&texts(&["", "lang", "xx"]), &system).is_err());
    assert!(read_outcome(&texts(&["", "zoom", "2"]), &system).is_err());
    let (requests, reply) = read_outcome(&texts(&["ranking"]), &system).unwrap();
    assert!(requests.is_empty() && reply);
}
