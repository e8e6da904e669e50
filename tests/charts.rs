//! Charts rendered natively to SVG on synthetic data: geometry, hit regions, text alternatives and the
//! honesty of the contribution chart under both aggregations.

use fjindex::chart::compare::{self, CompareInput};
use fjindex::chart::contribution::{self, ContributionInput};
use fjindex::chart::heatmap::{self, HeatmapInput};
use fjindex::chart::intervals::{self, IntervalsInput, RankInterval};
use fjindex::chart::profile::{self, ProfileInput};
use fjindex::chart::rank_shift::{self, RankShiftInput};
use fjindex::chart::sobol::{self, IndexEstimate, InputIndices, SobolInput};
use fjindex::chart::style::{contrast_ratio, readable_on, sequential, ChartStyle, SERIES};
use fjindex::chart::tile_map::{self, ColourBy, TileMapInput};
use fjindex::chart::weights::{self, WeightsInput};
use fjindex::chart::{ChartLayout, Rect};
use fjindex::data::seeds;
use fjindex::model::{Aggregation, Dataset, DatasetMeta, IndicatorSystem, Lang, Scenario, Unit};
use fjindex::score::{score, Ranking};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::HashSet;

/// A small deterministic generator so the synthetic data is the same on every run.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn system() -> IndicatorSystem {
    seeds::indicator_system()
}

/// The 83 bundled counties (names, prefectures, centre points) with random positive indicator values.
fn dataset(units: Vec<Unit>, seed: u64) -> Dataset {
    let n_ind = system().n_indicators();
    let mut data = Dataset::new(DatasetMeta::default(), units, n_ind);
    let mut rng = Lcg(seed);
    for i in 0..n_ind {
        for u in 0..data.n_units() {
            data.set(u, i, Some(1.0 + 99.0 * rng.next()));
        }
    }
    data
}

fn counties_data() -> Dataset {
    dataset(seeds::counties(), 7)
}

fn scenario(weights: &[f64], aggregation: Aggregation) -> Scenario {
    let mut s = Scenario::default_for(&system());
    s.dimension_weights = weights.to_vec();
    s.aggregation = aggregation;
    s
}

fn rank(data: &Dataset, weights: &[f64], aggregation: Aggregation) -> Ranking {
    score(&system(), data, &scenario(weights, aggregation)).expect("synthetic data scores")
}

const EQUAL: [f64; 5] = [1.0; 5];

/// Renders a chart to an SVG string.
fn render<F>(size: (u32, u32), draw: F) -> (String, Result<ChartLayout, String>)
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<ChartLayout, String>,
{
    let mut svg = String::new();
    let result = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let r = draw(&area);
        area.present().expect("svg present");
        r
    };
    (svg, result)
}

fn zh() -> ChartStyle {
    ChartStyle::new(Lang::Zh)
}

fn en() -> ChartStyle {
    ChartStyle::new(Lang::En)
}

