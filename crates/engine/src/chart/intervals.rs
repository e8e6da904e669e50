//! Rank uncertainty per county: the p05–p95 interval of ranks over weight perturbations as a bar, the
//! median as a tick and the nominal rank as a dot; counties whose order against a neighbour is unsettled
//! are flagged.

use super::frame::{too_small, Frame};
use super::pen::{nice_ticks, Pen, H, V};
use super::{ChartLayout, ChartStyle, HitRegion, Rect, TextTable};
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;

/// A light blue for the interval bars, so the dark nominal dot and median tick stand out on them.
const INTERVAL: RGBColor = RGBColor(0xA9, 0xCC, 0xE3);

/// One unit's rank distribution summary (ranks are 1-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RankInterval {
    pub unit: usize,
    pub nominal: u32,
    pub median: u32,
    pub p05: u32,
    pub p95: u32,
    /// It swaps places with the county just above it in more than one sample in ten
    /// (`UncertaintyRow::unsettled_above`).
    pub unsettled_above: bool,
    /// The same with the county just below it (`UncertaintyRow::unsettled_below`).
    pub unsettled_below: bool,
}

/// What the intervals chart shows.
#[derive(Clone, Copy, Debug)]
pub struct IntervalsInput<'a> {
    pub data: &'a Dataset,
    pub intervals: &'a [RankInterval],
    /// Only the best `limit` nominal ranks, if set.
    pub limit: Option<usize>,
    pub selected: Option<usize>,
}

/// The intervals drawn, in nominal rank order (ties by unit index).
pub fn rows(input: &IntervalsInput) -> Vec<RankInterval> {
    let mut v: Vec<RankInterval> = input
        .intervals
        .iter()
        .copied()
        .filter(|r| r.unit < input.data.n_units())
        .collect();
    crate::sorting::sort_by_key(&mut v, |r| (r.nominal, r.unit));
    v.truncate(input.limit.unwrap_or(usize::MAX));
    v
}

fn title(lang: Lang) -> (String, String) {
    (
        t(lang, Key::IntervalTitle).to_string(),
        t(lang, Key::IntervalCaption).to_string(),
    )
}

/// Draws one row per county; each row is a hit region for it.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &IntervalsInput,
    style: &ChartStyle,
) -> Result<ChartLayout, String> {
    let (title, caption) = title(style.lang);
    let frame = Frame {
        title,
        caption: Some(caption),
        empty_message: t(style.lang, Key::IntervalEmpty),
    };
    let rows = rows(input);
    let shown = (!rows.is_empty()).then_some(rows);
    frame.draw(area, style, shown, |pen, top, rows| {
        plot(pen, top, input, &rows)
    })
}

/// One row per interval below `top`, over a rank axis.
fn plot<DB: DrawingBackend>(
    pen: &Pen<DB>,
    top: i32,
    input: &IntervalsInput,
    rows: &[RankInterval],
) -> Result<Vec<HitRegion>, String> {
    let style = pen.style;
    let labels: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{}{} {}",
                if r.unsettled_above || r.unsettled_below {
                    "≈ "
                } else {
                    ""
                },
                r.nominal,
                input.data.units[r.unit].name(style.lang)
            )
        })
        .collect();
    let label_w = labels
        .iter()
        .map(|l| pen.text_width(l, 0.95))
        .max()
        .unwrap_or(0)
        .min(pen.width / 3);
    let plot_x0 = pen.px(8.0) + label_w + pen.px(8.0);
    let plot_x1 = pen.width - pen.px(12.0);
    let axis_h = pen.font(0.9).ceil() as i32 + pen.px(8.0);
    let bottom = pen.height - axis_h;
    if plot_x1 - plot_x0 < pen.px(40.0) || bottom <= top {
        return Err(too_small(style.lang));
    }
    let max_rank = rows
        .iter()
        .map(|r| r.p95.max(r.p05).max(r.nominal).max(r.median))
        .max()
        .unwrap_or(1)
        .max(2);
    let sx = |rank: f64| {
        plot_x0 + ((rank - 1.0) / (max_rank - 1) as f64 * (plot_x1 - plot_x0) as f64).round() as i32
    };
    let pitch = (bottom - top) as f64 / rows.len() as f64;
    for t in nice_ticks(1.0, max_rank as f64, 6)
        .into_iter()
        .chain(std::iter::once(1.0))
    {
        pen.x_tick(sx(t), top, bottom, &format!("{t}"), style.grid)?;
    }
    let rel = (pitch / pen.font(1.0)).clamp(0.5, 0.95);
    let show_labels = pitch >= pen.font(0.5);
    let bar_h = ((pitch * 0.45).round() as i32).max(1);
    let dot = ((pitch * 0.3).round() as i32).clamp(1, pen.px(4.0));
    let mut hits = Vec::new();
    for (k, r) in rows.iter().enumerate() {
        let row_top = top + (k as f64 * pitch).round() as i32;
        let cy = top + ((k as f64 + 0.5) * pitch).round() as i32;
        let colour = if input.selected == Some(r.unit) {
            style.highlight
        } else {
            style.series(0)
        };
        if show_labels {
            let label = pen.fit(&labels[k], rel, label_w);
            pen.text(
                &label,
                (plot_x0 - pen.px(8.0), cy),
                rel,
                style.text,
                H::Right,
                V::Center,
            )?;
        }
        let (a, b) = (sx(r.p05.min(r.p95) as f64), sx(r.p95.max(r.p05) as f64));
        pen.fill_rect(
            Rect::new(a, cy - bar_h / 2, b.max(a + 1), cy - bar_h / 2 + bar_h),
            INTERVAL,
        )?;
        let m = sx(r.median as f64);
        pen.line((m, cy - bar_h), (m, cy + bar_h), style.text, 1.5)?;
        pen.circle((sx(r.nominal as f64), cy), dot, colour, true)?;
        let hit = Rect::new(
            0,
            row_top,
            pen.width,
            top + ((k + 1) as f64 * pitch).round() as i32,
        );
        hits.push(pen.hit(hit, r.unit));
    }
    Ok(hits)
}

/// How a county's order against its neighbours is described, in the chart's table and the page's.
pub fn order_label(unsettled_above: bool, unsettled_below: bool, lang: Lang) -> &'static str {
    let key = match (unsettled_above, unsettled_below) {
        (false, false) => Key::IntervalSettled,
        (true, false) => Key::IntervalSwapAbove,
        (false, true) => Key::IntervalSwapBelow,
        (true, true) => Key::IntervalSwapBoth,
    };
    t(lang, key)
}

/// The table alternative: county, nominal and median rank, the interval and the separation flag.
pub fn table(input: &IntervalsInput, lang: Lang) -> TextTable {
    let (title, caption) = title(lang);
    let headers = [
        Key::ColCounty,
        Key::IntervalNominalRank,
        Key::IntervalMedianRank,
        Key::IntervalRange,
        Key::IntervalNeighbours,
    ]
    .iter()
    .map(|&key| t(lang, key).to_string())
    .collect();
    let caption = tf(lang, Key::ChartTitleAndCaption, &[&title, &caption]);
    let mut table = TextTable::new(caption, headers);
    let rows = rows(input);
    for r in &rows {
        table.push(
            Some(r.unit),
            vec![
                input.data.units[r.unit].name(lang).to_string(),
                r.nominal.to_string(),
                r.median.to_string(),
                format!("{}–{}", r.p05, r.p95),
                order_label(r.unsettled_above, r.unsettled_below, lang).to_string(),
            ],
        );
    }
    table
}
