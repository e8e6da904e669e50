//! The reusable scorer: one scorer and one ranking reused across scenarios give what fresh scoring gives.

mod common;

use common::{arbitrary_data, dataset_from, system};
use fjindex::model::*;
use fjindex::score::{score, Ranking, Scorer};
use proptest::prelude::*;

/// Any scenario the page can set for the bundled indicator system, including unscorable ones.
fn scenario() -> impl Strategy<Value = Scenario> {
    let treatment = prop_oneof![
        Just(Treatment::None),
        Just(Treatment::Log),
        Just(Treatment::Winsorise {
            lower: 5.0,
            upper: 95.0
        }),
    ];
    (
        prop::sample::select(vec![
            Normalisation::MinMax,
            Normalisation::Efficacy,
            Normalisation::ZScore,
            Normalisation::Rank,
        ]),
        prop::sample::select(vec![Aggregation::Arithmetic, Aggregation::Geometric]),
        prop::sample::select(vec![
            Weighting::Manual,
            Weighting::Equal,
            Weighting::Entropy,
            Weighting::Critic,
        ]),
        prop::collection::vec(prop_oneof![Just(0.0), 0.0f64..100.0], 5),
        prop::collection::vec(prop_oneof![Just(0.0), 0.0f64..100.0], 16),
        prop::collection::vec(treatment, 16),
    )
        .prop_map(
            |(normalisation, aggregation, weighting, dims, inds, treatments)| {
                let mut s = Scenario::default_for(&system());
                s.normalisation = normalisation;
                s.aggregation = aggregation;
                s.weighting = weighting;
                s.dimension_weights = dims;
                s.indicator_weights = inds;
                s.treatments = treatments;
                s
            },
        )
}

/// Results compared by their printed form, in which NaN equals NaN.
fn printed(r: &Result<impl std::fmt::Debug, impl std::fmt::Debug>) -> String {
    format!("{r:?}")
}

proptest! {
    #![proptest_config(common::proptest_config(96))]

    #[test]
    fn a_reused_scorer_and_ranking_give_what_fresh_scoring_gives(
        (rows, _) in arbitrary_data(),
        scenarios in prop::collection::vec(scenario(), 1..5),
    ) {
        let system = system();
        let data = dataset_from(&rows);
        // The ranking first holds a larger data set's results, so every buffer has to be resized.
        let larger = dataset_from(&[rows.clone(), rows.clone()].concat());
        let mut reused = Ranking::default();
        Scorer::new(&larger).score_into(&system, &scenarios[0], &mut reused).ok();
        let mut scorer = Scorer::new(&data);
        for scenario in &scenarios {
            let fresh = score(&system, &data, scenario);
            let into = scorer.score_into(&system, scenario, &mut reused).map(|()| &reused);
            prop_assert_eq!(printed(&into), printed(&fresh.as_ref()));
            prop_assert_eq!(printed(&scorer.score(&system, scenario)), printed(&fresh));
        }
    }
}
