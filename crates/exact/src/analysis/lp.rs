//! The mixed-integer programs behind best and worst ranks and weight reach, solved with good_lp's
//! pure-Rust microlp backend so they run natively and in the browser.
//!
//! Weights live on the simplex (w >= 0, sum 1), or on the part of it where every share lies within
//! [`WeightLimits`]. For a target unit t and another unit u, the gap g_u = x_u - x_t (their linear forms)
//! decides: u is above t where g_u . w > 0. A binary z_u per undecided unit switches its separation
//! constraint on or off with a big-M as tight as the weights allow (the gap's largest or smallest value
//! over them).

use super::{DimensionModel, WeightLimits, MARGIN};
use good_lp::{
    constraint, microlp, variable, Expression, ProblemVariables, Solution, SolverModel, Variable,
};

/// One other unit's gap vector against the target, with its extremes over the weights allowed.
#[derive(Clone, Debug)]
pub struct Gap {
    pub g: Vec<f64>,
    pub lo: f64,
    pub hi: f64,
}

impl Gap {
    pub fn new(g: Vec<f64>) -> Self {
        let lo = g.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = g.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Self { g, lo, hi }
    }
    /// The gap with its extremes over the weights within `limits`: every share at its minimum, then what
    /// is left given to the smallest (or largest) components first, each up to its maximum. The extremes
    /// are widened by a rounding allowance so that they stay valid big-Ms.
    pub fn within(g: Vec<f64>, limits: WeightLimits) -> Self {
        if limits.is_any() {
            return Self::new(g);
        }
        let mut order: Vec<usize> = (0..g.len()).collect();
        order.sort_by(|&a, &b| g[a].total_cmp(&g[b]));
        let extreme = |order: &mut dyn Iterator<Item = &usize>| {
            let mut left = 1.0 - limits.min * g.len() as f64;
            let mut value: f64 = g.iter().map(|x| x * limits.min).sum();
            for &d in order {
                let add = left.min(limits.max - limits.min).max(0.0);
                value += g[d] * add;
                left -= add;
            }
            value
        };
        let allowance = 1e-12 * (1.0 + g.iter().fold(0.0f64, |m, x| m.max(x.abs())));
        let lo = extreme(&mut order.iter()) - allowance;
        let hi = extreme(&mut order.iter().rev()) + allowance;
        Self { g, lo, hi }
    }
    pub fn at(&self, w: &[f64]) -> f64 {
        self.g.iter().zip(w).map(|(g, w)| g * w).sum()
    }
}

/// The gap vectors of every other ranked unit of `model` against unit `t`, with extremes within the
/// model's limits.
pub fn gaps(model: &DimensionModel, t: usize) -> Vec<Gap> {
    let xt = model.row(t);
    model
        .ranked
        .iter()
        .filter(|&&u| u != t)
        .map(|&u| {
            let g = model.row(u).iter().zip(xt).map(|(a, b)| a - b).collect();
            Gap::within(g, model.limits)
        })
        .collect()
}

fn dot(g: &[f64], w: &[Variable]) -> Expression {
    let mut e = Expression::from(0.0);
    for (&c, &v) in g.iter().zip(w) {
        if c != 0.0 {
            e += c * v;
        }
    }
    e
}

fn simplex(vars: &mut ProblemVariables, m: usize, limits: WeightLimits) -> Vec<Variable> {
    (0..m)
        .map(|_| vars.add(variable().min(limits.min).max(limits.max)))
        .collect()
}

fn sum(w: &[Variable]) -> Expression {
    w.iter().fold(Expression::from(0.0), |acc, &v| acc + v)
}

/// Reads the weights back, clipping solver noise outside the limits and renormalising.
fn read_weights(sol: &impl Solution, w: &[Variable], limits: WeightLimits) -> Vec<f64> {
    let raw: Vec<f64> = if limits.is_any() {
        w.iter().map(|&v| sol.value(v).max(0.0)).collect()
    } else {
        w.iter()
            .map(|&v| sol.value(v).clamp(limits.min, limits.max))
            .collect()
    };
    renormalise(&raw)
}

fn renormalise(raw: &[f64]) -> Vec<f64> {
    let total: f64 = raw.iter().sum();
    raw.iter().map(|v| v / total).collect()
}

/// The same weights with solver residue (below 1e-9) set to exactly zero, so that a witness on a face of
/// the simplex (all weight on some dimensions) reproduces exact ties there.
pub fn snapped(w: &[f64]) -> Vec<f64> {
    let raw: Vec<f64> = w.iter().map(|&v| if v < 1e-9 { 0.0 } else { v }).collect();
    renormalise(&raw)
}

