//! Embedding: marks the page for embed mode (hidden panels via `<html data-embed data-hide>`), reports
//! its height to the host with postMessage, sends ranking-changed events and obeys the host's commands
//! from allowed origins (see `crate::embed_api` for the protocol). The page queues the commands and the
//! on-demand panels module carries each out on the page's snapshot (`obey_in_module`), answering with
//! the page's requests, so reading and checking commands is no part of the page's first load.

use super::{Dispatch, LatestState, Store};
use crate::embed_api::{self, Command, Event};
use crate::i18n::{tf, Key};
use crate::share::Embed;
use crate::state::snapshot::Snapshot;
use gloo::events::EventListener;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The host window, when the page runs in a frame.
fn host() -> Option<web_sys::Window> {
    let window = crate::ui::window()?;
    let parent = window.parent().ok().flatten()?;
    let own: &JsValue = window.as_ref();
    (AsRef::<JsValue>::as_ref(&parent) != own).then_some(parent)
}

/// Sends an event to the host: to each allowed origin, or to any origin when none is configured (the
/// events carry only the public ranking and the page height).
fn post(event: &Event, origins: &[String]) {
    let Some(parent) = host() else { return };
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let Ok(value) = serde::Serialize::serialize(event, &serializer) else {
        return;
    };
    if origins.is_empty() {
        let _ = parent.post_message(&value, "*");
        return;
    }
    // Where the browser tells the host's origin, post only there: a target origin that does not match
    // is dropped anyway, and Chromium logs each such attempt as an error.
    let host_origin = parent_origin();
    for origin in origins
        .iter()
        .filter(|o| host_origin.as_ref().is_none_or(|h| h == *o))
    {
        let _ = parent.post_message(&value, origin);
    }
}

/// The host page's origin from `location.ancestorOrigins` (Chromium and Safari), if the browser has it.
fn parent_origin() -> Option<String> {
    let location = crate::ui::window()?.location();
    let list = js_sys::Reflect::get(&location, &JsValue::from_str("ancestorOrigins")).ok()?;
    if list.is_undefined() || list.is_null() {
        return None;
    }
    js_sys::Reflect::get(&list, &JsValue::from_f64(0.0))
        .ok()?
        .as_string()
}

fn content_height() -> f64 {
    crate::ui::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map_or(0.0, |e| e.scroll_height() as f64)
}

/// What stays alive while the page is framed: the message listener, the resize observer and its callback.
type Bridge = (EventListener, web_sys::ResizeObserver, Closure<dyn FnMut()>);

/// The page's side of embedding, for as long as the page runs: the embed attributes on `<html>`, the
/// height reports and the host's commands, and a ranking-changed event whenever the ranking, the
/// selection or the language changes. Runs in `App`; its effects keep the order the host sees.
#[hook]
pub fn use_embed_bridge(state: &Store, latest: &LatestState, dispatch: &Dispatch, embed: &Embed) {
    use_embed_attributes(embed);
    use_host_link(latest.clone(), dispatch, &embed.origins);
    use_ranking_events(state, &embed.origins);
}

/// Embed mode and hidden panels, as attributes on <html> that www/data.css acts on.
#[hook]
fn use_embed_attributes(embed: &Embed) {
    use_effect_with(embed.clone(), |embed| {
        if let Some(root) = crate::ui::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            if embed.enabled {
                let _ = root.set_attribute("data-embed", "1");
            }
            let hide: Vec<&str> = embed.hide.iter().map(|p| p.id()).collect();
            if !hide.is_empty() {
                let _ = root.set_attribute("data-hide", &hide.join(" "));
            }
        }
    });
}

/// Height reports and host commands, for as long as the page is framed; `latest` is the page's state
/// when a command arrives.
#[hook]
fn use_host_link(latest: LatestState, dispatch: &Dispatch, origins: &[String]) {
    let dispatch = dispatch.clone();
    use_effect_with(origins.to_vec(), move |origins| {
        let cleanup = crate::ui::window()
            .filter(|_| host().is_some())
            .and_then(|window| connect(&window, origins.clone(), latest, dispatch));
        move || {
            if let Some((_listener, observer, _report)) = cleanup {
                observer.disconnect();
            }
        }
    });
}

