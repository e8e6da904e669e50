//! Fujian county key-industrial-chain development index: the command line and the crate every test,
//! benchmark and fuzz target uses, with each module at the path it had before the workspace split.
//!
//! The work is done by the workspace's crates (ARCHITECTURE.md, "Crates"): `fjindex-engine` (model,
//! methods, scoring, analyses without a solver, charts, state), `fjindex-exact` (the mixed-integer
//! analyses and the calibration), `fjindex-io` (import and XLSX) and `fjindex-tools` (the page's
//! on-demand tools module). This crate re-exports their modules and adds the command line (`cli`).

pub use fjindex_engine::{
    audit_report, brief, chart, echo, embed_api, i18n, json, method, model, scenarios, score,
    share, sorting, state, summary, system_check, validate,
};
pub use fjindex_exact::calibration;
pub use fjindex_io::data;
pub use fjindex_tools::tools_api;

pub mod analysis {
    //! The analyses: the engine's, the exact ones (`bounds`, `plan`, `reach`) and the text of the
    //! command line's analysis commands (`cli`).

    pub use fjindex_exact::analysis::*;

    pub mod cli;
}
pub mod cli;
