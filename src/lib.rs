//! Fujian county key-industrial-chain development index: scoring engine, data, analyses, charts and the web UI.
//!
//! Everything outside `ui` is pure Rust; `ui` is the only module that touches the browser, and it too builds
//! natively, where it renders the page's first screen at build time (src/bin/finish-page.rs).

pub mod analysis;
pub mod audit_report;
pub mod brief;
pub mod calibration;
pub mod chart;
pub mod cli;
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

pub mod ui;

/// The settings of every property test in `src/`: `cases` cases unless `PROPTEST_CASES` asks for more
/// or fewer, the seed `PROPTEST_RNG_SEED` gives (fixed under CI by `scripts/test.sh`, random
/// otherwise), and each failing case saved under `proptest-regressions/` (the path of its source file
/// below `src/`, as `.txt`), replayed first on every later run.
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