/// Fewest gaps left "above" (not held at g . w <= -margin), with the weights achieving it.
pub fn fewest_above(
    m: usize,
    limits: WeightLimits,
    gaps: &[Gap],
    margin: f64,
) -> Result<(usize, Vec<f64>), String> {
    let mut vars = ProblemVariables::new();
    let w = simplex(&mut vars, m, limits);
    let z: Vec<Variable> = gaps.iter().map(|_| vars.add(variable().binary())).collect();
    let objective = sum(&z);
    let mut model = vars
        .minimise(objective)
        .using(microlp)
        .with(constraint!(sum(&w) == 1.0));
    for (gap, &zu) in gaps.iter().zip(&z) {
        model = model.with(constraint!(
            dot(&gap.g, &w) - (gap.hi + margin) * zu <= -margin
        ));
    }
    let sol = model.solve().map_err(|e| e.to_string())?;
    let weights = read_weights(&sol, &w, limits);
    let count = z.iter().filter(|&&v| sol.value(v) > 0.5).count();
    Ok((count, weights))
}

/// Most gaps put "above" (g . w >= MARGIN), with the weights achieving it.
pub fn most_above(
    m: usize,
    limits: WeightLimits,
    gaps: &[Gap],
) -> Result<(usize, Vec<f64>), String> {
    let mut vars = ProblemVariables::new();
    let w = simplex(&mut vars, m, limits);
    let z: Vec<Variable> = gaps.iter().map(|_| vars.add(variable().binary())).collect();
    let objective = sum(&z);
    let mut model = vars
        .maximise(objective)
        .using(microlp)
        .with(constraint!(sum(&w) == 1.0));
    for (gap, &zu) in gaps.iter().zip(&z) {
        model = model.with(constraint!(
            dot(&gap.g, &w) - (MARGIN - gap.lo) * zu >= gap.lo
        ));
    }
    let sol = model.solve().map_err(|e| e.to_string())?;
    let weights = read_weights(&sol, &w, limits);
    let count = z.iter().filter(|&&v| sol.value(v) > 0.5).count();
    Ok((count, weights))
}

/// The weights nearest to `w0` in L1 distance that hold all but at most `allowed` gaps at
/// g . w <= -margin; `None` when no weighting does.
pub fn nearest_with_at_most(
    m: usize,
    limits: WeightLimits,
    gaps: &[Gap],
    w0: &[f64],
    allowed: usize,
    margin: f64,
) -> Result<Option<Vec<f64>>, String> {
    let mut vars = ProblemVariables::new();
    let w = simplex(&mut vars, m, limits);
    let up: Vec<Variable> = (0..m).map(|_| vars.add(variable().min(0.0))).collect();
    let down: Vec<Variable> = (0..m).map(|_| vars.add(variable().min(0.0))).collect();
    let z: Vec<Variable> = gaps.iter().map(|_| vars.add(variable().binary())).collect();
    let objective = sum(&up) + sum(&down);
    let mut model = vars
        .minimise(objective)
        .using(microlp)
        .with(constraint!(sum(&w) == 1.0));
    for d in 0..m {
        model = model.with(constraint!(w[d] - up[d] + down[d] == w0[d]));
    }
    for (gap, &zu) in gaps.iter().zip(&z) {
        model = model.with(constraint!(
            dot(&gap.g, &w) - (gap.hi + margin) * zu <= -margin
        ));
    }
    model = model.with(constraint!(sum(&z) <= allowed as f64));
    match model.solve() {
        Ok(sol) => Ok(Some(read_weights(&sol, &w, limits))),
        Err(good_lp::ResolutionError::Infeasible) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// The point of the simplex within `limits` that keeps every `below` gap at most -s and every `above` gap at least s
/// with the largest s (capped at `cap`); `None` when no point has s >= 0.
pub fn widest(
    m: usize,
    limits: WeightLimits,
    below: &[&Gap],
    above: &[&Gap],
    cap: f64,
) -> Option<(f64, Vec<f64>)> {
    let mut vars = ProblemVariables::new();
    let w = simplex(&mut vars, m, limits);
    let s = vars.add(variable().min(0.0).max(cap));
    let mut model = vars
        .maximise(s)
        .using(microlp)
        .with(constraint!(sum(&w) == 1.0));
    for gap in below {
        model = model.with(constraint!(dot(&gap.g, &w) + s <= 0.0));
    }
    for gap in above {
        model = model.with(constraint!(dot(&gap.g, &w) - s >= 0.0));
    }
    let sol = model.solve().ok()?;
    Some((sol.value(s), read_weights(&sol, &w, limits)))
}
