//! Schematic tile map: one square per county on a grid laid out from the counties' centre points, coloured
//! by score, rank or a dimension; units without coordinates are listed beside it, and large data sets are
//! drawn as points instead of labelled tiles.

use super::frame::{too_small, Frame};
use super::pen::{Pen, H, V};
use super::style::{readable_on, sequential};
use super::tile_grid::{located, project};
pub use super::tile_grid::{place, TileGrid};
use super::{fmt_score, ChartLayout, ChartStyle, HitRegion, Rect, TextTable};
use crate::i18n::{t, tf, Key, NameForm};
use crate::model::{Dataset, IndicatorSystem, Lang, Unit};
use crate::score::Ranking;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Above this many located units the map draws points instead of tiles.
pub const TILE_LIMIT: usize = 400;

const NO_DATA: RGBColor = RGBColor(0xC8, 0xC8, 0xC8);

/// What the tiles are coloured by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColourBy {
    #[default]
    Score,
    Rank,
    Dimension(usize),
}

/// What the tile map shows.
#[derive(Clone, Copy, Debug)]
pub struct TileMapInput<'a> {
    pub system: &'a IndicatorSystem,
    pub data: &'a Dataset,
    pub ranking: &'a Ranking,
    pub colour_by: ColourBy,
    pub selected: Option<usize>,
}

/// Tile labels: the first two characters of each Chinese name or, in a language that reads the Latin names,
/// the shortest prefix of three to seven letters that no other unit shares (so Jianyang and Jian'ou read
/// "Jiany" and "Jiano"); units with the same Latin name keep the same label.
pub fn short_labels(units: &[Unit], lang: Lang) -> Vec<String> {
    let latin = lang.language().names == NameForm::Latin;
    let letters: Vec<Option<Vec<char>>> = units
        .iter()
        .map(|u| {
            (latin && !u.name_en.is_empty())
                .then(|| u.name_en.chars().filter(|c| c.is_alphanumeric()).collect())
        })
        .collect();
    let prefix = |l: &[char], n: usize| l.iter().take(n).collect::<String>();
    units
        .iter()
        .zip(&letters)
        .map(|(u, l)| match l {
            None => u.name(lang).chars().take(2).collect(),
            Some(l) => {
                let clash = |n: usize| {
                    letters
                        .iter()
                        .flatten()
                        .filter(|o| prefix(o, n) == prefix(l, n))
                        .count()
                        > 1
                };
                let n = (3..=7).find(|&n| !clash(n)).unwrap_or(7);
                prefix(l, n)
            }
        })
        .collect()
}

/// The value each unit is coloured by (NaN where missing) and the label of the scale.
pub fn values(input: &TileMapInput, lang: Lang) -> (Vec<f64>, String) {
    let r = input.ranking;
    match input.colour_by {
        ColourBy::Score => (
            r.composite.clone(),
            t(lang, Key::MapCompositeScore).to_string(),
        ),
        ColourBy::Rank => (
            r.rank
                .iter()
                .map(|&k| if k > 0 { k as f64 } else { f64::NAN })
                .collect(),
            t(lang, Key::ChartRank).to_string(),
        ),
        ColourBy::Dimension(d) => (
            (0..r.n_units)
                .map(|u| {
                    if d < r.n_dimensions {
                        r.dimension_score(u, d)
                    } else {
                        f64::NAN
                    }
                })
                .collect(),
            input
                .system
                .dimensions
                .get(d)
                .map_or_else(String::new, |x| x.name(lang).to_string()),
        ),
    }
}

/// Tile colours: the sequential scale with the best end (highest score, rank 1) brightest.
fn colours(input: &TileMapInput, vals: &[f64]) -> (Vec<RGBColor>, f64, f64) {
    let finite = vals.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
    let spread = if hi > lo { hi - lo } else { 1.0 };
    let c = vals
        .iter()
        .map(|&v| {
            if !v.is_finite() {
                NO_DATA
            } else if input.colour_by == ColourBy::Rank {
                sequential((hi - v) / spread)
            } else {
                sequential((v - lo) / spread)
            }
        })
        .collect();
    (c, lo, hi)
}

