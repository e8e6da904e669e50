//! Sobol sensitivity indices of one output: per input a filled bar for the first-order index S and an
//! outlined bar for the total-effect index ST, each with its bootstrap 95 % interval as a line with end
//! caps, over an index axis from 0 (or the lowest interval end) to 1 (or the highest).

use super::frame::{too_small, Frame};
use super::pen::{nice_ticks, Pen, H, V};
use super::{ChartLayout, ChartStyle, HitRegion, Rect, TextTable};
use crate::i18n::{t, tf, Key};
use crate::model::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

/// An index with its 95 % interval; all NaN when the output does not vary.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndexEstimate {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

/// One input's two indices.
#[derive(Clone, Debug, PartialEq)]
pub struct InputIndices {
    pub label: String,
    pub first_order: IndexEstimate,
    pub total_effect: IndexEstimate,
}

/// What the chart shows: the output's name (for the title) and one row per input.
#[derive(Clone, Copy, Debug)]
pub struct SobolInput<'a> {
    pub output: &'a str,
    pub rows: &'a [InputIndices],
}

/// An index as the chart's table and the page print it: three decimals, or a dash when undefined.
pub fn index_text(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.3}")
    } else {
        "—".to_string()
    }
}

/// An interval as "[low, high]" (a dash between two negative ends would read as a minus), or a dash
/// when undefined.
pub fn interval_text(e: &IndexEstimate) -> String {
    if e.low.is_finite() && e.high.is_finite() {
        format!("[{}, {}]", index_text(e.low), index_text(e.high))
    } else {
        "—".to_string()
    }
}

/// An axis tick without the binary noise of its multiple ("0.6", not "0.6000000000000001").
fn tick_text(x: f64) -> String {
    let text = format!("{x:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

fn title(input: &SobolInput, lang: Lang) -> (String, String) {
    (
        tf(lang, Key::SobChartTitle, &[input.output]),
        t(lang, Key::SobChartCaption).to_string(),
    )
}

/// Whether any index of the rows is defined (an output that never varies has none).
fn any_defined(rows: &[InputIndices]) -> bool {
    rows.iter()
        .any(|r| r.first_order.value.is_finite() || r.total_effect.value.is_finite())
}

/// Draws the chart; it has no hit regions (its rows are inputs, not counties).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &SobolInput,
    style: &ChartStyle,
) -> Result<ChartLayout, String> {
    let (title, caption) = title(input, style.lang);
    let frame = Frame {
        title,
        caption: Some(caption),
        empty_message: t(style.lang, Key::SobChartEmpty),
    };
    let shown = any_defined(input.rows).then_some(input.rows);
    frame.draw(area, style, shown, plot)
}

/// The axis range: [0, 1] widened to every finite interval end and value.
fn axis_range(rows: &[InputIndices]) -> (f64, f64) {
    let ends = rows.iter().flat_map(|r| {
        [r.first_order, r.total_effect]
            .into_iter()
            .flat_map(|e| [e.value, e.low, e.high])
    });
    ends.filter(|x| x.is_finite())
        .fold((0.0_f64, 1.0_f64), |(lo, hi), x| (lo.min(x), hi.max(x)))
}

/// The legend, then per input a row of two bars below `top`.
fn plot<DB: DrawingBackend>(
    pen: &Pen<DB>,
    top: i32,
    rows: &[InputIndices],
) -> Result<Vec<HitRegion>, String> {
    let style = pen.style;
    let lang = style.lang;
    let (first_colour, total_colour) = (style.series(0), style.series(1));
    let top = pen.legend(
        &[
            (t(lang, Key::SobFirstOrder).to_string(), first_colour),
            (t(lang, Key::SobTotalEffect).to_string(), total_colour),
        ],
        pen.px(8.0),
        top,
    )?;
    let label_w = rows
        .iter()
        .map(|r| pen.text_width(&r.label, 0.95))
        .max()
        .unwrap_or(0)
        .min(pen.width * 2 / 5);
    let plot_x0 = pen.px(8.0) + label_w + pen.px(8.0);
    let plot_x1 = pen.width - pen.px(12.0);
    let axis_h = pen.font(0.9).ceil() as i32 + pen.px(8.0);
    let bottom = pen.height - axis_h;
    if plot_x1 - plot_x0 < pen.px(60.0) || bottom - top < pen.px(8.0) * rows.len() as i32 {
        return Err(too_small(lang));
    }
    let (lo, hi) = axis_range(rows);
    let sx = |x: f64| plot_x0 + ((x - lo) / (hi - lo) * (plot_x1 - plot_x0) as f64).round() as i32;
    for tick in nice_ticks(lo, hi, 5) {
        pen.x_tick(sx(tick), top, bottom, &tick_text(tick), style.grid)?;
    }
    pen.line((sx(0.0), top), (sx(0.0), bottom), style.muted, 1.0)?;
    let pitch = (bottom - top) as f64 / rows.len() as f64;
    let bar_h = ((pitch * 0.3).round() as i32).max(2);
    let rel = (pitch / pen.font(1.0)).clamp(0.5, 0.95);
    for (k, r) in rows.iter().enumerate() {
        let cy = top + ((k as f64 + 0.5) * pitch).round() as i32;
        let label = pen.fit(&r.label, rel, label_w);
        pen.text(
            &label,
            (plot_x0 - pen.px(8.0), cy),
            rel,
            style.text,
            H::Right,
            V::Center,
        )?;
        for (e, y0, filled, colour) in [
            (r.first_order, cy - bar_h - 1, true, first_colour),
            (r.total_effect, cy + 1, false, total_colour),
        ] {
            if !e.value.is_finite() {
                continue;
            }
            let (a, b) = (sx(0.0), sx(e.value));
            let bar = Rect::new(a.min(b), y0, a.max(b).max(a.min(b) + 1), y0 + bar_h);
            if filled {
                pen.fill_rect(bar, colour)?;
            } else {
                pen.stroke_rect(bar, colour, 2.0)?;
            }
            if e.low.is_finite() && e.high.is_finite() {
                let y = y0 + bar_h / 2;
                let cap = (bar_h / 2).max(2);
                let (l, h) = (sx(e.low), sx(e.high));
                pen.line((l, y), (h, y), style.text, 1.5)?;
                pen.line((l, y - cap), (l, y + cap), style.text, 1.5)?;
                pen.line((h, y - cap), (h, y + cap), style.text, 1.5)?;
            }
        }
    }
    Ok(Vec::new())
}

/// The table alternative: per input, S and ST with their 95 % intervals.
pub fn table(input: &SobolInput, lang: Lang) -> TextTable {
    let (title, caption) = title(input, lang);
    let headers = [
        Key::SobColInput,
        Key::SobFirstOrder,
        Key::SobInterval,
        Key::SobTotalEffect,
        Key::SobInterval,
    ]
    .iter()
    .map(|&key| t(lang, key).to_string())
    .collect();
    let caption = tf(lang, Key::ChartTitleAndCaption, &[&title, &caption]);
    let mut table = TextTable::new(caption, headers);
    for r in input.rows {
        table.push(
            None,
            vec![
                r.label.clone(),
                index_text(r.first_order.value),
                interval_text(&r.first_order),
                index_text(r.total_effect.value),
                interval_text(&r.total_effect),
            ],
        );
    }
    table
}