/// Every hit region's centre maps back to its own unit, regions lie inside the canvas and name distinct units.
fn check_hits(layout: &ChartLayout, size: (u32, u32), expect_distinct: bool) {
    for h in &layout.hits {
        let (cx, cy) = ((h.rect.x0 + h.rect.x1) / 2, (h.rect.y0 + h.rect.y1) / 2);
        assert!(
            h.rect.width() > 0 && h.rect.height() > 0,
            "empty hit region {h:?}"
        );
        assert!(
            h.rect.x0 >= 0
                && h.rect.y0 >= 0
                && h.rect.x1 <= size.0 as i32
                && h.rect.y1 <= size.1 as i32,
            "{h:?} outside"
        );
        assert_eq!(
            layout.hit_at(cx, cy),
            Some(h.unit),
            "centre of {h:?} maps elsewhere"
        );
    }
    if expect_distinct {
        let units: HashSet<usize> = layout.hits.iter().map(|h| h.unit).collect();
        assert_eq!(units.len(), layout.hits.len(), "hit regions repeat a unit");
    }
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// The text nodes of an SVG document.
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
fn contributions_add_up_to_the_composite_arithmetic_and_geometric() {
    let data = counties_data();
    for (agg, weights) in [
        (Aggregation::Arithmetic, [3.0, 1.0, 2.0, 0.5, 1.0]),
        (Aggregation::Geometric, [1.0, 2.0, 1.0, 1.0, 4.0]),
    ] {
        let r = rank(&data, &weights, agg);
        assert_eq!(contribution::infer_aggregation(&r), agg);
        for u in 0..r.n_units {
            let sum: f64 = contribution::contributions(&r, agg, u).iter().sum();
            let total = match agg {
                Aggregation::Arithmetic => sum,
                Aggregation::Geometric => sum.exp(),
            };
            assert!(
                (total - r.composite[u]).abs() <= 1e-9 * r.composite[u].max(1.0),
                "{agg:?} unit {u}: {total} vs {}",
                r.composite[u]
            );
        }
    }
}

#[test]
fn contribution_chart_draws_top_n_rows_with_five_segments() {
    let data = counties_data();
    let r = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let sys = system();
    let input = ContributionInput {
        system: &sys,
        data: &data,
        ranking: &r,
        aggregation: Aggregation::Arithmetic,
        top_n: 10,
        selected: None,
    };
    let size = (800, 500);
    let (svg, layout) = render(size, |a| contribution::draw(a, &input, &zh()));
    let layout = layout.unwrap();
    assert!(!layout.empty);
    let top = r.order[0];
    assert!(svg.contains(&data.units[top].name_zh), "top county missing");
    assert_eq!(
        layout.hits.iter().map(|h| h.unit).collect::<Vec<_>>(),
        contribution::top_units(&r, 10)
    );
    check_hits(&layout, size, true);
    // Each dimension colour appears once per bar plus once in the legend.
    for d in 0..5 {
        assert_eq!(
            count(&svg, &format!("fill=\"{}\"", hex(zh().series(d)))),
            11,
            "dimension {d}"
        );
    }
    // Rows go down the page in rank order.
    let ys: Vec<i32> = layout.hits.iter().map(|h| h.rect.y0).collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]));
    let table = contribution::table(&input, Lang::Zh);
    assert_eq!(table.rows.len(), 10);
    assert_eq!(
        table.row_units,
        contribution::top_units(&r, 10)
            .into_iter()
            .map(Some)
            .collect::<Vec<_>>()
    );
    assert!(table
        .rows
        .iter()
        .all(|row| row.len() == table.headers.len()));
}

#[test]
fn geometric_contribution_chart_says_it_shows_log_shares() {
    let data = counties_data();
    let sys = system();
    let arith = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let geo = rank(&data, &EQUAL, Aggregation::Geometric);
    let mk = |r, agg| ContributionInput {
        system: &sys,
        data: &data,
        ranking: r,
        aggregation: agg,
        top_n: 5,
        selected: None,
    };
    for (lang, style) in [(Lang::Zh, zh()), (Lang::En, en())] {
        let (a_svg, a) = render((700, 400), |area| {
            contribution::draw(area, &mk(&arith, Aggregation::Arithmetic), &style)
        });
        let (g_svg, g) = render((700, 400), |area| {
            contribution::draw(area, &mk(&geo, Aggregation::Geometric), &style)
        });
        let (a, g) = (a.unwrap(), g.unwrap());
        assert_ne!(a.title, g.title);
        let (t, caption) = contribution::title(lang, Aggregation::Geometric, 5);
        // The caption may wrap onto a second line: compare the drawn texts without the breaks.
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let drawn = squeeze(&svg_texts(&g_svg).join(" "));
        assert!(g_svg.contains(&t) && drawn.contains(&squeeze(&caption)) && caption.contains("ln"));
        assert!(!a_svg.contains("ln("));
        assert_ne!(
            contribution::table(&mk(&geo, Aggregation::Geometric), lang).caption,
            contribution::table(&mk(&arith, Aggregation::Arithmetic), lang).caption
        );
    }
}

#[test]
fn rank_shift_highlights_exactly_the_movers() {
    let data = counties_data();
    let baseline = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let current = rank(&data, &[0.0, 1.0, 0.0, 0.0, 0.0], Aggregation::Arithmetic);
    let input = RankShiftInput {
        data: &data,
        current: &current,
        baseline: &baseline,
        threshold: 3,
        limit: None,
        selected: None,
    };
    let shifts = rank_shift::shifts(&input);
    assert_eq!(shifts.len(), 83);
    let movers: Vec<_> = shifts
        .iter()
        .filter(|s| rank_shift::is_mover(s, 3))
        .collect();
    let expected = (0..83)
        .filter(|&u| (baseline.rank[u] as i32 - current.rank[u] as i32).abs() >= 3)
        .count();
    assert_eq!(movers.len(), expected);
    assert!(
        expected > 0,
        "innovation-only weights should move some county"
    );
    let size = (800, 900);
    let (svg, layout) = render(size, |a| rank_shift::draw(a, &input, &zh()));
    let layout = layout.unwrap();
    assert_eq!(layout.hits.len(), 2 * 83);
    check_hits(&layout, size, false);
    // Movers are drawn as coloured lines, the rest in the grid grey.
    let style = zh();
    let coloured = count(&svg, &format!("stroke=\"{}\"", hex(style.up)))
        + count(&svg, &format!("stroke=\"{}\"", hex(style.down)));
    assert_eq!(coloured, expected);
    assert_eq!(
        count(&svg, &format!("stroke=\"{}\"", hex(style.grid))),
        83 - expected
    );
    // The biggest mover is always labelled, with its change.
    let big = shifts
        .iter()
        .max_by_key(|s| (s.change.unsigned_abs(), std::cmp::Reverse(s.current)))
        .unwrap();
    assert!(svg.contains(&data.units[big.unit].name_zh));
    let table = rank_shift::table(&input, Lang::En);
    assert_eq!(table.rows.len(), 83);
    assert!(table.rows[..expected].iter().all(|row| row[3] != "0"));
}

