//! Slope chart of each county's rank under the baseline (default) weights against the current scenario,
//! with movers of at least a threshold of places highlighted.

use super::frame::{too_small, Frame};
use super::pen::{Pen, H, V};
use super::{ChartLayout, ChartStyle, HitRegion, Rect, TextTable};
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, Lang};
use crate::score::Ranking;
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the rank-shift chart shows.
#[derive(Clone, Copy, Debug)]
pub struct RankShiftInput<'a> {
    pub data: &'a Dataset,
    pub current: &'a Ranking,
    pub baseline: &'a Ranking,
    /// Units that moved at least this many places are highlighted.
    pub threshold: u32,
    /// Only units ranked within this many places in either ranking, if set.
    pub limit: Option<u32>,
    pub selected: Option<usize>,
}

/// One unit's line: baseline rank, current rank and places moved up (positive) or down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shift1 {
    pub unit: usize,
    pub baseline: u32,
    pub current: u32,
    pub change: i32,
}

/// The units drawn, in current rank order (ties by the ranking's own order).
pub fn shifts(input: &RankShiftInput) -> Vec<Shift1> {
    let within = |r: u32| input.limit.is_none_or(|l| r <= l);
    input
        .current
        .order
        .iter()
        .filter_map(|&u| {
            let (c, b) = (*input.current.rank.get(u)?, *input.baseline.rank.get(u)?);
            (c > 0 && b > 0 && (within(c) || within(b))).then(|| Shift1 {
                unit: u,
                baseline: b,
                current: c,
                change: b as i32 - c as i32,
            })
        })
        .collect()
}

/// Whether a shift counts as a mover.
pub fn is_mover(s: &Shift1, threshold: u32) -> bool {
    s.change.unsigned_abs() >= threshold.max(1)
}

fn title(lang: Lang, threshold: u32) -> (String, String) {
    (
        t(lang, Key::ShiftTitle).to_string(),
        tf(lang, Key::ShiftCaption, &[&threshold.to_string()]),
    )
}

fn change_text(change: i32) -> String {
    match change {
        0 => String::new(),
        c if c > 0 => format!(" +{c}"),
        c => format!(" −{}", -c),
    }
}

/// Draws the chart; each unit has a hit region at both ends of its line.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &RankShiftInput,
    style: &ChartStyle,
) -> Result<ChartLayout, String> {
    let (title, caption) = title(style.lang, input.threshold);
    let frame = Frame {
        title,
        caption: Some(caption),
        empty_message: t(style.lang, Key::ShiftEmpty),
    };
    let items = shifts(input);
    let shown = (!items.is_empty()).then_some(items);
    frame.draw(area, style, shown, |pen, top, items| {
        plot(pen, top, input, &items)
    })
}

