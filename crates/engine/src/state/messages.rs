//! The messages between the page and its on-demand panels module, one enum each way, and the texts
//! they cross the boundary as: `PageMessage` from the page (its state as a `Snapshot`), `PanelRequest`
//! from the panels (select a county, replace the scenario or the indicator system), which only the page
//! applies. Every name that crosses is written once, here. The formats are ones the page already reads and writes, so the
//! link adds little to its wasm: a scenario as a share-link query (`share`, exact for every number), a
//! data set as JSON (`snapshot::DataText`, exact for every number), a county as its adcode.

use super::snapshot::{DataMessage, NewData, Snapshot};
use super::{default_scenario, Action};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use crate::share::{self, ShareState};
use std::rc::Rc;

/// The kind of a page message that carries a `Snapshot`.
const SNAPSHOT: &str = "snapshot";
/// The data kinds of a snapshot: the data set has not changed, is the bundled one, or is an import.
const DATA_UNCHANGED: &str = "";
const DATA_BUNDLED: &str = "bundled";
const DATA_SET: &str = "dataset";
const DATA_EDITIONS: &str = "editions";
/// The kinds of a panel request.
const SELECT: &str = "select";
const SCENARIO: &str = "scenario";
const COMPARED: &str = "compared";
const SYSTEM: &str = "system";
const RESET_SYSTEM: &str = "reset-system";
const INSTALL: &str = "install";
const LANG: &str = "lang";

/// The kinds of the panels module's answer when it reads a saved data set for the page (a `ds=` link):
/// the data sets' JSON (`snapshot::datasets_json`), or a `LoadError`'s code.
pub const SAVED_DATA: &str = "data";
pub const SAVED_ERROR: &str = "error";

/// What the page tells the panels module.
#[derive(Clone, Debug, PartialEq)]
pub enum PageMessage {
    /// The page's state after a change, from which the module brings its replica up to date.
    Snapshot(Snapshot),
}

impl PageMessage {
    /// The texts that cross: the message's kind, then for a snapshot its view, its ranked scenario
    /// (empty when it is the view's), its data kind, the data set's (or the editions') JSON, the choices
    /// made on the editions, and the indicator system's JSON (empty when it is not sent).
    pub fn encode(self) -> Vec<String> {
        match self {
            PageMessage::Snapshot(Snapshot {
                view,
                ranked,
                data,
                editions,
                system,
            }) => {
                let (kind, json) = data_parts(data);
                vec![
                    SNAPSHOT.to_string(),
                    view,
                    ranked.unwrap_or_default(),
                    kind.to_string(),
                    json,
                    editions,
                    system.unwrap_or_default(),
                ]
            }
        }
    }

    /// The message whose texts are `parts` (from `encode`); an error names what could not be read.
    /// The view and the data set are read when the snapshot is applied (`Snapshot::into_action`).
    pub fn decode(parts: Vec<String>) -> Result<Self, String> {
        let mut parts = parts.into_iter();
        let kind = parts.next().ok_or("a page message has no kind")?;
        match kind.as_str() {
            SNAPSHOT => {
                let parts: Vec<String> = parts.collect();
                let [view, ranked, data_kind, json, editions, system]: [String; 6] =
                    parts.try_into().map_err(|p: Vec<String>| {
                        format!("a snapshot has 6 parts after its kind, not {}", p.len())
                    })?;
                let data = data_of_parts(&data_kind, json)?;
                let ranked = (!ranked.is_empty()).then_some(ranked);
                let system = (!system.is_empty()).then_some(system);
                Ok(PageMessage::Snapshot(Snapshot {
                    view,
                    ranked,
                    data,
                    editions,
                    system,
                }))
            }
            other => Err(format!("unknown page message kind {other:?}")),
        }
    }
}

/// The data kind and the JSON text (empty for none) of a data set that travels.
fn data_parts(data: Option<DataMessage>) -> (&'static str, String) {
    match data {
        None => (DATA_UNCHANGED, String::new()),
        Some(DataMessage::Bundled) => (DATA_BUNDLED, String::new()),
        Some(DataMessage::Dataset(json)) => (DATA_SET, json),
        Some(DataMessage::Editions(json)) => (DATA_EDITIONS, json),
    }
}

