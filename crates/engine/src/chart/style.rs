//! Colours, fonts and sizes shared by every chart: an Okabe–Ito-based palette for dimensions and series, a
//! cividis-like sequential scale for the map, and WCAG contrast helpers.

use crate::model::Lang;
use plotters::style::RGBColor;

/// The colours dimensions and series take, in order: the Okabe–Ito palette (its yellow, hard to see on
/// white, last), with Paul Tol's wine, olive and a dark grey before it, so that an indicator system of
/// up to ten dimensions gives each its own colour.
pub const SERIES: [RGBColor; 10] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x88, 0x22, 0x55), // wine (Tol)
    RGBColor(0x99, 0x99, 0x33), // olive (Tol)
    RGBColor(0x55, 0x55, 0x55), // dark grey
    RGBColor(0xF0, 0xE4, 0x42), // yellow
];

/// Stops of a cividis-like scale (after Nuñez, Anderton and Renslow 2018), dark blue to yellow; it stays
/// readable for the common colour-vision deficiencies and in greyscale.
const CIVIDIS: [(u8, u8, u8); 9] = [
    (0x00, 0x22, 0x4E),
    (0x12, 0x35, 0x70),
    (0x3B, 0x49, 0x6C),
    (0x57, 0x5D, 0x6D),
    (0x70, 0x71, 0x73),
    (0x8A, 0x87, 0x79),
    (0xA5, 0x9C, 0x74),
    (0xC3, 0xB3, 0x69),
    (0xFE, 0xE8, 0x38),
];

/// Everything a chart needs besides its data: language, device pixel scale and colours.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartStyle {
    pub lang: Lang,
    /// Device pixels per CSS pixel; fonts, gaps and strokes are multiplied by it.
    pub scale: f64,
    pub font_family: &'static str,
    /// Body text size in CSS pixels.
    pub font_px: f64,
    pub background: RGBColor,
    pub text: RGBColor,
    /// Secondary text and axes; still 4.5:1 against the background.
    pub muted: RGBColor,
    pub grid: RGBColor,
    /// Up-movers, down-movers and the selection highlight.
    pub up: RGBColor,
    pub down: RGBColor,
    pub highlight: RGBColor,
}

impl ChartStyle {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            scale: 1.0,
            font_family: "sans-serif",
            font_px: 12.0,
            background: RGBColor(0xFF, 0xFF, 0xFF),
            text: RGBColor(0x1A, 0x1A, 0x1A),
            muted: RGBColor(0x59, 0x59, 0x59),
            grid: RGBColor(0xD9, 0xD9, 0xD9),
            up: RGBColor(0x00, 0x72, 0xB2),
            down: RGBColor(0xB3, 0x4A, 0x00),
            highlight: RGBColor(0x00, 0x00, 0x00),
        }
    }

    /// The same style at another device pixel ratio.
    pub fn scaled(mut self, scale: f64) -> Self {
        self.scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        self
    }

    /// CSS pixels to device pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// The colour of dimension or series `i`.
    pub fn series(&self, i: usize) -> RGBColor {
        SERIES[i % SERIES.len()]
    }
}

/// The sequential scale at `t` in [0, 1] (clamped; NaN gives the low end).
pub fn sequential(t: f64) -> RGBColor {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let pos = t * (CIVIDIS.len() - 1) as f64;
    let i = (pos.floor() as usize).min(CIVIDIS.len() - 2);
    let f = pos - i as f64;
    let (a, b) = (CIVIDIS[i], CIVIDIS[i + 1]);
    let mix = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// WCAG 2.1 relative luminance.
pub fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG 2.1 contrast ratio, from 1 to 21.
pub fn contrast_ratio(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white, whichever reads better on `background`.
pub fn readable_on(background: RGBColor) -> RGBColor {
    let (black, white) = (RGBColor(0, 0, 0), RGBColor(0xFF, 0xFF, 0xFF));
    if contrast_ratio(black, background) >= contrast_ratio(white, background) {
        black
    } else {
        white
    }
}
