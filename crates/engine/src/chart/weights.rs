//! Effective weights of all indicators, grouped by dimension, beside each indicator's correlation with the
//! composite: the weight a scheme gives against the influence it turns out to have (as in COINr).

use super::frame::{too_small, Frame};
use super::pen::{nice_ticks, Pen, H, V};
use super::{ChartLayout, ChartStyle, Rect, TextTable};
use crate::i18n::{t, tf, Key};
use crate::method::weight::pearson;
use crate::model::{IndicatorSystem, Lang};
use crate::score::Ranking;
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the weights chart shows.
#[derive(Clone, Copy, Debug)]
pub struct WeightsInput<'a> {
    pub system: &'a IndicatorSystem,
    pub ranking: &'a Ranking,
}

/// Per indicator: its effective weight (share of the composite) and the Pearson correlation of its
/// normalised values with the composite over ranked units.
pub fn influence(input: &WeightsInput) -> Vec<(f64, f64)> {
    let r = input.ranking;
    (0..input.system.n_indicators())
        .map(|i| {
            let w = r.weights.indicator.get(i).copied().unwrap_or(f64::NAN);
            let col = r
                .normalised
                .get(i * r.n_units..(i + 1) * r.n_units)
                .unwrap_or(&[]);
            (
                w,
                if col.len() == r.composite.len() {
                    pearson(col, &r.composite)
                } else {
                    f64::NAN
                },
            )
        })
        .collect()
}

fn title(lang: Lang) -> (String, String) {
    (
        t(lang, Key::ChartWeightsTitle).to_string(),
        t(lang, Key::ChartWeightsCaption).to_string(),
    )
}

/// Draws one row per indicator under its dimension's heading; the chart has no unit hit regions.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &WeightsInput,
    style: &ChartStyle,
) -> Result<ChartLayout, String> {
    let (title, caption) = title(style.lang);
    let frame = Frame {
        title,
        caption: Some(caption),
        empty_message: t(style.lang, Key::ChartWeightsEmpty),
    };
    let rows = influence(input);
    let shown =
        (!rows.is_empty() && input.ranking.weights.indicator.len() == rows.len()).then_some(rows);
    frame.draw(area, style, shown, |pen, top, rows| {
        plot(pen, top, input.system, &rows)?;
        Ok(Vec::new())
    })
}

/// The two panels below `top`: each indicator's weight and its correlation with the composite.
fn plot<DB: DrawingBackend>(
    pen: &Pen<DB>,
    top: i32,
    sys: &IndicatorSystem,
    rows: &[(f64, f64)],
) -> Result<(), String> {
    let style = pen.style;
    let names: Vec<&str> = sys.indicators.iter().map(|i| i.short(style.lang)).collect();
    let label_w = names
        .iter()
        .map(|n| pen.text_width(n, 0.95))
        .max()
        .unwrap_or(0)
        .min(pen.width / 3)
        + pen.px(16.0);
    let x_label = pen.px(8.0);
    let panel_gap = pen.px(24.0);
    let left = Rect::new(
        x_label + label_w,
        0,
        x_label + label_w + (pen.width - x_label - label_w - panel_gap) / 2,
        0,
    );
    let right = Rect::new(left.x1 + panel_gap, 0, pen.width - pen.px(12.0), 0);
    if left.width() < pen.px(40.0) {
        return Err(too_small(style.lang));
    }
    let head_h = pen.font(1.0).ceil() as i32 + pen.px(6.0);
    let axis_h = pen.font(0.9).ceil() as i32 + pen.px(8.0);
    let n_lines = rows.len() + sys.n_dimensions();
    let y0 = top + head_h;
    let pitch = ((pen.height - axis_h - y0) as f64 / n_lines as f64).min(pen.px(24.0) as f64);
    let y1 = y0 + (pitch * n_lines as f64).round() as i32;
    pen.text(
        t(style.lang, Key::ChartEffectiveWeight),
        (left.x0, top),
        1.0,
        style.text,
        H::Left,
        V::Top,
    )?;
    pen.text(
        t(style.lang, Key::ChartWeightsCorrelationPanel),
        (right.x0, top),
        1.0,
        style.text,
        H::Left,
        V::Top,
    )?;

    let w_max = rows
        .iter()
        .map(|r| r.0)
        .filter(|w| w.is_finite())
        .fold(0.0, f64::max)
        .max(1e-9);
    let w_ticks = nice_ticks(0.0, w_max * 100.0, 4);
    let w_hi = (w_ticks.last().copied().unwrap_or(0.0) / 100.0).max(w_max);
    let wx = |w: f64| left.x0 + (w / w_hi * left.width() as f64).round() as i32;
    let rx = |r: f64| right.x0 + ((r + 1.0) / 2.0 * right.width() as f64).round() as i32;
    for t in &w_ticks {
        pen.x_tick(wx(t / 100.0), y0, y1, &format!("{t}%"), style.grid)?;
    }
    for t in [-1.0, -0.5, 0.0, 0.5, 1.0] {
        let colour = if t == 0.0 { style.muted } else { style.grid };
        pen.x_tick(rx(t), y0, y1, &format!("{t}"), colour)?;
    }

    let bar_h = ((pitch * 0.65).round() as i32).max(1);
    let rel = (pitch / pen.font(1.0)).clamp(0.5, 0.95);
    let mut line = 0usize;
    for d in 0..sys.n_dimensions() {
        let cy = y0 + ((line as f64 + 0.5) * pitch).round() as i32;
        pen.text(
            sys.dimensions[d].name(style.lang),
            (x_label, cy),
            rel,
            style.text,
            H::Left,
            V::Center,
        )?;
        line += 1;
        for i in sys.indicators_of(d) {
            let cy = y0 + ((line as f64 + 0.5) * pitch).round() as i32;
            let label = pen.fit(names[i], rel, label_w - pen.px(16.0));
            pen.text(
                &label,
                (x_label + pen.px(12.0), cy),
                rel,
                style.text,
                H::Left,
                V::Center,
            )?;
            let (w, r) = rows[i];
            let (b0, b1) = (cy - bar_h / 2, cy - bar_h / 2 + bar_h);
            if w.is_finite() {
                pen.fill_rect(
                    Rect::new(left.x0, b0, wx(w).max(left.x0 + 1), b1),
                    style.series(d),
                )?;
            }
            if r.is_finite() {
                pen.fill_rect(Rect::new(rx(0.0), b0, rx(r), b1), style.series(d))?;
            }
            line += 1;
        }
    }
    Ok(())
}

/// The table alternative: dimension, indicator, effective weight (%) and correlation with the composite.
pub fn table(input: &WeightsInput, lang: Lang) -> TextTable {
    let (title, caption) = title(lang);
    let headers = [
        Key::ChartDimension,
        Key::ColIndicator,
        Key::ChartEffectiveWeight,
        Key::ChartWeightsCorrelation,
    ]
    .iter()
    .map(|&key| t(lang, key).to_string())
    .collect();
    let caption = tf(lang, Key::ChartTitleAndCaption, &[&title, &caption]);
    let mut table = TextTable::new(caption, headers);
    for (i, (w, r)) in influence(input).into_iter().enumerate() {
        let ind = &input.system.indicators[i];
        let dim = &input.system.dimensions[input.system.dimension_of(i)];
        let r = if r.is_finite() {
            format!("{r:.2}")
        } else {
            "—".to_string()
        };
        table.push(
            None,
            vec![
                dim.name(lang).to_string(),
                ind.name(lang).to_string(),
                format!("{:.1}%", w * 100.0),
                r,
            ],
        );
    }
    table
}
