//! Tests of the multi-indicator plan: every plan re-scored from scratch, minimality against brute force
//! over every combination of whole-unit rises on small synthetic data, agreement with indicator reach
//! where only one indicator may move, the empty plan, refused methods and the `plan` command.

mod common;

use fjindex::analysis::indicator_reach::{indicator_reach, IndicatorReach};
use fjindex::analysis::plan::{plan, Exclusion, Plan, PlanOutcome};
use fjindex::analysis::{AnalysisError, DimensionModel};
use fjindex::data::seeds;
use fjindex::model::{
    Aggregation, Dataset, IndicatorSystem, Lang, Normalisation, Scenario, Weighting,
};
use fjindex::score::score;

/// The scenario with its weights fixed at their current values, as the plan holds them.
fn fixed(system: &IndicatorSystem, data: &Dataset, scenario: &Scenario) -> Scenario {
    let model = DimensionModel::new(system, data, scenario).unwrap();
    model.scenario_for(&model.weights)
}

/// The data with the plan's changes applied.
fn applied(data: &Dataset, p: &Plan) -> Dataset {
    let mut work = data.clone();
    for c in &p.changes {
        assert_eq!(work.get(p.unit, c.indicator), Some(c.before));
        work.set(p.unit, c.indicator, Some(c.after));
    }
    work
}

fn column_range(data: &Dataset, i: usize) -> (f64, f64) {
    let values: Vec<f64> = (0..data.n_units()).filter_map(|u| data.get(u, i)).collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo, hi)
}

/// Checks the plan's own account: re-scored rank, cost as the sum of shares, changes within the range.
fn check_plan(system: &IndicatorSystem, data: &Dataset, scenario: &Scenario, p: &Plan) {
    let rank = score(system, &applied(data, p), &fixed(system, data, scenario))
        .unwrap()
        .rank[p.unit];
    assert_eq!(rank, p.rank, "reported rank differs from re-scoring");
    let cost: f64 = p
        .changes
        .iter()
        .map(|c| {
            let (lo, hi) = column_range(data, c.indicator);
            assert!(
                c.after > c.before && c.after <= hi + 1e-9,
                "{c:?} leaves the range"
            );
            (c.after - c.before) / (hi - lo)
        })
        .sum();
    assert!((cost - p.cost).abs() < 1e-9, "cost {} vs {cost}", p.cost);
    match p.outcome {
        PlanOutcome::Already => {
            assert!(p.changes.is_empty() && p.current_rank <= p.target);
        }
        PlanOutcome::Reached => {
            assert!(p.verified && rank >= 1 && rank <= p.target, "rank {rank}");
        }
        PlanOutcome::Unreachable => assert!(rank > p.target),
    }
}

/// Six units; every indicator a small whole number, so that brute force covers every rise.
fn small_data() -> Dataset {
    common::synthetic(6, |u, i| {
        Some(((u * 5 + i * 3 + u * i * 7) % 9) as f64 + 1.0)
    })
}

fn scenarios(system: &IndicatorSystem) -> Vec<Scenario> {
    let base = Scenario::default_for(system);
    let mut out = Vec::new();
    for normalisation in [
        Normalisation::MinMax,
        Normalisation::Efficacy,
        Normalisation::Goalposts,
    ] {
        out.push(Scenario {
            normalisation,
            ..base.clone()
        });
    }
    out.push(Scenario {
        weighting: Weighting::Entropy,
        ..base.clone()
    });
    let mut skewed = base;
    skewed.dimension_weights = vec![3.0, 1.0, 2.0, 1.0, 4.0];
    skewed.indicator_weights[5] = 3.0;
    out.push(skewed);
    out
}

