//! AHP against published worked examples, the consistency theory, and the `fjindex ahp` text.
//!
//! Worked examples: T. L. Saaty (1990), "How to make a decision: The analytic hierarchy process",
//! European Journal of Operational Research 48(1), 9-26, the house-buying example. The paper prints
//! priorities to three decimals with lambda_max, C.I. and C.R.; the random index is Saaty's (1980) table,
//! which `method::ahp::SAATY_RANDOM_INDEX` holds (RI = 0.58 for n = 3, 1.41 for n = 8).

use fjindex::analysis::cli::{ahp_json, parse_matrix};
use fjindex::data::seeds;
use fjindex::method::ahp::{weights, AhpError, SAATY_RANDOM_INDEX};

fn matrix(rows: &str) -> (Vec<f64>, usize) {
    let n = rows.lines().filter(|l| !l.trim().is_empty()).count();
    (parse_matrix(rows, n).expect("valid matrix"), n)
}

fn assert_close(got: &[f64], published: &[f64], tol: f64) {
    assert_eq!(got.len(), published.len());
    for (g, p) in got.iter().zip(published) {
        assert!((g - p).abs() <= tol, "got {got:?}, published {published:?}");
    }
}

/// Saaty (1990), the eight criteria of buying a house (size, bus, neighbourhood, age, yard, modern
/// facilities, general condition, financing): priorities .173 .054 .188 .018 .031 .036 .167 .333,
/// lambda_max = 9.669, C.I. = 0.238, C.R. = 0.169 (an inconsistent matrix above the 0.1 threshold).
#[test]
fn saaty_1990_house_criteria() {
    let (m, n) = matrix(
        "1   5   3   7   6   6   1/3 1/4
         1/5 1   1/3 5   3   3   1/5 1/7
         1/3 3   1   6   3   4   6   1/5
         1/7 1/5 1/6 1   1/3 1/4 1/7 1/8
         1/6 1/3 1/3 3   1   1/2 1/5 1/6
         1/6 1/3 1/4 4   2   1   1/5 1/6
         3   5   1/6 7   5   5   1   1/2
         4   7   5   8   6   6   2   1",
    );
    let r = weights(&m, n).unwrap();
    assert_close(
        &r.weights,
        &[0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333],
        0.0005,
    );
    assert!(
        (r.lambda_max - 9.669).abs() < 0.0005,
        "lambda_max {}",
        r.lambda_max
    );
    assert!((r.consistency_index - 0.238).abs() < 0.0005);
    assert!((r.consistency_ratio - 0.169).abs() < 0.0005);
    assert!(!r.is_consistent());
}

/// Saaty (1990), the three houses compared on size: priorities .754 .181 .065, lambda_max = 3.136,
/// C.I. = 0.068, C.R. = 0.117.
#[test]
fn saaty_1990_size_of_house() {
    let (m, n) = matrix("1 6 8\n1/6 1 4\n1/8 1/4 1");
    let r = weights(&m, n).unwrap();
    assert_close(&r.weights, &[0.754, 0.181, 0.065], 0.0005);
    assert!((r.lambda_max - 3.136).abs() < 0.0005);
    assert!((r.consistency_index - 0.068).abs() < 0.0005);
    assert!((r.consistency_ratio - 0.117).abs() < 0.0005);
}

/// A consistent matrix a_ij = w_i / w_j has w as its principal eigenvector, lambda_max = n and CR = 0
/// (Saaty 1980, ch. 1); this is the theory the examples above perturb.
#[test]
fn consistent_matrices_recover_their_weights() {
    let w = [0.4, 0.25, 0.15, 0.12, 0.08];
    let m: Vec<f64> = (0..25).map(|k| w[k / 5] / w[k % 5]).collect();
    let r = weights(&m, 5).unwrap();
    assert_close(&r.weights, &w, 1e-12);
    assert!((r.lambda_max - 5.0).abs() < 1e-9);
    assert!(r.consistency_ratio.abs() < 1e-9 && r.is_consistent());
    assert_eq!(SAATY_RANDOM_INDEX[4], 1.12);
}

#[test]
fn the_three_matrix_forms_agree() {
    let full = parse_matrix("1 3 5\n1/3 1 2\n1/5 1/2 1", 3).unwrap();
    let upper_with_diagonal = parse_matrix("1 3 5\n1 2\n1", 3).unwrap();
    let upper = parse_matrix("# upper triangle\n3, 5\n2\n", 3).unwrap();
    assert_eq!(full, upper_with_diagonal);
    assert_eq!(full, upper);
    assert!(parse_matrix("1 3\n1/3 1\n1", 3).is_err());
    assert!(parse_matrix("1 x 5\n1 2\n1", 3)
        .unwrap_err()
        .contains("'x'"));
    assert!(parse_matrix("2 3 5\n1 2\n1", 3)
        .unwrap_err()
        .contains("diagonal"));
    // A full matrix that is not reciprocal is refused by the engine, not silently repaired.
    let bad = parse_matrix("1 3 5\n1 1 2\n1/5 1/2 1", 3).unwrap();
    assert!(matches!(
        weights(&bad, 3),
        Err(AhpError::NotReciprocal { .. })
    ));
}

#[test]
fn ahp_command_prints_dimension_weights_and_consistency() {
    let system = seeds::indicator_system();
    let text = ahp_json(&system, "3 1 2 4\n1/3 1 2\n2 3\n2\n").unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let w: Vec<f64> = system
        .dimensions
        .iter()
        .map(|d| v["weights"][&d.id].as_f64().unwrap())
        .collect();
    assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    assert!(
        w[0] > w[1],
        "industry was judged 3 times as important as innovation"
    );
    let cr = v["cr"].as_f64().unwrap();
    assert_eq!(v["consistent"], cr < 0.1);
    assert!(
        (v["ci"].as_f64().unwrap() - (v["lambda_max"].as_f64().unwrap() - 5.0) / 4.0).abs() < 1e-12
    );
    assert!(ahp_json(&system, "1 2\n1/2 1").is_err());
    assert!(ahp_json(&system, "10 1 1 1\n1 1 1\n1 1\n1")
        .unwrap_err()
        .contains("scale"));
}
