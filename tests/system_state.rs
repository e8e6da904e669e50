//! The page's state when the user replaces the indicator system (`Action::ReplaceSystem`): a refused
//! system changes nothing and says why in the user's language; the data set's columns, the weights and
//! the treatments follow by id; the panels module's replica follows through the snapshot texts; the
//! reset restores the white paper's system and its ranking; the editor's draft builds what it shows or
//! says why not; share links name an edited system by hash; the embed API's dimension ids follow.

use fjindex::data::provenance::Provenance;
use fjindex::data::seeds;
use fjindex::model::{Dataset, IndicatorSystem, Lang, Treatment};
use fjindex::score::score;
use fjindex::state::messages::{PageMessage, PanelRequest};
use fjindex::state::snapshot::Snapshot;
use fjindex::state::system::{indicators_without_values, DraftEdit, DraftProblem, SystemDraft};
use fjindex::state::{
    default_scenario, reduce, Action, Field, Problem, State, DEFAULT_DIMENSION_WEIGHT,
    DEFAULT_INDICATOR_WEIGHT,
};
use fjindex::system_check::SystemProblem;
use serde_json::{json, Value};
use std::rc::Rc;

fn bundled() -> State {
    State::from_bundle(seeds::bundle())
}

fn white_paper() -> Value {
    serde_json::from_str(seeds::INDICATORS_JSON).unwrap()
}

fn system_of(v: &Value) -> Rc<IndicatorSystem> {
    Rc::new(IndicatorSystem::from_json(&v.to_string()).expect("a well-formed system"))
}

/// Moves indicator `id` to the end of dimension `to` (the file keeps each dimension's indicators
/// together).
fn move_indicator(v: &mut Value, id: &str, to: &str) {
    let indicators = v["indicators"].as_array_mut().unwrap();
    let k = indicators.iter().position(|i| i["id"] == id).unwrap();
    let mut ind = indicators.remove(k);
    ind["dimension"] = json!(to);
    let last = indicators
        .iter()
        .rposition(|i| i["dimension"] == to)
        .unwrap();
    indicators.insert(last + 1, ind);
}

/// The white paper's system with rd_intensity moved to "quality", profit_margin read as
/// lower-is-better, and a sixth dimension "openness" holding new_patents and a new indicator "fdi"
/// that the bundled data has no values for.
fn edited() -> Value {
    let mut v = white_paper();
    move_indicator(&mut v, "rd_intensity", "quality");
    for ind in v["indicators"].as_array_mut().unwrap() {
        if ind["id"] == "profit_margin" {
            ind["higher_is_better"] = json!(false);
        }
    }
    v["dimensions"].as_array_mut().unwrap().push(json!({
        "id": "openness", "name_zh": "开放水平", "name_en": "Openness"
    }));
    let indicators = v["indicators"].as_array_mut().unwrap();
    let k = indicators
        .iter()
        .position(|i| i["id"] == "new_patents")
        .unwrap();
    let mut patents = indicators.remove(k);
    patents["dimension"] = json!("openness");
    let mut fdi = patents.clone();
    fdi["id"] = json!("fdi");
    fdi["name_zh"] = json!("实际利用外资");
    fdi["name_en"] = json!("Foreign direct investment");
    indicators.push(patents);
    indicators.push(fdi);
    v
}

/// The bundled values under `system`, copied column by column by this test (not by the code under
/// test): the CSV seed read against the white paper's system, then each column found by its id.
fn bundled_values_for(system: &IndicatorSystem) -> Dataset {
    let b = seeds::bundle();
    let mut data = Dataset::new(
        b.data.meta.clone(),
        b.data.units.clone(),
        system.n_indicators(),
    );
    for (i, ind) in system.indicators.iter().enumerate() {
        if let Some(k) = b.system.indicators.iter().position(|x| x.id == ind.id) {
            for u in 0..data.n_units() {
                data.set(u, i, b.data.get(u, k));
            }
        }
    }
    data
}

