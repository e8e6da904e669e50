//! Resolving a scenario's weights: manual and equal weights, and the data-driven entropy and CRITIC schemes.

use super::normalise::unit_min_max;
use crate::model::{IndicatorSystem, Scenario, Weighting};
use crate::score::ScoreError;

/// Effective weights: dimension weights summing to 1 and, per indicator, its share of the composite
/// (so indicator weights also sum to 1 and each dimension's indicators sum to its dimension weight).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EffectiveWeights {
    pub dimension: Vec<f64>,
    pub indicator: Vec<f64>,
}

impl EffectiveWeights {
    /// The weight of indicator `i` within its own dimension (sums to 1 per dimension).
    pub fn within(&self, system: &IndicatorSystem, i: usize) -> f64 {
        let d = self.dimension[system.dimension_of(i)];
        if d > 0.0 {
            self.indicator[i] / d
        } else {
            0.0
        }
    }
}

fn check_raw(weights: &[f64], expected: usize, level: &'static str) -> Result<(), ScoreError> {
    if weights.len() != expected {
        return Err(ScoreError::WeightCount {
            level,
            expected,
            got: weights.len(),
        });
    }
    if let Some(&w) = weights.iter().find(|w| !w.is_finite() || **w < 0.0) {
        return Err(ScoreError::NegativeWeight { level, value: w });
    }
    Ok(())
}

/// Turns raw dimension and indicator weights into effective weights.
pub fn from_raw(
    system: &IndicatorSystem,
    dimension_raw: &[f64],
    indicator_raw: &[f64],
) -> Result<EffectiveWeights, ScoreError> {
    check_raw(dimension_raw, system.n_dimensions(), "dimension")?;
    check_raw(indicator_raw, system.n_indicators(), "indicator")?;
    let total: f64 = dimension_raw.iter().sum();
    if total <= 0.0 {
        return Err(ScoreError::AllZero { dimension: None });
    }
    let dimension: Vec<f64> = dimension_raw.iter().map(|w| w / total).collect();
    let mut indicator = vec![0.0; system.n_indicators()];
    for (d, &dw) in dimension.iter().enumerate() {
        let range = system.indicators_of(d);
        let sum: f64 = indicator_raw[range.clone()].iter().sum();
        if sum <= 0.0 {
            return Err(ScoreError::AllZero {
                dimension: Some(system.dimensions[d].id.clone()),
            });
        }
        for i in range {
            indicator[i] = dw * indicator_raw[i] / sum;
        }
    }
    Ok(EffectiveWeights {
        dimension,
        indicator,
    })
}

/// Builds effective weights from 16 indicator weights that sum to 1 (dimension weight = sum of its indicators).
pub fn from_indicator_shares(system: &IndicatorSystem, shares: Vec<f64>) -> EffectiveWeights {
    let dimension = (0..system.n_dimensions())
        .map(|d| system.indicators_of(d).map(|i| shares[i]).sum())
        .collect();
    EffectiveWeights {
        dimension,
        indicator: shares,
    }
}

/// Entropy weights (熵权法) over min-max-normalised columns, with 0 ln 0 = 0.
pub fn entropy<C: AsRef<[f64]>>(columns: &[C]) -> Result<Vec<f64>, ScoreError> {
    let divergence: Vec<f64> = columns
        .iter()
        .map(|col| {
            let x = unit_min_max(col.as_ref());
            let present: Vec<f64> = x.into_iter().filter(|v| !v.is_nan()).collect();
            let n = present.len();
            let sum: f64 = present.iter().sum();
            if n < 2 || sum <= 0.0 {
                return 0.0;
            }
            let h: f64 = present
                .iter()
                .map(|&v| v / sum)
                .filter(|&p| p > 0.0)
                .map(|p| p * p.ln())
                .sum();
            let e = -h / (n as f64).ln();
            (1.0 - e).max(0.0)
        })
        .collect();
    normalise_shares(divergence, "entropy")
}

/// CRITIC weights: contrast (sample standard deviation) times conflict (sum of 1 - Pearson r).
pub fn critic<C: AsRef<[f64]>>(columns: &[C]) -> Result<Vec<f64>, ScoreError> {
    let x: Vec<Vec<f64>> = columns.iter().map(|c| unit_min_max(c.as_ref())).collect();
    let sd: Vec<f64> = x
        .iter()
        .map(|c| crate::method::normalise::ColumnStats::of(c, false).sd)
        .collect();
    // The correlation matrix is symmetric, and `pearson` gives the same bits either way round. Between
    // two complete columns every unit is a pair, so each column's mean is the same for all its pairs.
    let n = x.len();
    let means: Vec<Option<f64>> = x.iter().map(|c| complete_mean(c)).collect();
    let mut r = vec![0.0; n * n];
    for j in 0..n {
        for k in j..n {
            r[j * n + k] = match (means[j], means[k]) {
                (Some(ma), Some(mb)) => correlation(&x[j], &x[k], ma, mb),
                _ => pearson(&x[j], &x[k]),
            };
            r[k * n + j] = r[j * n + k];
        }
    }
    let info: Vec<f64> = (0..n)
        .map(|j| {
            let conflict: f64 = r[j * n..(j + 1) * n].iter().map(|r| 1.0 - r).sum();
            sd[j] * conflict
        })
        .collect();
    normalise_shares(info, "critic")
}

