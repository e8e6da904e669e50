//! From a grid of cells to a data set: the header row, column roles, units and values, with every problem.

use super::counties::{normalise_adcode, CountyMatcher, NameMatch};
use super::matching::{unit_factor, HeaderMatcher, Role};
use super::messages::{DataName, Problem, Warning, WarningKind};
use super::values::{self, Value};
use super::{editions, problem, Cell, ColumnMatch, Grid, ImportReport, Reference};
use crate::data::{DataError, DataErrorKind};
use crate::model::{Dataset, DatasetMeta, Unit, ValueKind};
use std::collections::{HashMap, HashSet};

/// The header may sit below a title; it is looked for in this many rows.
const HEADER_SEARCH_ROWS: usize = 20;
/// Errors beyond this many are summarised, so a wrong file does not produce a million lines.
pub const MAX_ERRORS: usize = 500;
const TOTAL_ROWS: &[&str] = &[
    "合计",
    "总计",
    "小计",
    "全省",
    "全市",
    "全国",
    "福建省",
    "total",
    "sum",
];
const NOTE_PREFIXES: &[&str] = &[
    "注",
    "说明",
    "备注",
    "数据来源",
    "资料来源",
    "note",
    "source",
];

fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.trim().to_string(),
        Cell::Number(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{v:.0}"),
        Cell::Number(v) => v.to_string(),
        Cell::Error(e) => e.clone(),
        Cell::Empty => String::new(),
    }
}

/// A header cell: its column, its text, and its role with the unit written in brackets.
type HeaderCell = (usize, String, Option<(Role, Option<String>)>);

/// The header row's columns, classified.
struct Header {
    index: usize,
    columns: Vec<HeaderCell>,
}

fn find_header(
    grid: &Grid,
    matcher: &HeaderMatcher,
) -> Result<Header, (Option<usize>, Vec<Problem>)> {
    let mut best: Option<(usize, usize, bool)> = None;
    for (index, row) in grid.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let columns: Vec<_> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| (c, text_of(cell)))
            .filter(|(_, t)| !t.is_empty())
            .map(|(c, t)| {
                let role = matcher.classify(&t);
                (c, t, role)
            })
            .collect();
        let roles = || columns.iter().filter_map(|c| c.2.as_ref().map(|r| r.0));
        let identity = roles().any(|r| matches!(r, Role::Adcode | Role::Name));
        let indicators = roles().filter(|r| matches!(r, Role::Indicator(_))).count();
        if identity && indicators > 0 {
            return Ok(Header { index, columns });
        }
        if best.is_none_or(|b| indicators > b.1) {
            best = Some((index, indicators, identity));
        }
    }
    let mut problems = Vec::new();
    let row = best.map(|b| grid.first_row + b.0);
    if !best.is_some_and(|b| b.2) {
        problems.push(Problem::NoIdentityColumn);
    }
    if best.is_none_or(|b| b.1 == 0) {
        problems.push(Problem::NoIndicatorColumns);
    }
    Err((row, problems))
}

/// One data row that named a unit.
struct Row {
    line: usize,
    unit: Unit,
    known: bool,
    values: Vec<Option<f64>>,
}

/// Collects errors up to [`MAX_ERRORS`].
#[derive(Default)]
struct Errors {
    list: Vec<DataError>,
    dropped: usize,
}

impl Errors {
    fn push(&mut self, e: DataError) {
        if self.list.len() < MAX_ERRORS {
            self.list.push(e);
        } else {
            self.dropped += 1;
        }
    }
    fn at(&mut self, row: usize, column: &str, p: Problem) {
        self.push(problem(Some(row), Some(column), p));
    }
}

