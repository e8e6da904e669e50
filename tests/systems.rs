//! Indicator systems other than the white paper's 5 x 16: one of 6 dimensions and 20 indicators and one
//! of 3 dimensions and 7 indicators (one lower-is-better) run through scoring, every chart that shows
//! dimensions or indicators (the rank-interval chart shows neither), the
//! exports, share links and the command line.

mod common;

use common::fjindex;
use fjindex::chart::{
    compare, contribution, profile, rank_shift, style::ChartStyle, tile_map, weights, ChartLayout,
};
use fjindex::data::export::{RankingExport, RankingXlsx};
use fjindex::data::export_name::CalendarDate;
use fjindex::data::provenance::Provenance;
use fjindex::data::seeds;
use fjindex::model::*;
use fjindex::score::score;
use fjindex::share::{encode, parse, ShareState};
use fjindex::system_check::{check_system, SystemProblem};
use plotters::prelude::*;
use serde_json::{json, Value};

fn white_paper() -> Value {
    serde_json::from_str(seeds::INDICATORS_JSON).unwrap()
}

/// The white paper's system with a sixth dimension, "openness", of four new indicators.
fn six_by_twenty() -> Value {
    let mut v = white_paper();
    v["dimensions"].as_array_mut().unwrap().push(json!({
        "id": "openness", "name_zh": "开放水平", "name_en": "Openness"
    }));
    let template = v["indicators"][0].clone();
    for (id, zh) in [
        ("export_share", "出口交货值占比"),
        ("fdi", "实际利用外资"),
        ("port_cargo", "港口货物吞吐量"),
        ("ecommerce", "跨境电商交易额"),
    ] {
        let mut ind = template.clone();
        ind["id"] = json!(id);
        ind["dimension"] = json!("openness");
        ind["name_zh"] = json!(zh);
        ind["name_en"] = json!(id);
        ind["short_zh"] = json!(zh);
        ind["short_en"] = json!(id);
        v["indicators"].as_array_mut().unwrap().push(ind);
    }
    v
}

/// Three dimensions of the white paper's indicators, seven in all, energy intensity drop read as
/// lower-is-better (as a plain energy intensity would be).
fn three_by_seven() -> Value {
    let mut v = white_paper();
    let keep = ["industry", "innovation", "quality"];
    v["dimensions"] = json!(v["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| keep.contains(&d["id"].as_str().unwrap()))
        .cloned()
        .collect::<Vec<_>>());
    let ids = [
        "revenue",
        "value_added_growth",
        "rd_intensity",
        "new_patents",
        "emerging_output_share",
        "profit_margin",
        "energy_intensity_drop",
    ];
    v["indicators"] = json!(v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| ids.contains(&i["id"].as_str().unwrap()))
        .cloned()
        .map(|mut i| {
            if i["id"] == "energy_intensity_drop" {
                i["higher_is_better"] = json!(false);
            }
            i
        })
        .collect::<Vec<_>>());
    v
}

fn system_of(v: &Value) -> IndicatorSystem {
    IndicatorSystem::from_json(&v.to_string()).unwrap()
}

/// The bundled data matched to the system, with made-up values for indicators it lacks.
fn data_for(system: &IndicatorSystem) -> Dataset {
    let (mut data, without) = seeds::bundled_data_for(system);
    for i in without {
        for u in 0..data.n_units() {
            data.set(u, i, Some(((u * 13 + i * 7) % 41) as f64));
        }
    }
    data
}

