//! A thin drawing helper over a plotters area: pixel rectangles, lines, circles and anchored text, with
//! estimated text widths so layout never asks the backend to measure.

use super::{ChartStyle, HitRegion, Rect};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub(crate) use plotters::style::text_anchor::{HPos as H, VPos as V};

/// Draws on one area in its own pixel coordinates; hit rectangles are reported in backend coordinates.
pub(crate) struct Pen<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    pub style: &'a ChartStyle,
    pub width: i32,
    pub height: i32,
    base: (i32, i32),
}

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("drawing failed: {e:?}")
}

impl<'a, DB: DrawingBackend> Pen<'a, DB> {
    pub fn new(area: &'a DrawingArea<DB, Shift>, style: &'a ChartStyle) -> Self {
        let (w, h) = area.dim_in_pixel();
        Self {
            area,
            style,
            width: w as i32,
            height: h as i32,
            base: area.get_base_pixel(),
        }
    }

    /// Clears the area to the background colour.
    pub fn clear(&self) -> Result<(), String> {
        self.area.fill(&self.style.background).map_err(err)
    }

    /// Converts an area rectangle into backend coordinates for a hit region.
    pub fn to_backend(&self, r: Rect) -> Rect {
        Rect::new(
            r.x0 + self.base.0,
            r.y0 + self.base.1,
            r.x1 + self.base.0,
            r.y1 + self.base.1,
        )
    }

    /// A hit region for `unit` over the area rectangle `r`.
    pub fn hit(&self, r: Rect, unit: usize) -> HitRegion {
        HitRegion {
            rect: self.to_backend(r),
            unit,
        }
    }

    pub fn px(&self, css: f64) -> i32 {
        self.style.px(css)
    }

    /// The body font size in device pixels, times `rel`.
    pub fn font(&self, rel: f64) -> f64 {
        self.style.font_px * rel * self.style.scale
    }

    pub fn fill_rect(&self, r: Rect, colour: RGBColor) -> Result<(), String> {
        if r.width() <= 0 || r.height() <= 0 {
            return Ok(());
        }
        self.area
            .draw(&Rectangle::new(
                [(r.x0, r.y0), (r.x1, r.y1)],
                colour.filled(),
            ))
            .map_err(err)
    }

    pub fn stroke_rect(&self, r: Rect, colour: RGBColor, width: f64) -> Result<(), String> {
        let w = self.px(width).max(1) as u32;
        self.area
            .draw(&Rectangle::new(
                [(r.x0, r.y0), (r.x1, r.y1)],
                colour.stroke_width(w),
            ))
            .map_err(err)
    }

    pub fn line(
        &self,
        from: (i32, i32),
        to: (i32, i32),
        colour: RGBColor,
        width: f64,
    ) -> Result<(), String> {
        let w = self.px(width).max(1) as u32;
        self.area
            .draw(&PathElement::new(vec![from, to], colour.stroke_width(w)))
            .map_err(err)
    }

    pub fn circle(
        &self,
        centre: (i32, i32),
        radius: i32,
        colour: RGBColor,
        filled: bool,
    ) -> Result<(), String> {
        let style = if filled {
            colour.filled()
        } else {
            colour.stroke_width(self.px(1.5).max(1) as u32)
        };
        self.area
            .draw(&Circle::new(centre, radius.max(1), style))
            .map_err(err)
    }

    /// Draws `text` at `pos` with the given anchor; `rel` scales the body font size.
    pub fn text(
        &self,
        text: &str,
        pos: (i32, i32),
        rel: f64,
        colour: RGBColor,
        h: HPos,
        v: VPos,
    ) -> Result<(), String> {
        if text.is_empty() {
            return Ok(());
        }
        let style = TextStyle::from((self.style.font_family, self.font(rel)).into_font())
            .color(&colour)
            .pos(Pos::new(h, v));
        self.area.draw(&Text::new(text, pos, style)).map_err(err)
    }

    /// Estimated width in device pixels of `text` at relative size `rel`.
    pub fn text_width(&self, text: &str, rel: f64) -> i32 {
        (text_em(text) * self.font(rel)).ceil() as i32
    }

    /// The chart title (and an optional caption below it), each wrapped to at most two lines of the
    /// chart's width; returns the y where content may start.
    pub fn title(&self, title: &str, caption: Option<&str>) -> Result<i32, String> {
        let pad = self.px(8.0);
        let room = self.width - 2 * pad;
        let mut y = pad;
        for (text, rel, colour) in [
            (Some(title), 1.25, self.style.text),
            (caption, 0.95, self.style.muted),
        ] {
            let Some(text) = text else { continue };
            for line in self.wrap(text, rel, room, 2) {
                self.text(&line, (pad, y), rel, colour, H::Left, V::Top)?;
                y += self.font(rel).ceil() as i32 + self.px(4.0);
            }
        }
        Ok(y + self.px(4.0))
    }

