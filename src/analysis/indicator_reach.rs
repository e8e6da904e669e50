//! Indicator reach: how much a unit's own value of one indicator must rise, others fixed, to lift it to a
//! target rank under the current scenario, found by bisection with a full re-score at each probe.
//!
//! Re-scoring (rather than a formula) keeps the effect of a value passing the column maximum on the
//! normalisation. The search assumes the rank improves monotonically with the unit's own value, which
//! holds for min-max, efficacy and rank normalisation with fixed weights; the answer is re-checked in any
//! case. Increases move in steps of the indicator's precision (whole units for counts) and stop at its
//! plausible maximum.

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
    // The short name reads as a person would say it ("新增专利再多 37 件", not "新增专利授权量再增加").
    let name = match lang {
        Lang::Zh => ind.short_zh.as_str(),
        Lang::En => ind.name_en.as_str(),
    };
    let percent = ind.unit_en.trim() == "%";
    match (&row.reach, lang) {
        (IndicatorReach::Already, Lang::Zh) => format!("已位于第 {target} 位或更前"),
        (IndicatorReach::Already, Lang::En) => format!("already at rank {target} or better"),
        (IndicatorReach::Missing, Lang::Zh) => format!("{name}缺少数据"),
        (IndicatorReach::Missing, Lang::En) => format!("{name}: no value"),
        (IndicatorReach::NotReachable, Lang::Zh) => format!("仅靠{name}无法升至第 {target} 位"),
        (IndicatorReach::NotReachable, Lang::En) => {
            format!("{name} alone cannot lift it to rank {target}")
        }
        (IndicatorReach::Reachable { increase, rank, .. }, Lang::Zh) => {
            let amount = ind.format(*increase);
            if percent {
                format!("{name}再提高 {amount} 个百分点可升至第 {rank} 位")
            } else {
                format!("{name}再多 {amount} {}可升至第 {rank} 位", ind.unit_zh)
            }
        }
        (IndicatorReach::Reachable { increase, rank, .. }, Lang::En) => {
            let amount = ind.format(*increase);
            if percent {
                format!("raising {name} by {amount} percentage points would lift it to rank {rank}")
            } else {
                format!(
                    "raising {name} by {amount} {} would lift it to rank {rank}",
                    ind.unit_en
                )
            }
        }
    }
}
