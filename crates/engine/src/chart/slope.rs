//! Slope chart of each county's rank across two to four named scenarios: one column per scenario, a
//! line per county through its ranks, the selected county and the biggest movers drawn on top and
//! labelled first, other labels only where they do not overlap one already placed.

use super::frame::{too_small, Frame};
use super::pen::{Pen, H, V};
use super::{ChartLayout, ChartStyle, HitRegion, Rect, TextTable};
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The most scenarios drawn at once.
pub const MAX_SCENARIOS: usize = 4;

/// What the slope chart shows.
#[derive(Clone, Copy, Debug)]
pub struct SlopeInput<'a> {
    pub data: &'a Dataset,
    /// The scenarios' names, in column order.
    pub names: &'a [String],
    /// Per scenario, per unit: the rank (0 for unranked).
    pub ranks: &'a [Vec<u32>],
    /// The units in the first scenario's order.
    pub order: &'a [usize],
    /// The biggest movers, highlighted and labelled in this order of importance.
    pub movers: &'a [usize],
    pub selected: Option<usize>,
}

fn check(input: &SlopeInput, lang: Lang) -> Result<(), String> {
    if input.ranks.len() > MAX_SCENARIOS || input.names.len() != input.ranks.len() {
        return Err(tf(
            lang,
            Key::ScenarioSlopeTooMany,
            &[&MAX_SCENARIOS.to_string()],
        ));
    }
    let n = input.data.n_units();
    if input.ranks.iter().any(|r| r.len() != n)
        || input.order.iter().chain(input.movers).any(|&u| u >= n)
    {
        return Err(t(lang, Key::ScenarioSlopeNotInData).to_string());
    }
    Ok(())
}

/// The units drawn: those ranked under every scenario, in the first scenario's order.
pub fn drawn_units(input: &SlopeInput) -> Vec<usize> {
    input
        .order
        .iter()
        .copied()
        .filter(|&u| input.ranks.iter().all(|r| r[u] > 0))
        .collect()
}

/// Places moved up from the first scenario to the last (negative when down).
fn overall_change(input: &SlopeInput, u: usize) -> i64 {
    let (first, last) = (input.ranks[0][u], input.ranks[input.ranks.len() - 1][u]);
    i64::from(first) - i64::from(last)
}

fn change_mark(change: i64) -> String {
    match change {
        0 => String::new(),
        c if c > 0 => format!(" ▲{c}"),
        c => format!(" ▼{}", c.unsigned_abs()),
    }
}

/// Draws the chart; each unit has a hit region at each end of its line.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &SlopeInput,
    style: &ChartStyle,
) -> Result<ChartLayout, String> {
    check(input, style.lang)?;
    let frame = Frame {
        title: t(style.lang, Key::ScenarioSlopeTitle).to_string(),
        caption: None,
        empty_message: t(style.lang, Key::ScenarioSlopeEmpty),
    };
    let units = drawn_units(input);
    let shown = (input.ranks.len() >= 2 && !units.is_empty()).then_some(units);
    frame.draw(area, style, shown, |pen, top, units| {
        plot(pen, top, input, &units)
    })
}

