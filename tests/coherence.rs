//! The coherence check: correlations, Cronbach's alpha and principal components against scipy, pingouin
//! and numpy; the flags and the components' reading on constructed data; the check on a scenario's
//! values; and the `audit` command's JSON.

mod common;

use fjindex::analysis::coherence::{
    average_ranks, coherence, coherence_of, cronbach_alpha, pearson, principal_components,
    spearman, CoherenceFlag, CoherenceInput, ComponentReading,
};
use fjindex::model::{Normalisation, Scenario};
use fjindex::score::score;

const NAN: f64 = f64::NAN;

fn close(got: f64, expected: f64) -> bool {
    (got - expected).abs() <= 1e-12 * expected.abs().max(1.0)
}

/// The four columns of tests/data/coherence_oracle.csv (an empty cell is missing).
fn oracle_columns() -> Vec<Vec<f64>> {
    let text = include_str!("data/coherence_oracle.csv");
    let mut columns = vec![Vec::new(); 4];
    for line in text.lines().skip(1) {
        for (column, cell) in columns.iter_mut().zip(line.split(',')) {
            column.push(cell.parse().unwrap_or(NAN));
        }
    }
    columns
}

// Printed by tests/data/coherence_oracle.py with numpy 2.4.6, scipy 1.17.1, pingouin 0.7.0, pandas 3.1.1:
//   a b n=11 pearson=-0.9930617494857674 spearman=-0.990909090909091
//   a c n=12 pearson=0.9350911639778996 spearman=0.9507278005253983
//   a d n=12 pearson=-0.20169311141509996 spearman=-0.1281341650164046
//   b c n=11 pearson=-0.9366450557534935 spearman=-0.926644502314687
//   b d n=11 pearson=0.1979758726238123 spearman=0.06033798243299528
//   c d n=12 pearson=-0.08566767652883045 spearman=-0.007168873226989005
//   alpha abcd n=11 -11.010649627263023
//   alpha acd n=12 0.5191785390956307
//   eigenvalues [2.950685149502097, 0.9685706004940676, 0.07381989847130543, 0.006924351532530718]
//   first loadings [0.9911641365485766, -0.9913620912754095, 0.961918934172222, -0.24534052250909852]
const PAIRS: [(usize, usize, f64, f64); 6] = [
    (0, 1, -0.9930617494857674, -0.990909090909091),
    (0, 2, 0.9350911639778996, 0.9507278005253983),
    (0, 3, -0.20169311141509996, -0.1281341650164046),
    (1, 2, -0.9366450557534935, -0.926644502314687),
    (1, 3, 0.1979758726238123, 0.06033798243299528),
    (2, 3, -0.08566767652883045, -0.007168873226989005),
];

#[test]
fn correlations_match_scipy_over_pairwise_complete_units() {
    let columns = oracle_columns();
    for (a, b, r, rho) in PAIRS {
        let (x, y) = (&columns[a], &columns[b]);
        assert!(
            close(pearson(x, y), r),
            "pearson {a} {b}: {}",
            pearson(x, y)
        );
        assert!(close(pearson(y, x), r));
        assert!(
            close(spearman(x, y), rho),
            "spearman {a} {b}: {}",
            spearman(x, y)
        );
    }
}

#[test]
fn cronbach_alpha_matches_pingouin_over_complete_units() {
    let columns = oracle_columns();
    let all: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
    let (alpha, units) = cronbach_alpha(&all);
    assert_eq!(units, 11);
    assert!(close(alpha, -11.010649627263023), "{alpha}");
    let (alpha, units) = cronbach_alpha(&[&columns[0], &columns[2], &columns[3]]);
    assert_eq!(units, 12);
    assert!(close(alpha, 0.5191785390956307), "{alpha}");
    assert!(cronbach_alpha(&[&columns[0]]).0.is_nan());
    assert!(cronbach_alpha(&[&[1.0, 1.0], &[2.0, 2.0]]).0.is_nan());
}

#[test]
fn components_match_numpy_eigh() {
    let columns = oracle_columns();
    let correlation: Vec<f64> = (0..4)
        .flat_map(|a| (0..4).map(move |b| (a, b)))
        .map(|(a, b)| {
            if a == b {
                1.0
            } else {
                pearson(&columns[a], &columns[b])
            }
        })
        .collect();
    let c = principal_components(&correlation, 4).unwrap();
    let eigenvalues = [
        2.950685149502097,
        0.9685706004940676,
        0.07381989847130543,
        0.006924351532530718,
    ];
    let loadings = [
        0.9911641365485766,
        -0.9913620912754095,
        0.961918934172222,
        -0.24534052250909852,
    ];
    for (got, expected) in c.eigenvalues.iter().zip(eigenvalues) {
        assert!((got - expected).abs() < 1e-12, "{got} {expected}");
    }
    for (got, expected) in c.first_loadings.iter().zip(loadings) {
        assert!((got - expected).abs() < 1e-12, "{got} {expected}");
    }
    assert!(close(c.shares[0], eigenvalues[0] / 4.0));
    // 2.95 > 1 with 74% of the variance, and the second eigenvalue 0.97 is not above 1.
    assert_eq!(c.reading, ComponentReading::OneLatent);
}

