//! Engine behaviour: normalisation, weighting, aggregation, missing values, ties and invariance properties.

use fjindex::data::seeds;
use fjindex::method::{normalise, weight};
use fjindex::model::*;
use fjindex::score::{rank_changes, rank_descending, score, tie_key, ScoreError};
use proptest::prelude::*;

mod common;
use common::{arbitrary_data, dataset_from, synthetic, system};

/// Goalposts for the column-based methods, which do not read them.
const POSTS: normalise::Goalposts = normalise::Goalposts {
    lower: 0.0,
    upper: 10.0,
    higher_is_better: true,
};

fn check_norm(method: Normalisation, column: &[f64], expected: &[f64]) {
    let mut out = vec![0.0; column.len()];
    normalise::normalise_column(column, method, POSTS, &mut out);
    for (o, e) in out.iter().zip(expected) {
        assert!(
            (o - e).abs() < 1e-9 || (o.is_nan() && e.is_nan()),
            "{method:?}: {out:?} vs {expected:?}"
        );
    }
}

#[test]
fn normalisations_follow_their_formulas() {
    let col = [2.0, 4.0, 6.0, f64::NAN];
    check_norm(Normalisation::MinMax, &col, &[0.0, 50.0, 100.0, f64::NAN]);
    check_norm(
        Normalisation::Efficacy,
        &col,
        &[60.0, 80.0, 100.0, f64::NAN],
    );
    // Sample sd of 2, 4, 6 is 2, so z = -1, 0, 1.
    check_norm(Normalisation::ZScore, &col, &[40.0, 50.0, 60.0, f64::NAN]);
    check_norm(
        Normalisation::Rank,
        &[5.0, 1.0, 5.0, 3.0],
        &[
            83.333_333_333_333_33,
            0.0,
            83.333_333_333_333_33,
            33.333_333_333_333_33,
        ],
    );
}

#[test]
fn constant_and_empty_columns_give_documented_constants_not_nan() {
    for method in [
        Normalisation::MinMax,
        Normalisation::Efficacy,
        Normalisation::ZScore,
        Normalisation::Rank,
    ] {
        let mut out = vec![0.0; 3];
        normalise::normalise_column(&[7.0, 7.0, 7.0], method, POSTS, &mut out);
        assert!(out
            .iter()
            .all(|v| *v == fjindex::method::constant_column_score(method)));
    }
    let data = synthetic(5, |u, i| {
        if i == 0 {
            None
        } else if i == 1 {
            Some(3.0)
        } else {
            Some((u * i) as f64)
        }
    });
    let sys = system();
    for weighting in [Weighting::Manual, Weighting::Entropy, Weighting::Critic] {
        let scenario = Scenario {
            weighting,
            ..Scenario::default_for(&sys)
        };
        let r = score(&sys, &data, &scenario).unwrap();
        assert!(r.composite.iter().all(|c| c.is_finite()), "{weighting:?}");
        assert!(r.weights.indicator.iter().all(|w| w.is_finite()));
    }
}

#[test]
fn treatments_log_and_winsorise() {
    let mut col = vec![0.0, 9.0, -9.0, f64::NAN];
    normalise::treat(&mut col, Treatment::Log);
    assert_eq!(col[0], 0.0);
    assert!(
        (col[1] - 10f64.ln()).abs() < 1e-12
            && (col[2] + 10f64.ln()).abs() < 1e-12
            && col[3].is_nan()
    );
    let mut col: Vec<f64> = (1..=11).map(|v| v as f64).collect();
    normalise::treat(
        &mut col,
        Treatment::Winsorise {
            lower: 10.0,
            upper: 90.0,
        },
    );
    assert_eq!((col[0], col[10]), (2.0, 10.0));
    assert_eq!(col[5], 6.0);
}

#[test]
fn ties_share_the_better_rank_and_list_by_adcode() {
    let scores = [50.0, 70.0, 70.0 + 1e-11, 40.0, f64::NAN];
    let tie_order = [4, 3, 2, 1, 0];
    let (rank, order) = rank_descending(&scores, &tie_order);
    assert_eq!(rank, vec![3, 1, 1, 4, 0]);
    assert_eq!(order, vec![2, 1, 0, 3]);
}

#[test]
fn a_unit_without_any_value_in_a_dimension_is_unranked_with_the_reason() {
    let sys = system();
    let smart = sys.dimension_index("smart").unwrap();
    let data = synthetic(4, |u, i| {
        if u == 2 && sys.dimension_of(i) == smart {
            None
        } else {
            Some((u + i) as f64)
        }
    });
    let r = score(&sys, &data, &Scenario::default_for(&sys)).unwrap();
    assert_eq!(r.rank[2], 0);
    assert_eq!(r.unranked, vec![(2, vec![smart])]);
    assert_eq!(*r.order.last().unwrap(), 2);
}