pub fn build(grid: &Grid, meta: DatasetMeta, reference: &Reference) -> ImportReport {
    let system = reference.system;
    let header_matcher = HeaderMatcher::new(system);
    let mut report = ImportReport::default();
    let header = match find_header(grid, &header_matcher) {
        Ok(h) => h,
        Err((row, problems)) => {
            let empty = grid
                .rows
                .iter()
                .all(|r| r.iter().all(|c| *c == Cell::Empty));
            report.errors = if empty {
                vec![DataError::new(None, None, DataErrorKind::Empty)]
            } else {
                problems
                    .into_iter()
                    .map(|p| problem(row, None, p))
                    .collect()
            };
            return report;
        }
    };
    if let Some(report) = build_editions(grid, &header, &meta, reference) {
        return report;
    }
    let header_line = grid.first_row + header.index;
    report.header_row = Some(header_line);
    let mut errors = Errors::default();
    let mut warnings = Vec::new();

    // Column roles: the first column of each identity role wins; each indicator may appear once.
    let n_ind = system.n_indicators();
    let mut identity: HashMap<Role, (usize, String)> = HashMap::new();
    let mut ind_cols: Vec<Option<(usize, String, f64)>> = vec![None; n_ind];
    for (c, text, role) in &header.columns {
        let mut kept = role.as_ref().map(|r| r.0);
        match role {
            Some((Role::Indicator(i), unit)) => {
                let ind = &system.indicators[*i];
                if let Some((_, first, _)) = &ind_cols[*i] {
                    let p = Problem::DuplicateColumn {
                        indicator: ind.id.clone(),
                        first: first.clone(),
                    };
                    errors.at(header_line, text, p);
                    kept = None;
                } else {
                    let factor = match unit.as_deref() {
                        None => 1.0,
                        Some(u) => match unit_factor(u, &ind.unit_zh, ind.kind)
                            .or_else(|| unit_factor(u, &ind.unit_en, ind.kind))
                        {
                            Some(f) => {
                                if f != 1.0 {
                                    let kind = WarningKind::UnitConverted {
                                        from: u.to_string(),
                                        to: ind.unit_zh.clone(),
                                    };
                                    warnings.push(Warning::new(None, Some(text), kind));
                                }
                                f
                            }
                            None => {
                                let kind = WarningKind::UnitUnknown {
                                    found: u.to_string(),
                                    expected: ind.unit_zh.clone(),
                                };
                                warnings.push(Warning::new(None, Some(text), kind));
                                1.0
                            }
                        },
                    };
                    ind_cols[*i] = Some((*c, text.clone(), factor));
                }
            }
            Some((r, _)) => {
                if identity.contains_key(r) {
                    kept = None;
                    warnings.push(Warning::new(None, Some(text), WarningKind::IgnoredColumn));
                } else {
                    identity.insert(*r, (*c, text.clone()));
                }
            }
            None => warnings.push(Warning::new(None, Some(text), WarningKind::IgnoredColumn)),
        }
        report.columns.push(ColumnMatch {
            column: *c,
            header: text.clone(),
            role: kept,
        });
    }
    for (d, dim) in system.dimensions.iter().enumerate() {
        let range = system.indicators_of(d);
        if range.clone().all(|i| ind_cols[i].is_none()) {
            let p = Problem::DimensionMissing {
                name: DataName::new(|l| dim.name(l)),
            };
            errors.push(problem(Some(header_line), None, p));
            continue;
        }
        for i in range.filter(|&i| ind_cols[i].is_none()) {
            let ind = &system.indicators[i];
            let kind = WarningKind::MissingIndicator {
                name: DataName::new(|l| ind.name(l)),
            };
            warnings.push(Warning::new(None, None, kind));
        }
    }

    let counties = CountyMatcher::new(reference.counties, reference.aliases);
    let mut rows = read_rows(
        grid,
        &header,
        &identity,
        &ind_cols,
        reference,
        &counties,
        &mut errors,
        &mut warnings,
    );
    check_columns(reference, &mut rows, &ind_cols, &mut errors, &mut warnings);
    summarise_units(reference, &rows, &mut warnings);
    report.known_units = rows.iter().filter(|r| r.known).count();
    report.other_units = rows.len() - report.known_units;

    if rows.is_empty() && errors.list.is_empty() {
        errors.push(DataError::new(None, None, DataErrorKind::Empty));
    } else if !rows.is_empty() && rows.iter().all(|r| r.values.iter().all(Option::is_none)) {
        errors.push(problem(None, None, Problem::NoValues));
    }
    // Listed in the order of the file; errors without a row (whole-file ones) come first.
    errors.list.sort_by_key(|e| e.row);
    if errors.dropped > 0 {
        errors
            .list
            .push(problem(None, None, Problem::More(errors.dropped)));
    }
    report.errors = errors.list;
    report.warnings = warnings;
    if report.errors.is_empty() {
        let units = rows.iter().map(|r| r.unit.clone()).collect();
        let mut data = Dataset::new(meta, units, n_ind);
        for (u, row) in rows.iter().enumerate() {
            for (i, v) in row.values.iter().enumerate() {
                data.set(u, i, *v);
            }
        }
        report.dataset = Some(data);
    }
    report
}

