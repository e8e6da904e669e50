//! Importing a user's data file into a data set: CSV (UTF-8, UTF-8 with BOM, UTF-16, GBK/GB18030),
//! XLSX and XLS. Nothing is replaced unless the whole file is usable; every problem is listed by row
//! and column in Chinese and English.
//!
//! Pipeline: bytes -> limits checked before any parser runs (`limits`) -> [`Grid`] of cells (`decode`
//! or `xlsx`) -> header row and column roles (`matching`) -> units (`counties`) and values (`values`)
//! -> [`ImportReport`] (`build`).

mod build;
pub mod counties;
pub mod decode;
pub mod editions;
pub mod limits;
pub mod matching;
use crate::data::import_messages as messages;
pub mod values;
pub mod xlsx;

pub use counties::{aliases, Alias, CountyMatcher};
pub use decode::TextEncoding;
pub use matching::Role;
pub use messages::{DataName, Problem, Warning, WarningKind};

use super::{DataError, DataErrorKind};
use crate::model::{Dataset, DatasetMeta, IndicatorSystem, Unit};
use serde::Serialize;

/// One cell as read from a file, before it is interpreted.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A spreadsheet error (#DIV/0!), a date or a boolean: never a valid value.
    Error(String),
}

/// A sheet of cells; `rows[k]` is spreadsheet row `first_row + k`.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub rows: Vec<Vec<Cell>>,
    pub first_row: usize,
}

/// The kind of file that was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum FileFormat {
    Csv(TextEncoding),
    Workbook,
}

/// What the importer needs to know: the indicators, the known counties and their former names.
pub struct Reference<'a> {
    pub system: &'a IndicatorSystem,
    pub counties: &'a [Unit],
    pub aliases: &'a [Alias],
}

/// Choices the user makes for one import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportOptions {
    /// The sheet of a workbook to read; the first visible worksheet when `None`.
    pub sheet: Option<String>,
    pub meta: DatasetMeta,
    /// Whether a workbook's "指标体系" sheet, when it has one, gives the indicator system the data is
    /// read against (instead of the reference's).
    pub read_system_sheet: bool,
}

/// How one column of the header row was understood.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnMatch {
    /// 0-based column position.
    pub column: usize,
    pub header: String,
    /// `None` for a column that is ignored.
    pub role: Option<Role>,
}

/// Everything an import found out; `dataset` is `Some` exactly when `errors` is empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// The data set read; of a file with several editions, the latest.
    pub dataset: Option<Dataset>,
    /// Every edition of a file that holds several (years in sheet names or a year column), oldest first,
    /// each with its year; empty for a file of one data set.
    pub editions: Vec<Dataset>,
    /// The indicator system of the workbook's "指标体系" sheet, when it was read
    /// ([`ImportOptions::read_system_sheet`]); the data was read against it.
    pub system: Option<IndicatorSystem>,
    pub errors: Vec<DataError>,
    pub warnings: Vec<Warning>,
    pub format: Option<FileFormat>,
    pub sheet_names: Vec<String>,
    pub sheet: Option<String>,
    /// 1-based spreadsheet row of the header.
    pub header_row: Option<usize>,
    pub columns: Vec<ColumnMatch>,
    /// Rows recognised as one of the known counties, and rows taken as other units.
    pub known_units: usize,
    pub other_units: usize,
}

impl ImportReport {
    fn failed(error: DataError) -> Self {
        Self {
            errors: vec![error],
            ..Self::default()
        }
    }

    /// How many indicators were matched to a column.
    pub fn matched_indicators_count(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| matches!(c.role, Some(Role::Indicator(_))))
            .count()
    }

    /// The indicator ids matched to a column, in column order.
    pub fn matched_indicators<'s>(&self, system: &'s IndicatorSystem) -> Vec<&'s str> {
        self.columns
            .iter()
            .filter_map(|c| match c.role {
                Some(Role::Indicator(i)) => Some(system.indicators[i].id.as_str()),
                _ => None,
            })
            .collect()
    }
}

fn problem(row: Option<usize>, column: Option<&str>, p: Problem) -> DataError {
    DataError::new(row, column, DataErrorKind::Import(p))
}

/// How far an import has come, for a progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The limits are being checked (for XLSX: the archive inflated once and its references scanned).
    Checking,
    /// The file is being parsed into cells.
    Reading,
    /// Columns, units and values are being matched.
    Matching,
}

impl Stage {
    /// A stable name, as the page's import worker reports it.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Checking => "checking",
            Stage::Reading => "reading",
            Stage::Matching => "matching",
        }
    }
}

