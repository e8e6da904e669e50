//! The import's own problems (fatal) and warnings (not fatal), each with a Chinese and an English message.

use crate::model::Lang;

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
    /// No column for any indicator of a dimension (names in Chinese and English).
    DimensionMissing {
        zh: String,
        en: String,
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
        match (self, lang == Lang::Zh) {
            (Unreadable(e), true) => format!("无法读取该工作簿（{e}）；请另存为 XLSX 或 CSV 后重试"),
            (Unreadable(e), false) => format!("the workbook cannot be read ({e}); save it as XLSX or CSV and try again"),
            (NoSheet(s), true) if s.is_empty() => "工作簿中没有工作表".into(),
            (NoSheet(s), false) if s.is_empty() => "the workbook has no sheet".into(),
            (NoSheet(s), true) => format!("找不到工作表“{s}”"),
            (NoSheet(s), false) => format!("there is no sheet named \"{s}\""),
            (TooLarge, true) => "工作表过大（超过 20 万行或 1000 列）".into(),
            (TooLarge, false) => "the sheet is too large (over 200,000 rows or 1,000 columns)".into(),
            (NoIdentityColumn, true) => {
                "找不到县域标识列：需要“行政区划代码”或“县（市、区）”（也可写 adcode、name）".into()
            }
            (NoIdentityColumn, false) => {
                "no column identifies the units: add \"adcode\" or \"name\" (or 行政区划代码 / 县（市、区）)".into()
            }
            (NoIndicatorColumns, true) => "没有一列能对应到指标；列名应为指标名称或指标代码，可带单位".into(),
            (NoIndicatorColumns, false) => {
                "no column matches an indicator; headers should be indicator names or ids, optionally with a unit"
                    .into()
            }
            (DuplicateColumn { indicator, first }, true) => format!("与“{first}”列对应同一指标 {indicator}"),
            (DuplicateColumn { indicator, first }, false) => {
                format!("matches indicator {indicator}, as does column \"{first}\"")
            }
            (DimensionMissing { zh, .. }, true) => format!("维度“{zh}”的指标一列也没有，无法计算排名"),
            (DimensionMissing { en, .. }, false) => {
                format!("no indicator of the dimension \"{en}\" has a column, so no unit can be ranked")
            }
            (InvalidAdcode(c), true) => format!("“{c}”不是 6 位行政区划代码"),
            (InvalidAdcode(c), false) => format!("\"{c}\" is not a 6-digit administrative code"),
            (UnknownName(n), true) => format!("“{n}”不是福建省 83 个县（市、区）之一；其他地区请填写行政区划代码"),
            (UnknownName(n), false) => {
                format!("\"{n}\" is none of Fujian's 83 counties; for other places give the administrative code")
            }
            (AmbiguousName(n), true) => format!("名称“{n}”对应多个县域，请填写行政区划代码"),
            (AmbiguousName(n), false) => format!("the name \"{n}\" fits several counties; give the administrative code"),
            (NameMismatch { adcode, name, expected }, true) => {
                format!("代码 {adcode} 是{expected}，与名称“{name}”不符")
            }
            (NameMismatch { adcode, name, expected }, false) => {
                format!("code {adcode} is {expected}, which does not match the name \"{name}\"")
            }
            (DuplicateUnit { adcode, first_row }, true) => {
                format!("与第 {first_row} 行是同一县域（{adcode}，含已撤并的旧名称或旧代码）")
            }
            (DuplicateUnit { adcode, first_row }, false) => {
                format!("the same unit ({adcode}, counting former names and codes) as row {first_row}")
            }
            (UnexpectedPercent { value, unit }, true) => format!("“{value}”带百分号，但该指标单位是{unit}"),
            (UnexpectedPercent { value, unit }, false) => {
                format!("\"{value}\" has a % sign, but the indicator is measured in {unit}")
            }
            (NoValues, true) => "文件中没有任何指标数值".into(),
            (NoValues, false) => "the file holds no indicator value at all".into(),
            (More(n), true) => format!("另有 {n} 个问题未列出"),
            (More(n), false) => format!("{n} further problems are not listed"),
            (FileTooLarge { bytes, limit }, true) => format!("文件过大（{}），超过 {} 的上限", mib(*bytes), mib(*limit)),
            (FileTooLarge { bytes, limit }, false) => {
                format!("the file is too large ({}); the limit is {}", mib(*bytes), mib(*limit))
            }
            (TooManyEntries { count, limit }, true) => format!("工作簿压缩包含 {count} 个条目，超过 {limit} 个的上限，未解压"),
            (TooManyEntries { count, limit }, false) => {
                format!("the workbook's zip archive has {count} entries, over the limit of {limit}; nothing was inflated")
            }
            (EntryTooLarge { entry, bytes, limit }, true) => {
                format!("压缩包条目“{entry}”声明解压后为 {}，超过每个条目 {} 的上限，未解压", mib(*bytes), mib(*limit))
            }
            (EntryTooLarge { entry, bytes, limit }, false) => format!(
                "the archive entry \"{entry}\" declares {} inflated, over the limit of {} per entry; nothing was inflated",
                mib(*bytes),
                mib(*limit)
            ),
            (ArchiveTooLarge { bytes, limit }, true) => {
                format!("压缩包各条目声明解压后共 {}，超过 {} 的上限，未解压", mib(*bytes), mib(*limit))
            }
            (ArchiveTooLarge { bytes, limit }, false) => format!(
                "the archive's entries declare {} inflated in all, over the limit of {}; nothing was inflated",
                mib(*bytes),
                mib(*limit)
            ),
            (CompressionRatio { entry, ratio, limit }, true) => {
                format!("压缩包条目“{entry}”的压缩比为 {ratio}:1，超过 {limit}:1 的上限，未解压")
            }
            (CompressionRatio { entry, ratio, limit }, false) => format!(
                "the archive entry \"{entry}\" has a compression ratio of {ratio}:1, over the limit of {limit}:1; nothing was inflated"
            ),
            (EntryLies { entry, bytes }, true) => format!("压缩包条目“{entry}”解压后超过其声明的 {bytes} 字节，已停止读取"),
            (EntryLies { entry, bytes }, false) => {
                format!("the archive entry \"{entry}\" inflates to more than the {bytes} bytes it declares; reading stopped")
            }
            (TooManyCells { limit }, true) => format!("工作表的单元格超过 {limit} 个的上限"),
            (TooManyCells { limit }, false) => format!("the sheet has more than {limit} cells, the limit"),
            (BeyondExcel(r), true) => format!("单元格引用“{r}”超出 Excel 的范围（最后一个单元格是 XFD1048576）"),
            (BeyondExcel(r), false) => {
                format!("the cell reference \"{r}\" lies beyond Excel's grid (the last cell is XFD1048576)")
            }
            (BadDimension(r), true) => format!("工作表范围“{r}”的终点在起点之前"),
            (BadDimension(r), false) => format!("the sheet's dimension \"{r}\" ends before it starts"),
            (OdsRefused, true) => "不接受 ODS（OpenDocument）表格；请在 WPS、LibreOffice 或 Excel 中另存为 XLSX 或 CSV 后导入".into(),
            (OdsRefused, false) => {
                "ODS (OpenDocument) spreadsheets are not accepted; save the file as XLSX or CSV in WPS, LibreOffice or Excel and import that".into()
            }
            (XlsbRefused, true) => "不接受 XLSB（Excel 二进制工作簿）；请另存为 XLSX 或 CSV 后导入".into(),
            (XlsbRefused, false) => "XLSB (binary Excel workbooks) is not accepted; save the file as XLSX or CSV and import that".into(),
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
        zh: String,
        en: String,
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
        let zh = lang == Lang::Zh;
        let list = |v: &Vec<String>| v.join(if zh { "、" } else { ", " });
        let what = match (&self.kind, zh) {
            (Undecodable(e), true) => format!("按 {e} 读取时有无法识别的字符，已替换为 �"),
            (Undecodable(e), false) => format!("some bytes are not valid {e} and were replaced by �"),
            (IgnoredColumn, true) => "不是已知指标或标识列，已忽略".into(),
            (IgnoredColumn, false) => "not a known indicator or identity column; ignored".into(),
            (MissingIndicator { zh: n, .. }, true) => format!("缺少指标“{n}”，按缺失值处理"),
            (MissingIndicator { en: n, .. }, false) => format!("indicator \"{n}\" is absent and treated as missing"),
            (PercentAsFraction { count }, true) => {
                format!("全部 {count} 个数值都在 ±1.5 以内，像是以小数存放的百分比（如 0.522 表示 52.2%），已乘以 100")
            }
            (PercentAsFraction { count }, false) => format!(
                "all {count} values lie within ±1.5, like percentages stored as fractions (0.522 for 52.2 %); multiplied by 100"
            ),
            (UnitConverted { from, to }, true) => format!("数值已由{from}换算为{to}"),
            (UnitConverted { from, to }, false) => format!("values converted from {from} to {to}"),
            (UnitUnknown { found, expected }, true) => format!("列名中的单位“{found}”与指标单位“{expected}”不同，数值按原样使用"),
            (UnitUnknown { found, expected }, false) => {
                format!("the unit \"{found}\" in the header differs from the indicator's \"{expected}\"; values taken as they are")
            }
            (MissingValues { count, total }, true) => format!("{total} 个县域中有 {count} 个缺少数值，按缺失值处理"),
            (MissingValues { count, total }, false) => {
                format!("units without a value: {count} of {total}; treated as missing")
            }
            (OutOfRange { count, min, max, farthest }, true) => {
                format!("{count} 个数值超出合理范围 {min}–{max}（最远的是 {}），请核对单位和数据；数值照常参与计算", shown(*farthest))
            }
            (OutOfRange { count, min, max, farthest }, false) => format!(
                "values outside the plausible range {min} to {max}: {count} (the farthest {}); check the unit and the data; they are used as they are",
                shown(*farthest)
            ),
            (FormerName { from, to, adcode }, true) => format!("“{from}”按现行区划识别为{to}（{adcode}）"),
            (FormerName { from, to, adcode }, false) => {
                format!("\"{from}\" was recognised as its current successor {to} ({adcode})")
            }
            (OtherUnits { count, examples }, true) => {
                format!("{count} 个单位不在福建省 83 个县（市、区）之列，按其代码一并计算（如 {}）", list(examples))
            }
            (OtherUnits { count, examples }, false) => format!(
                "{count} units are not among Fujian's 83 counties and are ranked by their codes (e.g. {})",
                list(examples)
            ),
            (AbsentCounties { count, examples }, true) => {
                format!("文件中没有 {count} 个福建县域（如 {}），它们不参加排名", list(examples))
            }
            (AbsentCounties { count, examples }, false) => {
                format!("{count} Fujian counties are not in the file (e.g. {}) and will not be ranked", list(examples))
            }
            (SkippedTotalRow(n), true) => format!("“{n}”是合计行，已跳过"),
            (SkippedTotalRow(n), false) => format!("\"{n}\" is a total row and was skipped"),
            (Unranked { count }, true) => format!("{count} 个县域有整个维度缺少数据，将不参加排名"),
            (Unranked { count }, false) => format!("{count} units lack every indicator of some dimension and cannot be ranked"),
            (EmptyRow(n), true) => format!("“{n}”没有任何指标数值"),
            (EmptyRow(n), false) => format!("\"{n}\" has no indicator value"),
        };
        super::super::locate(self.row, self.column.as_deref(), &what, lang)
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
