//! The in-browser calculator: the Yew interface (`ui`, built for wasm32 only) of the page's module and of
//! its on-demand panels module, on top of the engine alone.
//!
//! The interface reaches the engine's modules by their usual paths (`crate::model`, `crate::state`, ...):
//! they are imported here at the crate's root.

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
use fjindex_engine::{
    analysis, audit_report, brief, chart, data, echo, embed_api, i18n, json, method, model,
    scenarios, score, share, sorting, state, summary, tools_api, validate,
};
