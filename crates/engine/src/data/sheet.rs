//! The sheets of a workbook as data: text and number cells, a number format per column, column widths
//! and an optional frozen header. The page builds them and the XLSX writer (`fjindex-io`'s
//! `data::xlsx_writer`) turns them into a file.

use serde::{Deserialize, Serialize};

/// One cell to write.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum XCell {
    Empty,
    Text(String),
    /// A number; NaN and infinities are written as empty cells.
    Number(#[serde(with = "crate::model::nan_as_null::one")] f64),
}

impl From<&str> for XCell {
    fn from(s: &str) -> Self {
        XCell::Text(s.to_string())
    }
}
impl From<String> for XCell {
    fn from(s: String) -> Self {
        XCell::Text(s)
    }
}
impl From<f64> for XCell {
    fn from(v: f64) -> Self {
        XCell::Number(v)
    }
}

/// How a number cell is shown; the cell keeps its full value either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumberFormat {
    /// The spreadsheet's general format.
    #[default]
    General,
    /// A whole number (`0`).
    Integer,
    /// Two decimals (`0.00`).
    TwoDecimals,
}

impl NumberFormat {
    /// The index of the cell format in the XLSX writer's `cellXfs` for a number below the header.
    pub fn style(self) -> u32 {
        match self {
            NumberFormat::General => 0,
            NumberFormat::Integer => 2,
            NumberFormat::TwoDecimals => 3,
        }
    }
}

/// A worksheet; its first row is drawn bold, and `widths` sets column widths in characters.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<XCell>>,
    pub widths: Vec<f64>,
    /// How the numbers of each column below the header are shown (a missing entry: general).
    #[serde(default)]
    pub number_formats: Vec<NumberFormat>,
    /// Keeps the header row in view while the rest scrolls.
    #[serde(default)]
    pub freeze_header: bool,
}