#[test]
fn an_edited_system_ranks_as_the_engine_ranks_its_data() {
    let page = bundled();
    let system = system_of(&edited());
    let page = reduce(&page, Action::ReplaceSystem(system.clone()));
    assert!(page.problem.is_none(), "{:?}", page.problem);
    assert_eq!(*page.system, *system);
    assert_eq!(page.system.n_dimensions(), 6);

    let data = bundled_values_for(&system);
    let expected = score(&system, &data, &default_scenario(&system)).unwrap();
    assert_eq!(
        format!("{:?}", page.ranking),
        format!("{expected:?}"),
        "the page's ranking is the engine's on the bundled values matched by id"
    );
    assert_eq!(format!("{:?}", page.baseline), format!("{expected:?}"));
    // Every value of every kept indicator is the bundled one; the new indicator has none.
    let fdi = system.indicator_index("fdi").unwrap();
    assert_eq!(
        indicators_without_values(&page.system, &page.data),
        vec![fdi]
    );
    for i in 0..system.n_indicators() {
        for u in 0..data.n_units() {
            assert_eq!(
                page.data.get(u, i),
                data.get(u, i),
                "unit {u}, indicator {i}"
            );
        }
    }
    // The bundled data's provenance stays (its records name indicators by id).
    assert!(!page.provenance.records().is_empty());
    assert_eq!(page.unit_estimates, bundled().unit_estimates);
}