/// Reads a file of any supported kind.
pub fn import(bytes: &[u8], options: &ImportOptions, reference: &Reference) -> ImportReport {
    import_staged(bytes, options, reference, &mut |_| {})
}

/// Reads a file of any supported kind, telling `stage` where it has got to.
pub fn import_staged(
    bytes: &[u8],
    options: &ImportOptions,
    reference: &Reference,
    stage: &mut dyn FnMut(Stage),
) -> ImportReport {
    stage(Stage::Checking);
    if let Err(p) = limits::check_file_size(bytes.len()) {
        return ImportReport::failed(problem(None, None, p));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return ImportReport::failed(DataError::new(None, None, DataErrorKind::Empty));
    }
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_workbook = is_zip || bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1");
    if is_workbook {
        let checked = if is_zip {
            limits::check_zip(bytes)
        } else {
            Ok(())
        };
        if let Err(p) = checked {
            let mut report = ImportReport::failed(problem(None, None, p));
            report.format = Some(FileFormat::Workbook);
            return report;
        }
        stage(Stage::Reading);
        if options.read_system_sheet {
            return read_with_system_sheet(bytes, options, reference, stage);
        }
        if let Some(report) = read_year_sheets(bytes, options, reference, stage) {
            return report;
        }
        let (list, read) = xlsx::read(bytes, options.sheet.as_deref());
        let mut report = match read {
            Ok((name, grid)) => {
                stage(Stage::Matching);
                let mut r = build::build(&grid, options.meta.clone(), reference);
                r.sheet = Some(name);
                r
            }
            Err(e) => ImportReport::failed(problem(
                None,
                None,
                match e {
                    xlsx::WorkbookError::Unreadable(m) => Problem::Unreadable(m),
                    xlsx::WorkbookError::NoSheet(s) => Problem::NoSheet(s),
                    xlsx::WorkbookError::TooLarge => Problem::TooLarge,
                    xlsx::WorkbookError::TooManyCells => Problem::TooManyCells {
                        limit: xlsx::MAX_CELLS,
                    },
                },
            )),
        };
        report.format = Some(FileFormat::Workbook);
        report.sheet_names = list.names;
        return report;
    }
    stage(Stage::Reading);
    let (text, encoding, undecodable) = decode::decode(bytes);
    let (grid, csv_problems) = decode::split(&text);
    if grid.rows.len() > super::MAX_ROWS {
        let mut report = ImportReport::failed(DataError::new(
            None,
            None,
            DataErrorKind::TooManyRows(super::MAX_ROWS),
        ));
        report.format = Some(FileFormat::Csv(encoding));
        return report;
    }
    stage(Stage::Matching);
    let mut report = build::build(&grid, options.meta.clone(), reference);
    if !csv_problems.is_empty() {
        report.dataset = None;
        report.errors.splice(
            0..0,
            csv_problems
                .into_iter()
                .map(|(row, m)| DataError::new(Some(row), None, DataErrorKind::Csv(m))),
        );
    }
    if undecodable {
        report.warnings.insert(
            0,
            Warning::new(None, None, WarningKind::Undecodable(encoding.label())),
        );
    }
    report.format = Some(FileFormat::Csv(encoding));
    report
}

/// A workbook read against the indicator system of its "指标体系" sheet when it has one (the reference's
/// otherwise); a problem of that sheet stops the import.
fn read_with_system_sheet(
    bytes: &[u8],
    options: &ImportOptions,
    reference: &Reference,
    stage: &mut dyn FnMut(Stage),
) -> ImportReport {
    let rest = ImportOptions {
        read_system_sheet: false,
        ..options.clone()
    };
    let names = xlsx::sheet_names(bytes).unwrap_or_default();
    let Some(name) = names
        .iter()
        .find(|n| crate::data::system_sheet::is_system_sheet(n))
    else {
        return import_staged(bytes, &rest, reference, stage);
    };
    let read = match xlsx::read(bytes, Some(name)).1 {
        Ok((_, grid)) => crate::data::system_sheet::read(&grid),
        Err(e) => Err(vec![problem(
            None,
            None,
            Problem::Unreadable(format!("{e:?}")),
        )]),
    };
    let system = match read {
        Ok(system) => system,
        Err(errors) => {
            return ImportReport {
                errors,
                format: Some(FileFormat::Workbook),
                sheet: Some(name.clone()),
                sheet_names: names,
                ..ImportReport::default()
            }
        }
    };
    let with_system = Reference {
        system: &system,
        counties: reference.counties,
        aliases: reference.aliases,
    };
    // Without a chosen sheet, sheets named by year are editions; otherwise the data is the first sheet
    // that is neither the system nor the template's guide.
    let by_year = matches!(editions::year_sheets(&names), Ok(years) if !years.is_empty());
    let first_data_sheet = || {
        names
            .iter()
            .find(|n| {
                !crate::data::system_sheet::is_system_sheet(n)
                    && n.as_str() != crate::data::export::GUIDE_SHEET_NAME
            })
            .cloned()
    };
    let rest = ImportOptions {
        sheet: match (&rest.sheet, by_year) {
            (Some(sheet), _) => Some(sheet.clone()),
            (None, true) => None,
            (None, false) => first_data_sheet(),
        },
        ..rest
    };
    let mut report = import_staged(bytes, &rest, &with_system, stage);
    report.system = Some(system);
    report
}