#[test]
fn ties_take_the_average_of_their_ranks() {
    assert_eq!(
        average_ranks(&[3.0, 1.0, 3.0, 2.0, 3.0]),
        [4.0, 1.0, 4.0, 2.0, 4.0]
    );
    assert_eq!(average_ranks(&[5.0, 5.0]), [1.5, 1.5]);
}

#[test]
fn the_reading_follows_the_eigenvalue_and_share_thresholds() {
    // Three indicators all correlating 0.6: eigenvalues 1 + 2 * 0.6 = 2.2 (73%) and 0.4, 0.4.
    let equal = [1.0, 0.6, 0.6, 0.6, 1.0, 0.6, 0.6, 0.6, 1.0];
    let c = principal_components(&equal, 3).unwrap();
    assert!(close(c.eigenvalues[0], 2.2) && close(c.eigenvalues[2], 0.4));
    for loading in &c.first_loadings {
        assert!(close(*loading, (0.6f64 * 2.2 / 3.0 / 0.6).sqrt()));
    }
    assert_eq!(c.reading, ComponentReading::OneLatent);
    // Two unrelated pairs correlating 0.8: eigenvalues 1.8, 1.8, 0.2, 0.2.
    let pairs = [
        1.0, 0.8, 0.0, 0.0, 0.8, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.8, 0.0, 0.0, 0.8, 1.0,
    ];
    let c = principal_components(&pairs, 4).unwrap();
    assert_eq!(c.reading, ComponentReading::Several(2));
    // Four indicators with one pair correlating 0.5: the first eigenvalue 1.5 holds only 37.5%.
    let mut weak = [0.0; 16];
    for k in 0..4 {
        weak[k * 5] = 1.0;
    }
    weak[1] = 0.5;
    weak[4] = 0.5;
    let c = principal_components(&weak, 4).unwrap();
    assert!(close(c.eigenvalues[0], 1.5) && close(c.shares[0], 0.375));
    assert_eq!(c.reading, ComponentReading::NoDominant);
    assert!(principal_components(&[1.0], 1).is_none());
    assert!(principal_components(&[1.0, NAN, NAN, 1.0], 2).is_none());
}

#[test]
fn flags_trip_on_a_duplicate_an_opposed_pair_and_an_unrelated_indicator() {
    let n = 40;
    let base: Vec<f64> = (0..n).map(|u| u as f64).collect();
    // Dimension 0: x and a near copy of it (r > 0.9), and one that rises and falls with u mod 2 only
    // (unrelated to x). Dimension 1: y and its mirror image with a little noise (r < -0.4).
    let x = base.clone();
    let near_copy: Vec<f64> = base.iter().map(|v| v * 2.0 + (v * 7.0) % 3.0).collect();
    let unrelated: Vec<f64> = (0..n).map(|u| (u % 2) as f64).collect();
    let y: Vec<f64> = base.iter().map(|v| (v * 3.0) % 17.0).collect();
    let mirror: Vec<f64> = y.iter().map(|v| 20.0 - v + (v * 5.0) % 2.0).collect();
    let indicators = vec![x, near_copy, unrelated, y, mirror];
    let dimension_of = vec![0, 0, 0, 1, 1];
    let mean_of = |members: &[usize]| -> Vec<f64> {
        (0..n)
            .map(|u| members.iter().map(|&i| indicators[i][u]).sum::<f64>() / members.len() as f64)
            .collect()
    };
    // Dimension 1's score follows y alone, as it would with all its weight on y (the mean of a pair
    // pulling against each other hardly varies, and both would then be unrelated to it).
    let dimensions = vec![mean_of(&[0, 1, 2]), mean_of(&[3])];
    let index = mean_of(&[0, 1, 2, 3, 4]);
    let input = CoherenceInput {
        indicators: indicators.clone(),
        dimension_of,
        dimensions,
        index,
    };
    let checks = coherence_of(&input);
    let kinds: Vec<(&str, Vec<usize>)> = checks
        .flags
        .iter()
        .map(|f| match *f {
            CoherenceFlag::NearDuplicate { first, second, .. }
            | CoherenceFlag::Opposed { first, second, .. } => (f.id(), vec![first, second]),
            CoherenceFlag::WeakWithDimension { indicator, .. } => (f.id(), vec![indicator]),
        })
        .collect();
    assert!(kinds.contains(&("near_duplicate", vec![0, 1])), "{kinds:?}");
    assert!(kinds.contains(&("opposed", vec![3, 4])), "{kinds:?}");
    assert!(
        kinds.contains(&("weak_with_dimension", vec![2])),
        "{kinds:?}"
    );
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    for flag in &checks.flags {
        let r = match *flag {
            CoherenceFlag::NearDuplicate { first, second, r }
            | CoherenceFlag::Opposed { first, second, r } => {
                assert_eq!(r, pearson(&indicators[first], &indicators[second]));
                r
            }
            CoherenceFlag::WeakWithDimension { r, .. } => r,
        };
        assert!(!r.is_nan());
    }
}

