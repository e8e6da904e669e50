//! Importing the committed fixture files (GBK made by iconv, BOM CSV, XLSX and XLS made by openpyxl and
//! xlwt) and the export/template round trips.

mod common;

use common::read_xlsx;
use fjindex::data::export::{template_csv, template_xlsx, RankingExport, RankingXlsx};
use fjindex::data::export_name::CalendarDate;
use fjindex::data::import::{
    aliases, import, ImportOptions, ImportReport, Problem, Reference, Role, TextEncoding,
    WarningKind,
};
use fjindex::data::provenance::{Provenance, Record, Status};
use fjindex::data::seeds::{counties, indicator_system};
use fjindex::data::DataErrorKind;
use fjindex::model::{Dataset, IndicatorSystem, Lang, Scenario, Unit};
use fjindex::score::score;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

struct Ctx {
    system: IndicatorSystem,
    counties: Vec<Unit>,
    aliases: Vec<fjindex::data::import::Alias>,
}

impl Ctx {
    fn new() -> Self {
        Self {
            system: indicator_system(),
            counties: counties(),
            aliases: aliases(),
        }
    }
    fn import(&self, bytes: &[u8], sheet: Option<&str>) -> ImportReport {
        let options = ImportOptions {
            sheet: sheet.map(str::to_string),
            ..Default::default()
        };
        import(
            bytes,
            &options,
            &Reference {
                system: &self.system,
                counties: &self.counties,
                aliases: &self.aliases,
            },
        )
    }
    fn ind(&self, id: &str) -> usize {
        self.system.indicator_index(id).unwrap()
    }
    /// The adcode ranked first under the default scenario.
    fn top(&self, data: &Dataset) -> String {
        let r = score(&self.system, data, &Scenario::default_for(&self.system)).unwrap();
        data.units[r.order[0]].adcode.clone()
    }
}

fn value(data: &Dataset, adcode: &str, i: usize) -> Option<f64> {
    data.get(data.unit_index(adcode).unwrap(), i)
}

