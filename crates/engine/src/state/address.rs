//! The page address as plain Rust: the actions that restore the view a share link describes, which
//! data set the address names, and the share query of the current view. `src/ui/address.rs` reads the
//! address once at start and keeps it on the view afterwards.

use super::editions::{Edition, Editions};
use super::{default_scenario, Action, State};
use crate::data::provenance::Provenance;
use crate::data::saved_index::LoadError;
use crate::model::{Dataset, IndicatorSystem};
use crate::share::{
    self, DatasetRef, EditionChoices, Embed, Notice, NoticeKind, ShareState, SYSTEM_PARAM,
};
use std::rc::Rc;

/// The one action that restores the view the opened link `search` (the address's query, with or
/// without its `?`) describes on `state`, the page as it starts: the imported data set it names (read
/// by `load` from its hash), the language, the scenario, the county, and the notices about what could
/// not be used, with the named data set that could not be loaded, which the address keeps naming.
pub fn restore_link(
    state: &State,
    search: &str,
    load: impl FnOnce(&str) -> Result<Dataset, LoadError>,
) -> Action {
    restore_link_editions(state, search, |hash| load(hash).map(|d| vec![d]))
}

/// [`restore_link`] where the named data set may be a saved collection of editions (`load` gives
/// them oldest first): the page then holds them all and shows the latest.
pub fn restore_link_editions(
    state: &State,
    search: &str,
    load: impl FnOnce(&str) -> Result<Vec<Dataset>, LoadError>,
) -> Action {
    restore_link_with_system(state, search, |_| None, |hash, _| load(hash))
}

/// [`restore_link`] for a link that may name an edited indicator system (`sys=`): `load_system` gives
/// the system saved under that hash, which is applied first, and the rest of the link (weights, the
/// data set or collection of editions `load` reads for that system, oldest first) is read against it. A system this browser lacks gives a
/// notice, and the white paper's is used.
pub fn restore_link_with_system(
    state: &State,
    search: &str,
    load_system: impl FnOnce(&str) -> Option<IndicatorSystem>,
    load: impl FnOnce(&str, &IndicatorSystem) -> Result<Vec<Dataset>, LoadError>,
) -> Action {
    let query = search.strip_prefix('?').unwrap_or(search);
    let mut system_actions = Vec::new();
    let mut system_notices = Vec::new();
    let start;
    let state = match asked_system(query) {
        None => state,
        Some(hash) => match load_system(&hash) {
            Some(system) => {
                let action = Action::ReplaceSystem(Rc::new(system));
                start = super::reduce(state, action.clone());
                system_actions.push(action);
                &start
            }
            None => {
                system_notices.push(Notice::new(SYSTEM_PARAM, NoticeKind::MissingSystem));
                state
            }
        },
    };
    let Action::Batch(mut actions) = restore_on(state, query, load) else {
        unreachable!("restore_on gives a batch");
    };
    if let Some(Action::SetLinkNotices { notices, .. }) = actions.last_mut() {
        let mut all = system_notices;
        all.append(notices);
        *notices = share::cap_notices(all);
    }
    system_actions.append(&mut actions);
    Action::Batch(system_actions)
}

/// The hash of the edited indicator system the link's query names (`sys=`), in lower case.
fn asked_system(query: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == SYSTEM_PARAM)
        .map(|(_, v)| v.to_ascii_lowercase())
        .filter(|v| share::is_system_hash(v))
}

/// What [`restore_link_with_system`] reads the opened link `search` against before it restores it:
/// the indicator system the link names, when `load_system` has it (else the one of `state`), and the
/// name and hash of the saved data set the link names (`ds=`), if any. The page reads that data set
/// first (`ui::address`, in the panels module), then restores the link with what was read.
pub fn linked_dataset(
    state: &State,
    search: &str,
    load_system: impl FnOnce(&str) -> Option<IndicatorSystem>,
) -> (Rc<IndicatorSystem>, Option<(String, String)>) {
    let query = search.strip_prefix('?').unwrap_or(search);
    let system = asked_system(query)
        .and_then(|hash| load_system(&hash))
        .map_or_else(|| state.system.clone(), Rc::new);
    let (link, _) = share::parse_link(query, &system, &default_scenario(&system));
    let dataset = match link.dataset {
        DatasetRef::Imported { name, hash } => Some((name, hash)),
        DatasetRef::Bundled => None,
    };
    (system, dataset)
}

