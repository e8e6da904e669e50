//! The cheapest way up across indicators: for a county and a target rank, the smallest combined rise of
//! its own indicator values, each measured as a share of the province's range of that indicator, that
//! lifts it to the target, solved exactly as a mixed-integer program.
//!
//! The weights are held at the scenario's current values (entropy and CRITIC weights included), and the
//! model is exact for min-max, efficacy and goalposts normalisation with arithmetic aggregation: there
//! the county's composite is linear in its own values as long as no column's minimum or maximum moves.
//! Rises are therefore capped at the province's best value (and at the upper goalpost), and an
//! indicator whose rise would move the column minimum (the county alone holds it) is left out, as are
//! treated columns, whose treatment is not linear; every exclusion is reported with its reason.
//! Values move in steps of the indicator's precision (whole units for counts), so the program's
//! variables are integers. The plan found is re-scored with [`crate::score::score`].

pub use fjindex_engine::analysis::plan::*;

use super::{AnalysisError, DimensionModel, MARGIN};
use crate::method::normalise::{Goalposts, Scale};
use crate::model::{Dataset, IndicatorSystem, Normalisation, Scenario, Treatment};
use crate::score::score;
use good_lp::{constraint, microlp, variable, Expression, ProblemVariables, Solution, SolverModel};

/// One indicator the program may raise.
struct Movable {
    indicator: usize,
    before: f64,
    /// Steps to one unit of the indicator (1 for counts, 10^decimals otherwise).
    per_unit: f64,
    /// The most steps before the cap.
    max_steps: f64,
    /// Composite points gained per unit of raw rise.
    gain: f64,
    range: f64,
}

/// Whether the method is one the plan models exactly, or why not.
fn check_method(scenario: &Scenario) -> Result<(), AnalysisError> {
    if method_supported(scenario) {
        Ok(())
    } else {
        Err(AnalysisError::Unsupported(format!(
            "{} / {}",
            crate::model::Choice::id(scenario.normalisation),
            crate::model::Choice::id(scenario.aggregation)
        )))
    }
}

/// `value` on the indicator's printed precision, `per_unit` steps to one unit (1 for counts).
fn on_precision(value: f64, per_unit: f64) -> f64 {
    (value * per_unit).round() / per_unit
}

/// The cheapest plan lifting the unit with `adcode` to rank `target` by raising its own values.
/// `allowed` limits the indicators that may move (all of them when `None`).
pub fn plan(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    adcode: &str,
    target: u32,
    allowed: Option<&[usize]>,
) -> Result<Plan, AnalysisError> {
    check_method(scenario)?;
    let model = DimensionModel::new(system, data, scenario)?;
    let t = model.ranked_unit(adcode)?;
    let ranked = model.ranked.len();
    if target == 0 || target as usize > ranked {
        return Err(AnalysisError::TargetOutOfRange { target, ranked });
    }
    let fixed = model.scenario_for(&model.weights);
    let ranking = score(system, data, &fixed)?;
    let current_rank = ranking.rank[t];
    let mut result = Plan {
        unit: t,
        target,
        current_rank,
        outcome: PlanOutcome::Already,
        changes: Vec::new(),
        cost: 0.0,
        rank: current_rank,
        verified: true,
        excluded: Vec::new(),
    };
    if current_rank <= target {
        return Ok(result);
    }

    let mut movable = Vec::new();
    for i in 0..system.n_indicators() {
        match movable_indicator(system, data, scenario, &ranking, t, i, allowed) {
            Ok(m) => movable.push(m),
            Err(reason) => result.excluded.push((i, reason)),
        }
    }

    // Only the county's composite moves, so the units ahead keep their order among themselves: reaching
    // rank `target` means passing the unit that is `target`-th among them, and every one below it. A
    // single covering constraint replaces the big-M ordering constraints the weight analyses need.
    let base = ranking.composite[t];
    let mut ahead: Vec<f64> = (0..data.n_units())
        .filter(|&u| ranking.rank[u] > 0 && ranking.rank[u] < current_rank)
        .map(|u| ranking.composite[u])
        .collect();
    crate::sorting::sort_by(&mut ahead, |a, b| b.total_cmp(a));
    let Some(&to_pass) = ahead.get(target as usize - 1) else {
        return Ok(result);
    };

    // A wider margin is tried only when re-scoring disagrees with the programme (a tie at the 9th decimal).
    let mut last = None;
    for margin in [MARGIN, 1e-4, 1e-2] {
        let Some(steps) = solve(&movable, to_pass - base + margin)? else {
            break;
        };
        let (changes, cost, rank) = rescore(system, data, &fixed, t, &movable, &steps)?;
        let verified = rank != 0 && rank <= target;
        last = Some((changes, cost, rank, verified));
        if verified {
            break;
        }
    }
    let (outcome, (changes, cost, rank, verified)) = match last {
        Some(found) => (PlanOutcome::Reached, found),
        None => {
            // Not even every movable indicator at its cap passes: report the caps and the rank they give.
            let caps: Vec<f64> = movable.iter().map(|m| m.max_steps).collect();
            let (changes, cost, rank) = rescore(system, data, &fixed, t, &movable, &caps)?;
            (
                PlanOutcome::Unreachable,
                (changes, cost, rank, rank > target),
            )
        }
    };
    result.outcome = outcome;
    result.changes = changes;
    result.cost = cost;
    result.rank = rank;
    result.verified = verified;
    Ok(result)
}