#[test]
fn plans_are_minimal_against_brute_force_on_six_units() {
    let system = common::system();
    let data = small_data();
    // High-tech firms, quality firms and SRDI firms: counts in three different dimensions.
    let movable = [5usize, 8, 13];
    let (mut reached, mut combined) = (0, 0);
    for scenario in scenarios(&system) {
        let fixed = fixed(&system, &data, &scenario);
        let ranking = score(&system, &data, &fixed).unwrap();
        for u in 0..data.n_units() {
            let adcode = data.units[u].adcode.clone();
            for target in 1..=ranking.rank[u] {
                let p = plan(&system, &data, &scenario, &adcode, target, Some(&movable)).unwrap();
                check_plan(&system, &data, &scenario, &p);
                // Exclusions, worked out independently: the column's best, or its lone minimum.
                let mut free = Vec::new();
                for &i in &movable {
                    let (lo, hi) = column_range(&data, i);
                    let x = data.get(u, i).unwrap();
                    let lone_min =
                        x == lo && (0..6).filter(|&v| data.get(v, i) == Some(lo)).count() == 1;
                    let excluded = p.excluded.iter().find(|(j, _)| *j == i).map(|(_, r)| *r);
                    if target >= ranking.rank[u] {
                        continue;
                    }
                    if x >= hi {
                        assert_eq!(excluded, Some(Exclusion::AtBest));
                    } else if lone_min && scenario.normalisation != Normalisation::Goalposts {
                        assert_eq!(excluded, Some(Exclusion::MovesMinimum));
                    } else {
                        assert_eq!(excluded, None);
                        free.push((i, x, hi, hi - lo));
                    }
                }
                if target >= ranking.rank[u] {
                    assert_eq!(p.outcome, PlanOutcome::Already);
                    continue;
                }
                // Every whole-unit rise of the free indicators, up to the province's best.
                let mut best: Option<f64> = None;
                let sizes: Vec<usize> = free.iter().map(|f| (f.2 - f.1) as usize + 1).collect();
                let total: usize = sizes.iter().product();
                for code in 0..total {
                    let mut work = data.clone();
                    let mut rest = code;
                    let mut cost = 0.0;
                    for (k, &(i, x, _, range)) in free.iter().enumerate() {
                        let step = (rest % sizes[k]) as f64;
                        rest /= sizes[k];
                        work.set(u, i, Some(x + step));
                        cost += step / range;
                    }
                    let r = score(&system, &work, &fixed).unwrap().rank[u];
                    if r <= target && best.is_none_or(|b| cost < b) {
                        best = Some(cost);
                    }
                }
                match best {
                    Some(b) => {
                        assert_eq!(p.outcome, PlanOutcome::Reached, "unit {u} target {target}");
                        assert!(
                            (p.cost - b).abs() < 1e-9,
                            "plan {} vs brute force {b}",
                            p.cost
                        );
                        reached += 1;
                        combined += (p.changes.len() > 1) as usize;
                    }
                    None => assert_eq!(p.outcome, PlanOutcome::Unreachable),
                }
            }
        }
    }
    assert!(reached > 20, "only {reached} reachable cases");
    assert!(
        combined > 5,
        "only {combined} plans raise more than one indicator"
    );
}

#[test]
fn one_movable_indicator_agrees_with_indicator_reach() {
    let system = seeds::indicator_system();
    let data = seeds::bundle().data;
    let scenario = Scenario::default_for(&system);
    let ranking = score(&system, &data, &scenario).unwrap();
    let mut compared = 0;
    for &position in &[15usize, 40, 70] {
        let u = ranking.order[position];
        let target = ranking.rank[u] - 4;
        let adcode = data.units[u].adcode.clone();
        for i in 0..system.n_indicators() {
            let p = plan(&system, &data, &scenario, &adcode, target, Some(&[i])).unwrap();
            check_plan(&system, &data, &scenario, &p);
            if p.excluded.iter().any(|(j, _)| *j == i) {
                continue;
            }
            let (_, hi) = column_range(&data, i);
            match indicator_reach(&system, &data, &scenario, u, i, target).unwrap() {
                IndicatorReach::Reachable { new_value, .. } if new_value <= hi => {
                    assert_eq!(p.outcome, PlanOutcome::Reached);
                    assert!((p.changes[0].after - new_value).abs() < 1e-9);
                    compared += 1;
                }
                IndicatorReach::Reachable { .. } | IndicatorReach::NotReachable => {
                    assert_eq!(p.outcome, PlanOutcome::Unreachable);
                }
                other => panic!("unexpected {other:?}"),
            }
        }
    }
    assert!(compared >= 5, "only {compared} indicators compared");
}