/// The data set of the texts from `data_parts`.
fn data_of_parts(kind: &str, json: String) -> Result<Option<DataMessage>, String> {
    Ok(match kind {
        DATA_UNCHANGED => None,
        DATA_BUNDLED => Some(DataMessage::Bundled),
        DATA_SET => Some(DataMessage::Dataset(json)),
        DATA_EDITIONS => Some(DataMessage::Editions(json)),
        other => return Err(format!("unknown data kind {other:?}")),
    })
}

/// What a panel asks of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelRequest {
    /// Select the county with this adcode, or none.
    Select(Option<String>),
    /// Replace the scenario (the page checks it as it checks any new scenario).
    SetScenario(Scenario),
    /// Open the comparison of these named scenarios, or close it (`None`).
    SetCompared(Option<share::Compared>),
    /// Replace the indicator system (the page checks it as it checks any new system).
    SetSystem(Rc<IndicatorSystem>),
    /// Back to the white paper's indicator system.
    ResetSystem,
    /// Put a data set in place (the data panel's imports, saved data sets and the bundled data), with
    /// the indicator system it is in when that replaces the one in use.
    Install {
        system: Option<Rc<IndicatorSystem>>,
        data: NewData,
    },
    /// Switch the page to this language (a host's `set-lang`).
    SetLang(Lang),
}