#[test]
fn rank_shift_limit_keeps_units_in_either_top_k() {
    let data = counties_data();
    let baseline = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let current = rank(&data, &[0.0, 0.0, 1.0, 0.0, 0.0], Aggregation::Arithmetic);
    let input = RankShiftInput {
        data: &data,
        current: &current,
        baseline: &baseline,
        threshold: 3,
        limit: Some(10),
        selected: Some(current.order[0]),
    };
    let shifts = rank_shift::shifts(&input);
    assert!(shifts.len() >= 10 && shifts.iter().all(|s| s.current <= 10 || s.baseline <= 10));
    let (_, layout) = render((600, 500), |a| rank_shift::draw(a, &input, &en()));
    assert_eq!(layout.unwrap().hits.len(), 2 * shifts.len());
}

#[test]
fn tile_grid_gives_every_county_its_own_cell_in_geographic_order() {
    let counties = seeds::counties();
    let grid = tile_map::place(&counties);
    assert_eq!(
        grid,
        tile_map::place(&counties),
        "placement is deterministic"
    );
    let cells: Vec<(u32, u32)> = grid
        .cells
        .iter()
        .map(|c| c.expect("every county has a centre point"))
        .collect();
    assert_eq!(cells.iter().collect::<HashSet<_>>().len(), 83);
    assert!(cells.iter().all(|&(c, r)| c < grid.cols && r < grid.rows));
    let corr = |a: &[f64], b: &[f64]| fjindex::method::weight::pearson(a, b);
    let col: Vec<f64> = cells.iter().map(|c| c.0 as f64).collect();
    let row: Vec<f64> = cells.iter().map(|c| c.1 as f64).collect();
    let lon: Vec<f64> = counties.iter().map(|u| u.lon.unwrap()).collect();
    let lat: Vec<f64> = counties.iter().map(|u| u.lat.unwrap()).collect();
    assert!(
        corr(&col, &lon) > 0.9,
        "columns follow longitude: {}",
        corr(&col, &lon)
    );
    assert!(
        corr(&row, &lat) < -0.9,
        "rows follow latitude (north up): {}",
        corr(&row, &lat)
    );
}

#[test]
fn tile_map_draws_83_labelled_tiles_that_do_not_overlap() {
    let data = counties_data();
    let sys = system();
    let r = rank(&data, &EQUAL, Aggregation::Arithmetic);
    for colour_by in [ColourBy::Score, ColourBy::Rank, ColourBy::Dimension(2)] {
        let input = TileMapInput {
            system: &sys,
            data: &data,
            ranking: &r,
            colour_by,
            selected: Some(5),
        };
        let size = (700, 760);
        let (svg, layout) = render(size, |a| tile_map::draw(a, &input, &zh()));
        let layout = layout.unwrap();
        assert_eq!(layout.hits.len(), 83);
        check_hits(&layout, size, true);
        for (i, a) in layout.hits.iter().enumerate() {
            assert!(
                layout.hits[i + 1..]
                    .iter()
                    .all(|b| !a.rect.overlaps(&b.rect)),
                "tiles overlap"
            );
        }
        let texts = svg_texts(&svg);
        for label in tile_map::short_labels(&data.units, Lang::Zh) {
            assert!(texts.contains(&label), "tile label {label} missing");
        }
        assert_eq!(tile_map::table(&input, Lang::Zh).rows.len(), 83);
    }
    // Colour by rank: the best-ranked tile is the brightest end of the scale.
    let input = TileMapInput {
        system: &sys,
        data: &data,
        ranking: &r,
        colour_by: ColourBy::Rank,
        selected: None,
    };
    let (svg, _) = render((700, 760), |a| tile_map::draw(a, &input, &en()));
    assert!(svg.contains(&hex(sequential(1.0))) && svg.contains(&hex(sequential(0.0))));
    let texts = svg_texts(&svg);
    assert!(
        texts.iter().all(|t| !has_han(t)),
        "English map shows Han text: {texts:?}"
    );
}

