//! The page's state and every user action on it, as plain Rust: `reduce(&State, Action) -> State` is the
//! only way the page changes, and it is tested natively (the UI wraps it in Yew's `use_reducer`).
//!
//! The state always holds a ranking that was computed successfully: when a scenario cannot be scored
//! (all weights zero, say) the scenario is kept as the user set it, a problem is recorded and the last
//! good ranking stays on screen.

pub mod address;
pub mod editions;
pub mod messages;
pub mod row_order;
mod scorer;
pub mod snapshot;
pub mod system;
mod table;
mod weights;

pub use scorer::SharedScorer;
pub use table::{prefecture_summary, PrefectureRow, Sort, SortKey, TableView};
pub use weights::{
    default_scenario, format_weight, parse_weight, round_weight, Preset, WeightInputError,
    DEFAULT_DIMENSION_WEIGHT, DEFAULT_INDICATOR_WEIGHT, MAX_WEIGHT,
};

use crate::analysis::change::EditionRanks;
use crate::data::provenance::Provenance;
use crate::data::seeds::Bundle;
use crate::i18n::{tf, Key};
use crate::model::{
    Aggregation, Dataset, IndicatorSystem, Lang, Normalisation, Scaling, Scenario, Weighting,
};
use crate::score::{rank_changes, Ranking, ScoreError};
use crate::share::{DatasetRef, Notice};
use crate::system_check::{check_system, SystemProblem};
use crate::validate::{check_scenario, check_weight, ScenarioError};
use editions::{parse_year, with_added, Edition, EditionProblem, Editions};
use std::rc::Rc;

/// A weight box: a dimension's or an indicator's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Dimension(usize),
    Indicator(usize),
}

/// Something the user should be told; it stays until the next successful change or a dismissal.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A typed weight was refused; `kept` is the value still in force.
    BadWeight {
        field: Field,
        text: String,
        error: WeightInputError,
        kept: f64,
    },
    /// The scenario cannot be scored; the ranking shown is the last good one.
    Score(ScoreError),
    /// A whole scenario (from an Apply button, a link or a host) was refused and nothing changed.
    Refused(ScenarioError),
    /// An edition could not be added; the editions are unchanged.
    Edition(EditionProblem),
    /// An indicator system (from the editor, a file, a workbook or a link) was refused and nothing
    /// changed.
    System(Vec<SystemProblem>),
}

impl Problem {
    pub fn message(&self, lang: Lang, system: &IndicatorSystem) -> String {
        match self {
            Problem::BadWeight {
                field,
                text,
                error,
                kept,
            } => error.message(
                lang,
                &field_name(system, *field, lang),
                text,
                &format_weight(*kept),
            ),
            Problem::Score(e) => tf(lang, Key::StateScoreProblem, &[&e.message(lang)]),
            Problem::Refused(e) => tf(lang, Key::StateRefusedProblem, &[&e.message(lang, system)]),
            Problem::Edition(e) => e.message(lang),
            Problem::System(problems) => {
                let reasons: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
                tf(
                    lang,
                    Key::StateSystemRefused,
                    &[&reasons.join(crate::i18n::t(lang, Key::SystemProblemSeparator))],
                )
            }
        }
    }
}

/// The label of a weight box.
pub fn field_name(system: &IndicatorSystem, field: Field, lang: Lang) -> String {
    match field {
        Field::Dimension(d) => system.dimensions[d].name(lang).to_string(),
        Field::Indicator(i) => system.indicators[i].short(lang).to_string(),
    }
}

