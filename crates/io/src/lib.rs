//! Files in and out: importing a user's CSV or workbook (calamine, zip, quick-xml, flate2, encoding_rs)
//! and writing XLSX files.
//!
//! `data` is the engine's `data` with the file-format modules added, so that
//! `fjindex_io::data::export` holds both the engine's exports and their XLSX files.

pub mod data {
    pub use fjindex_engine::data::*;

    pub mod export;
    pub mod import;
    pub mod system_sheet;
    pub mod xlsx_writer;
}

use fjindex_engine::{json, model, sorting, system_check, tools_api};
