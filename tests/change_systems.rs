//! Editions under different indicator systems compared on what the systems have in common: the common
//! system matches dimensions and indicators by id, leaves out (and names) what only one side has, what
//! the sides place in different dimensions and what they turn in opposite directions, and the change on
//! it equals the change of both editions restricted by hand.

mod common;

use common::synthetic;
use fjindex::analysis::change::{edition_change, EditionChange};
use fjindex::analysis::common_system::{
    common_system, in_common, LeftOutReason, SystemSide, MIN_COMMON_DIMENSIONS,
};
use fjindex::data::seeds;
use fjindex::model::{Dataset, DatasetMeta, IndicatorSystem, Lang, Scaling, Scenario};
use serde_json::Value;

fn white_paper_json() -> Value {
    serde_json::from_str(seeds::INDICATORS_JSON).unwrap()
}

fn system_of(v: &Value) -> IndicatorSystem {
    IndicatorSystem::from_json(&v.to_string()).unwrap()
}

fn ids_of(v: &Value) -> Vec<String> {
    v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// The later edition's system: the white paper's with its dimensions and indicators in reverse order,
/// one indicator more (`digital_share`), `new_patents` moved from innovation to smart and
/// `profit_margin` turned lower-is-better.
fn second_system_json() -> Value {
    let mut v = white_paper_json();
    let dims: Vec<Value> = v["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .cloned()
        .collect();
    let order: Vec<String> = dims
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    let mut indicators: Vec<Value> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .cloned()
        .collect();
    for i in &mut indicators {
        match i["id"].as_str().unwrap() {
            "new_patents" => i["dimension"] = "smart".into(),
            "profit_margin" => i["higher_is_better"] = false.into(),
            _ => {}
        }
    }
    let mut extra = indicators[0].clone();
    extra["id"] = "digital_share".into();
    extra["name_zh"] = "数字经济占比".into();
    extra["name_en"] = "Digital economy share".into();
    extra["short_zh"] = "数字经济".into();
    extra["short_en"] = "Digital share".into();
    indicators.push(extra);
    indicators.sort_by_key(|i| {
        order
            .iter()
            .position(|d| d == i["dimension"].as_str().unwrap())
    });
    v["dimensions"] = Value::Array(dims);
    v["indicators"] = Value::Array(indicators);
    v
}

/// The white paper's system without `new_patents` and `profit_margin`, written out by hand.
fn restricted_json() -> Value {
    let mut v = white_paper_json();
    let kept: Vec<Value> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !["new_patents", "profit_margin"].contains(&i["id"].as_str().unwrap()))
        .cloned()
        .collect();
    v["indicators"] = Value::Array(kept);
    v
}

/// The value unit `u` has for indicator `id` in an edition (`year` 0 or 1): distinct per id, so a
/// column taken by position instead of id changes the result.
fn value(u: usize, id: &str, year: usize) -> Option<f64> {
    let h = id
        .bytes()
        .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64));
    let v = ((u as u64 * 37 + (h % 1009) * 11 + year as u64 * 13) % 101) as f64 + 0.5 * year as f64;
    (!(u == 3 && id == "revenue" && year == 1)).then_some(v)
}

/// An edition under the system whose indicator ids are `ids`, with units `units` of the synthetic set.
fn edition(ids: &[String], units: &[usize], year: usize) -> Dataset {
    let all = synthetic(30, |_, _| None).units;
    let units: Vec<_> = units.iter().map(|&u| all[u].clone()).collect();
    let mut data = Dataset::new(DatasetMeta::default(), units.clone(), ids.len());
    for (row, unit) in units.iter().enumerate() {
        let u: usize = unit.adcode.parse::<usize>().unwrap() - 100000;
        for (i, id) in ids.iter().enumerate() {
            data.set(row, i, value(u, id, year));
        }
    }
    data
}

/// A change in a form that compares equal when every number is equal, missing values (NaN) included.
fn same(change: &EditionChange) -> String {
    format!("{change:?}")
}

const FROM_UNITS: [usize; 20] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
];
const TO_UNITS: [usize; 20] = [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
];

#[test]
fn equal_systems_give_the_change_of_today() {
    let system = seeds::indicator_system();
    let ids = ids_of(&white_paper_json());
    let (from, to) = (edition(&ids, &FROM_UNITS, 0), edition(&ids, &TO_UNITS, 1));
    let common = in_common(&system, &from, &system, &to).unwrap();
    assert!(common.left_out.is_empty());
    assert_eq!(common.system, system);
    for scaling in [Scaling::Pooled, Scaling::Each] {
        let scenario = Scenario::default_for(&system);
        assert_eq!(
            same(
                &edition_change(&common.system, &common.from, &common.to, &scenario, scaling)
                    .unwrap()
            ),
            same(&edition_change(&system, &from, &to, &scenario, scaling).unwrap())
        );
    }
}