/// Everything the page shows. Cheap to clone: the large parts are shared behind `Rc`.
///
/// To extend it (analysis results, imported data sets, embed options), add a field with its default
/// in `State::new` and the actions that change it to `Action`.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub system: Rc<IndicatorSystem>,
    pub data: Rc<Dataset>,
    /// Scores `data`; replaced with it.
    pub scorer: SharedScorer,
    pub provenance: Rc<Provenance>,
    /// Per unit: whether any of its values is an estimate.
    pub unit_estimates: Rc<Vec<bool>>,
    /// The scenario as the user set it (it may not be scorable; see `problem`).
    pub scenario: Scenario,
    /// The last successfully computed ranking.
    pub ranking: Rc<Ranking>,
    /// The scenario `ranking` was computed under: `scenario` itself unless that cannot be scored.
    pub ranked_scenario: Scenario,
    /// The ranking under the default scenario, which rank changes are measured against.
    pub baseline: Rc<Ranking>,
    /// Places moved against the baseline, per unit.
    pub changes: Rc<Vec<Option<i32>>>,
    /// The preset the weights come from, until the user edits one.
    pub preset: Option<Preset>,
    pub selected: Option<usize>,
    pub table: TableView,
    pub problem: Option<Problem>,
    /// The refused text of a weight box, shown back in that box until it loses focus.
    pub draft: Option<(Field, String)>,
    /// What the opening link asked for that could not be done, shown at the top of the page.
    pub link_notices: Rc<Vec<Notice>>,
    /// The imported data set the opening link named but this browser could not provide; the address
    /// keeps naming it until the user changes data set.
    pub missing_dataset: Option<DatasetRef>,
    /// The named scenarios (name, scenario query) compared while the comparison view is open; the
    /// share link carries them (`share::COMPARE_PARAM`).
    pub compared: Option<Rc<crate::share::Compared>>,
    /// The editions (years) held, which one is shown and which two are compared.
    pub editions: Rc<Editions>,
    /// The change between the compared editions under the ranked scenario and the chosen scaling.
    pub year_change: Option<Rc<EditionRanks>>,
    /// The hash share links name `system` by (`system::system_ref`), `None` for the white paper's;
    /// kept here so that the address does not hash the system on every change.
    pub system_ref: Option<Rc<str>>,
}

/// Every change the page can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// A slider move: any number, clamped to 0..=100.
    SetWeight(Field, f64),
    /// A weight typed into a number box: checked, refused with a message when not a number in 0..=100.
    EditWeight(Field, String),
    /// The number box lost focus: it shows the value in force again.
    CommitDraft,
    ApplyPreset(Preset),
    SetNormalisation(Normalisation),
    SetAggregation(Aggregation),
    /// Replaces the whole scenario (for analyses that propose weights, restoring a shared link and the
    /// embed API) after `validate::check_scenario`; a refused scenario changes nothing and says why.
    SetScenario(Scenario),
    /// The page's scenario as the panels module's replica receives it: set as it is, exactly like the
    /// page's own state (which may hold all-zero weights a slider left, with their problem).
    MirrorScenario(Scenario),
    Reset,
    Select(Option<usize>),
    SortBy(SortKey),
    SetSearch(String),
    SetPrefectureFilter(Option<String>),
    /// Replaces the data set (an import, or back to the bundled one); the baseline is recomputed.
    ReplaceData {
        data: Rc<Dataset>,
        provenance: Rc<Provenance>,
    },
    DismissProblem,
    /// The notices about the opening link, and the data set it named that could not be loaded.
    SetLinkNotices {
        notices: Vec<Notice>,
        missing_dataset: Option<DatasetRef>,
    },
    DismissLinkNotices,
    /// Opens the comparison of these named scenarios (name, scenario query), or closes it.
    SetCompared(Option<Rc<crate::share::Compared>>),
    /// Replaces the data with the editions of a file (oldest first): the latest is shown, the two
    /// latest compared.
    SetEditions(Vec<Edition>),
    /// Adds a one-edition data set as the edition of the typed year, keeping the others (the data shown
    /// becomes the first edition when there is no collection yet); a year already held is refused.
    AddEdition {
        data: Rc<Dataset>,
        year: String,
    },
    /// Shows the edition of this year.
    ShowEdition(i32),
    /// Compares two editions (from, to), or none.
    CompareEditions(Option<(i32, i32)>),
    SetScaling(Scaling),
    /// Replaces the indicator system after `system_check::check_system` (a refused system changes
    /// nothing and says why): the data set's columns and the scenario's weights follow by id.
    ReplaceSystem(Rc<IndicatorSystem>),
    /// Back to the white paper's indicator system.
    ResetSystem,
    /// Several actions in order, as one update.
    Batch(Vec<Action>),
}

