//! The names of exported files: what the file holds, the data set, whether it includes estimates, the
//! date and the language, in a form every common file system accepts.

use crate::i18n::{t, Key};
use crate::model::Lang;
use std::fmt;

/// The most bytes of UTF-8 a data set's name may take in a file name; with everything else the whole
/// name stays far below the 255-byte limit of common file systems.
pub const MAX_SLUG_BYTES: usize = 60;

/// A calendar date: the user's local date in the page, the UTC date on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl CalendarDate {
    /// The date `days` days after 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
    /// `civil_from_days`).
    pub fn from_unix_days(days: i64) -> CalendarDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CalendarDate { year, month, day }
    }
}

impl fmt::Display for CalendarDate {
    /// ISO 8601: 2026-12-05.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What an exported file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The ranking of a data set under a scenario; its text is in the export's language.
    Ranking,
    /// The import template; the same file in both languages.
    Template,
}

impl ExportKind {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            ExportKind::Ranking => t(lang, Key::ExportFileRanking),
            ExportKind::Template => t(lang, Key::ExportFileTemplate),
        }
    }
}

/// The file format, which gives the extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    Csv,
    Xlsx,
}

impl FileType {
    fn extension(self) -> &'static str {
        match self {
            FileType::Csv => "csv",
            FileType::Xlsx => "xlsx",
        }
    }
}

/// The data set an export comes from.
#[derive(Clone, Copy, Debug)]
pub struct DatasetLabel<'a> {
    /// The name in the export's language.
    pub name: &'a str,
    /// Its content hash, which names the file when the name has no letter or digit.
    pub hash: &'a str,
    /// Whether any exported value is an estimate.
    pub estimates: bool,
}

/// The name of an exported file, e.g. `fjindex-ranking-fujian-counties-2024-demonstration-data-includes-estimates-2026-12-05-en.csv`:
/// what it holds, the data set and whether it includes estimates (for a ranking), the date, and the
/// language (for a file whose text depends on it). Only letters, digits (of any script) and `-` remain
/// of the data set's name, so the result has none of `/ \ : * ? " < > |`, no control character, no
/// space or dot at either end, and at most [`MAX_SLUG_BYTES`] bytes of it.
pub fn export_file_name(
    kind: ExportKind,
    dataset: Option<DatasetLabel>,
    date: CalendarDate,
    lang: Lang,
    file_type: FileType,
) -> String {
    let mut parts = vec!["fjindex".to_string(), kind.label(lang).to_string()];
    if let Some(d) = dataset {
        let slug = match slug(d.name) {
            s if s.is_empty() => slug(d.hash),
            s => s,
        };
        if !slug.is_empty() {
            parts.push(slug);
        }
        if d.estimates {
            parts.push(t(lang, Key::ExportFileEstimates).to_string());
        }
    }
    parts.push(date.to_string());
    if kind == ExportKind::Ranking {
        parts.push(lang.id().to_string());
    }
    format!("{}.{}", parts.join("-"), file_type.extension())
}

/// Whether `c` belongs in a slug: ASCII letters and digits, and every other character outside the
/// control, space, punctuation and symbol blocks that data-set names use (Latin-1 and general
/// punctuation, CJK symbols, full-width forms). A hand-made test rather than `char::is_alphanumeric`,
/// whose Unicode tables would otherwise be in the page's first load for this alone.
fn is_word_char(c: char) -> bool {
    match c {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{80}'..='\u{BF}' | '\u{D7}' | '\u{F7}' => false,
        '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}' | '\u{FE30}'..='\u{FE4F}' => false,
        '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' => false,
        '\u{FF5B}'..='\u{FF65}' | '\u{FEFF}' | '\u{FFF0}'..='\u{FFFF}' => false,
        _ => true,
    }
}

/// Letters and digits of `name` (ASCII letters lower-cased), every other run of characters turned into
/// one `-`, cut to [`MAX_SLUG_BYTES`] on a character boundary.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars() {
        if is_word_char(c) {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            if out.len() + c.len_utf8() > MAX_SLUG_BYTES {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_days_give_the_calendar_date() {
        let date = |d| CalendarDate::from_unix_days(d).to_string();
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(-1), "1969-12-31");
        assert_eq!(date(11_016), "2000-02-29");
        assert_eq!(date(20_792), "2026-12-05");
    }

    #[test]
    fn slugs_keep_letters_and_digits_of_any_script() {
        assert_eq!(
            slug("福建省县域 2024（演示数据）"),
            "福建省县域-2024-演示数据"
        );
        assert_eq!(
            slug("Fujian counties 2024 (demonstration data)"),
            "fujian-counties-2024-demonstration-data"
        );
        assert_eq!(slug(" ../..\\*?\"<>|:\u{7}"), "");
    }
}
