//! The messages between the page and its panels module (`state::messages`): every message survives
//! its texts unchanged, texts that are not a message are refused with a reason, and a panel's request
//! changes the page as the same action dispatched on the page would.

use fjindex::data::provenance::Provenance;
use fjindex::data::seeds;
use fjindex::model::{
    Aggregation, Choice, Dataset, DatasetMeta, Lang, Normalisation, Scenario, Treatment, Unit,
    Weighting,
};
use fjindex::state::editions::Edition;
use fjindex::state::messages::{PageMessage, PanelRequest};
use fjindex::state::snapshot::{DataMessage, NewData, Snapshot};
use fjindex::state::{default_scenario, reduce, Action, Field, Problem, State};
use std::rc::Rc;

fn bundled() -> State {
    State::from_bundle(seeds::bundle())
}

fn round_trip(message: PageMessage) -> PageMessage {
    PageMessage::decode(message.encode()).expect("a page message reads back")
}

fn request_round_trip(request: &PanelRequest, state: &State) -> PanelRequest {
    let [kind, value] = request.encode(&state.system);
    PanelRequest::decode(&kind, &value, &state.system).expect("a panel request reads back")
}

/// Twelve counties whose names and metadata hold the characters CSV and JSON escape.
fn awkward_import(state: &State) -> Dataset {
    let n = state.system.n_indicators();
    let meta = DatasetMeta {
        name: "福建县域, \"二〇二四\" 修订版".to_string(),
        year: Some(2024),
        source: "统计年鉴，表 3-1；\"估算\", 见附注\n第二行 \\ 反斜杠".to_string(),
        name_en: Some("Fujian counties, \"revised\"".to_string()),
        source_en: None,
        name_zh_hant: Some("福建縣域, \"二〇二四\" 修訂版".to_string()),
        source_zh_hant: None,
    };
    let units = (0..12)
        .map(|u| Unit {
            adcode: format!("98{u:04}"),
            name_zh: format!("县\"{u}\",东"),
            name_en: String::new(),
            prefecture_zh: "福州市".to_string(),
            lon: None,
            lat: None,
        })
        .collect();
    let mut data = Dataset::new(meta, units, n);
    for u in 0..12 {
        for i in 0..n {
            let value = (u * 31 + i * 17) as f64 / 7.0;
            data.set(u, i, ((u + i) % 9 != 0).then_some(value));
        }
    }
    data
}

fn with_import(state: &State, data: Dataset) -> State {
    reduce(
        state,
        Action::ReplaceData {
            data: Rc::new(data),
            provenance: Rc::new(Provenance::default()),
        },
    )
}

/// A scenario unlike the default in every field, with `normalisation`.
fn odd_scenario(state: &State, normalisation: Normalisation) -> Scenario {
    let mut s = default_scenario(&state.system);
    s.normalisation = normalisation;
    s.weighting = Weighting::Ahp;
    s.aggregation = Aggregation::Geometric;
    s.dimension_weights = vec![23.456789012345, 0.0, 100.0, 1.0 / 7.0, 0.1 + 0.2];
    s.indicator_weights[0] = 1e-7;
    s.indicator_weights[3] = 99.999999999;
    s.treatments[1] = Treatment::Log;
    s.treatments[4] = Treatment::Winsorise {
        lower: 2.5,
        upper: 97.5,
    };
    let n = state.system.n_dimensions();
    s.ahp_matrix = Some(
        (0..n * n)
            .map(|k| match (k / n, k % n) {
                (r, c) if r == c => 1.0,
                (r, c) if r < c => (c - r) as f64 + 1.0 / 3.0,
                (r, c) => 1.0 / ((r - c) as f64 + 1.0 / 3.0),
            })
            .collect(),
    );
    s
}

