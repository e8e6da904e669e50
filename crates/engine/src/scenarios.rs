//! Named scenarios, as plain Rust: the format they are saved in (a name, the scenario as its share-link
//! query and a version, in one checked envelope), the operations on the list (save, rename, delete and
//! its undo), reading entries back checked (a damaged entry is reported, never used), and the comparison
//! of two to four scenarios: each county's rank and score under each, the differences against the first
//! and the counties that move most. `ui::scenario_store` moves the text in and out of localStorage.

use crate::echo::clip;
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use crate::score::{ScoreError, Scorer};
use crate::share::{self, Notice, ShareState};
use serde::{Deserialize, Serialize};

/// The format name the saved list carries.
pub const FORMAT: &str = "fjindex-scenarios";
/// The version of the format this build writes and reads, of the list and of each entry.
pub const VERSION: u32 = 1;
/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = share::MAX_SCENARIO_NAME_CHARS;
/// The most scenarios kept.
pub const MAX_SAVED: usize = 50;
/// How many scenarios a comparison takes.
pub const MIN_COMPARED: usize = 2;
pub const MAX_COMPARED: usize = 4;

/// One saved scenario as stored: its query is checked only when it is read ([`check_entry`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedScenario {
    pub name: String,
    /// The scenario in the share link's syntax, without the leading `?`.
    pub query: String,
    pub version: u32,
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    scenarios: Vec<SavedScenario>,
}

/// Why a name cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
    /// The name holds a control character (a line break, a tab).
    ControlCharacter,
    Taken(String),
    /// The list already holds [`MAX_SAVED`] scenarios.
    ListFull,
    /// No scenario has that name.
    Unknown(String),
}

impl NameError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NameError::Empty => t(lang, Key::ScenarioNameEmpty).into(),
            NameError::TooLong => tf(
                lang,
                Key::ScenarioNameTooLong,
                &[&MAX_NAME_CHARS.to_string()],
            ),
            NameError::ControlCharacter => t(lang, Key::ScenarioNameControl).into(),
            NameError::Taken(name) => tf(lang, Key::ScenarioNameTaken, &[&clip(name)]),
            NameError::ListFull => tf(lang, Key::ScenarioListFull, &[&MAX_SAVED.to_string()]),
            NameError::Unknown(name) => tf(lang, Key::ScenarioNameUnknown, &[&clip(name)]),
        }
    }
}

/// Why a saved list or a saved entry cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// The text is not a list of saved scenarios (cut short, edited, or of another program).
    Unreadable,
    /// Written by a newer version of the page.
    NewerVersion(u32),
    /// The entry's name is not one the page would have saved.
    BadName(NameError),
    /// The entry's query does not read as a scenario; the notices say why.
    BadQuery(Vec<Notice>),
}

impl ReadError {
    /// The message in `lang`, naming dimensions and indicators from `system`.
    pub fn message(&self, lang: Lang, system: &IndicatorSystem) -> String {
        match self {
            ReadError::Unreadable => t(lang, Key::ScenarioUnreadable).into(),
            ReadError::NewerVersion(v) => tf(lang, Key::ScenarioNewerVersion, &[&v.to_string()]),
            ReadError::BadName(e) => e.message(lang),
            ReadError::BadQuery(notices) => notices
                .iter()
                .map(|n| n.message_in(lang, system))
                .collect::<Vec<_>>()
                .join(t(lang, Key::ScenarioReasonSeparator)),
        }
    }
}

/// A name as it is kept: trimmed, non-empty, at most [`MAX_NAME_CHARS`] characters, no control
/// characters. (Uniqueness is the list's to check.)
pub fn clean_name(name: &str) -> Result<String, NameError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(NameError::TooLong);
    }
    if name.chars().any(char::is_control) {
        return Err(NameError::ControlCharacter);
    }
    Ok(name.to_string())
}

/// The scenario as a share-link query: what differs from `defaults`, in the share link's syntax.
pub fn scenario_query(
    scenario: &Scenario,
    system: &IndicatorSystem,
    defaults: &Scenario,
) -> String {
    let mut state = ShareState::new(defaults);
    state.scenario = scenario.clone();
    share::encode(&state, system, defaults)
}

