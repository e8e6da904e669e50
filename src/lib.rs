//! Fujian county key-industrial-chain development index: scoring engine, data, analyses, charts and the web UI.
//!
//! Everything outside `ui` is pure Rust and builds natively; `ui` is the only module that touches the browser.

pub mod analysis;
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
pub mod score;
pub mod share;
pub mod sorting;
pub mod state;
pub mod summary;
pub mod tools_api;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod ui;
