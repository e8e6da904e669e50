//! The limits checked before a workbook is parsed (issue 11, defects 4 and 5): file size, the zip
//! archive's entries, declared and actual inflated sizes and compression ratio, cells, the refusal of
//! ODS and XLSB, and cell references outside Excel's grid, which calamine 0.38 would wrap onto another
//! cell (`D4294967301` and `MWLQKWZ5` onto D5).

mod hostile;

use fjindex::data::import::limits::{self, *};
use fjindex::data::import::{import_bundled, ImportOptions, ImportReport, Problem};
use fjindex::data::DataErrorKind;
use fjindex::model::Lang;
use hostile::{with_cell, with_sheet, zip, Entry};

fn import(bytes: &[u8]) -> ImportReport {
    import_bundled(bytes, &ImportOptions::default())
}

/// The one problem an import refused the file for.
fn refusal(bytes: &[u8]) -> Problem {
    let report = import(bytes);
    assert!(report.dataset.is_none());
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    match &report.errors[0].kind {
        DataErrorKind::Import(p) => p.clone(),
        other => panic!("not an import problem: {other:?}"),
    }
}

fn message(p: &Problem) -> (String, String) {
    (p.message(Lang::Zh), p.message(Lang::En))
}

#[test]
fn the_fixture_passes_every_limit() {
    let bytes = hostile::fixture_xlsx();
    assert_eq!(limits::check_zip(&bytes), Ok(()));
    assert!(import(&bytes).dataset.is_some());
    // Rewritten by the test's own zip writer it still imports, so the refusals below are the edits'.
    assert!(import(&hostile::edit_first_sheet(str::to_string))
        .dataset
        .is_some());
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let mut bytes = vec![b'a'; MAX_FILE_BYTES + 1];
    bytes[0] = b'P';
    let p = refusal(&bytes);
    assert_eq!(
        p,
        Problem::FileTooLarge {
            bytes: MAX_FILE_BYTES as u64 + 1,
            limit: MAX_FILE_BYTES as u64
        }
    );
    let (zh, en) = message(&p);
    assert!(
        zh.contains("64 MiB") && en.contains("the limit is 64 MiB"),
        "{en}"
    );
    assert_eq!(limits::check_file_size(MAX_FILE_BYTES), Ok(()));
}

#[test]
fn too_many_entries_are_refused() {
    let entries: Vec<Entry> = (0..=MAX_ZIP_ENTRIES)
        .map(|k| Entry::deflated(&format!("x/{k}.xml"), b"<a/>"))
        .collect();
    let p = refusal(&zip(&entries));
    assert_eq!(
        p,
        Problem::TooManyEntries {
            count: MAX_ZIP_ENTRIES + 1,
            limit: MAX_ZIP_ENTRIES
        }
    );
    assert!(message(&p).1.contains("1000"));
}

#[test]
fn an_entry_declaring_a_huge_size_is_refused_by_its_declaration() {
    // Its data inflates to 10 bytes; the refusal comes from the central directory alone.
    let sheet = Entry::deflated("", b"<worksheet/>").declaring(1 << 30);
    let p = refusal(&with_sheet(sheet));
    assert_eq!(
        p,
        Problem::EntryTooLarge {
            entry: "xl/worksheets/sheet1.xml".into(),
            bytes: 1 << 30,
            limit: MAX_ENTRY_BYTES
        }
    );
    let (zh, en) = message(&p);
    assert!(zh.contains("1024 MiB") && zh.contains("256 MiB"), "{zh}");
    assert!(en.contains("xl/worksheets/sheet1.xml") && en.contains("nothing was inflated"));
}

#[test]
fn a_real_bomb_is_refused_by_its_declared_size() {
    // 300 MiB of spaces really inside, about 0.3 MiB compressed.
    let sheet = Entry::deflated_fill("", b' ', 300 << 20);
    assert!(sheet.data.len() < 4 << 20, "{}", sheet.data.len());
    assert!(matches!(
        refusal(&with_sheet(sheet)),
        Problem::EntryTooLarge { bytes, .. } if bytes == 300 << 20
    ));
}

#[test]
fn declared_sizes_over_the_total_are_refused() {
    // Three entries of 200 MiB each, every one within the entry and ratio limits.
    let junk: Vec<u8> = (0..(1u64 << 20) + 10)
        .map(|k| (k * 7919 % 251) as u8)
        .collect();
    let entries: Vec<Entry> = (0..3)
        .map(|k| Entry {
            name: format!("xl/media/image{k}.bin"),
            data: junk.clone(),
            declared: 200 << 20,
            crc: 0,
            stored: false,
        })
        .collect();
    let p = refusal(&zip(&entries));
    assert_eq!(
        p,
        Problem::ArchiveTooLarge {
            bytes: 600 << 20,
            limit: MAX_TOTAL_BYTES
        }
    );
    assert!(message(&p).1.contains("512 MiB"));
}

