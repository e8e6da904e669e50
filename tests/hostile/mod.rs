//! Hostile workbooks for the import-limit tests and benchmark: a minimal zip writer whose central
//! directory may declare any sizes (so an entry can lie), deflate by streaming (so a bomb is built
//! without holding its inflated bytes), and edits of the committed XLSX fixture.
// Each crate that includes this module uses only some of it.
#![allow(dead_code)]

use flate2::write::DeflateEncoder;
use flate2::Compression;
use std::io::{Cursor, Read, Write};

/// One entry: its name, its stored bytes (deflated unless `stored`), what it declares, its CRC.
pub struct Entry {
    pub name: String,
    pub data: Vec<u8>,
    pub declared: u64,
    pub crc: u32,
    pub stored: bool,
}

impl Entry {
    /// An honest deflated entry.
    pub fn deflated(name: &str, body: &[u8]) -> Self {
        let mut e = DeflateEncoder::new(Vec::new(), Compression::fast());
        e.write_all(body).unwrap();
        Self {
            name: name.into(),
            data: e.finish().unwrap(),
            declared: body.len() as u64,
            crc: crc32fast::hash(body),
            stored: false,
        }
    }

    /// An honest deflated entry of `len` bytes of `byte`, built without holding them.
    pub fn deflated_fill(name: &str, byte: u8, len: u64) -> Self {
        let chunk = vec![byte; 1 << 20];
        let mut e = DeflateEncoder::new(Vec::new(), Compression::default());
        let mut crc = crc32fast::Hasher::new();
        let mut left = len;
        while left > 0 {
            let n = left.min(chunk.len() as u64) as usize;
            e.write_all(&chunk[..n]).unwrap();
            crc.update(&chunk[..n]);
            left -= n as u64;
        }
        Self {
            name: name.into(),
            data: e.finish().unwrap(),
            declared: len,
            crc: crc.finalize(),
            stored: false,
        }
    }

    /// The same entry declaring another inflated size.
    pub fn declaring(mut self, declared: u64) -> Self {
        self.declared = declared;
        self
    }
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A zip archive of the entries, each declaring what it says (sizes up to 4 GiB, no zip64).
pub fn zip(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let method = if e.stored { 0 } else { 8 };
        let header = |out: &mut Vec<u8>| {
            u16le(out, 20);
            u16le(out, 0);
            u16le(out, method);
            u16le(out, 0);
            u16le(out, 0x21);
            u32le(out, e.crc);
            u32le(out, e.data.len() as u32);
            u32le(out, e.declared as u32);
            u16le(out, e.name.len() as u16);
            u16le(out, 0);
        };
        u32le(&mut out, 0x0403_4b50);
        header(&mut out);
        out.extend_from_slice(e.name.as_bytes());
        out.extend_from_slice(&e.data);
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20);
        header(&mut central);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(e.name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u32le(&mut out, 0);
    u16le(&mut out, entries.len() as u16);
    u16le(&mut out, entries.len() as u16);
    u32le(&mut out, central.len() as u32);
    u32le(&mut out, start);
    u16le(&mut out, 0);
    out
}

/// The entries of an archive, inflated.
pub fn parts(xlsx: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    (0..archive.len())
        .map(|k| {
            let mut f = archive.by_index(k).unwrap();
            let mut body = Vec::new();
            f.read_to_end(&mut body).unwrap();
            (f.name().unwrap().to_string(), body)
        })
        .collect()
}

/// The committed XLSX fixture (`tests/fixtures/data.xlsx`, sheet "2024" first).
pub fn fixture_xlsx() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/data.xlsx"
    ))
    .unwrap()
}

/// The fixture with `edit` applied to its first sheet's XML.
pub fn edit_first_sheet(edit: impl Fn(&str) -> String) -> Vec<u8> {
    let entries: Vec<Entry> = parts(&fixture_xlsx())
        .into_iter()
        .map(|(name, body)| {
            if name == "xl/worksheets/sheet1.xml" {
                let xml = edit(std::str::from_utf8(&body).unwrap());
                Entry::deflated(&name, xml.as_bytes())
            } else {
                Entry::deflated(&name, &body)
            }
        })
        .collect();
    zip(&entries)
}

/// The fixture with one more cell, holding 7777, at `reference` in its last row.
pub fn with_cell(reference: &str) -> Vec<u8> {
    edit_first_sheet(|xml| {
        let at = xml.rfind("</row>").unwrap();
        format!(
            "{}<c r=\"{reference}\"><v>7777</v></c>{}",
            &xml[..at],
            &xml[at..]
        )
    })
}

/// The fixture with its first sheet's entry replaced by `sheet` (its name is set here).
pub fn with_sheet(sheet: Entry) -> Vec<u8> {
    let mut sheet = Some(sheet);
    let entries: Vec<Entry> = parts(&fixture_xlsx())
        .into_iter()
        .map(
            |(name, body)| match sheet.take_if(|_| name == "xl/worksheets/sheet1.xml") {
                Some(s) => Entry { name, ..s },
                None => Entry::deflated(&name, &body),
            },
        )
        .collect();
    zip(&entries)
}

/// A sheet of `rows` units under a header of the given indicator ids (adcode, name, then one number
/// per indicator), deflated as it is written.
pub fn wide_sheet(rows: usize, indicators: &[String]) -> Entry {
    let mut e = DeflateEncoder::new(Vec::new(), Compression::fast());
    let mut crc = crc32fast::Hasher::new();
    let mut len = 0u64;
    let mut put = |s: &str| {
        e.write_all(s.as_bytes()).unwrap();
        crc.update(s.as_bytes());
        len += s.len() as u64;
    };
    put("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    let text = |s: &str| format!("<c t=\"inlineStr\"><is><t>{s}</t></is></c>");
    let mut header = String::from("<row r=\"1\">");
    header.push_str(&text("adcode"));
    header.push_str(&text("name_zh"));
    for id in indicators {
        header.push_str(&text(id));
    }
    header.push_str("</row>");
    put(&header);
    for k in 0..rows {
        let mut row = format!("<row r=\"{}\"><c><v>{}</v></c>", k + 2, 110_000 + k);
        row.push_str(&text(&format!("单位{k}")));
        for i in 0..indicators.len() {
            row.push_str(&format!("<c><v>{}</v></c>", 1 + (k * 7 + i * 13) % 97));
        }
        row.push_str("</row>");
        put(&row);
    }
    put("</sheetData></worksheet>");
    Entry {
        name: String::new(),
        data: e.finish().unwrap(),
        declared: len,
        crc: crc.finalize(),
        stored: false,
    }
}