impl PanelRequest {
    /// The request a panel's action makes of the page, or `None` when the action is not the page's
    /// to apply. A selection names the county by its adcode in `data`, the data set the panel shows;
    /// a unit that is not in it selects none, as the page's reducer would.
    pub fn from_action(action: &Action, data: &Dataset) -> Option<Self> {
        match action {
            Action::Select(unit) => Some(PanelRequest::Select(
                unit.and_then(|u| data.units.get(u))
                    .map(|u| u.adcode.clone()),
            )),
            Action::SetScenario(scenario) => Some(PanelRequest::SetScenario(scenario.clone())),
            Action::SetCompared(compared) => {
                Some(PanelRequest::SetCompared(compared.as_deref().cloned()))
            }
            Action::ReplaceSystem(system) => Some(PanelRequest::SetSystem(system.clone())),
            Action::ResetSystem => Some(PanelRequest::ResetSystem),
            Action::SetLang(lang) => Some(PanelRequest::SetLang(*lang)),
            Action::ReplaceData { data, provenance } => Some(PanelRequest::Install {
                system: None,
                // Only the bundled data set has a provenance.
                data: match provenance.records().is_empty() {
                    true => NewData::Dataset(data.clone()),
                    false => NewData::Bundled,
                },
            }),
            Action::SetEditions(list) => Some(PanelRequest::Install {
                system: None,
                data: NewData::Editions(list.clone()),
            }),
            // A workbook's own indicator system comes with its data set, in one change.
            Action::Batch(actions) => match actions.as_slice() {
                [Action::ReplaceSystem(system), then] => match Self::from_action(then, data)? {
                    PanelRequest::Install { system: None, data } => Some(PanelRequest::Install {
                        system: Some(system.clone()),
                        data,
                    }),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    /// The two texts that cross: the request's kind and its value (an adcode, empty for none, or the
    /// scenario as a share-link query).
    pub fn encode(&self, system: &IndicatorSystem) -> [String; 2] {
        match self {
            PanelRequest::Select(adcode) => {
                [SELECT.to_string(), adcode.clone().unwrap_or_default()]
            }
            PanelRequest::SetScenario(scenario) => {
                [SCENARIO.to_string(), scenario_query(scenario, system)]
            }
            // An empty value closes the comparison; an open one has two to four pairs.
            PanelRequest::SetCompared(compared) => [
                COMPARED.to_string(),
                compared
                    .as_deref()
                    .map(share::compare_value)
                    .unwrap_or_default(),
            ],
            PanelRequest::SetSystem(new) => [
                SYSTEM.to_string(),
                crate::json::to_string(&**new).unwrap_or_default(),
            ],
            PanelRequest::ResetSystem => [RESET_SYSTEM.to_string(), String::new()],
            PanelRequest::SetLang(lang) => [LANG.to_string(), lang.id().to_string()],
            // A JSON list of the data set's texts (`data_parts`) and the new system's JSON, if any.
            PanelRequest::Install { system: new, data } => {
                let (kind, json) = data_parts(Some(data.message()));
                let system_json = new
                    .as_deref()
                    .map(|s| crate::json::to_string(s).unwrap_or_default())
                    .unwrap_or_default();
                let parts = [kind.to_string(), json, system_json];
                [
                    INSTALL.to_string(),
                    crate::json::to_string(&parts).unwrap_or_default(),
                ]
            }
        }
    }

    /// The request whose texts are `kind` and `value` (from `encode`); an error names what could not
    /// be read.
    pub fn decode(kind: &str, value: &str, system: &IndicatorSystem) -> Result<Self, String> {
        match kind {
            SELECT => Ok(PanelRequest::Select(
                (!value.is_empty()).then(|| value.to_string()),
            )),
            SCENARIO => read_scenario_query(value, system)
                .map(PanelRequest::SetScenario)
                .map_err(|e| format!("a panel's scenario: {e}")),
            COMPARED if value.is_empty() => Ok(PanelRequest::SetCompared(None)),
            COMPARED => share::parse_compare(value, system, &default_scenario(system))
                .map(|c| PanelRequest::SetCompared(Some(c)))
                .map_err(|_| "a panel's compared scenarios could not be read".to_string()),
            SYSTEM => IndicatorSystem::from_json(value)
                .map(|s| PanelRequest::SetSystem(Rc::new(s)))
                .map_err(|e| format!("a panel's indicator system: {e}")),
            RESET_SYSTEM => Ok(PanelRequest::ResetSystem),
            LANG => Lang::from_id(value)
                .map(PanelRequest::SetLang)
                .ok_or_else(|| format!("unknown language {value:?}")),
            INSTALL => {
                let parts: Vec<String> = crate::json::from_str(value)?;
                let [kind, json, system_json]: [String; 3] =
                    parts.try_into().map_err(|p: Vec<String>| {
                        format!("an install request has {} parts", p.len())
                    })?;
                let new = match system_json.is_empty() {
                    true => None,
                    false => Some(Rc::new(
                        IndicatorSystem::from_json(&system_json)
                            .map_err(|e| format!("a panel's indicator system: {e}"))?,
                    )),
                };
                let data = data_of_parts(&kind, json)?
                    .ok_or("an install request has no data set")?
                    .read(new.as_deref().unwrap_or(system))?;
                Ok(PanelRequest::Install { system: new, data })
            }
            other => Err(format!("unknown panel request kind {other:?}")),
        }
    }

    /// The page's action for this request on its indicator system `system` and data set `data`, or
    /// `None` when there is nothing to do (a county that is not in `data`).
    pub fn into_action(self, system: &IndicatorSystem, data: &Dataset) -> Option<Action> {
        match self {
            PanelRequest::Select(None) => Some(Action::Select(None)),
            PanelRequest::Select(Some(adcode)) => {
                data.unit_index(&adcode).map(|u| Action::Select(Some(u)))
            }
            PanelRequest::SetScenario(scenario) => Some(Action::SetScenario(scenario)),
            PanelRequest::SetCompared(compared) => Some(Action::SetCompared(compared.map(Rc::new))),
            PanelRequest::SetSystem(system) => Some(Action::ReplaceSystem(system)),
            PanelRequest::ResetSystem => Some(Action::ResetSystem),
            PanelRequest::SetLang(lang) => Some(Action::SetLang(lang)),
            PanelRequest::Install { system: None, data } => Some(data.into_action(system)),
            PanelRequest::Install {
                system: Some(new),
                data,
            } => {
                let install = data.into_action(&new);
                Some(Action::Batch(vec![Action::ReplaceSystem(new), install]))
            }
        }
    }
}

/// A scenario as a share-link query, leaving out what equals the default scenario.
pub fn scenario_query(scenario: &Scenario, system: &IndicatorSystem) -> String {
    let defaults = default_scenario(system);
    let view = ShareState {
        scenario: scenario.clone(),
        ..ShareState::new(&defaults)
    };
    share::encode(&view, system, &defaults)
}

/// The scenario of a query from `scenario_query`; an error names the first parameter that could not
/// be read (where a share link would fall back to the default, a message is refused).
pub fn read_scenario_query(query: &str, system: &IndicatorSystem) -> Result<Scenario, String> {
    let (view, notices) = share::parse(query, system, &default_scenario(system));
    match notices.first() {
        None => Ok(view.scenario),
        Some(notice) => Err(format!(
            "the parameter {:?} could not be read ({})",
            notice.param,
            notice.message_in(Lang::En, system)
        )),
    }
}
