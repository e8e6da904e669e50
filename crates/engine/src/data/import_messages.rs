//! The import's own problems (fatal) and warnings (not fatal), each with a message in every language.

use crate::i18n::{t, tf, Key};
use crate::model::Lang;

/// A name that comes with the data (a dimension's or an indicator's) in every language of
/// [`Lang::ALL`], so that a message can be written in any of them later.
#[derive(Clone, Debug, PartialEq)]
pub struct DataName(Vec<String>);

impl DataName {
    /// The names `name` gives for each language.
    pub fn new<'a>(name: impl Fn(Lang) -> &'a str) -> Self {
        Self(Lang::ALL.iter().map(|&l| name(l).to_string()).collect())
    }

    /// The name in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        Lang::ALL
            .iter()
            .position(|&l| l == lang)
            .and_then(|k| self.0.get(k))
            .map_or("", String::as_str)
    }
}

/// A fatal problem specific to importing; wrapped in [`crate::data::DataErrorKind::Import`].
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Unreadable(String),
    /// The chosen sheet does not exist (empty: the workbook has no sheet).
    NoSheet(String),
    TooLarge,
    NoIdentityColumn,
    NoIndicatorColumns,
    /// An indicator matched by a second column; the first column's header is kept here.
    DuplicateColumn {
        indicator: String,
        first: String,
    },
    /// No column for any indicator of a dimension.
    DimensionMissing {
        name: DataName,
    },
    InvalidAdcode(String),
    /// A name that is not a known county, on a row without an adcode.
    UnknownName(String),
    AmbiguousName(String),
    /// The adcode is a known county but the name is another one's.
    NameMismatch {
        adcode: String,
        name: String,
        expected: String,
    },
    /// Two rows are the same unit (possibly one under a former name).
    DuplicateUnit {
        adcode: String,
        first_row: usize,
    },
    /// A % sign in a column whose unit is not a percentage.
    UnexpectedPercent {
        value: String,
        unit: String,
    },
    NoValues,
    /// A row of a file with a year column whose year cannot be read (the cell's text).
    InvalidYear(String),
    /// Two sheets of a workbook name the same year.
    DuplicateEdition(i32),
    /// The indicator system sheet lacks a column (its name).
    SystemColumnMissing(String),
    /// A cell of the indicator system sheet that cannot be read (its text).
    SystemValue(String),
    /// The indicator system sheet's dimensions and indicators do not fit together (in English).
    SystemStructure(String),
    /// The indicator system sheet holds a system that may not be used.
    System(crate::system_check::SystemProblem),
    /// This many further errors were found and not listed.
    More(usize),
    // Limits checked before parsing (src/data/import/limits.rs).
    FileTooLarge {
        bytes: u64,
        limit: u64,
    },
    TooManyEntries {
        count: usize,
        limit: usize,
    },
    /// An entry of the zip archive declares an inflated size over the limit.
    EntryTooLarge {
        entry: String,
        bytes: u64,
        limit: u64,
    },
    ArchiveTooLarge {
        bytes: u64,
        limit: u64,
    },
    CompressionRatio {
        entry: String,
        ratio: u64,
        limit: u64,
    },
    /// An entry inflates to more than the size it declares.
    EntryLies {
        entry: String,
        bytes: u64,
    },
    TooManyCells {
        limit: usize,
    },
    /// A cell reference outside Excel's grid (A1:XFD1048576), as written in the file.
    BeyondExcel(String),
    /// A sheet dimension whose end comes before its start.
    BadDimension(String),
    OdsRefused,
    XlsbRefused,
}

/// The indicator system sheet, as the messages name it (the template's name, which a user edits).
const SYSTEM_SHEET: &str = crate::data::system_sheet::SHEET_NAME;

