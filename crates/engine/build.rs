//! Build script: turns the seeds the page reads at start-up, `seeds/indicators.json`,
//! `seeds/counties.csv`, `seeds/provenance_2024.csv` and the data set `seeds/data_2024.csv`, into Rust
//! tables (`$OUT_DIR/seed_tables.rs`, included by `src/data/seeds.rs`), so that the page's WebAssembly
//! needs no deserialiser or CSV reader for them and carries the provenance as small integers. The files stay the source of
//! truth: `tests/seeds.rs` checks the tables against parsing them. The place names in every written form
//! (`$OUT_DIR/place_names.rs`, included by `src/i18n/mod.rs`) come from `seeds/counties.csv` too.

use std::fmt::Write;

const INDICATORS: &str = "../../seeds/indicators.json";
const COUNTIES: &str = "../../seeds/counties.csv";
const PROVENANCE: &str = "../../seeds/provenance_2024.csv";
const DATA: &str = "../../seeds/data_2024.csv";
/// The provenance statuses in the order of `data::provenance::Status`, whose position is the code.
const STATUSES: [&str; 3] = ["published", "estimate-anchored", "estimate"];

fn read(path: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    println!("cargo:rerun-if-changed={path}");
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let header = reader.headers().expect("a header row").clone();
    let rows = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    (header, rows)
}

/// The position of a named column.
fn column(header: &csv::StringRecord, name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// A text field; `optional` ones may be absent (serde's default, the empty text).
fn text<'a>(v: &'a serde_json::Value, key: &str, optional: bool) -> &'a str {
    match v.get(key) {
        None if optional => "",
        field => field
            .and_then(serde_json::Value::as_str)
            .unwrap_or_else(|| panic!("{INDICATORS}: {key} is not a text")),
    }
}

fn indicators(out: &mut String) {
    println!("cargo:rerun-if-changed={INDICATORS}");
    let file = std::fs::read_to_string(INDICATORS).expect("seeds/indicators.json is readable");
    let v: serde_json::Value = serde_json::from_str(&file).expect("seeds/indicators.json is JSON");
    let list = |key: &str| v[key].as_array().unwrap_or_else(|| panic!("no list {key}"));
    writeln!(
        out,
        "pub static INDICATOR_SOURCE: &str = {:?};",
        text(&v, "source", true)
    )
    .unwrap();
    out.push_str(
        "/// Dimensions: id, name and description in Simplified Chinese, English and Traditional Chinese.\n",
    );
    out.push_str("pub static DIMENSIONS: &[[&str; 7]] = &[\n");
    for d in list("dimensions") {
        let [a, b, c] = ["id", "name_zh", "name_en"].map(|k| text(d, k, false));
        let [e, f, g, h] =
            ["about_zh", "about_en", "name_zh_hant", "about_zh_hant"].map(|k| text(d, k, true));
        writeln!(out, "[{a:?}, {b:?}, {c:?}, {e:?}, {f:?}, {g:?}, {h:?}],").unwrap();
    }
    out.push_str("];\n");
    out.push_str("pub static INDICATORS: &[super::IndicatorRow] = &[\n");
    for i in list("indicators") {
        let texts = [
            "id",
            "dimension",
            "name_zh",
            "name_en",
            "short_zh",
            "short_en",
            "unit_zh",
            "unit_en",
            "definition_zh",
            "definition_en",
            "name_zh_hant",
            "short_zh_hant",
            "unit_zh_hant",
            "definition_zh_hant",
        ]
        .map(|k| format!("{:?}", text(i, k, k.ends_with("_zh_hant"))));
        let kind = match text(i, "kind", false) {
            "amount" => "Amount",
            "rate" => "Rate",
            "count" => "Count",
            other => panic!("unknown kind {other}"),
        };
        let flag = |k: &str| {
            i[k].as_bool()
                .unwrap_or_else(|| panic!("{k} is not true or false"))
        };
        let number = |k: &str| {
            i[k].as_f64()
                .unwrap_or_else(|| panic!("{k} is not a number"))
        };
        let decimals = i["decimals"]
            .as_u64()
            .filter(|&d| d <= 255)
            .expect("decimals fit a u8");
        writeln!(
            out,
            "super::IndicatorRow {{ texts: [{}], kind: crate::model::ValueKind::{kind}, integer: {}, \
             decimals: {decimals}, signed: {}, higher_is_better: {}, plausible_min: {:?}, \
             plausible_max: {:?} }},",
            texts.join(", "),
            flag("integer"),
            flag("signed"),
            flag("higher_is_better"),
            number("plausible_min"),
            number("plausible_max"),
        )
        .unwrap();
    }
    out.push_str("];\n");
}

