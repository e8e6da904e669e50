//! The statistical coherence of the index on the normalised, direction-adjusted values a scenario
//! scores: Pearson and Spearman correlations, flags for near-duplicate, opposed and unrelated indicators,
//! Cronbach's alpha, and the principal components of each dimension.

use crate::i18n::{tf, Key};
use crate::model::{IndicatorSystem, Lang};
use crate::score::Ranking;
use nalgebra::{DMatrix, SymmetricEigen};

/// Two indicators of one dimension correlating above this (Pearson) are near-duplicates.
pub const NEAR_DUPLICATE_R: f64 = 0.9;
/// Two indicators of one dimension correlating below this (Pearson) pull against each other.
pub const OPPOSED_R: f64 = -0.4;
/// An indicator whose correlation with its own dimension's score is below this in absolute value
/// (Pearson) is flagged as unrelated to it.
pub const WEAK_WITH_DIMENSION_R: f64 = 0.3;
/// The first component's eigenvalue must exceed this (Kaiser's rule) for one latent dimension.
pub const LATENT_EIGENVALUE: f64 = 1.0;
/// The first component's share of the variance must exceed this for one latent dimension.
pub const LATENT_SHARE: f64 = 0.5;

/// The Pearson correlation of `x` and `y` over the positions where both are present (pairwise
/// complete); NaN with fewer than two such positions or without spread in either.
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let (xs, ys) = complete_pairs(x, y);
    pearson_complete(&xs, &ys)
}

/// The Spearman correlation: Pearson's on the ranks of the pairwise complete values, tied values
/// taking the average of the ranks they span.
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let (xs, ys) = complete_pairs(x, y);
    pearson_complete(&average_ranks(&xs), &average_ranks(&ys))
}

/// Ranks from 1 in ascending order, ties sharing the average of their ranks.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end hold ranks start + 1 ..= end, whose average is this.
        let average = (start + end + 1) as f64 / 2.0;
        for &u in &order[start..end] {
            ranks[u] = average;
        }
        start = end;
    }
    ranks
}

fn complete_pairs(x: &[f64], y: &[f64]) -> (Vec<f64>, Vec<f64>) {
    x.iter()
        .zip(y)
        .filter(|(a, b)| !a.is_nan() && !b.is_nan())
        .map(|(&a, &b)| (a, b))
        .unzip()
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

fn pearson_complete(x: &[f64], y: &[f64]) -> f64 {
    if x.len() < 2 {
        return f64::NAN;
    }
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return f64::NAN;
    }
    (sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0)
}

/// The sample variance (n - 1); NaN for fewer than two values.
fn sample_variance(values: &[f64]) -> f64 {
    if values.len() < 2 {
        return f64::NAN;
    }
    let m = mean(values);
    values.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (values.len() - 1) as f64
}

/// Cronbach's alpha of `columns` in its covariance form, k / (k - 1) (1 - sum var_i / var(sum)), with
/// sample variances over the units present in every column; with the number of those units. The alpha
/// is NaN for fewer than two columns or two units, or when the sums have no spread.
pub fn cronbach_alpha(columns: &[&[f64]]) -> (f64, usize) {
    let k = columns.len();
    let n_units = columns.iter().map(|c| c.len()).min().unwrap_or(0);
    let complete: Vec<usize> = (0..n_units)
        .filter(|&u| columns.iter().all(|c| !c[u].is_nan()))
        .collect();
    if k < 2 || complete.len() < 2 {
        return (f64::NAN, complete.len());
    }
    let item_variances: f64 = columns
        .iter()
        .map(|c| sample_variance(&complete.iter().map(|&u| c[u]).collect::<Vec<_>>()))
        .sum();
    let sums: Vec<f64> = complete
        .iter()
        .map(|&u| columns.iter().map(|c| c[u]).sum())
        .collect();
    let total_variance = sample_variance(&sums);
    if total_variance == 0.0 {
        return (f64::NAN, complete.len());
    }
    let k = k as f64;
    (
        k / (k - 1.0) * (1.0 - item_variances / total_variance),
        complete.len(),
    )
}

/// What the principal components of a dimension say about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComponentReading {
    /// The first eigenvalue exceeds [`LATENT_EIGENVALUE`], its share exceeds [`LATENT_SHARE`], and no
    /// other eigenvalue exceeds [`LATENT_EIGENVALUE`]: the indicators measure one latent dimension.
    OneLatent,
    /// This many eigenvalues (two or more) exceed [`LATENT_EIGENVALUE`]: more than one latent dimension.
    Several(usize),
    /// Neither: no component dominates.
    NoDominant,
}

impl ComponentReading {
    pub fn id(self) -> &'static str {
        match self {
            ComponentReading::OneLatent => "one_latent",
            ComponentReading::Several(_) => "several",
            ComponentReading::NoDominant => "no_dominant",
        }
    }
}

