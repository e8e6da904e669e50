//! Exports of hostile and oversized data: text that a spreadsheet would take for a formula is written
//! to CSV with a leading apostrophe while numbers stay numbers, the XLSX export writes it as text
//! (an inline string, never a formula), and every import path refuses a file beyond the row limit.

use fjindex::data::export::{csv_with_bom, RankingExport, RankingXlsx};
use fjindex::data::export_name::CalendarDate;
use fjindex::data::import::{import_bundled, ImportOptions};
use fjindex::data::provenance::Provenance;
use fjindex::data::xlsx_writer::XCell;
use fjindex::data::{seeds, wide_csv, DataErrorKind, MAX_ROWS};
use fjindex::model::{Dataset, DatasetMeta, Lang, Scenario, Unit};
use fjindex::score::score;
use std::io::Read;

const HOSTILE: [&str; 7] = [
    "=HYPERLINK(\"http://evil\",\"x\")",
    "=cmd|'/C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=2+2",
];

/// Units named and placed in hostile prefectures, every value present.
fn hostile_data() -> Dataset {
    let system = seeds::indicator_system();
    let units = HOSTILE
        .iter()
        .enumerate()
        .map(|(k, name)| Unit {
            adcode: format!("{}", 110101 + k),
            name_zh: name.to_string(),
            name_en: String::new(),
            prefecture_zh: HOSTILE[(k + 3) % HOSTILE.len()].to_string(),
            lon: None,
            lat: None,
        })
        .collect();
    let mut data = Dataset::new(DatasetMeta::default(), units, system.n_indicators());
    for u in 0..HOSTILE.len() {
        for i in 0..system.n_indicators() {
            data.set(u, i, Some(((u * 5 + i * 3) % 11) as f64 + 1.0));
        }
    }
    data
}

fn export(data: &Dataset, f: impl FnOnce(&RankingExport)) {
    let system = seeds::indicator_system();
    let scenario = Scenario::default_for(&system);
    let ranking = score(&system, data, &scenario).unwrap();
    let provenance = Provenance::default();
    f(&RankingExport {
        system: &system,
        data,
        ranking: &ranking,
        baseline: &ranking,
        scenario: &scenario,
        provenance: &provenance,
        lang: Lang::Zh,
        date: CalendarDate::from_unix_days(20_792),
    });
}

#[test]
fn ranking_csv_neutralises_hostile_text_and_keeps_numbers_plain() {
    export(&hostile_data(), |x| {
        let csv = x.csv();
        let body = csv.strip_prefix('\u{feff}').unwrap();
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), HOSTILE.len());
        for row in &rows {
            for c in [2, 3] {
                let hostile = HOSTILE.iter().find(|h| row[c] == format!("'{h}"));
                assert!(hostile.is_some(), "column {c}: {:?}", &row[c]);
            }
            for c in [0, 4, 5, 6, 7, 8, 9, 10] {
                row[c]
                    .parse::<f64>()
                    .unwrap_or_else(|_| panic!("column {c}: {:?}", &row[c]));
            }
        }
    });
    // A negative number stays a number; the same text as a text cell is neutralised.
    let text = csv_with_bom(&[vec![XCell::Number(-3.0), XCell::Text("-3".into())]]);
    assert_eq!(text, "\u{feff}-3,'-3\n");
}

/// The XML of the first worksheet of a workbook.
fn first_sheet_xml(xlsx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn ranking_xlsx_writes_hostile_names_as_text_never_as_formulas() {
    export(&hostile_data(), |x| {
        let xlsx = x.xlsx();
        let xml = first_sheet_xml(&xlsx);
        assert!(
            !xml.contains("<f>") && !xml.contains("<f "),
            "no formula element"
        );
        // Each hostile name sits in an inline-string cell, unchanged (no apostrophe is needed there).
        let escaped = |t: &str| {
            t.replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('\r', "&#13;")
        };
        for name in HOSTILE {
            let cell = format!("<t xml:space=\"preserve\">{}</t>", escaped(name));
            let at = xml
                .find(&cell)
                .unwrap_or_else(|| panic!("{name:?} not written as text"));
            let open = xml[..at].rfind("<c ").unwrap();
            assert!(
                xml[open..at].contains("t=\"inlineStr\""),
                "{name:?}: {}",
                &xml[open..at]
            );
        }
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(xlsx)).unwrap();
        let range = book.worksheet_range("排名").unwrap();
        let names: Vec<String> = range.rows().skip(1).map(|r| r[2].to_string()).collect();
        for name in HOSTILE {
            assert!(
                names.iter().any(|n| n == name),
                "{name:?} read back as {names:?}"
            );
        }
    });
}

#[test]
fn every_import_path_refuses_a_file_one_row_over_the_limit() {
    let system = seeds::indicator_system();
    let ids: Vec<&str> = system.indicators.iter().map(|i| i.id.as_str()).collect();
    let mut text = format!("adcode,name_zh,prefecture_zh,{}\n", ids.join(","));
    for u in 0..MAX_ROWS {
        text += &format!("{},u{u},,1\n", 100_000 + u);
    }
    let errors = wide_csv::read(&text, &system, DatasetMeta::default()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind, DataErrorKind::TooManyRows(MAX_ROWS));
    assert!(errors[0].message(Lang::Zh).contains("200,000 行"));
    assert!(errors[0]
        .message(Lang::En)
        .contains("200,000 (header included)"));
    let report = import_bundled(text.as_bytes(), &ImportOptions::default());
    assert!(report.dataset.is_none());
    assert_eq!(report.errors[0].kind, DataErrorKind::TooManyRows(MAX_ROWS));
}
