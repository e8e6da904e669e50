//! The trend chart of a county's ranks over editions, rendered to SVG: its table gives each edition's
//! composite and dimension ranks as scoring each edition on its own gives them, the chart draws one
//! line per series with the composite's ranks written, rank 1 is at the top, and an edition without
//! the county breaks the line.

use fjindex::chart::trend::{self, TrendEdition, TrendInput};
use fjindex::chart::{ChartLayout, ChartStyle};
use fjindex::data::import::{import_bundled, ImportOptions};
use fjindex::data::seeds;
use fjindex::model::{Dataset, Lang, Scenario};
use fjindex::score::score;
use plotters::coord::Shift;
use plotters::prelude::*;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/www/samples/sample-editions-synthetic.csv"
);

fn editions() -> Vec<Dataset> {
    let bytes = std::fs::read(SAMPLE).unwrap();
    import_bundled(&bytes, &ImportOptions::default()).editions
}

fn render(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<ChartLayout, String>,
) -> (String, Result<ChartLayout, String>) {
    let mut svg = String::new();
    let result = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let r = draw(&area);
        area.present().unwrap();
        r
    };
    (svg, result)
}

fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            Some(
                t.split_once('>')?
                    .1
                    .split_once("</text>")?
                    .0
                    .trim()
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn the_trend_table_and_chart_give_each_editions_own_ranks() {
    let system = seeds::indicator_system();
    let scenario = Scenario::default_for(&system);
    let data = editions();
    assert_eq!(data.len(), 2);
    let rankings: Vec<_> = data
        .iter()
        .map(|d| score(&system, d, &scenario).unwrap())
        .collect();
    // A county in both editions, not first in either, so its lines slope.
    let adcode = data[1].units[20].adcode.clone();
    let units: Vec<Option<usize>> = data.iter().map(|d| d.unit_index(&adcode)).collect();
    let input = TrendInput {
        system: &system,
        county: data[1].units[20].name_zh.clone(),
        editions: data
            .iter()
            .zip(&rankings)
            .zip(&units)
            .map(|((d, r), &unit)| TrendEdition {
                year: d.meta.year.unwrap(),
                ranking: r,
                unit,
            })
            .collect(),
    };
    let table = trend::table(&input, Lang::Zh);
    assert_eq!(table.headers.len(), 2 + system.n_dimensions());
    assert_eq!(table.rows.len(), 2);
    for (k, row) in table.rows.iter().enumerate() {
        let u = units[k].unwrap();
        assert_eq!(row[0], data[k].meta.year.unwrap().to_string());
        assert_eq!(row[1], rankings[k].rank[u].to_string());
        for d in 0..system.n_dimensions() {
            assert_eq!(row[2 + d], rankings[k].rank_in_dimension(u, d).to_string());
        }
    }

    let size = (640, 320);
    let (svg, layout) = render(size, |a| trend::draw(a, &input, &ChartStyle::new(Lang::Zh)));
    let layout = layout.unwrap();
    assert!(!layout.empty);
    assert!(layout.title.contains(&input.county));
    // One hit region per edition, on the composite's point; the better rank is drawn higher.
    assert_eq!(layout.hits.len(), 2);
    let ys: Vec<i32> = layout
        .hits
        .iter()
        .map(|h| (h.rect.y0 + h.rect.y1) / 2)
        .collect();
    let ranks: Vec<u32> = (0..2)
        .map(|k| rankings[k].rank[units[k].unwrap()])
        .collect();
    assert_eq!(ranks[0] < ranks[1], ys[0] < ys[1], "rank 1 is at the top");
    let texts = svg_texts(&svg);
    for (k, r) in ranks.iter().enumerate() {
        assert!(texts.contains(&r.to_string()), "rank {r} written");
        assert!(texts.contains(&data[k].meta.year.unwrap().to_string()));
    }
    // The composite's line in the text colour, and one per dimension in its own colour.
    let lines = svg.matches("<polyline").count() + svg.matches("<path").count();
    assert!(lines > system.n_dimensions(), "{lines} lines");
}

#[test]
fn a_county_missing_from_an_edition_has_no_rank_there_and_one_edition_is_empty() {
    let system = seeds::indicator_system();
    let scenario = Scenario::default_for(&system);
    let data = editions();
    let rankings: Vec<_> = data
        .iter()
        .map(|d| score(&system, d, &scenario).unwrap())
        .collect();
    let unit = Some(0);
    let input = TrendInput {
        system: &system,
        county: "X".into(),
        editions: vec![
            TrendEdition {
                year: 2023,
                ranking: &rankings[0],
                unit: None,
            },
            TrendEdition {
                year: 2024,
                ranking: &rankings[1],
                unit,
            },
        ],
    };
    let table = trend::table(&input, Lang::En);
    assert!(table.rows[0][1..].iter().all(|c| c == "—"));
    assert_eq!(table.rows[1][1], rankings[1].rank[0].to_string());
    let (_, layout) = render((500, 300), |a| {
        trend::draw(a, &input, &ChartStyle::new(Lang::En))
    });
    assert_eq!(layout.unwrap().hits.len(), 1);

    let one = TrendInput {
        editions: input.editions[1..].to_vec(),
        ..input.clone()
    };
    let (_, layout) = render((500, 300), |a| {
        trend::draw(a, &one, &ChartStyle::new(Lang::En))
    });
    assert!(layout.unwrap().empty);
}
