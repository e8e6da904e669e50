//! Data in and out: the bundled seeds, the wide CSV format, provenance of values and the published facts.

pub mod csv_text;
pub mod export;
pub mod export_name;
pub mod fallback;
pub mod import;
pub mod plausible;
pub mod provenance;
pub mod published;
pub mod saved;
pub mod seeds;
pub mod wide_csv;
pub mod xlsx_writer;

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
    Import(import::Problem),
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
        let zh = lang == Lang::Zh;
        let what = match (&self.kind, zh) {
            (Empty, true) => "文件为空或没有数据行".to_string(),
            (Empty, false) => "the file is empty or has no data rows".to_string(),
            (Csv(e), true) => format!("无法读取 CSV：{e}"),
            (Csv(e), false) => format!("cannot read the CSV: {e}"),
            (MissingColumn(c), true) => format!("缺少必需的列 {c}"),
            (MissingColumn(c), false) => format!("required column {c} is missing"),
            (NotANumber(v), true) => format!("“{v}”不是数字"),
            (NotANumber(v), false) => format!("\"{v}\" is not a number"),
            (Negative(v), true) => format!("{v} 不能为负数"),
            (Negative(v), false) => format!("{v} cannot be negative"),
            (DuplicateAdcode(a), true) => format!("行政区划代码 {a} 重复"),
            (DuplicateAdcode(a), false) => format!("adcode {a} appears more than once"),
            (MissingIdentity, true) => "缺少行政区划代码或名称".to_string(),
            (MissingIdentity, false) => "the row has no adcode or no name".to_string(),
            (TooManyRows(limit), true) => format!(
                "文件超过 {} 行的上限（含表头行），未导入；请拆分文件后分别导入",
                grouped(*limit)
            ),
            (TooManyRows(limit), false) => format!(
                "the file has more rows than the limit of {} (header included) and was not imported; split it into smaller files",
                grouped(*limit)
            ),
            (Import(p), _) => p.message(lang),
        };
        locate(self.row, self.column.as_deref(), &what, lang)
    }
}

/// Prefixes a message with its location: "第 3 行，revenue 列：" or "row 3, column revenue: ".
pub fn locate(row: Option<usize>, column: Option<&str>, what: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match (row, column, zh) {
        (Some(r), Some(c), true) => format!("第 {r} 行，{c} 列：{what}"),
        (Some(r), Some(c), false) => format!("row {r}, column {c}: {what}"),
        (Some(r), None, true) => format!("第 {r} 行：{what}"),
        (Some(r), None, false) => format!("row {r}: {what}"),
        (None, Some(c), true) => format!("{c} 列：{what}"),
        (None, Some(c), false) => format!("column {c}: {what}"),
        (None, None, _) => what.to_string(),
    }
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
