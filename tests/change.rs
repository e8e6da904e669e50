//! Editions and year-over-year change: pooled scaling, the split of a rank change into the county's own
//! part and the others' part, and the split of a score change into per-indicator contributions.

mod common;

use common::{arbitrary_data, dataset_from, proptest_config, synthetic, system};
use fjindex::analysis::change::{edition_change, NoContributions};
use fjindex::model::*;
use fjindex::score::{score, score_editions};
use proptest::prelude::*;

fn linear_scenario() -> impl Strategy<Value = Scenario> {
    (
        prop::sample::select(vec![
            Normalisation::MinMax,
            Normalisation::Efficacy,
            Normalisation::ZScore,
            Normalisation::Goalposts,
        ]),
        prop::sample::select(vec![
            Weighting::Manual,
            Weighting::Equal,
            Weighting::Entropy,
            Weighting::Critic,
        ]),
        prop::collection::vec(1.0f64..100.0, 5),
    )
        .prop_map(|(normalisation, weighting, dims)| {
            let mut s = Scenario::default_for(&system());
            s.normalisation = normalisation;
            s.weighting = weighting;
            s.dimension_weights = dims;
            s
        })
}

fn any_scenario() -> impl Strategy<Value = Scenario> {
    (
        linear_scenario(),
        prop::sample::select(vec![Normalisation::MinMax, Normalisation::Rank]),
        prop::sample::select(vec![Aggregation::Arithmetic, Aggregation::Geometric]),
    )
        .prop_map(|(mut s, normalisation, aggregation)| {
            if normalisation == Normalisation::Rank {
                s.normalisation = normalisation;
            }
            s.aggregation = aggregation;
            s
        })
}

/// Two editions over overlapping units: the later one lacks the earlier one's first unit (gone) and
/// has one of its own in its place (new).
fn two_editions() -> impl Strategy<Value = (Dataset, Dataset)> {
    (arbitrary_data(), arbitrary_data()).prop_map(|((a, _), (b, _))| {
        let mut to = dataset_from(&b);
        to.units[0].adcode = "999999".into();
        (dataset_from(&a), to)
    })
}

proptest! {
    #![proptest_config(proptest_config(64))]

    #[test]
    fn contributions_sum_to_the_score_change((from, to) in two_editions(), scenario in linear_scenario()) {
        let sys = system();
        let Ok(change) = edition_change(&sys, &from, &to, &scenario, Scaling::Pooled) else {
            return Ok(());
        };
        prop_assert!(change.contributions.is_ok());
        for row in &change.rows {
            let c = row.contributions.as_ref().expect("contributions under pooled linear scaling");
            let sum: f64 = c.iter().sum();
            prop_assert!((sum - row.score_change).abs() < 1e-9 * (1.0 + row.score_change.abs()),
                "{}: {sum} vs {}", row.adcode, row.score_change);
        }
    }

    #[test]
    fn the_rank_parts_sum_to_the_rank_change(
        (from, to) in two_editions(),
        scenario in any_scenario(),
        pooled in any::<bool>(),
    ) {
        let sys = system();
        let scaling = if pooled { Scaling::Pooled } else { Scaling::Each };
        let Ok(change) = edition_change(&sys, &from, &to, &scenario, scaling) else {
            return Ok(());
        };
        for row in &change.rows {
            prop_assert_eq!(row.rank_own + row.rank_others, row.rank_change as f64);
            prop_assert_eq!((row.rank_own * 2.0).fract(), 0.0, "whole or half places");
            prop_assert_eq!(row.rank_change, row.rank_from as i32 - row.rank_to as i32);
        }
    }

    #[test]
    fn pooled_scaling_of_one_edition_alone_is_scaling_it_on_its_own(
        ((rows, _), scenario) in (arbitrary_data(), any_scenario()),
    ) {
        let sys = system();
        let data = dataset_from(&rows);
        let alone = score(&sys, &data, &scenario);
        let pooled = score_editions(&sys, &[&data], &scenario, Scaling::Pooled)
            .map(|mut editions| editions.remove(0));
        // Compared by their printed form, in which NaN (a missing value) equals NaN.
        prop_assert_eq!(format!("{pooled:?}"), format!("{alone:?}"));
    }
}