fn title(input: &TileMapInput, lang: Lang) -> (String, String) {
    // The scale's label reads mid-sentence, so it is lower-cased (which leaves Chinese as it is).
    let (_, what) = values(input, lang);
    (
        tf(lang, Key::MapTitle, &[&what.to_ascii_lowercase()]),
        t(lang, Key::MapCaption).to_string(),
    )
}

/// Draws the map; one hit region per tile, point or listed unit.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &TileMapInput,
    style: &ChartStyle,
) -> Result<ChartLayout, String> {
    let (title, caption) = title(input, style.lang);
    let frame = Frame {
        title,
        caption: Some(caption),
        empty_message: t(style.lang, Key::MapEmpty),
    };
    let shown = input.data.n_units() > 0 && input.ranking.n_units == input.data.n_units();
    frame.draw(area, style, shown.then_some(()), |pen, top, ()| {
        plot(pen, top, input)
    })
}

/// The map, the list of units without coordinates and the colour legend below `top`.
fn plot<DB: DrawingBackend>(
    pen: &Pen<DB>,
    top: i32,
    input: &TileMapInput,
) -> Result<Vec<HitRegion>, String> {
    let style = pen.style;
    let (vals, what) = values(input, style.lang);
    let (fill, lo, hi) = colours(input, &vals);
    let located_n = input
        .data
        .units
        .iter()
        .filter(|u| located(u).is_some())
        .count();
    let unplaced: Vec<usize> = (0..input.data.n_units())
        .filter(|&u| located(&input.data.units[u]).is_none())
        .collect();

    let legend_h = pen.px(40.0);
    let list_w = if unplaced.is_empty() {
        0
    } else {
        (pen.width / 4).max(pen.px(90.0))
    };
    let map = Rect::new(
        pen.px(8.0),
        top,
        pen.width - list_w - pen.px(8.0),
        pen.height - legend_h,
    );
    if map.width() < pen.px(40.0) || map.height() < pen.px(40.0) {
        return Err(too_small(style.lang));
    }

    let mut hits = Vec::new();
    if located_n > TILE_LIMIT {
        draw_points(pen, input, &fill, map, &mut hits)?;
    } else if located_n > 0 {
        draw_tiles(pen, input, &fill, map, &mut hits)?;
    }
    if !unplaced.is_empty() {
        draw_list(
            pen,
            input,
            &fill,
            &unplaced,
            Rect::new(map.x1 + pen.px(8.0), top, pen.width, map.y1),
            &mut hits,
        )?;
    }
    draw_legend(
        pen,
        input,
        &what,
        lo,
        hi,
        Rect::new(map.x0, map.y1 + pen.px(6.0), map.x1, pen.height),
    )?;
    Ok(hits)
}

fn outline_selected<DB: DrawingBackend>(pen: &Pen<DB>, r: Rect) -> Result<(), String> {
    let g = pen.px(2.0);
    pen.stroke_rect(
        Rect::new(r.x0 - g, r.y0 - g, r.x1 + g, r.y1 + g),
        pen.style.highlight,
        2.5,
    )?;
    pen.stroke_rect(r, pen.style.background, 1.0)
}

