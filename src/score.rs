//! Dataset + Scenario -> Ranking: the single place a ranking is computed (the hot path of every slider move).

use crate::method::normalise::{normalise_column, treat};
use crate::method::weight::{self, EffectiveWeights};
use crate::method::GEOMETRIC_EPSILON;
use crate::model::{Aggregation, Dataset, IndicatorSystem, Lang, Scenario, Treatment};

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
#[derive(Clone, Debug, PartialEq)]
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

/// Scores a data set under a scenario.
pub fn score(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
) -> Result<Ranking, ScoreError> {
    let (n_units, n_ind, n_dim) = (data.n_units(), system.n_indicators(), system.n_dimensions());
    if data.n_indicators() != n_ind {
        return Err(ScoreError::ShapeMismatch {
            expected: n_ind,
            got: data.n_indicators(),
        });
    }
    if scenario.treatments.len() != n_ind {
        return Err(ScoreError::TreatmentCount {
            expected: n_ind,
            got: scenario.treatments.len(),
        });
    }
    let treated: Vec<std::borrow::Cow<[f64]>> = (0..n_ind)
        .map(|i| match scenario.treatments[i] {
            Treatment::None => std::borrow::Cow::Borrowed(data.column(i)),
            t => {
                let mut col = data.column(i).to_vec();
                treat(&mut col, t);
                std::borrow::Cow::Owned(col)
            }
        })
        .collect();
    let weights = weight::resolve(system, scenario, &treated)?;

    let mut normalised = vec![0.0; n_ind * n_units];
    for (i, col) in treated.iter().enumerate() {
        normalise_column(
            col,
            scenario.normalisation,
            &mut normalised[i * n_units..(i + 1) * n_units],
        );
    }

    let within: Vec<f64> = (0..n_ind).map(|i| weights.within(system, i)).collect();
    let mut dimension_scores = vec![f64::NAN; n_units * n_dim];
    let mut partial = vec![false; n_units * n_dim];
    let mut composite = vec![f64::NAN; n_units];
    let mut unranked = Vec::new();
    for u in 0..n_units {
        let mut missing_dims = Vec::new();
        for d in 0..n_dim {
            let (mut sum, mut wsum, mut seen, mut all) = (0.0, 0.0, 0usize, 0usize);
            for i in system.indicators_of(d) {
                all += 1;
                let v = normalised[i * n_units + u];
                if !v.is_nan() {
                    let w = within[i];
                    sum += w * v;
                    wsum += w;
                    seen += 1;
                }
            }
            let k = u * n_dim + d;
            if seen == 0 {
                missing_dims.push(d);
            } else {
                // With every present indicator at zero weight, the plain mean keeps the score defined.
                dimension_scores[k] = if wsum > 0.0 {
                    sum / wsum
                } else {
                    unweighted_mean(system, &normalised, n_units, u, d)
                };
                partial[k] = seen < all;
            }
        }
        if missing_dims.is_empty() {
            composite[u] = aggregate(
                scenario.aggregation,
                &weights.dimension,
                &dimension_scores[u * n_dim..(u + 1) * n_dim],
            );
        } else {
            unranked.push((u, missing_dims));
        }
    }

    let tie_position = adcode_positions(data);
    let mut scratch = Vec::with_capacity(n_units);
    let mut rank = vec![0u32; n_units];
    let mut order = Vec::with_capacity(n_units);
    rank_into(
        &composite,
        &tie_position,
        &mut scratch,
        &mut rank,
        Some(&mut order),
    );
    let mut missing: Vec<usize> = (0..n_units).filter(|&u| composite[u].is_nan()).collect();
    missing.sort_by_key(|&u| tie_position[u]);
    order.extend(missing);

    let mut dimension_rank = vec![0u32; n_units * n_dim];
    let mut column = vec![0.0; n_units];
    let mut column_rank = vec![0u32; n_units];
    for d in 0..n_dim {
        for u in 0..n_units {
            column[u] = dimension_scores[u * n_dim + d];
        }
        rank_into(&column, &tie_position, &mut scratch, &mut column_rank, None);
        for u in 0..n_units {
            dimension_rank[u * n_dim + d] = column_rank[u];
        }
    }
    let prefecture_rank = prefecture_ranks(data, &composite, &order);

    Ok(Ranking {
        n_units,
        n_dimensions: n_dim,
        weights,
        normalised,
        dimension_scores,
        partial,
        composite,
        rank,
        dimension_rank,
        prefecture_rank,
        order,
        unranked,
    })
}