fn plot<DB: DrawingBackend>(
    pen: &Pen<DB>,
    top: i32,
    input: &SlopeInput,
    units: &[usize],
) -> Result<Vec<HitRegion>, String> {
    let style = pen.style;
    let columns = input.ranks.len();
    let side = (pen.width / 4).max(pen.px(60.0));
    let (lx, rx) = (side, pen.width - side);
    if rx - lx < pen.px(30.0) {
        return Err(too_small(style.lang));
    }
    let step = (rx - lx) / (columns as i32 - 1);
    let x_of = |k: usize| {
        if k + 1 == columns {
            rx
        } else {
            lx + step * k as i32
        }
    };
    // Column heads: the outer two may use the side margins, the inner ones their own step.
    for (k, name) in input.names.iter().enumerate() {
        let room = if k == 0 || k + 1 == columns {
            (side + step / 2).min(2 * side)
        } else {
            step
        } - pen.px(4.0);
        let text = pen.fit(name, 0.95, room.max(pen.px(20.0)));
        pen.text(&text, (x_of(k), top), 0.95, style.muted, H::Center, V::Top)?;
    }
    let top = top + pen.font(0.95).ceil() as i32 + pen.px(6.0);
    let bottom = pen.height - pen.px(8.0);
    let max_rank = units
        .iter()
        .flat_map(|&u| input.ranks.iter().map(move |r| r[u]))
        .max()
        .unwrap_or(1);
    let pitch = (bottom - top) as f64 / max_rank as f64;
    let ry = |r: u32| top + ((r as f64 - 0.5) * pitch).round() as i32;
    let dot = pen.px(2.5).max(1);

    let weight = |u: usize| {
        if input.selected == Some(u) {
            2
        } else if input.movers.contains(&u) {
            1
        } else {
            0
        }
    };
    let colour = |u: usize| match (weight(u), overall_change(input, u)) {
        (2, _) => style.highlight,
        (0, _) => style.grid,
        (_, c) if c > 0 => style.up,
        (_, c) if c < 0 => style.down,
        _ => style.text,
    };
    // Plain lines first, then movers, then the selection, so highlights sit on top.
    let mut drawing = units.to_vec();
    crate::sorting::sort_by_key(&mut drawing, |&u| weight(u));
    for &u in &drawing {
        let (c, w) = (colour(u), [1.0, 2.0, 3.0][weight(u)]);
        for k in 0..columns {
            let y = ry(input.ranks[k][u]);
            if k + 1 < columns {
                pen.line((x_of(k), y), (x_of(k + 1), ry(input.ranks[k + 1][u])), c, w)?;
            }
            pen.circle((x_of(k), y), dot, c, true)?;
        }
    }

    // Labels on the outer columns by priority; one that would overlap a placed label is skipped.
    let line_h = pen.font(0.9).ceil() as i32;
    let mut placed: [Vec<(i32, i32)>; 2] = [Vec::new(), Vec::new()];
    let mut by_priority = units.to_vec();
    crate::sorting::sort_by_key(&mut by_priority, |&u| {
        (
            std::cmp::Reverse(weight(u)),
            input.movers.iter().position(|&m| m == u),
            std::cmp::Reverse(overall_change(input, u).unsigned_abs()),
        )
    });
    let last = columns - 1;
    for u in by_priority {
        let name = input.data.units[u].name(style.lang);
        let text_colour = if weight(u) == 0 {
            style.muted
        } else {
            style.text
        };
        let ends = [
            (
                lx - pen.px(6.0),
                ry(input.ranks[0][u]),
                format!("{name} {}", input.ranks[0][u]),
                H::Right,
            ),
            (
                rx + pen.px(6.0),
                ry(input.ranks[last][u]),
                // The change comes before the name, so that a label cut to fit loses the name's end.
                format!(
                    "{}{} {name}",
                    input.ranks[last][u],
                    change_mark(overall_change(input, u))
                ),
                H::Left,
            ),
        ];
        for (k, (x, y, text, h)) in ends.into_iter().enumerate() {
            let span = (y - line_h / 2, y + line_h / 2);
            if placed[k].iter().any(|p| p.0 < span.1 && span.0 < p.1) {
                continue;
            }
            placed[k].push(span);
            let text = pen.fit(&text, 0.9, side - pen.px(10.0));
            pen.text(&text, (x, y), 0.9, text_colour, h, V::Center)?;
        }
    }

    let half = (pitch / 2.0).ceil().max(1.0) as i32;
    let mut hits = Vec::new();
    for &u in units {
        for (x0, x1, y) in [
            (0, lx + dot + 1, ry(input.ranks[0][u])),
            (rx - dot - 1, pen.width, ry(input.ranks[last][u])),
        ] {
            hits.push(pen.hit(Rect::new(x0, y - half, x1, y + half), u));
        }
    }
    Ok(hits)
}

/// The table alternative: each county's rank under each scenario, with the change against the first
/// as ▲/▼ text, in the first scenario's order.
pub fn table(input: &SlopeInput, lang: Lang) -> TextTable {
    let mut headers = vec![t(lang, Key::ScenarioColCounty).to_string()];
    for (k, name) in input.names.iter().enumerate() {
        headers.push(tf(lang, Key::ScenarioColRank, &[name]));
        if k > 0 {
            headers.push(t(lang, Key::ScenarioColChange).to_string());
        }
    }
    let first = input.names.first().map_or("", String::as_str);
    let mut table = TextTable::new(tf(lang, Key::ScenarioTableCaption, &[first]), headers);
    if check(input, lang).is_err() {
        return table;
    }
    for &u in input.order {
        let mut row = vec![input.data.units[u].name(lang).to_string()];
        for (k, ranks) in input.ranks.iter().enumerate() {
            row.push(if ranks[u] > 0 {
                ranks[u].to_string()
            } else {
                "–".into()
            });
            if k > 0 {
                let (a, b) = (input.ranks[0][u], ranks[u]);
                let change = (a > 0 && b > 0).then(|| i64::from(a) - i64::from(b));
                row.push(difference_text(change));
            }
        }
        table.push(Some(u), row);
    }
    table
}

/// A difference as text that does not rely on colour: "▲3" (up three places), "▼2", "=" (no move),
/// "–" (unranked under one of the two).
pub fn difference_text(difference: Option<i64>) -> String {
    match difference {
        None => "–".into(),
        Some(0) => "=".into(),
        Some(d) if d > 0 => format!("▲{d}"),
        Some(d) => format!("▼{}", d.unsigned_abs()),
    }
}

/// The words a screen reader says for a difference, in `lang`.
pub fn difference_words(lang: Lang, difference: Option<i64>) -> String {
    match difference {
        None => t(lang, Key::ScenarioDiffNone).into(),
        Some(0) => t(lang, Key::ScenarioDiffSame).into(),
        Some(d) if d > 0 => tf(lang, Key::ScenarioDiffUp, &[&d.to_string()]),
        Some(d) => tf(
            lang,
            Key::ScenarioDiffDown,
            &[&d.unsigned_abs().to_string()],
        ),
    }
}