/// A workbook whose sheet names are years, read one edition per sheet; `None` when a sheet was chosen
/// or fewer than two sheets are years.
fn read_year_sheets(
    bytes: &[u8],
    options: &ImportOptions,
    reference: &Reference,
    stage: &mut dyn FnMut(Stage),
) -> Option<ImportReport> {
    if options.sheet.is_some() {
        return None;
    }
    let names = xlsx::sheet_names(bytes)?;
    let sheets = match editions::year_sheets(&names) {
        Ok(sheets) if sheets.is_empty() => return None,
        Ok(sheets) => sheets,
        Err(year) => {
            let mut report =
                ImportReport::failed(problem(None, None, Problem::DuplicateEdition(year)));
            report.format = Some(FileFormat::Workbook);
            report.sheet_names = xlsx::read(bytes, None).0.names;
            return Some(report);
        }
    };
    let mut reports = Vec::new();
    for (year, sheet) in sheets {
        let one = ImportOptions {
            sheet: Some(sheet),
            ..options.clone()
        };
        reports.push((year, import_staged(bytes, &one, reference, stage)));
    }
    Some(editions::combine(reports))
}

/// Reads a file against the bundled indicator system, counties and alias table.
pub fn import_bundled(bytes: &[u8], options: &ImportOptions) -> ImportReport {
    import_bundled_staged(bytes, options, &mut |_| {})
}

/// [`import_bundled`], telling `stage` where it has got to.
pub fn import_bundled_staged(
    bytes: &[u8],
    options: &ImportOptions,
    stage: &mut dyn FnMut(Stage),
) -> ImportReport {
    let system = super::seeds::indicator_system();
    let counties = super::seeds::counties();
    let aliases = aliases();
    let reference = Reference {
        system: &system,
        counties: &counties,
        aliases: &aliases,
    };
    import_staged(bytes, options, &reference, stage)
}

/// A name, year and source for a data set read from a file: the file name without extension, the
/// first plausible year in it, and the file name as the source.
pub fn meta_from_file_name(file_name: &str) -> DatasetMeta {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let digits: Vec<char> = stem.chars().collect();
    let year = digits.windows(4).enumerate().find_map(|(k, w)| {
        let before = k.checked_sub(1).map(|p| digits[p]);
        let after = digits.get(k + 4);
        let isolated = !before.is_some_and(|c| c.is_ascii_digit())
            && !after.is_some_and(|c| c.is_ascii_digit());
        let y: i32 = w.iter().collect::<String>().parse().ok()?;
        (isolated && (1990..=2100).contains(&y)).then_some(y)
    });
    DatasetMeta {
        name: stem.trim().to_string(),
        year,
        source: file_name.to_string(),
        ..DatasetMeta::default()
    }
}

/// What the page shows of a report (`fjindex-engine`'s `tools_api`), with every message written out in
/// every language, so that the page's module needs neither the importer nor its message catalogue.
impl From<ImportReport> for crate::tools_api::ImportSummary {
    fn from(r: ImportReport) -> Self {
        let errors = r
            .errors
            .iter()
            .map(|e| {
                let plain = DataError {
                    row: None,
                    column: None,
                    kind: e.kind.clone(),
                };
                crate::tools_api::ImportProblem {
                    row: e.row,
                    column: e.column.clone(),
                    message: crate::tools_api::Text::of(|lang| plain.message(lang)),
                }
            })
            .collect();
        Self {
            errors,
            warnings: r
                .warnings
                .iter()
                .map(|w| crate::tools_api::Text::of(|l| w.message(l)))
                .collect(),
            matched_indicators: r.matched_indicators_count(),
            system_json: r
                .system
                .as_ref()
                .and_then(|s| crate::json::to_string(s).ok()),
            dataset: r.dataset,
            editions: r.editions,
            sheet_names: r.sheet_names,
            sheet: r.sheet,
            known_units: r.known_units,
        }
    }
}