impl Action {
    /// The language this action sets: the last one a batch sets.
    pub fn language(&self) -> Option<Lang> {
        match self {
            Action::SetLang(lang) => Some(*lang),
            Action::Batch(actions) => actions.iter().rev().find_map(Action::language),
            _ => None,
        }
    }

    /// This action without its language changes (a batch keeps the rest, in order).
    pub fn without_language(self) -> Action {
        match self {
            Action::SetLang(_) => Action::Batch(Vec::new()),
            Action::Batch(actions) => Action::Batch(
                actions
                    .into_iter()
                    .filter(|a| !matches!(a, Action::SetLang(_)))
                    .map(Action::without_language)
                    .collect(),
            ),
            other => other,
        }
    }
}

impl State {
    /// The page's initial state: the bundled data under the default scenario, in Chinese.
    pub fn from_bundle(bundle: Bundle) -> Self {
        Self::new(bundle.system, bundle.data, bundle.provenance)
    }

    /// A state on any data set, under the default scenario.
    ///
    /// # Panics
    /// If the data does not fit the indicator system (a programming error: imports are checked first).
    pub fn new(system: IndicatorSystem, data: Dataset, provenance: Provenance) -> Self {
        let system_ref = system::system_ref(&system).map(Rc::from);
        let system = Rc::new(system);
        let scenario = default_scenario(&system);
        let data = Rc::new(data);
        let scorer = SharedScorer::new(data.clone());
        let baseline = Rc::new(
            scorer
                .score(&system, &scenario)
                .expect("the default scenario scores any valid data"),
        );
        let provenance = Rc::new(provenance);
        Self {
            lang: Lang::Zh,
            unit_estimates: Rc::new(unit_estimates(&data, &provenance)),
            changes: Rc::new(rank_changes(&baseline, &baseline)),
            ranking: baseline.clone(),
            ranked_scenario: scenario.clone(),
            baseline,
            system,
            data,
            scorer,
            provenance,
            scenario,
            preset: Some(Preset::Equal),
            selected: None,
            table: TableView::default(),
            problem: None,
            draft: None,
            link_notices: Rc::default(),
            missing_dataset: None,
            compared: None,
            editions: Rc::default(),
            year_change: None,
            system_ref,
        }
    }

    /// The weights a dimension's or indicator's controls show: the user's own, or the derived ones (on
    /// the same 0-100 scale) when a data-driven scheme is chosen.
    pub fn weight(&self, field: Field) -> f64 {
        match (self.scenario.weighting, field) {
            (Weighting::Manual, Field::Dimension(d)) => self.scenario.dimension_weights[d],
            (Weighting::Manual, Field::Indicator(i)) => self.scenario.indicator_weights[i],
            (_, Field::Dimension(d)) => {
                round_weight(self.ranking.weights.dimension[d] * MAX_WEIGHT)
            }
            (_, Field::Indicator(i)) => {
                round_weight(self.ranking.weights.within(&self.system, i) * MAX_WEIGHT)
            }
        }
    }

    /// Each dimension's share of the composite (0..1), `None` when the weights are all zero.
    pub fn dimension_shares(&self) -> Vec<Option<f64>> {
        if self.scenario.weighting != Weighting::Manual {
            return self
                .ranking
                .weights
                .dimension
                .iter()
                .map(|&w| Some(w))
                .collect();
        }
        let total: f64 = self.scenario.dimension_weights.iter().sum();
        self.scenario
            .dimension_weights
            .iter()
            .map(|&w| (total > 0.0).then(|| w / total))
            .collect()
    }

    /// Each indicator's share of the composite (0..1), `None` where it is undefined.
    pub fn indicator_shares(&self) -> Vec<Option<f64>> {
        if self.scenario.weighting != Weighting::Manual {
            return self
                .ranking
                .weights
                .indicator
                .iter()
                .map(|&w| Some(w))
                .collect();
        }
        let dims = self.dimension_shares();
        (0..self.system.n_indicators())
            .map(|i| {
                let d = self.system.dimension_of(i);
                let sum: f64 = self
                    .system
                    .indicators_of(d)
                    .map(|j| self.scenario.indicator_weights[j])
                    .sum();
                dims[d]
                    .filter(|_| sum > 0.0)
                    .map(|s| s * self.scenario.indicator_weights[i] / sum)
            })
            .collect()
    }