/// A sheet with a year column, read one edition per year; `None` without a year column.
fn build_editions(
    grid: &Grid,
    header: &Header,
    meta: &DatasetMeta,
    reference: &Reference,
) -> Option<ImportReport> {
    let (column, text, _) = header
        .columns
        .iter()
        .find(|(_, _, role)| matches!(role, Some((Role::Year, _))))?;
    let years = match editions::split_by_year(grid, header.index, *column, text) {
        Ok(years) => years,
        Err(errors) => {
            return Some(ImportReport {
                errors,
                header_row: Some(grid.first_row + header.index),
                ..ImportReport::default()
            })
        }
    };
    if years.is_empty() {
        return None;
    }
    let mut reports = Vec::new();
    for (year, mut edition) in years {
        // The year column is read; each edition's rows are read without it.
        for row in &mut edition.rows {
            if let Some(cell) = row.get_mut(*column) {
                *cell = Cell::Empty;
            }
        }
        let mut report = build(&edition, meta.clone(), reference);
        report.columns.push(ColumnMatch {
            column: *column,
            header: text.clone(),
            role: Some(Role::Year),
        });
        report.columns.sort_by_key(|c| c.column);
        reports.push((year, report));
    }
    Some(editions::combine(reports))
}

#[allow(clippy::too_many_arguments)]
fn read_rows(
    grid: &Grid,
    header: &Header,
    identity: &HashMap<Role, (usize, String)>,
    ind_cols: &[Option<(usize, String, f64)>],
    reference: &Reference,
    counties: &CountyMatcher,
    errors: &mut Errors,
    warnings: &mut Vec<Warning>,
) -> Vec<Row> {
    let system = reference.system;
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (k, cells) in grid.rows.iter().enumerate().skip(header.index + 1) {
        let line = grid.first_row + k;
        let get = |c: usize| cells.get(c).unwrap_or(&Cell::Empty);
        let ident = |r: Role| {
            identity
                .get(&r)
                .map(|(c, h)| (text_of(get(*c)), h.as_str()))
        };
        let (code_raw, code_header) = ident(Role::Adcode).unwrap_or_default();
        let (name, name_header) = ident(Role::Name).unwrap_or_default();
        let prefecture = ident(Role::Prefecture).map(|p| p.0).unwrap_or_default();
        let has_values = ind_cols
            .iter()
            .flatten()
            .any(|(c, _, _)| *get(*c) != Cell::Empty);
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let label = if name.is_empty() {
            code_raw.clone()
        } else {
            name.clone()
        };
        let folded = super::matching::key(&label);
        if TOTAL_ROWS.contains(&folded.as_str()) || folded.ends_with("合计") {
            warnings.push(Warning::new(
                Some(line),
                None,
                WarningKind::SkippedTotalRow(label),
            ));
            continue;
        }
        if !has_values && NOTE_PREFIXES.iter().any(|p| folded.starts_with(p)) {
            continue;
        }
        if code_raw.is_empty() && name.is_empty() {
            if has_values {
                errors.push(DataError::new(
                    Some(line),
                    None,
                    DataErrorKind::MissingIdentity,
                ));
            }
            continue;
        }

        // Which unit is it: a known county (by code, else by name) or another unit with its own code.
        let mut former_name = None;
        let (unit, known) = if !code_raw.is_empty() {
            let Some(code) = normalise_adcode(&code_raw) else {
                errors.at(line, code_header, Problem::InvalidAdcode(code_raw));
                continue;
            };
            match counties.by_code(&code) {
                Some(found) => {
                    if !name.is_empty() && !counties.name_fits(&name, found.county) {
                        let expected = counties.counties[found.county].name_zh.clone();
                        errors.at(
                            line,
                            name_header,
                            Problem::NameMismatch {
                                adcode: code,
                                name,
                                expected,
                            },
                        );
                        continue;
                    }
                    if found.former
                        || matches!(counties.by_name(&name), NameMatch::One(f) if f.former)
                    {
                        former_name = Some(if name.is_empty() {
                            code_raw.clone()
                        } else {
                            name.clone()
                        });
                    }
                    (counties.counties[found.county].clone(), true)
                }
                None => {
                    if let (true, NameMatch::One(f)) =
                        (code.starts_with("35"), counties.by_name(&name))
                    {
                        let expected = format!(
                            "{}（{}）",
                            counties.counties[f.county].name_zh, counties.counties[f.county].adcode
                        );
                        errors.at(
                            line,
                            code_header,
                            Problem::NameMismatch {
                                adcode: code,
                                name,
                                expected,
                            },
                        );
                        continue;
                    }
                    let name_zh = if name.is_empty() {
                        code.clone()
                    } else {
                        name.clone()
                    };
                    let unit = Unit {
                        adcode: code,
                        name_zh,
                        name_en: String::new(),
                        prefecture_zh: prefecture,
                        lon: None,
                        lat: None,
                    };
                    (unit, false)
                }
            }
        } else {
            match counties.by_name(&name) {
                NameMatch::One(found) => {
                    if found.former {
                        former_name = Some(name.clone());
                    }
                    (counties.counties[found.county].clone(), true)
                }
                NameMatch::Several(_) => {
                    errors.at(line, name_header, Problem::AmbiguousName(name));
                    continue;
                }
                NameMatch::None => {
                    errors.at(line, name_header, Problem::UnknownName(name));
                    continue;
                }
            }
        };
        if let Some(&first_row) = seen.get(&unit.adcode) {
            let column = if code_raw.is_empty() {
                name_header
            } else {
                code_header
            };
            errors.at(
                line,
                column,
                Problem::DuplicateUnit {
                    adcode: unit.adcode.clone(),
                    first_row,
                },
            );
            continue;
        }
        seen.insert(unit.adcode.clone(), line);
        if let Some(from) = former_name {
            let kind = WarningKind::FormerName {
                from,
                to: unit.name_zh.clone(),
                adcode: unit.adcode.clone(),
            };
            warnings.push(Warning::new(Some(line), None, kind));
        }

        let mut row_values = vec![None; system.n_indicators()];
        for (i, col) in ind_cols.iter().enumerate() {
            let Some((c, header_text, factor)) = col else {
                continue;
            };
            let ind = &system.indicators[i];
            match values::read(get(*c)) {
                Value::Missing => {}
                Value::Number { value, percent } => {
                    if percent && ind.kind != ValueKind::Rate {
                        let p = Problem::UnexpectedPercent {
                            value: text_of(get(*c)),
                            unit: ind.unit_zh.clone(),
                        };
                        errors.at(line, header_text, p);
                    } else {
                        row_values[i] = Some(value * factor);
                    }
                }
                Value::Invalid(t) => {
                    errors.push(DataError::new(
                        Some(line),
                        Some(header_text),
                        DataErrorKind::NotANumber(t),
                    ));
                }
            }
        }
        rows.push(Row {
            line,
            unit,
            known,
            values: row_values,
        });
    }
    rows
}