/// The two rank columns below `top` and a line between each unit's two ranks.
fn plot<DB: DrawingBackend>(
    pen: &Pen<DB>,
    top: i32,
    input: &RankShiftInput,
    items: &[Shift1],
) -> Result<Vec<HitRegion>, String> {
    let style = pen.style;
    let side = (pen.width * 3 / 10).max(pen.px(60.0));
    let (lx, rx) = (side, pen.width - side);
    if rx - lx < pen.px(30.0) {
        return Err(too_small(style.lang));
    }
    pen.text(
        t(style.lang, Key::ShiftDefault),
        (lx, top),
        1.0,
        style.muted,
        H::Center,
        V::Top,
    )?;
    pen.text(
        t(style.lang, Key::ShiftCurrent),
        (rx, top),
        1.0,
        style.muted,
        H::Center,
        V::Top,
    )?;
    let top = top + pen.font(1.0).ceil() as i32 + pen.px(6.0);
    let bottom = pen.height - pen.px(8.0);
    let max_rank = items
        .iter()
        .map(|s| s.baseline.max(s.current))
        .max()
        .unwrap_or(1);
    let pitch = (bottom - top) as f64 / max_rank as f64;
    let ry = |r: u32| top + ((r as f64 - 0.5) * pitch).round() as i32;
    let dot = pen.px(2.5).max(1);

    let colour = |s: &Shift1| {
        if input.selected == Some(s.unit) {
            style.highlight
        } else if !is_mover(s, input.threshold) {
            style.grid
        } else if s.change > 0 {
            style.up
        } else {
            style.down
        }
    };
    // Plain lines first, then movers, then the selection, so highlights sit on top.
    let weight = |s: &Shift1| match (input.selected == Some(s.unit), is_mover(s, input.threshold)) {
        (true, _) => 2,
        (false, true) => 1,
        _ => 0,
    };
    let mut drawing: Vec<&Shift1> = items.iter().collect();
    crate::sorting::sort_by_key(&mut drawing, |s| weight(s));
    for s in &drawing {
        let c = colour(s);
        let w = [1.0, 2.0, 3.0][weight(s)];
        pen.line((lx, ry(s.baseline)), (rx, ry(s.current)), c, w)?;
        pen.circle((lx, ry(s.baseline)), dot, c, true)?;
        pen.circle((rx, ry(s.current)), dot, c, true)?;
    }

    // Labels by priority; a label that would overlap one already placed on its side is skipped.
    let line_h = pen.font(0.95).ceil() as i32;
    let mut placed: [Vec<(i32, i32)>; 2] = [Vec::new(), Vec::new()];
    let mut by_priority = drawing.clone();
    by_priority.reverse();
    crate::sorting::sort_by_key(&mut by_priority, |s| {
        (
            std::cmp::Reverse(weight(s)),
            std::cmp::Reverse(s.change.unsigned_abs()),
            s.current,
        )
    });
    for s in by_priority {
        let name = input.data.units[s.unit].name(style.lang);
        let text_colour = if weight(s) == 0 {
            style.muted
        } else {
            style.text
        };
        for (k, (x, y, text, h)) in [
            (
                lx - pen.px(6.0),
                ry(s.baseline),
                format!("{name} {}", s.baseline),
                H::Right,
            ),
            (
                rx + pen.px(6.0),
                ry(s.current),
                format!("{} {name}{}", s.current, change_text(s.change)),
                H::Left,
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let span = (y - line_h / 2, y + line_h / 2);
            if placed[k].iter().any(|p| p.0 < span.1 && span.0 < p.1) {
                continue;
            }
            placed[k].push(span);
            let text = pen.fit(&text, 0.95, side - pen.px(12.0));
            pen.text(&text, (x, y), 0.95, text_colour, h, V::Center)?;
        }
    }

    let half = (pitch / 2.0).ceil().max(1.0) as i32;
    let mut hits = Vec::new();
    for s in items {
        for (x0, x1, y) in [
            (0, lx + dot + 1, ry(s.baseline)),
            (rx - dot - 1, pen.width, ry(s.current)),
        ] {
            hits.push(pen.hit(Rect::new(x0, y - half, x1, y + half), s.unit));
        }
    }
    Ok(hits)
}

/// The caption of the chart's table alternative.
pub fn caption(lang: Lang, threshold: u32) -> String {
    let (title, caption) = title(lang, threshold);
    tf(lang, Key::ChartTitleAndCaption, &[&title, &caption])
}

/// The table alternative: county, baseline rank, current rank and change, movers first.
pub fn table(input: &RankShiftInput, lang: Lang) -> TextTable {
    let headers = [
        Key::ColCounty,
        Key::ShiftDefaultRank,
        Key::ShiftCurrentRank,
        Key::ColChange,
    ]
    .iter()
    .map(|&key| t(lang, key).to_string())
    .collect();
    let mut table = TextTable::new(caption(lang, input.threshold), headers);
    let mut items = shifts(input);
    crate::sorting::sort_by_key(&mut items, |s| (!is_mover(s, input.threshold), s.current));
    for s in items {
        let change = change_text(s.change);
        let change = if change.is_empty() {
            "0".to_string()
        } else {
            change.trim().to_string()
        };
        table.push(
            Some(s.unit),
            vec![
                input.data.units[s.unit].name(lang).to_string(),
                s.baseline.to_string(),
                s.current.to_string(),
                change,
            ],
        );
    }
    table
}