/// Tells the host the page is ready, then reports the page's height as it changes and obeys the
/// host's commands. What it returns keeps that going (none when no resize observer can be made).
fn connect(
    window: &web_sys::Window,
    origins: Vec<String>,
    latest: LatestState,
    dispatch: Dispatch,
) -> Option<Bridge> {
    post(
        &Event::Ready {
            source: embed_api::SOURCE,
        },
        &origins,
    );
    let last = Rc::new(RefCell::new(-1.0));
    let report_origins = origins.clone();
    let report: Closure<dyn FnMut()> = Closure::new(move || {
        let h = content_height();
        if (h - *last.borrow()).abs() >= 1.0 {
            *last.borrow_mut() = h;
            post(
                &Event::Height {
                    source: embed_api::SOURCE,
                    height: h,
                },
                &report_origins,
            );
        }
    });
    let observer = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()).ok();
    if let (Some(obs), Some(root)) = (&observer, window.document().and_then(|d| d.body())) {
        obs.observe(&root);
    }
    let own = window.location().origin().unwrap_or_default();
    let queue = Rc::new(RefCell::new(HostQueue::default()));
    let listener = EventListener::new(window, "message", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        if !embed_api::origin_allowed(&e.origin(), &origins, &own) {
            return;
        }
        let start = {
            let mut queue = queue.borrow_mut();
            queue.waiting.push_back(e.data());
            !std::mem::replace(&mut queue.busy, true)
        };
        if start {
            let (queue, latest) = (queue.clone(), latest.clone());
            let (origins, dispatch) = (origins.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(obey_queued(queue, latest, origins, dispatch));
        }
    });
    observer.map(|obs| (listener, obs, report))
}

/// The host's messages not yet carried out, oldest first, and whether they are being worked through.
#[derive(Default)]
struct HostQueue {
    waiting: VecDeque<JsValue>,
    busy: bool,
}

/// Carries out the queued messages one after another, each on the page's state when its turn comes:
/// the module's requests go to the page, and the reply (the ranking, or why the message was refused
/// or could not be carried out) to the host.
async fn obey_queued(
    queue: Rc<RefCell<HostQueue>>,
    latest: LatestState,
    origins: Vec<String>,
    dispatch: Dispatch,
) {
    loop {
        let Some(message) = queue.borrow_mut().waiting.pop_front() else {
            queue.borrow_mut().busy = false;
            return;
        };
        let state = latest.borrow().clone();
        let reply = |event: Event| post(&event, &origins);
        let message = match super::panels_host::obey(message, &state).await {
            Ok(parts) => match embed_api::read_outcome(&parts, &state.system) {
                Ok((requests, reply_ranking)) => {
                    for request in requests {
                        if let Some(action) = request.into_action(&state.system, &state.data) {
                            dispatch.emit(action);
                        }
                    }
                    if reply_ranking {
                        reply(embed_api::ranking_event(&latest.borrow()));
                    }
                    continue;
                }
                Err(e) => tf(state.lang, Key::EmbedCommandsUnavailable, &[&e]),
            },
            // A refusal is the module's message; anything else is the module failing to load or run.
            Err(e) => e.as_string().unwrap_or_else(|| {
                let why = super::tools::describe(&e);
                tf(state.lang, Key::EmbedCommandsUnavailable, &[&why])
            }),
        };
        reply(Event::Error {
            source: embed_api::SOURCE,
            message,
        });
    }
}

/// In the panels module: carries out a host's message on the page's state in `snapshot`. Gives the
/// texts of its outcome (`embed_api::Effect::outcome`), or why the message was refused, in the page's
/// language.
pub fn obey_in_module(message: JsValue, snapshot: Snapshot) -> Result<Vec<String>, String> {
    let state = super::panels_app::replica(snapshot)?;
    let command = serde_wasm_bindgen::from_value::<Command>(message)
        .map_err(|err| embed_api::not_a_command(state.lang, &err.to_string()))?;
    let effect = embed_api::apply_with(&command, &state, saved_scenarios)?;
    Ok(effect.outcome(&state))
}

/// A ranking-changed event whenever the ranking, the selection or the language changes.
#[hook]
fn use_ranking_events(state: &Store, origins: &[String]) {
    let origins = origins.to_vec();
    let state = state.clone();
    let deps = (state.ranking.clone(), state.selected, state.lang);
    use_effect_with(deps, move |_| {
        if host().is_some() {
            post(&embed_api::ranking_event(&state), &origins);
        }
    });
}

/// The saved scenarios for `use-scenario`, read when a host asks for one.
fn saved_scenarios() -> embed_api::SavedScenarios {
    use super::scenario_store::{self, StoreError};
    match scenario_store::load() {
        Ok(list) => embed_api::SavedScenarios::List(list),
        Err(StoreError::ListUnreadable(e)) => embed_api::SavedScenarios::Unreadable(e),
        Err(_) => embed_api::SavedScenarios::Unavailable,
    }
}