/// The principal components of a correlation matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct Components {
    /// In descending order; they sum to the number of indicators.
    pub eigenvalues: Vec<f64>,
    /// Each eigenvalue's share of the variance (eigenvalue / number of indicators).
    pub shares: Vec<f64>,
    /// The first component's eigenvector times the square root of its eigenvalue, signed so that the
    /// loadings sum to a positive number: each indicator's correlation with the component.
    pub first_loadings: Vec<f64>,
    pub reading: ComponentReading,
}

impl Components {
    /// What the components say about the dimension, as a sentence.
    pub fn sentence(&self, lang: Lang) -> String {
        let eigenvalue = format!("{:.2}", self.eigenvalues[0]);
        let share = format!("{:.0}%", self.shares[0] * 100.0);
        match self.reading {
            ComponentReading::OneLatent => {
                tf(lang, Key::CoherenceOneLatent, &[&eigenvalue, &share])
            }
            ComponentReading::Several(count) => {
                tf(lang, Key::CoherenceSeveral, &[&count.to_string()])
            }
            ComponentReading::NoDominant => {
                tf(lang, Key::CoherenceNoDominant, &[&eigenvalue, &share])
            }
        }
    }
}

/// The principal components of a k x k correlation matrix (row-major); None for fewer than two rows or
/// an undefined (NaN) entry.
pub fn principal_components(correlation: &[f64], k: usize) -> Option<Components> {
    if k < 2 || correlation.len() != k * k || correlation.iter().any(|r| r.is_nan()) {
        return None;
    }
    let eigen = SymmetricEigen::new(DMatrix::from_row_slice(k, k, correlation));
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| eigen.eigenvalues[b].total_cmp(&eigen.eigenvalues[a]));
    let eigenvalues: Vec<f64> = order.iter().map(|&j| eigen.eigenvalues[j]).collect();
    let shares = eigenvalues.iter().map(|l| l / k as f64).collect();
    let first = eigen.eigenvectors.column(order[0]);
    let scale = eigenvalues[0].max(0.0).sqrt();
    let sign = if first.sum() < 0.0 { -1.0 } else { 1.0 };
    let first_loadings = first.iter().map(|v| sign * scale * v).collect();
    let above = eigenvalues
        .iter()
        .filter(|&&l| l > LATENT_EIGENVALUE)
        .count();
    let reading = if above >= 2 {
        ComponentReading::Several(above)
    } else if eigenvalues[0] > LATENT_EIGENVALUE && eigenvalues[0] / k as f64 > LATENT_SHARE {
        ComponentReading::OneLatent
    } else {
        ComponentReading::NoDominant
    };
    Some(Components {
        eigenvalues,
        shares,
        first_loadings,
        reading,
    })
}

/// One kind of correlation (Pearson or Spearman) between every pair the coherence check reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Correlations {
    /// Indicator by indicator, in the system's order.
    pub indicators: Vec<Vec<f64>>,
    /// Each indicator with its own dimension's score.
    pub indicator_dimension: Vec<f64>,
    /// Each indicator with the composite index.
    pub indicator_index: Vec<f64>,
    /// Dimension score by dimension score.
    pub dimensions: Vec<Vec<f64>>,
    /// Each dimension's score with the composite index.
    pub dimension_index: Vec<f64>,
}

impl Correlations {
    fn of(input: &CoherenceInput, correlate: fn(&[f64], &[f64]) -> f64) -> Self {
        let matrix = |columns: &[Vec<f64>]| -> Vec<Vec<f64>> {
            columns
                .iter()
                .map(|a| columns.iter().map(|b| correlate(a, b)).collect())
                .collect()
        };
        Self {
            indicators: matrix(&input.indicators),
            indicator_dimension: input
                .indicators
                .iter()
                .zip(&input.dimension_of)
                .map(|(c, &d)| correlate(c, &input.dimensions[d]))
                .collect(),
            indicator_index: input
                .indicators
                .iter()
                .map(|c| correlate(c, &input.index))
                .collect(),
            dimensions: matrix(&input.dimensions),
            dimension_index: input
                .dimensions
                .iter()
                .map(|c| correlate(c, &input.index))
                .collect(),
        }
    }
}

/// A correlation the coherence check flags (Pearson); indicators by their position in the system.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CoherenceFlag {
    /// Two indicators of one dimension with r above [`NEAR_DUPLICATE_R`].
    NearDuplicate { first: usize, second: usize, r: f64 },
    /// Two indicators of one dimension with r below [`OPPOSED_R`].
    Opposed { first: usize, second: usize, r: f64 },
    /// An indicator with |r| below [`WEAK_WITH_DIMENSION_R`] against its own dimension's score.
    WeakWithDimension { indicator: usize, r: f64 },
}