fn svg(
    draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Result<ChartLayout, String>,
) -> String {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (900, 700)).into_drawing_area();
        let layout = draw(&area).expect("the chart draws");
        assert!(!layout.empty);
        area.present().unwrap();
    }
    out
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn run_through_everything(v: &Value, dims: usize, inds: usize) {
    let system = system_of(v);
    assert_eq!((system.n_dimensions(), system.n_indicators()), (dims, inds));
    assert_eq!(check_system(&system), []);
    let data = data_for(&system);
    let scenario = Scenario::default_for(&system);
    let ranking = score(&system, &data, &scenario).unwrap();
    assert_eq!(ranking.rank.iter().filter(|&&r| r > 0).count(), 83);
    assert_eq!(ranking.weights.dimension.len(), dims);

    // Every chart; the contribution chart gives each dimension its own colour.
    let style = ChartStyle::new(Lang::Zh);
    let contribution = svg(|a| {
        contribution::draw(
            a,
            &contribution::ContributionInput {
                system: &system,
                data: &data,
                ranking: &ranking,
                aggregation: Aggregation::Arithmetic,
                top_n: 10,
                selected: None,
            },
            &style,
        )
    });
    for d in 0..dims {
        assert!(
            contribution.to_uppercase().contains(&hex(style.series(d))),
            "dimension {d}"
        );
    }
    let top: Vec<usize> = ranking.order[..3].to_vec();
    svg(|a| {
        compare::draw(
            a,
            &compare::CompareInput {
                system: &system,
                data: &data,
                ranking: &ranking,
                units: &top,
            },
            &style,
        )
    });
    svg(|a| {
        profile::draw(
            a,
            &profile::ProfileInput {
                system: &system,
                data: &data,
                ranking: &ranking,
                unit: top[0],
            },
            &style,
        )
    });
    svg(|a| {
        weights::draw(
            a,
            &weights::WeightsInput {
                system: &system,
                ranking: &ranking,
            },
            &style,
        )
    });
    for colour_by in [
        tile_map::ColourBy::Score,
        tile_map::ColourBy::Dimension(dims - 1),
    ] {
        svg(|a| {
            tile_map::draw(
                a,
                &tile_map::TileMapInput {
                    system: &system,
                    data: &data,
                    ranking: &ranking,
                    colour_by,
                    selected: None,
                },
                &style,
            )
        });
    }
    let mut other = scenario.clone();
    other.dimension_weights[0] = 90.0;
    let shifted = score(&system, &data, &other).unwrap();
    svg(|a| {
        rank_shift::draw(
            a,
            &rank_shift::RankShiftInput {
                data: &data,
                current: &shifted,
                baseline: &ranking,
                threshold: 5,
                limit: None,
                selected: None,
            },
            &style,
        )
    });

    // Exports: one column per dimension of the system.
    let export = RankingExport {
        system: &system,
        data: &data,
        ranking: &shifted,
        baseline: &ranking,
        scenario: &other,
        provenance: &Provenance::default(),
        lang: Lang::En,
        date: CalendarDate::from_unix_days(20_000),
    };
    let csv = export.csv();
    let header = csv.lines().next().unwrap();
    for d in &system.dimensions {
        assert!(header.contains(&d.name_en), "{header}");
    }
    assert!(!export.xlsx().is_empty());

    // Share links name the system's dimensions and read back.
    let mut state = ShareState::new(&scenario);
    state.scenario = other.clone();
    let link = encode(&state, &system, &scenario);
    let (read, notices) = parse(&link, &system, &scenario);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(read.scenario, other);
}

#[test]
fn a_system_of_six_dimensions_and_twenty_indicators_runs_through_everything() {
    run_through_everything(&six_by_twenty(), 6, 20);
}

#[test]
fn a_system_of_three_dimensions_and_seven_indicators_runs_through_everything() {
    run_through_everything(&three_by_seven(), 3, 7);
}

