//! `fjindex` refuses weights the scenario check refuses (`fjindex::validate`), run as a process: a clear
//! message on stderr, nothing on stdout, a non-zero exit.

mod common;

use common::fjindex;

fn refused(args: &[&str], expected: &str) {
    let out = fjindex(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} succeeded");
    assert!(out.stdout.is_empty(), "{args:?} printed a ranking");
    assert!(stderr.contains(expected), "{args:?}: {stderr}");
    assert!(
        stderr.len() < 400,
        "{args:?}: a {} byte message",
        stderr.len()
    );
}

#[test]
fn huge_weights_are_refused() {
    let all = "industry=1e308,innovation=1e308,cluster=1e308,quality=1e308,smart=1e308";
    for command in ["rank", "uncertainty", "reach", "bounds"] {
        let mut args = vec![command, "--weights", all];
        if command == "reach" {
            args.extend(["--county", "350582", "--target", "1"]);
        }
        refused(&args, "is above 100; weights go from 0 to 100");
    }
}

#[test]
fn all_zero_weights_are_refused() {
    refused(
        &[
            "rank",
            "--weights",
            "industry=0,innovation=0,cluster=0,quality=0,smart=0",
        ],
        "the dimension weights cannot all be zero",
    );
    // A subnormal weight counts as zero.
    refused(
        &[
            "rank",
            "--weights",
            "industry=1e-320,innovation=0,cluster=0,quality=0,smart=0",
        ],
        "cannot all be zero",
    );
    refused(
        &[
            "rank",
            "--indicator-weights",
            "revenue=0,value_added_growth=0,industry_gdp_share=0",
        ],
        "cannot all be zero",
    );
}

#[test]
fn negative_and_out_of_range_weights_are_refused() {
    refused(&["rank", "--weights=industry=-1"], "is negative");
    refused(&["rank", "--weights", "smart=101"], "is above 100");
    refused(
        &["rank", "--indicator-weights", "revenue=250"],
        "is above 100",
    );
    refused(
        &["rank", "--weights", "industry=inf"],
        "is not a finite number",
    );
    refused(
        &["rank", "--weights", "industry=NaN"],
        "is not a finite number",
    );
}

#[test]
fn a_long_unknown_name_is_shortened_in_the_message() {
    let long = format!("--weights={}=1", "x".repeat(100_000));
    refused(&["rank", &long], "unknown dimension");
}

#[test]
fn weights_at_the_ends_of_the_range_still_rank() {
    let out = fjindex(&[
        "rank",
        "--format",
        "csv",
        "--weights",
        "industry=100,innovation=0,cluster=0,quality=0,smart=0",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
