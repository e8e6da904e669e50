//! Shared by the test crates: small synthetic data sets, a proptest strategy of arbitrary ones, and the
//! `fjindex` command run as a process.
// Each test crate that includes this module uses only some of it.
#![allow(dead_code)]

use fjindex::data::seeds;
use fjindex::model::*;
use proptest::prelude::*;

pub fn system() -> IndicatorSystem {
    seeds::indicator_system()
}

/// A synthetic data set: unit `u`, indicator `i` gets `f(u, i)`.
pub fn synthetic(n: usize, f: impl Fn(usize, usize) -> Option<f64>) -> Dataset {
    let sys = system();
    let units = (0..n)
        .map(|u| Unit {
            adcode: format!("{:06}", 100000 + u),
            name_zh: format!("县{u}"),
            name_en: String::new(),
            prefecture_zh: if u % 2 == 0 {
                "甲市".into()
            } else {
                "乙市".into()
            },
            lon: None,
            lat: None,
        })
        .collect();
    let mut data = Dataset::new(DatasetMeta::default(), units, sys.n_indicators());
    for u in 0..n {
        for i in 0..sys.n_indicators() {
            data.set(u, i, f(u, i));
        }
    }
    data
}

pub fn arbitrary_data() -> impl Strategy<Value = (Vec<Vec<Option<f64>>>, u64)> {
    let cell = prop_oneof![9 => (0.0f64..1000.0).prop_map(|v| Some((v * 10.0).round() / 10.0)), 1 => Just(None)];
    (
        prop::collection::vec(prop::collection::vec(cell, 16), 3..12),
        any::<u64>(),
    )
}

pub fn dataset_from(rows: &[Vec<Option<f64>>]) -> Dataset {
    synthetic(rows.len(), |u, i| rows[u][i])
}

/// The settings of every property test under `tests/`: `cases` cases unless `PROPTEST_CASES` asks for
/// more or fewer, the seed `PROPTEST_RNG_SEED` gives (fixed under CI by `scripts/test.sh`, random
/// otherwise), and each failing case saved in `<test file>.proptest-regressions` beside the test file
/// (proptest's default looks for a `lib.rs` above `tests/`, finds none and only warns), replayed first
/// on every later run.
pub fn proptest_config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    }
}

/// The sheets of an XLSX file as calamine reads them: each sheet's name and its rows of cells.
pub fn read_xlsx(bytes: &[u8]) -> Vec<(String, Vec<Vec<calamine::Data>>)> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            (name, range.rows().map(|r| r.to_vec()).collect())
        })
        .collect()
}

/// Runs the `fjindex` binary with `args` and returns what it printed and its exit status.
pub fn fjindex(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_fjindex"))
        .args(args)
        .output()
        .expect("fjindex runs")
}
