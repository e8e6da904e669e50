//! The in-browser calculator: the Yew interface (`ui`) of the page's module and of its on-demand panels
//! module, on top of the engine alone. Built natively, it renders the default page at build time.
//!
//! The interface reaches the engine's modules by their usual paths (`crate::model`, `crate::state`, ...):
//! they are imported here at the crate's root.

pub mod ui;

use fjindex_engine::{
    analysis, audit_report, brief, chart, data, echo, embed_api, i18n, json, method, model,
    scenarios, score, share, sorting, state, summary, tools_api, validate,
};
