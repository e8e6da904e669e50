//! Exports as XLSX files: the ranking workbook and the import template, written from the sheets the
//! engine's `data::export` builds (everything else about exports is there and re-exported here).

pub use fjindex_engine::data::export::*;

use super::xlsx_writer;
use crate::model::{IndicatorSystem, Unit};

/// The ranking as an XLSX workbook: the table, then a sheet on data, method and weights.
pub trait RankingXlsx {
    fn xlsx(&self) -> Vec<u8>;
}

impl RankingXlsx for RankingExport<'_> {
    fn xlsx(&self) -> Vec<u8> {
        xlsx_writer::write(&self.xlsx_sheets())
    }
}

/// The import template as XLSX: the data sheet, then a sheet describing each indicator.
pub fn template_xlsx(system: &IndicatorSystem, counties: &[Unit]) -> Vec<u8> {
    xlsx_writer::write(&template_sheets(system, counties))
}