#[test]
fn a_partly_missing_dimension_averages_what_is_there_and_is_flagged() {
    let sys = system();
    let revenue = sys.indicator_index("revenue").unwrap();
    let data = synthetic(4, |u, i| {
        if u == 1 && i == revenue {
            None
        } else {
            Some((u * 10 + i) as f64)
        }
    });
    let r = score(&sys, &data, &Scenario::default_for(&sys)).unwrap();
    assert!(r.is_partial(1) && !r.is_partial(0));
    let industry = sys.dimension_index("industry").unwrap();
    let others: Vec<f64> = sys
        .indicators_of(industry)
        .filter(|&i| i != revenue)
        .map(|i| r.normalised_value(1, i))
        .collect();
    let expected = others.iter().sum::<f64>() / others.len() as f64;
    assert!((r.dimension_score(1, industry) - expected).abs() < 1e-9);
}

#[test]
fn all_zero_or_negative_weights_are_clear_errors() {
    let sys = system();
    let data = seeds::bundle().data;
    let mut s = Scenario::default_for(&sys);
    s.dimension_weights = vec![0.0; 5];
    assert_eq!(
        score(&sys, &data, &s).unwrap_err(),
        ScoreError::AllZero { dimension: None }
    );
    assert!(score(&sys, &data, &s)
        .unwrap_err()
        .message(Lang::Zh)
        .contains("不能全部为零"));
    let mut s = Scenario::default_for(&sys);
    for i in sys.indicators_of(1) {
        s.indicator_weights[i] = 0.0;
    }
    assert!(
        matches!(score(&sys, &data, &s), Err(ScoreError::AllZero { dimension: Some(d) }) if d == "innovation")
    );
    let mut s = Scenario::default_for(&sys);
    s.dimension_weights[0] = -1.0;
    assert!(matches!(
        score(&sys, &data, &s),
        Err(ScoreError::NegativeWeight { .. })
    ));
}

