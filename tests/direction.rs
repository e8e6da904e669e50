//! Direction: a lower-is-better indicator is scored as the mirror image of the same column read as
//! higher-is-better, in every normalisation, and the weights derived from the data see it turned.

mod common;

use common::{synthetic, system};
use fjindex::model::*;
use fjindex::score::score;

fn with_lower_is_better(ids: &[&str]) -> IndicatorSystem {
    let mut system = system();
    for indicator in &mut system.indicators {
        if ids.contains(&indicator.id.as_str()) {
            indicator.higher_is_better = false;
        }
    }
    system
}

/// Twelve units with distinct values in every column (so percentile ranks have no ties).
fn distinct() -> Dataset {
    synthetic(12, |u, i| {
        Some(((u * 7 + i * 3) % 12) as f64 * 1.5 + (i as f64) * 0.1)
    })
}

#[test]
fn a_lower_is_better_indicator_is_the_mirror_image_in_every_normalisation() {
    let up = system();
    let down = with_lower_is_better(&["rd_intensity"]);
    let i = up.indicator_index("rd_intensity").unwrap();
    let data = distinct();
    for &normalisation in Normalisation::ALL {
        let mut scenario = Scenario::default_for(&up);
        scenario.normalisation = normalisation;
        let a = score(&up, &data, &scenario).unwrap();
        let b = score(&down, &data, &scenario).unwrap();
        // Each method maps [worst, best] onto a fixed interval whose ends sum to `ends`.
        let ends = match normalisation {
            Normalisation::Efficacy => 160.0,
            _ => 100.0,
        };
        for u in 0..data.n_units() {
            let (x, y) = (a.normalised_value(u, i), b.normalised_value(u, i));
            assert!(
                (x + y - ends).abs() < 1e-9,
                "{normalisation:?} unit {u}: {x} and {y}"
            );
            for other in (0..up.n_indicators()).filter(|&k| k != i) {
                assert_eq!(a.normalised_value(u, other), b.normalised_value(u, other));
            }
        }
    }
}

#[test]
fn a_reading_of_one_column_lower_is_better_reverses_its_order_under_goalposts_with_log() {
    let down = with_lower_is_better(&["new_patents"]);
    let i = down.indicator_index("new_patents").unwrap();
    let data = distinct();
    let mut scenario = Scenario::default_for(&down);
    scenario.normalisation = Normalisation::Goalposts;
    scenario.treatments[i] = Treatment::Log;
    let ranking = score(&down, &data, &scenario).unwrap();
    let raw = data.column(i);
    for u in 0..data.n_units() {
        for v in 0..data.n_units() {
            if raw[u] < raw[v] {
                assert!(ranking.normalised_value(u, i) >= ranking.normalised_value(v, i));
            }
        }
    }
}

/// The data and weights of `tests/data/direction_weights.py` (numpy, from the README's formulas).
fn oracle() -> (Dataset, serde_json::Value) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/");
    let text = std::fs::read_to_string(format!("{dir}direction_weights.csv")).unwrap();
    let rows: Vec<Vec<f64>> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(|v| v.parse().unwrap()).collect())
        .collect();
    let data = synthetic(rows.len(), |u, i| Some(rows[u][i]));
    let json = std::fs::read_to_string(format!("{dir}direction_weights.json")).unwrap();
    (data, serde_json::from_str(&json).unwrap())
}

#[test]
fn entropy_and_critic_weights_with_lower_is_better_indicators_match_numpy() {
    let (data, expected) = oracle();
    let lower: Vec<&str> = expected["lower_is_better"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let system = with_lower_is_better(&lower);
    for (weighting, key) in [
        (Weighting::Entropy, "entropy"),
        (Weighting::Critic, "critic"),
    ] {
        let mut scenario = Scenario::default_for(&system);
        scenario.weighting = weighting;
        let ranking = score(&system, &data, &scenario).unwrap();
        for (k, indicator) in system.indicators.iter().enumerate() {
            let want = expected[key][&indicator.id].as_f64().unwrap();
            let got = ranking.weights.indicator[k];
            assert!(
                (got - want).abs() < 1e-12,
                "{key} {}: {got} vs numpy {want}",
                indicator.id
            );
        }
    }
    // Read the other way round, the weights differ: the oracle is not direction-blind.
    let mut scenario = Scenario::default_for(&system);
    scenario.weighting = Weighting::Critic;
    let up = score(&common::system(), &data, &scenario).unwrap();
    let id = lower[0];
    let k = system.indicator_index(id).unwrap();
    assert!((up.weights.indicator[k] - expected["critic"][id].as_f64().unwrap()).abs() > 1e-6);
}
