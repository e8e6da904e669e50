//! What the page needs of the data sets saved in the browser without reading one (`data::saved` reads
//! and writes the entries themselves, in the panels module): the index of saved entries, the hash a
//! collection of editions is saved under, and why a saved data set could not be used.

use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, DatasetMeta, Lang};
use serde::{Deserialize, Serialize};

/// One saved data set as the index lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedEntry {
    pub meta: DatasetMeta,
    pub hash: String,
    pub units: usize,
    /// The years of a saved collection of editions, oldest first; empty for one data set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<i32>,
}

/// The hash a collection of editions is saved under: of each edition's year and content hash, as `e`
/// and 15 hexadecimal digits, 16 characters like a data set's content hash, which a link's `ds=` takes.
pub fn collection_hash<'a>(editions: impl IntoIterator<Item = &'a Dataset>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for d in editions {
        let part = format!("{}:{};", d.meta.year.unwrap_or_default(), d.content_hash());
        for b in part.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("e{:015x}", h >> 4)
}

/// Why a saved data set could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Nothing is saved under that hash.
    Missing,
    /// The saved text is not a readable entry (truncated, edited, or of another program).
    Unreadable,
    /// The entry was written by a newer version of the page.
    NewerVersion(u32),
    /// The entry reads, but its values do not give the hash it was saved under.
    HashMismatch { expected: String, found: String },
    /// What reads saved entries (the page's panels module) could not be loaded, for this reason.
    Unavailable(String),
}

impl LoadError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LoadError::Missing => t(lang, Key::SavedMissing).into(),
            LoadError::Unreadable => t(lang, Key::SavedUnreadable).into(),
            LoadError::NewerVersion(v) => tf(lang, Key::SavedNewerVersion, &[&v.to_string()]),
            LoadError::HashMismatch { .. } => t(lang, Key::SavedHashMismatch).into(),
            LoadError::Unavailable(reason) => reason.clone(),
        }
    }

    /// The error as a text that [`LoadError::from_code`] reads back (it crosses from the panels
    /// module to the page).
    pub fn code(&self) -> String {
        match self {
            LoadError::Missing => "missing".to_string(),
            LoadError::Unreadable => "unreadable".to_string(),
            LoadError::NewerVersion(v) => format!("newer {v}"),
            LoadError::HashMismatch { expected, found } => format!("hash {expected} {found}"),
            LoadError::Unavailable(reason) => format!("unavailable {reason}"),
        }
    }

    /// The error of a text from [`LoadError::code`]; a text that is not one is an unreadable entry.
    pub fn from_code(code: &str) -> Self {
        let (kind, rest) = code.split_once(' ').unwrap_or((code, ""));
        match (kind, rest.split_once(' ')) {
            ("missing", _) => LoadError::Missing,
            ("newer", _) if rest.parse::<u32>().is_ok() => {
                LoadError::NewerVersion(rest.parse().unwrap_or_default())
            }
            ("hash", Some((expected, found))) => LoadError::HashMismatch {
                expected: expected.to_string(),
                found: found.to_string(),
            },
            ("unavailable", _) => LoadError::Unavailable(rest.to_string()),
            _ => LoadError::Unreadable,
        }
    }
}

/// The index as read from storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Index {
    /// Nothing saved yet.
    Empty,
    Entries(Vec<SavedEntry>),
    /// The stored text is not an index; it is kept as it is.
    Unreadable(String),
}

/// Reads the index text (`None` when there is none).
pub fn parse_index(text: Option<&str>) -> Index {
    match text {
        None => Index::Empty,
        Some(t) => match crate::json::from_str::<Vec<SavedEntry>>(t) {
            Ok(entries) => Index::Entries(entries),
            Err(_) => Index::Unreadable(t.to_string()),
        },
    }
}

/// The index text for `entries`.
pub fn index_text(entries: &[SavedEntry]) -> String {
    crate::json::to_string(entries).unwrap_or_else(|_| "[]".into())
}

/// The index after saving `entry`: it first, without another entry of the same hash.
pub fn with_entry(mut entries: Vec<SavedEntry>, entry: SavedEntry) -> Vec<SavedEntry> {
    entries.retain(|e| e.hash != entry.hash);
    entries.insert(0, entry);
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_error_reads_back_from_its_code() {
        for error in [
            LoadError::Missing,
            LoadError::Unreadable,
            LoadError::NewerVersion(7),
            LoadError::HashMismatch {
                expected: "0123456789abcdef".to_string(),
                found: "e0123456789abcde".to_string(),
            },
            LoadError::Unavailable("Failed to fetch dynamically imported module".to_string()),
        ] {
            assert_eq!(LoadError::from_code(&error.code()), error);
        }
        assert_eq!(LoadError::from_code("newer x"), LoadError::Unreadable);
        assert_eq!(LoadError::from_code(""), LoadError::Unreadable);
    }
}