/// The Traditional forms of the county names, and each prefecture's name in every form.
fn place_names(out: &mut String) {
    let (header, rows) = read(COUNTIES);
    let [adcode, zh, zh_hant, prefecture, prefecture_hant, prefecture_en] = [
        "adcode",
        "name_zh",
        "name_zh_hant",
        "prefecture_zh",
        "prefecture_zh_hant",
        "prefecture_en",
    ]
    .map(|c| column(&header, c));
    out.push_str("/// Each county's adcode, Simplified and Traditional name.\n");
    out.push_str("pub static COUNTY_NAMES: &[[&str; 3]] = &[\n");
    for r in &rows {
        writeln!(out, "[{:?}, {:?}, {:?}],", &r[adcode], &r[zh], &r[zh_hant]).unwrap();
    }
    out.push_str("];\n/// Each prefecture's Simplified, Traditional and English name.\n");
    out.push_str("pub static PREFECTURE_NAMES: &[[&str; 3]] = &[\n");
    let mut seen = Vec::new();
    for r in &rows {
        if !seen.contains(&&r[prefecture]) {
            seen.push(&r[prefecture]);
            let names = [prefecture, prefecture_hant, prefecture_en].map(|i| &r[i]);
            writeln!(out, "{names:?},").unwrap();
        }
    }
    out.push_str("];\n");
}

fn counties(out: &mut String) {
    let (header, rows) = read(COUNTIES);
    let text = ["adcode", "name_zh", "name_en", "prefecture_zh"].map(|c| column(&header, c));
    let numbers = ["lon_gcj02", "lat_gcj02"].map(|c| column(&header, c));
    // One line per county and one tab between fields: texts without pointers compress better in the wasm.
    let mut lines = String::new();
    for r in &rows {
        let [lon, lat] = numbers.map(|i| {
            let v: f64 = r[i].parse().expect("a coordinate is a number");
            assert!(v.is_finite(), "a coordinate is finite");
            v
        });
        let [a, b, c, d] = text.map(|i| plain(&r[i]));
        writeln!(lines, "{a}\t{b}\t{c}\t{d}\t{lon:?}\t{lat:?}").unwrap();
    }
    out.push_str("/// `seeds/counties.csv`, a line per county: adcode, Chinese and English name, prefecture,\n");
    out.push_str("/// longitude, latitude, separated by tabs.\n");
    writeln!(out, "pub static COUNTIES: &str = {lines:?};").unwrap();
}

/// A field that holds no tab or line break, so that it can stand in a tab-separated line.
fn plain(field: &str) -> &str {
    assert!(
        !field.contains(['\t', '\n', '\r']),
        "{field:?} holds a tab or a line break"
    );
    field
}