#[test]
fn a_refused_system_changes_nothing_and_says_why_in_the_users_language() {
    let page = reduce(&bundled(), Action::SetWeight(Field::Dimension(1), 70.0));
    let mut v = white_paper();
    v["indicators"][3]["id"] = json!("revenue");
    v["indicators"][4]["id"] = json!("Bad Id");
    let refused = reduce(&page, Action::ReplaceSystem(system_of(&v)));
    assert_eq!(refused.system, page.system);
    assert_eq!(refused.scenario, page.scenario);
    assert_eq!(refused.ranking, page.ranking);
    assert!(Rc::ptr_eq(&refused.data, &page.data));
    let problem = refused.problem.clone().expect("the refusal is said");
    assert!(matches!(problem, Problem::System(ref p) if p.len() == 2));
    let zh = problem.message(Lang::Zh, &refused.system);
    let en = problem.message(Lang::En, &refused.system);
    assert!(
        zh.starts_with("指标体系未更改") && zh.contains("revenue") && zh.contains("Bad Id"),
        "{zh}"
    );
    assert!(
        en.starts_with("The indicator system was not changed") && en.contains("Bad Id"),
        "{en}"
    );
    let hant = problem.message(Lang::ZhHant, &refused.system);
    assert!(hant.starts_with("指標體系未更改"), "{hant}");

    // Too few dimensions.
    let mut one = white_paper();
    one["dimensions"] = json!([one["dimensions"][0].clone()]);
    let first = one["dimensions"][0]["id"].clone();
    let kept: Vec<Value> = one["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["dimension"] == first)
        .cloned()
        .collect();
    one["indicators"] = json!(kept);
    let refused = reduce(&page, Action::ReplaceSystem(system_of(&one)));
    assert_eq!(refused.system, page.system);
    let en = refused.problem.unwrap().message(Lang::En, &refused.system);
    assert!(
        en.contains("has 1 dimensions") || en.contains("1 dimension"),
        "{en}"
    );
}

#[test]
fn weights_and_treatments_follow_their_ids() {
    let mut page = bundled();
    let wp = page.system.clone();
    let d_innovation = wp.dimension_index("innovation").unwrap();
    let i_profit = wp.indicator_index("profit_margin").unwrap();
    let i_rd = wp.indicator_index("rd_intensity").unwrap();
    page = reduce(
        &page,
        Action::SetWeight(Field::Dimension(d_innovation), 70.0),
    );
    page = reduce(&page, Action::SetWeight(Field::Indicator(i_profit), 35.0));
    page = reduce(&page, Action::SetWeight(Field::Indicator(i_rd), 12.5));
    let mut scenario = page.scenario.clone();
    scenario.treatments[i_profit] = Treatment::Log;
    page = reduce(&page, Action::SetScenario(scenario));
    assert!(page.problem.is_none());

    let system = system_of(&edited());
    let page = reduce(&page, Action::ReplaceSystem(system.clone()));
    assert!(page.problem.is_none(), "{:?}", page.problem);
    let s = &page.scenario;
    assert_eq!(s.dimension_weights.len(), 6);
    assert_eq!(s.indicator_weights.len(), system.n_indicators());
    assert_eq!(s.treatments.len(), system.n_indicators());
    let at = |id: &str| system.indicator_index(id).unwrap();
    assert_eq!(
        s.dimension_weights[system.dimension_index("innovation").unwrap()],
        70.0
    );
    assert_eq!(
        s.dimension_weights[system.dimension_index("openness").unwrap()],
        DEFAULT_DIMENSION_WEIGHT
    );
    assert_eq!(s.indicator_weights[at("profit_margin")], 35.0);
    assert_eq!(s.indicator_weights[at("rd_intensity")], 12.5);
    assert_eq!(s.indicator_weights[at("fdi")], DEFAULT_INDICATOR_WEIGHT);
    assert_eq!(s.treatments[at("profit_margin")], Treatment::Log);
    assert_eq!(s.treatments[at("fdi")], Treatment::None);
    // The ranking is the engine's under that scenario.
    let expected = score(&system, &bundled_values_for(&system), s).unwrap();
    assert_eq!(format!("{:?}", page.ranking), format!("{expected:?}"));
}

#[test]
fn an_imported_data_set_keeps_its_columns_by_id() {
    let page = bundled();
    let full = page.data.clone();
    let mut data = Dataset::new(
        full.meta.clone(),
        full.units[..30].to_vec(),
        full.n_indicators(),
    );
    for u in 0..30 {
        for i in 0..full.n_indicators() {
            data.set(u, i, full.get(u, i).map(|v| v * 2.0 + 1.0));
        }
    }
    let page = reduce(
        &page,
        Action::ReplaceData {
            data: Rc::new(data.clone()),
            provenance: Rc::new(Provenance::default()),
        },
    );
    let system = system_of(&edited());
    let after = reduce(&page, Action::ReplaceSystem(system.clone()));
    assert!(after.problem.is_none(), "{:?}", after.problem);
    assert_eq!(after.data.units, data.units);
    assert_eq!(after.data.meta, data.meta);
    for (i, ind) in system.indicators.iter().enumerate() {
        let old = page.system.indicator_index(&ind.id);
        for u in 0..30 {
            let want = old.and_then(|k| data.get(u, k));
            assert_eq!(after.data.get(u, i), want, "{} of unit {u}", ind.id);
        }
    }
    // Back to the white paper's system: the import's columns are all there again.
    let back = reduce(&after, Action::ResetSystem);
    assert_eq!(back.data.content_hash(), page.data.content_hash());
    assert_eq!(back.ranking, page.ranking);
}

#[test]
fn reset_restores_the_white_papers_system_and_ranking() {
    let start = bundled();
    let edited = reduce(&start, Action::ReplaceSystem(system_of(&edited())));
    assert_ne!(edited.ranking, start.ranking);
    let back = reduce(&edited, Action::ResetSystem);
    assert_eq!(back.system, start.system);
    assert_eq!(back.scenario, start.scenario);
    assert_eq!(back.ranking, start.ranking);
    assert_eq!(back.baseline, start.baseline);
    assert_eq!(back.data.content_hash(), start.data.content_hash());
    assert!(back.problem.is_none());
}

#[test]
fn weights_that_cannot_be_scored_under_the_new_system_give_way_to_the_default() {
    // Every indicator weight of "innovation" but rd_intensity's is zero; moving rd_intensity away
    // leaves "innovation" with only zero weights.
    let mut page = bundled();
    let wp = page.system.clone();
    let d = wp.dimension_index("innovation").unwrap();
    let rd = wp.indicator_index("rd_intensity").unwrap();
    for i in wp.indicators_of(d).filter(|&i| i != rd) {
        page = reduce(&page, Action::SetWeight(Field::Indicator(i), 0.0));
    }
    assert!(page.problem.is_none());
    let mut v = white_paper();
    move_indicator(&mut v, "rd_intensity", "quality");
    let system = system_of(&v);
    let page = reduce(&page, Action::ReplaceSystem(system.clone()));
    assert_eq!(*page.system, *system);
    assert_eq!(page.scenario, default_scenario(&system));
    assert!(page.problem.is_none());
}

#[test]
fn the_panels_replica_follows_a_system_change_through_the_snapshot_texts() {
    let fresh = bundled();
    let page = reduce(&fresh, Action::SetWeight(Field::Dimension(0), 40.0));
    let page = reduce(&page, Action::ReplaceSystem(system_of(&edited())));
    let page = reduce(&page, Action::Select(Some(5)));
    let texts = PageMessage::Snapshot(Snapshot::of(&page, true)).encode();
    let PageMessage::Snapshot(snapshot) = PageMessage::decode(texts).unwrap();
    let system = snapshot.system_after(&fresh.system).unwrap();
    assert_eq!(*system, *page.system);
    let (action, data) = snapshot.into_action(&fresh.system, &fresh.data).unwrap();
    let replica = reduce(&fresh, action);
    assert_eq!(replica.system, page.system);
    assert_eq!(data.content_hash(), page.data.content_hash());
    assert_eq!(replica.data.content_hash(), page.data.content_hash());
    assert_eq!(replica.scenario, page.scenario);
    assert_eq!(replica.selected, Some(5));
    assert_eq!(
        format!("{:?}", replica.ranking),
        format!("{:?}", page.ranking)
    );

    // A weight change after it carries no system; the replica keeps its own.
    let page = reduce(&page, Action::SetWeight(Field::Dimension(5), 80.0));
    let snapshot = Snapshot::of(&page, false);
    assert!(snapshot.system.is_none());
    let (action, _) = snapshot
        .into_action(&replica.system, &replica.data)
        .unwrap();
    let replica = reduce(&replica, action);
    assert_eq!(
        format!("{:?}", replica.ranking),
        format!("{:?}", page.ranking)
    );

    // Back to the white paper's system.
    let page = reduce(&page, Action::ResetSystem);
    let (action, _) = Snapshot::of(&page, true)
        .into_action(&replica.system, &replica.data)
        .unwrap();
    let replica = reduce(&replica, action);
    assert_eq!(replica.system, page.system);
    assert_eq!(
        format!("{:?}", replica.ranking),
        format!("{:?}", page.ranking)
    );
}

#[test]
fn the_editors_draft_builds_the_system_it_describes_or_says_why_not() {
    let wp = seeds::indicator_system();
    let draft = SystemDraft::of(&wp);
    assert_eq!(
        draft.build().unwrap(),
        wp,
        "an untouched draft is the system it came from"
    );

    // Move rd_intensity to "quality", flip profit_margin, add a dimension holding new_patents.
    let mut draft = SystemDraft::of(&wp);
    let at = |d: &SystemDraft, id: &str| {
        d.indicators
            .iter()
            .position(|i| i.indicator.id == id)
            .unwrap()
    };
    let quality = wp.dimension_index("quality").unwrap();
    draft.edit(DraftEdit::IndicatorDimension(
        at(&draft, "rd_intensity"),
        quality,
    ));
    draft.edit(DraftEdit::IndicatorHigherIsBetter(
        at(&draft, "profit_margin"),
        false,
    ));
    draft.edit(DraftEdit::AddDimension);
    let added = draft.dimensions.len() - 1;
    assert_eq!(draft.dimensions[added].id, "dimension_1");
    let early = draft.build().unwrap_err();
    assert_eq!(
        early,
        vec![DraftProblem::EmptyDimension("dimension_1".into())]
    );
    assert!(early[0].message(Lang::Zh).contains("dimension_1"));
    draft.edit(DraftEdit::DimensionId(added, "openness".into()));
    draft.edit(DraftEdit::DimensionNameZh(added, "开放水平".into()));
    draft.edit(DraftEdit::IndicatorDimension(
        at(&draft, "new_patents"),
        added,
    ));
    let built = draft.build().unwrap();
    assert_eq!(built.n_dimensions(), 6);
    let rd = built.indicator_index("rd_intensity").unwrap();
    assert_eq!(built.dimensions[built.dimension_of(rd)].id, "quality");
    let pm = built.indicator_index("profit_margin").unwrap();
    assert!(!built.indicators[pm].higher_is_better);
    let np = built.indicator_index("new_patents").unwrap();
    assert_eq!(built.dimensions[built.dimension_of(np)].id, "openness");
    // Each dimension's indicators stand together, in the draft's order.
    for d in 0..built.n_dimensions() {
        for i in built.indicators_of(d) {
            assert_eq!(built.dimension_of(i), d);
        }
    }

    // A renamed Chinese name drops its Traditional form, so 繁體 shows the new name.
    let mut renamed = SystemDraft::of(&wp);
    renamed.edit(DraftEdit::IndicatorNameZh(0, "营业收入总额".into()));
    renamed.edit(DraftEdit::DimensionNameZh(0, "产业规模".into()));
    let built = renamed.build().unwrap();
    assert_eq!(built.indicators[0].name(Lang::ZhHant), "营业收入总额");
    assert_eq!(built.dimensions[0].name(Lang::ZhHant), "产业规模");
    assert_eq!(
        built.indicators[1].name(Lang::ZhHant),
        wp.indicators[1].name(Lang::ZhHant)
    );

    // Ids: a duplicate, unsafe characters, a bound that is not a number, a bound range upside down.
    let mut bad = SystemDraft::of(&wp);
    bad.edit(DraftEdit::IndicatorId(1, "revenue".into()));
    bad.edit(DraftEdit::IndicatorId(2, "R&D".into()));
    let problems = bad.build().unwrap_err();
    assert!(
        problems.contains(&DraftProblem::System(SystemProblem::DuplicateId(
            "revenue".into()
        )))
    );
    assert!(
        problems.contains(&DraftProblem::System(SystemProblem::IdCharacters(
            "R&D".into()
        )))
    );
    let en: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
    assert!(
        en.iter().any(|m| m.contains("\"revenue\" appears twice")),
        "{en:?}"
    );
    let mut bounds = SystemDraft::of(&wp);
    bounds.edit(DraftEdit::IndicatorMin(0, "abc".into()));
    assert_eq!(
        bounds.build().unwrap_err(),
        vec![DraftProblem::NotANumber("abc".into())]
    );
    bounds.edit(DraftEdit::IndicatorMin(0, "1e9".into()));
    bounds.edit(DraftEdit::IndicatorMax(0, "5".into()));
    let problems = bounds.build().unwrap_err();
    assert!(matches!(
        &problems[..],
        [DraftProblem::System(SystemProblem::Range { .. })]
    ));

    // An added indicator gets a free id and the draft builds; removing a dimension takes its
    // indicators; fewer than two dimensions are refused.
    let mut grow = SystemDraft::of(&wp);
    grow.edit(DraftEdit::AddIndicator(0));
    grow.edit(DraftEdit::AddIndicator(0));
    let built = grow.build().unwrap();
    assert!(built.indicator_index("indicator_1").is_some());
    assert!(built.indicator_index("indicator_2").is_some());
    let mut shrink = SystemDraft::of(&wp);
    for _ in 0..4 {
        shrink.edit(DraftEdit::RemoveDimension(0));
    }
    let problems = shrink.build().unwrap_err();
    assert_eq!(
        problems,
        vec![DraftProblem::System(SystemProblem::DimensionCount(1))]
    );
}

#[test]
fn a_panels_system_request_reaches_the_page_as_the_same_action() {
    let page = bundled();
    let system = system_of(&edited());
    let request = PanelRequest::from_action(&Action::ReplaceSystem(system.clone()), &page.data)
        .expect("a system change is the page's to apply");
    let [kind, value] = request.encode(&page.system);
    let read = PanelRequest::decode(&kind, &value, &page.system).unwrap();
    let action = read.into_action(&page.system, &page.data).unwrap();
    let via_panel = reduce(&page, action);
    let direct = reduce(&page, Action::ReplaceSystem(system));
    assert_eq!(via_panel.system, direct.system);
    // Rankings with a missing column hold NaN; their printed forms compare every figure.
    assert!(format!("{:?}", via_panel.ranking) == format!("{:?}", direct.ranking));

    let [kind, value] = PanelRequest::from_action(&Action::ResetSystem, &page.data)
        .unwrap()
        .encode(&direct.system);
    let action = PanelRequest::decode(&kind, &value, &direct.system)
        .unwrap()
        .into_action(&direct.system, &direct.data)
        .unwrap();
    assert_eq!(reduce(&direct, action).ranking, page.ranking);
    assert!(PanelRequest::decode("system", "{\"dimensions\": 3}", &page.system).is_err());
}

#[test]
fn the_pages_dimension_colours_are_the_charts_ten() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/app.css")).unwrap();
    for (k, c) in fjindex::chart::style::SERIES.iter().enumerate() {
        let declared = format!("--dim-{k}: #{:02x}{:02x}{:02x};", c.0, c.1, c.2);
        assert!(css.contains(&declared), "www/app.css lacks {declared}");
        assert!(css.contains(&format!(".dim-{k} {{ --dim-c: var(--dim-{k}); }}")));
        assert!(css.contains(&format!(".dim-fill-{k} {{ fill: var(--dim-{k});")));
    }
}