fn draw_tiles<DB: DrawingBackend>(
    pen: &Pen<DB>,
    input: &TileMapInput,
    fill: &[RGBColor],
    map: Rect,
    hits: &mut Vec<HitRegion>,
) -> Result<(), String> {
    let grid = place(&input.data.units);
    let cell = (map.width() / grid.cols.max(1) as i32)
        .min(map.height() / grid.rows.max(1) as i32)
        .max(2);
    let ox = map.x0 + (map.width() - cell * grid.cols as i32) / 2;
    let oy = map.y0 + (map.height() - cell * grid.rows as i32) / 2;
    let gap = (cell / 12).max(1);
    let rel = (cell as f64 * 0.34 / pen.font(1.0)).clamp(0.5, 1.2);
    let labels = short_labels(&input.data.units, pen.style.lang);
    let mut selected = None;
    for (u, pos) in grid.cells.iter().enumerate() {
        let Some((c, r)) = *pos else { continue };
        let x = ox + c as i32 * cell;
        let y = oy + r as i32 * cell;
        let tile = Rect::new(x + gap, y + gap, x + cell - gap, y + cell - gap);
        pen.fill_rect(tile, fill[u])?;
        if cell >= pen.px(16.0) {
            // Long labels shrink to fit inside their tile.
            let room = (cell - 4 * gap) as f64 / pen.text_width(&labels[u], 1.0).max(1) as f64;
            pen.text(
                &labels[u],
                (x + cell / 2, y + cell / 2),
                rel.min(room).max(0.4),
                readable_on(fill[u]),
                H::Center,
                V::Center,
            )?;
        }
        if input.selected == Some(u) {
            selected = Some(tile);
        }
        hits.push(pen.hit(Rect::new(x, y, x + cell, y + cell), u));
    }
    if let Some(tile) = selected {
        outline_selected(pen, tile)?;
    }
    Ok(())
}

fn draw_points<DB: DrawingBackend>(
    pen: &Pen<DB>,
    input: &TileMapInput,
    fill: &[RGBColor],
    map: Rect,
    hits: &mut Vec<HitRegion>,
) -> Result<(), String> {
    let (pts, aspect) = project(&input.data.units);
    let (fw, fh) = if aspect >= 1.0 {
        (1.0, 1.0 / aspect)
    } else {
        (aspect, 1.0)
    };
    let r = pen.px(2.5).max(1);
    let size = ((map.width() - 2 * r) as f64 / fw).min((map.height() - 2 * r) as f64 / fh);
    for (u, p) in pts.iter().enumerate() {
        let Some((x, y)) = *p else { continue };
        let cx = map.x0 + r + (x * fw * size).round() as i32;
        let cy = map.y0 + r + (y * fh * size).round() as i32;
        pen.circle((cx, cy), r, fill[u], true)?;
        hits.push(pen.hit(Rect::new(cx - r, cy - r, cx + r + 1, cy + r + 1), u));
    }
    if let Some(Some((x, y))) = input.selected.and_then(|u| pts.get(u)) {
        let (cx, cy) = (
            map.x0 + r + (x * fw * size).round() as i32,
            map.y0 + r + (y * fh * size).round() as i32,
        );
        pen.circle((cx, cy), r * 3, pen.style.highlight, false)?;
    }
    Ok(())
}

fn draw_list<DB: DrawingBackend>(
    pen: &Pen<DB>,
    input: &TileMapInput,
    fill: &[RGBColor],
    units: &[usize],
    area: Rect,
    hits: &mut Vec<HitRegion>,
) -> Result<(), String> {
    let lang = pen.style.lang;
    pen.text(
        t(lang, Key::MapUnlocated),
        (area.x0, area.y0),
        0.95,
        pen.style.text,
        H::Left,
        V::Top,
    )?;
    let line_h = pen.font(1.0).ceil() as i32 + pen.px(5.0);
    let sw = pen.px(10.0);
    let mut y = area.y0 + line_h + pen.px(2.0);
    for (k, &u) in units.iter().enumerate() {
        if y + 2 * line_h > area.y1 && k + 1 < units.len() {
            let more = units.len() - k;
            let text = tf(lang, Key::MapMoreUnlocated, &[&more.to_string()]);
            pen.text(&text, (area.x0, y), 0.9, pen.style.muted, H::Left, V::Top)?;
            break;
        }
        pen.fill_rect(Rect::new(area.x0, y, area.x0 + sw, y + sw), fill[u])?;
        let name = pen.fit(
            input.data.units[u].name(lang),
            0.95,
            area.width() - sw - pen.px(12.0),
        );
        pen.text(
            &name,
            (area.x0 + sw + pen.px(4.0), y + sw / 2),
            0.95,
            pen.style.text,
            H::Left,
            V::Center,
        )?;
        let row = Rect::new(area.x0, y - pen.px(2.0), area.x1, y + line_h - pen.px(2.0));
        if input.selected == Some(u) {
            pen.stroke_rect(row, pen.style.highlight, 2.0)?;
        }
        hits.push(pen.hit(row, u));
        y += line_h;
    }
    Ok(())
}