#[test]
fn english_tile_labels_tell_the_counties_apart() {
    let units = seeds::counties();
    let labels = tile_map::short_labels(&units, Lang::En);
    assert!(labels.iter().all(|l| (3..=7).contains(&l.chars().count())));
    for (a, b) in (0..units.len()).flat_map(|a| (a + 1..units.len()).map(move |b| (a, b))) {
        if units[a].name_en != units[b].name_en {
            assert_ne!(
                labels[a], labels[b],
                "{} and {}",
                units[a].name_en, units[b].name_en
            );
        }
    }
    for (label, unit) in labels.iter().zip(&units) {
        assert!(unit
            .name_en
            .replace(['\'', '-', ' '], "")
            .starts_with(label.as_str()));
    }
}

#[test]
fn tile_map_lists_units_without_coordinates() {
    let mut units = seeds::counties();
    for u in [3, 40, 70] {
        units[u].lon = None;
    }
    let data = dataset(units, 11);
    let sys = system();
    let r = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let input = TileMapInput {
        system: &sys,
        data: &data,
        ranking: &r,
        colour_by: ColourBy::Score,
        selected: None,
    };
    let grid = tile_map::place(&data.units);
    assert_eq!(grid.unplaced, vec![3, 40, 70]);
    let size = (800, 700);
    let (svg, layout) = render(size, |a| tile_map::draw(a, &input, &zh()));
    let layout = layout.unwrap();
    assert_eq!(layout.hits.len(), 83, "listed units stay clickable");
    check_hits(&layout, size, true);
    for u in [3, 40, 70] {
        assert!(
            svg.contains(&data.units[u].name_zh),
            "unplaced unit {u} is not listed"
        );
    }
}

#[test]
fn tile_map_falls_back_to_points_for_thousands_of_units() {
    let mut rng = Lcg(3);
    let units: Vec<Unit> = (0..2846)
        .map(|k| Unit {
            adcode: format!("{:06}", 100000 + k),
            name_zh: format!("县{k}"),
            name_en: format!("County {k}"),
            prefecture_zh: format!("市{}", k % 300),
            lon: Some(75.0 + 60.0 * rng.next()),
            lat: Some(18.0 + 35.0 * rng.next()),
        })
        .collect();
    let data = dataset(units, 5);
    let sys = system();
    let r = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let input = TileMapInput {
        system: &sys,
        data: &data,
        ranking: &r,
        colour_by: ColourBy::Score,
        selected: Some(10),
    };
    let size = (900, 800);
    let (svg, layout) = render(size, |a| tile_map::draw(a, &input, &zh()));
    let layout = layout.unwrap();
    assert_eq!(layout.hits.len(), 2846);
    assert!(count(&svg, "<circle") >= 2846);
    assert!(!svg.contains(">县1<"), "point mode draws no tile labels");
    let centre =
        |h: &fjindex::chart::HitRegion| ((h.rect.x0 + h.rect.x1) / 2, (h.rect.y0 + h.rect.y1) / 2);
    assert!(layout
        .hits
        .iter()
        .all(|h| layout.hit_at(centre(h).0, centre(h).1).is_some()));
}

#[test]
fn profile_compares_the_county_with_the_true_means() {
    let data = counties_data();
    let sys = system();
    let r = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let u = 20;
    let input = ProfileInput {
        system: &sys,
        data: &data,
        ranking: &r,
        unit: u,
    };
    let s = profile::stats(&input).unwrap();
    let pref = &data.units[u].prefecture_zh;
    let same: Vec<usize> = (0..83)
        .filter(|&v| &data.units[v].prefecture_zh == pref)
        .collect();
    for d in 0..5 {
        let province = (0..83).map(|v| r.dimension_score(v, d)).sum::<f64>() / 83.0;
        let prefecture =
            same.iter().map(|&v| r.dimension_score(v, d)).sum::<f64>() / same.len() as f64;
        assert!(
            (s.province[d] - province).abs() < 1e-9 && (s.prefecture[d] - prefecture).abs() < 1e-9
        );
        assert_eq!(s.county[d], r.dimension_score(u, d));
    }
    let size = (700, 420);
    let (svg, layout) = render(size, |a| profile::draw(a, &input, &zh()));
    let layout = layout.unwrap();
    assert!(svg.contains(&data.units[u].name_zh) && svg.contains(pref.as_str()));
    assert_eq!(layout.hits.len(), 5);
    assert!(layout.hits.iter().all(|h| h.unit == u));
    check_hits(&layout, size, false);
    assert_eq!(profile::table(&input, Lang::En).rows.len(), 5);
    // An index past the data gives the empty state, not a panic.
    let (_, out) = render(size, |a| {
        profile::draw(a, &ProfileInput { unit: 999, ..input }, &zh())
    });
    assert!(out.unwrap().empty);
}