#[test]
fn different_systems_compare_what_they_share_matched_by_id() {
    let (a_json, b_json, r_json) = (white_paper_json(), second_system_json(), restricted_json());
    let (a, b, restricted) = (system_of(&a_json), system_of(&b_json), system_of(&r_json));
    let from = edition(&ids_of(&a_json), &FROM_UNITS, 0);
    let to = edition(&ids_of(&b_json), &TO_UNITS, 1);
    let common = in_common(&a, &from, &b, &to).unwrap();
    assert_eq!(ids_of(&r_json), {
        let ids: Vec<String> = common
            .system
            .indicators
            .iter()
            .map(|i| i.id.clone())
            .collect();
        ids
    });
    let r_ids = ids_of(&r_json);
    let (from_r, to_r) = (
        edition(&r_ids, &FROM_UNITS, 0),
        edition(&r_ids, &TO_UNITS, 1),
    );
    assert_eq!(common.system, restricted);
    assert_eq!(common.from.content_hash(), from_r.content_hash(), "from");
    assert_eq!(common.to.content_hash(), to_r.content_hash(), "to");
    for scaling in [Scaling::Pooled, Scaling::Each] {
        let scenario = Scenario::default_for(&restricted);
        let expected = edition_change(&restricted, &from_r, &to_r, &scenario, scaling).unwrap();
        let got =
            edition_change(&common.system, &common.from, &common.to, &scenario, scaling).unwrap();
        assert_eq!(same(&got), same(&expected), "{scaling:?}");
        assert_eq!(got.rows.len(), 19, "the counties in both editions");
    }
    let items: Vec<(SystemSide, bool, &str, LeftOutReason)> = common
        .left_out
        .items
        .iter()
        .map(|i| (i.side, i.is_dimension, i.id.as_str(), i.reason.clone()))
        .collect();
    assert_eq!(
        items,
        [
            (
                SystemSide::From,
                false,
                "new_patents",
                LeftOutReason::OtherDimension("smart".into())
            ),
            (
                SystemSide::From,
                false,
                "profit_margin",
                LeftOutReason::DirectionDiffers
            ),
            (
                SystemSide::To,
                false,
                "new_patents",
                LeftOutReason::OtherDimension("innovation".into())
            ),
            (
                SystemSide::To,
                false,
                "digital_share",
                LeftOutReason::OnlyInOne
            ),
            (
                SystemSide::To,
                false,
                "profit_margin",
                LeftOutReason::DirectionDiffers
            ),
        ]
    );
    let item = &common.left_out.items[3];
    assert_eq!(
        item.message(Lang::Zh),
        "较晚一版的指标“数字经济占比”（digital_share）不在另一版的指标体系中，比较时略去。"
    );
    assert_eq!(
        item.message(Lang::En),
        "In the later edition, the indicator \"Digital economy share\" (digital_share) is not in the other edition's indicator system; it is left out of the comparison."
    );
    for lang in Lang::ALL {
        for item in &common.left_out.items {
            let message = item.message(*lang);
            assert!(message.contains(&item.id), "{lang:?}: {message}");
        }
    }
}

#[test]
fn fewer_than_two_dimensions_in_common_are_refused_and_empty_dimensions_named() {
    let a = seeds::indicator_system();
    let mut v = white_paper_json();
    // Only industry keeps its indicators; cluster's move to a new dimension of the same name in
    // another id, and every other dimension goes.
    let indicators: Vec<Value> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| ["industry", "cluster"].contains(&i["dimension"].as_str().unwrap()))
        .cloned()
        .map(|mut i| {
            if i["dimension"] == "cluster" {
                i["dimension"] = "chains".into();
            }
            i
        })
        .collect();
    let mut chains = v["dimensions"][2].clone();
    chains["id"] = "chains".into();
    let dims = vec![
        v["dimensions"][0].clone(),
        v["dimensions"][2].clone(),
        chains,
    ];
    v["dimensions"] = Value::Array(dims);
    v["indicators"] = Value::Array(indicators);
    // "cluster" is left in the dimensions with no indicator, which a system does not allow; give it one.
    let mut lone = v["indicators"][3].clone();
    lone["id"] = "cluster_only".into();
    lone["dimension"] = "cluster".into();
    let mut list = v["indicators"].as_array().unwrap().clone();
    list.insert(3, lone);
    v["indicators"] = Value::Array(list);
    let b = system_of(&v);
    let refused = common_system(&a, &b).unwrap_err();
    assert_eq!(refused.dimensions, 1);
    assert!(refused.dimensions < MIN_COMMON_DIMENSIONS);
    assert_eq!(
        refused.message(Lang::Zh),
        "两版的指标体系只有 1 个含共同指标的维度，至少需要 2 个才能比较。"
    );
    let dims: Vec<(SystemSide, &str, &str)> = refused
        .left_out
        .items
        .iter()
        .filter(|i| i.is_dimension)
        .map(|i| (i.side, i.id.as_str(), i.reason.id()))
        .collect();
    assert_eq!(
        dims,
        [
            (SystemSide::From, "innovation", "only_in_one"),
            (SystemSide::From, "cluster", "no_indicator_in_common"),
            (SystemSide::From, "quality", "only_in_one"),
            (SystemSide::From, "smart", "only_in_one"),
            (SystemSide::To, "cluster", "no_indicator_in_common"),
            (SystemSide::To, "chains", "only_in_one"),
        ]
    );
}

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/www/samples/sample-editions-synthetic.csv"
);

