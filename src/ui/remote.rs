//! The panels module's end of its link with the page (`state::messages` has the messages): a panel's
//! selection or new scenario goes to the page as a `PanelRequest`, whose reducer stays the only place
//! the state changes, and comes back with the page's next snapshot.

use crate::state::messages::PanelRequest;
use crate::state::{Action, State};
use std::cell::{Cell, RefCell};

/// Decides whether an action is applied to a state here (`Some`) or went to the page (`None`).
type Intercept = fn(&State, Action) -> Option<Action>;

thread_local! {
    /// In the panels module: the page's function that takes a request (its kind and value texts).
    static TO_PAGE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// In the panels module: true while a snapshot from the page is being applied.
    static FROM_PAGE: Cell<bool> = const { Cell::new(false) };
    /// Set only in the panels module, so the page's wasm links none of the request code.
    static INTERCEPT: Cell<Option<Intercept>> = const { Cell::new(None) };
}

/// Makes this module the panels module: actions its panels dispatch go to the page through `to_page`.
pub fn send_requests_to(to_page: js_sys::Function) {
    TO_PAGE.with(|t| *t.borrow_mut() = Some(to_page));
    INTERCEPT.with(|i| i.set(Some(request_page)));
}

/// Runs `apply` as the page's update of the replica, whose actions are applied, not sent back.
pub fn from_page(apply: impl FnOnce()) {
    FROM_PAGE.with(|f| f.set(true));
    apply();
    FROM_PAGE.with(|f| f.set(false));
}

/// The action to apply to `state`, this module's state, or `None` when it went to the page instead
/// (in the panels module, a panel's selection or scenario is the page's to apply; its snapshot comes
/// back).
pub fn local_action(state: &State, action: Action) -> Option<Action> {
    match INTERCEPT.with(Cell::get) {
        Some(intercept) => intercept(state, action),
        None => Some(action),
    }
}

fn request_page(state: &State, action: Action) -> Option<Action> {
    if FROM_PAGE.with(Cell::get) {
        return Some(action);
    }
    TO_PAGE.with(|t| {
        let t = t.borrow();
        let Some(to_page) = t.as_ref() else {
            return Some(action);
        };
        let Some(request) = PanelRequest::from_action(&action, &state.data) else {
            return Some(action);
        };
        let [kind, value] = request.encode(&state.system);
        let _ = to_page.call2(&wasm_bindgen::JsValue::NULL, &kind.into(), &value.into());
        None
    })
}
