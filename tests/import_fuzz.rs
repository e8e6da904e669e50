//! Fuzzing the import paths with proptest: arbitrary bytes, and mutations of the CSV and XLSX templates
//! (for XLSX, of the XML inside the zip, which is then re-zipped so the mutation reaches the parser).
//! The importer must never panic, and must return a data set exactly when it reports no error.

mod common;

use fjindex::data::export::{template_csv, template_xlsx};
use fjindex::data::import::{aliases, import, ImportOptions, ImportReport, Reference};
use fjindex::data::seeds::{counties, indicator_system};
use proptest::prelude::*;
use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

struct Fixture {
    csv: Vec<u8>,
    xlsx_parts: Vec<(String, Vec<u8>)>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let system = indicator_system();
        let counties = counties();
        // A template with a value in every cell, so mutations can reach the number parsing.
        let csv: String = template_csv(&system, &counties)
            .lines()
            .enumerate()
            .map(|(k, l)| {
                if k == 0 {
                    format!("{l}\n")
                } else {
                    format!("{l}{}\n", ",12.5".repeat(16))
                }
            })
            .collect();
        let xlsx = template_xlsx(&system, &counties);
        let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
        let xlsx_parts = (0..archive.len())
            .map(|k| {
                let mut f = archive.by_index(k).unwrap();
                let mut body = Vec::new();
                f.read_to_end(&mut body).unwrap();
                (f.name().unwrap().to_string(), body)
            })
            .collect();
        Fixture {
            csv: csv.into_bytes(),
            xlsx_parts,
        }
    })
}

fn run(bytes: &[u8], sheet: Option<String>) -> ImportReport {
    let (system, counties, aliases) = (indicator_system(), counties(), aliases());
    let reference = Reference {
        system: &system,
        counties: &counties,
        aliases: &aliases,
    };
    let report = import(
        bytes,
        &ImportOptions {
            sheet,
            ..Default::default()
        },
        &reference,
    );
    assert_eq!(report.dataset.is_some(), report.errors.is_empty());
    report
}

/// One edit to a byte string.
#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<prop::sample::Index>().prop_map(|i| i.index(1 << 20));
    prop_oneof![
        (at.clone(), any::<u8>()).prop_map(|(p, b)| Mutation::Flip(p, b)),
        (
            at.clone(),
            prop_oneof![
                prop::collection::vec(any::<u8>(), 1..8),
                prop::sample::select(vec![
                    b",".to_vec(),
                    b"\"".to_vec(),
                    b"\n".to_vec(),
                    "％".as_bytes().to_vec(),
                    b"<c r=\"XFD1048576\"><v>1</v></c>".to_vec(),
                    b"</row>".to_vec(),
                    b"&amp;".to_vec(),
                    b"-1e308".to_vec(),
                ]),
            ]
        )
            .prop_map(|(p, b)| Mutation::Insert(p, b)),
        (at.clone(), 1usize..64).prop_map(|(p, n)| Mutation::Delete(p, n)),
        at.clone().prop_map(Mutation::Truncate),
        (at, 1usize..200).prop_map(|(p, n)| Mutation::Duplicate(p, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Flip(p, b) => {
            if !bytes.is_empty() {
                bytes[p % len] ^= b | 1;
            }
        }
        Mutation::Insert(p, b) => {
            let at = p % (bytes.len() + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::Delete(p, n) => {
            let at = p % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        Mutation::Truncate(p) => bytes.truncate(p % len),
        Mutation::Duplicate(p, n) => {
            let at = p % len;
            let end = (at + n).min(bytes.len());
            let copy: Vec<u8> = bytes[at.min(end)..end].to_vec();
            bytes.splice(end..end, copy);
        }
    }
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in parts {
        w.start_file(name.as_str(), options).unwrap();
        w.write_all(body).unwrap();
    }
    w.finish().unwrap().into_inner()
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        run(&bytes, None);
    }

    #[test]
    fn arbitrary_bytes_behind_a_workbook_signature(
        prefix in prop::sample::select(vec![b"PK\x03\x04".to_vec(), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec()]),
        tail in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        let mut bytes = prefix;
        bytes.extend(tail);
        run(&bytes, None);
    }

    #[test]
    fn mutated_csv_template(mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut bytes = fixture().csv.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        run(&bytes, None);
    }

    #[test]
    fn mutated_xlsx_template(
        part in prop::sample::select(vec![0usize, 2, 3, 4, 5, 6]),
        mutations in prop::collection::vec(mutation(), 1..6),
        sheet in prop::option::of(prop::sample::select(vec!["数据".to_string(), "指标说明".to_string(), "x".to_string()])),
    ) {
        let mut parts = fixture().xlsx_parts.clone();
        let k = part % parts.len();
        for m in &mutations {
            apply(&mut parts[k].1, m);
        }
        run(&rezip(&parts), sheet);
    }

    #[test]
    fn mutated_xlsx_bytes(mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut bytes = rezip(&fixture().xlsx_parts);
        for m in &mutations {
            apply(&mut bytes, m);
        }
        run(&bytes, None);
    }
}

#[test]
fn the_unmutated_templates_are_read() {
    let f = fixture();
    let csv = run(&f.csv, None);
    assert!(csv.errors.is_empty(), "{:?}", csv.errors);
    let xlsx = run(&rezip(&f.xlsx_parts), None);
    assert_eq!(xlsx.known_units, 83);
    assert_eq!(xlsx.columns.len(), 19);
}
