//! Files with several editions: a year column or sheets named by year become editions, `--edition`
//! picks one for every command, and `fjindex change` compares two, from one file or from two.

mod common;

use common::fjindex;
use fjindex::data::import::{import_bundled, ImportOptions, Role};
use fjindex::data::xlsx_writer::{self, Sheet, XCell};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/www/samples/sample-editions-synthetic.csv"
);

fn sample_rows() -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("fjindex-editions-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// The sample's rows of one year, without the year column, as a CSV of one data set.
fn one_year_csv(year: &str) -> String {
    let rows = sample_rows();
    let mut out = rows[1][1..].join(",") + "\n";
    for row in rows.iter().skip(2).filter(|r| r[0] == year) {
        out += &(row[1..].join(",") + "\n");
    }
    out
}

/// The sample as a workbook: one sheet per year, named "2023年" and "2024年", and a notes sheet.
fn year_sheets_workbook() -> Vec<u8> {
    let rows = sample_rows();
    let sheet = |name: &str, year: Option<&str>| Sheet {
        name: name.into(),
        rows: std::iter::once(&rows[1])
            .chain(rows.iter().skip(2).filter(|r| Some(r[0].as_str()) == year))
            .map(|r| {
                r[1..]
                    .iter()
                    .map(|cell| match cell.parse::<f64>() {
                        Ok(v) if !cell.starts_with('3') || cell.len() != 6 => XCell::Number(v),
                        _ => XCell::from(cell.as_str()),
                    })
                    .collect()
            })
            .collect(),
        widths: vec![],
        number_formats: vec![],
        freeze_header: false,
    };
    let mut notes = sheet("说明", None);
    notes.rows = vec![vec![XCell::from("示例数据，非真实统计")]];
    xlsx_writer::write(&[
        notes,
        sheet("2023年", Some("2023")),
        sheet("2024年", Some("2024")),
    ])
}

#[test]
fn a_year_column_splits_a_file_into_editions() {
    let report = import_bundled(&std::fs::read(SAMPLE).unwrap(), &ImportOptions::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let years: Vec<_> = report.editions.iter().map(|d| d.meta.year).collect();
    assert_eq!(years, [Some(2023), Some(2024)]);
    assert!(report.editions.iter().all(|d| d.n_units() == 82));
    assert_eq!(report.dataset.as_ref(), report.editions.last());
    assert!(report.columns.iter().any(|c| c.role == Some(Role::Year)));
    // 福安市 is only in 2024, 福鼎市 only in 2023.
    assert!(report.editions[0].unit_index("350981").is_none());
    assert!(report.editions[1].unit_index("350982").is_none());
}

#[test]
fn a_workbook_with_sheets_named_by_year_becomes_editions() {
    let report = import_bundled(&year_sheets_workbook(), &ImportOptions::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let years: Vec<_> = report.editions.iter().map(|d| d.meta.year).collect();
    assert_eq!(years, [Some(2023), Some(2024)]);
    let from_csv = import_bundled(&std::fs::read(SAMPLE).unwrap(), &ImportOptions::default());
    for (a, b) in report.editions.iter().zip(&from_csv.editions) {
        assert_eq!(a.content_hash(), b.content_hash());
    }
    // A chosen sheet is one data set, as before.
    let one = import_bundled(
        &year_sheets_workbook(),
        &ImportOptions {
            sheet: Some("2023年".into()),
            ..ImportOptions::default()
        },
    );
    assert!(one.editions.is_empty());
    assert_eq!(
        one.dataset.unwrap().content_hash(),
        from_csv.editions[0].content_hash()
    );
}

#[test]
fn an_unreadable_year_names_its_row_and_nothing_is_read() {
    let mut text = std::fs::read_to_string(SAMPLE).unwrap();
    text = text.replacen("\n2023,350102", "\n二〇二三,350102", 1);
    let report = import_bundled(text.as_bytes(), &ImportOptions::default());
    assert!(report.dataset.is_none() && report.editions.is_empty());
    let messages: Vec<String> = report
        .errors
        .iter()
        .map(|e| e.message(fjindex::model::Lang::En))
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("row 3") && m.contains("二〇二三")),
        "{messages:?}"
    );
}

#[test]
fn edition_picks_one_edition_for_every_command() {
    let only_2023 = temp("2023.csv", one_year_csv("2023").as_bytes());
    let alone = fjindex(&["rank", "--data", &only_2023, "--format", "csv"]);
    for file in [
        SAMPLE.to_string(),
        temp("years.xlsx", &year_sheets_workbook()),
    ] {
        let picked = fjindex(&[
            "rank",
            "--data",
            &file,
            "--edition",
            "2023",
            "--format",
            "csv",
        ]);
        assert!(
            picked.status.success(),
            "{}",
            String::from_utf8_lossy(&picked.stderr)
        );
        assert_eq!(picked.stdout, alone.stdout);
        let note = String::from_utf8_lossy(&picked.stderr);
        assert!(note.contains("editions 2023, 2024; using 2023"), "{note}");
    }
    let latest = fjindex(&["rank", "--data", SAMPLE, "--format", "csv"]);
    let only_2024 = temp("2024.csv", one_year_csv("2024").as_bytes());
    assert_eq!(
        latest.stdout,
        fjindex(&["rank", "--data", &only_2024, "--format", "csv"]).stdout
    );
    let missing = fjindex(&["rank", "--data", SAMPLE, "--edition", "2019"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr)
        .contains("no edition 2019; its editions are 2023, 2024"));
}

fn records(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::Reader::from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn change_from_one_file_equals_change_from_two_files_and_its_parts_add_up() {
    let one = fjindex(&[
        "change",
        "--data",
        SAMPLE,
        "--from-year",
        "2023",
        "--to-year",
        "2024",
    ]);
    assert!(
        one.status.success(),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    let (a, b) = (
        temp("from.csv", one_year_csv("2023").as_bytes()),
        temp("to.csv", one_year_csv("2024").as_bytes()),
    );
    let two = fjindex(&["change", "--from", &a, "--to", &b]);
    assert_eq!(one.stdout, two.stdout);
    let rows = records(&one.stdout);
    assert_eq!(
        rows.len(),
        83,
        "81 counties in both, then one gone and one new"
    );
    for row in &rows[..81] {
        let n = |k: usize| row[k].parse::<f64>().unwrap();
        assert_eq!(n(4), n(2) - n(3), "rank_change = rank_from - rank_to");
        assert_eq!(n(5) + n(6), n(4), "own + others = change");
        let contributions: f64 = (10..26).map(n).sum();
        assert!((contributions - n(9)).abs() < 1e-5, "{row:?}");
    }
    assert_eq!(&rows[81][..5], ["350982", "福鼎市", "25", "", ""]);
    assert_eq!(rows[82][0..2], ["350981", "福安市"]);
    assert!(rows[81][4..]
        .iter()
        .all(|c| c.is_empty() || c.parse::<f64>().is_ok()));
}

#[test]
fn change_leaves_out_contributions_where_they_do_not_apply_and_says_why() {
    for flags in [
        &["--scaling", "each"][..],
        &["--normalize", "rank"],
        &["--aggregate", "geometric"],
    ] {
        let mut args = vec!["change", "--data", SAMPLE];
        args.extend_from_slice(flags);
        let out = fjindex(&args);
        assert!(out.status.success());
        let header = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap()
            .to_string();
        assert!(header.ends_with("score_change"), "{flags:?}: {header}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("no per-indicator contributions"));
    }
    let json = fjindex(&["change", "--data", SAMPLE, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["scaling"], "pooled");
    assert!(value["from"].as_str().unwrap().ends_with("(2023)"));
    assert_eq!(value["counties"].as_array().unwrap().len(), 81);
    assert_eq!(value["unmatched"][0]["status"], "gone");
    assert!(value.get("contributions_omitted").is_none());
}
