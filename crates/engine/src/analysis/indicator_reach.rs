//! Indicator reach: how much a unit's own value of one indicator must rise, others fixed, to lift it to a
//! target rank under the current scenario, found by bisection with a full re-score at each probe.
//!
//! Re-scoring (rather than a formula) keeps the effect of a value passing the column maximum on the
//! normalisation. The search assumes the rank improves monotonically with the unit's own value, which
//! holds for min-max, efficacy and rank normalisation with fixed weights; the answer is re-checked in any
//! case. Increases move in steps of the indicator's precision (whole units for counts) and stop at its
//! plausible maximum.

use crate::i18n::{tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use crate::score::{score, ScoreError};

/// The finding for one indicator.
#[derive(Clone, Debug, PartialEq)]
pub enum IndicatorReach {
    /// The unit already holds the target rank.
    Already,
    /// Raising the value by `increase` (to `new_value`) gives rank `rank`, at most the target.
    Reachable {
        increase: f64,
        new_value: f64,
        rank: u32,
    },
    /// Not even the plausible maximum of this indicator alone reaches the target.
    NotReachable,
    /// The unit has no value for this indicator.
    Missing,
}

/// One row of the profile table.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorReachRow {
    pub indicator: usize,
    pub current: Option<f64>,
    pub reach: IndicatorReach,
}

fn rank_with(
    system: &IndicatorSystem,
    data: &mut Dataset,
    scenario: &Scenario,
    u: usize,
    i: usize,
    value: f64,
) -> Result<u32, ScoreError> {
    data.set(u, i, Some(value));
    Ok(score(system, data, scenario)?.rank[u])
}

/// The smallest increase of unit `u`'s indicator `i` that gives rank `target` or better.
pub fn indicator_reach(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    u: usize,
    i: usize,
    target: u32,
) -> Result<IndicatorReach, ScoreError> {
    let Some(current) = data.get(u, i) else {
        return Ok(IndicatorReach::Missing);
    };
    let mut work = data.clone();
    let current_rank = rank_with(system, &mut work, scenario, u, i, current)?;
    if current_rank != 0 && current_rank <= target {
        return Ok(IndicatorReach::Already);
    }
    let ind = &system.indicators[i];
    let step = if ind.integer {
        1.0
    } else {
        10f64.powi(-(ind.decimals as i32))
    };
    // Counts start from the next whole number; rates move in steps of their printed precision.
    let start = if ind.integer {
        current.floor()
    } else {
        current
    };
    let value_at = |n: u64| -> f64 {
        let v = start + n as f64 * step;
        if ind.integer {
            v
        } else {
            (v / step).round() * step
        }
    };
    let max_steps = ((ind.plausible_max - start) / step + 1e-9).floor();
    if max_steps.is_nan() || max_steps < 1.0 {
        return Ok(IndicatorReach::NotReachable);
    }
    let max_steps = max_steps as u64;
    let reaches = |n: u64, work: &mut Dataset| -> Result<Option<u32>, ScoreError> {
        let r = rank_with(system, work, scenario, u, i, value_at(n))?;
        Ok((r != 0 && r <= target).then_some(r))
    };
    if reaches(max_steps, &mut work)?.is_none() {
        return Ok(IndicatorReach::NotReachable);
    }
    // Invariant: `lo` steps do not reach the target, `hi` steps do.
    let (mut lo, mut hi) = (0u64, max_steps);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if reaches(mid, &mut work)?.is_some() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let rank = reaches(hi, &mut work)?.expect("the upper end of the bisection reaches the target");
    let new_value = value_at(hi);
    Ok(IndicatorReach::Reachable {
        increase: new_value - current,
        new_value,
        rank,
    })
}

/// Indicator reach for every indicator of unit `u`.
pub fn indicator_reach_all(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    u: usize,
    target: u32,
) -> Result<Vec<IndicatorReachRow>, ScoreError> {
    (0..system.n_indicators())
        .map(|i| {
            Ok(IndicatorReachRow {
                indicator: i,
                current: data.get(u, i),
                reach: indicator_reach(system, data, scenario, u, i, target)?,
            })
        })
        .collect()
}