#[test]
fn weights_chart_shows_weight_and_influence_per_indicator() {
    let data = counties_data();
    let sys = system();
    // Only revenue carries weight: the composite is its normalised value, so r = 1 for it.
    let mut sc = scenario(&[1.0, 0.0, 0.0, 0.0, 0.0], Aggregation::Arithmetic);
    sc.indicator_weights = vec![0.0; 16];
    sc.indicator_weights[0] = 1.0;
    for d in 1..5 {
        sc.indicator_weights[sys.indicators_of(d).start] = 1.0;
    }
    let r = score(&sys, &data, &sc).unwrap();
    let input = WeightsInput {
        system: &sys,
        ranking: &r,
    };
    let inf = weights::influence(&input);
    assert_eq!(inf.len(), 16);
    assert!((inf.iter().map(|x| x.0).sum::<f64>() - 1.0).abs() < 1e-12);
    assert!((inf[0].0 - 1.0).abs() < 1e-12 && (inf[0].1 - 1.0).abs() < 1e-9);
    assert!(inf
        .iter()
        .all(|x| (-1.0 - 1e-12..=1.0 + 1e-12).contains(&x.1)));
    let (svg, layout) = render((800, 600), |a| weights::draw(a, &input, &zh()));
    assert!(layout.unwrap().hits.is_empty());
    for ind in &sys.indicators {
        assert!(svg.contains(&ind.short_zh), "{} missing", ind.short_zh);
    }
    let table = weights::table(&input, Lang::Zh);
    assert_eq!(table.rows.len(), 16);
    assert_eq!(table.rows[0][2], "100.0%");
}

#[test]
fn intervals_mark_the_counties_whose_order_is_unsettled() {
    let data = counties_data();
    let iv = |unit, nominal, median, p05, p95, (unsettled_above, unsettled_below)| RankInterval {
        unit,
        nominal,
        median,
        p05,
        p95,
        unsettled_above,
        unsettled_below,
    };
    let list = vec![
        iv(4, 3, 3, 3, 4, (false, true)),
        iv(1, 1, 1, 1, 1, (false, false)),
        iv(2, 2, 2, 2, 2, (false, false)),
        iv(9, 4, 4, 4, 6, (true, true)),
        iv(7, 10, 10, 9, 12, (true, false)),
    ];
    let input = IntervalsInput {
        data: &data,
        intervals: &list,
        limit: None,
        selected: Some(9),
    };
    let rows = intervals::rows(&input);
    assert_eq!(
        rows.iter().map(|r| r.unit).collect::<Vec<_>>(),
        vec![1, 2, 4, 9, 7]
    );
    let size = (700, 300);
    let (svg, layout) = render(size, |a| intervals::draw(a, &input, &zh()));
    let layout = layout.unwrap();
    assert_eq!(layout.hits.len(), 5);
    check_hits(&layout, size, true);
    assert_eq!(
        svg_texts(&svg)
            .iter()
            .filter(|t| t.starts_with("≈ "))
            .count(),
        3
    );
    let marks: Vec<String> = intervals::table(&input, Lang::En)
        .rows
        .iter()
        .map(|row| row[4].clone())
        .collect();
    assert_eq!(
        marks,
        [
            "order settled",
            "order settled",
            "may swap with the one below",
            "may swap with both neighbours",
            "may swap with the one above"
        ]
    );
    let (_, empty) = render(size, |a| {
        intervals::draw(
            a,
            &IntervalsInput {
                intervals: &[],
                ..input
            },
            &en(),
        )
    });
    assert!(empty.unwrap().empty);
}