#[test]
fn entropy_and_critic_give_sixteen_weights_that_sum_to_one_and_differ_from_equal() {
    let b = seeds::bundle();
    for w in [Weighting::Entropy, Weighting::Critic] {
        let s = Scenario {
            weighting: w,
            ..Scenario::default_for(&b.system)
        };
        let r = score(&b.system, &b.data, &s).unwrap();
        assert!((r.weights.indicator.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!((r.weights.dimension.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        for d in 0..5 {
            let sum: f64 = b
                .system
                .indicators_of(d)
                .map(|i| r.weights.indicator[i])
                .sum();
            assert!((sum - r.weights.dimension[d]).abs() < 1e-12);
        }
        assert!(
            r.weights
                .indicator
                .iter()
                .any(|&x| (x - 1.0 / 16.0).abs() > 1e-3),
            "{w:?}"
        );
    }
}

#[test]
fn entropy_weights_favour_the_more_dispersed_column() {
    // Column a is nearly uniform after min-max; column b puts all mass on one unit.
    let a = vec![0.0, 9.0, 10.0, 10.0, 10.0];
    let b = vec![0.0, 0.0, 0.0, 0.0, 10.0];
    let w = weight::entropy(&[a, b]).unwrap();
    assert!(w[1] > w[0]);
    let w = weight::critic(&[
        vec![1.0, 2.0, 3.0, 4.0],
        vec![1.0, 2.0, 3.0, 4.5],
        vec![4.0, 1.0, 3.0, 2.0],
    ])
    .unwrap();
    assert!(
        w[2] > w[0],
        "the conflicting column carries more information: {w:?}"
    );
}

#[test]
fn geometric_aggregation_punishes_imbalance_and_floors_zero() {
    let sys = system();
    let data = seeds::bundle().data;
    let arith = score(&sys, &data, &Scenario::default_for(&sys)).unwrap();
    let s = Scenario {
        aggregation: Aggregation::Geometric,
        ..Scenario::default_for(&sys)
    };
    let geo = score(&sys, &data, &s).unwrap();
    for u in 0..data.n_units() {
        assert!(geo.composite[u] <= arith.composite[u] + 1e-9, "AM-GM");
        assert!(geo.composite[u] > 0.0);
    }
}

#[test]
fn rank_changes_count_places_moved_up() {
    let b = seeds::bundle();
    let base = score(&b.system, &b.data, &Scenario::default_for(&b.system)).unwrap();
    let mut s = Scenario::default_for(&b.system);
    s.dimension_weights = vec![0.0, 1.0, 0.0, 0.0, 0.0];
    let now = score(&b.system, &b.data, &s).unwrap();
    let changes = rank_changes(&now, &base);
    let top = now.order[0];
    assert_eq!(changes[top], Some(base.rank[top] as i32 - 1));
    assert_eq!(
        now.order[0],
        now.order
            .iter()
            .copied()
            .find(|&u| now.rank_in_dimension(u, 1) == 1)
            .unwrap()
    );
}

proptest! {
    #![proptest_config(common::proptest_config(64))]

    #[test]
    fn scaling_all_weights_changes_nothing((rows, _) in arbitrary_data(), k in 0.01f64..100.0) {
        let sys = system();
        let data = dataset_from(&rows);
        let mut s = Scenario::default_for(&sys);
        s.dimension_weights = vec![1.0, 2.0, 3.0, 4.0, 5.0];
        let a = score(&sys, &data, &s).unwrap();
        s.dimension_weights.iter_mut().for_each(|w| *w *= k);
        s.indicator_weights.iter_mut().for_each(|w| *w *= k);
        let b = score(&sys, &data, &s).unwrap();
        for u in 0..data.n_units() {
            prop_assert!((a.composite[u] - b.composite[u]).abs() < 1e-9 || (a.composite[u].is_nan() && b.composite[u].is_nan()));
        }
    }

    #[test]
    fn raising_a_units_value_never_lowers_its_composite((rows, seed) in arbitrary_data(), bump in 0.1f64..500.0) {
        let sys = system();
        let data = dataset_from(&rows);
        let u = (seed as usize) % data.n_units();
        let i = (seed as usize / 7) % 16;
        prop_assume!(data.get(u, i).is_some());
        let mut s = Scenario::default_for(&sys);
        s.dimension_weights = vec![3.0, 1.0, 2.0, 1.0, 1.0];
        let before = score(&sys, &data, &s).unwrap();
        let mut raised = data.clone();
        raised.set(u, i, data.get(u, i).map(|v| v + bump));
        let after = score(&sys, &raised, &s).unwrap();
        prop_assume!(!before.composite[u].is_nan());
        prop_assert!(after.composite[u] >= before.composite[u] - 1e-9);
    }

    #[test]
    fn reordering_rows_changes_nothing_including_tie_order((rows, seed) in arbitrary_data()) {
        let sys = system();
        let data = dataset_from(&rows);
        let mut perm: Vec<usize> = (0..rows.len()).collect();
        perm.rotate_left(seed as usize % rows.len());
        perm.reverse();
        let mut shuffled = data.clone();
        shuffled.units = perm.iter().map(|&p| data.units[p].clone()).collect();
        for (new, &old) in perm.iter().enumerate() {
            for i in 0..16 {
                shuffled.set(new, i, data.get(old, i));
            }
        }
        let s = Scenario::default_for(&sys);
        let a = score(&sys, &data, &s).unwrap();
        let b = score(&sys, &shuffled, &s).unwrap();
        let codes = |r: &fjindex::score::Ranking, d: &Dataset| r.order.iter().map(|&u| (d.units[u].adcode.clone(), r.rank[u])).collect::<Vec<_>>();
        prop_assert_eq!(codes(&a, &data), codes(&b, &shuffled));
    }

    #[test]
    fn tie_keys_round_half_away_from_zero_like_f64_round(
        x in prop_oneof![
            any::<f64>(),
            -1e4f64..1e4,
            (-4_000_000i64..4_000_000).prop_map(|h| h as f64 * 5e-10),
        ]
    ) {
        prop_assert_eq!(tie_key(x), (x * 1e9).round() as i64);
    }

    #[test]
    fn no_nan_from_constant_or_missing_columns(n in 2usize..10, constant in 0.0f64..100.0) {
        let sys = system();
        // Column 1 is missing everywhere, every third column is constant.
        let data = synthetic(n, |u, i| match i {
            1 => None,
            _ if i % 3 == 0 => Some(constant),
            _ => Some((u * i) as f64),
        });
        for norm in [Normalisation::MinMax, Normalisation::Efficacy, Normalisation::ZScore, Normalisation::Rank] {
            let s = Scenario { normalisation: norm, ..Scenario::default_for(&sys) };
            let r = score(&sys, &data, &s).unwrap();
            for u in 0..n {
                prop_assert!(r.composite[u].is_finite() || r.rank[u] == 0);
                for d in 0..5 {
                    let v = r.dimension_score(u, d);
                    prop_assert!(v.is_finite() || r.unranked.iter().any(|(x, _)| *x == u));
                }
            }
        }
    }
}
