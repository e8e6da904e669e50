//! Workbooks (XLSX and XLS; `limits` has refused the other zip-based formats and checked the XLSX
//! archive): listing the sheets and reading one into a grid.
//!
//! XLSX cells are streamed and bounded, so a crafted file that names cell XFD1048576 cannot make us
//! allocate the whole sheet rectangle; the grid never holds more than [`MAX_CELLS`] cells.

pub use super::limits::MAX_CELLS;
use super::{Cell, Grid};
use calamine::{Data, DataRef, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsx};
use std::io::Cursor;

/// Sheets larger than this are refused rather than read (rows: the limit every data file shares).
pub use crate::data::MAX_ROWS;
pub const MAX_COLUMNS: usize = 1_000;

/// Why a workbook could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkbookError {
    Unreadable(String),
    NoSheet(String),
    TooLarge,
    TooManyCells,
}

/// The names of the sheets, and the one to read by default: the first visible worksheet.
pub struct SheetList {
    pub names: Vec<String>,
    pub default: Option<String>,
}

/// Opens a zip archive as XLSX and anything else as XLS (OLE compound file); never another format.
fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, WorkbookError> {
    let unreadable = |e: &dyn std::fmt::Display| WorkbookError::Unreadable(e.to_string());
    if bytes.starts_with(b"PK") {
        Xlsx::new(Cursor::new(bytes))
            .map(Sheets::Xlsx)
            .map_err(|e| unreadable(&e))
    } else {
        Xls::new(Cursor::new(bytes))
            .map(Sheets::Xls)
            .map_err(|e| unreadable(&e))
    }
}

fn sheet_list<R: std::io::Read + std::io::Seek>(book: &Sheets<R>) -> SheetList {
    let meta = book.sheets_metadata();
    let default = meta
        .iter()
        .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .or_else(|| meta.first())
        .map(|s| s.name.clone());
    SheetList {
        names: meta.iter().map(|s| s.name.clone()).collect(),
        default,
    }
}

/// The names of a workbook's visible worksheets; `None` when it cannot be opened.
pub fn sheet_names(bytes: &[u8]) -> Option<Vec<String>> {
    let book = open(bytes).ok()?;
    Some(
        book.sheets_metadata()
            .iter()
            .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
            .map(|s| s.name.clone())
            .collect(),
    )
}

/// Reads the chosen sheet (or the default one) of a workbook.
pub fn read(
    bytes: &[u8],
    sheet: Option<&str>,
) -> (SheetList, Result<(String, Grid), WorkbookError>) {
    let mut book = match open(bytes) {
        Ok(b) => b,
        Err(e) => {
            return (
                SheetList {
                    names: Vec::new(),
                    default: None,
                },
                Err(e),
            )
        }
    };
    let list = sheet_list(&book);
    let name = match sheet.map(str::to_string).or_else(|| list.default.clone()) {
        Some(n) if list.names.contains(&n) => n,
        Some(n) => return (list, Err(WorkbookError::NoSheet(n))),
        None => return (list, Err(WorkbookError::NoSheet(String::new()))),
    };
    let grid = match &mut book {
        Sheets::Xlsx(x) => stream_xlsx(x, &name),
        other => other
            .worksheet_range(&name)
            .map_err(|e| WorkbookError::Unreadable(e.to_string()))
            .and_then(|range| from_range(&range)),
    };
    (list, grid.map(|g| (name, g)))
}

fn cell_of(data: &DataRef<'_>) -> Cell {
    match data {
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Bool(b) => Cell::Error(b.to_string()),
        DataRef::DateTime(d) => Cell::Error(format!("{}", d.as_f64())),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Error(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::Empty => Cell::Empty,
    }
}

fn text(s: &str) -> Cell {
    if s.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn stream_xlsx<R: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<R>,
    name: &str,
) -> Result<Grid, WorkbookError> {
    let unreadable = |e: calamine::XlsxError| WorkbookError::Unreadable(e.to_string());
    let mut reader = book.worksheet_cells_reader(name).map_err(unreadable)?;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut held = 0usize;
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let (r, c) = cell.get_position();
        let (r, c) = (r as usize, c as usize);
        let value = cell_of(cell.get_value());
        if value == Cell::Empty {
            continue;
        }
        if r >= MAX_ROWS || c >= MAX_COLUMNS {
            return Err(WorkbookError::TooLarge);
        }
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.len() <= c {
            held += c + 1 - row.len();
            if held > MAX_CELLS {
                return Err(WorkbookError::TooManyCells);
            }
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = value;
    }
    Ok(Grid { rows, first_row: 1 })
}

fn from_range(range: &calamine::Range<Data>) -> Result<Grid, WorkbookError> {
    let (height, width) = range.get_size();
    if height > MAX_ROWS || width > MAX_COLUMNS {
        return Err(WorkbookError::TooLarge);
    }
    if height * width > MAX_CELLS {
        return Err(WorkbookError::TooManyCells);
    }
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); r0 as usize];
    for row in range.rows() {
        let mut cells = vec![Cell::Empty; c0 as usize];
        cells.extend(row.iter().map(|d| match d {
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Float(f) => Cell::Number(*f),
            Data::String(s) => text(s),
            Data::Bool(b) => Cell::Error(b.to_string()),
            Data::DateTime(d) => Cell::Error(format!("{}", d.as_f64())),
            Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Error(s.clone()),
            Data::Error(e) => Cell::Error(e.to_string()),
            Data::Empty => Cell::Empty,
        }));
        rows.push(cells);
    }
    Ok(Grid { rows, first_row: 1 })
}