    /// The text a weight box shows: the refused draft if it is this box's, else the value in force.
    pub fn weight_text(&self, field: Field) -> String {
        match &self.draft {
            Some((f, text)) if *f == field => text.clone(),
            _ => format_weight(self.weight(field)),
        }
    }

    /// The rows of the ranking table, in display order.
    pub fn visible_rows(&self) -> Vec<usize> {
        self.table.rows(&self.data, &self.ranking, &self.changes)
    }

    /// The scenario with the weights in force written out as manual weights, so a derived scheme can be
    /// edited from where it stands.
    pub fn manual_scenario(&self) -> Scenario {
        let mut s = self.scenario.clone();
        if s.weighting != Weighting::Manual {
            s.dimension_weights = (0..self.system.n_dimensions())
                .map(|d| self.weight(Field::Dimension(d)))
                .collect();
            s.indicator_weights = (0..self.system.n_indicators())
                .map(|i| self.weight(Field::Indicator(i)))
                .collect();
            s.weighting = Weighting::Manual;
        }
        s
    }

    /// Scores the current scenario; on failure keeps the last good ranking and records the problem.
    fn rescore(&mut self) {
        match self.scorer.score(&self.system, &self.scenario) {
            Ok(r) => {
                self.changes = Rc::new(rank_changes(&r, &self.baseline));
                self.ranking = Rc::new(r);
                self.ranked_scenario = self.scenario.clone();
                self.problem = None;
                self.update_year_change();
            }
            Err(e) => self.problem = Some(Problem::Score(e)),
        }
    }

    /// Puts a data set and its scorer in place, showing its `baseline` (scored under `defaults`) until
    /// the scenario is scored again.
    fn install_data(
        &mut self,
        data: Rc<Dataset>,
        scorer: SharedScorer,
        baseline: Rc<Ranking>,
        defaults: Scenario,
    ) {
        self.data = data;
        self.scorer = scorer;
        self.changes = Rc::new(rank_changes(&baseline, &baseline));
        self.baseline = baseline.clone();
        self.ranking = baseline;
        self.ranked_scenario = defaults;
    }

    /// Recomputes the change between the compared editions under the ranked scenario.
    fn update_year_change(&mut self) {
        self.year_change = self
            .editions
            .ranks(&self.system, &self.ranked_scenario)
            .map(Rc::new);
    }

    /// Shows `editions`, its shown edition's data in place of the current data, keeping the selected
    /// county when the edition has it.
    fn show_editions(&mut self, editions: Editions) {
        let selected = self.selected.map(|u| self.data.units[u].adcode.clone());
        if let Some(edition) = editions.shown.and_then(|y| editions.get(y)).cloned() {
            apply(
                self,
                Action::ReplaceData {
                    data: edition.data,
                    provenance: edition.provenance,
                },
            );
        }
        self.selected = selected.and_then(|code| self.data.unit_index(&code));
        self.editions = Rc::new(editions);
        self.update_year_change();
    }

    fn set_scenario(&mut self, scenario: Scenario, preset: Option<Preset>) {
        self.scenario = scenario;
        self.preset = preset;
        self.draft = None;
        self.rescore();
    }
}

fn unit_estimates(data: &Dataset, provenance: &Provenance) -> Vec<bool> {
    let mut flags = vec![false; data.n_units()];
    for r in provenance
        .records()
        .iter()
        .filter(|r| r.status.is_estimate())
    {
        if let Some(u) = data.unit_index(&r.adcode) {
            flags[u] = true;
        }
    }
    flags
}

/// Applies one action.
pub fn reduce(state: &State, action: Action) -> State {
    let mut s = state.clone();
    apply(&mut s, action);
    s
}