#[test]
fn every_snapshot_survives_its_texts() {
    let page = bundled();
    let with_bundled_data = Snapshot::of(&page, true);
    assert_eq!(with_bundled_data.data, Some(DataMessage::Bundled));
    let without_data = Snapshot::of(&page, false);
    assert_eq!(without_data.data, None);
    for snapshot in [with_bundled_data, without_data] {
        let message = PageMessage::Snapshot(snapshot);
        assert_eq!(round_trip(message.clone()), message);
    }

    // A page whose scenario cannot be scored also sends the scenario it ranked under.
    let mut zero = page.clone();
    for d in 0..zero.system.n_dimensions() {
        zero = reduce(&zero, Action::SetWeight(Field::Dimension(d), 0.0));
    }
    let snapshot = Snapshot::of(&zero, false);
    assert!(snapshot.ranked.is_some());
    let message = PageMessage::Snapshot(snapshot);
    assert_eq!(round_trip(message.clone()), message);
}

#[test]
fn an_import_with_awkward_names_reaches_a_replica_exactly() {
    let page = bundled();
    let data = awkward_import(&page);
    let page = with_import(&page, data.clone());
    let page = reduce(&page, Action::Select(Some(7)));
    let snapshot = Snapshot::of(&page, true);
    assert!(matches!(snapshot.data, Some(DataMessage::Dataset(_))));
    let message = PageMessage::Snapshot(snapshot);
    let read = round_trip(message.clone());
    assert_eq!(read, message);

    let PageMessage::Snapshot(snapshot) = read;
    let fresh = bundled();
    let (action, replica_data) = snapshot
        .into_action(&fresh.system, &fresh.data)
        .expect("the snapshot applies");
    let replica = reduce(&fresh, action);
    // Compared with the data set the page was given, not with what the page's encoder wrote.
    assert_eq!(replica_data.meta, data.meta);
    assert_eq!(replica.data.meta, data.meta);
    assert_eq!(replica.data.units, data.units);
    assert_eq!(replica.data.content_hash(), data.content_hash());
    assert_eq!(replica.selected, Some(7));
    assert_eq!(replica.data.units[7].name_zh, "县\"7\",东");
}

#[test]
fn every_request_survives_its_texts() {
    let state = bundled();
    let mut requests = vec![
        PanelRequest::Select(None),
        PanelRequest::Select(Some(state.data.units[40].adcode.clone())),
        // The page may hold an import whose codes are not six digits.
        PanelRequest::Select(Some("县-01, \"甲\"&x=1".to_string())),
        PanelRequest::SetScenario(default_scenario(&state.system)),
    ];
    for &normalisation in Normalisation::ALL {
        requests.push(PanelRequest::SetScenario(odd_scenario(
            &state,
            normalisation,
        )));
    }
    for &weighting in Weighting::ALL {
        for &aggregation in Aggregation::ALL {
            let mut s = odd_scenario(&state, Normalisation::ZScore);
            s.weighting = weighting;
            s.aggregation = aggregation;
            requests.push(PanelRequest::SetScenario(s));
        }
    }
    for &lang in Lang::ALL {
        requests.push(PanelRequest::SetLang(lang));
    }
    for request in &requests {
        assert_eq!(&request_round_trip(request, &state), request);
    }
}

#[test]
fn a_scenario_request_is_read_back_exactly() {
    let state = bundled();
    let mut s = default_scenario(&state.system);
    s.dimension_weights = vec![23.456789012345, 0.0, 100.0, 1.0 / 7.0, 50.0];
    s.weighting = Weighting::Critic;
    let request = PanelRequest::SetScenario(s);
    assert_eq!(request_round_trip(&request, &state), request);
}

