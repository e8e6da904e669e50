//! Imported data sets saved in the browser's localStorage: an index of names and hashes, and each data
//! set as a checked entry (`data::saved`: format, version, hash, exact CSV) under its own key. Storage
//! may be missing, refused (a sandboxed iframe, a private window) or full: every function then reports
//! it, the page says the import lasts for this visit, and nothing already saved is lost. An index that
//! cannot be read is kept aside under its own key before a new one is written, and its entries are
//! rebuilt from the saved entries themselves.

use crate::data::saved::{self, Index, LoadError, SavedEntry};
use crate::i18n::{t, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};

const INDEX_KEY: &str = "fjindex:datasets";
/// Where an unreadable index is kept, as it was.
pub const INDEX_ASIDE_KEY: &str = "fjindex:datasets:unreadable";
const DATA_PREFIX: &str = "fjindex:dataset:";

fn storage() -> Option<web_sys::Storage> {
    // Reading `localStorage` itself throws in a sandboxed iframe; that is an `Err` here, not a panic.
    crate::ui::window()?.local_storage().ok().flatten()
}

/// True when data sets can be saved: storage exists and accepts a write.
pub fn available() -> bool {
    storage().is_some_and(|s| {
        let probe = "fjindex:probe";
        let ok = s.set_item(probe, "1").is_ok();
        let _ = s.remove_item(probe);
        ok
    })
}

/// The saved data sets, newest first, and whether the stored index was unreadable (then the list is
/// rebuilt from the saved entries).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    pub entries: Vec<SavedEntry>,
    pub index_unreadable: bool,
}

fn read_index(s: &web_sys::Storage) -> Index {
    saved::parse_index(s.get_item(INDEX_KEY).ok().flatten().as_deref())
}

/// Every saved entry's own description, for rebuilding an unreadable index.
fn rebuilt_entries(s: &web_sys::Storage) -> Vec<SavedEntry> {
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(DATA_PREFIX))
        .filter_map(|k| s.get_item(&k).ok().flatten())
        .filter_map(|text| saved::entry_of_text(&text))
        .collect()
}

/// The saved data sets; empty when storage is unavailable.
pub fn list() -> Listing {
    let Some(s) = storage() else {
        return Listing {
            entries: Vec::new(),
            index_unreadable: false,
        };
    };
    match read_index(&s) {
        Index::Empty => Listing {
            entries: Vec::new(),
            index_unreadable: false,
        },
        Index::Entries(entries) => Listing {
            entries,
            index_unreadable: false,
        },
        Index::Unreadable(_) => Listing {
            entries: rebuilt_entries(&s),
            index_unreadable: true,
        },
    }
}

/// What became of a save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved,
    /// Saved, after the unreadable index was kept aside under [`INDEX_ASIDE_KEY`] and rebuilt.
    SavedIndexRebuilt,
    /// Not saved: storage is refused, full, or too small for this data set.
    NotSaved,
}

impl SaveOutcome {
    /// The message for the user after an import, if any.
    pub fn message(self, lang: Lang) -> Option<&'static str> {
        match self {
            SaveOutcome::Saved => None,
            SaveOutcome::SavedIndexRebuilt => Some(t(lang, Key::StoreIndexRebuilt)),
            SaveOutcome::NotSaved => Some(t(lang, Key::StoreNotSaved)),
        }
    }
}

/// Saves a data set (replacing one with the same hash). Nothing already saved is lost: when the entry
/// or the index cannot be written, what was written is removed again and the old index stays.
pub fn save(data: &Dataset, system: &IndicatorSystem) -> SaveOutcome {
    let entry = SavedEntry {
        meta: data.meta.clone(),
        hash: data.content_hash(),
        units: data.n_units(),
        years: Vec::new(),
    };
    save_entry(entry, || saved::entry_text(data, system))
}

/// Saves a collection of editions (oldest first, each with its year) as one entry, as [`save`] does.
pub fn save_editions(editions: &[Dataset], system: &IndicatorSystem) -> SaveOutcome {
    match saved::collection_entry(editions) {
        Some(entry) => save_entry(entry, || saved::collection_text(editions, system)),
        None => SaveOutcome::NotSaved,
    }
}

