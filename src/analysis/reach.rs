//! Weight reach: the smallest change of the dimension weights (L1 distance on the simplex) that lifts a
//! unit to a target rank or better, or the plain finding that no weighting can; both within the model's
//! [`super::WeightLimits`].

use super::bounds::best_rank;
use super::lp::{self, Gap};
use super::{AnalysisError, DimensionModel, MARGIN};
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};

/// The answer for one unit and target rank.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum WeightReach {
    /// The unit already holds the target rank or better under the current weights.
    Already { rank: u32 },
    /// New weights (summing to 1) that give `rank` (at most the target) at L1 distance `change`.
    Reachable {
        weights: Vec<f64>,
        rank: u32,
        change: f64,
    },
    /// No weighting gives the target; `best_rank` is the best any weighting gives.
    Unreachable { best_rank: u32 },
}

impl WeightReach {
    /// A one-line statement of the finding.
    pub fn sentence(&self, system: &IndicatorSystem, target: u32, lang: Lang) -> String {
        match self {
            WeightReach::Already { rank } => {
                tf(lang, Key::AnalysisReachAlready, &[&rank.to_string()])
            }
            WeightReach::Reachable {
                weights,
                rank,
                change,
            } => {
                let list: Vec<String> = system
                    .dimensions
                    .iter()
                    .zip(weights)
                    .map(|(d, w)| format!("{} {:.1}%", d.name(lang), 100.0 * w))
                    .collect();
                tf(
                    lang,
                    Key::AnalysisReachWeights,
                    &[
                        &list.join(t(lang, Key::AnalysisListSeparator)),
                        &rank.to_string(),
                        &format!("{:.1}", 100.0 * change),
                    ],
                )
            }
            WeightReach::Unreachable { best_rank } => tf(
                lang,
                Key::AnalysisReachNone,
                &[&target.to_string(), &best_rank.to_string()],
            ),
        }
    }
}

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
    let gaps = model.gaps(t);
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
