//! Calibration.
fn main() {}