fn restore_on(
    state: &State,
    search: &str,
    load: impl FnOnce(&str, &IndicatorSystem) -> Result<Vec<Dataset>, LoadError>,
) -> Action {
    let defaults = default_scenario(&state.system);
    let (link, mut found) = share::parse_link(search, &state.system, &defaults);
    let mut actions = Vec::new();
    let mut data: Rc<Dataset> = state.data.clone();
    let mut missing_dataset = None;
    let mut editions = state.editions.clone();
    if let DatasetRef::Imported { name, hash } = &link.dataset {
        match load(hash, &state.system) {
            Ok(list) if list.len() >= 2 => {
                let list = Edition::of_import(list);
                if let Some(latest) = list.last() {
                    data = latest.data.clone();
                }
                editions = Rc::new(Editions::of(list.clone(), state.editions.scaling));
                actions.push(Action::SetEditions(list));
            }
            Ok(editions) => {
                if let Some(d) = editions.into_iter().next() {
                    data = Rc::new(d);
                    actions.push(Action::ReplaceData {
                        data: data.clone(),
                        provenance: Rc::new(Provenance::default()),
                    });
                }
            }
            Err(LoadError::Unavailable(reason)) => {
                missing_dataset = Some(link.dataset.clone());
                found.push(Notice::new(
                    "ds",
                    NoticeKind::UnreadDataset {
                        name: name.clone(),
                        reason,
                    },
                ));
            }
            Err(LoadError::Missing) => {
                missing_dataset = Some(link.dataset.clone());
                found.push(Notice::new(
                    "ds",
                    NoticeKind::MissingDataset { name: name.clone() },
                ));
            }
            Err(e) => {
                missing_dataset = Some(link.dataset.clone());
                found.push(Notice::new(
                    "ds",
                    NoticeKind::CorruptDataset {
                        name: name.clone(),
                        reason: e.message(link.lang),
                    },
                ));
            }
        }
    }
    actions.push(Action::SetLang(link.lang));
    if link.scenario != state.scenario {
        actions.push(Action::SetScenario(link.scenario.clone()));
    }
    if let Some(shown) = restore_editions(&link.editions, &editions, &mut actions, &mut found) {
        data = shown;
    }
    if let Some(code) = &link.county {
        match data.unit_index(code) {
            Some(u) => actions.push(Action::Select(Some(u))),
            None => found.push(Notice::new(
                "county",
                NoticeKind::UnknownCounty(code.clone()),
            )),
        }
    }
    if let Some(compared) = share::compared_in(search, &state.system, &defaults) {
        actions.push(Action::SetCompared(Some(Rc::new(compared))));
    }
    actions.push(Action::SetLinkNotices {
        notices: share::cap_notices(found),
        missing_dataset,
    });
    Action::Batch(actions)
}

/// Pushes the actions that restore the link's choices on `editions`, the collection the page holds once
/// the link's data set is read; a year it lacks gives a notice and the page keeps its own choice. The
/// data of the edition shown, when the link shows another than the latest.
fn restore_editions(
    link: &EditionChoices,
    editions: &Editions,
    actions: &mut Vec<Action>,
    found: &mut Vec<Notice>,
) -> Option<Rc<Dataset>> {
    let held = |year: i32| editions.several() && editions.get(year).is_some();
    let missing = |param: &str, value: String| Notice::new(param, NoticeKind::MissingYear(value));
    if link.scaling != editions.scaling {
        actions.push(Action::SetScaling(link.scaling));
    }
    match link.comparison {
        Some(Some((from, to))) if held(from) && held(to) => {
            actions.push(Action::CompareEditions(Some((from, to))))
        }
        Some(Some((from, to))) => found.push(missing("vs", format!("{from}-{to}"))),
        Some(None) if editions.several() => actions.push(Action::CompareEditions(None)),
        Some(None) => found.push(missing("vs", "none".to_string())),
        None => {}
    }
    let year = link.shown?;
    if held(year) {
        actions.push(Action::ShowEdition(year));
        editions.get(year).map(|e| e.data.clone())
    } else {
        found.push(missing("yr", year.to_string()));
        None
    }
}

/// The data set the address names. `data_hash` is the content hash of the state's data and
/// `bundled_hash` that of the bundled data set, passed in because hashing a large data set on every
/// change would cost too much. On the bundled data the address keeps naming the data set the opening
/// link asked for and this browser lacks, until the user changes data set (the reducer then forgets it).
pub fn address_dataset(state: &State, data_hash: &str, bundled_hash: &str) -> DatasetRef {
    // The bundled data set under an edited indicator system has other columns, so another hash; it is
    // known by its provenance, which only the bundled data set has.
    if data_hash == bundled_hash || !state.provenance.records().is_empty() {
        state.missing_dataset.clone().unwrap_or(DatasetRef::Bundled)
    } else {
        DatasetRef::Imported {
            name: state.data.meta.name.clone(),
            hash: data_hash.to_string(),
        }
    }
}

/// The share query of the state's view (scenario, selected county, language, the compared named
/// scenarios while their comparison is open) on `dataset`, with the embed options the page was opened
/// with and, for an edited indicator system, its hash (`sys=`); empty for the default view.
pub fn view_query(state: &State, dataset: DatasetRef, embed: &Embed) -> String {
    let query = view_query_of_scenario(state, dataset, embed);
    match state.system_ref.as_deref() {
        None => query,
        Some(hash) if query.is_empty() => format!("{SYSTEM_PARAM}={hash}"),
        Some(hash) => format!("{query}&{SYSTEM_PARAM}={hash}"),
    }
}

fn view_query_of_scenario(state: &State, dataset: DatasetRef, embed: &Embed) -> String {
    let view = ShareState {
        scenario: state.scenario.clone(),
        county: state.selected.map(|u| state.data.units[u].adcode.clone()),
        lang: state.lang,
        dataset,
        embed: embed.clone(),
        editions: state.editions.link_choices(),
    };
    share::with_compared(
        share::encode(&view, &state.system, &default_scenario(&state.system)),
        state.compared.as_deref().map(Vec::as_slice),
    )
}
