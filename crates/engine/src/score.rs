//! Dataset + Scenario -> Ranking: the single place a ranking is computed (the hot path of every slider move).

mod editions;
mod rank;
mod scorer;

pub use editions::{score_editions, stack};

pub use rank::{adcode_order, rank_descending, Ranker, Strided, TieOrder};
pub use scorer::Scorer;

use crate::i18n::{t, tf, Key};
use crate::method::weight::EffectiveWeights;
use crate::method::GEOMETRIC_EPSILON;
use crate::model::{Aggregation, Dataset, IndicatorSystem, Lang, Scenario};

/// Why a scenario could not be scored.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoreError {
    WeightCount {
        level: &'static str,
        expected: usize,
        got: usize,
    },
    NegativeWeight {
        level: &'static str,
        value: f64,
    },
    /// All weights of a level are zero: of the dimensions (`None`) or of one dimension's indicators.
    AllZero {
        dimension: Option<String>,
    },
    DegenerateWeighting {
        scheme: &'static str,
    },
    MissingAhpMatrix,
    Ahp(crate::method::ahp::AhpError),
    TreatmentCount {
        expected: usize,
        got: usize,
    },
    ShapeMismatch {
        expected: usize,
        got: usize,
    },
}

impl ScoreError {
    /// A message for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        use ScoreError::*;
        let dimension_level = |level: &str| level == "dimension";
        match self {
            WeightCount {
                level,
                expected,
                got,
            } => tf(
                lang,
                if dimension_level(level) {
                    Key::ValidDimensionWeightCount
                } else {
                    Key::ValidIndicatorWeightCount
                },
                &[&expected.to_string(), &got.to_string()],
            ),
            NegativeWeight { level, value } => tf(
                lang,
                if dimension_level(level) {
                    Key::ScoreDimensionWeightNegative
                } else {
                    Key::ScoreIndicatorWeightNegative
                },
                &[&value.to_string()],
            ),
            AllZero { dimension: None } => t(lang, Key::ScoreDimensionWeightsZero).into(),
            AllZero { dimension: Some(d) } => {
                tf(lang, Key::ScoreIndicatorWeightsZero, &[d.as_str()])
            }
            DegenerateWeighting { scheme } => tf(lang, Key::ScoreDegenerateWeighting, &[*scheme]),
            MissingAhpMatrix => t(lang, Key::ScoreMissingAhpMatrix).into(),
            Ahp(e) => e.message(lang),
            TreatmentCount { expected, got } => tf(
                lang,
                Key::ScoreTreatmentCount,
                &[&expected.to_string(), &got.to_string()],
            ),
            ShapeMismatch { expected, got } => tf(
                lang,
                Key::ScoreShapeMismatch,
                &[&expected.to_string(), &got.to_string()],
            ),
        }
    }
}

impl std::fmt::Display for ScoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ScoreError {}

/// Scores are tied when they agree to this many decimals.
pub const TIE_DECIMALS: i32 = 9;

/// The result of scoring: everything the page, the CLI and the analyses read.
///
/// Per-unit arrays are indexed by the unit's position in the data set; `u * n_dimensions + d` for
/// per-dimension arrays and `i * n_units + u` for normalised indicator values. Rank 0 means unranked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranking {
    pub n_units: usize,
    pub n_dimensions: usize,
    pub weights: EffectiveWeights,
    pub normalised: Vec<f64>,
    pub dimension_scores: Vec<f64>,
    /// True where a dimension score averages fewer indicators than the dimension has.
    pub partial: Vec<bool>,
    pub composite: Vec<f64>,
    pub rank: Vec<u32>,
    pub dimension_rank: Vec<u32>,
    pub prefecture_rank: Vec<u32>,
    /// Ranked units in rank order (ties by adcode), then unranked ones by adcode.
    pub order: Vec<usize>,
    /// Units without any value in some dimension, with those dimensions' indices.
    pub unranked: Vec<(usize, Vec<usize>)>,
}

impl Ranking {
    pub fn dimension_score(&self, u: usize, d: usize) -> f64 {
        self.dimension_scores[u * self.n_dimensions + d]
    }
    pub fn normalised_value(&self, u: usize, i: usize) -> f64 {
        self.normalised[i * self.n_units + u]
    }
    pub fn is_partial(&self, u: usize) -> bool {
        self.partial[u * self.n_dimensions..(u + 1) * self.n_dimensions]
            .iter()
            .any(|&p| p)
    }
    /// Rank of unit `u` among units in dimension `d`.
    pub fn rank_in_dimension(&self, u: usize, d: usize) -> u32 {
        self.dimension_rank[u * self.n_dimensions + d]
    }
}

/// Scores a data set under a scenario. For repeated scoring of one data set, a [`Scorer`] keeps what
/// can be kept between calls.
pub fn score(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
) -> Result<Ranking, ScoreError> {
    Scorer::new(data).score(system, scenario)
}

/// Combines one unit's dimension scores with normalised dimension weights.
pub fn aggregate(aggregation: Aggregation, weights: &[f64], scores: &[f64]) -> f64 {
    match aggregation {
        Aggregation::Arithmetic => weights.iter().zip(scores).map(|(w, s)| w * s).sum(),
        Aggregation::Geometric => weights
            .iter()
            .zip(scores)
            .map(|(w, s)| w * s.max(GEOMETRIC_EPSILON).ln())
            .sum::<f64>()
            .exp(),
    }
}

/// The comparison key: scores that agree to `TIE_DECIMALS` decimals share a key.
pub fn tie_key(score: f64) -> i64 {
    let x = score * 10f64.powi(TIE_DECIMALS);
    // Rounds half away from zero as `f64::round` does, without its library call where `x` has a fraction:
    // below 2^52 the truncation and the remaining fraction are exact.
    if x.abs() < 4_503_599_627_370_496.0 {
        let t = x as i64;
        let fraction = x - t as f64;
        t + (fraction >= 0.5) as i64 - (fraction <= -0.5) as i64
    } else {
        x.round() as i64
    }
}

/// Places moved up (positive) or down (negative) from the baseline ranking; `None` where either is unranked.
pub fn rank_changes(current: &Ranking, baseline: &Ranking) -> Vec<Option<i32>> {
    current
        .rank
        .iter()
        .zip(&baseline.rank)
        .map(|(&c, &b)| (c > 0 && b > 0).then(|| b as i32 - c as i32))
        .collect()
}
