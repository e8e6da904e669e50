//! A minimal XLSX writer: sheets of text and number cells with a bold header row, a number format per
//! column and optionally a frozen header, stored uncompressed in a zip. Enough for Excel, WPS and
//! LibreOffice, and small in WebAssembly (no compressor linked).

pub use fjindex_engine::data::sheet::{NumberFormat, Sheet, XCell};

use std::fmt::Write as _;
use std::io::Write as _;

/// Escapes text for XML and drops the control characters XML 1.0 does not allow.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // A literal carriage return would be read back as a line feed (XML's line-end rule).
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// The spreadsheet column letters of 0-based column `c`: A, B, ..., Z, AA, ...
pub fn column_letters(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII letters")
}

/// A sheet name Excel accepts: no []:*?/\, at most 31 characters, not empty, unique in the book.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    let base = if clean.trim().is_empty() {
        "Sheet".to_string()
    } else {
        clean
    };
    let mut candidate = base.clone();
    let mut k = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        let suffix = format!(" ({k})");
        candidate = base.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
        k += 1;
    }
    candidate
}

fn sheet_xml(sheet: &Sheet) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    );
    // ECMA-376 orders a worksheet's parts: sheetViews, then cols, then sheetData.
    if sheet.freeze_header {
        x.push_str("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>");
    }
    if !sheet.widths.is_empty() {
        x.push_str("<cols>");
        for (c, w) in sheet.widths.iter().enumerate() {
            let _ = write!(
                x,
                "<col min=\"{0}\" max=\"{0}\" width=\"{w}\" customWidth=\"1\"/>",
                c + 1
            );
        }
        x.push_str("</cols>");
    }
    x.push_str("<sheetData>");
    for (r, row) in sheet.rows.iter().enumerate() {
        let _ = write!(x, "<row r=\"{}\">", r + 1);
        let header = r == 0;
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column_letters(c), r + 1);
            match cell {
                XCell::Text(t) => {
                    let style = if header { " s=\"1\"" } else { "" };
                    let _ = write!(
                        x,
                        "<c r=\"{at}\" t=\"inlineStr\"{style}><is><t xml:space=\"preserve\">"
                    );
                    escape(t, &mut x);
                    x.push_str("</t></is></c>");
                }
                XCell::Number(v) if v.is_finite() => {
                    let style = if header {
                        1
                    } else {
                        sheet
                            .number_formats
                            .get(c)
                            .copied()
                            .unwrap_or_default()
                            .style()
                    };
                    let _ = if style == 0 {
                        write!(x, "<c r=\"{at}\"><v>{v}</v></c>")
                    } else {
                        write!(x, "<c r=\"{at}\" s=\"{style}\"><v>{v}</v></c>")
                    };
                }
                _ => {}
            }
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData></worksheet>");
    x
}

/// The workbook's styles, in ECMA-376 order (numFmts, fonts, fills, borders, cellStyleXfs, cellXfs,
/// cellStyles). Cell formats: 0 plain, 1 bold (the header row), 2 a whole number (`0`), 3 two
/// decimals (`0.00`); 2 and 3 use the custom number formats 164 and 165.
const STYLES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0\"/><numFmt numFmtId=\"165\" formatCode=\"0.00\"/></numFmts>",
    "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>",
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>",
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"4\">",
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
    "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
    "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
    "</cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
    "</styleSheet>",
);

/// Writes a workbook.
pub fn write(sheets: &[Sheet]) -> Vec<u8> {
    let mut names: Vec<String> = Vec::new();
    for s in sheets {
        let n = sheet_name(&s.name, &names);
        names.push(n);
    }
    let n = sheets.len();
    let mut content_types = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
    let mut workbook = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
    let mut rels = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (k, name) in names.iter().enumerate() {
        let id = k + 1;
        let _ = write!(content_types, "<Override PartName=\"/xl/worksheets/sheet{id}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        workbook.push_str("<sheet name=\"");
        escape(name, &mut workbook);
        let _ = write!(workbook, "\" sheetId=\"{id}\" r:id=\"rId{id}\"/>");
        let _ = write!(rels, "<Relationship Id=\"rId{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{id}.xml\"/>");
    }
    content_types.push_str("</Types>");
    workbook.push_str("</sheets></workbook>");
    let _ = write!(rels, "<Relationship Id=\"rId{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>", n + 1);
    let root_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

    let mut parts: Vec<(String, String)> = vec![
        ("[Content_Types].xml".into(), content_types),
        ("_rels/.rels".into(), root_rels.into()),
        ("xl/workbook.xml".into(), workbook),
        ("xl/_rels/workbook.xml.rels".into(), rels),
        ("xl/styles.xml".into(), STYLES.into()),
    ];
    for (k, s) in sheets.iter().enumerate() {
        parts.push((format!("xl/worksheets/sheet{}.xml", k + 1), sheet_xml(s)));
    }
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in parts {
        zip.start_file(name, options)
            .expect("writing to memory cannot fail");
        zip.write_all(body.as_bytes())
            .expect("writing to memory cannot fail");
    }
    zip.finish()
        .expect("writing to memory cannot fail")
        .into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_the_spreadsheet_scheme() {
        let got: Vec<String> = [0, 25, 26, 27, 51, 52, 701, 702]
            .iter()
            .map(|&c| column_letters(c))
            .collect();
        assert_eq!(got, ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn sheet_names_are_made_acceptable() {
        assert_eq!(sheet_name("a/b:c", &[]), "abc");
        assert_eq!(sheet_name("", &[]), "Sheet");
        assert_eq!(sheet_name("Data", &["data".into()]), "Data (2)");
        assert_eq!(sheet_name(&"x".repeat(40), &[]).chars().count(), 31);
    }
}