/// Reads a scenario query: the scenario, or every notice when anything in it is not used
/// ([`share::scenario_of_query`]).
pub fn read_query(
    query: &str,
    system: &IndicatorSystem,
    defaults: &Scenario,
) -> Result<Scenario, Vec<Notice>> {
    share::scenario_of_query(query, system, defaults)
}

/// Checks a saved entry: its scenario when its version, name and query are all good.
pub fn check_entry(
    entry: &SavedScenario,
    system: &IndicatorSystem,
    defaults: &Scenario,
) -> Result<Scenario, ReadError> {
    if entry.version > VERSION {
        return Err(ReadError::NewerVersion(entry.version));
    }
    if clean_name(&entry.name).as_deref() != Ok(entry.name.as_str()) {
        return Err(ReadError::BadName(
            clean_name(&entry.name).err().unwrap_or(NameError::Empty),
        ));
    }
    read_query(&entry.query, system, defaults).map_err(ReadError::BadQuery)
}

/// Reads the stored text (`None` when nothing is stored): the entries as stored, damaged ones
/// included (each is checked with [`check_entry`] when it is used), or why the whole text cannot be
/// read. Entries with a repeated name after the first are left out.
pub fn read_list(text: Option<&str>) -> Result<Vec<SavedScenario>, ReadError> {
    let Some(text) = text else {
        return Ok(Vec::new());
    };
    let envelope: Envelope = crate::json::from_str(text).map_err(|_| ReadError::Unreadable)?;
    if envelope.format != FORMAT {
        return Err(ReadError::Unreadable);
    }
    if envelope.version > VERSION {
        return Err(ReadError::NewerVersion(envelope.version));
    }
    let mut out: Vec<SavedScenario> = Vec::new();
    for entry in envelope.scenarios {
        if !out.iter().any(|e| e.name == entry.name) {
            out.push(entry);
        }
    }
    Ok(out)
}

/// The stored text of a list.
pub fn list_text(entries: &[SavedScenario]) -> String {
    let envelope = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        scenarios: entries.to_vec(),
    };
    crate::json::to_string(&envelope).unwrap_or_default()
}

fn position(entries: &[SavedScenario], name: &str) -> Option<usize> {
    entries.iter().position(|e| e.name == name.trim())
}

/// Adds `query` under `name` at the end of the list; the name must be new.
pub fn save(
    entries: &[SavedScenario],
    name: &str,
    query: &str,
) -> Result<Vec<SavedScenario>, NameError> {
    let name = clean_name(name)?;
    if position(entries, &name).is_some() {
        return Err(NameError::Taken(name));
    }
    if entries.len() >= MAX_SAVED {
        return Err(NameError::ListFull);
    }
    let mut out = entries.to_vec();
    out.push(SavedScenario {
        name,
        query: query.strip_prefix('?').unwrap_or(query).to_string(),
        version: VERSION,
    });
    Ok(out)
}

/// Renames the scenario `old` to `new`, in its place; `new` must not name another scenario.
pub fn rename(
    entries: &[SavedScenario],
    old: &str,
    new: &str,
) -> Result<Vec<SavedScenario>, NameError> {
    let i = position(entries, old).ok_or_else(|| NameError::Unknown(old.to_string()))?;
    let new = clean_name(new)?;
    if position(entries, &new).is_some_and(|j| j != i) {
        return Err(NameError::Taken(new));
    }
    let mut out = entries.to_vec();
    out[i].name = new;
    Ok(out)
}

/// What a delete removed, to put it back with [`undo_delete`].
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub index: usize,
    pub entry: SavedScenario,
}

/// Removes the scenario `name`.
pub fn delete(
    entries: &[SavedScenario],
    name: &str,
) -> Result<(Vec<SavedScenario>, Deleted), NameError> {
    let index = position(entries, name).ok_or_else(|| NameError::Unknown(name.to_string()))?;
    let mut out = entries.to_vec();
    let entry = out.remove(index);
    Ok((out, Deleted { index, entry }))
}