#[test]
fn gbk_csv_with_names_only_and_former_names() {
    let cx = Ctx::new();
    let report = cx.import(&fixture("gbk.csv"), None);
    assert_eq!(report.errors, vec![], "{:?}", report.errors);
    assert_eq!(
        report.format,
        Some(fjindex::data::import::FileFormat::Csv(
            TextEncoding::Gb18030
        ))
    );
    let data = report.dataset.as_ref().unwrap();
    assert_eq!(
        (data.n_units(), report.known_units, report.other_units),
        (83, 83, 0)
    );
    // Former names are recognised and reported; the units carry current codes and names.
    let former: Vec<&str> = report
        .warnings
        .iter()
        .filter_map(|w| match &w.kind {
            WarningKind::FormerName { adcode, .. } => Some(adcode.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(former, ["350112", "350405", "350604", "350605"]);
    assert_eq!(
        data.units[data.unit_index("350405").unwrap()].name_zh,
        "沙县区"
    );
    assert_eq!(
        data.units[data.unit_index("350405").unwrap()].name_en,
        "Shaxian District"
    );
    // Every indicator column matched by its Chinese name with the unit in full-width brackets.
    assert_eq!(report.matched_indicators(&cx.system).len(), 16);
    assert_eq!(cx.top(data), "350125");
}

#[test]
fn bom_csv_with_separators_percent_signs_and_dashes() {
    let cx = Ctx::new();
    let report = cx.import(&fixture("bom.csv"), None);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(
        report.format,
        Some(fjindex::data::import::FileFormat::Csv(
            TextEncoding::Utf8Bom
        ))
    );
    let data = report.dataset.as_ref().unwrap();
    // "4,108.0" and "27.5%" in the file.
    assert_eq!(value(data, "350103", cx.ind("revenue")), Some(4108.0));
    assert_eq!(
        value(data, "350103", cx.ind("chain_output_share")),
        Some(27.5)
    );
    // "-" is missing, and the column's missing count is reported.
    assert_eq!(value(data, "350112", cx.ind("new_patents")), None);
    assert!(report
        .warnings
        .iter()
        .any(|w| w.column.as_deref() == Some("new_patents")
            && w.kind
                == WarningKind::MissingValues {
                    count: 1,
                    total: 83
                }));
    assert_eq!(cx.top(data), "350923");
}

#[test]
fn xlsx_first_sheet_by_default_title_row_and_percent_cells() {
    let cx = Ctx::new();
    let bytes = fixture("data.xlsx");
    let report = cx.import(&bytes, None);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.sheet_names, ["2024", "2023", "说明"]);
    assert_eq!(report.sheet.as_deref(), Some("2024"));
    assert_eq!(report.header_row, Some(2));
    let data = report.dataset.as_ref().unwrap();
    // Percent-formatted cells hold fractions; the column is converted and the conversion reported.
    let share = cx.ind("chain_output_share");
    let header = "县域重点产业链规上工业产值占全县规上工业总产值比重（%）";
    assert!(report
        .warnings
        .iter()
        .any(|w| w.column.as_deref() == Some(header)
            && matches!(w.kind, WarningKind::PercentAsFraction { count: 83 })));
    let v = data.column(share);
    assert!(v.iter().all(|x| (5.0..=100.0).contains(x)), "{v:?}");
    assert_eq!(cx.top(data), "350926");

    let second = cx.import(&bytes, Some("2023"));
    assert_eq!(cx.top(second.dataset.as_ref().unwrap()), "350421");

    let notes = cx.import(&bytes, Some("说明"));
    assert!(notes.dataset.is_none());
    let kinds: Vec<_> = notes.errors.iter().map(|e| &e.kind).collect();
    assert_eq!(
        kinds,
        [
            &DataErrorKind::Import(Problem::NoIdentityColumn),
            &DataErrorKind::Import(Problem::NoIndicatorColumns)
        ]
    );

    let missing = cx.import(&bytes, Some("2022"));
    assert_eq!(
        missing.errors[0].kind,
        DataErrorKind::Import(Problem::NoSheet("2022".into()))
    );
    assert_eq!(missing.sheet_names.len(), 3);
}

#[test]
fn xls_workbook() {
    let cx = Ctx::new();
    let report = cx.import(&fixture("data.xls"), None);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.sheet_names, ["2024"]);
    assert_eq!(cx.top(report.dataset.as_ref().unwrap()), "350982");
}

#[test]
fn bad_rows_are_all_listed_and_nothing_is_returned() {
    let cx = Ctx::new();
    let report = cx.import(&fixture("bad_rows.csv"), None);
    assert!(report.dataset.is_none());
    let got: Vec<(Option<usize>, Option<&str>, &DataErrorKind)> = report
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_deref(), &e.kind))
        .collect();
    let imp = DataErrorKind::Import;
    assert_eq!(
        got,
        [
            (
                Some(4),
                Some("new_patents"),
                &DataErrorKind::NotANumber("abc".into())
            ),
            (
                Some(6),
                Some("hightech_firms"),
                &DataErrorKind::Negative("-3".into())
            ),
            (
                Some(7),
                Some("hightech_firms"),
                &imp(Problem::UnexpectedPercent {
                    value: "12%".into(),
                    unit: "家".into()
                })
            ),
            (
                Some(12),
                Some("name_zh"),
                &imp(Problem::UnknownName("长安区".into()))
            ),
            (
                Some(14),
                Some("adcode"),
                &imp(Problem::DuplicateUnit {
                    adcode: "350404".into(),
                    first_row: 13
                })
            ),
            (
                Some(15),
                Some("name_zh"),
                &imp(Problem::NameMismatch {
                    adcode: "350103".into(),
                    name: "鼓楼区".into(),
                    expected: "台江区".into()
                })
            ),
        ]
    );
    let zh = report.errors[0].message(Lang::Zh);
    let en = report.errors[0].message(Lang::En);
    assert_eq!(zh, "第 4 行，new_patents 列：“abc”不是数字");
    assert_eq!(en, "row 4, column new_patents: \"abc\" is not a number");
}

#[test]
fn percentages_stored_as_fractions_are_converted_and_reported() {
    let cx = Ctx::new();
    let raw = String::from_utf8(fixture("percent_fraction.csv")).unwrap();
    let report = cx.import(raw.as_bytes(), None);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let share = cx.ind("chain_output_share");
    let warning = report
        .warnings
        .iter()
        .find(|w| matches!(w.kind, WarningKind::PercentAsFraction { .. }))
        .unwrap();
    assert_eq!(warning.column.as_deref(), Some("chain_output_share"));
    assert!(warning.message(Lang::Zh).contains("乘以 100"));
    // Each converted value is the file's fraction times 100.
    let second_line = raw.lines().nth(1).unwrap();
    let fraction: f64 = second_line
        .split(',')
        .nth(2 + share)
        .unwrap()
        .parse()
        .unwrap();
    let data = report.dataset.unwrap();
    assert!((data.get(0, share).unwrap() - fraction * 100.0).abs() < 1e-9);
    // The other rate columns are left alone.
    let growth = cx.ind("value_added_growth");
    let g: f64 = second_line
        .split(',')
        .nth(2 + growth)
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(data.get(0, growth), Some(g));
}

