//! A correlation heatmap: a labelled matrix of values from -1 to 1, each cell coloured on a diverging
//! scale and printed with its value, so that colour is never the only signal.

use super::frame::{too_small, Frame};
use super::pen::{Pen, H, V};
use super::style::readable_on;
use super::{ChartLayout, ChartStyle, Rect, TextTable};
use crate::i18n::{t, tf, Key};
use crate::model::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the heatmap shows: rows against columns, `values[row][column]` (NaN = undefined).
#[derive(Clone, Copy, Debug)]
pub struct HeatmapInput<'a> {
    pub title: &'a str,
    pub caption: &'a str,
    /// What the rows are ("指标"), the heading of the table alternative's first column.
    pub row_heading: &'a str,
    pub rows: &'a [String],
    pub columns: &'a [String],
    pub values: &'a [Vec<f64>],
}

impl HeatmapInput<'_> {
    fn is_drawable(&self) -> bool {
        !self.rows.is_empty()
            && !self.columns.is_empty()
            && self.values.len() == self.rows.len()
            && self.values.iter().all(|r| r.len() == self.columns.len())
    }
}

/// The colour of a correlation: the style's "down" colour at -1, the background at 0, its "up" colour at
/// 1 (clamped); the grid colour where the value is undefined.
pub fn cell_colour(r: f64, style: &ChartStyle) -> RGBColor {
    if !r.is_finite() {
        return style.grid;
    }
    let r = r.clamp(-1.0, 1.0);
    let end = if r < 0.0 { style.down } else { style.up };
    let bg = style.background;
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * r.abs()).round() as u8;
    RGBColor(mix(bg.0, end.0), mix(bg.1, end.1), mix(bg.2, end.2))
}

/// A correlation with two decimals, or a dash where it is undefined.
pub fn fmt_r(r: f64) -> String {
    if r.is_finite() {
        format!("{r:.2}")
    } else {
        "—".to_string()
    }
}

/// Draws the matrix: columns numbered across the top, rows numbered and named down the left (the
/// numbers match when rows and columns are the same list); the chart has no unit hit regions.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &HeatmapInput,
    style: &ChartStyle,
) -> Result<ChartLayout, String> {
    let frame = Frame {
        title: input.title.to_string(),
        caption: Some(input.caption.to_string()),
        empty_message: t(style.lang, Key::ChartHeatmapEmpty),
    };
    let shown = input.is_drawable().then_some(input);
    frame.draw(area, style, shown, |pen, top, input| {
        grid(pen, top, input)?;
        Ok(Vec::new())
    })
}

/// The cells below `top`.
fn grid<DB: DrawingBackend>(pen: &Pen<DB>, top: i32, input: &HeatmapInput) -> Result<(), String> {
    let style = pen.style;
    let row_labels: Vec<String> = input
        .rows
        .iter()
        .enumerate()
        .map(|(i, name)| format!("{} {name}", i + 1))
        .collect();
    let label_w = row_labels
        .iter()
        .map(|l| pen.text_width(l, 0.85))
        .max()
        .unwrap_or(0)
        .min(pen.width / 3)
        + pen.px(8.0);
    let head_h = pen.font(0.85).ceil() as i32 + pen.px(6.0);
    let x0 = pen.px(8.0) + label_w;
    let y0 = top + head_h;
    let (n_rows, n_cols) = (input.rows.len() as i32, input.columns.len() as i32);
    let cell_w = (pen.width - pen.px(8.0) - x0) / n_cols;
    let cell_h = ((pen.height - pen.px(8.0) - y0) / n_rows).min(cell_w.max(pen.px(18.0)));
    if cell_w < pen.px(6.0) || cell_h < pen.px(6.0) {
        return Err(too_small(style.lang));
    }
    let rel = (cell_h as f64 * 0.7 / pen.font(1.0)).clamp(0.5, 0.85);
    let show_values = pen.text_width("-0.00", rel) + pen.px(2.0) <= cell_w;
    let column_numbers = if input.columns == input.rows {
        (1..=input.columns.len()).map(|c| c.to_string()).collect()
    } else {
        input.columns.to_vec()
    };
    // Column headings shrink (to half the text size) before they are cut, so that "16" still fits a
    // phone's narrow cells.
    let widest = column_numbers
        .iter()
        .map(|l| pen.text_width(l, 1.0))
        .max()
        .unwrap_or(1)
        .max(1);
    let head_rel = ((cell_w - pen.px(2.0)) as f64 / widest as f64).clamp(0.5, 0.85);
    for (c, label) in column_numbers.iter().enumerate() {
        let cx = x0 + c as i32 * cell_w + cell_w / 2;
        let label = pen.fit(label, head_rel, cell_w - pen.px(2.0));
        pen.text(&label, (cx, top), head_rel, style.text, H::Center, V::Top)?;
    }
    for (r, label) in row_labels.iter().enumerate() {
        let y = y0 + r as i32 * cell_h;
        let label = pen.fit(label, rel, label_w - pen.px(8.0));
        pen.text(
            &label,
            (pen.px(8.0), y + cell_h / 2),
            rel,
            style.text,
            H::Left,
            V::Center,
        )?;
        for (c, &v) in input.values[r].iter().enumerate() {
            let x = x0 + c as i32 * cell_w;
            let colour = cell_colour(v, style);
            let cell = Rect::new(x, y, x + cell_w - 1, y + cell_h - 1);
            pen.fill_rect(cell, colour)?;
            if show_values {
                pen.text(
                    &fmt_r(v),
                    (x + cell_w / 2, y + cell_h / 2),
                    rel,
                    readable_on(colour),
                    H::Center,
                    V::Center,
                )?;
            }
        }
    }
    Ok(())
}

/// The table alternative: one row per matrix row, one column per matrix column.
pub fn table(input: &HeatmapInput, lang: Lang) -> TextTable {
    let caption = tf(
        lang,
        Key::ChartTitleAndCaption,
        &[input.title, input.caption],
    );
    let headers = std::iter::once(input.row_heading.to_string())
        .chain(input.columns.iter().cloned())
        .collect();
    let mut table = TextTable::new(caption, headers);
    for (name, row) in input.rows.iter().zip(input.values) {
        table.push(
            None,
            std::iter::once(name.clone())
                .chain(row.iter().map(|&v| fmt_r(v)))
                .collect(),
        );
    }
    table
}
