//! The scoring engine of the Fujian county key-industrial-chain development index: the model, the
//! methods, scoring, the analyses that need no solver, Monte Carlo, charts, the page's state and the
//! data formats that are plain text (wide CSV, share links, saved data sets).
//!
//! No web, file-format or solver dependency: the page's WebAssembly module (`fjindex-web`) links this
//! crate and nothing that reads workbooks or solves mixed-integer programs.

pub mod analysis;
pub mod audit_report;
pub mod brief;
pub mod chart;
pub mod data;
pub mod echo;
pub mod embed_api;
pub mod i18n;
pub mod json;
pub mod method;
pub mod model;
pub mod scenarios;
pub mod score;
pub mod share;
pub mod sorting;
pub mod state;
pub mod summary;
pub mod system_check;
pub mod tools_api;
pub mod validate;

/// The settings of every property test in this crate: `cases` cases unless `PROPTEST_CASES` asks for
/// more or fewer, the seed `PROPTEST_RNG_SEED` gives (fixed under CI by `scripts/test.sh`, random
/// otherwise), and each failing case saved under `crates/engine/proptest-regressions/` (the path of its
/// source file below `src/`, as `.txt`), replayed first on every later run.
#[cfg(test)]
pub(crate) fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    use proptest::test_runner::{Config, FileFailurePersistence};
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::SourceParallel(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}
