//! Analytic hierarchy process (层次分析法): weights from the principal eigenvector of a pairwise comparison
//! matrix, and Saaty's consistency ratio.

use crate::i18n::{tf, Key};
use serde::Serialize;

/// Saaty's random consistency index RI for n = 1..=10 (Saaty, *The Analytic Hierarchy Process*, 1980,
/// Table 1.7; the values most Chinese textbooks reprint).
pub const SAATY_RANDOM_INDEX: [f64; 10] =
    [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/// Above this consistency ratio a comparison matrix is considered inconsistent.
pub const CR_THRESHOLD: f64 = 0.1;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AhpResult {
    pub weights: Vec<f64>,
    pub lambda_max: f64,
    pub consistency_index: f64,
    pub consistency_ratio: f64,
}

impl AhpResult {
    pub fn is_consistent(&self) -> bool {
        self.consistency_ratio < CR_THRESHOLD
    }
}

/// Why a comparison matrix was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum AhpError {
    Size { expected: usize, got: usize },
    NotPositive { row: usize, col: usize },
    OffScale { row: usize, col: usize, value: f64 },
    NotReciprocal { row: usize, col: usize },
}

impl AhpError {
    pub fn message(&self, lang: crate::model::Lang) -> String {
        // Rows and columns are counted from 1 for the reader.
        let cell = |row: usize, col: usize| [(row + 1).to_string(), (col + 1).to_string()];
        match self {
            AhpError::Size { expected, got } => tf(
                lang,
                Key::ScoreAhpSize,
                &[&expected.to_string(), &got.to_string()],
            ),
            AhpError::NotPositive { row, col } => {
                let [r, c] = cell(*row, *col);
                tf(lang, Key::ScoreAhpNotPositive, &[&r, &c])
            }
            AhpError::OffScale { row, col, value } => {
                let [r, c] = cell(*row, *col);
                tf(lang, Key::ScoreAhpOffScale, &[&r, &c, &value.to_string()])
            }
            AhpError::NotReciprocal { row, col } => {
                let [r, c] = cell(*row, *col);
                tf(lang, Key::ScoreAhpNotReciprocal, &[&r, &c])
            }
        }
    }
}

/// Fills the lower triangle with reciprocals of the upper one and sets the diagonal to 1.
pub fn complete_reciprocals(matrix: &mut [f64], n: usize) {
    for r in 0..n {
        matrix[r * n + r] = 1.0;
        for c in r + 1..n {
            matrix[c * n + r] = 1.0 / matrix[r * n + c];
        }
    }
}

/// Validates a row-major n x n matrix and computes the AHP weights by power iteration.
pub fn weights(matrix: &[f64], n: usize) -> Result<AhpResult, AhpError> {
    if matrix.len() != n * n {
        return Err(AhpError::Size {
            expected: n * n,
            got: matrix.len(),
        });
    }
    for r in 0..n {
        for c in 0..n {
            let v = matrix[r * n + c];
            if !(v.is_finite() && v > 0.0) {
                return Err(AhpError::NotPositive { row: r, col: c });
            }
            if !(1.0 / 9.0 - 1e-9..=9.0 + 1e-9).contains(&v) {
                return Err(AhpError::OffScale {
                    row: r,
                    col: c,
                    value: v,
                });
            }
            if (v * matrix[c * n + r] - 1.0).abs() > 1e-3 {
                return Err(AhpError::NotReciprocal { row: r, col: c });
            }
        }
    }
    let mut w = vec![1.0 / n as f64; n];
    let mut lambda = n as f64;
    for _ in 0..1000 {
        let next: Vec<f64> = (0..n)
            .map(|r| (0..n).map(|c| matrix[r * n + c] * w[c]).sum())
            .collect();
        let sum: f64 = next.iter().sum();
        lambda = sum;
        let next: Vec<f64> = next.into_iter().map(|v| v / sum).collect();
        let delta: f64 = next.iter().zip(&w).map(|(a, b)| (a - b).abs()).sum();
        w = next;
        if delta < 1e-14 {
            break;
        }
    }
    let ci = if n > 1 {
        (lambda - n as f64) / (n as f64 - 1.0)
    } else {
        0.0
    };
    let ri = SAATY_RANDOM_INDEX
        .get(n.wrapping_sub(1))
        .copied()
        .unwrap_or(1.49);
    let cr = if ri > 0.0 { ci / ri } else { 0.0 };
    Ok(AhpResult {
        weights: w,
        lambda_max: lambda,
        consistency_index: ci,
        consistency_ratio: cr,
    })
}
