//! Named scenarios in the browser's localStorage, under their own key, in the checked format of
//! `crate::scenarios`. Storage may be missing, refused (a sandboxed iframe, a private window) or full:
//! every change then reports it and writes nothing, so the saved list and the current scenario stay as
//! they were. A stored list that cannot be read is reported and never written over.

use crate::i18n::{t, tf, Key};
use crate::model::{IndicatorSystem, Lang};
use crate::scenarios::{self, NameError, ReadError, SavedScenario};

const KEY: &str = "fjindex:scenarios";

fn storage() -> Option<web_sys::Storage> {
    // Reading `localStorage` itself throws in a sandboxed iframe; that is an `Err` here, not a panic.
    crate::ui::window()?.local_storage().ok().flatten()
}

/// Why the saved scenarios could not be read or changed.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// The browser gives no storage.
    Unavailable,
    /// The storage refused the write (full, or saving not allowed).
    NotSaved,
    /// The stored list does not read; it is left as it is.
    ListUnreadable(ReadError),
    /// The change itself was refused (a name taken, empty, too long...).
    Name(NameError),
}

impl StoreError {
    pub fn message(&self, lang: Lang, system: &IndicatorSystem) -> String {
        match self {
            StoreError::Unavailable => t(lang, Key::ScenarioStoreUnavailable).into(),
            StoreError::NotSaved => t(lang, Key::ScenarioStoreNotSaved).into(),
            StoreError::ListUnreadable(e) => tf(
                lang,
                Key::ScenarioStoreListUnreadable,
                &[&e.message(lang, system)],
            ),
            StoreError::Name(e) => e.message(lang),
        }
    }
}

/// The saved scenarios as stored (damaged entries included; `scenarios::check_entry` checks each).
pub fn load() -> Result<Vec<SavedScenario>, StoreError> {
    let s = storage().ok_or(StoreError::Unavailable)?;
    let text = s.get_item(KEY).map_err(|_| StoreError::Unavailable)?;
    scenarios::read_list(text.as_deref()).map_err(StoreError::ListUnreadable)
}

/// Applies `change` to the stored list and writes the result; on any failure nothing is written.
pub fn update(
    change: impl FnOnce(&[SavedScenario]) -> Result<Vec<SavedScenario>, NameError>,
) -> Result<Vec<SavedScenario>, StoreError> {
    let entries = load()?;
    let changed = change(&entries).map_err(StoreError::Name)?;
    let s = storage().ok_or(StoreError::Unavailable)?;
    s.set_item(KEY, &scenarios::list_text(&changed))
        .map_err(|_| StoreError::NotSaved)?;
    Ok(changed)
}
