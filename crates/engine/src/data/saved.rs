//! The format of data sets saved in the browser (`ui::storage` moves the texts in and out of
//! localStorage): each saved entry is a JSON envelope with a format name, a version, the content hash
//! and the metadata, around the data set as exact wide CSV; the index lists the entries. Everything
//! read back is checked: a damaged entry, one whose values no longer match its hash, or one written by
//! a newer version is reported, never used, and an index that cannot be read is reported, never
//! silently replaced (its entries can be rebuilt from the saved entries themselves).

pub use super::saved_index::{
    collection_hash, index_text, parse_index, with_entry, Index, LoadError, SavedEntry,
};
use crate::data::{export, seeds, wide_csv};
use crate::model::{Dataset, DatasetMeta, IndicatorSystem};
use serde::{Deserialize, Serialize};

/// The format name every saved entry carries.
pub const FORMAT: &str = "fjindex-dataset";
/// The version of the entry format this build writes and reads; earlier builds stored bare CSV
/// (version 0), which is still read, checked against the hash in the index.
pub const VERSION: u32 = 1;
/// The version of an entry holding several editions (years), which builds before it report as
/// written by a newer version instead of reading only one year; one-edition entries stay version 1.
pub const EDITIONS_VERSION: u32 = 2;

/// A saved data set: the envelope around its exact CSV.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    hash: String,
    meta: DatasetMeta,
    csv: String,
    /// The editions of a collection (version 2), oldest first; `meta` and `csv` are then the latest's
    /// and `hash` is [`collection_hash`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    editions: Vec<SavedEdition>,
}

/// One edition of a saved collection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct SavedEdition {
    hash: String,
    meta: DatasetMeta,
    csv: String,
}

/// The index entry of a collection of editions (oldest first, each with its year) saved together.
pub fn collection_entry(editions: &[Dataset]) -> Option<SavedEntry> {
    let latest = editions.last()?;
    Some(SavedEntry {
        meta: latest.meta.clone(),
        hash: collection_hash(editions),
        units: latest.n_units(),
        years: editions.iter().filter_map(|d| d.meta.year).collect(),
    })
}

/// The text saved for a collection of editions (oldest first, each with its year).
pub fn collection_text(editions: &[Dataset], system: &IndicatorSystem) -> String {
    let Some(latest) = editions.last() else {
        return String::new();
    };
    let envelope = Envelope {
        format: FORMAT.into(),
        version: EDITIONS_VERSION,
        hash: collection_hash(editions),
        meta: latest.meta.clone(),
        csv: export::exact_csv(latest, system),
        editions: editions
            .iter()
            .map(|d| SavedEdition {
                hash: d.content_hash(),
                meta: d.meta.clone(),
                csv: export::exact_csv(d, system),
            })
            .collect(),
    };
    crate::json::to_string(&envelope).unwrap_or_default()
}

/// Reads a saved entry listed as `entry` with all its editions: for a collection, every edition
/// (oldest first), each checked against its hash and together against the collection's; for one data
/// set, that data set alone ([`read_entry`]).
pub fn read_editions(
    text: &str,
    entry: &SavedEntry,
    system: &IndicatorSystem,
) -> Result<Vec<Dataset>, LoadError> {
    if !text.trim_start().starts_with('{') {
        return read_entry(text, entry, system).map(|d| vec![d]);
    }
    let envelope = parse_envelope(text)?;
    if envelope.editions.is_empty() {
        return read_entry(text, entry, system).map(|d| vec![d]);
    }
    if envelope.hash != entry.hash {
        return Err(LoadError::HashMismatch {
            expected: entry.hash.clone(),
            found: envelope.hash,
        });
    }
    let mut editions = Vec::with_capacity(envelope.editions.len());
    for e in envelope.editions {
        let mut data = wide_csv::read(&e.csv, system, e.meta).map_err(|_| LoadError::Unreadable)?;
        let found = data.content_hash();
        if found != e.hash {
            return Err(LoadError::HashMismatch {
                expected: e.hash,
                found,
            });
        }
        seeds::attach_county_details(&mut data, &seeds::counties());
        editions.push(data);
    }
    let found = collection_hash(&editions);
    if found != envelope.hash {
        return Err(LoadError::HashMismatch {
            expected: envelope.hash,
            found,
        });
    }
    Ok(editions)
}

/// The text saved for a data set.
pub fn entry_text(data: &Dataset, system: &IndicatorSystem) -> String {
    let envelope = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        hash: data.content_hash(),
        meta: data.meta.clone(),
        csv: export::exact_csv(data, system),
        editions: Vec::new(),
    };
    crate::json::to_string(&envelope).unwrap_or_default()
}

/// Reads a saved entry listed as `entry`: the data set (with county details) if the entry is readable,
/// of a known version, and its values give the hash it is listed under.
pub fn read_entry(
    text: &str,
    entry: &SavedEntry,
    system: &IndicatorSystem,
) -> Result<Dataset, LoadError> {
    let (meta, csv, hash) = if text.trim_start().starts_with('{') {
        let envelope = parse_envelope(text)?;
        if !envelope.editions.is_empty() {
            // A collection: its latest edition.
            let mut editions = read_editions(text, entry, system)?;
            return editions.pop().ok_or(LoadError::Unreadable);
        }
        if envelope.hash != entry.hash {
            return Err(LoadError::HashMismatch {
                expected: entry.hash.clone(),
                found: envelope.hash,
            });
        }
        (envelope.meta, envelope.csv, envelope.hash)
    } else {
        // Version 0: bare CSV under the index's metadata and hash.
        (entry.meta.clone(), text.to_string(), entry.hash.clone())
    };
    let mut data = wide_csv::read(&csv, system, meta).map_err(|_| LoadError::Unreadable)?;
    let found = data.content_hash();
    if found != hash {
        return Err(LoadError::HashMismatch {
            expected: hash,
            found,
        });
    }
    seeds::attach_county_details(&mut data, &seeds::counties());
    Ok(data)
}

fn parse_envelope(text: &str) -> Result<Envelope, LoadError> {
    let envelope: Envelope = crate::json::from_str(text).map_err(|_| LoadError::Unreadable)?;
    if envelope.format != FORMAT {
        return Err(LoadError::Unreadable);
    }
    if envelope.version > EDITIONS_VERSION
        || (envelope.version > VERSION && envelope.editions.is_empty())
    {
        return Err(LoadError::NewerVersion(envelope.version));
    }
    Ok(envelope)
}

/// The index entry a saved entry's own text describes (for rebuilding an unreadable index); `None`
/// for bare CSV of version 0 or text that does not read.
pub fn entry_of_text(text: &str) -> Option<SavedEntry> {
    let envelope = parse_envelope(text).ok()?;
    let units = envelope
        .csv
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
        .saturating_sub(1);
    Some(SavedEntry {
        years: envelope
            .editions
            .iter()
            .filter_map(|e| e.meta.year)
            .collect(),
        meta: envelope.meta,
        hash: envelope.hash,
        units,
    })
}
