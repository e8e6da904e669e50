//! What follows the indicator system when the user replaces it: the data set's columns and the
//! scenario's weights and treatments, both matched by id (an indicator or dimension the old system did
//! not have gets no values and the default weight); and the editor's draft of a system, which becomes
//! one only when it passes `check_system`.

use super::weights::{DEFAULT_DIMENSION_WEIGHT, DEFAULT_INDICATOR_WEIGHT};
use crate::analysis::common_system::columns_for_system;
use crate::data::provenance::Provenance;
use crate::data::seeds;
use crate::echo::clip;
use crate::i18n::{tf, Key};
use crate::model::{
    Dataset, Dimension, Indicator, IndicatorSystem, Lang, Scenario, Treatment, ValueKind, Weighting,
};
use crate::system_check::{check_system, SystemProblem};
use std::sync::OnceLock;

/// The white paper's indicator system (Table 3-1), read once.
pub fn white_paper_system() -> &'static IndicatorSystem {
    static SYSTEM: OnceLock<IndicatorSystem> = OnceLock::new();
    SYSTEM.get_or_init(seeds::indicator_system)
}

/// The content hash a share link names a system by (`share::SYSTEM_PARAM`): FNV-1a (64 bits) of its
/// JSON, as 16 hexadecimal digits, the form of a data set's hash.
pub fn system_hash(system: &IndicatorSystem) -> String {
    let json = crate::json::to_string(system).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in json.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The hash a share link names `system` by; `None` for the white paper's, which links leave out.
pub fn system_ref(system: &IndicatorSystem) -> Option<String> {
    (system != white_paper_system()).then(|| system_hash(system))
}

/// The data set under `new`: the bundled values matched by indicator id when `data` is the bundled
/// data set (its provenance has records), else `data`'s own columns matched by id.
pub fn data_for_system(
    old: &IndicatorSystem,
    data: &Dataset,
    provenance: &Provenance,
    new: &IndicatorSystem,
) -> Dataset {
    if !provenance.records().is_empty() {
        return seeds::bundled_data_for(new).0;
    }
    columns_for_system(old, data, new)
}

/// The indicators of `system` with no value in `data`.
pub fn indicators_without_values(system: &IndicatorSystem, data: &Dataset) -> Vec<usize> {
    (0..system.n_indicators())
        .filter(|&i| data.column(i).iter().all(|v| v.is_nan()))
        .collect()
}

/// `scenario` (set under `old`) under `new`: each weight and treatment kept by its id, new ones at
/// their defaults. An AHP comparison stays only when the dimensions are the same ones in the same
/// order; otherwise the weights in force become manual ones.
pub fn scenario_for_system(
    old: &IndicatorSystem,
    scenario: &Scenario,
    new: &IndicatorSystem,
) -> Scenario {
    let mut s = scenario.clone();
    s.dimension_weights = new
        .dimensions
        .iter()
        .map(|d| {
            old.dimension_index(&d.id)
                .map_or(DEFAULT_DIMENSION_WEIGHT, |k| scenario.dimension_weights[k])
        })
        .collect();
    let by_indicator = |i: &crate::model::Indicator| old.indicator_index(&i.id);
    s.indicator_weights = new
        .indicators
        .iter()
        .map(|i| {
            by_indicator(i).map_or(DEFAULT_INDICATOR_WEIGHT, |k| scenario.indicator_weights[k])
        })
        .collect();
    s.treatments = new
        .indicators
        .iter()
        .map(|i| by_indicator(i).map_or(Treatment::None, |k| scenario.treatments[k]))
        .collect();
    let same_dimensions = old.dimensions.len() == new.dimensions.len()
        && old
            .dimensions
            .iter()
            .zip(&new.dimensions)
            .all(|(a, b)| a.id == b.id);
    if !same_dimensions {
        s.ahp_matrix = None;
        if s.weighting == Weighting::Ahp {
            s.weighting = Weighting::Manual;
        }
    }
    s
}

/// An indicator system as the editor holds it while the user changes it: the plausible range as the
/// typed texts, and the indicators in any order (applying puts each dimension's together).
#[derive(Clone, Debug, PartialEq)]
pub struct SystemDraft {
    pub source: String,
    pub dimensions: Vec<Dimension>,
    pub indicators: Vec<DraftIndicator>,
}

/// An indicator of a draft, with its plausible minimum and maximum as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftIndicator {
    pub indicator: Indicator,
    pub min_text: String,
    pub max_text: String,
}