/// A sentence such as "高企数量再多 37 家可升至第 9 位" / "raising high-tech firms by 37 firms would lift it to rank 9".
pub fn sentence(
    system: &IndicatorSystem,
    row: &IndicatorReachRow,
    target: u32,
    lang: Lang,
) -> String {
    let ind = &system.indicators[row.indicator];
    let name = ind.name_in_sentence(lang);
    let percent = ind.unit_en.trim() == "%";
    let target = target.to_string();
    match &row.reach {
        IndicatorReach::Already => tf(lang, Key::AnalysisIndicatorAlready, &[&target]),
        IndicatorReach::Missing => tf(lang, Key::AnalysisIndicatorMissing, &[name]),
        IndicatorReach::NotReachable => tf(lang, Key::AnalysisIndicatorAlone, &[name, &target]),
        IndicatorReach::Reachable { increase, rank, .. } => {
            let amount = ind.format_shown(*increase, lang);
            let rank = rank.to_string();
            if percent {
                tf(lang, Key::AnalysisIndicatorPoints, &[name, &amount, &rank])
            } else {
                let unit = ind.shown_unit(lang);
                tf(
                    lang,
                    Key::AnalysisIndicatorMore,
                    &[name, &amount, unit, &rank],
                )
            }
        }
    }
}

/// What one indicator's reach means as advice to a county: the value it would need against the best
/// value any unit of the data set has.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    pub indicator: usize,
    pub current: Option<f64>,
    /// The highest value of this indicator among all units (the best one: every indicator of the
    /// bundled system counts higher as better, and the search only raises values).
    pub best: Option<f64>,
    pub outcome: AdviceOutcome,
}

/// The finding of [`Advice`].
#[derive(Clone, Debug, PartialEq)]
pub enum AdviceOutcome {
    Already,
    /// Raising the value to `required` (within the data set's own range) gives rank `rank`.
    Feasible {
        required: f64,
        rank: u32,
        /// The change relative to the current value, in percent; `None` when the current value is 0.
        percent: Option<f64>,
        /// The increase as a share of the indicator's range among all units (maximum - minimum), the
        /// order in which advice is listed: the smallest step relative to how far counties differ first.
        share_of_range: f64,
    },
    /// The value needed lies above every unit's value: out of reach on this indicator alone.
    BeyondBest,
    /// Not even the indicator's plausible maximum reaches the target.
    NotReachable,
    Missing,
}

impl AdviceOutcome {
    fn order(&self) -> (u8, f64) {
        match self {
            AdviceOutcome::Feasible { share_of_range, .. } => (0, *share_of_range),
            AdviceOutcome::Already => (1, 0.0),
            AdviceOutcome::BeyondBest => (2, 0.0),
            AdviceOutcome::NotReachable => (3, 0.0),
            AdviceOutcome::Missing => (4, 0.0),
        }
    }
}

/// The advice for each reach row, feasible changes first, smallest share of the indicator's range first.
pub fn advice(data: &Dataset, rows: &[IndicatorReachRow]) -> Vec<Advice> {
    let mut out: Vec<Advice> = rows
        .iter()
        .map(|row| {
            let (min, max) = column_range(data, row.indicator);
            let outcome = match (&row.reach, row.current) {
                (IndicatorReach::Already, _) => AdviceOutcome::Already,
                (IndicatorReach::Missing, _) | (_, None) => AdviceOutcome::Missing,
                (IndicatorReach::NotReachable, _) => AdviceOutcome::NotReachable,
                (IndicatorReach::Reachable { new_value, .. }, _)
                    if max.is_none_or(|m| *new_value > m) =>
                {
                    AdviceOutcome::BeyondBest
                }
                (
                    IndicatorReach::Reachable {
                        increase,
                        new_value,
                        rank,
                    },
                    Some(current),
                ) => {
                    let range = max.zip(min).map_or(0.0, |(hi, lo)| hi - lo);
                    AdviceOutcome::Feasible {
                        required: *new_value,
                        rank: *rank,
                        percent: (current != 0.0).then(|| increase / current.abs() * 100.0),
                        share_of_range: if range > 0.0 {
                            increase / range
                        } else {
                            f64::INFINITY
                        },
                    }
                }
            };
            Advice {
                indicator: row.indicator,
                current: row.current,
                best: max,
                outcome,
            }
        })
        .collect();
    crate::sorting::sort_by(&mut out, |a, b| {
        let (ka, kb) = (a.outcome.order(), b.outcome.order());
        ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    });
    out
}

/// The smallest and largest value of indicator `i` among all units; `None` when no unit has one.
fn column_range(data: &Dataset, i: usize) -> (Option<f64>, Option<f64>) {
    (0..data.n_units())
        .filter_map(|u| data.get(u, i))
        .fold((None, None), |(lo, hi), v| {
            (
                Some(lo.map_or(v, |l: f64| l.min(v))),
                Some(hi.map_or(v, |h: f64| h.max(v))),
            )
        })
}
