//! Limits a file must meet before any parser sees it, so that a small hostile file can exhaust neither
//! memory nor time: the file's size; for zip-based workbooks the number of entries, each entry's
//! declared inflated size, their total and the compression ratio (all read from the central directory
//! before anything is inflated), then one bounded pass over every entry that refuses an entry inflating
//! to more than it declares and checks each sheet's cell references against Excel's grid, since
//! calamine 0.38 wraps a reference such as `D4294967301` onto another cell.

use super::messages::Problem;
use quick_xml::events::{BytesStart, Event};
use std::io::{self, BufReader, Cursor, Read};

/// The largest file read at all, in bytes (64 MiB).
pub const MAX_FILE_BYTES: usize = 64 << 20;
/// The most entries a zip-based workbook may hold.
pub const MAX_ZIP_ENTRIES: usize = 1_000;
/// The largest inflated size one entry may declare (256 MiB).
pub const MAX_ENTRY_BYTES: u64 = 256 << 20;
/// The largest inflated size all entries together may declare (512 MiB).
pub const MAX_TOTAL_BYTES: u64 = 512 << 20;
/// The highest ratio of inflated to compressed size of an entry larger than [`RATIO_FLOOR`].
pub const MAX_RATIO: u64 = 200;
/// Entries that inflate to less than this (1 MiB) are not held to [`MAX_RATIO`].
pub const RATIO_FLOOR: u64 = 1 << 20;
/// The most cells a sheet may hold (`<c>` elements of an XLSX sheet, the cells of an XLS sheet's range).
pub const MAX_CELLS: usize = 6_000_000;
/// Excel's grid: rows 1..=1,048,576 and columns A..=XFD.
pub const EXCEL_ROWS: u64 = 1_048_576;
pub const EXCEL_COLUMNS: u64 = 16_384;

/// The kinds of zip-based workbook, told apart by their entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ZipKind {
    Xlsx,
    Ods,
    Xlsb,
}

/// Refuses a file larger than [`MAX_FILE_BYTES`].
pub fn check_file_size(len: usize) -> Result<(), Problem> {
    if len > MAX_FILE_BYTES {
        return Err(Problem::FileTooLarge {
            bytes: len as u64,
            limit: MAX_FILE_BYTES as u64,
        });
    }
    Ok(())
}

/// One entry as the central directory describes it.
struct Entry {
    name: String,
    size: u64,
    compressed: u64,
}

fn unreadable(e: impl std::fmt::Display) -> Problem {
    Problem::Unreadable(e.to_string())
}

/// Checks a zip-based workbook before calamine opens it: it must be an XLSX (ODS and XLSB are
/// refused), within every limit above, with every entry inflating to exactly what it declares and
/// every cell reference inside Excel's grid. Each entry is inflated once, as a stream.
pub fn check_zip(bytes: &[u8]) -> Result<(), Problem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(Problem::TooManyEntries {
            count: archive.len(),
            limit: MAX_ZIP_ENTRIES,
        });
    }
    let entries = (0..archive.len())
        .map(|k| {
            let f = archive.by_index_raw(k).map_err(unreadable)?;
            Ok(Entry {
                name: f.name().map_err(unreadable)?.into_owned(),
                size: f.size(),
                compressed: f.compressed_size(),
            })
        })
        .collect::<Result<Vec<_>, Problem>>()?;
    match kind(&entries) {
        ZipKind::Ods => return Err(Problem::OdsRefused),
        ZipKind::Xlsb => return Err(Problem::XlsbRefused),
        ZipKind::Xlsx => {}
    }
    check_declared(&entries)?;
    for (k, entry) in entries.iter().enumerate() {
        // The raw bytes, inflated here, so that the declared size is the only bound that applies.
        let raw = archive.by_index_raw(k).map_err(unreadable)?;
        match raw.compression() {
            zip::CompressionMethod::Stored => inflate_checked(raw, entry)?,
            zip::CompressionMethod::Deflated => {
                inflate_checked(flate2::read::DeflateDecoder::new(raw), entry)?
            }
            other => return Err(unreadable(format!("{}: {other:?}", entry.name))),
        }
    }
    Ok(())
}

fn kind(entries: &[Entry]) -> ZipKind {
    let has = |n: &str| entries.iter().any(|e| e.name.eq_ignore_ascii_case(n));
    if has("xl/workbook.bin") {
        ZipKind::Xlsb
    } else if !has("[Content_Types].xml") && (has("content.xml") || has("mimetype")) {
        ZipKind::Ods
    } else {
        ZipKind::Xlsx
    }
}

