//! The building blocks of the index method: treatment and normalisation of columns, weights and aggregation.

pub mod ahp;
pub mod jrc;
pub mod normalise;
pub mod weight;

/// Floor applied to dimension scores before geometric aggregation, on the 0-100 scale.
pub const GEOMETRIC_EPSILON: f64 = 0.1;

/// The constant a column with a single distinct value normalises to, per method (the scale's midpoint).
pub fn constant_column_score(method: crate::model::Normalisation) -> f64 {
    match method {
        crate::model::Normalisation::Efficacy => 80.0,
        _ => 50.0,
    }
}
