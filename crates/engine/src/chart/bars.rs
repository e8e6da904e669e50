//! Grouped vertical bars shared by the profile and comparison charts: one group per dimension, one bar per
//! series, on a 0-based score axis.

use super::frame::too_small;
use super::pen::{nice_ticks, Pen, H, V};
use super::{fmt_score, HitRegion, Rect};
use plotters::prelude::*;

/// One series of bars, optionally standing for a unit (its bars become hit regions).
pub(crate) struct Series {
    pub label: String,
    pub colour: RGBColor,
    pub values: Vec<f64>,
    pub unit: Option<usize>,
    pub emphasised: bool,
}

/// Draws the groups below `top` and returns the hit regions of series that stand for units.
pub(crate) fn grouped<DB: DrawingBackend>(
    pen: &Pen<DB>,
    top: i32,
    categories: &[String],
    series: &[Series],
) -> Result<Vec<HitRegion>, String> {
    let style = pen.style;
    let legend: Vec<(String, RGBColor)> =
        series.iter().map(|s| (s.label.clone(), s.colour)).collect();
    let top = pen.legend(&legend, pen.px(8.0), top)?;
    let all = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .filter(|v| v.is_finite());
    let (lo, hi) = all.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    let hi = if hi <= lo { lo + 1.0 } else { hi };
    let ticks = nice_ticks(lo, hi, 5);
    let lo = lo.min(ticks.first().copied().unwrap_or(lo));
    let hi = hi.max(ticks.last().copied().unwrap_or(hi));

    let axis_w = pen.text_width("100.0", 0.9) + pen.px(10.0);
    let cat_h = pen.font(1.0).ceil() as i32 * 2 + pen.px(10.0);
    let plot = Rect::new(
        pen.px(8.0) + axis_w,
        top + pen.font(0.85).ceil() as i32,
        pen.width - pen.px(8.0),
        pen.height - cat_h,
    );
    if plot.width() < pen.px(40.0) || plot.height() < pen.px(30.0) || categories.is_empty() {
        return Err(too_small(style.lang));
    }
    let sy = |v: f64| plot.y1 - ((v - lo) / (hi - lo) * plot.height() as f64).round() as i32;
    for t in &ticks {
        let y = sy(*t);
        pen.line((plot.x0, y), (plot.x1, y), style.grid, 1.0)?;
        pen.text(
            &format!("{t}"),
            (plot.x0 - pen.px(6.0), y),
            0.9,
            style.muted,
            H::Right,
            V::Center,
        )?;
    }

    let group_w = plot.width() as f64 / categories.len() as f64;
    let inner = group_w * 0.8;
    let bar_w = (inner / series.len().max(1) as f64).floor().max(1.0) as i32;
    let show_values = bar_w >= pen.text_width("100.0", 0.75);
    let mut hits = Vec::new();
    for (c, cat) in categories.iter().enumerate() {
        let gx = plot.x0 + (c as f64 * group_w + (group_w - inner) / 2.0).round() as i32;
        for (k, s) in series.iter().enumerate() {
            let v = s.values.get(c).copied().unwrap_or(f64::NAN);
            let x0 = gx + k as i32 * bar_w;
            let x1 = x0 + bar_w - pen.px(1.0).min(bar_w - 1);
            if v.is_finite() {
                let (ya, yb) = (sy(v.max(0.0).max(lo)), sy(v.min(0.0).max(lo)));
                pen.fill_rect(Rect::new(x0, ya, x1, yb), s.colour)?;
                if s.emphasised {
                    pen.stroke_rect(Rect::new(x0, ya, x1, yb), style.text, 1.0)?;
                }
                if show_values {
                    pen.text(
                        &fmt_score(v),
                        ((x0 + x1) / 2, ya - pen.px(2.0)),
                        0.75,
                        style.text,
                        H::Center,
                        V::Bottom,
                    )?;
                }
                if let Some(u) = s.unit {
                    hits.push(pen.hit(Rect::new(x0, ya.min(yb - 1), x1, yb), u));
                }
            }
        }
        let label = pen.fit(cat, 0.95, group_w as i32 - pen.px(4.0));
        let cx = plot.x0 + ((c as f64 + 0.5) * group_w).round() as i32;
        pen.text(
            &label,
            (cx, plot.y1 + pen.px(6.0)),
            0.95,
            style.text,
            H::Center,
            V::Top,
        )?;
    }
    pen.line(
        (plot.x0, sy(0.0f64.max(lo))),
        (plot.x1, sy(0.0f64.max(lo))),
        style.muted,
        1.0,
    )?;
    Ok(hits)
}