fn apply(s: &mut State, action: Action) {
    match action {
        Action::SetLang(lang) => s.lang = lang,
        Action::SetWeight(field, value) => {
            if value.is_nan() || !field_exists(s, field) {
                return;
            }
            let mut scenario = s.manual_scenario();
            let v = check_weight(value.clamp(0.0, MAX_WEIGHT)).unwrap_or(0.0);
            match field {
                Field::Dimension(d) => scenario.dimension_weights[d] = v,
                Field::Indicator(i) => scenario.indicator_weights[i] = v,
            }
            s.set_scenario(scenario, None);
        }
        Action::EditWeight(field, text) => {
            if !field_exists(s, field) {
                return;
            }
            match parse_weight(&text) {
                Ok(v) if v == s.weight(field) && s.scenario.weighting == Weighting::Manual => {
                    s.draft = None;
                    if matches!(s.problem, Some(Problem::BadWeight { .. })) {
                        s.problem = None;
                    }
                }
                Ok(v) => apply(s, Action::SetWeight(field, v)),
                Err(error) => {
                    s.problem = Some(Problem::BadWeight {
                        field,
                        text: text.clone(),
                        error,
                        kept: s.weight(field),
                    });
                    s.draft = Some((field, text));
                }
            }
        }
        Action::CommitDraft => s.draft = None,
        Action::ApplyPreset(p) => {
            let scenario = p.apply(&s.system, &s.scenario);
            s.set_scenario(scenario, Some(p));
        }
        Action::SetNormalisation(n) => {
            let mut scenario = s.scenario.clone();
            scenario.normalisation = n;
            let preset = s.preset;
            s.set_scenario(scenario, preset);
        }
        Action::SetAggregation(a) => {
            let mut scenario = s.scenario.clone();
            scenario.aggregation = a;
            let preset = s.preset;
            s.set_scenario(scenario, preset);
        }
        Action::SetScenario(scenario) => match check_scenario(&s.system, &scenario) {
            Ok(scenario) => s.set_scenario(scenario, None),
            Err(e) => s.problem = Some(Problem::Refused(e)),
        },
        Action::MirrorScenario(scenario) => s.set_scenario(scenario, None),
        Action::Reset => s.set_scenario(default_scenario(&s.system), Some(Preset::Equal)),
        Action::Select(u) => s.selected = u.filter(|&u| u < s.data.n_units()),
        Action::SortBy(key) => s.table.sort = s.table.sort.toggled(key),
        Action::SetSearch(text) => s.table.search = text,
        Action::SetPrefectureFilter(p) => s.table.prefecture = p.filter(|p| !p.is_empty()),
        Action::ReplaceData { data, provenance } => {
            // The user now has the data set they chose; the link's missing one is no longer asked for.
            s.missing_dataset = None;
            s.editions = Rc::default();
            s.year_change = None;
            let scorer = SharedScorer::new(data.clone());
            let baseline = match scorer.score(&s.system, &default_scenario(&s.system)) {
                Ok(b) => Rc::new(b),
                Err(e) => {
                    s.problem = Some(Problem::Score(e));
                    return;
                }
            };
            s.unit_estimates = Rc::new(unit_estimates(&data, &provenance));
            s.provenance = provenance;
            let defaults = default_scenario(&s.system);
            s.install_data(data, scorer, baseline, defaults);
            if s.selected.is_some_and(|u| u >= s.data.n_units()) {
                s.selected = None;
            }
            if s.table
                .prefecture
                .as_ref()
                .is_some_and(|p| !s.data.units.iter().any(|u| &u.prefecture_zh == p))
            {
                s.table.prefecture = None;
            }
            let scenario = s.scenario.clone();
            let preset = s.preset;
            s.set_scenario(scenario, preset);
        }
        Action::DismissProblem => {
            s.problem = None;
            s.draft = None;
        }
        Action::SetLinkNotices {
            notices,
            missing_dataset,
        } => {
            s.link_notices = Rc::new(notices);
            s.missing_dataset = missing_dataset;
        }
        Action::DismissLinkNotices => s.link_notices = Rc::default(),
        Action::SetCompared(compared) => s.compared = compared,
        Action::SetEditions(list) => {
            let editions = Editions::of(list, s.editions.scaling);
            s.show_editions(editions);
        }
        Action::AddEdition { data, year } => {
            let current = Edition {
                year: s.editions.shown.or(s.data.meta.year).unwrap_or_default(),
                data: s.data.clone(),
                provenance: s.provenance.clone(),
            };
            let added = parse_year(&year).and_then(|year| {
                if s.editions.list.is_empty() && s.data.meta.year.is_none() {
                    return Err(EditionProblem::ShownHasNoYear);
                }
                let edition = Edition::new(year, (*data).clone(), Provenance::default());
                with_added(&s.editions, &current, edition)
            });
            match added {
                Ok(editions) => {
                    s.show_editions(editions);
                    s.problem = None;
                }
                Err(e) => s.problem = Some(Problem::Edition(e)),
            }
        }
        Action::ShowEdition(year) => {
            if s.editions.shown != Some(year) && s.editions.get(year).is_some() {
                let editions = Editions {
                    shown: Some(year),
                    ..(*s.editions).clone()
                };
                s.show_editions(editions);
            }
        }
        Action::CompareEditions(pair) => {
            let known = |y: i32| s.editions.get(y).is_some();
            if pair != s.editions.comparison
                && pair.is_none_or(|(a, b)| a != b && known(a) && known(b))
            {
                s.editions = Rc::new(Editions {
                    comparison: pair,
                    ..(*s.editions).clone()
                });
                s.update_year_change();
            }
        }
        Action::SetScaling(scaling) => {
            if scaling != s.editions.scaling {
                s.editions = Rc::new(Editions {
                    scaling,
                    ..(*s.editions).clone()
                });
                s.update_year_change();
            }
        }
        Action::ReplaceSystem(system) => replace_system(s, system),
        Action::ResetSystem => {
            replace_system(s, Rc::new(system::white_paper_system().clone()));
        }
        Action::Batch(actions) => {
            for a in actions {
                apply(s, a);
            }
        }
    }
}

