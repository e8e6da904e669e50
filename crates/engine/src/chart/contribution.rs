//! Top-N counties as horizontal bars split into each dimension's contribution to the composite; under
//! geometric aggregation the segments are log contributions on a log axis, and the chart says so.

use super::frame::{too_small, Frame};
use super::pen::{nice_ticks, Pen, H, V};
use super::{fmt_score, ChartLayout, ChartStyle, HitRegion, Rect, TextTable};
use crate::i18n::{t, tf, Key};
use crate::method::GEOMETRIC_EPSILON;
use crate::model::{Aggregation, Dataset, IndicatorSystem, Lang};
use crate::score::{aggregate, Ranking};
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the contribution chart shows.
#[derive(Clone, Copy, Debug)]
pub struct ContributionInput<'a> {
    pub system: &'a IndicatorSystem,
    pub data: &'a Dataset,
    pub ranking: &'a Ranking,
    pub aggregation: Aggregation,
    pub top_n: usize,
    pub selected: Option<usize>,
}

/// Which aggregation produced `ranking`: arithmetic unless only the geometric mean reproduces every
/// composite (when both do, the two pictures coincide).
pub fn infer_aggregation(ranking: &Ranking) -> Aggregation {
    let w = &ranking.weights.dimension;
    let fits = |agg: Aggregation| {
        (0..ranking.n_units)
            .filter(|&u| ranking.composite[u].is_finite())
            .all(|u| {
                let d = &ranking.dimension_scores
                    [u * ranking.n_dimensions..(u + 1) * ranking.n_dimensions];
                (aggregate(agg, w, d) - ranking.composite[u]).abs()
                    <= 1e-9 * ranking.composite[u].abs().max(1.0)
            })
    };
    if !fits(Aggregation::Arithmetic) && fits(Aggregation::Geometric) {
        Aggregation::Geometric
    } else {
        Aggregation::Arithmetic
    }
}

/// Each dimension's contribution for unit `u`: `w_d * D_d` (summing to the composite) or, under geometric
/// aggregation, `w_d * ln D_d` (summing to the log of the composite).
pub fn contributions(ranking: &Ranking, aggregation: Aggregation, u: usize) -> Vec<f64> {
    let w = &ranking.weights.dimension;
    (0..ranking.n_dimensions)
        .map(|d| {
            let s = ranking.dimension_score(u, d);
            match aggregation {
                Aggregation::Arithmetic => w[d] * s,
                Aggregation::Geometric => w[d] * s.max(GEOMETRIC_EPSILON).ln(),
            }
        })
        .collect()
}

/// The first `n` ranked units in rank order.
pub fn top_units(ranking: &Ranking, n: usize) -> Vec<usize> {
    ranking
        .order
        .iter()
        .copied()
        .filter(|&u| ranking.rank[u] > 0)
        .take(n)
        .collect()
}

/// The chart's title and caption, which name what the segments mean.
pub fn title(lang: Lang, aggregation: Aggregation, n: usize) -> (String, String) {
    let (title, caption) = match aggregation {
        Aggregation::Arithmetic => (Key::ChartContribTitle, Key::ChartContribCaption),
        Aggregation::Geometric => (Key::ChartContribLogTitle, Key::ChartContribLogCaption),
    };
    (
        tf(lang, title, &[&n.to_string()]),
        t(lang, caption).to_string(),
    )
}

/// Draws the chart; one hit region per row.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ContributionInput,
    style: &ChartStyle,
) -> Result<ChartLayout, String> {
    let units = top_units(input.ranking, input.top_n);
    let (title, caption) = title(style.lang, input.aggregation, units.len());
    let frame = Frame {
        title,
        caption: Some(caption),
        empty_message: t(style.lang, Key::ChartContribEmpty),
    };
    let shown = (!units.is_empty() && input.ranking.n_dimensions > 0).then_some(units);
    frame.draw(area, style, shown, |pen, top, units| {
        plot(pen, top, input, &units)
    })
}

