//! Indicator influence in the manner of COINr's reweighting view: each indicator's Pearson correlation
//! with the composite across ranked units, beside its effective weight.

use crate::method::weight::pearson;
use crate::model::IndicatorSystem;
use crate::score::Ranking;

/// One indicator's nominal weight and its real influence on the composite.
#[derive(Clone, Debug, PartialEq)]
pub struct Influence {
    pub indicator: usize,
    /// The indicator's effective share of the composite (all 16 sum to 1).
    pub weight: f64,
    /// Pearson correlation of the normalised indicator with the composite over ranked units.
    pub correlation: f64,
}

/// Influence of every indicator under a ranking.
pub fn influence(system: &IndicatorSystem, ranking: &Ranking) -> Vec<Influence> {
    let ranked: Vec<usize> = (0..ranking.n_units)
        .filter(|&u| ranking.rank[u] > 0)
        .collect();
    let composite: Vec<f64> = ranked.iter().map(|&u| ranking.composite[u]).collect();
    (0..system.n_indicators())
        .map(|i| {
            let column: Vec<f64> = ranked
                .iter()
                .map(|&u| ranking.normalised_value(u, i))
                .collect();
            Influence {
                indicator: i,
                weight: ranking.weights.indicator[i],
                correlation: pearson(&column, &composite),
            }
        })
        .collect()
}
