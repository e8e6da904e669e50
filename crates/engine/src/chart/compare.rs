//! Two to four counties' dimension scores side by side.

use super::bars::{grouped, Series};
use super::frame::Frame;
use super::{fmt_score, ChartLayout, ChartStyle, TextTable};
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};
use crate::score::Ranking;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The most counties compared at once.
pub const MAX_COMPARED: usize = 4;

/// What the comparison chart shows.
#[derive(Clone, Copy, Debug)]
pub struct CompareInput<'a> {
    pub system: &'a IndicatorSystem,
    pub data: &'a Dataset,
    pub ranking: &'a Ranking,
    pub units: &'a [usize],
}

fn check(input: &CompareInput, lang: Lang) -> Result<(), String> {
    if input.units.len() > MAX_COMPARED {
        return Err(tf(
            lang,
            Key::ChartCompareTooMany,
            &[&MAX_COMPARED.to_string()],
        ));
    }
    if input
        .units
        .iter()
        .any(|&u| u >= input.data.n_units() || u >= input.ranking.n_units)
    {
        return Err(t(lang, Key::ChartCompareNotInData).to_string());
    }
    Ok(())
}

fn title(lang: Lang) -> String {
    t(lang, Key::ChartCompareTitle).to_string()
}

/// Draws one bar per county in each dimension group; each county's bars are its hit regions.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &CompareInput,
    style: &ChartStyle,
) -> Result<ChartLayout, String> {
    check(input, style.lang)?;
    let frame = Frame {
        title: title(style.lang),
        caption: None,
        empty_message: t(style.lang, Key::ChartCompareEmpty),
    };
    let units = (!input.units.is_empty()).then_some(input.units);
    frame.draw(area, style, units, |pen, top, units| {
        let lang = style.lang;
        let cats = input.system.dimension_names(lang);
        let series: Vec<Series> = units
            .iter()
            .enumerate()
            .map(|(k, &u)| Series {
                label: input.data.units[u].name(lang).to_string(),
                colour: style.series(k),
                values: (0..input.ranking.n_dimensions)
                    .map(|d| input.ranking.dimension_score(u, d))
                    .collect(),
                unit: Some(u),
                emphasised: false,
            })
            .collect();
        grouped(pen, top, &cats, &series)
    })
}

/// The table alternative: one row per dimension, one column per county, the best score marked.
pub fn table(input: &CompareInput, lang: Lang) -> TextTable {
    let mut headers = vec![t(lang, Key::ChartDimension).to_string()];
    let units: Vec<usize> = if check(input, lang).is_ok() {
        input.units.to_vec()
    } else {
        Vec::new()
    };
    headers.extend(
        units
            .iter()
            .map(|&u| input.data.units[u].name(lang).to_string()),
    );
    let mut table = TextTable::new(title(lang), headers);
    for (d, dim) in input.system.dimensions.iter().enumerate() {
        let vals: Vec<f64> = units
            .iter()
            .map(|&u| input.ranking.dimension_score(u, d))
            .collect();
        let best = vals
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(f64::NEG_INFINITY, f64::max);
        let mut row = vec![dim.name(lang).to_string()];
        row.extend(vals.iter().map(|&v| {
            if units.len() > 1 && v == best {
                format!("{} ★", fmt_score(v))
            } else {
                fmt_score(v)
            }
        }));
        table.push(None, row);
    }
    table
}
