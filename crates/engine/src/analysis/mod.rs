//! Analyses on top of a scored scenario: rank uncertainty, best and worst ranks, what it takes to move up,
//! indicator influence, and the text behind the `ahp`, `uncertainty`, `reach` and `bounds` commands; and
//! the data checks of a data set as imported ([`audit`]), which score nothing.
//!
//! Everything else here varies the five dimension weights while the rest of the method (treatments,
//! normalisation, indicator weights within each dimension, aggregation) stays fixed. Dimension scores do
//! not depend on dimension weights, so [`DimensionModel`] computes them once and every analysis works on
//! that unit x dimension matrix; witnesses are always re-checked with [`crate::score::score`].

pub mod audit;
pub mod bounds;
pub mod change;
pub mod coherence;
pub mod common_system;
pub mod indicator_reach;
pub mod influence;
pub mod plan;
pub mod reach;
pub mod sensitivity;
pub mod sobol;
pub mod synthetic;
pub mod uncertainty;

use crate::i18n::{tf, Key};
use crate::method::GEOMETRIC_EPSILON;
use crate::model::{Aggregation, Dataset, IndicatorSystem, Scenario, Weighting};
use crate::score::{self, Ranker, Ranking, ScoreError, Strided, TieOrder};

/// Score difference (on the composite's 0-100 scale, or in log points under geometric aggregation) by
/// which a witness must separate two units, so that rounding never turns a reported rank into a tie.
pub const MARGIN: f64 = 1e-6;

/// The share of the total dimension weight every dimension may take, the same for all dimensions:
/// `min <= w_d <= max` with the shares summing to 1. [`WeightLimits::ANY`] allows every weighting,
/// zero weights included.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WeightLimits {
    pub min: f64,
    pub max: f64,
}

impl WeightLimits {
    /// No limits: any share from 0 to 1.
    pub const ANY: Self = Self { min: 0.0, max: 1.0 };

    /// Limits for `n_dimensions` shares summing to 1, refused unless 0 <= min <= max <= 1 and some
    /// weighting meets them (min x n <= 1 <= max x n, to a rounding allowance).
    pub fn new(min: f64, max: f64, n_dimensions: usize) -> Result<Self, AnalysisError> {
        let n = n_dimensions as f64;
        let feasible = (0.0..=1.0).contains(&min)
            && (0.0..=1.0).contains(&max)
            && min * n <= 1.0 + 1e-12
            && max * n >= 1.0 - 1e-12;
        if feasible {
            Ok(Self { min, max })
        } else {
            Err(AnalysisError::InfeasibleLimits {
                min,
                max,
                n_dimensions,
            })
        }
    }

    /// Whether these are the limits of [`WeightLimits::ANY`].
    pub fn is_any(&self) -> bool {
        *self == Self::ANY
    }

    /// Whether every share of `w` lies within the limits, to `tolerance`.
    pub fn contains(&self, w: &[f64], tolerance: f64) -> bool {
        w.iter()
            .all(|&v| v >= self.min - tolerance && v <= self.max + tolerance)
    }

    /// `w` when it lies within the limits, else equal weights (which always do).
    pub fn or_equal(&self, w: &[f64]) -> Vec<f64> {
        if self.contains(w, 1e-12) {
            w.to_vec()
        } else {
            vec![1.0 / w.len() as f64; w.len()]
        }
    }
}