fn temp(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("fjindex-systems-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_command_line_ranks_with_a_system_file_as_the_library_does() {
    let v = three_by_seven();
    let file = temp("3x7.json", &v.to_string());
    let out = fjindex(&["rank", "--system", &file, "--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let system = system_of(&v);
    let (data, without) = seeds::bundled_data_for(&system);
    assert!(without.is_empty());
    let ranking = score(&system, &data, &Scenario::default_for(&system)).unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "rank,adcode,name_zh,prefecture_zh,score,industry,innovation,quality"
    );
    for (line, &u) in lines.zip(&ranking.order) {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields[1], data.units[u].adcode);
        assert_eq!(fields[4], format!("{:.6}", ranking.composite[u]));
    }
    // The new dimension's indicators have no bundled values: said on stderr, and those counties are
    // not ranked rather than ranked on made-up numbers.
    let six = temp("6x20.json", &six_by_twenty().to_string());
    let out = fjindex(&["rank", "--system", &six, "--format", "csv"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no values for export_share, fdi, port_cargo, ecommerce"),
        "{err}"
    );
}

#[test]
fn a_faulty_system_file_is_refused_with_every_problem_named() {
    let mut v = three_by_seven();
    v["indicators"][1]["id"] = json!("Revenue Growth");
    v["indicators"][2]["id"] = json!("revenue");
    let file = temp("bad.json", &v.to_string());
    let out = fjindex(&["rank", "--system", &file]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"Revenue Growth\" cannot be used"), "{err}");
    assert!(err.contains("\"revenue\" appears twice"), "{err}");
    let one = white_paper();
    let mut single = one.clone();
    single["dimensions"] = json!([one["dimensions"][0].clone()]);
    single["indicators"] = json!(one["indicators"].as_array().unwrap()[..3].to_vec());
    assert_eq!(
        check_system(&system_of(&single)),
        [SystemProblem::DimensionCount(1)]
    );
}

/// A workbook as the template lays it out, filled with the bundled values of `system`'s indicators.
fn filled_workbook(system: &IndicatorSystem) -> Vec<u8> {
    use fjindex::data::export::template_sheets;
    use fjindex::data::xlsx_writer::{self, XCell};
    let (data, _) = seeds::bundled_data_for(system);
    let mut sheets = template_sheets(system, &seeds::counties());
    for row in sheets[0].rows.iter_mut().skip(1) {
        let XCell::Text(adcode) = &row[0] else {
            panic!("an adcode cell")
        };
        let u = data.unit_index(adcode).unwrap();
        row.resize(3 + system.n_indicators(), XCell::Empty);
        for (i, cell) in row.iter_mut().skip(3).enumerate() {
            *cell = data.get(u, i).map_or(XCell::Empty, XCell::Number);
        }
    }
    xlsx_writer::write(&sheets)
}

#[test]
fn the_system_travels_in_its_workbook_sheet_and_reads_back() {
    use fjindex::data::import::{import_bundled, ImportOptions};
    let system = system_of(&three_by_seven());
    let bytes = filled_workbook(&system);
    let options = ImportOptions {
        read_system_sheet: true,
        ..ImportOptions::default()
    };
    let report = import_bundled(&bytes, &options);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let read = report.system.expect("the sheet's system");
    let ids = |s: &IndicatorSystem| {
        s.indicators
            .iter()
            .map(|i| i.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&read), ids(&system));
    assert_eq!(
        read.dimensions.iter().map(|d| &d.id).collect::<Vec<_>>(),
        ["industry", "innovation", "quality"]
    );
    for (a, b) in read.indicators.iter().zip(&system.indicators) {
        assert_eq!(
            (
                a.higher_is_better,
                a.kind,
                a.decimals,
                a.plausible_min,
                a.plausible_max,
                &a.unit_zh
            ),
            (
                b.higher_is_better,
                b.kind,
                b.decimals,
                b.plausible_min,
                b.plausible_max,
                &b.unit_zh
            )
        );
    }
    let data = report.dataset.unwrap();
    assert_eq!((data.n_units(), data.n_indicators()), (83, 7));
    // Without the option (the page today) the same workbook is read against the white paper's system.
    let plain = import_bundled(&bytes, &ImportOptions::default());
    assert!(plain.system.is_none());
}

#[test]
fn the_command_line_scores_a_workbook_with_the_system_it_brings_unless_told_otherwise() {
    let v = three_by_seven();
    let system = system_of(&v);
    let workbook =
        std::env::temp_dir().join(format!("fjindex-systems-{}-3x7.xlsx", std::process::id()));
    std::fs::write(&workbook, filled_workbook(&system)).unwrap();
    let workbook = workbook.to_string_lossy().into_owned();
    let brought = fjindex(&["rank", "--data", &workbook, "--format", "csv"]);
    assert!(
        brought.status.success(),
        "{}",
        String::from_utf8_lossy(&brought.stderr)
    );
    assert!(String::from_utf8_lossy(&brought.stderr).contains("brings its indicator system"));
    let file = temp("3x7-again.json", &v.to_string());
    let flagged = fjindex(&["rank", "--system", &file, "--format", "csv"]);
    assert_eq!(brought.stdout, flagged.stdout);
    // --system wins over the sheet: with the white paper's seven-less system the file lacks columns.
    let white = temp("white.json", seeds::INDICATORS_JSON);
    let overridden = fjindex(&[
        "rank", "--system", &white, "--data", &workbook, "--format", "csv",
    ]);
    assert_ne!(overridden.stdout, brought.stdout);
}

#[test]
fn a_faulty_system_sheet_names_row_and_column() {
    use fjindex::data::import::{import_bundled, ImportOptions};
    use fjindex::data::system_sheet::SHEET_NAME;
    use fjindex::data::xlsx_writer::{self, XCell};
    let system = system_of(&three_by_seven());
    let mut sheets = fjindex::data::export::template_sheets(&system, &seeds::counties());
    let sheet = sheets.iter_mut().find(|s| s.name == SHEET_NAME).unwrap();
    sheet.rows[3][14] = XCell::from("maybe");
    let report = import_bundled(
        &xlsx_writer::write(&sheets),
        &ImportOptions {
            read_system_sheet: true,
            ..ImportOptions::default()
        },
    );
    assert!(report.dataset.is_none());
    let messages: Vec<String> = report.errors.iter().map(|e| e.message(Lang::En)).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("row 4") && m.contains("higher_is_better") && m.contains("maybe")),
        "{messages:?}"
    );
}