/// The limits on what the central directory declares, checked before anything is inflated.
fn check_declared(entries: &[Entry]) -> Result<(), Problem> {
    let mut total: u64 = 0;
    for e in entries {
        if e.size > MAX_ENTRY_BYTES {
            return Err(Problem::EntryTooLarge {
                entry: e.name.clone(),
                bytes: e.size,
                limit: MAX_ENTRY_BYTES,
            });
        }
        if e.size >= RATIO_FLOOR && e.size / e.compressed.max(1) > MAX_RATIO {
            return Err(Problem::CompressionRatio {
                entry: e.name.clone(),
                ratio: e.size / e.compressed.max(1),
                limit: MAX_RATIO,
            });
        }
        total = total.saturating_add(e.size);
    }
    if total > MAX_TOTAL_BYTES {
        return Err(Problem::ArchiveTooLarge {
            bytes: total,
            limit: MAX_TOTAL_BYTES,
        });
    }
    Ok(())
}

/// A reader that fails once more bytes come out than the entry declared, and notes it.
struct Declared<R> {
    inner: R,
    left: u64,
    exceeded: bool,
}

impl<R: Read> Read for Declared<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // Asking for one byte more than declared is how an entry lying about its size shows itself.
        let room = usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX);
        let want = buf.len().min(room);
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > self.left {
            self.exceeded = true;
            return Err(io::Error::other("entry larger than declared"));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// Inflates one entry as a stream, scanning it for cell references on the way.
fn inflate_checked(file: impl Read, entry: &Entry) -> Result<(), Problem> {
    let mut reader = Declared {
        inner: file,
        left: entry.size,
        exceeded: false,
    };
    // Every entry is scanned, not only those named like sheets: calamine follows the workbook's
    // relationships, which may name any entry as a sheet.
    let result = scan_references(&mut reader);
    if reader.exceeded {
        return Err(Problem::EntryLies {
            entry: entry.name.clone(),
            bytes: entry.size,
        });
    }
    result
}

/// Checks every `r` of a `<c>` or `<row>` and every `ref` of a `<dimension>`, and counts the cells.
/// Malformed XML is left for calamine to report; the rest of the entry is still inflated, so that its
/// size is checked.
fn scan_references<R: Read>(source: &mut R) -> Result<(), Problem> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(source));
    xml.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut cells = 0usize;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                check_element(&e, &mut cells)?;
            }
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(_) => break,
        }
    }
    io::copy(xml.get_mut(), &mut io::sink())
        .map(drop)
        .map_err(unreadable)
}

fn check_element(e: &BytesStart, cells: &mut usize) -> Result<(), Problem> {
    let (attribute, is_range) = match e.local_name().as_ref() {
        "c" => {
            *cells += 1;
            if *cells > MAX_CELLS {
                return Err(Problem::TooManyCells { limit: MAX_CELLS });
            }
            ("r", false)
        }
        "row" => ("r", false),
        "dimension" => ("ref", true),
        _ => return Ok(()),
    };
    for a in e.attributes().with_checks(false).flatten() {
        if a.key.as_ref() != attribute {
            continue;
        }
        if is_range {
            check_range(a.value.as_bytes())?;
        } else {
            cell_position(a.value.as_bytes())?;
        }
    }
    Ok(())
}

/// The 1-based column (0 when there are no letters) and row of a reference such as `D5`, read as
/// calamine reads it but without overflow; a reference outside Excel's grid is an error naming it.
/// Anything else calamine itself refuses (a stray character, row 0) is left to it.
pub fn cell_position(reference: &[u8]) -> Result<(u64, u64), Problem> {
    let beyond = || Problem::BeyondExcel(display(reference));
    let letters = reference
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let mut column: u64 = 0;
    for b in &reference[..letters] {
        column = column * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1;
        if column > EXCEL_COLUMNS {
            return Err(beyond());
        }
    }
    let mut row: u64 = 0;
    for b in reference[letters..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
    {
        row = row * 10 + u64::from(b - b'0');
        if row > EXCEL_ROWS {
            return Err(beyond());
        }
    }
    Ok((column, row))
}

/// A `<dimension ref>`: one or two references, the second not before the first.
fn check_range(range: &[u8]) -> Result<(), Problem> {
    let parts: Vec<&[u8]> = range.split(|b| *b == b':').collect();
    let ends = parts
        .iter()
        .map(|p| cell_position(p))
        .collect::<Result<Vec<_>, _>>()?;
    if let [(c0, r0), (c1, r1)] = ends[..] {
        if c1 < c0 || r1 < r0 {
            return Err(Problem::BadDimension(display(range)));
        }
    }
    Ok(())
}

/// A reference as it may be shown: at most 40 characters, lossily decoded.
fn display(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text.into_owned()
    }
}
