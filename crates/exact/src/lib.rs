//! The exact analyses of the index, each a mixed-integer or linear programme solved with good_lp's
//! pure-Rust microlp backend: best and worst ranks, weight reach, the cheapest plan across indicators,
//! and the calibration of the bundled estimates.
//!
//! `analysis` is the engine's `analysis` with the solving modules added, so that
//! `fjindex_exact::analysis::bounds` holds both the engine's result types and the search.

pub mod analysis {
    pub use fjindex_engine::analysis::*;

    pub mod bounds;
    pub mod lp;
    pub mod plan;
    pub mod reach;
}
pub mod calibration;

use fjindex_engine::{data, method, model, score, sorting};