fn draw_legend<DB: DrawingBackend>(
    pen: &Pen<DB>,
    input: &TileMapInput,
    what: &str,
    lo: f64,
    hi: f64,
    area: Rect,
) -> Result<(), String> {
    let lang = pen.style.lang;
    let bar_w = (area.width() / 2).min(pen.px(220.0)).max(pen.px(40.0));
    let bar_h = pen.px(10.0);
    let label_w = pen.text_width(what, 0.9) + pen.px(8.0);
    let x0 = area.x0 + label_w;
    let y = area.y0 + pen.px(2.0);
    pen.text(
        what,
        (area.x0, y + bar_h / 2),
        0.9,
        pen.style.text,
        H::Left,
        V::Center,
    )?;
    let steps = 32;
    for i in 0..steps {
        let a = x0 + bar_w * i / steps;
        let b = x0 + bar_w * (i + 1) / steps;
        pen.fill_rect(
            Rect::new(a, y, b, y + bar_h),
            sequential(i as f64 / (steps - 1) as f64),
        )?;
    }
    let (left, right) = if lo > hi {
        ("—".to_string(), "—".to_string())
    } else if input.colour_by == ColourBy::Rank {
        (
            tf(lang, Key::MapRankEnd, &[&hi.to_string()]),
            tf(lang, Key::MapRankEnd, &[&lo.to_string()]),
        )
    } else {
        (fmt_score(lo), fmt_score(hi))
    };
    let ty = y + bar_h + pen.px(3.0);
    pen.text(&left, (x0, ty), 0.85, pen.style.muted, H::Left, V::Top)?;
    pen.text(
        &right,
        (x0 + bar_w, ty),
        0.85,
        pen.style.muted,
        H::Right,
        V::Top,
    )?;
    let nx = x0 + bar_w + pen.px(16.0);
    pen.fill_rect(Rect::new(nx, y, nx + bar_h, y + bar_h), NO_DATA)?;
    pen.text(
        t(lang, Key::MapNoData),
        (nx + bar_h + pen.px(4.0), y + bar_h / 2),
        0.85,
        pen.style.muted,
        H::Left,
        V::Center,
    )
}

/// The caption of the map's table alternative.
pub fn caption(input: &TileMapInput, lang: Lang) -> String {
    let (title, caption) = title(input, lang);
    tf(lang, Key::ChartTitleAndCaption, &[&title, &caption])
}

/// The table alternative: every unit in rank order with prefecture, the mapped value, rank and whether it
/// has a place on the map.
pub fn table(input: &TileMapInput, lang: Lang) -> TextTable {
    let (vals, what) = values(input, lang);
    let headers = vec![
        t(lang, Key::ColCounty).to_string(),
        t(lang, Key::ColPrefecture).to_string(),
        what,
        t(lang, Key::ChartRank).to_string(),
        t(lang, Key::MapOnMap).to_string(),
    ];
    let mut table = TextTable::new(caption(input, lang), headers);
    for &u in input
        .ranking
        .order
        .iter()
        .filter(|&&u| u < input.data.n_units() && u < vals.len())
    {
        let unit = &input.data.units[u];
        let v = if input.colour_by == ColourBy::Rank {
            if vals[u].is_finite() {
                format!("{}", vals[u])
            } else {
                "—".to_string()
            }
        } else {
            fmt_score(vals[u])
        };
        let rank = match input.ranking.rank[u] {
            0 => "—".to_string(),
            r => r.to_string(),
        };
        let on_map = t(
            lang,
            if located(unit).is_some() {
                Key::MapYes
            } else {
                Key::MapNoCoordinates
            },
        );
        table.push(
            Some(u),
            vec![
                unit.name(lang).to_string(),
                unit.prefecture_zh.clone(),
                v,
                rank,
                on_map.to_string(),
            ],
        );
    }
    table
}
