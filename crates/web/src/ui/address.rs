//! The page address: restores the view a share link describes (with an edited indicator system saved
//! in this browser), once at start, then keeps the address bar on the current view. A data set saved in
//! this browser that the link names is read by the panels module (`panels_host::read_saved_data`), which
//! the page loads for it; meanwhile the page says so, and the link is restored once it is read. It runs in `App`,
//! so it works whichever panels an embedding page hides; what it decides is `crate::state::address`,
//! tested natively.

use super::storage;
use super::{panels_host, Ptr};
use super::{Dispatch, LatestState, Store};
use crate::data::saved_index::{collection_hash, LoadError};
use crate::share::{DatasetRef, Embed};
use crate::state::address::{
    address_dataset, linked_dataset, restore_link_with_system, view_query,
};
use crate::state::system::system_ref;
use yew::prelude::*;

/// How long the address waits for changes to pause before it follows them, in milliseconds.
const ADDRESS_PAUSE_MS: u32 = 150;

fn location() -> Option<web_sys::Location> {
    crate::ui::window().map(|w| w.location())
}

/// The page address without its query, to which a share query is appended.
fn base_url() -> String {
    location().map_or(String::new(), |l| {
        format!(
            "{}{}",
            l.origin().unwrap_or_default(),
            l.pathname().unwrap_or_default()
        )
    })
}

/// The current view as the address bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareLink {
    /// The share query, without the `?`; empty for the default view.
    pub query: String,
    /// The data set the address names.
    pub dataset: DatasetRef,
    /// The name of the saved data set the opened link names while it is being read; the link is
    /// restored once it is.
    pub reading_saved: Option<String>,
}

impl ShareLink {
    /// The whole link: the page address with the query.
    pub fn url(&self) -> String {
        if self.query.is_empty() {
            base_url()
        } else {
            format!("{}?{}", base_url(), self.query)
        }
    }
}

/// Restores the view the page address describes, once, then keeps the address bar on the current view
/// without adding history entries, and returns that view's link. The address follows only after the
/// link was restored, and once changes pause for `ADDRESS_PAUSE_MS`, so a dragged slider does not
/// rewrite it on every step.
#[hook]
pub fn use_share_link(
    state: &Store,
    latest: &LatestState,
    dispatch: &Dispatch,
    embed: &Embed,
    query: &str,
) -> ShareLink {
    let restored = use_state(|| false);
    // The saved data set the opened link (`query`) names, when the index lists it (or cannot be read):
    // the indicator system to read it in, its name and its hash. Known from the first render, so that
    // the page says from the start that it is reading it.
    let saved = use_state(|| {
        let (system, named) = linked_dataset(state, query, storage::load_system);
        named
            .filter(|(_, hash)| storage::may_hold(hash))
            .map(|(name, hash)| (system, name, hash))
    });

    // Hashing every value is cheap for 83 units but not for a national file on every slider step.
    // A collection of editions is named by its collection hash, under which it is saved.
    let data_hash = use_memo(
        (Ptr(state.data.clone()), Ptr(state.editions.clone())),
        |(data, editions)| {
            if editions.list.is_empty() {
                data.0.content_hash()
            } else {
                collection_hash(editions.list.iter().map(|e| &*e.data))
            }
        },
    );
    // The page starts on the bundled data, so the first hash is the bundled data set's.
    let bundled_hash = use_state(|| (*data_hash).clone());
    let dataset = address_dataset(state, &data_hash, &bundled_hash);
    let link = ShareLink {
        query: view_query(state, dataset.clone(), embed),
        dataset,
        reading_saved: saved
            .as_ref()
            .filter(|_| !*restored)
            .map(|(_, name, _)| name.clone()),
    };

    {
        let (state, latest, dispatch) = (state.clone(), latest.clone(), dispatch.clone());
        let (restored, saved) = (restored.clone(), saved.clone());
        use_effect_with((), move |_| {
            let search = location().and_then(|l| l.search().ok()).unwrap_or_default();
            match (*saved).clone() {
                Some((system, _, hash)) => {
                    wasm_bindgen_futures::spawn_local(async move {
                        let read = panels_host::read_saved_data(&hash, &system).await;
                        // The link is restored on the page as it is now.
                        let state = latest.borrow().clone();
                        dispatch.emit(restore_link_with_system(
                            &state,
                            &search,
                            storage::load_system,
                            |_, _| read,
                        ));
                        restored.set(true);
                    });
                }
                None => {
                    dispatch.emit(restore_link_with_system(
                        &state,
                        &search,
                        storage::load_system,
                        |_, _| Err(LoadError::Missing),
                    ));
                    restored.set(true);
                }
            }
        });
    }

    // An edited system is kept in this browser, so that the link naming it by hash reopens it.
    use_effect_with(Ptr(state.system.clone()), |system| {
        if let Some(hash) = system_ref(&system.0) {
            storage::save_system(&system.0, &hash);
        }
    });

    let address_timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let current = link.clone();
    use_effect_with((link.query.clone(), *restored), move |(_, restored)| {
        if *restored {
            let url = current.url();
            let timeout = gloo::timers::callback::Timeout::new(ADDRESS_PAUSE_MS, move || {
                if let Some(h) = crate::ui::window().and_then(|w| w.history().ok()) {
                    let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
            });
            *address_timer.borrow_mut() = Some(timeout);
        }
    });
    link
}