#[test]
fn compare_draws_one_bar_per_county_and_dimension() {
    let data = counties_data();
    let sys = system();
    let r = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let picked = [r.order[0], r.order[40], r.order[82]];
    let input = CompareInput {
        system: &sys,
        data: &data,
        ranking: &r,
        units: &picked,
    };
    let size = (800, 420);
    let (svg, layout) = render(size, |a| compare::draw(a, &input, &en()));
    let layout = layout.unwrap();
    assert_eq!(layout.hits.len(), 15);
    check_hits(&layout, size, false);
    for &u in &picked {
        assert_eq!(layout.hits.iter().filter(|h| h.unit == u).count(), 5);
        assert!(svg.contains(&data.units[u].name_en));
    }
    // The top county has the best score in at least one dimension, and the table marks a best per row.
    let table = compare::table(&input, Lang::En);
    assert!(table
        .rows
        .iter()
        .all(|row| row.iter().filter(|c| c.ends_with('★')).count() >= 1));
    let five = [0, 1, 2, 3, 4];
    assert!(render(size, |a| compare::draw(
        a,
        &CompareInput {
            units: &five,
            ..input
        },
        &en()
    ))
    .1
    .is_err());
    assert!(
        render(size, |a| compare::draw(
            a,
            &CompareInput {
                units: &[],
                ..input
            },
            &en()
        ))
        .1
        .unwrap()
        .empty
    );
}

#[test]
fn empty_data_and_tiny_areas_never_panic() {
    let sys = system();
    let data = Dataset::new(DatasetMeta::default(), Vec::new(), 16);
    let r = score(&sys, &data, &Scenario::default_for(&sys)).unwrap();
    let s = zh();
    let c = ContributionInput {
        system: &sys,
        data: &data,
        ranking: &r,
        aggregation: Aggregation::Arithmetic,
        top_n: 10,
        selected: None,
    };
    assert!(
        render((400, 300), |a| contribution::draw(a, &c, &s))
            .1
            .unwrap()
            .empty
    );
    let rs = RankShiftInput {
        data: &data,
        current: &r,
        baseline: &r,
        threshold: 3,
        limit: None,
        selected: None,
    };
    assert!(
        render((400, 300), |a| rank_shift::draw(a, &rs, &s))
            .1
            .unwrap()
            .empty
    );
    let t = TileMapInput {
        system: &sys,
        data: &data,
        ranking: &r,
        colour_by: ColourBy::Score,
        selected: None,
    };
    assert!(
        render((400, 300), |a| tile_map::draw(a, &t, &s))
            .1
            .unwrap()
            .empty
    );
    assert!(tile_map::table(&t, Lang::Zh).rows.is_empty());
    let p = ProfileInput {
        system: &sys,
        data: &data,
        ranking: &r,
        unit: 0,
    };
    assert!(
        render((400, 300), |a| profile::draw(a, &p, &s))
            .1
            .unwrap()
            .empty
    );

    // Real data in an area far too small for it: an error message, not a panic.
    let data = counties_data();
    let r = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let c = ContributionInput {
        data: &data,
        ranking: &r,
        ..c
    };
    let t = TileMapInput {
        data: &data,
        ranking: &r,
        ..t
    };
    assert!(render((30, 20), |a| contribution::draw(a, &c, &s))
        .1
        .is_err());
    assert!(render((30, 20), |a| tile_map::draw(a, &t, &s)).1.is_err());
}

#[test]
fn scaled_style_scales_hit_regions_with_the_device_pixel_ratio() {
    let data = counties_data();
    let sys = system();
    let r = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let input = TileMapInput {
        system: &sys,
        data: &data,
        ranking: &r,
        colour_by: ColourBy::Score,
        selected: None,
    };
    let (_, one) = render((600, 650), |a| tile_map::draw(a, &input, &zh()));
    let (_, two) = render((1200, 1300), |a| {
        tile_map::draw(a, &input, &zh().scaled(2.0))
    });
    let (one, two) = (one.unwrap(), two.unwrap());
    for (a, b) in one.hits.iter().zip(&two.hits) {
        assert_eq!(a.unit, b.unit);
        let (ca, cb) = ((a.rect.x0 + a.rect.x1) / 2, (b.rect.x0 + b.rect.x1) / 2);
        assert!((2 * ca - cb).abs() <= 4, "{a:?} vs {b:?}");
    }
}

#[test]
fn hit_regions_in_a_sub_area_are_reported_in_backend_pixels() {
    let data = counties_data();
    let sys = system();
    let r = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let input = ContributionInput {
        system: &sys,
        data: &data,
        ranking: &r,
        aggregation: Aggregation::Arithmetic,
        top_n: 5,
        selected: None,
    };
    let (_, layout) = render((800, 800), |a| {
        let (_, lower) = a.split_vertically(400);
        contribution::draw(&lower, &input, &zh())
    });
    let layout = layout.unwrap();
    assert!(layout
        .hits
        .iter()
        .all(|h| h.rect.y0 >= 400 && h.rect.y1 <= 800));
    assert_eq!(layout.hit_at(10, 10), None);
    assert_eq!(
        Rect::new(5, 5, 1, 1),
        Rect {
            x0: 1,
            y0: 1,
            x1: 5,
            y1: 5
        }
    );
}