#[test]
fn a_compression_ratio_over_the_limit_is_refused() {
    // 200 MiB of spaces compress about 1000:1.
    let sheet = Entry::deflated_fill("", b' ', 200 << 20);
    let p = refusal(&with_sheet(sheet));
    let Problem::CompressionRatio {
        entry,
        ratio,
        limit,
    } = &p
    else {
        panic!("{p:?}");
    };
    assert_eq!(
        (entry.as_str(), *limit),
        ("xl/worksheets/sheet1.xml", MAX_RATIO)
    );
    assert!(*ratio > MAX_RATIO);
    assert!(message(&p).1.contains(":1"));
    // A small entry is not held to the ratio.
    let small = Entry::deflated_fill("", b' ', RATIO_FLOOR - 1);
    assert!(!matches!(
        refusal(&with_sheet(small)),
        Problem::CompressionRatio { .. }
    ));
}

#[test]
fn an_entry_inflating_to_more_than_it_declares_is_stopped() {
    // 5 MiB of spaces declaring 1,000 bytes: reading stops after 1,001.
    let sheet = Entry::deflated_fill("", b' ', 5 << 20).declaring(1_000);
    let p = refusal(&with_sheet(sheet));
    assert_eq!(
        p,
        Problem::EntryLies {
            entry: "xl/worksheets/sheet1.xml".into(),
            bytes: 1_000
        }
    );
}

#[test]
fn ods_and_xlsb_are_refused_by_name_before_anything_is_inflated() {
    // The 9 KB ODS bomb's shape: a row repeated a million times with a cell repeated 16,384 times.
    let content = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="s"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let ods = zip(&[
        Entry {
            stored: true,
            ..Entry::deflated("mimetype", b"")
        },
        Entry::deflated("content.xml", content.as_bytes()),
    ]);
    let p = refusal(&ods);
    assert_eq!(p, Problem::OdsRefused);
    assert!(message(&p).0.contains("ODS") && message(&p).1.contains("XLSX or CSV"));
    let xlsb = zip(&[
        Entry::deflated("[Content_Types].xml", b"<Types/>"),
        Entry::deflated("xl/workbook.bin", b"\x83\x01"),
    ]);
    assert_eq!(refusal(&xlsb), Problem::XlsbRefused);
}

#[test]
fn more_cells_than_the_limit_are_refused_before_calamine_reads_them() {
    let mut xml = String::from("<worksheet><sheetData>");
    let per_row = 10;
    for row in 1..=MAX_CELLS / per_row + 1 {
        xml.push_str(&format!("<row r=\"{row}\">"));
        for col in ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"] {
            xml.push_str(&format!("<c r=\"{col}{row}\"/>"));
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    let p = refusal(&with_sheet(Entry::deflated("", xml.as_bytes())));
    assert_eq!(p, Problem::TooManyCells { limit: MAX_CELLS });
    assert!(message(&p).1.contains("6000000"));
}

/// The problem an import of the fixture with one more cell at `reference` is refused for.
fn reference_refusal(reference: &str) -> Problem {
    refusal(&with_cell(reference))
}

#[test]
fn references_that_calamine_would_wrap_onto_d5_are_errors_naming_the_cell() {
    for reference in ["D4294967301", "MWLQKWZ5"] {
        let p = reference_refusal(reference);
        assert_eq!(p, Problem::BeyondExcel(reference.into()));
        let (zh, en) = message(&p);
        assert!(zh.contains(reference) && en.contains(reference), "{en}");
        assert!(en.contains("XFD1048576"));
    }
}

#[test]
fn a_long_letter_run_is_a_reference_error_not_a_large_sheet() {
    let reference = format!("{}5", "A".repeat(60));
    let p = reference_refusal(&reference);
    // The message shows the first 40 characters.
    assert_eq!(p, Problem::BeyondExcel(format!("{}…", "A".repeat(40))));
}

#[test]
fn references_just_inside_excels_grid_pass_and_just_outside_fail() {
    assert_eq!(cell_position(b"XFD1048576"), Ok((16_384, 1_048_576)));
    assert_eq!(cell_position(b"A1"), Ok((1, 1)));
    for outside in ["XFE1", "A1048577", "XFD1048577", "AAAA1"] {
        assert_eq!(
            cell_position(outside.as_bytes()),
            Err(Problem::BeyondExcel(outside.into()))
        );
        assert_eq!(
            reference_refusal(outside),
            Problem::BeyondExcel(outside.into())
        );
    }
    // Inside the grid a cell is read as usual: an empty one is ignored and the import goes ahead.
    let edge = hostile::edit_first_sheet(|xml| {
        let at = xml.rfind("</sheetData>").unwrap();
        format!(
            "{}<row r=\"1048576\"><c r=\"XFD1048576\"/></row>{}",
            &xml[..at],
            &xml[at..]
        )
    });
    assert!(import(&edge).dataset.is_some());
    // A value there exceeds the importer's own row limit, which the message names.
    assert_eq!(reference_refusal("XFD1048576"), Problem::TooLarge);
}

#[test]
fn row_and_dimension_references_are_checked_too() {
    let row =
        hostile::edit_first_sheet(|xml| xml.replacen("<row r=\"3\">", "<row r=\"4294967299\">", 1));
    assert_eq!(refusal(&row), Problem::BeyondExcel("4294967299".into()));
    let dim = hostile::edit_first_sheet(|xml| xml.replacen("A1:S85", "A1:S4294967301", 1));
    assert_eq!(refusal(&dim), Problem::BeyondExcel("S4294967301".into()));
    let backwards = hostile::edit_first_sheet(|xml| xml.replacen("A1:S85", "S85:A1", 1));
    assert_eq!(refusal(&backwards), Problem::BadDimension("S85:A1".into()));
}
