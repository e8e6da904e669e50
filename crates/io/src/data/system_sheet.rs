//! The indicator system as a workbook sheet ("指标体系"), so that a system travels with its data: one row
//! per indicator with the fields of `seeds/indicators.json` and its dimension's names, written by the
//! template and the ranking export, read back by the importer.

pub use fjindex_engine::data::system_sheet::*;

use super::import::{Cell, Grid, Problem};
use super::{DataError, DataErrorKind};
use crate::model::{Dimension, Indicator, IndicatorSystem, ValueKind};
/// Reads the sheet back into a system; every unreadable cell is an error naming its row and column.
pub fn read(grid: &Grid) -> Result<IndicatorSystem, Vec<DataError>> {
    let header_row = grid.first_row;
    let header: Vec<String> = grid
        .rows
        .first()
        .map(|r| r.iter().map(text_of).collect())
        .unwrap_or_default();
    let mut errors = Vec::new();
    let position: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|c| header.iter().position(|h| h.trim().eq_ignore_ascii_case(c)))
        .collect();
    for (&name, found) in COLUMNS.iter().zip(&position) {
        let optional = name.starts_with("definition") || name.starts_with("short");
        if found.is_none() && !optional {
            errors.push(error(
                Some(header_row),
                None,
                Problem::SystemColumnMissing(name.into()),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut dimensions: Vec<Dimension> = Vec::new();
    let mut indicators = Vec::new();
    for (k, row) in grid.rows.iter().enumerate().skip(1) {
        let line = grid.first_row + k;
        let cell = |name: &str| {
            let c = COLUMNS
                .iter()
                .position(|&n| n == name)
                .expect("a known column");
            position[c]
                .and_then(|p| row.get(p))
                .map(text_of)
                .unwrap_or_default()
        };
        if row.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let mut bad = |column: &str, value: String| {
            errors.push(error(Some(line), Some(column), Problem::SystemValue(value)));
        };
        let flag = |name: &str, bad: &mut dyn FnMut(&str, String)| match cell(name)
            .to_lowercase()
            .as_str()
        {
            "true" | "1" | "是" | "yes" => true,
            "false" | "0" | "否" | "no" => false,
            other => {
                bad(name, other.to_string());
                false
            }
        };
        let number = |name: &str, bad: &mut dyn FnMut(&str, String)| {
            let text = cell(name);
            text.trim().parse::<f64>().unwrap_or_else(|_| {
                bad(name, text);
                f64::NAN
            })
        };
        let kind = match cell("kind").to_lowercase().as_str() {
            "amount" => ValueKind::Amount,
            "rate" => ValueKind::Rate,
            "count" => ValueKind::Count,
            other => {
                bad("kind", other.to_string());
                ValueKind::Amount
            }
        };
        let dimension = cell("dimension");
        if !dimensions.iter().any(|d| d.id == dimension) {
            dimensions.push(Dimension {
                id: dimension.clone(),
                name_zh: cell("dimension_name_zh"),
                name_en: cell("dimension_name_en"),
                about_zh: String::new(),
                about_en: String::new(),
                name_zh_hant: String::new(),
                about_zh_hant: String::new(),
            });
        }
        let decimals = number("decimals", &mut bad);
        let indicator = Indicator {
            id: cell("id"),
            dimension,
            name_zh: cell("name_zh"),
            name_en: cell("name_en"),
            short_zh: cell("short_zh"),
            short_en: cell("short_en"),
            unit_zh: cell("unit_zh"),
            unit_en: cell("unit_en"),
            kind,
            integer: flag("integer", &mut bad),
            decimals: if (0.0..=6.0).contains(&decimals) {
                decimals as u8
            } else {
                0
            },
            signed: flag("signed", &mut bad),
            higher_is_better: flag("higher_is_better", &mut bad),
            definition_zh: cell("definition_zh"),
            definition_en: cell("definition_en"),
            plausible_min: number("plausible_min", &mut bad),
            plausible_max: number("plausible_max", &mut bad),
            name_zh_hant: String::new(),
            short_zh_hant: String::new(),
            unit_zh_hant: String::new(),
            definition_zh_hant: String::new(),
        };
        indicators.push(indicator);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let system = IndicatorSystem::new(SHEET_NAME.into(), dimensions, indicators)
        .map_err(|e| vec![error(None, None, Problem::SystemStructure(e))])?;
    let problems = crate::system_check::check_system(&system);
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|p| error(None, None, Problem::System(p)))
            .collect());
    }
    Ok(system)
}

fn error(row: Option<usize>, column: Option<&str>, problem: Problem) -> DataError {
    DataError::new(row, column, DataErrorKind::Import(problem))
}

fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.trim().to_string(),
        Cell::Number(v) => v.to_string(),
        Cell::Error(e) => e.clone(),
    }
}
