//! The postMessage API of the embedded page, as plain Rust: the commands a host may send, what each does
//! to the page state, and the events the page sends back. `ui::embed` moves these across the browser.
//!
//! Every message is an object with `source: "fjindex"` and a `type`. Host to page: `set-weights`
//! (`weights`: dimension id -> 0..100, others unchanged), `select` (`adcode`, or null to clear),
//! `set-lang` (`lang`: a language id, any of `Lang::ids`, such as "zh" or "en"), `get-ranking`,
//! `set-scenario` (`query`: a whole scenario in the share link's syntax, such as "w=1,2,1,1,1&norm=zscore";
//! every parameter must be a scenario's and read) and `use-scenario` (`name`: a scenario saved in this
//! browser; refused when storage is unavailable or no scenario has that name). Page
//! to host: `ready`, `height` (`height` in CSS pixels), `ranking` (`top`: the first ten with rank,
//! adcode, name and score; `count`; `weights`; `selected`), and `error` (`message`) for a command it
//! could not carry out.
//!
//! A command is carried out whole or not at all: `set-weights` builds the new scenario, checks it with
//! `validate::check_scenario` and sends one `SetScenario`, or answers with an error and changes nothing.
//! Error messages are in the page's language, and repeat the host's texts only shortened (`echo`).
//!
//! The page's module only listens and reports; the on-demand panels module carries a command out on
//! the page's snapshot and answers with the page's requests (`Effect::outcome`, `read_outcome`), so the
//! commands' reading and checking is not part of the page's first load.

use crate::echo::clip;
use crate::i18n::{t, tf, Key};
use crate::model::Lang;
use crate::scenarios::{self, ReadError, SavedScenario};
use crate::share;
use crate::state::messages::PanelRequest;
use crate::state::{default_scenario, Action, State};
use crate::validate::check_scenario;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of `source` on every message of this API.
pub const SOURCE: &str = "fjindex";

/// A command from the host page. It is read through [`CommandFields`], a plain struct: serde's
/// internally tagged enums buffer the whole message first, which cost the page's wasm 14 KB.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "CommandFields")]
pub enum Command {
    SetWeights {
        weights: BTreeMap<String, f64>,
    },
    Select {
        adcode: Option<String>,
    },
    /// The id of the language (`Lang::from_id`); an unknown id is answered with an error that lists
    /// the known ones.
    SetLang {
        lang: String,
    },
    GetRanking,
    /// A whole scenario in the share link's syntax (`share::scenario_of_query`).
    SetScenario {
        query: String,
    },
    /// A named scenario saved in this browser.
    UseScenario {
        name: String,
    },
}

/// Every field a command may have; `type` says which of them it uses, and the others are not looked at.
#[derive(Deserialize)]
struct CommandFields {
    #[serde(rename = "type")]
    kind: String,
    weights: Option<BTreeMap<String, f64>>,
    adcode: Option<String>,
    lang: Option<String>,
    query: Option<String>,
    name: Option<String>,
}

/// The names of the commands, as `type` gives them.
const COMMAND_TYPES: &str =
    "`set-weights`, `select`, `set-lang`, `get-ranking`, `set-scenario`, `use-scenario`";

impl TryFrom<CommandFields> for Command {
    type Error = String;

    fn try_from(fields: CommandFields) -> Result<Self, String> {
        fn required<T>(field: Option<T>, name: &str) -> Result<T, String> {
            field.ok_or_else(|| format!("missing field `{name}`"))
        }
        Ok(match fields.kind.as_str() {
            "set-weights" => Command::SetWeights {
                weights: required(fields.weights, "weights")?,
            },
            "select" => Command::Select {
                adcode: fields.adcode,
            },
            "set-lang" => Command::SetLang {
                lang: required(fields.lang, "lang")?,
            },
            "get-ranking" => Command::GetRanking,
            "set-scenario" => Command::SetScenario {
                query: required(fields.query, "query")?,
            },
            "use-scenario" => Command::UseScenario {
                name: required(fields.name, "name")?,
            },
            other => {
                return Err(format!(
                    "unknown variant `{other}`, expected one of {COMMAND_TYPES}"
                ))
            }
        })
    }
}

