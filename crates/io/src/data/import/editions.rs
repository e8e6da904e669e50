//! Several editions (years) in one file: a `year` (年份) column splits a sheet into one edition per year,
//! and a workbook whose sheet names are years ("2024", "2024年") is read one edition per sheet.

use super::{problem, Cell, Grid, ImportReport, Problem};
use crate::data::DataError;

/// The oldest and the latest year taken for an edition.
const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// The year a sheet name or a cell's text names: four digits, optionally followed by 年 or 年度.
pub fn year_of(text: &str) -> Option<i32> {
    let text = super::matching::fold_width(text);
    let text = text.trim();
    let digits = text
        .strip_suffix("年度")
        .or_else(|| text.strip_suffix('年'))
        .unwrap_or(text)
        .trim();
    let year: i32 = (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()?;
    YEARS.contains(&year).then_some(year)
}

/// The year of a cell of a year column: a whole number or a text [`year_of`] reads.
fn year_of_cell(cell: &Cell) -> Option<i32> {
    match cell {
        Cell::Number(v) if v.fract() == 0.0 && YEARS.contains(&(*v as i32)) => Some(*v as i32),
        Cell::Text(t) => year_of(t),
        _ => None,
    }
}

/// The sheets to read as editions, oldest first: those whose names are years, when there are at least
/// two of them; none otherwise (the workbook is then read as one data set). Two sheets of one year
/// ("2024" and "2024年") are refused, naming the year.
pub fn year_sheets(names: &[String]) -> Result<Vec<(i32, String)>, i32> {
    let mut sheets: Vec<(i32, String)> = names
        .iter()
        .filter_map(|name| year_of(name).map(|y| (y, name.clone())))
        .collect();
    sheets.sort_by_key(|(year, _)| *year);
    if let Some(pair) = sheets.windows(2).find(|p| p[0].0 == p[1].0) {
        return Err(pair[0].0);
    }
    if sheets.len() < 2 {
        sheets.clear();
    }
    Ok(sheets)
}

/// The grid split by the year in `column` below the header row: one grid per year, oldest first, each
/// keeping every row in place (other years' rows emptied, which the import skips) so that messages name
/// the file's rows. A row with values but no readable year is an error.
pub fn split_by_year(
    grid: &Grid,
    header_index: usize,
    column: usize,
    column_header: &str,
) -> Result<Vec<(i32, Grid)>, Vec<DataError>> {
    let mut years: Vec<i32> = Vec::new();
    let mut of_row: Vec<Option<i32>> = vec![None; grid.rows.len()];
    let mut errors = Vec::new();
    for (k, row) in grid.rows.iter().enumerate().skip(header_index + 1) {
        if row.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let cell = row.get(column).unwrap_or(&Cell::Empty);
        match year_of_cell(cell) {
            Some(year) => {
                of_row[k] = Some(year);
                if !years.contains(&year) {
                    years.push(year);
                }
            }
            None => errors.push(problem(
                Some(grid.first_row + k),
                Some(column_header),
                Problem::InvalidYear(cell_text(cell)),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    years.sort_unstable();
    Ok(years
        .into_iter()
        .map(|year| {
            let rows = grid
                .rows
                .iter()
                .enumerate()
                .map(|(k, row)| {
                    if k <= header_index || of_row[k] == Some(year) {
                        row.clone()
                    } else {
                        vec![Cell::Empty; row.len()]
                    }
                })
                .collect();
            let edition = Grid {
                rows,
                first_row: grid.first_row,
            };
            (year, edition)
        })
        .collect())
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number(v) => v.to_string(),
        Cell::Error(e) => e.clone(),
    }
}

/// One report for the editions of a file, each read on its own: the latest edition as the data set and
/// every edition (oldest first, its year set) in `editions`; or, if any edition failed, every problem
/// and no data. Messages that several editions share are listed once.
pub fn combine(reports: Vec<(i32, ImportReport)>) -> ImportReport {
    let mut errors: Vec<DataError> = Vec::new();
    let mut warnings = Vec::new();
    let mut editions = Vec::new();
    let mut last = ImportReport::default();
    for (year, report) in reports {
        for e in &report.errors {
            if !errors.contains(e) {
                errors.push(e.clone());
            }
        }
        for w in &report.warnings {
            if !warnings.contains(w) {
                warnings.push(w.clone());
            }
        }
        if let Some(mut data) = report.dataset.clone() {
            data.meta.year = Some(year);
            editions.push(data);
        }
        last = report;
    }
    errors.sort_by_key(|e| e.row);
    let ok = errors.is_empty();
    ImportReport {
        dataset: if ok { editions.last().cloned() } else { None },
        editions: if ok { editions } else { Vec::new() },
        errors,
        warnings,
        ..last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_from_sheet_names_and_cells() {
        for (text, year) in [
            ("2024", Some(2024)),
            ("2024年", Some(2024)),
            (" 2023 年度 ", Some(2023)),
            ("２０２４", Some(2024)),
            ("2024Q1", None),
            ("Sheet1", None),
            ("1800", None),
            ("20245", None),
        ] {
            assert_eq!(year_of(text), year, "{text}");
        }
        assert_eq!(year_of_cell(&Cell::Number(2022.0)), Some(2022));
        assert_eq!(year_of_cell(&Cell::Number(2022.5)), None);
    }

    #[test]
    fn only_two_or_more_year_sheets_make_editions() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(year_sheets(&names(&["2024", "说明"])), Ok(vec![]));
        assert_eq!(
            year_sheets(&names(&["2024年", "说明", "2023"])),
            Ok(vec![
                (2023, "2023".to_string()),
                (2024, "2024年".to_string())
            ])
        );
        assert_eq!(year_sheets(&names(&["2024年", "2024", "2023"])), Err(2024));
    }
}