/// A byte count in MiB for messages, e.g. "64 MiB" or "1024.5 MiB".
fn mib(bytes: u64) -> String {
    let m = bytes as f64 / f64::from(1 << 20);
    if m.fract() == 0.0 {
        format!("{m:.0} MiB")
    } else {
        format!("{m:.1} MiB")
    }
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        let f = |key: Key, args: &[&str]| tf(lang, key, args);
        match self {
            Unreadable(e) => f(Key::ImportWorkbookUnreadable, &[e]),
            NoSheet(s) if s.is_empty() => t(lang, Key::ImportNoSheetAtAll).into(),
            NoSheet(s) => f(Key::ImportNoSheet, &[s]),
            TooLarge => t(lang, Key::ImportSheetTooLarge).into(),
            // The identity headers the importer reads, named as a file writes them in any language.
            NoIdentityColumn => f(
                Key::ImportNoIdentityColumn,
                &["行政区划代码", "县（市、区）", "adcode", "name"],
            ),
            NoIndicatorColumns => t(lang, Key::ImportNoIndicatorColumns).into(),
            DuplicateColumn { indicator, first } => {
                f(Key::ImportDuplicateColumn, &[indicator, first])
            }
            DimensionMissing { name } => f(Key::ImportDimensionMissing, &[name.get(lang)]),
            InvalidAdcode(c) => f(Key::ImportInvalidAdcode, &[c]),
            UnknownName(n) => f(Key::ImportUnknownName, &[n]),
            AmbiguousName(n) => f(Key::ImportAmbiguousName, &[n]),
            NameMismatch {
                adcode,
                name,
                expected,
            } => f(Key::ImportNameMismatch, &[adcode, name, expected]),
            DuplicateUnit { adcode, first_row } => {
                f(Key::ImportDuplicateUnit, &[adcode, &first_row.to_string()])
            }
            UnexpectedPercent { value, unit } => f(Key::ImportUnexpectedPercent, &[value, unit]),
            NoValues => t(lang, Key::ImportNoValues).into(),
            InvalidYear(text) => f(Key::ImportInvalidYear, &[text]),
            DuplicateEdition(year) => f(Key::ImportDuplicateEdition, &[&year.to_string()]),
            SystemColumnMissing(name) => f(Key::ImportSystemColumnMissing, &[SYSTEM_SHEET, name]),
            SystemValue(text) => f(Key::ImportSystemValue, &[SYSTEM_SHEET, text]),
            SystemStructure(e) => f(Key::ImportSystemStructure, &[SYSTEM_SHEET, e]),
            System(problem) => f(
                Key::ImportSystemSheet,
                &[SYSTEM_SHEET, &problem.message(lang)],
            ),
            More(n) => f(Key::ImportMoreProblems, &[&n.to_string()]),
            FileTooLarge { bytes, limit } => {
                f(Key::ImportFileTooLarge, &[&mib(*bytes), &mib(*limit)])
            }
            TooManyEntries { count, limit } => f(
                Key::ImportTooManyEntries,
                &[&count.to_string(), &limit.to_string()],
            ),
            EntryTooLarge {
                entry,
                bytes,
                limit,
            } => f(
                Key::ImportEntryTooLarge,
                &[entry, &mib(*bytes), &mib(*limit)],
            ),
            ArchiveTooLarge { bytes, limit } => {
                f(Key::ImportArchiveTooLarge, &[&mib(*bytes), &mib(*limit)])
            }
            CompressionRatio {
                entry,
                ratio,
                limit,
            } => f(
                Key::ImportCompressionRatio,
                &[entry, &ratio.to_string(), &limit.to_string()],
            ),
            EntryLies { entry, bytes } => f(Key::ImportEntryLies, &[entry, &bytes.to_string()]),
            TooManyCells { limit } => f(Key::ImportTooManyCells, &[&limit.to_string()]),
            BeyondExcel(r) => f(Key::ImportBeyondExcel, &[r]),
            BadDimension(r) => f(Key::ImportBadDimension, &[r]),
            OdsRefused => t(lang, Key::ImportOdsRefused).into(),
            XlsbRefused => t(lang, Key::ImportXlsbRefused).into(),
        }
    }
}

/// Something the user should know about an import that still goes ahead.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub row: Option<usize>,
    pub column: Option<String>,
    pub kind: WarningKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum WarningKind {
    /// Some bytes were not valid in the detected encoding.
    Undecodable(&'static str),
    IgnoredColumn,
    MissingIndicator {
        name: DataName,
    },
    /// Every value was multiplied by 100: a percentage column held fractions.
    PercentAsFraction {
        count: usize,
    },
    /// Values were converted from the unit in the header to the indicator's unit.
    UnitConverted {
        from: String,
        to: String,
    },
    /// The header names a unit we cannot relate to the indicator's; values were taken as they are.
    UnitUnknown {
        found: String,
        expected: String,
    },
    MissingValues {
        count: usize,
        total: usize,
    },
    /// Values outside the indicator's plausible range (see `data::plausible`), and the farthest one.
    OutOfRange {
        count: usize,
        min: f64,
        max: f64,
        farthest: f64,
    },
    FormerName {
        from: String,
        to: String,
        adcode: String,
    },
    OtherUnits {
        count: usize,
        examples: Vec<String>,
    },
    AbsentCounties {
        count: usize,
        examples: Vec<String>,
    },
    SkippedTotalRow(String),
    Unranked {
        count: usize,
    },
    /// A row without any indicator value; the unit is kept but cannot be ranked.
    EmptyRow(String),
}

impl Warning {
    pub fn new(row: Option<usize>, column: Option<&str>, kind: WarningKind) -> Self {
        Self {
            row,
            column: column.map(str::to_string),
            kind,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use WarningKind::*;
        let f = |key: Key, args: &[&str]| tf(lang, key, args);
        let list = |v: &Vec<String>| v.join(t(lang, Key::ImportListSeparator));
        let what = match &self.kind {
            Undecodable(e) => f(Key::ImportUndecodable, &[e]),
            IgnoredColumn => t(lang, Key::ImportIgnoredColumn).into(),
            MissingIndicator { name } => f(Key::ImportMissingIndicator, &[name.get(lang)]),
            PercentAsFraction { count } => f(Key::ImportPercentAsFraction, &[&count.to_string()]),
            UnitConverted { from, to } => f(Key::ImportUnitConverted, &[from, to]),
            UnitUnknown { found, expected } => f(Key::ImportUnitUnknown, &[found, expected]),
            MissingValues { count, total } => f(
                Key::ImportMissingValues,
                &[&count.to_string(), &total.to_string()],
            ),
            OutOfRange {
                count,
                min,
                max,
                farthest,
            } => f(
                Key::ImportOutOfRange,
                &[
                    &count.to_string(),
                    &min.to_string(),
                    &max.to_string(),
                    &shown(*farthest),
                ],
            ),
            FormerName { from, to, adcode } => f(Key::ImportFormerName, &[from, to, adcode]),
            OtherUnits { count, examples } => f(
                Key::ImportOtherUnits,
                &[&count.to_string(), &list(examples)],
            ),
            AbsentCounties { count, examples } => f(
                Key::ImportAbsentCounties,
                &[&count.to_string(), &list(examples)],
            ),
            SkippedTotalRow(n) => f(Key::ImportSkippedTotalRow, &[n]),
            Unranked { count } => f(Key::ImportUnranked, &[&count.to_string()]),
            EmptyRow(n) => f(Key::ImportEmptyRow, &[n]),
        };
        super::locate(self.row, self.column.as_deref(), &what, lang)
    }
}

/// A value as a message shows it: plainly, or in exponent form when very large or very small.
fn shown(v: f64) -> String {
    if v != 0.0 && !(1e-4..1e9).contains(&v.abs()) {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}