/// A national file: 2,846 units with 6-digit codes, blank prefectures for most, Fujian's 83 among them.
fn national_csv(system: &IndicatorSystem, counties: &[Unit]) -> String {
    let mut out = String::from("adcode,name,prefecture");
    for ind in &system.indicators {
        out.push(',');
        out.push_str(&ind.id);
    }
    out.push('\n');
    let mut codes: Vec<(String, String, String)> = counties
        .iter()
        .map(|c| (c.adcode.clone(), c.name_zh.clone(), c.prefecture_zh.clone()))
        .collect();
    let mut k = 0;
    while codes.len() < 2846 {
        k += 1;
        codes.push((
            format!("{}", 110100 + k * 3),
            format!("单位{k}"),
            String::new(),
        ));
    }
    for (n, (code, name, pref)) in codes.iter().enumerate() {
        out.push_str(&format!("{code},{name},{pref}"));
        for (i, ind) in system.indicators.iter().enumerate() {
            let v = ind.plausible_min.max(0.0) + ((n * 7 + i * 13) % 97) as f64;
            out.push_str(&format!(",{v}"));
        }
        out.push('\n');
    }
    out
}

#[test]
fn a_national_file_of_2846_units_loads() {
    let cx = Ctx::new();
    let csv = national_csv(&cx.system, &cx.counties);
    let report = cx.import(csv.as_bytes(), None);
    assert!(
        report.errors.is_empty(),
        "{:?}",
        &report.errors[..report.errors.len().min(5)]
    );
    assert_eq!((report.known_units, report.other_units), (83, 2846 - 83));
    assert!(report
        .warnings
        .iter()
        .any(|w| matches!(w.kind, WarningKind::OtherUnits { count: 2763, .. })));
    let data = report.dataset.unwrap();
    assert_eq!(data.n_units(), 2846);
    assert_eq!(data.units[100].prefecture_zh, "");
    let ranking = score(&cx.system, &data, &Scenario::default_for(&cx.system)).unwrap();
    assert!(ranking.rank.iter().all(|&r| r >= 1));
}

#[test]
fn the_template_round_trips_through_the_importer() {
    let cx = Ctx::new();
    // Blank template: every county recognised, every column matched, but there is no value to rank.
    let blank = cx.import(template_csv(&cx.system, &cx.counties).as_bytes(), None);
    assert_eq!(blank.errors.len(), 1);
    assert_eq!(
        blank.errors[0].kind,
        DataErrorKind::Import(Problem::NoValues)
    );
    assert_eq!(blank.known_units, 83);

    // The template filled in with the bundled data imports to the same values.
    let bundle = fjindex::data::seeds::bundle();
    let filled: String = template_csv(&cx.system, &cx.counties)
        .lines()
        .enumerate()
        .map(|(k, line)| {
            let mut line = line.to_string();
            if k > 0 {
                let u = bundle
                    .data
                    .unit_index(line.split(',').next().unwrap())
                    .unwrap();
                for i in 0..cx.system.n_indicators() {
                    line.push(',');
                    line.push_str(
                        &bundle
                            .data
                            .get(u, i)
                            .map(|v| v.to_string())
                            .unwrap_or_default(),
                    );
                }
            }
            line + "\n"
        })
        .collect();
    let report = cx.import(filled.as_bytes(), None);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let data = report.dataset.unwrap();
    assert_eq!(data.content_hash(), bundle.data.content_hash());

    let xlsx = cx.import(&template_xlsx(&cx.system, &cx.counties), None);
    assert_eq!(xlsx.sheet_names, ["数据", "指标说明", "指标体系"]);
    assert_eq!(xlsx.known_units, 83);
    assert_eq!(xlsx.matched_indicators(&cx.system).len(), 16);
    let roles: Vec<_> = xlsx.columns.iter().take(3).map(|c| c.role).collect();
    assert_eq!(
        roles,
        [Some(Role::Adcode), Some(Role::Name), Some(Role::Prefecture)]
    );
}