/// The indicator as a variable of the program, or why it cannot be one.
fn movable_indicator(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    ranking: &crate::score::Ranking,
    t: usize,
    i: usize,
    allowed: Option<&[usize]>,
) -> Result<Movable, Exclusion> {
    let ind = &system.indicators[i];
    if allowed.is_some_and(|a| !a.contains(&i)) {
        return Err(Exclusion::NotSelected);
    }
    if !ind.higher_is_better {
        return Err(Exclusion::LowerIsBetter);
    }
    if scenario.treatments[i] != Treatment::None {
        return Err(Exclusion::Treated);
    }
    let before = data.get(t, i).ok_or(Exclusion::Missing)?;
    let present: Vec<f64> = (0..data.n_units()).filter_map(|u| data.get(u, i)).collect();
    let min = present.iter().copied().fold(f64::INFINITY, f64::min);
    let max = present.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let range = max - min;
    if range.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        return Err(Exclusion::NoRange);
    }
    let (cap, points_per_unit) = match scenario.normalisation {
        Normalisation::Goalposts => {
            let posts = Goalposts::on_scale(ind, Scale::Raw);
            let width = posts.upper - posts.lower;
            if width.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
                return Err(Exclusion::NoRange);
            }
            if before < posts.lower {
                return Err(Exclusion::BelowGoalpost);
            }
            (max.min(posts.upper), 100.0 / width)
        }
        Normalisation::Efficacy => (max, 40.0 / range),
        _ => (max, 100.0 / range),
    };
    if before >= cap {
        return Err(Exclusion::AtBest);
    }
    if scenario.normalisation != Normalisation::Goalposts
        && before == min
        && present.iter().filter(|&&v| v == min).count() == 1
    {
        return Err(Exclusion::MovesMinimum);
    }
    // The county's dimension score is the weighted mean over its present indicators of the dimension.
    let d = system.dimension_of(i);
    let weight_sum: f64 = system
        .indicators_of(d)
        .filter(|&j| data.get(t, j).is_some())
        .map(|j| ranking.weights.within(system, j))
        .sum();
    let weight = ranking.weights.indicator[i];
    if weight <= 0.0 || weight_sum <= 0.0 {
        return Err(Exclusion::ZeroWeight);
    }
    let per_unit = if ind.integer {
        1.0
    } else {
        10f64.powi(ind.decimals as i32)
    };
    let max_steps = ((cap - before) * per_unit + 1e-9).floor();
    if max_steps < 1.0 {
        return Err(Exclusion::AtBest);
    }
    Ok(Movable {
        indicator: i,
        before,
        per_unit,
        max_steps,
        gain: weight / weight_sum * points_per_unit,
        range,
    })
}

/// The fewest-cost steps per movable indicator that raise the county's composite by at least `rise`;
/// `None` when no choice of steps does.
fn solve(movable: &[Movable], rise: f64) -> Result<Option<Vec<f64>>, AnalysisError> {
    let mut vars = ProblemVariables::new();
    let steps: Vec<_> = movable
        .iter()
        .map(|m| vars.add(variable().integer().min(0.0).max(m.max_steps)))
        .collect();
    let mut cost = Expression::from(0.0);
    let mut gain = Expression::from(0.0);
    for (m, &k) in movable.iter().zip(&steps) {
        cost += (1.0 / (m.per_unit * m.range)) * k;
        gain += (m.gain / m.per_unit) * k;
    }
    let problem = vars
        .minimise(cost)
        .using(microlp)
        .with(constraint!(gain >= rise));
    match problem.solve() {
        Ok(sol) => Ok(Some(
            steps
                .iter()
                .map(|&k| sol.value(k).round().max(0.0))
                .collect(),
        )),
        Err(good_lp::ResolutionError::Infeasible) => Ok(None),
        Err(e) => Err(AnalysisError::Solver(e.to_string())),
    }
}

/// Applies the steps to the county's values and re-scores: the changes, their cost and the rank.
fn rescore(
    system: &IndicatorSystem,
    data: &Dataset,
    fixed: &Scenario,
    t: usize,
    movable: &[Movable],
    steps: &[f64],
) -> Result<(Vec<Change>, f64, u32), AnalysisError> {
    let mut work = data.clone();
    let mut changes = Vec::new();
    for (m, &k) in movable.iter().zip(steps) {
        if k < 0.5 {
            continue;
        }
        let change = k.min(m.max_steps) / m.per_unit;
        let after = on_precision(m.before + change, m.per_unit);
        work.set(t, m.indicator, Some(after));
        changes.push(Change {
            indicator: m.indicator,
            before: m.before,
            after,
            change,
            share_of_range: change / m.range,
        });
    }
    let cost = changes.iter().map(|c| c.share_of_range).sum();
    let rank = score(system, &work, fixed)?.rank[t];
    Ok((changes, cost, rank))
}