    /// Breaks `text` into lines of at most `max` device pixels, between words (or between any two
    /// Chinese characters), keeping at most `lines` lines; the last one ends in an ellipsis when cut.
    pub fn wrap(&self, text: &str, rel: f64, max: i32, lines: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut current = String::new();
        for piece in break_points(text) {
            let candidate = format!("{current}{piece}");
            if current.is_empty() || self.text_width(candidate.trim_end(), rel) <= max {
                current = candidate;
                continue;
            }
            out.push(current.trim_end().to_string());
            current = piece.trim_start().to_string();
        }
        if !current.trim().is_empty() {
            out.push(current.trim_end().to_string());
        }
        if out.len() > lines {
            let rest = out.split_off(lines - 1).join(" ");
            out.push(self.fit(&rest, rel, max));
        }
        out
    }

    /// Draws a one-line legend of coloured swatches from `x`, wrapping at the right edge; returns the y
    /// below it.
    pub fn legend(&self, items: &[(String, RGBColor)], x: i32, y: i32) -> Result<i32, String> {
        let sw = self.px(11.0);
        let gap = self.px(14.0);
        let line_h = self.font(1.0).ceil() as i32 + self.px(6.0);
        let (mut cx, mut cy) = (x, y);
        for (label, colour) in items {
            let w = sw + self.px(4.0) + self.text_width(label, 1.0);
            if cx > x && cx + w > self.width - self.px(8.0) {
                cx = x;
                cy += line_h;
            }
            self.fill_rect(Rect::new(cx, cy, cx + sw, cy + sw), *colour)?;
            self.text(
                label,
                (cx + sw + self.px(4.0), cy + sw / 2),
                1.0,
                self.style.text,
                H::Left,
                V::Center,
            )?;
            cx += w + gap;
        }
        Ok(cy + line_h + self.px(2.0))
    }

    /// Draws a vertical grid line at `x` from `top` to `bottom` in `colour`, with its axis label under it.
    pub fn x_tick(
        &self,
        x: i32,
        top: i32,
        bottom: i32,
        label: &str,
        colour: RGBColor,
    ) -> Result<(), String> {
        self.line((x, top), (x, bottom), colour, 1.0)?;
        self.text(
            label,
            (x, bottom + self.px(4.0)),
            0.9,
            self.style.muted,
            H::Center,
            V::Top,
        )
    }

    /// Draws a centred message instead of a chart.
    pub fn empty_state(&self, message: &str) -> Result<(), String> {
        self.text(
            message,
            (self.width / 2, self.height / 2),
            1.1,
            self.style.muted,
            H::Center,
            V::Center,
        )
    }

    /// Cuts `text` to fit `max` device pixels, ending in an ellipsis when cut.
    pub fn fit(&self, text: &str, rel: f64, max: i32) -> String {
        if self.text_width(text, rel) <= max {
            return text.to_string();
        }
        let mut out = String::new();
        for c in text.chars() {
            out.push(c);
            if self.text_width(&out, rel) + self.text_width("…", rel) > max {
                out.pop();
                break;
            }
        }
        out.push('…');
        out
    }
}

/// `text` cut where a line may break: after each space and around each full-width character.
fn break_points(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let wide = text_em(c.encode_utf8(&mut [0; 4])) >= 1.0;
        if wide {
            if !word.is_empty() {
                pieces.push(std::mem::take(&mut word));
            }
            pieces.push(c.to_string());
        } else {
            word.push(c);
            if c == ' ' {
                pieces.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        pieces.push(word);
    }
    pieces
}

/// Estimated width of `text` in ems: full-width (CJK) characters are one em, others a little over half.
pub(crate) fn text_em(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            '\u{2E80}'..='\u{FFEF}' => 1.0,
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.3,
            'm' | 'w' | 'M' | 'W' => 0.85,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.65,
            _ => 0.56,
        })
        .sum()
}

/// Picks "nice" axis ticks (1, 2 or 5 times a power of ten) covering [lo, hi].
pub(crate) fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater)
        || !lo.is_finite()
        || !hi.is_finite()
    {
        return vec![lo];
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).ceil() as i64;
    let end = (hi / step + 1e-9).floor() as i64;
    (start..=end).map(|k| k as f64 * step).collect()
}
