//! Prints how long the importer takes to refuse each hostile workbook (the limits are checked before
//! calamine sees the file) and to import an XLSX at the row limit (200,000 rows). Figures only; nothing
//! asserted. `cargo bench --bench import`.

#[path = "../tests/hostile/mod.rs"]
mod hostile;

use fjindex::data::import::limits::{MAX_CELLS, MAX_FILE_BYTES};
use fjindex::data::import::xlsx::MAX_ROWS;
use fjindex::data::import::{import_bundled, ImportOptions};
use fjindex::data::seeds;
use hostile::{with_cell, with_sheet, zip, Entry};
use std::time::Instant;

/// The median and fastest of `rounds` imports of `bytes`, in milliseconds, and the first error.
fn time_import(rounds: usize, bytes: &[u8]) -> (f64, f64, String) {
    let mut first = String::new();
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            let report = import_bundled(bytes, &ImportOptions::default());
            let took = start.elapsed().as_secs_f64() * 1e3;
            first = report.errors.first().map_or_else(
                || {
                    format!(
                        "imported {} units",
                        report.dataset.map_or(0, |d| d.n_units())
                    )
                },
                |e| e.message(fjindex::model::Lang::En),
            );
            took
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[rounds / 2], samples[0], first)
}

fn line(what: &str, rounds: usize, bytes: &[u8]) {
    let (median, best) = {
        let (m, b, first) = time_import(rounds, bytes);
        println!("{what}: {} bytes; median {m:.2} ms, fastest {b:.2} ms over {rounds} runs\n    -> {first}", bytes.len());
        (m, b)
    };
    let _ = (median, best);
}

fn main() {
    println!("Time to refuse each hostile file:");
    line(
        "XLSX, sheet declaring 1 GiB",
        11,
        &with_sheet(Entry::deflated("", b"<worksheet/>").declaring(1 << 30)),
    );
    line(
        "XLSX, sheet really inflating to 1 GiB",
        11,
        &with_sheet(Entry::deflated_fill("", b' ', 1 << 30)),
    );
    line(
        "XLSX, sheet of 200 MiB at about 1000:1",
        11,
        &with_sheet(Entry::deflated_fill("", b' ', 200 << 20)),
    );
    line(
        "XLSX, sheet of 64 MiB declaring 1,000 bytes",
        11,
        &with_sheet(Entry::deflated_fill("", b' ', 64 << 20).declaring(1_000)),
    );
    let entries: Vec<Entry> = (0..=1_000)
        .map(|k| Entry::deflated(&format!("x/{k}.xml"), b"<a/>"))
        .collect();
    line("zip of 1,001 entries", 11, &zip(&entries));
    let content = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="s"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let ods = zip(&[
        Entry {
            stored: true,
            ..Entry::deflated(
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            )
        },
        Entry::deflated("content.xml", content.as_bytes()),
    ]);
    line("ODS repeat bomb", 11, &ods);
    line(
        "file over the size limit",
        11,
        &vec![b'a'; MAX_FILE_BYTES + 1],
    );
    line(
        "XLSX fixture with cell D4294967301",
        11,
        &with_cell("D4294967301"),
    );
    let mut cells = String::from("<worksheet><sheetData>");
    for row in 1..=MAX_CELLS / 10 + 1 {
        cells.push_str(&format!("<row r=\"{row}\">"));
        for col in ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"] {
            cells.push_str(&format!("<c r=\"{col}{row}\"/>"));
        }
        cells.push_str("</row>");
    }
    cells.push_str("</sheetData></worksheet>");
    line(
        "XLSX of 6,000,010 empty cells",
        3,
        &with_sheet(Entry::deflated("", cells.as_bytes())),
    );

    println!("\nImport at the row limit:");
    let ids: Vec<String> = seeds::indicator_system()
        .indicators
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let sheet = hostile::wide_sheet(MAX_ROWS - 1, &ids);
    let declared = sheet.declared;
    let bytes = with_sheet(sheet);
    println!(
        "XLSX of {} data rows x {} columns: sheet XML {:.1} MiB inflated",
        MAX_ROWS - 1,
        ids.len() + 2,
        declared as f64 / f64::from(1 << 20)
    );
    line("XLSX at the row limit", 3, &bytes);
}
