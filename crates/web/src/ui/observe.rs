//! Hooks that follow an element's width (ResizeObserver) and whether it is on screen
//! (IntersectionObserver), so charts are drawn at the right size and only when someone can see them.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverInit, ResizeObserver};
use yew::prelude::*;

type EntriesCallback = Closure<dyn FnMut(js_sys::Array)>;

/// How far outside the viewport an element still counts as on screen, so a chart scrolled towards is
/// usually drawn before it appears.
const ON_SCREEN_MARGIN: &str = "100px 0px";

/// The element's client width in CSS pixels (0 until it is laid out), updated as it resizes.
#[hook]
pub fn use_width(node: NodeRef) -> u32 {
    let width = use_state_eq(|| 0u32);
    let set_width = width.setter();
    use_effect_with((), move |_| {
        let mut keep: Option<(ResizeObserver, EntriesCallback)> = None;
        if let Some(el) = node.cast::<Element>() {
            set_width.set(el.client_width().max(0) as u32);
            let target = el.clone();
            let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
                set_width.set(target.client_width().max(0) as u32);
            });
            if let Ok(obs) = ResizeObserver::new(cb.as_ref().unchecked_ref()) {
                obs.observe(&el);
                keep = Some((obs, cb));
            }
        }
        move || {
            if let Some((obs, _cb)) = keep {
                obs.disconnect();
            }
        }
    });
    *width
}

/// Whether the element is within `ON_SCREEN_MARGIN` of the viewport. It starts false and the observer
/// reports the first answer within a frame; where IntersectionObserver is missing it is always true,
/// and printing makes every element count as on screen.
#[hook]
pub fn use_on_screen(node: NodeRef) -> bool {
    use_on_screen_within(node, ON_SCREEN_MARGIN)
}

/// Whether the element is within `margin` (CSS margin syntax) of the viewport; as `use_on_screen`.
#[hook]
pub fn use_on_screen_within(node: NodeRef, margin: &'static str) -> bool {
    let on_screen = use_state_eq(|| false);
    let set = on_screen.setter();
    use_effect_with((), move |_| {
        let mut keep: Option<(IntersectionObserver, EntriesCallback)> = None;
        let mut print: Option<gloo::events::EventListener> = None;
        if let Some(el) = node.cast::<Element>() {
            let set_seen = set.clone();
            let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                // The last entry is the element's latest state.
                if let Some(entry) = entries
                    .iter()
                    .last()
                    .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                {
                    set_seen.set(entry.is_intersecting());
                }
            });
            let options = IntersectionObserverInit::new();
            options.set_root_margin(margin);
            match IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &options) {
                Ok(obs) => {
                    obs.observe(&el);
                    keep = Some((obs, cb));
                }
                Err(_) => set.set(true),
            }
            if let Some(window) = crate::ui::window() {
                let set_print = set.clone();
                print = Some(gloo::events::EventListener::new(
                    &window,
                    "beforeprint",
                    move |_| set_print.set(true),
                ));
            }
        }
        move || {
            drop(print);
            if let Some((obs, _cb)) = keep {
                obs.disconnect();
            }
        }
    });
    *on_screen
}