/// Puts a deleted scenario back where it was, unless its name has been taken since.
pub fn undo_delete(
    entries: &[SavedScenario],
    deleted: &Deleted,
) -> Result<Vec<SavedScenario>, NameError> {
    if position(entries, &deleted.entry.name).is_some() {
        return Err(NameError::Taken(deleted.entry.name.clone()));
    }
    let mut out = entries.to_vec();
    out.insert(deleted.index.min(out.len()), deleted.entry.clone());
    Ok(out)
}

/// The scenario saved under `name`, checked.
pub fn find(
    entries: &[SavedScenario],
    name: &str,
    system: &IndicatorSystem,
    defaults: &Scenario,
) -> Result<Scenario, ReadError> {
    let i = position(entries, name)
        .ok_or_else(|| ReadError::BadName(NameError::Unknown(name.to_string())))?;
    check_entry(&entries[i], system, defaults)
}

/// Two to four scenarios scored on one data set.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub n_units: usize,
    /// Per scenario, per unit: the rank (0 for an unranked unit).
    pub ranks: Vec<Vec<u32>>,
    /// Per scenario, per unit: the composite score.
    pub scores: Vec<Vec<f64>>,
    /// The units in the first scenario's order (ranked ones by rank, then unranked ones).
    pub order: Vec<usize>,
}

/// Why scenarios cannot be compared.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareError {
    /// Fewer than [`MIN_COMPARED`] or more than [`MAX_COMPARED`] scenarios.
    Count(usize),
    Score(ScoreError),
}

impl CompareError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CompareError::Count(_) => tf(
                lang,
                Key::ScenarioCompareCount,
                &[&MIN_COMPARED.to_string(), &MAX_COMPARED.to_string()],
            ),
            CompareError::Score(e) => e.message(lang),
        }
    }
}

/// Scores `data` under each scenario with the page's scorer.
pub fn compare(
    system: &IndicatorSystem,
    data: &Dataset,
    scenarios: &[Scenario],
) -> Result<Comparison, CompareError> {
    if !(MIN_COMPARED..=MAX_COMPARED).contains(&scenarios.len()) {
        return Err(CompareError::Count(scenarios.len()));
    }
    let mut scorer = Scorer::new(data);
    let mut ranks = Vec::new();
    let mut scores = Vec::new();
    let mut order = Vec::new();
    for (k, scenario) in scenarios.iter().enumerate() {
        let ranking = scorer
            .score(system, scenario)
            .map_err(CompareError::Score)?;
        if k == 0 {
            order = ranking.order.clone();
        }
        ranks.push(ranking.rank);
        scores.push(ranking.composite);
    }
    Ok(Comparison {
        n_units: data.n_units(),
        ranks,
        scores,
        order,
    })
}

impl Comparison {
    pub fn n_scenarios(&self) -> usize {
        self.ranks.len()
    }

    /// Places unit `u` moved up under scenario `k` against the first (negative when it moved down);
    /// `None` when it is unranked under either.
    pub fn difference(&self, k: usize, u: usize) -> Option<i64> {
        let (first, other) = (self.ranks[0][u], self.ranks[k][u]);
        (first > 0 && other > 0).then(|| i64::from(first) - i64::from(other))
    }

    /// The largest move of unit `u` against the first scenario, in places.
    pub fn largest_move(&self, u: usize) -> u64 {
        (1..self.n_scenarios())
            .filter_map(|k| self.difference(k, u))
            .map(i64::unsigned_abs)
            .max()
            .unwrap_or(0)
    }

    /// Up to `n` units that move most against the first scenario (largest move first, then by rank
    /// under the first); units that do not move are left out.
    pub fn biggest_movers(&self, n: usize) -> Vec<usize> {
        let mut movers: Vec<usize> = self
            .order
            .iter()
            .copied()
            .filter(|&u| self.largest_move(u) > 0)
            .collect();
        // A stable sort keeps the first scenario's order among equal moves.
        crate::sorting::sort_by_key(&mut movers, |&u| std::cmp::Reverse(self.largest_move(u)));
        movers.truncate(n);
        movers
    }
}