/// The saved scenarios as the page can read them, for `use-scenario`.
#[derive(Clone, Debug, PartialEq)]
pub enum SavedScenarios {
    /// The browser gives no storage (a sandboxed frame, a private window).
    Unavailable,
    /// The stored list does not read.
    Unreadable(ReadError),
    List(Vec<SavedScenario>),
}

/// What a command asks of the page: actions to dispatch, and whether to answer with the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    pub actions: Vec<Action>,
    pub reply_ranking: bool,
}

/// The reply flag of an outcome's texts when the host asked for the ranking.
const REPLY_RANKING: &str = "ranking";

impl Effect {
    /// The texts this effect crosses from the panels module to the page as: `ranking` when the host
    /// asked for the ranking (else empty), then the kind and value of each request (`PanelRequest`)
    /// that carries out its actions on `state`, in order.
    pub fn outcome(&self, state: &State) -> Vec<String> {
        fn add(action: &Action, state: &State, out: &mut Vec<String>) {
            match action {
                Action::Batch(actions) => actions.iter().for_each(|a| add(a, state, out)),
                action => {
                    if let Some(request) = PanelRequest::from_action(action, &state.data) {
                        out.extend(request.encode(&state.system));
                    }
                }
            }
        }
        let flag = if self.reply_ranking {
            REPLY_RANKING
        } else {
            ""
        };
        let mut out = vec![flag.to_string()];
        for action in &self.actions {
            add(action, state, &mut out);
        }
        out
    }
}

/// The requests and the reply flag of an outcome's texts ([`Effect::outcome`]), read in the page's
/// indicator system; an error names what could not be read.
pub fn read_outcome(
    parts: &[String],
    system: &crate::model::IndicatorSystem,
) -> Result<(Vec<PanelRequest>, bool), String> {
    let (flag, pairs) = parts.split_first().ok_or("an outcome has no reply flag")?;
    if pairs.len() % 2 != 0 {
        return Err("an outcome's requests come in pairs".to_string());
    }
    let requests = pairs
        .chunks(2)
        .map(|pair| PanelRequest::decode(&pair[0], &pair[1], system))
        .collect::<Result<_, _>>()?;
    Ok((requests, flag == REPLY_RANKING))
}

/// Turns a command into actions on the current state, or explains (in the page's language) why it
/// cannot be carried out. `use-scenario` is answered as if storage were unavailable; the page uses
/// [`apply_with`].
pub fn apply(command: &Command, state: &State) -> Result<Effect, String> {
    apply_with(command, state, || SavedScenarios::Unavailable)
}

/// [`apply`], with the saved scenarios read by `saved` when `use-scenario` needs them.
pub fn apply_with(
    command: &Command,
    state: &State,
    saved: impl FnOnce() -> SavedScenarios,
) -> Result<Effect, String> {
    let lang = state.lang;
    let actions = match command {
        Command::SetWeights { weights } => {
            vec![Action::SetScenario(weights_scenario(weights, state)?)]
        }
        Command::Select { adcode: None } => vec![Action::Select(None)],
        Command::Select { adcode: Some(code) } => {
            let u = state
                .data
                .unit_index(code)
                .ok_or_else(|| tf(lang, Key::EmbedUnknownAdcode, &[&clip(code)]))?;
            vec![Action::Select(Some(u))]
        }
        Command::SetLang { lang: id } => {
            let chosen = Lang::from_id(id)
                .ok_or_else(|| tf(lang, Key::EmbedUnknownLanguage, &[&clip(id), &Lang::ids()]))?;
            vec![Action::SetLang(chosen)]
        }
        Command::SetScenario { query } => {
            let defaults = default_scenario(&state.system);
            let scenario = share::scenario_of_query(query, &state.system, &defaults)
                .map_err(|notices| refused(lang, ReadError::BadQuery(notices), state))?;
            vec![Action::SetScenario(scenario)]
        }
        Command::UseScenario { name } => {
            let list = match saved() {
                SavedScenarios::Unavailable => {
                    return Err(t(lang, Key::EmbedStorageUnavailable).to_string())
                }
                SavedScenarios::Unreadable(e) => return Err(refused(lang, e, state)),
                SavedScenarios::List(list) => list,
            };
            let defaults = default_scenario(&state.system);
            let scenario = scenarios::find(&list, name, &state.system, &defaults)
                .map_err(|e| refused(lang, e, state))?;
            vec![Action::SetScenario(scenario)]
        }
        Command::GetRanking => {
            return Ok(Effect {
                actions: Vec::new(),
                reply_ranking: true,
            })
        }
    };
    Ok(Effect {
        actions: vec![Action::Batch(actions)],
        reply_ranking: false,
    })
}