/// The synthetic sample's header (year column dropped) and its rows of `year` (likewise), by column.
fn sample_year(year: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let header = rows[1][1..].to_vec();
    let body = rows[2..]
        .iter()
        .filter(|r| r[0] == year)
        .map(|r| r[1..].to_vec())
        .collect();
    (header, body)
}

/// The cell of `id` in a sample row; `digital_share`, which the sample lacks, is a tenth of revenue.
fn cell(header: &[String], row: &[String], id: &str) -> String {
    match header.iter().position(|h| h == id) {
        Some(k) => row[k].clone(),
        None => {
            let k = header.iter().position(|h| h == "revenue").unwrap();
            format!("{:.2}", row[k].parse::<f64>().unwrap() / 10.0)
        }
    }
}

/// The sample's `year` as a CSV with the columns `ids`, in that order.
fn csv_of(year: &str, ids: &[String]) -> String {
    let (header, body) = sample_year(year);
    let mut out = format!("adcode,name_zh,prefecture_zh,{}\n", ids.join(","));
    for row in &body {
        let cells: Vec<String> = ids.iter().map(|id| cell(&header, row, id)).collect();
        out += &format!("{},{},{},{}\n", row[0], row[1], row[2], cells.join(","));
    }
    out
}

/// The sample's `year` as the import template of `system` (with its 指标体系 sheet), filled.
fn workbook_of(year: &str, system: &IndicatorSystem) -> Vec<u8> {
    use fjindex::data::export::template_sheets;
    use fjindex::data::xlsx_writer::{self, XCell};
    let (header, body) = sample_year(year);
    let mut sheets = template_sheets(system, &seeds::counties());
    let data = &mut sheets[0].rows;
    data.retain(|row| match &row[0] {
        XCell::Text(adcode) => adcode == "行政区划代码" || body.iter().any(|r| &r[0] == adcode),
        _ => false,
    });
    for row in data.iter_mut().skip(1) {
        let XCell::Text(adcode) = &row[0] else {
            panic!("an adcode cell")
        };
        let sample = body.iter().find(|r| &r[0] == adcode).unwrap().clone();
        for indicator in &system.indicators {
            row.push(XCell::Number(
                cell(&header, &sample, &indicator.id).parse().unwrap(),
            ));
        }
    }
    xlsx_writer::write(&sheets)
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("fjindex-common-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn stdout_of(args: &[&str]) -> (Vec<u8>, String) {
    let out = common::fjindex(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {stderr}");
    (out.stdout, stderr)
}

#[test]
fn the_command_line_compares_files_under_different_systems_on_what_they_share() {
    let (a_json, b_json, r_json) = (white_paper_json(), second_system_json(), restricted_json());
    let (a, b) = (system_of(&a_json), system_of(&b_json));
    // The oracle: both editions restricted by hand to the shared indicators, under that system.
    let r_ids = ids_of(&r_json);
    let r_file = temp("restricted.json", r_json.to_string().as_bytes());
    let from_r = temp("from-r.csv", csv_of("2023", &r_ids).as_bytes());
    let to_r = temp("to-r.csv", csv_of("2024", &r_ids).as_bytes());
    let (expected, _) = stdout_of(&[
        "change", "--from", &from_r, "--to", &to_r, "--system", &r_file,
    ]);
    let expected_rows = String::from_utf8(expected.clone()).unwrap();
    assert_eq!(expected_rows.lines().count(), 84, "a header, 83 counties");

    // A CSV under the white paper's system, then a workbook that brings the second system.
    let from_csv = temp("from.csv", csv_of("2023", &ids_of(&a_json)).as_bytes());
    let to_xlsx = temp("to.xlsx", &workbook_of("2024", &b));
    let (got, stderr) = stdout_of(&["change", "--from", &from_csv, "--to", &to_xlsx]);
    assert_eq!(String::from_utf8(got).unwrap(), expected_rows);
    let notes: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("left out of the comparison"))
        .collect();
    assert_eq!(notes.len(), 5, "{stderr}");
    for id in ["new_patents", "profit_margin", "digital_share"] {
        assert!(
            notes.iter().any(|l| l.contains(&format!("({id})"))),
            "{id}: {stderr}"
        );
    }

    // A workbook that brings the white paper's system, then a CSV read under --system.
    let from_xlsx = temp("from.xlsx", &workbook_of("2023", &a));
    let to_csv = temp("to.csv", csv_of("2024", &ids_of(&b_json)).as_bytes());
    let b_file = temp("second.json", b_json.to_string().as_bytes());
    let (got, _) = stdout_of(&[
        "change", "--from", &from_xlsx, "--to", &to_csv, "--system", &b_file,
    ]);
    assert_eq!(String::from_utf8(got).unwrap(), expected_rows);

    let (json, _) = stdout_of(&[
        "change", "--from", &from_csv, "--to", &to_xlsx, "--format", "json",
    ]);
    let (oracle, _) = stdout_of(&[
        "change", "--from", &from_r, "--to", &to_r, "--system", &r_file, "--format", "json",
    ]);
    let (json, oracle): (Value, Value) = (
        serde_json::from_slice(&json).unwrap(),
        serde_json::from_slice(&oracle).unwrap(),
    );
    assert_eq!(json["counties"], oracle["counties"]);
    assert_eq!(json["unmatched"], oracle["unmatched"]);
    assert_eq!(oracle["left_out"], Value::Array(vec![]));
    let left_out: Vec<(&str, &str, &str)> = json["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["side"].as_str().unwrap(),
                i["id"].as_str().unwrap(),
                i["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        left_out,
        [
            ("from", "new_patents", "other_dimension"),
            ("from", "profit_margin", "direction_differs"),
            ("to", "new_patents", "other_dimension"),
            ("to", "digital_share", "only_in_one"),
            ("to", "profit_margin", "direction_differs"),
        ]
    );
    assert_eq!(json["left_out"][0]["other_dimension"], "smart");
}

#[test]
fn the_command_line_refuses_files_with_too_little_in_common() {
    let mut v = white_paper_json();
    let keep = ["industry"];
    let dims: Vec<Value> = v["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| keep.contains(&d["id"].as_str().unwrap()))
        .cloned()
        .chain([serde_json::json!({"id": "digital", "name_zh": "数字化", "name_en": "Digital"})])
        .collect();
    let mut indicators: Vec<Value> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| keep.contains(&i["dimension"].as_str().unwrap()))
        .cloned()
        .collect();
    let mut extra = indicators[0].clone();
    extra["id"] = "digital_share".into();
    extra["dimension"] = "digital".into();
    extra["name_zh"] = "数字经济占比".into();
    extra["name_en"] = "Digital economy share".into();
    indicators.push(extra);
    v["dimensions"] = Value::Array(dims);
    v["indicators"] = Value::Array(indicators);
    let narrow = system_of(&v);
    let from_csv = temp(
        "wide.csv",
        csv_of("2023", &ids_of(&white_paper_json())).as_bytes(),
    );
    let to_xlsx = temp("narrow.xlsx", &workbook_of("2024", &narrow));
    let out = common::fjindex(&["change", "--from", &from_csv, "--to", &to_xlsx]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(
            "share only 1 dimensions with indicators in common; comparing them needs at least 2"
        ),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The later edition's system without `green_factories`: the page's browser test
/// (`tests/e2e/common-system.test.mjs`) adds a workbook under it as another edition.
fn page_system() -> IndicatorSystem {
    let mut v = second_system_json();
    let kept: Vec<Value> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["id"] != "green_factories")
        .cloned()
        .collect();
    v["indicators"] = Value::Array(kept);
    system_of(&v)
}

/// Writes the workbook the browser test imports to `FJINDEX_COMMON_WORKBOOK` when that is set; in any
/// case checks that it reads back with its own system, which shares all but four items with the white
/// paper's.
#[test]
fn the_page_workbook_brings_its_own_system() {
    use fjindex::data::import::{import_bundled, ImportOptions};
    let system = page_system();
    let bytes = workbook_of("2024", &system);
    if let Ok(path) = std::env::var("FJINDEX_COMMON_WORKBOOK") {
        std::fs::write(path, &bytes).unwrap();
    }
    let options = ImportOptions {
        read_system_sheet: true,
        ..ImportOptions::default()
    };
    let report = import_bundled(&bytes, &options);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let read = report.system.expect("the sheet's system");
    let (_, left_out) = common_system(&seeds::indicator_system(), &read).unwrap();
    let ids: Vec<(SystemSide, &str)> = left_out
        .items
        .iter()
        .map(|i| (i.side, i.id.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            (SystemSide::From, "new_patents"),
            (SystemSide::From, "profit_margin"),
            (SystemSide::From, "green_factories"),
            (SystemSide::To, "new_patents"),
            (SystemSide::To, "digital_share"),
            (SystemSide::To, "profit_margin"),
        ]
    );
}
