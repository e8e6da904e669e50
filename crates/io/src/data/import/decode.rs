//! Text files: detecting the encoding (UTF-8 with or without BOM, UTF-16 from Excel's "Unicode text",
//! else GB18030, which covers GBK) and splitting CSV or tab-separated text into cells.

use super::{Cell, Grid};
use crate::data::MAX_ROWS;
use serde::Serialize;

/// The encoding a text file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16,
    /// GB18030, a superset of GBK and GB2312, as Excel in China saves "CSV".
    Gb18030,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16 => "UTF-16",
            TextEncoding::Gb18030 => "GBK/GB18030",
        }
    }
}

/// Decodes text: valid UTF-8 is taken as such, anything else as GB18030. Returns the text, the
/// encoding, and whether any bytes could not be decoded (they become U+FFFD).
pub fn decode(bytes: &[u8]) -> (String, TextEncoding, bool) {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        let (text, bad) = encoding_rs::UTF_8.decode_without_bom_handling(rest);
        return (text.into_owned(), TextEncoding::Utf8Bom, bad);
    }
    for (bom, enc) in [
        (b"\xff\xfe", encoding_rs::UTF_16LE),
        (b"\xfe\xff", encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, bad) = enc.decode_without_bom_handling(rest);
            return (text.into_owned(), TextEncoding::Utf16, bad);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), TextEncoding::Utf8, false),
        Err(_) => {
            let (text, bad) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            (text.into_owned(), TextEncoding::Gb18030, bad)
        }
    }
}

/// Picks the delimiter from the first non-blank line: the most frequent of comma, tab and semicolon
/// outside quotes, comma when there is none.
fn sniff_delimiter(text: &str) -> u8 {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b',', 0usize), (b'\t', 0), (b';', 0)];
    let mut quoted = false;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(c) = counts.iter_mut().find(|c| c.0 == b) {
                c.1 += 1;
            }
        }
    }
    counts
        .iter()
        .max_by_key(|c| c.1)
        .filter(|c| c.1 > 0)
        .map_or(b',', |c| c.0)
}

/// Splits delimited text into a grid of text cells; row `k` of the grid is spreadsheet row `k + 1`.
/// Returns the grid and the rows the CSV reader could not read, with its message. Reading stops one
/// row past [`MAX_ROWS`], so a grid longer than the limit means the file is too long.
pub fn split(text: &str) -> (Grid, Vec<(usize, String)>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (k, record) in reader.records().enumerate().take(MAX_ROWS + 1) {
        match record {
            Ok(r) => rows.push(
                r.iter()
                    .map(|f| {
                        if f.trim().is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(f.to_string())
                        }
                    })
                    .collect(),
            ),
            Err(e) => {
                problems.push((k + 1, e.to_string()));
                rows.push(Vec::new());
            }
        }
    }
    (Grid { rows, first_row: 1 }, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart() {
        let (t, e, bad) = decode("代码,名称\n".as_bytes());
        assert_eq!(
            (t.as_str(), e, bad),
            ("代码,名称\n", TextEncoding::Utf8, false)
        );
        let (t, e, _) = decode(b"\xef\xbb\xbfadcode\n");
        assert_eq!((t.as_str(), e), ("adcode\n", TextEncoding::Utf8Bom));
        // "晋江市" in GBK.
        let (t, e, bad) = decode(b"\xbd\xfa\xbd\xad\xca\xd0");
        assert_eq!(
            (t.as_str(), e, bad),
            ("晋江市", TextEncoding::Gb18030, false)
        );
        let (t, e, _) = decode(b"\xff\xfea\x00\t\x00b\x00");
        assert_eq!((t.as_str(), e), ("a\tb", TextEncoding::Utf16));
    }

    #[test]
    fn delimiters_are_sniffed() {
        assert_eq!(sniff_delimiter("a\tb\tc\n1,2\t3"), b'\t');
        assert_eq!(sniff_delimiter("\n\"a,b\";c;d"), b';');
        assert_eq!(sniff_delimiter("single"), b',');
        let (grid, problems) = split("a;b\n1;\n");
        assert!(problems.is_empty());
        assert_eq!(
            grid.rows,
            vec![
                vec![Cell::Text("a".into()), Cell::Text("b".into())],
                vec![Cell::Text("1".into()), Cell::Empty]
            ]
        );
    }
}
