//! What every fuzz target shares: running the importer on a file, first sheet and a named one, and
//! checking that it returns a data set exactly when it reports no error (it must never panic).

use fjindex::data::import::{aliases, import, ImportOptions, Reference};
use fjindex::data::seeds::{counties, indicator_system};
use std::io::Write;

pub fn check(file: &[u8]) {
    let (system, counties, aliases) = (indicator_system(), counties(), aliases());
    let reference = Reference {
        system: &system,
        counties: &counties,
        aliases: &aliases,
    };
    for sheet in [None, Some("数据".to_string())] {
        let options = ImportOptions {
            sheet,
            ..Default::default()
        };
        let report = import(file, &options, &reference);
        assert_eq!(report.dataset.is_some(), report.errors.is_empty());
    }
}

/// A zip of `parts`, stored uncompressed, so the fuzzed bytes reach the parser behind it unchanged.
pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in parts {
        w.start_file(*name, options).unwrap();
        w.write_all(body).unwrap();
    }
    w.finish().unwrap().into_inner()
}