/// Whole-column checks: percentages stored as fractions, negative values, missing and implausible values.
fn check_columns(
    reference: &Reference,
    rows: &mut [Row],
    ind_cols: &[Option<(usize, String, f64)>],
    errors: &mut Errors,
    warnings: &mut Vec<Warning>,
) {
    for (i, col) in ind_cols.iter().enumerate() {
        let Some((_, header, _)) = col else { continue };
        let ind = &reference.system.indicators[i];
        let present: Vec<f64> = rows.iter().filter_map(|r| r.values[i]).collect();
        if values::looks_like_fractions(ind, &present) {
            for r in rows.iter_mut() {
                r.values[i] = r.values[i].map(|v| v * 100.0);
            }
            warnings.push(Warning::new(
                None,
                Some(header),
                WarningKind::PercentAsFraction {
                    count: present.len(),
                },
            ));
        }
        for r in rows.iter() {
            let Some(v) = r.values[i] else { continue };
            if v < 0.0 && !ind.signed {
                let shown = ind.format(v);
                errors.push(DataError::new(
                    Some(r.line),
                    Some(header),
                    DataErrorKind::Negative(shown),
                ));
            }
        }
        let missing = rows.len() - present.len();
        if missing > 0 && !rows.is_empty() {
            let kind = WarningKind::MissingValues {
                count: missing,
                total: rows.len(),
            };
            warnings.push(Warning::new(None, Some(header), kind));
        }
        let values = rows.iter().filter_map(|r| r.values[i]);
        if let Some(kind) = crate::data::plausible::out_of_range(ind, values) {
            warnings.push(Warning::new(None, Some(header), kind));
        }
    }
}