#[test]
fn a_share_link_names_an_edited_system_by_hash_and_restores_it() {
    use fjindex::share::{DatasetRef, Embed, NoticeKind};
    use fjindex::state::address::{address_dataset, restore_link_with_system, view_query};
    use fjindex::state::system::system_hash;

    let fresh = bundled();
    assert!(!view_query(&fresh, DatasetRef::Bundled, &Embed::default()).contains("sys="));
    let system = system_of(&edited());
    let page = reduce(&fresh, Action::ReplaceSystem(system.clone()));
    let d = system.dimension_index("openness").unwrap();
    let page = reduce(&page, Action::SetWeight(Field::Dimension(d), 55.0));
    let page = reduce(&page, Action::Select(Some(3)));
    // The bundled data set under the edited system is still the bundled one, not an import.
    let dataset = address_dataset(&page, &page.data.content_hash(), &fresh.data.content_hash());
    assert_eq!(dataset, DatasetRef::Bundled);
    let query = view_query(&page, dataset, &Embed::default());
    assert!(!query.contains("ds="), "{query}");
    let hash = system_hash(&system);
    assert_eq!(hash.len(), 16);
    assert!(query.ends_with(&format!("sys={hash}")), "{query}");

    // A browser that saved the system reopens the view: system, weights, county, no notice.
    let asked = std::cell::RefCell::new(None);
    let action = restore_link_with_system(
        &fresh,
        &query,
        |h| {
            *asked.borrow_mut() = Some(h.to_string());
            Some((*system).clone())
        },
        |_, _| unreachable!("no data set is named"),
    );
    assert_eq!(asked.borrow().as_deref(), Some(hash.as_str()));
    let reopened = reduce(&fresh, action);
    assert_eq!(reopened.system, page.system);
    assert_eq!(reopened.scenario, page.scenario);
    assert_eq!(reopened.selected, Some(3));
    assert!(
        reopened.link_notices.is_empty(),
        "{:?}",
        reopened.link_notices
    );
    assert_eq!(
        format!("{:?}", reopened.ranking),
        format!("{:?}", page.ranking)
    );

    // One that lacks it says so, in the link's language, and shows the white paper's system.
    let action = restore_link_with_system(
        &fresh,
        &format!("lang=en&{query}"),
        |_| None,
        |_, _| unreachable!(),
    );
    let lacking = reduce(&fresh, action);
    assert_eq!(lacking.system, fresh.system);
    let notice = lacking
        .link_notices
        .iter()
        .find(|n| n.kind == NoticeKind::MissingSystem)
        .expect("a notice about the system");
    assert!(notice.message(Lang::En).contains("edited indicator system"));
    assert!(notice.message(Lang::Zh).contains("指标体系"));
}