#[test]
fn the_check_reads_normalised_direction_adjusted_values() {
    let system = common::system();
    let data = fjindex::data::seeds::bundle().data;
    let default = Scenario::default_for(&system);
    let minmax = coherence(&system, &score(&system, &data, &default).unwrap());
    // Pearson is unchanged by the z-score's affine map, and Spearman by the percentile ranks' monotone one.
    for (normalisation, check_pearson) in
        [(Normalisation::ZScore, true), (Normalisation::Rank, false)]
    {
        let scenario = Scenario {
            normalisation,
            ..default.clone()
        };
        let other = coherence(&system, &score(&system, &data, &scenario).unwrap());
        let (a, b) = if check_pearson {
            (&minmax.pearson.indicators, &other.pearson.indicators)
        } else {
            (&minmax.spearman.indicators, &other.spearman.indicators)
        };
        for (row_a, row_b) in a.iter().zip(b) {
            for (x, y) in row_a.iter().zip(row_b) {
                assert!((x - y).abs() < 1e-12, "{normalisation:?}: {x} {y}");
            }
        }
    }
    // Under the goalposts (the method that reads an indicator's direction), turning an indicator's
    // direction turns the sign of its correlations with the other indicators.
    let goalposts = Scenario {
        normalisation: Normalisation::Goalposts,
        ..default.clone()
    };
    let upright = coherence(&system, &score(&system, &data, &goalposts).unwrap());
    let mut reversed = system.clone();
    reversed.indicators[0].higher_is_better = false;
    let flipped = coherence(&reversed, &score(&reversed, &data, &goalposts).unwrap());
    for j in 1..system.n_indicators() {
        let (x, y) = (
            upright.pearson.indicators[0][j],
            flipped.pearson.indicators[0][j],
        );
        assert!((x + y).abs() < 1e-12, "{j}: {x} {y}");
    }
    assert_eq!(minmax.alpha_dimension.len(), 5);
    assert_eq!(minmax.alpha_index.units, 83);
}

#[test]
fn audit_json_carries_the_coherence_check_under_the_method_flags() {
    let out = common::fjindex(&["audit", "--format", "json", "--normalize", "zscore"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["method"]["normalisation"], "zscore");
    let c = &json["coherence"];
    assert_eq!(c["indicator_ids"].as_array().unwrap().len(), 16);
    for kind in ["pearson", "spearman"] {
        let matrix = c[kind]["indicators"].as_array().unwrap();
        assert_eq!(matrix.len(), 16);
        for (i, row) in matrix.iter().enumerate() {
            assert_eq!(row.as_array().unwrap().len(), 16);
            assert!((row[i].as_f64().unwrap() - 1.0).abs() < 1e-12);
        }
        assert_eq!(c[kind]["indicator_dimension"].as_array().unwrap().len(), 16);
        assert_eq!(c[kind]["indicator_index"].as_array().unwrap().len(), 16);
        assert_eq!(c[kind]["dimensions"].as_array().unwrap().len(), 5);
        assert_eq!(c[kind]["dimension_index"].as_array().unwrap().len(), 5);
    }
    assert!(c["flags"].is_array());
    assert!(c["alpha_index"].is_f64());
    let dimensions = c["dimensions"].as_array().unwrap();
    assert_eq!(dimensions.len(), 5);
    for d in dimensions {
        let k = d["indicator_ids"].as_array().unwrap().len();
        let eigenvalues = d["components"]["eigenvalues"].as_array().unwrap();
        assert_eq!(eigenvalues.len(), k);
        let sum: f64 = eigenvalues.iter().map(|v| v.as_f64().unwrap()).sum();
        assert!((sum - k as f64).abs() < 1e-9);
        assert_eq!(
            d["components"]["first_loadings"].as_array().unwrap().len(),
            k
        );
        assert!(d["components"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
    }

    let bad = common::fjindex(&["audit", "--weighting", "nonsense"]);
    assert!(!bad.status.success());
}