fn provenance(out: &mut String) {
    let (header, rows) = read(PROVENANCE);
    let [adcode, indicator, status, source] =
        ["adcode", "indicator", "status", "source"].map(|c| column(&header, c));
    let mut strings: Vec<&str> = Vec::new();
    let mut index = |s| {
        let at = strings.iter().position(|&t| t == s).unwrap_or_else(|| {
            strings.push(s);
            strings.len() - 1
        });
        u16::try_from(at).expect("fewer than 65,536 distinct strings")
    };
    let mut columns: [Vec<String>; 4] = Default::default();
    for r in &rows {
        let code = STATUSES
            .iter()
            .position(|&s| s == &r[status])
            .unwrap_or_else(|| panic!("unknown status {}", &r[status]));
        let row = [
            index(&r[adcode]),
            index(&r[indicator]),
            code as u16,
            index(&r[source]),
        ];
        for (column, value) in columns.iter_mut().zip(row) {
            column.push(value.to_string());
        }
    }
    // Column by column, and the texts as one string: runs and repeats compress well in the wasm.
    let texts: Vec<&str> = strings.iter().map(|s| plain(s)).collect();
    out.push_str("/// The distinct texts of `seeds/provenance_2024.csv`, a line each.\n");
    writeln!(
        out,
        "pub static PROVENANCE_TEXTS: &str = {:?};",
        texts.join("\n")
    )
    .unwrap();
    out.push_str("/// Its rows, column by column: adcode, indicator, status code (the position in `Status`) and\n");
    out.push_str("/// source; texts by their line in `PROVENANCE_TEXTS`.\n");
    for (name, column) in ["ADCODES", "INDICATORS", "STATUSES", "SOURCES"]
        .iter()
        .zip(&columns)
    {
        writeln!(
            out,
            "pub static PROVENANCE_{name}: &[u16] = &[{}];",
            column.join(",")
        )
        .unwrap();
    }
}

/// The bundled data set: a line per county with its identity, then each indicator's value as the
/// shortest text that parses back to the same number (Rust's `{:?}`), empty where the cell is missing.
fn data(out: &mut String) {
    let (header, rows) = read(DATA);
    let header: Vec<&str> = header.iter().map(str::trim).collect();
    let identity = ["adcode", "name_zh", "prefecture_zh"];
    assert_eq!(
        header[..3],
        identity,
        "{DATA} opens with the identity columns"
    );
    let ids = &header[3..];
    assert!(
        ids.iter().all(|id| !id.is_empty()),
        "{DATA}: every value column is named"
    );
    let mut lines = String::new();
    let mut codes = Vec::new();
    for r in &rows {
        if r.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        assert_eq!(r.len(), header.len(), "{DATA}: every row has every column");
        let code = plain(r[0].trim());
        assert!(
            !code.is_empty() && !r[1].trim().is_empty(),
            "{DATA}: a row without identity"
        );
        assert!(!codes.contains(&code), "{DATA}: adcode {code} twice");
        codes.push(code);
        let mut fields: Vec<String> = (0..3).map(|i| plain(r[i].trim()).to_string()).collect();
        for cell in r.iter().skip(3).map(str::trim) {
            fields.push(match cell {
                "" => String::new(),
                cell => {
                    let v: f64 = cell
                        .parse()
                        .unwrap_or_else(|_| panic!("{DATA}: {cell:?} is not a number"));
                    assert!(v.is_finite(), "{DATA}: {cell:?} is not finite");
                    format!("{v:?}")
                }
            });
        }
        writeln!(lines, "{}", fields.join("\t")).unwrap();
    }
    out.push_str(
        "/// The indicator ids of `seeds/data_2024.csv`'s value columns, in their order.\n",
    );
    writeln!(out, "pub static DATA_INDICATORS: &[&str] = &{ids:?};").unwrap();
    out.push_str("/// Its rows, a line each: adcode, name, prefecture, then the value of each indicator of\n");
    out.push_str("/// `DATA_INDICATORS` as its shortest exact decimal, empty where missing; separated by tabs.\n");
    writeln!(out, "pub static DATA_ROWS: &str = {lines:?};").unwrap();
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut out = String::new();
    indicators(&mut out);
    counties(&mut out);
    provenance(&mut out);
    data(&mut out);
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{dir}/seed_tables.rs"), out).expect("OUT_DIR is writable");
    let mut names = String::new();
    place_names(&mut names);
    std::fs::write(format!("{dir}/place_names.rs"), names).expect("OUT_DIR is writable");
}