/// Replaces the system, the data set's columns and the scenario; the baseline is recomputed. When the
/// kept weights cannot be scored under the new system (a dimension whose kept weights are all zero),
/// the new system's default scenario is used.
fn replace_system(s: &mut State, system: Rc<IndicatorSystem>) {
    if *system == *s.system {
        return;
    }
    let problems = check_system(&system);
    if !problems.is_empty() {
        s.problem = Some(Problem::System(problems));
        return;
    }
    let data = Rc::new(system::data_for_system(
        &s.system,
        &s.data,
        &s.provenance,
        &system,
    ));
    let scorer = SharedScorer::new(data.clone());
    let defaults = default_scenario(&system);
    let baseline = match scorer.score(&system, &defaults) {
        Ok(b) => Rc::new(b),
        Err(e) => {
            s.problem = Some(Problem::Score(e));
            return;
        }
    };
    let kept = system::scenario_for_system(&s.system, &s.scenario, &system);
    let (scenario, preset) = match check_scenario(&system, &kept) {
        Ok(k) if scorer.score(&system, &k).is_ok() => (k, s.preset),
        _ => (defaults.clone(), Some(Preset::Equal)),
    };
    s.unit_estimates = Rc::new(unit_estimates(&data, &s.provenance));
    // Every edition follows the system as the data shown does, so the year-over-year change compares
    // data sets of the system in use.
    let list = s
        .editions
        .list
        .iter()
        .map(|e| Edition {
            year: e.year,
            data: Rc::new(system::data_for_system(
                &s.system,
                &e.data,
                &e.provenance,
                &system,
            )),
            provenance: e.provenance.clone(),
        })
        .collect();
    s.editions = Rc::new(Editions {
        list,
        ..(*s.editions).clone()
    });
    s.system_ref = system::system_ref(&system).map(Rc::from);
    s.system = system;
    s.install_data(data, scorer, baseline, defaults);
    s.set_scenario(scenario, preset);
}

fn field_exists(s: &State, field: Field) -> bool {
    match field {
        Field::Dimension(d) => d < s.system.n_dimensions(),
        Field::Indicator(i) => i < s.system.n_indicators(),
    }
}