#[test]
fn texts_that_are_not_a_page_message_are_refused_with_a_reason() {
    let good = PageMessage::Snapshot(Snapshot::of(&bundled(), true)).encode();
    assert_eq!(good.len(), 7);

    let err = PageMessage::decode(Vec::new()).unwrap_err();
    assert!(err.contains("no kind"), "{err}");

    for n in [1, 6, 8] {
        let mut parts = good.clone();
        parts.resize(n, String::new());
        let err = PageMessage::decode(parts).unwrap_err();
        assert!(
            err.contains("6 parts") && err.contains(&(n - 1).to_string()),
            "{n}: {err}"
        );
    }

    // The texts without their kind, which start with the view.
    let err = PageMessage::decode(good[1..].to_vec()).unwrap_err();
    assert!(err.contains("unknown page message kind"), "{err}");

    let mut parts = good.clone();
    parts[3] = "xlsx".to_string();
    let err = PageMessage::decode(parts).unwrap_err();
    assert!(err.contains("data kind") && err.contains("xlsx"), "{err}");
}

#[test]
fn a_snapshot_whose_contents_cannot_be_read_is_refused_when_applied() {
    let fresh = bundled();
    let apply = |snapshot: Snapshot| snapshot.into_action(&fresh.system, &fresh.data).map(|_| ());
    let view = Snapshot::of(&fresh, false).view;
    let dataset = |json: &str| Snapshot {
        view: view.clone(),
        ranked: None,
        data: Some(DataMessage::Dataset(json.to_string())),
        editions: String::new(),
        system: None,
    };
    let err = apply(dataset("{\"data\": ")).unwrap_err();
    assert!(!err.is_empty());
    // A data set of three indicators, where the system has sixteen.
    let import = awkward_import(&fresh);
    let narrow = Dataset::new(import.meta.clone(), import.units.clone(), 3);
    let DataMessage::Dataset(json) = NewData::Dataset(Rc::new(narrow)).message() else {
        panic!("an import travels as a data set");
    };
    let err = apply(dataset(&json)).unwrap_err();
    assert!(err.contains("does not fit"), "{err}");

    let ranked = Snapshot {
        view,
        ranked: Some("w=1,2".to_string()),
        data: None,
        editions: String::new(),
        system: None,
    };
    let err = apply(ranked).unwrap_err();
    assert!(err.contains("ranked") && err.contains("\"w\""), "{err}");
}

#[test]
fn texts_that_are_not_a_request_are_refused_with_a_reason() {
    let system = bundled().system;
    let err = PanelRequest::decode("zoom", "2", &system).unwrap_err();
    assert!(err.contains("zoom"), "{err}");
    for (query, param) in [
        ("w=1,2", "w"),
        ("w=10,20,abc,40,50", "w"),
        ("w=150,20,30,40,50", "w"),
        ("norm=bogus", "norm"),
        ("wt=minmax", "wt"),
        ("tr=nonexistent:log", "tr"),
        ("colour=red", "colour"),
    ] {
        let err = PanelRequest::decode("scenario", query, &system).unwrap_err();
        assert!(
            err.contains("scenario") && err.contains(&format!("{param:?}")),
            "{query}: {err}"
        );
    }
}

#[test]
fn a_panel_action_becomes_a_request_naming_the_county_by_adcode() {
    let replica = bundled();
    let code = |u: usize| replica.data.units[u].adcode.clone();
    assert_eq!(
        PanelRequest::from_action(&Action::Select(Some(5)), &replica.data),
        Some(PanelRequest::Select(Some(code(5))))
    );
    assert_eq!(
        PanelRequest::from_action(&Action::Select(None), &replica.data),
        Some(PanelRequest::Select(None))
    );
    // A unit the data set does not have selects none, as the page's reducer would.
    assert_eq!(
        PanelRequest::from_action(&Action::Select(Some(10_000)), &replica.data),
        Some(PanelRequest::Select(None))
    );
    let s = odd_scenario(&replica, Normalisation::Rank);
    assert_eq!(
        PanelRequest::from_action(&Action::SetScenario(s.clone()), &replica.data),
        Some(PanelRequest::SetScenario(s))
    );
    // Everything else is the module's own business.
    assert_eq!(
        PanelRequest::from_action(&Action::SetSearch("福".into()), &replica.data),
        None
    );
    assert_eq!(
        PanelRequest::from_action(&Action::SetWeight(Field::Dimension(0), 5.0), &replica.data),
        None
    );
}