/// The scenario `set-weights` asks for: the current weights in force as manual weights, with the named
/// dimensions set; refused whole when a name is unknown or the result fails the scenario check.
fn weights_scenario(
    weights: &BTreeMap<String, f64>,
    state: &State,
) -> Result<crate::model::Scenario, String> {
    let lang = state.lang;
    let mut scenario = state.manual_scenario();
    for (id, &w) in weights {
        let d = state
            .system
            .dimension_index(id)
            .ok_or_else(|| tf(lang, Key::EmbedUnknownDimension, &[&clip(id)]))?;
        scenario.dimension_weights[d] = w;
    }
    check_scenario(&state.system, &scenario).map_err(|e| e.message(lang, &state.system))
}

/// Why a scenario was not applied, in `lang`.
fn refused(lang: Lang, e: ReadError, state: &State) -> String {
    tf(
        lang,
        Key::EmbedScenarioRefused,
        &[&e.message(lang, &state.system)],
    )
}

/// The message of an `error` event for a message that is not a command (its parse error shortened).
pub fn not_a_command(lang: Lang, error: &str) -> String {
    tf(lang, Key::EmbedNotACommand, &[&clip(error)])
}

/// One ranked unit in a `ranking` event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranked {
    pub rank: u32,
    pub adcode: String,
    pub name: String,
    pub score: f64,
}

/// A message from the page to the host.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Event {
    Ready {
        source: &'static str,
    },
    Height {
        source: &'static str,
        height: f64,
    },
    Ranking {
        source: &'static str,
        top: Vec<Ranked>,
        count: usize,
        weights: BTreeMap<String, f64>,
        selected: Option<String>,
    },
    Error {
        source: &'static str,
        message: String,
    },
}

/// The `ranking` event for the current state: the first ten, the number ranked, the dimension weights in
/// percent of their total, and the selected unit.
pub fn ranking_event(state: &State) -> Event {
    let r = &state.ranking;
    let top = r
        .order
        .iter()
        .filter(|&&u| r.rank[u] > 0)
        .take(10)
        .map(|&u| Ranked {
            rank: r.rank[u],
            adcode: state.data.units[u].adcode.clone(),
            name: state.data.units[u].name(state.lang).to_string(),
            score: (r.composite[u] * 100.0).round() / 100.0,
        })
        .collect();
    // Inserted one by one: collecting into the map would sort the pairs first, and that sort costs the
    // page's wasm a copy of the standard library's stable sort.
    let mut weights = BTreeMap::new();
    for (d, w) in state.system.dimensions.iter().zip(&r.weights.dimension) {
        weights.insert(d.id.clone(), (w * 1000.0).round() / 10.0);
    }
    Event::Ranking {
        source: SOURCE,
        top,
        count: r.rank.iter().filter(|&&k| k > 0).count(),
        weights,
        selected: state.selected.map(|u| state.data.units[u].adcode.clone()),
    }
}

/// True when `origin` may command the page: it is listed, or nothing is listed and it is the page's own.
pub fn origin_allowed(origin: &str, allowed: &[String], own: &str) -> bool {
    if allowed.is_empty() {
        origin == own
    } else {
        allowed.iter().any(|a| a == origin)
    }
}
