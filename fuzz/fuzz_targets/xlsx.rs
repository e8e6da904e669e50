//! libFuzzer target for XLSX: the fuzzed bytes become the first worksheet's XML inside the import
//! template's workbook (the other parts intact), so every input reaches calamine's sheet reader.
#![no_main]

#[path = "common.rs"]
mod common;

use fjindex::data::export::template_xlsx;
use fjindex::data::seeds::{counties, indicator_system};
use libfuzzer_sys::fuzz_target;
use std::io::Read;
use std::sync::OnceLock;

/// The template's parts, read once.
fn parts() -> &'static Vec<(String, Vec<u8>)> {
    static PARTS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    PARTS.get_or_init(|| {
        let xlsx = template_xlsx(&indicator_system(), &counties());
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
        (0..archive.len())
            .map(|k| {
                let mut f = archive.by_index(k).unwrap();
                let mut body = Vec::new();
                f.read_to_end(&mut body).unwrap();
                (f.name().unwrap().to_string(), body)
            })
            .collect()
    })
}

fuzz_target!(|sheet: &[u8]| {
    let parts: Vec<(&str, &[u8])> = parts()
        .iter()
        .map(|(name, body)| {
            let body = if name == "xl/worksheets/sheet1.xml" {
                sheet
            } else {
                body.as_slice()
            };
            (name.as_str(), body)
        })
        .collect();
    common::check(&common::zip(&parts));
});