/// A change the editor makes to its draft.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftEdit {
    DimensionId(usize, String),
    DimensionNameZh(usize, String),
    DimensionNameEn(usize, String),
    /// Adds a dimension at the end with a free id.
    AddDimension,
    /// Removes a dimension and its indicators.
    RemoveDimension(usize),
    IndicatorId(usize, String),
    IndicatorNameZh(usize, String),
    IndicatorNameEn(usize, String),
    IndicatorShortZh(usize, String),
    IndicatorShortEn(usize, String),
    IndicatorUnitZh(usize, String),
    IndicatorUnitEn(usize, String),
    IndicatorMin(usize, String),
    IndicatorMax(usize, String),
    /// Moves an indicator to the dimension with this index.
    IndicatorDimension(usize, usize),
    IndicatorHigherIsBetter(usize, bool),
    /// Adds an indicator with a free id at the end of the dimension with this index.
    AddIndicator(usize),
    RemoveIndicator(usize),
}

/// Why a draft cannot be applied, each said in the user's language by [`DraftProblem::message`].
#[derive(Clone, Debug, PartialEq)]
pub enum DraftProblem {
    /// A plausible bound that is not a number: the text typed.
    NotANumber(String),
    /// A dimension with no indicator: its id.
    EmptyDimension(String),
    System(SystemProblem),
    /// A system file that cannot be read: why.
    Unreadable(String),
}

impl DraftProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DraftProblem::NotANumber(text) => tf(lang, Key::SystemNotANumber, &[&clip(text)]),
            DraftProblem::EmptyDimension(id) => tf(lang, Key::SystemEmptyDimension, &[&clip(id)]),
            DraftProblem::System(p) => p.message(lang),
            DraftProblem::Unreadable(reason) => {
                tf(lang, Key::SystemFileUnreadable, &[&clip(reason)])
            }
        }
    }
}

/// A number as a plausible bound is typed and shown: the shortest text that reads back exactly.
fn bound_text(v: f64) -> String {
    format!("{v}")
}

/// The first id of the form `{stem}_{n}` that no dimension or indicator of the draft uses.
fn free_id(draft: &SystemDraft, stem: &str) -> (String, usize) {
    let used = |id: &str| {
        draft.dimensions.iter().any(|d| d.id == id)
            || draft.indicators.iter().any(|i| i.indicator.id == id)
    };
    (1..)
        .map(|n| (format!("{stem}_{n}"), n))
        .find(|(id, _)| !used(id))
        .expect("some id is free")
}

impl SystemDraft {
    /// The draft of a system as it stands.
    pub fn of(system: &IndicatorSystem) -> Self {
        Self {
            source: system.source.clone(),
            dimensions: system.dimensions.clone(),
            indicators: system
                .indicators
                .iter()
                .map(|i| DraftIndicator {
                    indicator: i.clone(),
                    min_text: bound_text(i.plausible_min),
                    max_text: bound_text(i.plausible_max),
                })
                .collect(),
        }
    }

    /// The index of the dimension an indicator of the draft is in (the first one if its dimension's id
    /// was just changed to nothing it matches).
    pub fn dimension_of(&self, i: usize) -> usize {
        let id = &self.indicators[i].indicator.dimension;
        self.dimensions
            .iter()
            .position(|d| &d.id == id)
            .unwrap_or(0)
    }

