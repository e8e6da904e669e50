//! Imported data sets saved in the browser's localStorage: an index of names and hashes, and each data
//! set as exact wide CSV under its own key. Storage may be missing or refused (a sandboxed iframe, a
//! private window): every function then reports it and the page works on without saving.

use crate::data::{export, seeds, wide_csv};
use crate::json;
use crate::model::{Dataset, DatasetMeta, IndicatorSystem};
use serde::{Deserialize, Serialize};

const INDEX_KEY: &str = "fjindex:datasets";
const DATA_PREFIX: &str = "fjindex:dataset:";

/// One saved data set as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedEntry {
    pub meta: DatasetMeta,
    pub hash: String,
    pub units: usize,
}

fn storage() -> Option<web_sys::Storage> {
    // Reading `localStorage` itself throws in a sandboxed iframe; that is an `Err` here, not a panic.
    web_sys::window()?.local_storage().ok().flatten()
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

/// The saved data sets, newest first; empty when storage is unavailable or the index is unreadable.
pub fn list() -> Vec<SavedEntry> {
    storage()
        .and_then(|s| s.get_item(INDEX_KEY).ok().flatten())
        .and_then(|text| json::from_str(&text).ok())
        .unwrap_or_default()
}

fn write_index(s: &web_sys::Storage, entries: &[SavedEntry]) -> bool {
    json::to_string(entries).is_ok_and(|text| s.set_item(INDEX_KEY, &text).is_ok())
}

/// Saves a data set (replacing one with the same hash); false when it could not be stored.
pub fn save(data: &Dataset, system: &IndicatorSystem) -> bool {
    let Some(s) = storage() else { return false };
    let hash = data.content_hash();
    if s.set_item(
        &format!("{DATA_PREFIX}{hash}"),
        &export::exact_csv(data, system),
    )
    .is_err()
    {
        return false;
    }
    let mut entries = list();
    entries.retain(|e| e.hash != hash);
    entries.insert(
        0,
        SavedEntry {
            meta: data.meta.clone(),
            hash,
            units: data.n_units(),
        },
    );
    write_index(&s, &entries)
}

/// Loads a saved data set by hash, with county details attached; `None` if absent or unreadable.
pub fn load(hash: &str, system: &IndicatorSystem) -> Option<Dataset> {
    let s = storage()?;
    let entry = list().into_iter().find(|e| e.hash == hash)?;
    let text = s.get_item(&format!("{DATA_PREFIX}{hash}")).ok().flatten()?;
    let mut data = wide_csv::read(&text, system, entry.meta).ok()?;
    seeds::attach_county_details(&mut data, &seeds::counties());
    Some(data)
}

/// Deletes a saved data set.
pub fn delete(hash: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{DATA_PREFIX}{hash}"));
        let mut entries = list();
        entries.retain(|e| e.hash != hash);
        write_index(&s, &entries);
    }
}
