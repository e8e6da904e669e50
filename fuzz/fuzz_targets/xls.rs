//! libFuzzer target for XLS (BIFF in an OLE compound file): the fuzzed bytes behind the OLE signature,
//! so every input is taken for a legacy workbook and reaches calamine's XLS reader.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

const OLE_SIGNATURE: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

fuzz_target!(|bytes: &[u8]| {
    let mut file = OLE_SIGNATURE.to_vec();
    file.extend_from_slice(bytes.strip_prefix(OLE_SIGNATURE).unwrap_or(bytes));
    common::check(&file);
});
