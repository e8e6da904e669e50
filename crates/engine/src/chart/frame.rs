//! The frame every chart shares: a cleared area, the title and caption over the body, the empty state in
//! place of both when there is nothing to draw, and the layout record the chart returns.

use super::pen::Pen;
use super::{ChartLayout, ChartStyle, HitRegion};
use crate::i18n::{t, Key};
use crate::model::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

/// A chart's heading and the message it shows instead when it has nothing to draw.
pub(crate) struct Frame<'m> {
    /// The title drawn over the body; the layout carries it in the empty state too, undrawn.
    pub title: String,
    pub caption: Option<String>,
    pub empty_message: &'m str,
}

impl Frame<'_> {
    /// Clears `area`, then either shows the empty message (when `data` is `None`) or draws the heading and
    /// hands `body` the pen, the y below the heading and the data; the hit regions `body` returns go into
    /// the layout.
    pub fn draw<DB: DrawingBackend, T>(
        self,
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
        data: Option<T>,
        body: impl FnOnce(&Pen<DB>, i32, T) -> Result<Vec<HitRegion>, String>,
    ) -> Result<ChartLayout, String> {
        let pen = Pen::new(area, style);
        pen.clear()?;
        let Some(data) = data else {
            pen.empty_state(self.empty_message)?;
            return Ok(ChartLayout {
                title: self.title,
                hits: Vec::new(),
                empty: true,
            });
        };
        let top = pen.title(&self.title, self.caption.as_deref())?;
        let hits = body(&pen, top, data)?;
        Ok(ChartLayout {
            title: self.title,
            hits,
            empty: false,
        })
    }
}

/// The error a chart returns when its area cannot hold its body.
pub(crate) fn too_small(lang: Lang) -> String {
    t(lang, Key::ChartTooSmall).to_string()
}