#[test]
fn a_link_names_the_saved_data_set_to_read_and_the_system_to_read_it_in() {
    use fjindex::state::address::linked_dataset;
    use fjindex::state::system::system_hash;

    let fresh = bundled();
    let system = system_of(&edited());
    let hash = system_hash(&system);
    let query = format!("?ds=0123456789ABCDEF&dn=mine&sys={}", hash.to_uppercase());
    let asked = std::cell::RefCell::new(None);
    let (read_in, named) = linked_dataset(&fresh, &query, |h| {
        *asked.borrow_mut() = Some(h.to_string());
        Some((*system).clone())
    });
    assert_eq!(asked.borrow().as_deref(), Some(hash.as_str()));
    assert_eq!(*read_in, *system);
    let (name, ds) = named.expect("the link names a saved data set");
    assert_eq!(name, "mine");
    assert_eq!(ds.to_ascii_lowercase(), "0123456789abcdef");

    // A system this browser lacks: the data set is read in the page's system.
    let (read_in, named) = linked_dataset(&fresh, &query, |_| None);
    assert!(Rc::ptr_eq(&read_in, &fresh.system));
    assert!(named.is_some());
    // No data set named, or one that is not a hash.
    for query in [
        "",
        "?w=1,2,3,4,5",
        "?ds=mine&dn=mine",
        &format!("?sys={hash}"),
    ] {
        assert_eq!(linked_dataset(&fresh, query, |_| None).1, None, "{query}");
    }
}

