//! Data in and out: the bundled seeds, the wide CSV format, provenance of values and the published facts.

pub mod csv_text;
pub mod export;
pub mod export_name;
pub mod import_messages;
pub mod plausible;
pub mod provenance;
pub mod published;
pub mod saved;
pub mod saved_index;
pub mod seeds;
pub mod sheet;
pub mod system_sheet;
pub mod wide_csv;

use crate::i18n::{t, tf, Key};
use crate::model::Lang;

/// The most rows a data file may have, its header included: the same for CSV and workbooks in the
/// page and for `--data` on the command line, so every import stays proportional to a bounded size.
pub const MAX_ROWS: usize = 200_000;

/// A count with thousands separators, as messages show limits: 200,000.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A problem found in input data, located by 1-based row (as a spreadsheet shows it) and column name.
#[derive(Clone, Debug, PartialEq)]
pub struct DataError {
    pub row: Option<usize>,
    pub column: Option<String>,
    pub kind: DataErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DataErrorKind {
    Empty,
    Csv(String),
    MissingColumn(String),
    NotANumber(String),
    Negative(String),
    DuplicateAdcode(String),
    MissingIdentity,
    /// The file has more rows than this limit ([`MAX_ROWS`]); nothing beyond it was read.
    TooManyRows(usize),
    /// A problem found while importing a user's file (see `import`).
    Import(import_messages::Problem),
}

impl DataError {
    pub fn new(row: Option<usize>, column: Option<&str>, kind: DataErrorKind) -> Self {
        Self {
            row,
            column: column.map(str::to_string),
            kind,
        }
    }

    /// The message shown to the user, with its location.
    pub fn message(&self, lang: Lang) -> String {
        use DataErrorKind::*;
        let what = match &self.kind {
            Empty => t(lang, Key::DataEmpty).to_string(),
            Csv(e) => tf(lang, Key::DataCsv, &[e]),
            MissingColumn(c) => tf(lang, Key::DataMissingColumn, &[c]),
            NotANumber(v) => tf(lang, Key::DataNotANumber, &[v]),
            Negative(v) => tf(lang, Key::DataNegative, &[v]),
            DuplicateAdcode(a) => tf(lang, Key::DataDuplicateAdcode, &[a]),
            MissingIdentity => t(lang, Key::DataMissingIdentity).to_string(),
            TooManyRows(limit) => tf(lang, Key::DataTooManyRows, &[&grouped(*limit)]),
            Import(p) => p.message(lang),
        };
        locate(self.row, self.column.as_deref(), &what, lang)
    }
}

/// Prefixes a message with its location: "第 3 行，revenue 列：" or "row 3, column revenue: ".
pub fn locate(row: Option<usize>, column: Option<&str>, what: &str, lang: Lang) -> String {
    match (row, column) {
        (Some(r), Some(c)) => tf(lang, Key::DataAtRowColumn, &[&r.to_string(), c, what]),
        (Some(r), None) => tf(lang, Key::DataAtRow, &[&r.to_string(), what]),
        (None, Some(c)) => tf(lang, Key::DataAtColumn, &[c, what]),
        (None, None) => what.to_string(),
    }
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
