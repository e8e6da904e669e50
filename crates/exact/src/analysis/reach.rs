//! Weight reach: the smallest change of the dimension weights (L1 distance on the simplex) that lifts a
//! unit to a target rank or better, or the plain finding that no weighting can; both within the model's
//! [`super::WeightLimits`].

pub use fjindex_engine::analysis::reach::*;

use super::bounds::best_rank;
use super::lp::{self, Gap};
use super::{AnalysisError, DimensionModel, MARGIN};
use crate::model::{Dataset, IndicatorSystem};

fn l1(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum()
}

/// The nearest weights (in L1 distance from the scenario's) within the model's limits that put unit `t`
/// at rank `target` or better; when the scenario's own weights lie outside the limits, the answer is
/// never [`WeightReach::Already`].
pub fn weight_reach(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    t: usize,
    target: u32,
) -> Result<WeightReach, AnalysisError> {
    if target == 0 || target as usize > model.ranked.len() {
        return Err(AnalysisError::TargetOutOfRange {
            target,
            ranked: model.ranked.len(),
        });
    }
    let current = model.nominal_rank[t];
    if current == 0 {
        return Err(AnalysisError::Unranked(model.adcode(t).to_string()));
    }
    let limits = model.limits;
    if current <= target && limits.contains(&model.weights, 1e-12) {
        return Ok(WeightReach::Already { rank: current });
    }
    let gaps = lp::gaps(model, t);
    let always_above = gaps.iter().filter(|g| g.lo > 0.0).count();
    let undecided: Vec<Gap> = gaps
        .into_iter()
        .filter(|g| g.lo <= 0.0 && g.hi > 0.0)
        .collect();
    let unreachable = || -> Result<WeightReach, AnalysisError> {
        Ok(WeightReach::Unreachable {
            best_rank: best_rank(system, data, model, t)?.rank,
        })
    };
    let Some(allowed) = (target as usize - 1).checked_sub(always_above) else {
        return unreachable();
    };
    let w0 = &model.weights;
    let n = model.n_dimensions;
    // Prefer weights that keep MARGIN off every tie; fall back to exact ties, which share the better rank
    // and are sometimes the only way (units level with the target in the dimensions that carry weight).
    let robust = lp::nearest_with_at_most(n, limits, &undecided, w0, allowed, MARGIN);
    let (w, margin) = match robust.map_err(AnalysisError::Solver)? {
        Some(w) => (w, MARGIN),
        None => match lp::nearest_with_at_most(n, limits, &undecided, w0, allowed, 0.0)
            .map_err(AnalysisError::Solver)?
        {
            Some(w) => (lp::snapped(&w), 0.0),
            None => return unreachable(),
        },
    };
    // Should rounding still spoil the solver's point, step towards the widest point of the same cell
    // (a convex set) until re-scoring confirms the rank.
    let held: Vec<&Gap> = undecided
        .iter()
        .filter(|g| g.at(&w) <= 1e-9 - margin / 2.0)
        .collect();
    let centre = lp::widest(model.n_dimensions, limits, &held, &[], 0.01).map(|(_, c)| c);
    let mut lambda = 0.0;
    loop {
        let candidate: Vec<f64> = match &centre {
            Some(c) => w
                .iter()
                .zip(c)
                .map(|(a, b)| (1.0 - lambda) * a + lambda * b)
                .collect(),
            None => w.clone(),
        };
        let rank = model.verified_rank(system, data, t, &candidate)?;
        if rank <= target {
            let change = l1(&candidate, w0);
            return Ok(WeightReach::Reachable {
                weights: candidate,
                rank,
                change,
            });
        }
        if centre.is_none() || lambda >= 1.0 {
            return Err(AnalysisError::Solver(format!(
                "no verified weights for rank {target}"
            )));
        }
        lambda = if lambda == 0.0 {
            1e-6
        } else {
            (lambda * 10.0).min(1.0)
        };
    }
}
