//! The interface language's catalogue: the page's module links the default language's texts only, so
//! before the page switches to another language its catalogue is fetched and installed
//! (`crate::i18n::install`): at start for a link's `?lang=`, and for every action that sets a language.

use super::Dispatch;
use crate::i18n::{self, t, Key};
use crate::model::Lang;
use crate::state::Action;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen(module = "/www/tools.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = fetchCatalogue)]
    async fn fetch_catalogue(file: &str) -> Result<JsValue, JsValue>;
}

/// Where fetching a language's catalogue stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum LanguageLoad {
    #[default]
    Idle,
    /// The catalogue of this language is being fetched.
    Loading(Lang),
    /// The catalogue of this language could not be had; the page kept its language.
    Failed(Lang, LoadFailure),
}

/// Why a language's catalogue could not be had.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadFailure {
    /// The file could not be fetched, for the browser's reason (a network error, an HTTP status).
    Fetch(AttrValue),
    /// The file is not this build's catalogue of the language (a server holding another version).
    Mismatch,
}

impl LoadFailure {
    /// The reason in `lang`.
    pub fn reason(&self, lang: Lang) -> &str {
        match self {
            LoadFailure::Fetch(reason) => reason,
            LoadFailure::Mismatch => t(lang, Key::LanguageCatalogueMismatch),
        }
    }
}

/// Fetches and installs the catalogue of `lang`, unless its texts are at hand already.
pub async fn load(lang: Lang) -> Result<(), LoadFailure> {
    if i18n::is_ready(lang) {
        return Ok(());
    }
    let file = fetch_catalogue(&i18n::catalogue_file_name(lang))
        .await
        .map_err(|reason| LoadFailure::Fetch(reason.as_string().unwrap_or_default().into()))?
        .as_string()
        .unwrap_or_default();
    i18n::install(lang, file).map_err(|_| LoadFailure::Mismatch)
}

/// The language the page address asks for (`?lang=`), if any.
#[cfg(target_arch = "wasm32")]
pub fn asked_by_address() -> Option<Lang> {
    let search = crate::ui::window()?.location().search().ok()?;
    form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .find(|(name, _)| name == "lang")
        .and_then(|(_, id)| Lang::from_id(&id))
}

/// Wraps the page's dispatch so that an action setting a language whose texts are not at hand waits
/// for its catalogue; if the catalogue cannot be had, the action is carried out without the language
/// change. Of several language changes in flight, only the latest chosen takes effect.
#[hook]
pub fn use_language_loading(inner: &Dispatch) -> (Dispatch, LanguageLoad) {
    let status = use_state_eq(LanguageLoad::default);
    let latest = use_mut_ref(|| 0u32);
    let dispatch = use_callback(
        (inner.clone(), status.setter()),
        move |action: Action, (inner, status)| {
            let Some(lang) = action.language() else {
                return inner.emit(action);
            };
            *latest.borrow_mut() += 1;
            if i18n::is_ready(lang) {
                status.set(LanguageLoad::Idle);
                return inner.emit(action);
            }
            status.set(LanguageLoad::Loading(lang));
            let (inner, status, latest) = (inner.clone(), status.clone(), latest.clone());
            let asked = *latest.borrow();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = load(lang).await;
                if *latest.borrow() != asked {
                    return inner.emit(action.without_language());
                }
                match outcome {
                    Ok(()) => {
                        status.set(LanguageLoad::Idle);
                        inner.emit(action);
                    }
                    Err(reason) => {
                        status.set(LanguageLoad::Failed(lang, reason));
                        inner.emit(action.without_language());
                    }
                }
            });
        },
    );
    (dispatch, (*status).clone())
}