fn save_entry(entry: SavedEntry, text: impl FnOnce() -> String) -> SaveOutcome {
    let Some(s) = storage() else {
        return SaveOutcome::NotSaved;
    };
    let key = format!("{DATA_PREFIX}{}", entry.hash);
    let had_entry = s.get_item(&key).ok().flatten().is_some();
    if s.set_item(&key, &text()).is_err() {
        return SaveOutcome::NotSaved;
    }
    let (entries, rebuilt) = match read_index(&s) {
        Index::Empty => (Vec::new(), false),
        Index::Entries(entries) => (entries, false),
        Index::Unreadable(text) => {
            let aside_ok = s
                .get_item(INDEX_ASIDE_KEY)
                .ok()
                .flatten()
                .is_some_and(|t| t == text)
                || s.set_item(INDEX_ASIDE_KEY, &text).is_ok();
            if !aside_ok {
                if !had_entry {
                    let _ = s.remove_item(&key);
                }
                return SaveOutcome::NotSaved;
            }
            (rebuilt_entries(&s), true)
        }
    };
    if s.set_item(
        INDEX_KEY,
        &saved::index_text(&saved::with_entry(entries, entry)),
    )
    .is_err()
    {
        if !had_entry {
            let _ = s.remove_item(&key);
        }
        return SaveOutcome::NotSaved;
    }
    if rebuilt {
        SaveOutcome::SavedIndexRebuilt
    } else {
        SaveOutcome::Saved
    }
}

/// Whether a data set may be saved under `hash`: the index lists it, or cannot be read (then only the
/// saved entries themselves tell). Reads only the hashes of the index, so the page can say a link's
/// data set is missing without reading saved entries.
pub fn may_hold(hash: &str) -> bool {
    /// What the page reads of an index entry.
    #[derive(serde::Deserialize)]
    struct Listed {
        hash: String,
    }
    let Some(s) = storage() else {
        return false;
    };
    match s.get_item(INDEX_KEY).ok().flatten() {
        None => false,
        Some(text) => crate::json::from_str::<Vec<Listed>>(&text)
            .map_or(true, |entries| entries.iter().any(|e| e.hash == hash)),
    }
}

/// Loads a saved data set by hash with all its editions (oldest first; one for a plain data set),
/// checked (`data::saved::read_editions`), with county details attached.
pub fn load_editions(hash: &str, system: &IndicatorSystem) -> Result<Vec<Dataset>, LoadError> {
    let s = storage().ok_or(LoadError::Missing)?;
    let entry = list()
        .entries
        .into_iter()
        .find(|e| e.hash == hash)
        .ok_or(LoadError::Missing)?;
    let text = s
        .get_item(&format!("{DATA_PREFIX}{hash}"))
        .ok()
        .flatten()
        .ok_or(LoadError::Unreadable)?;
    saved::read_editions(&text, &entry, system)
}

/// Deletes a saved data set. An unreadable index is left as it is (the entry's key is removed, so a
/// rebuilt list no longer shows it).
pub fn delete(hash: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{DATA_PREFIX}{hash}"));
        if let Index::Entries(mut entries) = read_index(&s) {
            entries.retain(|e| e.hash != hash);
            let _ = s.set_item(INDEX_KEY, &saved::index_text(&entries));
        }
    }
}

/// Where an edited indicator system is kept, under its hash (`state::system::system_hash`).
const SYSTEM_PREFIX: &str = "fjindex:system:";

/// Saves an edited indicator system as its JSON under its hash, so that a share link naming it reopens
/// it; false when storage is refused or full.
pub fn save_system(system: &IndicatorSystem, hash: &str) -> bool {
    let Some(s) = storage() else {
        return false;
    };
    let key = format!("{SYSTEM_PREFIX}{hash}");
    if s.get_item(&key).ok().flatten().is_some() {
        return true;
    }
    crate::json::to_string(system).is_ok_and(|json| s.set_item(&key, &json).is_ok())
}

/// The indicator system saved under `hash`, when there is one that reads back with that hash.
pub fn load_system(hash: &str) -> Option<IndicatorSystem> {
    let text = storage()?
        .get_item(&format!("{SYSTEM_PREFIX}{hash}"))
        .ok()
        .flatten()?;
    let system = IndicatorSystem::from_json(&text).ok()?;
    (crate::state::system::system_hash(&system) == hash).then_some(system)
}