    /// Applies one change. A changed Chinese name, short name or unit drops the Traditional form the
    /// system had for it, so that 繁體 readers see the new Simplified text rather than the old name.
    pub fn edit(&mut self, edit: DraftEdit) {
        match edit {
            DraftEdit::DimensionId(d, id) => {
                let id = id.trim().to_string();
                let old = std::mem::replace(&mut self.dimensions[d].id, id.clone());
                for ind in &mut self.indicators {
                    if ind.indicator.dimension == old {
                        ind.indicator.dimension = id.clone();
                    }
                }
            }
            DraftEdit::DimensionNameZh(d, name) => {
                self.dimensions[d].name_zh = name;
                self.dimensions[d].name_zh_hant.clear();
            }
            DraftEdit::DimensionNameEn(d, name) => self.dimensions[d].name_en = name,
            DraftEdit::AddDimension => {
                let (id, n) = free_id(self, "dimension");
                self.dimensions.push(Dimension {
                    id,
                    name_zh: format!("{}{n}", crate::i18n::t(Lang::Zh, Key::SystemNewDimension)),
                    name_en: format!("{} {n}", crate::i18n::t(Lang::En, Key::SystemNewDimension)),
                    about_zh: String::new(),
                    about_en: String::new(),
                    name_zh_hant: String::new(),
                    about_zh_hant: String::new(),
                });
            }
            DraftEdit::RemoveDimension(d) => {
                let id = self.dimensions.remove(d).id;
                self.indicators.retain(|i| i.indicator.dimension != id);
            }
            DraftEdit::IndicatorId(i, id) => {
                self.indicators[i].indicator.id = id.trim().to_string()
            }
            DraftEdit::IndicatorNameZh(i, name) => {
                let ind = &mut self.indicators[i].indicator;
                ind.name_zh = name;
                ind.name_zh_hant.clear();
            }
            DraftEdit::IndicatorNameEn(i, name) => self.indicators[i].indicator.name_en = name,
            DraftEdit::IndicatorShortZh(i, name) => {
                let ind = &mut self.indicators[i].indicator;
                ind.short_zh = name;
                ind.short_zh_hant.clear();
            }
            DraftEdit::IndicatorShortEn(i, name) => self.indicators[i].indicator.short_en = name,
            DraftEdit::IndicatorUnitZh(i, unit) => {
                let ind = &mut self.indicators[i].indicator;
                ind.unit_zh = unit;
                ind.unit_zh_hant.clear();
            }
            DraftEdit::IndicatorUnitEn(i, unit) => self.indicators[i].indicator.unit_en = unit,
            DraftEdit::IndicatorMin(i, text) => self.indicators[i].min_text = text,
            DraftEdit::IndicatorMax(i, text) => self.indicators[i].max_text = text,
            DraftEdit::IndicatorDimension(i, d) => {
                if let Some(dim) = self.dimensions.get(d) {
                    self.indicators[i].indicator.dimension = dim.id.clone();
                }
            }
            DraftEdit::IndicatorHigherIsBetter(i, higher) => {
                self.indicators[i].indicator.higher_is_better = higher;
            }
            DraftEdit::AddIndicator(d) => {
                let Some(dimension) = self.dimensions.get(d).map(|d| d.id.clone()) else {
                    return;
                };
                let (id, n) = free_id(self, "indicator");
                let zh = format!("{}{n}", crate::i18n::t(Lang::Zh, Key::SystemNewIndicator));
                let en = format!("{} {n}", crate::i18n::t(Lang::En, Key::SystemNewIndicator));
                let indicator = Indicator {
                    id,
                    dimension,
                    name_zh: zh.clone(),
                    name_en: en.clone(),
                    short_zh: zh,
                    short_en: en,
                    unit_zh: String::new(),
                    unit_en: String::new(),
                    kind: ValueKind::Amount,
                    integer: false,
                    decimals: 2,
                    signed: true,
                    higher_is_better: true,
                    definition_zh: String::new(),
                    definition_en: String::new(),
                    plausible_min: 0.0,
                    plausible_max: 100.0,
                    name_zh_hant: String::new(),
                    short_zh_hant: String::new(),
                    unit_zh_hant: String::new(),
                    definition_zh_hant: String::new(),
                };
                self.indicators.push(DraftIndicator {
                    min_text: bound_text(indicator.plausible_min),
                    max_text: bound_text(indicator.plausible_max),
                    indicator,
                });
            }
            DraftEdit::RemoveIndicator(i) => {
                self.indicators.remove(i);
            }
        }
    }

    /// The system the draft describes, with each dimension's indicators together in the draft's order,
    /// or every reason it cannot be used.
    pub fn build(&self) -> Result<IndicatorSystem, Vec<DraftProblem>> {
        let mut problems = Vec::new();
        let mut indicators = Vec::with_capacity(self.indicators.len());
        for d in &self.dimensions {
            let before = indicators.len();
            for draft in self
                .indicators
                .iter()
                .filter(|i| i.indicator.dimension == d.id)
            {
                let mut ind = draft.indicator.clone();
                for (text, value) in [
                    (&draft.min_text, &mut ind.plausible_min),
                    (&draft.max_text, &mut ind.plausible_max),
                ] {
                    match text.trim().parse::<f64>() {
                        Ok(v) if v.is_finite() => *value = v,
                        _ => problems.push(DraftProblem::NotANumber(text.clone())),
                    }
                }
                indicators.push(ind);
            }
            if indicators.len() == before {
                problems.push(DraftProblem::EmptyDimension(d.id.clone()));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let system = IndicatorSystem::new(self.source.clone(), self.dimensions.clone(), indicators)
            .map_err(|_| {
                // Every structural error (an unknown dimension, an empty one) was caught above, except
                // a dimension id used twice, which check_system names.
                vec![DraftProblem::System(SystemProblem::DuplicateId(
                    first_duplicate(&self.dimensions).unwrap_or_default(),
                ))]
            })?;
        let checked = check_system(&system);
        if checked.is_empty() {
            Ok(system)
        } else {
            Err(checked.into_iter().map(DraftProblem::System).collect())
        }
    }
}

fn first_duplicate(dimensions: &[Dimension]) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    dimensions
        .iter()
        .find(|d| !seen.insert(d.id.as_str()))
        .map(|d| d.id.clone())
}