/// A share as a percentage with at most six decimals and no trailing zeros.
pub fn percent(share: f64) -> String {
    let text = format!("{:.6}", 100.0 * share);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A scenario reduced to what dimension weights act on.
#[derive(Clone, Debug)]
pub struct DimensionModel {
    pub aggregation: Aggregation,
    pub n_units: usize,
    pub n_dimensions: usize,
    /// Ranked units (positions in the data set), in the scenario's rank order.
    pub ranked: Vec<usize>,
    /// `u * n_dimensions + d`: the dimension score under arithmetic aggregation, its logarithm
    /// (after the geometric floor) under geometric aggregation; NaN for unranked units.
    pub linear: Vec<f64>,
    /// The scenario's normalised dimension weights.
    pub weights: Vec<f64>,
    /// The scenario's ranks (0 = unranked).
    pub nominal_rank: Vec<u32>,
    /// The shares the dimension weights may take in bounds and reach ([`WeightLimits::ANY`] unless
    /// [`DimensionModel::with_limits`] sets others).
    pub limits: WeightLimits,
    /// The scenario with manual weighting and its indicator weights fixed, ready for new dimension weights.
    base: Scenario,
    adcodes: Vec<String>,
    ties: TieOrder,
}

impl DimensionModel {
    /// Scores the scenario and builds the model.
    pub fn new(
        system: &IndicatorSystem,
        data: &Dataset,
        scenario: &Scenario,
    ) -> Result<Self, ScoreError> {
        let ranking = score::score(system, data, scenario)?;
        Ok(Self::from_ranking(system, data, scenario, &ranking))
    }

    /// Builds the model from a ranking already computed for `scenario`.
    pub fn from_ranking(
        system: &IndicatorSystem,
        data: &Dataset,
        scenario: &Scenario,
        ranking: &Ranking,
    ) -> Self {
        let (n_units, n_dimensions) = (ranking.n_units, ranking.n_dimensions);
        let mut linear = vec![f64::NAN; n_units * n_dimensions];
        for u in 0..n_units {
            if ranking.composite[u].is_nan() {
                continue;
            }
            for d in 0..n_dimensions {
                let s = ranking.dimension_score(u, d);
                linear[u * n_dimensions + d] = match scenario.aggregation {
                    Aggregation::Arithmetic => s,
                    Aggregation::Geometric => s.max(GEOMETRIC_EPSILON).ln(),
                };
            }
        }
        let ranked = ranking
            .order
            .iter()
            .copied()
            .filter(|&u| ranking.rank[u] > 0)
            .collect();
        let mut base = scenario.clone();
        base.weighting = Weighting::Manual;
        base.indicator_weights = fixed_indicator_weights(system, scenario, ranking);
        base.ahp_matrix = None;
        Self {
            aggregation: scenario.aggregation,
            n_units,
            n_dimensions,
            ranked,
            linear,
            weights: ranking.weights.dimension.clone(),
            nominal_rank: ranking.rank.clone(),
            limits: WeightLimits::ANY,
            base,
            adcodes: data.units.iter().map(|u| u.adcode.clone()).collect(),
            ties: TieOrder::by_adcode(data),
        }
    }

    /// The same model with bounds and reach confined to weights within `limits` (see [`WeightLimits::new`]).
    pub fn with_limits(mut self, limits: WeightLimits) -> Result<Self, AnalysisError> {
        self.limits = WeightLimits::new(limits.min, limits.max, self.n_dimensions)?;
        Ok(self)
    }

    /// The adcode of unit `u`.
    pub fn adcode(&self, u: usize) -> &str {
        &self.adcodes[u]
    }

    /// The position of the unit with this adcode.
    pub fn unit_index(&self, adcode: &str) -> Option<usize> {
        self.adcodes.iter().position(|a| a == adcode)
    }

    /// The linear form (score or log score) of unit `u`.
    pub fn row(&self, u: usize) -> &[f64] {
        &self.linear[u * self.n_dimensions..(u + 1) * self.n_dimensions]
    }

    /// The composite of unit `u` under normalised weights `w`, computed as `score::aggregate` does.
    pub fn composite(&self, u: usize, w: &[f64]) -> f64 {
        let s: f64 = w.iter().zip(self.row(u)).map(|(w, x)| w * x).sum();
        match self.aggregation {
            Aggregation::Arithmetic => s,
            Aggregation::Geometric => s.exp(),
        }
    }

    /// Ranks of all units under normalised weights `w` (0 for unranked), as the scorer ranks composites.
    pub fn ranks_at(&self, w: &[f64]) -> Vec<u32> {
        let mut out = vec![0u32; self.n_units];
        self.ranks_into(w, &mut Vec::new(), &mut Ranker::default(), &mut out);
        out
    }

    /// [`DimensionModel::ranks_at`] into `ranks`, with `composites` and `ranker` as reusable scratch space.
    pub fn ranks_into(
        &self,
        w: &[f64],
        composites: &mut Vec<f64>,
        ranker: &mut Ranker,
        ranks: &mut [u32],
    ) {
        // An unranked unit's row is NaN, and so is its composite.
        composites.clear();
        composites.extend((0..self.n_units).map(|u| self.composite(u, w)));
        ranker.rank_into(&self.ties, composites, ranks, Strided::PLAIN, None);
    }

    /// The scenario that gives these dimension weights with everything else unchanged.
    pub fn scenario_for(&self, w: &[f64]) -> Scenario {
        let mut s = self.base.clone();
        s.dimension_weights = w.to_vec();
        s
    }

    /// The rank of unit `u` when the scenario is re-scored from scratch with dimension weights `w`.
    pub fn verified_rank(
        &self,
        system: &IndicatorSystem,
        data: &Dataset,
        u: usize,
        w: &[f64],
    ) -> Result<u32, ScoreError> {
        Ok(score::score(system, data, &self.scenario_for(w))?.rank[u])
    }
}

/// Indicator weights that reproduce the scenario's within-dimension shares under manual weighting.
fn fixed_indicator_weights(
    system: &IndicatorSystem,
    scenario: &Scenario,
    ranking: &Ranking,
) -> Vec<f64> {
    match scenario.weighting {
        Weighting::Manual | Weighting::Ahp => scenario.indicator_weights.clone(),
        Weighting::Equal => vec![1.0; system.n_indicators()],
        Weighting::Entropy | Weighting::Critic => (0..system.n_indicators())
            .map(|i| {
                // A dimension whose derived weight is zero scores as a plain mean, which equal shares reproduce.
                if ranking.weights.dimension[system.dimension_of(i)] > 0.0 {
                    ranking.weights.within(system, i)
                } else {
                    1.0
                }
            })
            .collect(),
    }
}

/// Formats dimension weights as `industry=0.2;innovation=0.2;...` with round-trip precision.
pub fn format_weights(system: &IndicatorSystem, w: &[f64]) -> String {
    system
        .dimensions
        .iter()
        .zip(w)
        .map(|(d, w)| format!("{}={}", d.id, w))
        .collect::<Vec<_>>()
        .join(";")
}

/// Parses the `industry=0.2;innovation=...` form back into weights in dimension order.
pub fn parse_weights(system: &IndicatorSystem, text: &str) -> Result<Vec<f64>, String> {
    let mut w = vec![f64::NAN; system.n_dimensions()];
    for part in text.split(';').filter(|p| !p.trim().is_empty()) {
        let (id, value) = part
            .split_once('=')
            .ok_or_else(|| format!("'{part}' is not id=weight"))?;
        let d = system
            .dimension_index(id.trim())
            .ok_or_else(|| format!("unknown dimension '{id}'"))?;
        w[d] = value
            .trim()
            .parse()
            .map_err(|_| format!("'{value}' is not a number"))?;
    }
    if w.iter().any(|v| v.is_nan()) {
        return Err(format!("weights '{text}' do not name every dimension"));
    }
    Ok(w)
}

/// Why an analysis could not run.
#[derive(Clone, Debug, PartialEq)]
pub enum AnalysisError {
    Score(ScoreError),
    UnknownUnit(String),
    Unranked(String),
    TargetOutOfRange {
        target: u32,
        ranked: usize,
    },
    InfeasibleLimits {
        min: f64,
        max: f64,
        n_dimensions: usize,
    },
    Solver(String),
    /// A method the analysis does not model (normalisation / aggregation).
    Unsupported(String),
}

impl AnalysisError {
    /// A message for the user, in their language.
    pub fn message(&self, lang: crate::model::Lang) -> String {
        match self {
            AnalysisError::Score(e) => e.message(lang),
            AnalysisError::UnknownUnit(a) => tf(lang, Key::AnalysisUnknownUnit, &[a]),
            AnalysisError::Unranked(a) => tf(lang, Key::AnalysisUnranked, &[a]),
            AnalysisError::TargetOutOfRange { target, ranked } => tf(
                lang,
                Key::AnalysisTargetOutOfRange,
                &[&target.to_string(), &ranked.to_string()],
            ),
            AnalysisError::InfeasibleLimits {
                min,
                max,
                n_dimensions,
            } => tf(
                lang,
                Key::AnalysisInfeasibleLimits,
                &[
                    &percent(*min),
                    &percent(*max),
                    &n_dimensions.to_string(),
                    &percent(1.0 / *n_dimensions as f64),
                ],
            ),
            AnalysisError::Solver(e) => tf(lang, Key::AnalysisSolverFailed, &[e]),
            AnalysisError::Unsupported(m) => tf(lang, Key::PlanUnsupported, &[m]),
        }
    }
}

impl std::fmt::Display for AnalysisError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::model::Lang::En))
    }
}

impl std::error::Error for AnalysisError {}

impl From<ScoreError> for AnalysisError {
    fn from(e: ScoreError) -> Self {
        AnalysisError::Score(e)
    }
}

impl DimensionModel {
    /// The position of a ranked unit, or a clear error.
    pub fn ranked_unit(&self, adcode: &str) -> Result<usize, AnalysisError> {
        let u = self
            .unit_index(adcode)
            .ok_or_else(|| AnalysisError::UnknownUnit(adcode.to_string()))?;
        if self.nominal_rank[u] == 0 {
            return Err(AnalysisError::Unranked(adcode.to_string()));
        }
        Ok(u)
    }
}
