//! Target dimension scores: the L1-closest matrix to the prior's scores that reproduces the published
//! Tables 3-2 and 3-3 with safety gaps, solved exactly as a linear programme (good_lp + microlp).

use good_lp::{
    constraint, microlp, variable, Expression, ProblemVariables, Solution, SolverModel, Variable,
};

/// The published constraints and the room each county has, in unit x dimension layout (`u * n_dims + d`).
pub struct TargetProblem<'a> {
    pub n_units: usize,
    pub n_dims: usize,
    pub prior: &'a [f64],
    pub lower: &'a [f64],
    pub upper: &'a [f64],
    /// Per dimension, the published top 10 in order (unit indices).
    pub dimension_top: &'a [Vec<usize>],
    /// The published composite top 10 in order with their scores.
    pub composite_top: &'a [(usize, f64)],
    /// Least gap between consecutive listed units and between the 10th and everyone below, per dimension.
    pub dimension_gap: f64,
    /// Least gap between the composite 10th and everyone below.
    pub composite_gap: f64,
    /// Per unit and dimension (then per unit for the composite, after `n_units * n_dims` entries), an extra
    /// gap below the cutoff so that counties pushed under a cutoff do not all land on the same score.
    pub spread: &'a [f64],
}

/// Solves for target dimension scores; an error says the published tables cannot be met within the bounds.
pub fn solve(p: &TargetProblem) -> Result<Vec<f64>, String> {
    let n = p.n_units * p.n_dims;
    let mut vars = ProblemVariables::new();
    let score: Vec<Variable> = (0..n)
        .map(|k| vars.add(variable().min(p.lower[k]).max(p.upper[k])))
        .collect();
    let deviation: Vec<Variable> = (0..n).map(|_| vars.add(variable().min(0.0))).collect();
    let objective: Expression = deviation.iter().copied().sum();
    let mut model = vars.minimise(objective).using(microlp);
    for k in 0..n {
        model = model.with(constraint!(deviation[k] - score[k] >= -p.prior[k]));
        model = model.with(constraint!(deviation[k] + score[k] >= p.prior[k]));
    }
    let at = |u: usize, d: usize| score[u * p.n_dims + d];
    for (d, top) in p.dimension_top.iter().enumerate() {
        for pair in top.windows(2) {
            model = model.with(constraint!(
                at(pair[0], d) - at(pair[1], d) >= p.dimension_gap
            ));
        }
        let last = *top
            .last()
            .ok_or("a dimension's published top list is empty")?;
        for u in (0..p.n_units).filter(|u| !top.contains(u)) {
            model = model.with(constraint!(
                at(last, d) - at(u, d) >= p.dimension_gap + p.spread[u * p.n_dims + d]
            ));
        }
    }
    let dims = p.n_dims as f64;
    let floor = p
        .composite_top
        .last()
        .ok_or("the published composite top list is empty")?
        .1;
    for u in 0..p.n_units {
        let sum: Expression = (0..p.n_dims).map(|d| at(u, d)).sum();
        match p.composite_top.iter().find(|(v, _)| *v == u) {
            Some(&(_, s)) => model = model.with(constraint!(sum == dims * s)),
            None => {
                let cutoff = floor - p.composite_gap - p.spread[n + u];
                model = model.with(constraint!(sum <= dims * cutoff));
            }
        }
    }
    let solution = model
        .solve()
        .map_err(|e| format!("the published tables cannot be met: {e}"))?;
    Ok(score.iter().map(|&v| solution.value(v)).collect())
}