/// The legend, the rows of `units` and the axis below the heading.
fn plot<DB: DrawingBackend>(
    pen: &Pen<DB>,
    top: i32,
    input: &ContributionInput,
    units: &[usize],
) -> Result<Vec<HitRegion>, String> {
    let style = pen.style;
    let legend: Vec<(String, RGBColor)> = input
        .system
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dim)| (dim.name(style.lang).to_string(), style.series(d)))
        .collect();
    let y = pen.legend(&legend, pen.px(8.0), top)?;

    let labels: Vec<String> = units
        .iter()
        .map(|&u| {
            format!(
                "{}. {}",
                input.ranking.rank[u],
                input.data.units[u].name(style.lang)
            )
        })
        .collect();
    let label_w = labels
        .iter()
        .map(|l| pen.text_width(l, 1.0))
        .max()
        .unwrap_or(0)
        .min(pen.width * 2 / 5);
    let x_label = pen.px(8.0);
    let x0 = x_label + label_w + pen.px(8.0);
    let x1 = pen.width - pen.px(8.0) - pen.text_width("100.0", 1.0) - pen.px(6.0);
    let axis_h = pen.font(1.0).ceil() as i32 + pen.px(8.0);
    let rows_bottom = pen.height - axis_h;
    if x1 - x0 < pen.px(20.0) || rows_bottom - y < units.len() as i32 {
        return Err(too_small(style.lang));
    }

    let parts: Vec<Vec<f64>> = units
        .iter()
        .map(|&u| contributions(input.ranking, input.aggregation, u))
        .collect();
    let pos_max = parts
        .iter()
        .map(|p| p.iter().filter(|v| **v > 0.0).sum::<f64>())
        .fold(0.0, f64::max);
    let neg_min = parts
        .iter()
        .map(|p| p.iter().filter(|v| **v < 0.0).sum::<f64>())
        .fold(0.0, f64::min);
    let ticks: Vec<(f64, String)> = match input.aggregation {
        Aggregation::Arithmetic => {
            let t = nice_ticks(neg_min, pos_max.max(1e-9), 5);
            t.into_iter().map(|v| (v, format!("{v}"))).collect()
        }
        Aggregation::Geometric => [
            0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0,
        ]
        .iter()
        .map(|v: &f64| (v.ln(), format!("{v}")))
        .filter(|(l, _)| *l >= neg_min - 1e-12 && *l <= pos_max + 1e-12)
        .collect(),
    };
    let lo = neg_min.min(ticks.first().map_or(0.0, |t| t.0));
    let hi = pos_max
        .max(ticks.last().map_or(0.0, |t| t.0))
        .max(lo + 1e-9);
    let sx = |v: f64| x0 + ((v - lo) / (hi - lo) * (x1 - x0) as f64).round() as i32;

    for (v, label) in &ticks {
        let x = sx(*v);
        pen.x_tick(x, y, rows_bottom, label, style.grid)?;
    }

    let pitch = ((rows_bottom - y) as f64 / units.len() as f64).min(pen.px(26.0) as f64);
    let bar_h = ((pitch * 0.7).round() as i32).max(1);
    let gap = if bar_h > 3 { pen.px(1.0) } else { 0 };
    let mut hits = Vec::new();
    for (row, (&u, part)) in units.iter().zip(&parts).enumerate() {
        let row_top = y + (row as f64 * pitch).round() as i32;
        let cy = row_top + (pitch / 2.0).round() as i32;
        let (b0, b1) = (cy - bar_h / 2, cy - bar_h / 2 + bar_h);
        let rel = if pitch >= pen.font(1.0) {
            1.0
        } else {
            (pitch / pen.font(1.0)).max(0.5)
        };
        let label = pen.fit(&labels[row], rel, label_w);
        pen.text(
            &label,
            (x0 - pen.px(8.0), cy),
            rel,
            style.text,
            H::Right,
            V::Center,
        )?;
        let (mut right, mut left) = (0.0, 0.0);
        for (d, &c) in part.iter().enumerate() {
            let (a, b) = if c >= 0.0 {
                right += c;
                (right - c, right)
            } else {
                left += c;
                (left, left - c)
            };
            let (xa, xb) = (sx(a), sx(b));
            pen.fill_rect(Rect::new(xa, b0, (xb - gap).max(xa), b1), style.series(d))?;
        }
        let end = sx(right);
        pen.text(
            &fmt_score(input.ranking.composite[u]),
            (end + pen.px(4.0), cy),
            rel,
            style.text,
            H::Left,
            V::Center,
        )?;
        if input.selected == Some(u) {
            pen.stroke_rect(
                Rect::new(
                    sx(left) - pen.px(2.0),
                    b0 - pen.px(2.0),
                    end + pen.px(2.0),
                    b1 + pen.px(2.0),
                ),
                style.highlight,
                2.0,
            )?;
        }
        let hit = Rect::new(
            0,
            row_top,
            pen.width,
            row_top + pitch.round().max(1.0) as i32,
        );
        hits.push(pen.hit(hit, u));
    }
    pen.line((sx(0.0), y), (sx(0.0), rows_bottom), style.muted, 1.0)?;
    Ok(hits)
}

/// The table alternative: rank, county, prefecture, composite and each dimension's contribution (with its
/// share of the total in geometric mode).
pub fn table(input: &ContributionInput, lang: Lang) -> TextTable {
    let units = top_units(input.ranking, input.top_n);
    let (title, caption) = title(lang, input.aggregation, units.len());
    let mut headers: Vec<String> = [
        Key::ChartRank,
        Key::ColCounty,
        Key::ColPrefecture,
        Key::ChartCompositeColumn,
    ]
    .iter()
    .map(|&key| t(lang, key).to_string())
    .collect();
    headers.extend(input.system.dimension_names(lang));
    let caption = tf(lang, Key::ChartTitleAndCaption, &[&title, &caption]);
    let mut table = TextTable::new(caption, headers);
    for u in units {
        let part = contributions(input.ranking, input.aggregation, u);
        let total: f64 = part.iter().sum();
        let unit = &input.data.units[u];
        let mut row = vec![
            input.ranking.rank[u].to_string(),
            unit.name(lang).to_string(),
            unit.prefecture_zh.clone(),
        ];
        row.push(fmt_score(input.ranking.composite[u]));
        row.extend(part.iter().map(|&c| match input.aggregation {
            Aggregation::Arithmetic => format!("{c:.2}"),
            Aggregation::Geometric if total != 0.0 => format!("{c:.3} ({:.0}%)", 100.0 * c / total),
            Aggregation::Geometric => format!("{c:.3}"),
        }));
        table.push(Some(u), row);
    }
    table
}