#[test]
fn palette_and_scale_keep_text_readable() {
    let s = zh();
    assert!(contrast_ratio(s.text, s.background) >= 7.0);
    assert!(contrast_ratio(s.muted, s.background) >= 4.5);
    for c in [s.up, s.down, s.highlight] {
        assert!(
            contrast_ratio(c, s.background) >= 3.0,
            "{c:?} against the background"
        );
    }
    for k in 0..=100 {
        let bg = sequential(k as f64 / 100.0);
        assert!(
            contrast_ratio(readable_on(bg), bg) >= 4.5,
            "tile label at {k}% unreadable"
        );
    }
    // The scale runs monotonically from dark to light, so it also reads in greyscale.
    let lum: Vec<f64> = (0..=20)
        .map(|k| fjindex::chart::style::luminance(sequential(k as f64 / 20.0)))
        .collect();
    assert!(lum.windows(2).all(|w| w[0] < w[1]));
    // Ten dimensions, ten distinct colours.
    assert_eq!(SERIES.iter().collect::<HashSet<_>>().len(), 10);
}

#[test]
fn a_chart_title_wider_than_a_phone_wraps_between_words_instead_of_running_off() {
    let data = counties_data();
    let sys = system();
    let r = rank(&data, &EQUAL, Aggregation::Arithmetic);
    let input = TileMapInput {
        system: &sys,
        data: &data,
        ranking: &r,
        colour_by: ColourBy::Score,
        selected: None,
    };
    for (style, width) in [(en(), 300), (zh(), 200)] {
        let (svg, layout) = render((width, 420), |a| tile_map::draw(a, &input, &style));
        let title = layout.unwrap().title;
        let texts = svg_texts(&svg);
        // The title is drawn over several text lines that together give it whole, each a run of words.
        let start = texts
            .iter()
            .position(|t| title.starts_with(t.as_str()))
            .expect("the title's first line");
        let mut joined = String::new();
        let mut lines = 0;
        for t in &texts[start..] {
            if joined.len() >= title.len() {
                break;
            }
            let sep = if joined.is_empty() || !title.is_ascii() {
                ""
            } else {
                " "
            };
            joined = format!("{joined}{sep}{t}");
            lines += 1;
        }
        assert!(lines >= 2, "{title:?} fits one line at {width} px?");
        assert_eq!(joined, title);
    }
}

/// The `width` attributes of the SVG's rectangles filled with `colour` (as "#RRGGBB").
fn filled_rect_widths(svg: &str, colour: &str) -> Vec<f64> {
    svg.split("<rect")
        .skip(1)
        .filter_map(|r| {
            let r = r.split_once("/>")?.0;
            if !r.contains(&format!("fill=\"{colour}\"")) {
                return None;
            }
            r.split_once("width=\"")?.1.split_once('"')?.0.parse().ok()
        })
        .collect()
}

#[test]
fn sobol_bars_are_as_long_as_their_indices_and_the_table_prints_them() {
    let e = |value, low, high| IndexEstimate { value, low, high };
    let nan = e(f64::NAN, f64::NAN, f64::NAN);
    let rows = vec![
        InputIndices {
            label: "weight A".into(),
            first_order: e(0.6, 0.5, 0.7),
            total_effect: e(0.8, 0.7, 0.9),
        },
        InputIndices {
            label: "normalisation".into(),
            first_order: e(0.2, -0.05, 0.3),
            total_effect: e(0.3, 0.2, 0.4),
        },
        InputIndices {
            label: "aggregation".into(),
            first_order: e(0.0, 0.0, 0.0),
            total_effect: e(0.0, 0.0, 0.0),
        },
    ];
    let input = SobolInput {
        output: "mean rank shift",
        rows: &rows,
    };
    let size = (640, 320);
    let (svg, layout) = render(size, |a| sobol::draw(a, &input, &en()));
    let layout = layout.unwrap();
    assert!(!layout.empty);
    assert!(layout.title.contains("mean rank shift"));
    let texts = svg_texts(&svg);
    for label in ["weight A", "normalisation", "aggregation", "0", "0.5", "1"] {
        assert!(
            texts.iter().any(|t| t == label),
            "{label} missing: {texts:?}"
        );
    }
    assert!(texts.iter().all(|t| !t.contains("000000")), "{texts:?}");
    // After the legend's swatch, the filled first-order bars of 0.6, 0.2 and 0 (one pixel): lengths
    // in proportion.
    let blue = filled_rect_widths(&svg, "#0072B2");
    let bars: Vec<f64> = blue.iter().skip(1).copied().filter(|&w| w > 2.0).collect();
    assert_eq!(bars.len(), 2, "{blue:?}");
    assert!((bars[0] / bars[1] - 3.0).abs() < 0.05, "{bars:?}");

    let table = sobol::table(&input, Lang::En);
    assert_eq!(table.headers.len(), 5);
    assert_eq!(
        table.rows[1],
        [
            "normalisation",
            "0.200",
            "[-0.050, 0.300]",
            "0.300",
            "[0.200, 0.400]"
        ]
    );
    assert!(table.row_units.iter().all(Option::is_none));

    let flat = vec![InputIndices {
        label: "weight A".into(),
        first_order: nan,
        total_effect: nan,
    }];
    let (_, empty) = render(size, |a| {
        sobol::draw(
            a,
            &SobolInput {
                output: "rank",
                rows: &flat,
            },
            &zh(),
        )
    });
    assert!(empty.unwrap().empty);
    assert_eq!(
        sobol::table(
            &SobolInput {
                output: "rank",
                rows: &flat
            },
            Lang::En
        )
        .rows[0][1..],
        ["—", "—", "—", "—"]
    );
}

