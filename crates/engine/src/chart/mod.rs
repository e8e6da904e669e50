//! Charts drawn with plotters on any backend (canvas in the browser, SVG in tests), each with hit regions
//! for selection and a text-table alternative.
//!
//! Charts lay out in plain pixel coordinates and never ask the backend to measure text (the browser's
//! measurement would insert a styled element, which the page's CSP forbids); text widths are estimated.

pub mod compare;
pub mod contribution;
pub mod heatmap;
pub mod intervals;
pub mod profile;
pub mod rank_shift;
pub mod slope;
pub mod sobol;
pub mod style;
pub mod tile_grid;
pub mod tile_map;
pub mod trend;
pub mod weights;

mod bars;
mod frame;
mod pen;

pub use style::ChartStyle;

/// A rectangle in backend pixels, `x0 <= x < x1`, `y0 <= y < y1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl Rect {
    pub fn new(x0: i32, y0: i32, x1: i32, y1: i32) -> Self {
        Self {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }
    pub fn contains(&self, x: i32, y: i32) -> bool {
        x >= self.x0 && x < self.x1 && y >= self.y0 && y < self.y1
    }
    pub fn width(&self) -> i32 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> i32 {
        self.y1 - self.y0
    }
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// A clickable region of a chart and the unit (index into the data set) it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HitRegion {
    pub rect: Rect,
    pub unit: usize,
}

/// What a chart drew: its accessible title, its hit regions in backend pixels (relative to the backend's
/// origin, not the drawing area's) and whether it showed the empty state instead of data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartLayout {
    pub title: String,
    pub hits: Vec<HitRegion>,
    pub empty: bool,
}

impl ChartLayout {
    /// The unit under backend pixel (x, y); the last drawn region wins where regions overlap.
    pub fn hit_at(&self, x: i32, y: i32) -> Option<usize> {
        self.hits
            .iter()
            .rev()
            .find(|h| h.rect.contains(x, y))
            .map(|h| h.unit)
    }
}

use std::cell::OnceCell;

/// A chart's text alternative: a caption, column headers and rows, each row optionally naming its unit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextTable {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub row_units: Vec<Option<usize>>,
}

impl TextTable {
    pub fn new(caption: String, headers: Vec<String>) -> Self {
        Self {
            caption,
            headers,
            rows: Vec::new(),
            row_units: Vec::new(),
        }
    }
    pub fn push(&mut self, unit: Option<usize>, row: Vec<String>) {
        self.rows.push(row);
        self.row_units.push(unit);
    }
}

/// A chart's text alternative that is built on first use. Charts are redrawn on every weight change, but
/// their tables are read only when someone opens them, and for a national file they run to thousands of
/// rows; the caption, which labels the chart, is always at hand.
pub struct LazyTable {
    caption: String,
    build: Option<Box<dyn Fn() -> TextTable>>,
    built: OnceCell<TextTable>,
}

impl LazyTable {
    /// A table `build` makes when first asked for; `caption` must be the caption it will have.
    pub fn new(caption: String, build: impl Fn() -> TextTable + 'static) -> Self {
        Self {
            caption,
            build: Some(Box::new(build)),
            built: OnceCell::new(),
        }
    }

    /// A table that is already built (small ones are not worth deferring).
    pub fn ready(table: TextTable) -> Self {
        Self {
            caption: table.caption.clone(),
            build: None,
            built: OnceCell::from(table),
        }
    }

    pub fn caption(&self) -> &str {
        &self.caption
    }

    /// Whether the rows have been built yet.
    pub fn is_built(&self) -> bool {
        self.built.get().is_some()
    }

    /// The table, built now if it was not yet.
    pub fn get(&self) -> &TextTable {
        self.built
            .get_or_init(|| self.build.as_ref().map_or_else(TextTable::default, |b| b()))
    }
}

/// Formats a score with one decimal, or a dash where it is missing.
pub(crate) fn fmt_score(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.1}")
    } else {
        "—".to_string()
    }
}
