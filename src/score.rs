//! Dataset + Scenario -> Ranking: the single place a ranking is computed (the hot path of every slider move).

mod rank;
mod scorer;

pub use rank::{adcode_order, rank_descending, Ranker, Strided, TieOrder};
pub use scorer::Scorer;

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
        let zh = lang == Lang::Zh;
        match self {
            WeightCount {
                level,
                expected,
                got,
            } if zh => {
                format!("{}权重应有 {expected} 个，实际 {got} 个", level_zh(level))
            }
            WeightCount {
                level,
                expected,
                got,
            } => format!("expected {expected} {level} weights, got {got}"),
            NegativeWeight { level, value } if zh => {
                format!("{}权重不能为负数或非数字：{value}", level_zh(level))
            }
            NegativeWeight { level, value } => {
                format!("{level} weights must be non-negative numbers, got {value}")
            }
            AllZero { dimension: None } if zh => "维度权重不能全部为零".into(),
            AllZero { dimension: None } => "the dimension weights cannot all be zero".into(),
            AllZero { dimension: Some(d) } if zh => format!("维度 {d} 的指标权重不能全部为零"),
            AllZero { dimension: Some(d) } => {
                format!("the indicator weights of dimension {d} cannot all be zero")
            }
            DegenerateWeighting { scheme } if zh => format!("数据没有差异，无法计算 {scheme} 权重"),
            DegenerateWeighting { scheme } => {
                format!("the data has no spread, so {scheme} weights are undefined")
            }
            MissingAhpMatrix if zh => "层次分析法需要一个判断矩阵".into(),
            MissingAhpMatrix => "AHP weighting needs a pairwise comparison matrix".into(),
            Ahp(e) => e.message(lang),
            TreatmentCount { expected, got } if zh => {
                format!("指标处理方式应有 {expected} 个，实际 {got} 个")
            }
            TreatmentCount { expected, got } => {
                format!("expected {expected} indicator treatments, got {got}")
            }
            ShapeMismatch { expected, got } if zh => {
                format!("数据应有 {expected} 个指标列，实际 {got} 个")
            }
            ShapeMismatch { expected, got } => {
                format!("the data should have {expected} indicator columns, got {got}")
            }
        }
    }
}

fn level_zh(level: &str) -> &'static str {
    if level == "dimension" {
        "维度"
    } else {
        "指标"
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
