//! What follows the indicator system when the user replaces it: the data set's columns and the
//! scenario's weights and treatments, both matched by id (an indicator or dimension the old system did
//! not have gets no values and the default weight).

use super::weights::{DEFAULT_DIMENSION_WEIGHT, DEFAULT_INDICATOR_WEIGHT};
use crate::data::provenance::Provenance;
use crate::data::seeds;
use crate::model::{Dataset, IndicatorSystem, Scenario, Treatment, Weighting};
use std::sync::OnceLock;

/// The white paper's indicator system (Table 3-1), read once.
pub fn white_paper_system() -> &'static IndicatorSystem {
    static SYSTEM: OnceLock<IndicatorSystem> = OnceLock::new();
    SYSTEM.get_or_init(seeds::indicator_system)
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
    let mut out = Dataset::new(data.meta.clone(), data.units.clone(), new.n_indicators());
    for (i, indicator) in new.indicators.iter().enumerate() {
        if let Some(k) = old.indicator_index(&indicator.id) {
            out.column_mut(i).copy_from_slice(data.column(k));
        }
    }
    out
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