/// Warnings about coverage: rows without values, units that cannot be ranked, other and absent units.
fn summarise_units(reference: &Reference, rows: &[Row], warnings: &mut Vec<Warning>) {
    let system = reference.system;
    let mut unranked = 0;
    for r in rows {
        if r.values.iter().all(Option::is_none) {
            warnings.push(Warning::new(
                Some(r.line),
                None,
                WarningKind::EmptyRow(r.unit.name_zh.clone()),
            ));
        }
        if (0..system.n_dimensions())
            .any(|d| system.indicators_of(d).all(|i| r.values[i].is_none()))
        {
            unranked += 1;
        }
    }
    if unranked > 0 {
        warnings.push(Warning::new(
            None,
            None,
            WarningKind::Unranked { count: unranked },
        ));
    }
    let others: Vec<&Row> = rows.iter().filter(|r| !r.known).collect();
    if !others.is_empty() {
        let examples = others
            .iter()
            .take(3)
            .map(|r| format!("{} {}", r.unit.adcode, r.unit.name_zh))
            .collect();
        warnings.push(Warning::new(
            None,
            None,
            WarningKind::OtherUnits {
                count: others.len(),
                examples,
            },
        ));
    }
    if rows.iter().any(|r| r.known) {
        let present: HashSet<&str> = rows.iter().map(|r| r.unit.adcode.as_str()).collect();
        let absent: Vec<&Unit> = reference
            .counties
            .iter()
            .filter(|c| !present.contains(c.adcode.as_str()))
            .collect();
        if !absent.is_empty() {
            let examples = absent.iter().take(5).map(|c| c.name_zh.clone()).collect();
            warnings.push(Warning::new(
                None,
                None,
                WarningKind::AbsentCounties {
                    count: absent.len(),
                    examples,
                },
            ));
        }
    }
}