impl CoherenceFlag {
    pub fn id(&self) -> &'static str {
        match self {
            CoherenceFlag::NearDuplicate { .. } => "near_duplicate",
            CoherenceFlag::Opposed { .. } => "opposed",
            CoherenceFlag::WeakWithDimension { .. } => "weak_with_dimension",
        }
    }

    /// The flag as a sentence naming the indicators.
    pub fn sentence(&self, system: &IndicatorSystem, lang: Lang) -> String {
        let name = |i: usize| system.indicators[i].name(lang);
        let r = |r: f64| format!("{r:.2}");
        match *self {
            CoherenceFlag::NearDuplicate {
                first,
                second,
                r: v,
            } => tf(
                lang,
                Key::CoherenceNearDuplicate,
                &[name(first), name(second), &r(v)],
            ),
            CoherenceFlag::Opposed {
                first,
                second,
                r: v,
            } => tf(
                lang,
                Key::CoherenceOpposed,
                &[name(first), name(second), &r(v)],
            ),
            CoherenceFlag::WeakWithDimension { indicator, r: v } => tf(
                lang,
                Key::CoherenceWeakWithDimension,
                &[name(indicator), &r(v)],
            ),
        }
    }
}

/// The columns the coherence check reads, each with one value per unit (NaN = missing).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CoherenceInput {
    /// Normalised, direction-adjusted indicator values.
    pub indicators: Vec<Vec<f64>>,
    /// The dimension of each indicator.
    pub dimension_of: Vec<usize>,
    /// Dimension scores.
    pub dimensions: Vec<Vec<f64>>,
    /// The composite index.
    pub index: Vec<f64>,
}

impl CoherenceInput {
    /// The columns of a scenario's ranking: the normalised values after treatment, the dimension scores
    /// and the composite (NaN for unranked units).
    pub fn of_ranking(system: &IndicatorSystem, ranking: &Ranking) -> Self {
        let n = ranking.n_units;
        Self {
            indicators: (0..system.n_indicators())
                .map(|i| ranking.normalised[i * n..(i + 1) * n].to_vec())
                .collect(),
            dimension_of: (0..system.n_indicators())
                .map(|i| system.dimension_of(i))
                .collect(),
            dimensions: (0..ranking.n_dimensions)
                .map(|d| (0..n).map(|u| ranking.dimension_score(u, d)).collect())
                .collect(),
            index: ranking.composite.clone(),
        }
    }

    fn members(&self, d: usize) -> Vec<usize> {
        (0..self.indicators.len())
            .filter(|&i| self.dimension_of[i] == d)
            .collect()
    }
}

/// Cronbach's alpha of a set of indicators, with the units it was computed over.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Alpha {
    pub alpha: f64,
    pub units: usize,
}

/// The coherence check of one scenario's values.
#[derive(Clone, Debug, PartialEq)]
pub struct Coherence {
    pub pearson: Correlations,
    pub spearman: Correlations,
    pub flags: Vec<CoherenceFlag>,
    /// Per dimension, over its indicators.
    pub alpha_dimension: Vec<Alpha>,
    /// Over every indicator.
    pub alpha_index: Alpha,
    /// Per dimension, on the Pearson correlation matrix of its indicators.
    pub components: Vec<Option<Components>>,
}

/// The coherence check of a scenario's ranking ([`CoherenceInput::of_ranking`]).
pub fn coherence(system: &IndicatorSystem, ranking: &Ranking) -> Coherence {
    coherence_of(&CoherenceInput::of_ranking(system, ranking))
}

/// The coherence check of any columns.
pub fn coherence_of(input: &CoherenceInput) -> Coherence {
    let pearson = Correlations::of(input, self::pearson);
    let spearman = Correlations::of(input, self::spearman);
    let mut flags = Vec::new();
    for (first, row) in pearson.indicators.iter().enumerate() {
        for (second, &r) in row.iter().enumerate().skip(first + 1) {
            if input.dimension_of[first] != input.dimension_of[second] {
                continue;
            }
            if r > NEAR_DUPLICATE_R {
                flags.push(CoherenceFlag::NearDuplicate { first, second, r });
            } else if r < OPPOSED_R {
                flags.push(CoherenceFlag::Opposed { first, second, r });
            }
        }
    }
    for (indicator, &r) in pearson.indicator_dimension.iter().enumerate() {
        if r.abs() < WEAK_WITH_DIMENSION_R {
            flags.push(CoherenceFlag::WeakWithDimension { indicator, r });
        }
    }
    let alpha_of = |members: &[usize]| {
        let columns: Vec<&[f64]> = members.iter().map(|&i| &input.indicators[i][..]).collect();
        let (alpha, units) = cronbach_alpha(&columns);
        Alpha { alpha, units }
    };
    let all: Vec<usize> = (0..input.indicators.len()).collect();
    let alpha_dimension = (0..input.dimensions.len())
        .map(|d| alpha_of(&input.members(d)))
        .collect();
    let components = (0..input.dimensions.len())
        .map(|d| {
            let members = input.members(d);
            let correlation: Vec<f64> = members
                .iter()
                .flat_map(|&a| members.iter().map(move |&b| (a, b)))
                .map(|(a, b)| {
                    if a == b {
                        1.0
                    } else {
                        pearson.indicators[a][b]
                    }
                })
                .collect();
            principal_components(&correlation, members.len())
        })
        .collect();
    Coherence {
        alpha_index: alpha_of(&all),
        pearson,
        spearman,
        flags,
        alpha_dimension,
        components,
    }
}