#[test]
fn bundled_plans_reach_their_targets() {
    let system = seeds::indicator_system();
    let data = seeds::bundle().data;
    let scenario = Scenario::default_for(&system);
    for (adcode, target) in [("350603", 30), ("350603", 10), ("350212", 5)] {
        let p = plan(&system, &data, &scenario, adcode, target, None).unwrap();
        check_plan(&system, &data, &scenario, &p);
        assert!(p.outcome != PlanOutcome::Unreachable);
        let zh = p.sentence(&system, Lang::Zh);
        assert!(zh.ends_with(&format!("→ 第 {} 位", p.rank)), "{zh}");
    }
}

#[test]
fn a_county_at_its_target_gets_an_empty_plan() {
    let system = seeds::indicator_system();
    let data = seeds::bundle().data;
    let scenario = Scenario::default_for(&system);
    let ranking = score(&system, &data, &scenario).unwrap();
    let u = ranking.order[4];
    for target in [5, 6, 80] {
        let p = plan(
            &system,
            &data,
            &scenario,
            &data.units[u].adcode,
            target,
            None,
        )
        .unwrap();
        assert_eq!(p.outcome, PlanOutcome::Already);
        assert!(p.changes.is_empty() && p.cost == 0.0 && p.rank == 5);
    }
}

#[test]
fn other_methods_are_refused() {
    let system = seeds::indicator_system();
    let data = seeds::bundle().data;
    let base = Scenario::default_for(&system);
    for scenario in [
        Scenario {
            normalisation: Normalisation::ZScore,
            ..base.clone()
        },
        Scenario {
            aggregation: Aggregation::Geometric,
            ..base
        },
    ] {
        let err = plan(&system, &data, &scenario, "350603", 10, None).unwrap_err();
        assert!(matches!(err, AnalysisError::Unsupported(_)));
        assert!(err.message(Lang::En).contains("min-max"));
    }
}

#[test]
fn the_plan_command_prints_a_plan_that_re_scores_to_its_target() {
    let out = common::fjindex(&["plan", "--county", "350603", "--target", "30"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["outcome"], "reached");
    let system = seeds::indicator_system();
    let mut data = seeds::bundle().data;
    let u = data.unit_index("350603").unwrap();
    for c in json["changes"].as_array().unwrap() {
        let i = system
            .indicator_index(c["indicator"].as_str().unwrap())
            .unwrap();
        data.set(u, i, Some(c["after"].as_f64().unwrap()));
    }
    let rank = score(&system, &data, &Scenario::default_for(&system))
        .unwrap()
        .rank[u];
    assert!(rank <= 30 && json["rank"] == rank);

    let csv = common::fjindex(&[
        "plan",
        "--county",
        "350603",
        "--target",
        "30",
        "--format",
        "csv",
        "--indicators",
        "srdi_firms,smart_factories",
    ]);
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with("indicator,before,after,change,share_of_range,excluded\n"));
    assert!(text.contains("revenue,,,,,not_selected"));

    let refused = common::fjindex(&[
        "plan",
        "--county",
        "350603",
        "--target",
        "30",
        "--normalize",
        "zscore",
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("min-max"));
}

#[test]
fn a_missing_value_is_left_out_and_the_rest_still_plans() {
    let system = common::system();
    let mut data = small_data();
    data.set(3, 8, None);
    let scenario = Scenario::default_for(&system);
    let rank = score(&system, &data, &scenario).unwrap().rank[3];
    assert!(rank > 1);
    let p = plan(
        &system,
        &data,
        &scenario,
        &data.units[3].adcode,
        rank - 1,
        None,
    )
    .unwrap();
    assert!(p.excluded.contains(&(8, Exclusion::Missing)));
    check_plan(&system, &data, &scenario, &p);
    assert_eq!(p.outcome, PlanOutcome::Reached);
}
