//! Prints the time to read a CSV at the row limit (200,000 rows, the header included: 199,999 units x
//! 16 indicators) natively: the wide-CSV reader (the command line's `--data`, and the panels module
//! re-reading an imported data set) and the page's importer (encoding, header and county matching,
//! every check), then one `score()` of the result. Writes the file to `target/import-limit.csv`, so the
//! command line can be timed on it too:
//! `time target/release/fjindex rank --data target/import-limit.csv --format csv > /dev/null`.
//! Figures only; nothing asserted.

use fjindex::data::import::{import_bundled, ImportOptions};
use fjindex::data::{seeds, wide_csv, MAX_ROWS};
use fjindex::model::{DatasetMeta, Scenario};
use fjindex::score::score;
use std::time::Instant;

/// A wide CSV of `rows` rows, the header included: made-up 6-digit codes and in-range values.
fn file_at(rows: usize) -> String {
    let system = seeds::indicator_system();
    let ids: Vec<&str> = system.indicators.iter().map(|i| i.id.as_str()).collect();
    let mut text = format!("adcode,name_zh,prefecture_zh,{}\n", ids.join(","));
    for u in 0..rows - 1 {
        text += &format!("{},单位{u},设区市{},", 100_000 + u, u % 97);
        let values: Vec<String> = system
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| {
                let share = ((u * 7919 + i * 104_729) % 1000) as f64 / 1000.0;
                let v = ind.plausible_min + share * (ind.plausible_max - ind.plausible_min);
                ind.format(v)
            })
            .collect();
        text += &values.join(",");
        text.push('\n');
    }
    text
}

/// Median and fastest of `rounds` runs, in milliseconds.
fn time_ms(rounds: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[rounds / 2], samples[0])
}

fn main() {
    let system = seeds::indicator_system();
    let text = file_at(MAX_ROWS);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/target/import-limit.csv");
    std::fs::write(path, &text).expect("target/ is writable");
    println!(
        "CSV at the row limit: {MAX_ROWS} rows ({} units x 16), {:.1} MB, written to {path}",
        MAX_ROWS - 1,
        text.len() as f64 / 1e6
    );

    let (median, fastest) = time_ms(5, || {
        let data = wide_csv::read(&text, &system, DatasetMeta::default()).expect("valid file");
        assert_eq!(data.n_units(), MAX_ROWS - 1);
    });
    println!("wide_csv::read (CLI --data, panels re-read): median {median:.0} ms, fastest {fastest:.0} ms");

    let (median, fastest) = time_ms(3, || {
        let report = import_bundled(text.as_bytes(), &ImportOptions::default());
        assert!(report.errors.is_empty(), "{:?}", report.errors.first());
    });
    println!("page importer (import_bundled): median {median:.0} ms, fastest {fastest:.0} ms");

    let data = wide_csv::read(&text, &system, DatasetMeta::default()).expect("valid file");
    let scenario = Scenario::default_for(&system);
    let (median, fastest) = time_ms(3, || {
        score(&system, &data, &scenario).expect("scores");
    });
    println!(
        "score() of the {} units: median {median:.0} ms, fastest {fastest:.0} ms",
        data.n_units()
    );

    let longer = file_at(MAX_ROWS + 1);
    let (median, _) = time_ms(3, || {
        assert!(wide_csv::read(&longer, &system, DatasetMeta::default()).is_err());
    });
    println!("refusing a file one row over the limit (wide_csv::read): median {median:.0} ms");
}