/// What the page does with a panel's action: the module makes and encodes the request, the page
/// decodes it and turns it into its own action on its own data set.
fn page_action(replica: &State, page: &State, action: Action) -> Option<Action> {
    let request = PanelRequest::from_action(&action, &replica.data).expect("a request");
    let [kind, value] = request.encode(&replica.system);
    PanelRequest::decode(&kind, &value, &page.system)
        .expect("the page reads the request")
        .into_action(&page.system, &page.data)
}

#[test]
fn a_selection_request_selects_the_same_county_on_the_page() {
    let replica = bundled();
    // The page's data set lists the counties in another order (the replica has not caught up with
    // an import): the request must select by code, not by position.
    let mut reordered = replica.data.as_ref().clone();
    reordered.meta.name = "倒序".to_string();
    let n = reordered.n_units();
    let original = replica.data.clone();
    reordered.units.reverse();
    for u in 0..n {
        for i in 0..reordered.n_indicators() {
            reordered.set(n - 1 - u, i, original.get(u, i));
        }
    }
    let page = with_import(&replica, reordered);
    assert_ne!(page.data.units[3].adcode, replica.data.units[3].adcode);

    for u in [0, 3, 41, n - 1] {
        let action = page_action(&replica, &page, Action::Select(Some(u))).expect("an action");
        let after = reduce(&page, action);
        let selected = after.selected.expect("a county is selected");
        assert_eq!(
            after.data.units[selected].adcode,
            replica.data.units[u].adcode
        );
        assert_eq!(selected, n - 1 - u);
    }

    let selected = reduce(&page, Action::Select(Some(2)));
    let action = page_action(&replica, &selected, Action::Select(None)).expect("an action");
    assert_eq!(reduce(&selected, action).selected, None);

    // A county the page's data set does not have is ignored.
    let small = with_import(&page, awkward_import(&page));
    let small = reduce(&small, Action::Select(Some(4)));
    assert_eq!(page_action(&replica, &small, Action::Select(Some(0))), None);
    assert_eq!(
        PanelRequest::decode("select", "000000", &page.system)
            .unwrap()
            .into_action(&small.system, &small.data),
        None
    );
}

#[test]
fn a_scenario_request_changes_the_page_as_the_action_would() {
    let replica = bundled();
    let page = reduce(&bundled(), Action::Select(Some(9)));
    let mut accepted = vec![odd_scenario(&replica, Normalisation::MinMax)];
    let mut entropy = default_scenario(&replica.system);
    entropy.weighting = Weighting::Entropy;
    accepted.push(entropy);
    for scenario in accepted {
        let action =
            page_action(&replica, &page, Action::SetScenario(scenario.clone())).expect("an action");
        let after = reduce(&page, action);
        let direct = reduce(&page, Action::SetScenario(scenario.clone()));
        assert_eq!(after.scenario, scenario);
        assert_eq!(after.scenario, direct.scenario);
        assert_eq!(after.problem, direct.problem);
        assert_eq!(after.selected, Some(9));
        assert_eq!(
            format!("{:?}", after.ranking),
            format!("{:?}", direct.ranking)
        );
    }

    // Manual weights that are all zero reach the page, which refuses them as it refuses its own.
    let mut zero = default_scenario(&replica.system);
    zero.dimension_weights = vec![0.0; replica.system.n_dimensions()];
    let action =
        page_action(&replica, &page, Action::SetScenario(zero.clone())).expect("an action");
    let after = reduce(&page, action);
    assert!(matches!(after.problem, Some(Problem::Refused(_))));
    assert_eq!(
        after.problem,
        reduce(&page, Action::SetScenario(zero)).problem
    );
    assert_eq!(after.scenario, page.scenario);
}

