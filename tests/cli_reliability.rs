//! The command line facing hostile or extreme input, run as a process: names that spreadsheets would
//! take for formulas, values at the ends of the double range, out-of-range numeric flags and files
//! beyond the row limit.

mod common;

use common::fjindex;

use std::io::Write;
use std::process::Output;

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp_csv(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "fjindex-reliability-{}-{name}.csv",
        std::process::id()
    ));
    std::fs::File::create(&path)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    path
}

const IDS: [&str; 16] = [
    "revenue",
    "value_added_growth",
    "industry_gdp_share",
    "rd_intensity",
    "new_patents",
    "hightech_firms",
    "new_rd_platforms",
    "chain_output_share",
    "quality_firms",
    "net_new_firms",
    "emerging_output_share",
    "profit_margin",
    "energy_intensity_drop",
    "srdi_firms",
    "smart_factories",
    "green_factories",
];

fn header() -> String {
    format!("adcode,name_zh,prefecture_zh,{}", IDS.join(","))
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn records(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

const HOSTILE: [&str; 6] = [
    "=HYPERLINK(\"http://evil\",\"x\")",
    "=cmd|'/C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1+1)",
    "=1+1",
];

fn hostile_file() -> std::path::PathBuf {
    let mut text = header() + "\n";
    for (k, name) in HOSTILE.iter().enumerate() {
        let values: Vec<String> = (0..16)
            .map(|i| ((k * 7 + i * 3) % 23 + 1).to_string())
            .collect();
        let adcode = format!("90000{k}");
        let prefecture = HOSTILE[(k + 1) % HOSTILE.len()];
        text += &format!(
            "{},{},{},{}\n",
            field(&adcode),
            field(name),
            field(prefecture),
            values.join(",")
        );
    }
    temp_csv("hostile", &text)
}

#[test]
fn hostile_names_in_rank_csv_start_with_an_apostrophe_and_numbers_stay_numbers() {
    let path = hostile_file();
    let out = fjindex(&["rank", "--data", path.to_str().unwrap(), "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = records(&stdout(&out));
    assert_eq!(rows.len(), HOSTILE.len());
    for row in &rows {
        for c in 1..4 {
            let text = &row[c];
            let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
            assert!(!formula, "column {c} starts like a formula: {text:?}");
        }
        assert!(
            HOSTILE.iter().any(|h| row[2] == format!("'{h}")),
            "{:?}",
            &row[2]
        );
        assert!(
            HOSTILE.iter().any(|h| row[3] == format!("'{h}")),
            "{:?}",
            &row[3]
        );
        row[0].parse::<u32>().expect("the rank is a plain number");
        for c in 4..row.len() {
            row[c].parse::<f64>().expect("scores are plain numbers");
        }
    }
    // A code that starts like a formula never gets in: codes are six digits, as the page's import requires.
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("900005,", "-900005,");
    let refused = fjindex(&[
        "rank",
        "--data",
        temp_csv("hostile-code", &text).to_str().unwrap(),
    ]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("row 7, column adcode: \"-900005\" is not a 6-digit"),
        "{}",
        stderr(&refused)
    );
    let out = fjindex(&[
        "uncertainty",
        "--data",
        path.to_str().unwrap(),
        "--samples",
        "20",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = records(&stdout(&out));
    assert!(rows.iter().any(|r| &r[0] == "900005"));
    assert!(rows.iter().all(|r| r[1].parse::<u32>().is_ok()));
}

/// The plausible range of each indicator, from `seeds/indicators.json`.
fn plausible_ranges() -> Vec<(String, f64, f64)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/indicators.json"
    ))
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let bound = |k: &str| i[k].as_f64().unwrap();
            (
                i["id"].as_str().unwrap().to_string(),
                bound("plausible_min"),
                bound("plausible_max"),
            )
        })
        .collect()
}

const SIGNED: [&str; 4] = [
    "value_added_growth",
    "net_new_firms",
    "profit_margin",
    "energy_intensity_drop",
];

/// Three units: the first at the top of every indicator, the last at the bottom. The four signed
/// indicators span the whole double range, so max - min overflows; the others stay inside their range.
fn extreme_file() -> std::path::PathBuf {
    let ranges = plausible_ranges();
    let mut text = header() + "\n";
    for (k, adcode) in ["900001", "900002", "900003"].iter().enumerate() {
        let values: Vec<String> = IDS
            .iter()
            .map(|id| {
                let (_, lo, hi) = ranges.iter().find(|r| r.0 == *id).unwrap();
                if SIGNED.contains(id) {
                    ["1.7e308", "0", "-1.7e308"][k].to_string()
                } else {
                    [*hi, (lo + hi) / 2.0, *lo][k].to_string()
                }
            })
            .collect();
        text += &format!("{adcode},单位{k},测试市,{}\n", values.join(","));
    }
    temp_csv("extreme", &text)
}

#[test]
fn extreme_values_score_the_top_unit_100_and_are_warned_about() {
    let path = extreme_file();
    for normalize in ["minmax", "efficacy"] {
        let out = fjindex(&[
            "rank",
            "--data",
            path.to_str().unwrap(),
            "--format",
            "csv",
            "--normalize",
            normalize,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let rows = records(&stdout(&out));
        assert_eq!(&rows[0][1], "900001");
        assert_eq!(&rows[0][4], "100.000000", "{normalize}: {:?}", rows[0]);
        for (d, score) in rows[0].iter().skip(5).enumerate() {
            assert_eq!(score, "100.000000", "{normalize}: dimension {d}");
        }
        let bottom = if normalize == "minmax" {
            "0.000000"
        } else {
            "60.000000"
        };
        assert_eq!(&rows[2][4], bottom, "{normalize}: {:?}", rows[2]);
        let err = stderr(&out);
        for id in SIGNED {
            let line = err
                .lines()
                .find(|l| l.starts_with("warning:") && l.contains(&format!("column {id}:")))
                .unwrap_or_else(|| panic!("no warning about {id}: {err}"));
            assert!(
                line.contains("plausible range") && line.contains("1.7e308"),
                "{line}"
            );
        }
        let range_warnings = err
            .lines()
            .filter(|l| l.starts_with("warning:") && l.contains("plausible range"))
            .count();
        assert_eq!(
            range_warnings,
            SIGNED.len(),
            "only the four extreme columns: {err}"
        );
    }
}

#[test]
fn numeric_flags_out_of_range_give_range_messages_and_fail() {
    let cases: [(&[&str], &str); 9] = [
        (
            &["uncertainty", "--samples", "1000001"],
            "--samples must be a whole number from 1 to 1000000",
        ),
        (
            &["uncertainty", "--samples", "0"],
            "--samples must be a whole number from 1 to 1000000",
        ),
        (
            &["uncertainty", "--samples", "-5"],
            "--samples must be a whole number from 1 to 1000000",
        ),
        (
            &["uncertainty", "--noise", "-1"],
            "--noise must be a number from 0 up to (not including) 1, got -1",
        ),
        (
            &["uncertainty", "--noise", "1"],
            "--noise must be a number from 0 up to (not including) 1, got 1",
        ),
        (
            &["uncertainty", "--seed", "-1"],
            "--seed must be a whole number from 0",
        ),
        (
            &["reach", "--county", "350211", "--target", "-1"],
            "--target must be a rank, a whole number from 1",
        ),
        (
            &["reach", "--county", "350211", "--target", "0"],
            "--target must be a rank, a whole number from 1",
        ),
        (
            &["reach", "--county", "350211", "--target", "84"],
            "target rank 84",
        ),
    ];
    for (args, expected) in cases {
        let out = fjindex(args);
        let err = stderr(&out);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("unexpected argument"), "{args:?}: {err}");
    }
}

#[test]
fn a_data_file_beyond_the_row_limit_is_refused_naming_the_limit() {
    let mut text = header() + "\n";
    // Rows 2..=200,001 of the file: one more than the limit of 200,000 rows, the header included.
    for u in 0..200_000 {
        text += &format!("{},u{u},\n", 1_000_000 + u);
    }
    let path = temp_csv("too-long", &text);
    let out = fjindex(&["rank", "--data", path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("more rows than the limit of 200,000"),
        "{}",
        stderr(&out)
    );
}
