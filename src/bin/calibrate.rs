//! Regenerates the bundled 2024 estimates (seeds/data_2024.csv and seeds/provenance_2024.csv) from the
//! seeds by the deterministic calibration; `--check` only compares with the committed files.

use fjindex::calibration;
use fjindex::data::{seeds, wide_csv};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let check_only = std::env::args().any(|a| a == "--check");
    let system = seeds::indicator_system();
    let result = calibration::run(
        &system,
        &seeds::counties(),
        &seeds::published(),
        seeds::CALIBRATION_PRIOR_CSV,
    );
    let calibrated = match result {
        Ok(c) => c,
        Err(message) => {
            eprintln!("calibration failed: {message}");
            return ExitCode::FAILURE;
        }
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let outputs = [
        ("data_2024.csv", wide_csv::write(&calibrated.data, &system)),
        ("provenance_2024.csv", calibrated.provenance.to_csv()),
    ];
    let mut same = true;
    for (name, text) in &outputs {
        let path = dir.join(name);
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        same &= old == *text;
        if !check_only {
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    eprintln!("{}", calibrated.report);
    match (check_only, same) {
        (true, false) => {
            eprintln!("the committed seeds differ from a fresh calibration; run `cargo run --release --bin calibrate`");
            ExitCode::FAILURE
        }
        (_, true) => {
            eprintln!("seeds are up to date");
            ExitCode::SUCCESS
        }
        (false, false) => {
            eprintln!("wrote seeds/data_2024.csv and seeds/provenance_2024.csv");
            ExitCode::SUCCESS
        }
    }
}
