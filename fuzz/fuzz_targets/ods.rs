//! libFuzzer target for ODS: the fuzzed bytes become `content.xml` of an OpenDocument spreadsheet
//! (with its `mimetype` entry first), so every input reaches calamine's ODS reader.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|content: &[u8]| {
    let file = common::zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".as_slice()),
        ("content.xml", content),
    ]);
    common::check(&file);
});