#[test]
fn heatmap_prints_every_correlation_in_a_cell_of_its_colour() {
    let names: Vec<String> = ["甲", "乙", "丙"].iter().map(|s| s.to_string()).collect();
    let values = vec![
        vec![1.0, -1.0, 0.0],
        vec![-1.0, 1.0, f64::NAN],
        vec![0.0, f64::NAN, 1.0],
    ];
    let input = HeatmapInput {
        title: "相关",
        caption: "说明",
        row_heading: "指标",
        rows: &names,
        columns: &names,
        values: &values,
    };
    let style = zh();
    let (svg, layout) = render((600, 400), |a| heatmap::draw(a, &input, &style));
    let layout = layout.unwrap();
    assert!(!layout.empty && layout.hits.is_empty());
    let texts = svg_texts(&svg);
    // Each value is printed in its cell: three 1.00 on the diagonal, two -1.00, two 0.00, two dashes.
    for (text, n) in [("1.00", 3), ("-1.00", 2), ("0.00", 2), ("—", 2)] {
        assert_eq!(texts.iter().filter(|t| *t == text).count(), n, "{text}");
    }
    for name in ["1 甲", "2 乙", "3 丙"] {
        assert!(texts.iter().any(|t| t == name), "{name} missing");
    }
    // r = 1 takes the "up" colour, r = -1 the "down" colour, 0 the background, NaN the grid colour.
    assert_eq!(heatmap::cell_colour(1.0, &style), style.up);
    assert_eq!(heatmap::cell_colour(-1.0, &style), style.down);
    assert_eq!(heatmap::cell_colour(0.0, &style), style.background);
    assert_eq!(heatmap::cell_colour(f64::NAN, &style), style.grid);
    assert!(svg.contains(&hex(style.up)) && svg.contains(&hex(style.down)));
    let table = heatmap::table(&input, Lang::Zh);
    assert_eq!(table.headers, ["指标", "甲", "乙", "丙"]);
    assert_eq!(table.rows[1], ["乙", "-1.00", "1.00", "—"]);

    let ragged = vec![vec![1.0]; 3];
    let empty = HeatmapInput {
        values: &ragged,
        ..input
    };
    assert!(
        render((600, 400), |a| heatmap::draw(a, &empty, &style))
            .1
            .unwrap()
            .empty
    );
    assert!(render((20, 20), |a| heatmap::draw(a, &input, &style))
        .1
        .is_err());
}

#[test]
fn a_heatmap_of_sixteen_indicators_at_phone_width_numbers_every_column() {
    let names: Vec<String> = (1..=16).map(|i| format!("指标{i}")).collect();
    let values: Vec<Vec<f64>> = (0..16)
        .map(|r| (0..16).map(|c| if r == c { 1.0 } else { 0.1 }).collect())
        .collect();
    let input = HeatmapInput {
        title: "相关",
        caption: "说明",
        row_heading: "指标",
        rows: &names,
        columns: &names,
        values: &values,
    };
    let (svg, layout) = render((290, 410), |a| heatmap::draw(a, &input, &zh()));
    assert!(!layout.unwrap().empty);
    let texts = svg_texts(&svg);
    for n in 1..=16 {
        assert!(
            texts.iter().any(|t| *t == n.to_string()),
            "column {n}: {texts:?}"
        );
    }
    assert!(!texts.iter().any(|t| t == "…"), "{texts:?}");
}
