//! Best and worst possible rank of each unit over all dimension weightings, or over those within the
//! model's [`super::WeightLimits`], exact, each with a witness.
//!
//! Dominance first: a unit ahead of the target in every dimension is above it under every weighting, one
//! it matches or beats everywhere never is. The rest are decided by a mixed-integer program (see `lp`):
//! the fewest units that must stay above (level is enough, since ties share the better rank; vertices
//! of the simplex often tie units with equal dimension scores), or the most that can be put above, each
//! by at least [`MARGIN`]. The witness is moved to the widest point of the same arrangement cell when
//! that cell has room, and re-scored from scratch; the rank reported is the rank re-scoring gives.

pub use fjindex_engine::analysis::bounds::*;

use super::lp::{self, Gap};
use super::{AnalysisError, DimensionModel, MARGIN};
use crate::model::{Dataset, IndicatorSystem};

/// How far a witness is moved from tie boundaries at most (score points, or log points if geometric).
const WIDEST_CAP: f64 = 0.01;

/// Re-scores each candidate and keeps the one whose verified rank is best by `better`.
fn pick(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    t: usize,
    candidates: Vec<Vec<f64>>,
    better: impl Fn(u32, u32) -> bool,
) -> Result<Extreme, AnalysisError> {
    let mut best: Option<Extreme> = None;
    for w in candidates {
        let rank = model.verified_rank(system, data, t, &w)?;
        if best.as_ref().is_none_or(|b| better(rank, b.rank)) {
            best = Some(Extreme { rank, weights: w });
        }
    }
    best.ok_or_else(|| AnalysisError::Solver("no candidate weights".into()))
}

/// The best rank unit `t` can reach under any dimension weighting within the model's limits.
pub fn best_rank(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    t: usize,
) -> Result<Extreme, AnalysisError> {
    let undecided: Vec<Gap> = lp::gaps(model, t)
        .into_iter()
        .filter(|g| g.lo <= 0.0 && g.hi > 0.0)
        .collect();
    let limits = model.limits;
    let w_mip = if undecided.is_empty() {
        limits.or_equal(&model.weights)
    } else {
        // Ties share the better rank, so holding a unit level with the target is enough: no margin here.
        lp::fewest_above(model.n_dimensions, limits, &undecided, 0.0)
            .map_err(AnalysisError::Solver)?
            .1
    };
    let held: Vec<&Gap> = undecided.iter().filter(|g| g.at(&w_mip) <= 1e-9).collect();
    let mut candidates = Vec::new();
    if let Some((s, w)) = lp::widest(model.n_dimensions, limits, &held, &[], WIDEST_CAP) {
        if s >= MARGIN {
            candidates.push(w);
        }
    }
    candidates.push(lp::snapped(&w_mip));
    candidates.push(w_mip);
    pick(system, data, model, t, candidates, |a, b| a < b)
}

/// The worst rank unit `t` can fall to under any dimension weighting within the model's limits.
pub fn worst_rank(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    t: usize,
) -> Result<Extreme, AnalysisError> {
    let undecided: Vec<Gap> = lp::gaps(model, t)
        .into_iter()
        .filter(|g| g.lo < MARGIN && g.hi >= MARGIN)
        .collect();
    let limits = model.limits;
    let w_mip = if undecided.is_empty() {
        limits.or_equal(&model.weights)
    } else {
        lp::most_above(model.n_dimensions, limits, &undecided)
            .map_err(AnalysisError::Solver)?
            .1
    };
    let pushed: Vec<&Gap> = undecided
        .iter()
        .filter(|g| g.at(&w_mip) >= MARGIN / 2.0)
        .collect();
    let mut candidates = Vec::new();
    if let Some((s, w)) = lp::widest(model.n_dimensions, limits, &[], &pushed, WIDEST_CAP) {
        if s >= MARGIN {
            candidates.push(w);
        }
    }
    candidates.push(w_mip);
    pick(system, data, model, t, candidates, |a, b| a > b)
}

/// Best and worst rank of one unit.
pub fn rank_bounds(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    t: usize,
) -> Result<RankBounds, AnalysisError> {
    let best = best_rank(system, data, model, t)?;
    let worst = worst_rank(system, data, model, t)?;
    Ok(RankBounds {
        unit: t,
        adcode: model.adcode(t).to_string(),
        best_rank: best.rank,
        worst_rank: worst.rank,
        best_weights: best.weights,
        worst_weights: worst.weights,
    })
}

/// Bounds of every ranked unit, in ascending adcode order.
pub fn all_bounds(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
) -> Result<Vec<RankBounds>, AnalysisError> {
    let mut units = model.ranked.clone();
    units.sort_by(|&a, &b| model.adcode(a).cmp(model.adcode(b)));
    units
        .into_iter()
        .map(|t| rank_bounds(system, data, model, t))
        .collect()
}