/// Pearson correlation over the units present in both columns; 0 when either has no spread.
pub fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let pairs = || a.iter().zip(b).filter(|(x, y)| !x.is_nan() && !y.is_nan());
    let count = pairs().count();
    if count < 2 {
        return 0.0;
    }
    let n = count as f64;
    let (ma, mb) = (
        pairs().map(|p| *p.0).sum::<f64>() / n,
        pairs().map(|p| *p.1).sum::<f64>() / n,
    );
    correlation(a, b, ma, mb)
}

/// The mean of a column with at least two values and none missing, summed as `pearson` sums it.
fn complete_mean(column: &[f64]) -> Option<f64> {
    (column.len() >= 2 && column.iter().all(|v| !v.is_nan()))
        .then(|| column.iter().sum::<f64>() / column.len() as f64)
}

/// Pearson correlation over the pairs present in both columns, given the means over those pairs.
fn correlation(a: &[f64], b: &[f64], ma: f64, mb: f64) -> f64 {
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b).filter(|(x, y)| !x.is_nan() && !y.is_nan()) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma).powi(2);
        sbb += (y - mb).powi(2);
    }
    if saa <= 0.0 || sbb <= 0.0 {
        0.0
    } else {
        sab / (saa * sbb).sqrt()
    }
}

fn normalise_shares(raw: Vec<f64>, scheme: &'static str) -> Result<Vec<f64>, ScoreError> {
    let total: f64 = raw.iter().sum();
    if total.is_nan() || total <= 0.0 {
        return Err(ScoreError::DegenerateWeighting { scheme });
    }
    Ok(raw.into_iter().map(|v| v / total).collect())
}

/// Resolves the scenario's weighting into effective weights; `treated` are the treated raw columns.
pub fn resolve<C: AsRef<[f64]>>(
    system: &IndicatorSystem,
    scenario: &Scenario,
    treated: &[C],
) -> Result<EffectiveWeights, ScoreError> {
    match scenario.weighting {
        Weighting::Manual => from_raw(
            system,
            &scenario.dimension_weights,
            &scenario.indicator_weights,
        ),
        Weighting::Equal => from_raw(
            system,
            &vec![1.0; system.n_dimensions()],
            &vec![1.0; system.n_indicators()],
        ),
        Weighting::Entropy => Ok(from_indicator_shares(system, entropy(treated)?)),
        Weighting::Critic => Ok(from_indicator_shares(system, critic(treated)?)),
        Weighting::Ahp => {
            let matrix = scenario
                .ahp_matrix
                .as_deref()
                .ok_or(ScoreError::MissingAhpMatrix)?;
            let ahp =
                super::ahp::weights(matrix, system.n_dimensions()).map_err(ScoreError::Ahp)?;
            from_raw(system, &ahp.weights, &scenario.indicator_weights)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::proptest_config(256))]

        #[test]
        fn complete_columns_correlate_to_the_same_bits_with_shared_means(
            pairs in prop::collection::vec((-1e3f64..1e3, -1e3f64..1e3), 2..60),
            ties in 0usize..3,
        ) {
            // Some columns repeat values, some are constant, so the no-spread case is covered too.
            let a: Vec<f64> = pairs.iter().map(|p| if ties == 1 { 4.0 } else { p.0 }).collect();
            let b: Vec<f64> = pairs.iter().map(|p| if ties == 2 { (p.1 / 100.0).round() } else { p.1 }).collect();
            let (ma, mb) = (complete_mean(&a).unwrap(), complete_mean(&b).unwrap());
            prop_assert_eq!(correlation(&a, &b, ma, mb).to_bits(), pearson(&a, &b).to_bits());
        }
    }

    #[test]
    fn a_column_with_a_missing_value_has_no_shared_mean() {
        assert_eq!(complete_mean(&[1.0, f64::NAN, 3.0]), None);
        assert_eq!(complete_mean(&[1.0]), None);
        assert_eq!(complete_mean(&[1.0, 3.0]), Some(2.0));
    }
}
