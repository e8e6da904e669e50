//! The selected county's five dimension scores against its prefecture's and the province's means.

use super::bars::{grouped, Series};
use super::frame::Frame;
use super::{fmt_score, ChartLayout, ChartStyle, TextTable};
use crate::i18n::{prefecture_name, t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};
use crate::score::Ranking;
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the profile chart shows.
#[derive(Clone, Copy, Debug)]
pub struct ProfileInput<'a> {
    pub system: &'a IndicatorSystem,
    pub data: &'a Dataset,
    pub ranking: &'a Ranking,
    pub unit: usize,
}

/// Dimension scores of the county and the means it is compared with.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileStats {
    pub county: Vec<f64>,
    /// Mean over the units of the county's prefecture (the county included); NaN without a prefecture.
    pub prefecture: Vec<f64>,
    pub prefecture_units: usize,
    pub province: Vec<f64>,
}

fn mean_over(ranking: &Ranking, units: &[usize], d: usize) -> f64 {
    let vals: Vec<f64> = units
        .iter()
        .map(|&u| ranking.dimension_score(u, d))
        .filter(|v| v.is_finite())
        .collect();
    if vals.is_empty() {
        f64::NAN
    } else {
        vals.iter().sum::<f64>() / vals.len() as f64
    }
}

/// Computes the county's scores and the two means; `None` if the unit does not exist.
pub fn stats(input: &ProfileInput) -> Option<ProfileStats> {
    let unit = input.data.units.get(input.unit)?;
    let r = input.ranking;
    if input.unit >= r.n_units {
        return None;
    }
    let all: Vec<usize> = (0..r.n_units).collect();
    let same: Vec<usize> = if unit.prefecture_zh.is_empty() {
        Vec::new()
    } else {
        all.iter()
            .copied()
            .filter(|&u| input.data.units[u].prefecture_zh == unit.prefecture_zh)
            .collect()
    };
    let dims = 0..r.n_dimensions;
    Some(ProfileStats {
        county: dims
            .clone()
            .map(|d| r.dimension_score(input.unit, d))
            .collect(),
        prefecture: dims.clone().map(|d| mean_over(r, &same, d)).collect(),
        prefecture_units: same.len(),
        province: dims.map(|d| mean_over(r, &all, d)).collect(),
    })
}

fn labels(input: &ProfileInput, lang: Lang, s: &ProfileStats) -> (String, [String; 3]) {
    let unit = &input.data.units[input.unit];
    let name = unit.name(lang).to_string();
    let n = s.prefecture_units;
    let prefecture = prefecture_name(lang, &unit.prefecture_zh);
    (
        tf(lang, Key::ChartProfileTitle, &[&name]),
        [
            name,
            tf(
                lang,
                Key::ChartProfilePrefectureMean,
                &[&prefecture, &n.to_string()],
            ),
            t(lang, Key::ChartProfileProvinceMean).to_string(),
        ],
    )
}

/// Draws the grouped bars; the county's own bars are hit regions for it. Without a county the layout is
/// titled "County profile"; with one, the title names it.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ProfileInput,
    style: &ChartStyle,
) -> Result<ChartLayout, String> {
    let lang = style.lang;
    let (title, shown) = match stats(input) {
        Some(s) => {
            let (title, names) = labels(input, lang, &s);
            (title, Some((names, s)))
        }
        None => (t(lang, Key::ChartProfileUntitled).to_string(), None),
    };
    let frame = Frame {
        title,
        caption: None,
        empty_message: t(lang, Key::ChartProfileEmpty),
    };
    frame.draw(area, style, shown, |pen, top, ([county, pref, prov], s)| {
        let cats = input.system.dimension_names(lang);
        let mut series = vec![Series {
            label: county,
            colour: style.series(0),
            values: s.county,
            unit: Some(input.unit),
            emphasised: true,
        }];
        if s.prefecture_units > 0 {
            series.push(Series {
                label: pref,
                colour: style.series(1),
                values: s.prefecture,
                unit: None,
                emphasised: false,
            });
        }
        series.push(Series {
            label: prov,
            colour: style.muted,
            values: s.province,
            unit: None,
            emphasised: false,
        });
        grouped(pen, top, &cats, &series)
    })
}

/// The table alternative: one row per dimension with the county's score, its rank and the two means.
pub fn table(input: &ProfileInput, lang: Lang) -> TextTable {
    let Some(s) = stats(input) else {
        return TextTable::new(t(lang, Key::ChartProfileNone).to_string(), Vec::new());
    };
    let (title, [county, pref, prov]) = labels(input, lang, &s);
    let headers = vec![
        t(lang, Key::ChartDimension).to_string(),
        county,
        t(lang, Key::ChartProfileRankInDimension).to_string(),
        pref,
        prov,
    ];
    let mut table = TextTable::new(title, headers);
    for (d, dim) in input.system.dimensions.iter().enumerate() {
        let rank = match input.ranking.rank_in_dimension(input.unit, d) {
            0 => "—".to_string(),
            r => r.to_string(),
        };
        let row = vec![
            dim.name(lang).to_string(),
            fmt_score(s.county[d]),
            rank,
            fmt_score(s.prefecture[d]),
            fmt_score(s.province[d]),
        ];
        table.push(None, row);
    }
    table
}