#[test]
fn the_embed_apis_dimension_ids_come_from_the_system_in_use() {
    use fjindex::embed_api::{apply, ranking_event, Command, Event};
    use std::collections::BTreeMap;

    let system = system_of(&edited());
    let page = reduce(&bundled(), Action::ReplaceSystem(system.clone()));
    let Event::Ranking { weights, .. } = ranking_event(&page) else {
        panic!("a ranking event");
    };
    let ids: Vec<&str> = weights.keys().map(String::as_str).collect();
    let mut expected: Vec<&str> = system.dimensions.iter().map(|d| d.id.as_str()).collect();
    expected.sort_unstable();
    assert_eq!(ids, expected);

    let set = |id: &str| Command::SetWeights {
        weights: BTreeMap::from([(id.to_string(), 60.0)]),
    };
    let effect = apply(&set("openness"), &page).expect("a dimension of the system in use");
    let after = effect
        .actions
        .into_iter()
        .fold(page.clone(), |s, a| reduce(&s, a));
    let d = system.dimension_index("openness").unwrap();
    assert_eq!(after.scenario.dimension_weights[d], 60.0);
    // The white paper's page does not know "openness".
    assert!(apply(&set("openness"), &bundled()).is_err());
}

#[test]
fn the_pages_import_reads_a_workbooks_system_sheet_and_hands_the_system_over() {
    use fjindex::data::export::template_sheets;
    use fjindex::data::xlsx_writer::{self, XCell};
    use fjindex::tools_api::{decode, import_file, ImportSummary};

    let system = system_of(&edited());
    let counties = seeds::counties();
    let mut sheets = template_sheets(&system, &counties);
    let n = system.n_indicators();
    for (u, row) in sheets[0].rows.iter_mut().skip(1).enumerate() {
        row.truncate(3);
        row.extend((0..n).map(|i| XCell::from((u * 7 + i * 3) as f64 + 0.5)));
    }
    let bytes = xlsx_writer::write(&sheets);
    let summary: ImportSummary = decode(&import_file(&bytes, "edited.xlsx", None)).unwrap();
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    let read =
        IndicatorSystem::from_json(summary.system_json.as_deref().expect("the sheet's system"))
            .unwrap();
    let ids = |s: &IndicatorSystem| {
        s.indicators
            .iter()
            .map(|i| (i.id.clone(), i.dimension.clone(), i.higher_is_better))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&read), ids(&system));
    let data = summary.dataset.unwrap();
    assert_eq!(data.n_indicators(), n);
    let fdi = read.indicator_index("fdi").unwrap();
    assert_eq!(data.get(2, fdi), Some((2 * 7 + fdi * 3) as f64 + 0.5));

    // The page then replaces the system and the data set in one update.
    let page = reduce(
        &bundled(),
        Action::Batch(vec![
            Action::ReplaceSystem(Rc::new(read.clone())),
            Action::ReplaceData {
                data: Rc::new(data),
                provenance: Rc::new(Provenance::default()),
            },
        ]),
    );
    assert!(page.problem.is_none(), "{:?}", page.problem);
    assert_eq!(*page.system, read);
    assert!(indicators_without_values(&page.system, &page.data).is_empty());
}

