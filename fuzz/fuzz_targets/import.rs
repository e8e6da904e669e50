//! libFuzzer target: any bytes through the importer, read as the first sheet and as a named one.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| common::check(bytes));
