//! The `fjindex` command line, run as a process: formats, flags, errors and exit codes.

mod common;

use common::fjindex;

use std::io::Write;
use std::process::Output;

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn temp_csv(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("fjindex-cli-{}-{name}.csv", std::process::id()));
    std::fs::File::create(&path)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    path
}

const HEADER: &str = "adcode,name_zh,prefecture_zh,revenue,value_added_growth,industry_gdp_share,rd_intensity,new_patents,hightech_firms,new_rd_platforms,chain_output_share,quality_firms,net_new_firms,emerging_output_share,profit_margin,energy_intensity_drop,srdi_firms,smart_factories,green_factories";

#[test]
fn csv_output_has_the_documented_columns_and_six_decimals() {
    let out = fjindex(&["rank", "--format", "csv"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "rank,adcode,name_zh,prefecture_zh,score,industry,innovation,cluster,quality,smart"
    );
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(first[0], "1");
    assert_eq!(first[1], "350582");
    assert!(
        first[4].split('.').nth(1).unwrap().len() >= 6,
        "score {} has fewer than 6 decimals",
        first[4]
    );
    assert_eq!(text.lines().count(), 84);
}

#[test]
fn weights_flag_keeps_unnamed_dimensions_at_the_default() {
    let only = stdout(&fjindex(&[
        "rank",
        "--format",
        "csv",
        "--weights",
        "innovation=100,industry=0,cluster=0,quality=0,smart=0",
    ]));
    let top = only.lines().nth(1).unwrap();
    assert!(top.contains("350211"), "集美区 leads innovation: {top}");
    // Naming one dimension at its default weight changes nothing.
    let same = stdout(&fjindex(&[
        "rank",
        "--format",
        "csv",
        "--weights",
        "industry=1",
    ]));
    assert_eq!(same, stdout(&fjindex(&["rank", "--format", "csv"])));
}

#[test]
fn entropy_and_critic_refuse_manual_weights_and_print_sixteen_weights() {
    let out = fjindex(&["rank", "--weighting", "entropy", "--weights", "industry=2"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("derives all weights"));
    for scheme in ["entropy", "critic"] {
        let out = fjindex(&["weights", "--weighting", scheme]);
        assert!(out.status.success());
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(map.len(), 16);
        let sum: f64 = map.values().map(|v| v.as_f64().unwrap()).sum();
        assert!((sum - 1.0).abs() < 1e-9);
    }
}

#[test]
fn json_and_table_formats_render() {
    let json: serde_json::Value =
        serde_json::from_slice(&fjindex(&["rank", "--format", "json"]).stdout).unwrap();
    assert_eq!(json["ranking"].as_array().unwrap().len(), 83);
    assert_eq!(json["ranking"][0]["name_zh"], "晋江市");
    let table = stdout(&fjindex(&[
        "rank",
        "--normalize",
        "zscore",
        "--aggregate",
        "geometric",
    ]));
    assert!(table.lines().count() >= 84);
}

#[test]
fn bad_data_files_name_row_and_column_and_exit_non_zero() {
    let values = "1,2,3,1,4,5,1,50,2,1,20,5,1,3,1,1";
    let cases = [
        (
            "text",
            format!(
                "{HEADER}\n350102,鼓楼区,福州市,{values}\n350103,台江区,福州市,abc{}\n",
                &values[1..]
            ),
            "row 3, column revenue",
        ),
        (
            "dup",
            format!("{HEADER}\n350102,鼓楼区,福州市,{values}\n350102,鼓楼区,福州市,{values}\n"),
            "row 3, column adcode",
        ),
        (
            "badcode",
            format!("{HEADER}\n3501X2,鼓楼区,福州市,{values}\n"),
            "row 2",
        ),
        ("empty", String::new(), "empty"),
    ];
    for (name, text, expected) in cases {
        let path = temp_csv(name, &text);
        let out = fjindex(&["rank", "--data", path.to_str().unwrap()]);
        assert!(!out.status.success(), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{name}: {err}");
    }
}

#[test]
fn any_set_of_units_with_blank_prefecture_and_missing_values_ranks() {
    let mut text = format!("{HEADER}\n");
    for u in 0..50 {
        let mut row = format!("{},单位{u},", 900000 + u);
        for i in 0..16 {
            if (u + i) % 11 == 0 {
                row.push(',');
            } else {
                row.push_str(&format!(",{}", (u * 7 + i * 3) % 29));
            }
        }
        text.push_str(&row);
        text.push('\n');
    }
    let path = temp_csv("many", &text);
    let out = fjindex(&["rank", "--data", path.to_str().unwrap(), "--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout(&out).lines().count(), 51);
}

#[test]
fn rank_lang_takes_the_id_of_every_language_and_nothing_else() {
    use fjindex::model::Lang;
    for &lang in Lang::ALL {
        let path = std::env::temp_dir().join(format!(
            "fjindex-cli-{}-{}.xlsx",
            std::process::id(),
            lang.id()
        ));
        let output = path.to_str().unwrap();
        let out = fjindex(&[
            "rank",
            "--format",
            "xlsx",
            "--lang",
            lang.id(),
            "--output",
            output,
        ]);
        let _ = std::fs::remove_file(&path);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = fjindex(&["rank", "--format", "xlsx", "--lang", "fr"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("'fr'") && stderr.contains("en"), "{stderr}");
}

/// The shares of a bounds witness such as `industry=0.1;innovation=0.3;...`.
fn witness_shares(text: &str) -> Vec<f64> {
    text.split(';')
        .map(|part| part.split_once('=').unwrap().1.parse().unwrap())
        .collect()
}

#[test]
fn bounds_weight_limits_confine_the_witnesses_and_no_flags_keep_todays_table() {
    let today = include_str!("../seeds/bounds_2024.csv");
    let plain = fjindex(&["bounds", "--format", "csv"]);
    assert!(plain.status.success());
    assert_eq!(stdout(&plain), today);
    let explicit = fjindex(&["bounds", "--weight-min", "0", "--weight-max", "100"]);
    assert_eq!(stdout(&explicit), today);

    let limited = fjindex(&[
        "bounds",
        "--weight-min",
        "10",
        "--weight-max",
        "40",
        "--format",
        "csv",
    ]);
    assert!(limited.status.success(), "{limited:?}");
    let text = stdout(&limited);
    assert_eq!(text.lines().next(), today.lines().next());
    assert_eq!(text.lines().count(), today.lines().count());
    let mut narrower = 0;
    for (row, free) in text.lines().zip(today.lines()).skip(1) {
        let fields: Vec<&str> = row.split(',').collect();
        let free: Vec<&str> = free.split(',').collect();
        assert_eq!(fields[0], free[0]);
        let rank = |f: &[&str], i: usize| f[i].parse::<u32>().unwrap();
        assert!(rank(&free, 1) <= rank(&fields, 1) && rank(&fields, 2) <= rank(&free, 2));
        if (rank(&fields, 1), rank(&fields, 2)) != (rank(&free, 1), rank(&free, 2)) {
            narrower += 1;
        }
        for witness in [fields[3], fields[4]] {
            let w = witness_shares(witness);
            assert_eq!(w.len(), 5);
            assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{row}");
            assert!(
                w.iter().all(|&v| (0.1 - 1e-9..=0.4 + 1e-9).contains(&v)),
                "{row}"
            );
        }
    }
    assert!(
        narrower > 0,
        "limits of 10 % to 40 % changed no county's range"
    );
}

#[test]
fn weight_limits_that_no_weighting_meets_are_refused() {
    let out = fjindex(&["bounds", "--weight-min", "25"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: dimension weight limits of 25% to 100% cannot hold: the 5 shares sum to 100%, so the minimum must be at most 20% and the maximum at least that, within 0% to 100%\n"
    );
    let out = fjindex(&[
        "reach",
        "--county",
        "350211",
        "--target",
        "1",
        "--weight-max",
        "15",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("0% to 15% cannot hold"));
    for bad in ["-5", "101", "ten"] {
        let out = fjindex(&["bounds", "--weight-max", bad]);
        assert_eq!(out.status.code(), Some(2), "--weight-max {bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("must be a percentage from 0 to 100"));
    }
}

#[test]
fn reach_with_weight_limits_answers_within_them() {
    let plain = stdout(&fjindex(&["reach", "--county", "350211", "--target", "1"]));
    assert!(!plain.contains("weight_min"));
    let out = fjindex(&[
        "reach",
        "--county",
        "350211",
        "--target",
        "1",
        "--weight-min",
        "10",
        "--weight-max",
        "40",
    ]);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["weight_min"], 0.1);
    assert_eq!(json["weight_max"], 0.4);
    assert_eq!(json["reachable"], true);
    let weights: Vec<f64> = json["weights"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert!((weights.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    assert!(
        weights
            .iter()
            .all(|&v| (0.1 - 1e-9..=0.4 + 1e-9).contains(&v)),
        "{weights:?}"
    );
}