/// The data set of a state by content (data sets hold NaN for missing values), with its ranking's
/// printed form, which compares every figure.
fn data_and_ranking(state: &State) -> (String, String, String) {
    (
        state.data.content_hash(),
        format!("{:?} {:?}", state.data.units, state.data.meta),
        format!("{:?}", state.ranking),
    )
}

#[test]
fn the_data_panel_s_data_sets_change_the_page_as_its_actions_would() {
    let page = bundled();
    let import = awkward_import(&page);
    let replace = Action::ReplaceData {
        data: Rc::new(import.clone()),
        provenance: Rc::new(Provenance::default()),
    };
    let direct = reduce(&page, replace.clone());
    let via = reduce(&page, page_action(&page, &page, replace).unwrap());
    assert_eq!(data_and_ranking(&via), data_and_ranking(&direct));
    assert!(via.provenance.records().is_empty());

    // Back to the bundled data set, with its provenance.
    let bundled_again = Action::ReplaceData {
        data: page.data.clone(),
        provenance: page.provenance.clone(),
    };
    let back = reduce(
        &direct,
        page_action(&direct, &direct, bundled_again).unwrap(),
    );
    assert_eq!(data_and_ranking(&back), data_and_ranking(&page));
    assert_eq!(back.provenance, page.provenance);

    // A collection of two editions.
    let mut earlier = import.clone();
    earlier.meta.year = Some(2023);
    earlier.set(0, 0, Some(1234.5));
    let editions = Action::SetEditions(Edition::of_import(vec![import.clone(), earlier]));
    let direct = reduce(&page, editions.clone());
    let via = reduce(&page, page_action(&page, &page, editions).unwrap());
    assert_eq!(data_and_ranking(&via), data_and_ranking(&direct));
    let years = |s: &State| s.editions.list.iter().map(|e| e.year).collect::<Vec<_>>();
    assert_eq!(years(&via), vec![2023, 2024]);
    assert_eq!(years(&via), years(&direct));
    for (a, b) in via.editions.list.iter().zip(&direct.editions.list) {
        assert_eq!(a.data.content_hash(), b.data.content_hash());
    }

    // A workbook's own indicator system comes with its data set, as one change.
    let mut system = (*page.system).clone();
    system.dimensions[0].name_zh = "改名的维度".to_string();
    let with_system = Action::Batch(vec![
        Action::ReplaceSystem(Rc::new(system.clone())),
        Action::ReplaceData {
            data: Rc::new(import),
            provenance: Rc::new(Provenance::default()),
        },
    ]);
    let direct = reduce(&page, with_system.clone());
    let via = reduce(&page, page_action(&page, &page, with_system).unwrap());
    assert_eq!(*via.system, system);
    assert_eq!(via.system, direct.system);
    assert_eq!(data_and_ranking(&via), data_and_ranking(&direct));
}

#[test]
fn an_install_request_that_cannot_be_read_is_refused_with_a_reason() {
    let system = bundled().system;
    for value in [
        "",
        "[1]",
        r#"["dataset","{}"]"#,
        r#"["zip","",""]"#,
        r#"["","",""]"#,
        r#"["dataset","{\"data\":1}",""]"#,
    ] {
        let err = PanelRequest::decode("install", value, &system).unwrap_err();
        assert!(!err.is_empty(), "{value}");
    }
    // A data set with fewer values than units times indicators.
    let text = r#"{"data":{"meta":{"name":"x","year":null,"source":""},"units":[{"adcode":"1","name_zh":"县"}],"n_indicators":16,"values":[1]}}"#;
    let value = fjindex::json::to_string(&["dataset", text, ""]).unwrap();
    let err = PanelRequest::decode("install", &value, &system).unwrap_err();
    assert!(err.contains("does not fit"), "{err}");
}
