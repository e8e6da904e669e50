//! The postMessage API of the embedded page, as plain Rust: the commands a host may send, what each does
//! to the page state, and the events the page sends back. `ui::embed` moves these across the browser.
//!
//! Every message is an object with `source: "fjindex"` and a `type`. Host to page: `set-weights`
//! (`weights`: dimension id -> 0..100, others unchanged), `select` (`adcode`, or null to clear),
//! `set-lang` (`lang`: a language id, any of `Lang::ids`, such as "zh" or "en"), `get-ranking`. Page
//! to host: `ready`, `height` (`height` in CSS pixels), `ranking` (`top`: the first ten with rank,
//! adcode, name and score; `count`; `weights`; `selected`), and `error` (`message`) for a command it
//! could not carry out.
//!
//! A command is carried out whole or not at all: `set-weights` builds the new scenario, checks it with
//! `validate::check_scenario` and sends one `SetScenario`, or answers with an error and changes nothing.
//! Error messages are in the page's language, and repeat the host's texts only shortened (`echo`).

use crate::echo::clip;
use crate::i18n::{tf, Key};
use crate::model::Lang;
use crate::state::{Action, State};
use crate::validate::check_scenario;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of `source` on every message of this API.
pub const SOURCE: &str = "fjindex";

/// A command from the host page.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
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
}

/// What a command asks of the page: actions to dispatch, and whether to answer with the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    pub actions: Vec<Action>,
    pub reply_ranking: bool,
}

/// Turns a command into actions on the current state, or explains (in the page's language) why it
/// cannot be carried out.
pub fn apply(command: &Command, state: &State) -> Result<Effect, String> {
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