#[test]
fn the_tools_modules_analyses_read_the_data_in_the_requests_system() {
    use fjindex::analysis::bounds::{rank_bounds as native_bounds, RankBounds};
    use fjindex::analysis::DimensionModel;
    use fjindex::tools_api::{decode, rank_bounds, system_json_of, AnalysisRequest};
    use std::borrow::Cow;

    assert_eq!(system_json_of(&seeds::indicator_system()), None);
    let mut v = white_paper();
    move_indicator(&mut v, "rd_intensity", "quality");
    v["dimensions"].as_array_mut().unwrap().push(json!({
        "id": "openness", "name_zh": "开放水平", "name_en": "Openness"
    }));
    let indicators = v["indicators"].as_array_mut().unwrap();
    let k = indicators
        .iter()
        .position(|i| i["id"] == "new_patents")
        .unwrap();
    let mut patents = indicators.remove(k);
    patents["dimension"] = json!("openness");
    indicators.push(patents);
    let system = system_of(&v);
    let page = reduce(&bundled(), Action::ReplaceSystem(system.clone()));
    let request = |system_json: Option<String>| {
        AnalysisRequest {
            data: Cow::Borrowed(&*page.data),
            scenario: Cow::Borrowed(&page.scenario),
            unit: 7,
            target: 1,
            limits: None,
            lang: Lang::En,
            system_json,
        }
        .to_json()
    };
    let got: Result<RankBounds, String> =
        decode(&rank_bounds(&request(system_json_of(&system)))).unwrap();
    let model = DimensionModel::new(&system, &page.data, &page.scenario).unwrap();
    let expected = native_bounds(&system, &page.data, &model, 7).unwrap();
    assert_eq!(got.unwrap(), expected);
    // Read as the white paper's, the six-dimension scenario does not fit.
    let wrong: Result<RankBounds, String> = decode(&rank_bounds(&request(None))).unwrap();
    assert!(wrong.is_err());
}