fn unweighted_mean(
    system: &IndicatorSystem,
    normalised: &[f64],
    n_units: usize,
    u: usize,
    d: usize,
) -> f64 {
    let present: Vec<f64> = system
        .indicators_of(d)
        .map(|i| normalised[i * n_units + u])
        .filter(|v| !v.is_nan())
        .collect();
    present.iter().sum::<f64>() / present.len() as f64
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

/// Each unit's position in adcode order. Codes are compared by their first eight bytes as an integer and
/// in full only where those agree, which keeps this cheap on the hot path.
fn adcode_positions(data: &Dataset) -> Vec<u32> {
    let prefix = |code: &str| {
        let mut bytes = [0u8; 8];
        for (b, c) in bytes.iter_mut().zip(code.bytes()) {
            *b = c;
        }
        u64::from_be_bytes(bytes)
    };
    let mut idx: Vec<(u64, u32)> = data
        .units
        .iter()
        .enumerate()
        .map(|(u, unit)| (prefix(&unit.adcode), u as u32))
        .collect();
    idx.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0).then_with(|| {
            data.units[a.1 as usize]
                .adcode
                .cmp(&data.units[b.1 as usize].adcode)
        })
    });
    let mut position = vec![0u32; idx.len()];
    for (pos, &(_, u)) in idx.iter().enumerate() {
        position[u as usize] = pos as u32;
    }
    position
}

/// Ranks `scores` descending into `rank` (0 for NaN), ties sharing the better rank and listed by
/// `tie_position`; optionally pushes the ranked units in order. `scratch` is reused between calls.
fn rank_into(
    scores: &[f64],
    tie_position: &[u32],
    scratch: &mut Vec<(i64, u32, u32)>,
    rank: &mut [u32],
    order: Option<&mut Vec<usize>>,
) {
    scratch.clear();
    for (u, &s) in scores.iter().enumerate() {
        rank[u] = 0;
        if !s.is_nan() {
            // Negated so that an ascending sort of plain tuples gives descending scores.
            scratch.push((-tie_key(s), tie_position[u], u as u32));
        }
    }
    scratch.sort_unstable();
    let mut prev = (i64::MIN, 0u32);
    for (pos, &(key, _, u)) in scratch.iter().enumerate() {
        if pos == 0 || key != prev.0 {
            prev = (key, pos as u32 + 1);
        }
        rank[u as usize] = prev.1;
    }
    if let Some(order) = order {
        order.extend(scratch.iter().map(|t| t.2 as usize));
    }
}

/// Unit indices sorted by adcode, the order ties are listed in.
pub fn adcode_order(data: &Dataset) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..data.n_units()).collect();
    idx.sort_by(|&a, &b| data.units[a].adcode.cmp(&data.units[b].adcode));
    idx
}

/// The comparison key: scores that agree to `TIE_DECIMALS` decimals share a key.
pub fn tie_key(score: f64) -> i64 {
    (score * 10f64.powi(TIE_DECIMALS)).round() as i64
}

/// Ranks by descending score; ties share the better rank (1, 2, 2, 4); NaN is unranked (0).
/// `tie_order` lists all units in the order ties are broken (usually by adcode).
/// Returns the ranks and the ranked units in rank order.
pub fn rank_descending(scores: &[f64], tie_order: &[usize]) -> (Vec<u32>, Vec<usize>) {
    let mut tie_position = vec![u32::MAX; scores.len()];
    for (pos, &u) in tie_order.iter().enumerate() {
        tie_position[u] = pos as u32;
    }
    let mut rank = vec![0u32; scores.len()];
    let mut order = Vec::with_capacity(scores.len());
    rank_into(
        scores,
        &tie_position,
        &mut Vec::new(),
        &mut rank,
        Some(&mut order),
    );
    (rank, order)
}

fn prefecture_ranks(data: &Dataset, composite: &[f64], order: &[usize]) -> Vec<u32> {
    let mut out = vec![0u32; data.n_units()];
    let mut seen: Vec<(&str, u32, i64, u32)> = Vec::new();
    for &u in order.iter().filter(|&&u| !composite[u].is_nan()) {
        let pref = data.units[u].prefecture_zh.as_str();
        let key = tie_key(composite[u]);
        match seen.iter_mut().find(|s| s.0 == pref) {
            Some(s) => {
                s.1 += 1;
                if s.2 != key {
                    s.3 = s.1;
                    s.2 = key;
                }
                out[u] = s.3;
            }
            None => {
                seen.push((pref, 1, key, 1));
                out[u] = 1;
            }
        }
    }
    out
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