/// Ten units whose indicator values rise with the unit number, so unit 9 ranks first.
fn ladder(bump: impl Fn(usize, usize) -> f64) -> Dataset {
    synthetic(10, |u, i| Some(10.0 * u as f64 + i as f64 + bump(u, i)))
}

#[test]
fn a_county_that_alone_changed_owes_its_whole_move_to_its_own_data() {
    let sys = system();
    let from = ladder(|_, _| 0.0);
    // Unit 2 jumps past units 3 to 6; nobody else changes.
    let to = ladder(|u, _| if u == 2 { 45.0 } else { 0.0 });
    let scenario = Scenario::default_for(&sys);
    let change = edition_change(&sys, &from, &to, &scenario, Scaling::Pooled).unwrap();
    let row = change.rows.iter().find(|r| r.adcode == "100002").unwrap();
    assert_eq!((row.rank_from, row.rank_to), (8, 4));
    assert_eq!((row.rank_own, row.rank_others), (4.0, 0.0));
    let passed = change.rows.iter().find(|r| r.adcode == "100005").unwrap();
    assert_eq!(
        (passed.rank_change, passed.rank_own, passed.rank_others),
        (-1, 0.0, -1.0)
    );
    // Every indicator rose by 45 on a pooled min-max scale over 0..135 (+ i): equal weights within each
    // dimension, so each contribution is the dimension's weight times its indicator's share of 45/range.
    let contributions = row.contributions.as_ref().unwrap();
    assert!(contributions.iter().all(|&c| c > 0.0));
    let sum: f64 = contributions.iter().sum();
    assert!((sum - row.score_change).abs() < 1e-12);
}

#[test]
fn under_scaling_each_a_county_passed_by_everyone_owes_its_fall_to_the_others() {
    let sys = system();
    let from = ladder(|_, _| 0.0);
    // Everyone but unit 7 doubles; unit 7 keeps its values and falls below 4, 5 and 6.
    let to = ladder(|u, i| {
        if u == 7 {
            0.0
        } else {
            10.0 * u as f64 + i as f64
        }
    });
    let scenario = Scenario::default_for(&sys);
    let change = edition_change(&sys, &from, &to, &scenario, Scaling::Each).unwrap();
    let row = change.rows.iter().find(|r| r.adcode == "100007").unwrap();
    assert_eq!((row.rank_from, row.rank_to), (3, 6));
    assert_eq!(row.rank_own, 0.0);
    assert_eq!(row.rank_others, -3.0);
    assert_eq!(change.contributions, Err(NoContributions::ScaledEach));
    assert!(row.contributions.is_none());
}

#[test]
fn counties_in_one_edition_only_are_listed_as_new_or_gone_not_as_movers() {
    let sys = system();
    let from = ladder(|_, _| 0.0);
    let mut to = synthetic(11, |u, i| Some(10.0 * u as f64 + i as f64));
    to.units.remove(0);
    let to = {
        let mut d = Dataset::new(DatasetMeta::default(), to.units.clone(), 16);
        for u in 0..10 {
            for i in 0..16 {
                d.set(u, i, Some(10.0 * (u + 1) as f64 + i as f64));
            }
        }
        d
    };
    let change = edition_change(
        &sys,
        &from,
        &to,
        &Scenario::default_for(&sys),
        Scaling::Pooled,
    )
    .unwrap();
    assert_eq!(change.rows.len(), 9);
    let sides: Vec<(&str, &str)> = change
        .unmatched
        .iter()
        .map(|u| (u.adcode.as_str(), u.side.id()))
        .collect();
    assert_eq!(sides, [("100000", "gone"), ("100010", "new")]);
}