#[test]
fn ranking_exports_in_csv_and_xlsx() {
    let bundle = fjindex::data::seeds::bundle();
    let system = &bundle.system;
    let scenario = Scenario::default_for(system);
    let mut tilted = scenario.clone();
    tilted.dimension_weights[1] = 5.0;
    let baseline = score(system, &bundle.data, &scenario).unwrap();
    let ranking = score(system, &bundle.data, &tilted).unwrap();
    let one_estimate = Provenance::new(vec![Record {
        adcode: bundle.data.units[ranking.order[2]].adcode.clone(),
        indicator: "revenue".into(),
        status: Status::Estimate,
        source: String::new(),
    }]);
    let export = |provenance: &Provenance, lang| {
        let x = RankingExport {
            system,
            data: &bundle.data,
            ranking: &ranking,
            baseline: &baseline,
            scenario: &tilted,
            provenance,
            lang,
            date: CalendarDate::from_unix_days(20_792),
        };
        (x.csv(), x.xlsx())
    };

    let (csv, xlsx) = export(&one_estimate, Lang::Zh);
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("the CSV starts with a byte-order mark");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "排名");
    assert_eq!(&header[5], "产业实力");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // 83 rows in rank order and nothing after them, though one unit includes an estimate.
    assert_eq!(rows.len(), 83);
    for (k, &u) in ranking.order.iter().enumerate() {
        assert_eq!(&rows[k][1], bundle.data.units[u].adcode);
        assert_eq!(rows[k][0].parse::<u32>().unwrap(), ranking.rank[u]);
        let composite: f64 = rows[k][4].parse().unwrap();
        assert!((composite - ranking.composite[u]).abs() < 1e-4);
        let change = fjindex::score::rank_changes(&ranking, &baseline)[u].unwrap();
        assert_eq!(rows[k][10].parse::<i32>().unwrap(), change);
        assert_eq!(&rows[k][11], if k == 2 { "含估算" } else { "" });
    }

    let sheets = read_xlsx(&xlsx);
    assert_eq!(
        sheets.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(),
        ["排名", "说明", "指标体系"]
    );
    let table = &sheets[0].1;
    assert_eq!(table.len(), 84);
    assert_eq!(
        table[1][1],
        calamine::Data::String(bundle.data.units[ranking.order[0]].adcode.clone())
    );
    assert_eq!(table[1][0], calamine::Data::Float(1.0));
    let about = &sheets[1].1;
    let cell =
        |r: &Vec<calamine::Data>, c: usize| r.get(c).map(|d| d.to_string()).unwrap_or_default();
    assert!(about
        .iter()
        .any(|r| cell(r, 0) == "数据校验值" && cell(r, 1) == bundle.data.content_hash()));
    // Dimension weights: innovation at 5 against 1 for the others is 5/9 of the total.
    let innovation = about.iter().find(|r| cell(r, 0) == "创新能力").unwrap();
    assert_eq!(innovation[3], calamine::Data::Float(55.56));
    assert!(about
        .iter()
        .any(|r| cell(r, 0) == "数据说明" && cell(r, 1).starts_with("数据说明：标注")));

    // Without estimates the CSV is the same table, and the notes sheet says there is none.
    let (csv, xlsx) = export(&Provenance::default(), Lang::En);
    assert_eq!(csv.lines().count(), 84);
    assert!(csv.lines().next().unwrap().contains("Composite score"));
    let about = &read_xlsx(&xlsx)[1].1;
    assert!(about
        .iter()
        .any(|r| cell(r, 1).contains("none is a project estimate")));
}

#[test]
fn a_saved_data_set_reads_back_with_the_same_hash() {
    let cx = Ctx::new();
    let report = cx.import(&fixture("percent_fraction.csv"), None);
    let data = report.dataset.unwrap();
    let text = fjindex::data::export::exact_csv(&data, &cx.system);
    let back = fjindex::data::wide_csv::read(&text, &cx.system, data.meta.clone()).unwrap();
    assert_eq!(back.content_hash(), data.content_hash());
    // The display-precision writer would not do: the converted fractions carry more decimals.
    let rounded = fjindex::data::wide_csv::read(
        &fjindex::data::wide_csv::write(&data, &cx.system),
        &cx.system,
        data.meta.clone(),
    )
    .unwrap();
    assert_ne!(rounded.content_hash(), data.content_hash());
}
