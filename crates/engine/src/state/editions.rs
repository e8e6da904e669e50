//! The editions (years) of the index the page holds: the collection, which edition is shown, which two
//! are compared and on what scale, and the year-over-year change between them (`analysis::change`).
//!
//! A page holding one data set has no collection (`Editions::list` empty). A file with several editions
//! gives its editions; a one-edition file can be added to the current data as another year.

use crate::analysis::change::{edition_ranks, EditionRanks};
use crate::data::provenance::Provenance;
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang, Scaling, Scenario};
use crate::share::EditionChoices;
use std::rc::Rc;

/// One edition: its year, its data set (whose `meta.year` is that year) and its provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Edition {
    pub year: i32,
    pub data: Rc<Dataset>,
    pub provenance: Rc<Provenance>,
}

impl Edition {
    /// An edition of `data` for `year`, its metadata naming that year.
    pub fn new(year: i32, mut data: Dataset, provenance: Provenance) -> Self {
        data.meta.year = Some(year);
        Self {
            year,
            data: Rc::new(data),
            provenance: Rc::new(provenance),
        }
    }

    /// The editions of an imported file (each with its year set), oldest first.
    pub fn of_import(editions: Vec<Dataset>) -> Vec<Self> {
        let mut out: Vec<Self> = editions
            .into_iter()
            .filter_map(|d| d.meta.year.map(|y| Self::new(y, d, Provenance::default())))
            .collect();
        out.sort_by_key(|e| e.year);
        out.dedup_by_key(|e| e.year);
        out
    }
}

/// The collection of editions and the choices made on it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Editions {
    /// Oldest first, one per year; empty when the page holds a single data set.
    pub list: Vec<Edition>,
    /// The year of the edition shown (its data is the state's `data`).
    pub shown: Option<i32>,
    /// The two years compared (from, to), when there are two editions to compare.
    pub comparison: Option<(i32, i32)>,
    pub scaling: Scaling,
}

impl Editions {
    /// A collection of `list` (sorted by year, one per year), showing the latest and comparing the two
    /// latest, under `scaling`.
    pub fn of(list: Vec<Edition>, scaling: Scaling) -> Self {
        let shown = list.last().map(|e| e.year);
        let comparison = default_comparison(&list);
        Self {
            list,
            shown,
            comparison,
            scaling,
        }
    }

    /// True when there are editions to compare: the page then shows the pickers and the scaling choice.
    pub fn several(&self) -> bool {
        self.list.len() >= 2
    }

    pub fn years(&self) -> Vec<i32> {
        self.list.iter().map(|e| e.year).collect()
    }

    pub fn get(&self, year: i32) -> Option<&Edition> {
        self.list.iter().find(|e| e.year == year)
    }

    /// The choices a share link records: the year shown, the two compared and the scaling, each left
    /// out when it is what [`Editions::of`] chooses for this list; nothing without several editions.
    pub fn link_choices(&self) -> EditionChoices {
        if !self.several() {
            return EditionChoices::default();
        }
        let latest = self.list.last().map(|e| e.year);
        EditionChoices {
            shown: self.shown.filter(|&y| Some(y) != latest),
            comparison: Some(self.comparison).filter(|&c| c != default_comparison(&self.list)),
            scaling: self.scaling,
        }
    }

    /// The rank and score change between the compared editions under `scenario` and the chosen
    /// scaling, when two are compared and the scenario scores them; why counties moved is not part of it.
    pub fn ranks(&self, system: &IndicatorSystem, scenario: &Scenario) -> Option<EditionRanks> {
        let (from, to) = self.comparison?;
        let (from, to) = (self.get(from)?, self.get(to)?);
        edition_ranks(system, &from.data, &to.data, scenario, self.scaling).ok()
    }
}

/// The two latest years of `list`, when it has two.
fn default_comparison(list: &[Edition]) -> Option<(i32, i32)> {
    match list {
        [.., a, b] => Some((a.year, b.year)),
        _ => None,
    }
}

/// Why an edition could not be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditionProblem {
    /// The collection already holds an edition of this year.
    YearTaken(i32),
    /// The data shown has no year, so it cannot become an edition beside another one.
    ShownHasNoYear,
    /// The year is not one the page accepts (1900–2100).
    BadYear(String),
}

impl EditionProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            EditionProblem::YearTaken(y) => tf(lang, Key::EditionYearTaken, &[&y.to_string()]),
            EditionProblem::ShownHasNoYear => t(lang, Key::EditionShownHasNoYear).to_string(),
            EditionProblem::BadYear(text) => tf(lang, Key::EditionBadYear, &[text]),
        }
    }
}

/// Reads a year typed by the user (1900–2100).
pub fn parse_year(text: &str) -> Result<i32, EditionProblem> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
        .ok_or_else(|| EditionProblem::BadYear(text.trim().to_string()))
}

/// The collection after adding `edition` to `editions`, where the page shows `current` (which becomes
/// the first edition when there is no collection yet); refused when its year is taken.
pub fn with_added(
    editions: &Editions,
    current: &Edition,
    edition: Edition,
) -> Result<Editions, EditionProblem> {
    let mut list = if editions.list.is_empty() {
        vec![current.clone()]
    } else {
        editions.list.clone()
    };
    if list.iter().any(|e| e.year == edition.year) {
        return Err(EditionProblem::YearTaken(edition.year));
    }
    list.push(edition);
    list.sort_by_key(|e| e.year);
    Ok(Editions::of(list, editions.scaling))
}
