//! A county's ranks over the editions of the index: its composite rank and each dimension's rank, one
//! line each across the years, rank 1 at the top.

use super::frame::{too_small, Frame};
use super::pen::{Pen, H, V};
use super::{ChartLayout, ChartStyle, HitRegion, Rect, TextTable};
use crate::i18n::{t, tf, Key};
use crate::model::{IndicatorSystem, Lang};
use crate::score::Ranking;
use plotters::coord::Shift;
use plotters::prelude::*;

/// One edition as the trend chart reads it: its year, its ranking, and the county's unit in it (`None`
/// when the county is not in that edition).
#[derive(Clone, Copy, Debug)]
pub struct TrendEdition<'a> {
    pub year: i32,
    pub ranking: &'a Ranking,
    pub unit: Option<usize>,
}

/// What the trend chart shows: the county's name and the editions, oldest first.
#[derive(Clone, Debug)]
pub struct TrendInput<'a> {
    pub system: &'a IndicatorSystem,
    pub county: String,
    pub editions: Vec<TrendEdition<'a>>,
}

/// The county's ranks per edition: the composite's, then each dimension's (0 where it is unranked or
/// absent), with how many units each edition ranks.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub year: i32,
    pub composite: u32,
    pub dimensions: Vec<u32>,
    pub ranked: u32,
}

/// The points of the chart, one per edition.
pub fn points(input: &TrendInput) -> Vec<TrendPoint> {
    input
        .editions
        .iter()
        .map(|e| {
            let n_dims = e.ranking.n_dimensions;
            let ranked = e.ranking.rank.iter().filter(|&&r| r > 0).count() as u32;
            match e.unit.filter(|&u| u < e.ranking.n_units) {
                Some(u) => TrendPoint {
                    year: e.year,
                    composite: e.ranking.rank[u],
                    dimensions: (0..n_dims)
                        .map(|d| e.ranking.rank_in_dimension(u, d))
                        .collect(),
                    ranked,
                },
                None => TrendPoint {
                    year: e.year,
                    composite: 0,
                    dimensions: vec![0; n_dims],
                    ranked,
                },
            }
        })
        .collect()
}

fn title(input: &TrendInput, lang: Lang) -> String {
    tf(lang, Key::TrendTitle, &[&input.county])
}

/// Draws the lines: the composite's thick and dark, the dimensions' in their colours; an edition where
/// the county has no rank breaks the line. Each composite point is a hit region for the edition's
/// index in `input.editions`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &TrendInput,
    style: &ChartStyle,
) -> Result<ChartLayout, String> {
    let lang = style.lang;
    let frame = Frame {
        title: title(input, lang),
        caption: Some(t(lang, Key::TrendCaption).to_string()),
        empty_message: t(lang, Key::TrendEmpty),
    };
    let pts = points(input);
    let shown = (pts.len() >= 2 && pts.iter().any(|p| p.composite > 0)).then_some(pts);
    frame.draw(area, style, shown, |pen, top, pts| {
        plot(pen, top, input, &pts)
    })
}

fn plot<DB: DrawingBackend>(
    pen: &Pen<DB>,
    top: i32,
    input: &TrendInput,
    pts: &[TrendPoint],
) -> Result<Vec<HitRegion>, String> {
    let style = pen.style;
    let lang = style.lang;
    let mut legend = vec![(t(lang, Key::TrendComposite).to_string(), style.text)];
    legend.extend(
        input
            .system
            .dimension_names(lang)
            .into_iter()
            .enumerate()
            .map(|(d, name)| (name, style.series(d))),
    );
    let top = pen.legend(&legend, pen.px(8.0), top)?;
    let left = pen.px(44.0);
    let right = pen.width - pen.px(24.0);
    let bottom = pen.height - pen.px(28.0);
    if right - left < pen.px(60.0) || bottom - top < pen.px(60.0) {
        return Err(too_small(lang));
    }
    let worst = pts.iter().map(|p| p.ranked).max().unwrap_or(1).max(1);
    let y = |rank: u32| {
        top + ((rank - 1) as f64 / (worst.max(2) - 1) as f64 * (bottom - top) as f64).round() as i32
    };
    let step = (right - left) as f64 / (pts.len() - 1) as f64;
    let x = |k: usize| left + (k as f64 * step).round() as i32;
    // Rank guides: 1 at the top, the last rank at the bottom, and the middle.
    for rank in [1, worst.div_ceil(2), worst] {
        pen.line((left, y(rank)), (right, y(rank)), style.grid, 1.0)?;
        pen.text(
            &rank.to_string(),
            (left - pen.px(6.0), y(rank)),
            0.85,
            style.muted,
            H::Right,
            V::Center,
        )?;
    }
    for (k, p) in pts.iter().enumerate() {
        pen.text(
            &p.year.to_string(),
            (x(k), bottom + pen.px(6.0)),
            0.9,
            style.muted,
            H::Center,
            V::Top,
        )?;
    }
    let n_dims = pts.first().map_or(0, |p| p.dimensions.len());
    let series = (0..n_dims)
        .map(|d| {
            (
                pts.iter().map(|p| p.dimensions[d]).collect::<Vec<_>>(),
                style.series(d),
                1.5,
            )
        })
        .chain(std::iter::once((
            pts.iter().map(|p| p.composite).collect(),
            style.text,
            3.0,
        )));
    for (ranks, colour, width) in series {
        for k in 1..ranks.len() {
            if ranks[k - 1] > 0 && ranks[k] > 0 {
                pen.line(
                    (x(k - 1), y(ranks[k - 1])),
                    (x(k), y(ranks[k])),
                    colour,
                    width,
                )?;
            }
        }
        for (k, &r) in ranks.iter().enumerate().filter(|(_, &r)| r > 0) {
            pen.circle((x(k), y(r)), pen.px(width + 1.0), colour, true)?;
        }
    }
    // The composite's ranks are written beside its points.
    let mut hits = Vec::new();
    let half = pen.px(8.0);
    for (k, p) in pts.iter().enumerate().filter(|(_, p)| p.composite > 0) {
        let (px, py) = (x(k), y(p.composite));
        let h = if k + 1 == pts.len() {
            H::Right
        } else {
            H::Left
        };
        let dx = if k + 1 == pts.len() {
            -pen.px(8.0)
        } else {
            pen.px(8.0)
        };
        pen.text(
            &p.composite.to_string(),
            (px + dx, py - pen.px(10.0)),
            1.0,
            style.text,
            h,
            V::Center,
        )?;
        hits.push(pen.hit(Rect::new(px - half, py - half, px + half, py + half), k));
    }
    Ok(hits)
}

/// The caption of the chart's table alternative.
pub fn caption(input: &TrendInput, lang: Lang) -> String {
    tf(
        lang,
        Key::ChartTitleAndCaption,
        &[&title(input, lang), t(lang, Key::TrendCaption)],
    )
}

/// The table alternative: per edition, the year, the composite rank and each dimension's rank ("—"
/// where there is none).
pub fn table(input: &TrendInput, lang: Lang) -> TextTable {
    let mut headers = vec![
        t(lang, Key::TrendYear).to_string(),
        t(lang, Key::TrendComposite).to_string(),
    ];
    headers.extend(input.system.dimension_names(lang));
    let mut table = TextTable::new(caption(input, lang), headers);
    let cell = |r: u32| {
        if r > 0 {
            r.to_string()
        } else {
            "—".to_string()
        }
    };
    for p in points(input) {
        let mut row = vec![p.year.to_string(), cell(p.composite)];
        row.extend(p.dimensions.iter().map(|&r| cell(r)));
        table.push(None, row);
    }
    table
}
