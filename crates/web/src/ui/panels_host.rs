//! The page's side of the on-demand panels: the charts, analysis and data slots, and the profile's
//! details, are drawn by the `fjindex-panels` module (`ui::panels_app`), which `www/tools.js` fetches when
//! one of those slots first comes into view. Until then the slot says it is loading; if the module cannot be fetched it says
//! so and offers to try again. Once a slot is open, every new state is sent to the module as a
//! `Snapshot` (the data set only when it changed) by `use_panel_snapshots`, which `App` runs, and the
//! module's requests come back as `PanelRequest`s that become actions. The module also reads the saved
//! data set a link names (`read_saved_data`), so that the page links no reader of saved entries.

use super::observe::use_on_screen_within;
use super::tools::describe;
use super::{Dispatch, LatestState, Ptr, Store};
use crate::data::saved_index::LoadError;
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};
use crate::state::messages::{PageMessage, PanelRequest, SAVED_DATA};
use crate::state::snapshot::{self, Snapshot};
use crate::state::State;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[wasm_bindgen(module = "/www/tools.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = callPanels)]
    async fn call_panels(name: &str, args: js_sys::Array) -> Result<JsValue, JsValue>;
}

struct Sent {
    seen: Ptr<State>,
    data: Rc<Dataset>,
    view: String,
}

/// Takes a request from the module: the kind and value texts of its `PanelRequest`.
type RequestHandler = Closure<dyn Fn(String, String)>;

thread_local! {
    /// The state last looked at (so the second open slot's effect does no work for the same state),
    /// and the data set (compared by pointer) and view last sent to the module.
    static SENT: RefCell<Option<Sent>> = const { RefCell::new(None) };
    /// The function the module calls with a request (kind, value); made once, with the dispatcher.
    static TO_PAGE: RefCell<Option<RequestHandler>> = const { RefCell::new(None) };
    /// Whether a slot has opened, so that the module's app runs and follows the page's snapshots.
    static MODULE_RUNNING: Cell<bool> = const { Cell::new(false) };
}

fn to_page(dispatch: &Dispatch) -> js_sys::Function {
    TO_PAGE.with(|t| {
        let mut t = t.borrow_mut();
        let closure = t.get_or_insert_with(|| {
            let dispatch = dispatch.clone();
            Closure::new(move |kind: String, value: String| {
                // The module's counties and indicators are those of the state last sent to it.
                let Some(seen) = SENT.with(|s| s.borrow().as_ref().map(|s| s.seen.clone())) else {
                    return;
                };
                // A request that cannot be read, or names a county the data set lacks, is ignored.
                let Ok(request) = PanelRequest::decode(&kind, &value, &seen.system) else {
                    return;
                };
                if let Some(action) = request.into_action(&seen.system, &seen.data) {
                    dispatch.emit(action);
                }
            })
        });
        closure.as_ref().unchecked_ref::<js_sys::Function>().clone()
    })
}

/// The snapshot of `state` as the texts of its `PageMessage`, with the data set when `full` or when
/// it is not the one last sent; `None` when it would tell the module nothing new (a search, sort or
/// filter changes the page's state but not what the panels show). Records what it sends.
fn snapshot_args(state: &Ptr<State>, full: bool) -> Option<Vec<JsValue>> {
    SENT.with(|sent| {
        let mut sent = sent.borrow_mut();
        if !full && sent.as_ref().is_some_and(|s| s.seen == *state) {
            return None;
        }
        let same_data = sent
            .as_ref()
            .is_some_and(|s| Rc::ptr_eq(&s.data, &state.data));
        let snapshot = Snapshot::of(state, full || !same_data);
        let unchanged =
            !full && same_data && sent.as_ref().is_some_and(|s| s.view == snapshot.view);
        *sent = Some(Sent {
            seen: state.clone(),
            data: state.data.clone(),
            view: snapshot.view.clone(),
        });
        if unchanged {
            return None;
        }
        Some(
            PageMessage::Snapshot(snapshot)
                .encode()
                .into_iter()
                .map(JsValue::from)
                .collect(),
        )
    })
}

/// The data set saved in this browser under `hash`, with every edition of a collection (oldest first),
/// in the indicator system `system`, as the panels module reads it (loading the module first); the
/// page itself does not read saved entries. A module that cannot be loaded gives
/// `LoadError::Unavailable` with the reason.
pub async fn read_saved_data(
    hash: &str,
    system: &IndicatorSystem,
) -> Result<Vec<Dataset>, LoadError> {
    let system_json = crate::json::to_string(system).unwrap_or_default();
    let args = js_sys::Array::of2(&JsValue::from(hash), &JsValue::from(system_json));
    let answer = call_panels("load_saved", args)
        .await
        .map_err(|e| LoadError::Unavailable(describe(&e)))?;
    let answer: Vec<String> = js_sys::Array::from(&answer)
        .iter()
        .filter_map(|part| part.as_string())
        .collect();
    match <[String; 2]>::try_from(answer) {
        Ok([kind, json]) if kind == SAVED_DATA => {
            snapshot::read_datasets_json(&json, system).map_err(|_| LoadError::Unreadable)
        }
        Ok([_, code]) => Err(LoadError::from_code(&code)),
        Err(_) => Err(LoadError::Unreadable),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    /// Not yet in view.
    Waiting,
    Loading,
    Open,
    Failed(String),
}

impl Status {
    fn name(&self) -> &'static str {
        match self {
            Status::Waiting => "waiting",
            Status::Loading => "loading",
            Status::Open => "open",
            Status::Failed(_) => "failed",
        }
    }
}

/// The page's link to the panels module, which the slots' loaders share: the page's latest state (a slot
/// opens with its full snapshot), the dispatcher the module's requests go to, and the switch that
/// starts the snapshots once a slot is open.
#[derive(Clone, PartialEq)]
pub struct PanelLink {
    latest: Ptr<RefCell<Store>>,
    dispatch: Dispatch,
    opened: UseStateSetter<bool>,
}

impl PanelLink {
    /// Loads the module and opens `slot` on `element` with the page's state at that moment; returns
    /// whether it opened, or why not.
    async fn open(&self, slot: &str, element: web_sys::Element) -> Result<JsValue, JsValue> {
        call_panels("ready", js_sys::Array::new()).await?;
        // The snapshot is taken once the module has loaded, so it is the page's state then. The first
        // slot starts the module's app with the whole state; a later one joins the running app, which
        // has the data set already: sent again, it would be a new data set to the app, and the results
        // of the other open slots would go stale.
        let state = self.latest.borrow().0.clone();
        let running = MODULE_RUNNING.get();
        let parts = snapshot_args(&state, !running).unwrap_or_else(|| {
            PageMessage::Snapshot(Snapshot::of(&state, false))
                .encode()
                .into_iter()
                .map(JsValue::from)
                .collect()
        });
        let args = js_sys::Array::new();
        args.push(&JsValue::from(slot));
        args.push(&element);
        args.push(&parts.into_iter().collect::<js_sys::Array>());
        args.push(&to_page(&self.dispatch));
        let opened = call_panels("open", args).await;
        if opened.is_ok() {
            MODULE_RUNNING.set(true);
        }
        opened
    }
}

/// Has the panels module carry out a host's message on `state` (`ui::embed`), loading it first: the
/// texts of the outcome (`embed_api::Effect::outcome`), or the module's refusal (a text) or failure.
/// The module reads the state from a full snapshot of its own, so the open slots' replica is untouched.
pub async fn obey(message: JsValue, state: &State) -> Result<Vec<String>, JsValue> {
    let snapshot: js_sys::Array = PageMessage::Snapshot(Snapshot::of(state, true))
        .encode()
        .into_iter()
        .map(JsValue::from)
        .collect();
    let answer = call_panels("obey", js_sys::Array::of2(&message, &snapshot)).await?;
    Ok(js_sys::Array::from(&answer)
        .iter()
        .filter_map(|part| part.as_string())
        .collect())
}

/// Sends the page's state to the panels module once a slot is open: after every change the panels
/// show, with the data set only when it changed (`snapshot_args`). Runs in `App`, whichever slots are
/// shown; the slots' loaders open the module through the link it returns.
#[hook]
pub fn use_panel_snapshots(state: &Store, latest: &LatestState, dispatch: &Dispatch) -> PanelLink {
    let open = use_state_eq(|| false);
    use_effect_with((state.clone(), *open), move |(state, open)| {
        if *open {
            if let Some(parts) = snapshot_args(&state.0, false) {
                wasm_bindgen_futures::spawn_local(async move {
                    let parts: js_sys::Array = parts.into_iter().collect();
                    let args = js_sys::Array::of1(&parts);
                    let _ = call_panels("apply", args).await;
                });
            }
        }
    });
    PanelLink {
        latest: Ptr(latest.clone()),
        dispatch: dispatch.clone(),
        opened: open.setter(),
    }
}

#[derive(Properties, PartialEq)]
pub struct OnDemandProps {
    /// `charts`, `analysis`, `profile` or `data` (`ui::panels_app::Slot`).
    pub slot: &'static str,
    pub lang: Lang,
    pub link: PanelLink,
}

/// A slot the panels module draws: the placeholder until the slot comes into view (or its button is
/// pressed), then the module's panels, or why they could not be loaded.
#[component]
pub fn OnDemand(props: &OnDemandProps) -> Html {
    let node = use_node_ref();
    let root = use_node_ref();
    let in_view = use_on_screen_within(node.clone(), "0px");
    // Pressing the placeholder's button asks for the module even where no observer reports the slot.
    let requested = use_state_eq(|| false);
    let status = use_state(|| Status::Waiting);
    // Whether keyboard focus was in the placeholder when the module opened, so it moves into the panels.
    let focus_inside = use_mut_ref(|| false);
    {
        let (status, root, link) = (status.clone(), root.clone(), props.link.clone());
        let (node, focus_inside, slot) = (node.clone(), focus_inside.clone(), props.slot);
        let waiting = *status == Status::Waiting;
        let wanted = in_view || *requested;
        use_effect_with((wanted, waiting), move |&(wanted, waiting)| {
            if !(wanted && waiting) {
                return;
            }
            let Some(element) = root.cast::<web_sys::Element>() else {
                return;
            };
            status.set(Status::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                let opened = link.open(slot, element).await;
                *focus_inside.borrow_mut() = holds_focus(&node);
                match opened {
                    Ok(_) => {
                        status.set(Status::Open);
                        link.opened.set(true);
                    }
                    Err(e) => status.set(Status::Failed(describe(&e))),
                }
            });
        });
    }
    {
        let (root, focus_inside) = (root.clone(), focus_inside.clone());
        use_effect_with(*status == Status::Open, move |&open| {
            if open {
                let into_panels = focus_inside.replace(false);
                keep_focus_in_view(root, into_panels);
            }
        });
    }
    html! {
        <div ref={node} class="on-demand" data-on-demand={status.name()}>
            // The module's app lives in this element; the page renders nothing into it.
            <div ref={root} class="on-demand-root"></div>
            { placeholder(props.slot, props.lang, &status, &requested) }
        </div>
    }
}

/// What the slot shows of its own: nothing once open, else the loading note with its button, or the
/// failure with a retry button.
fn placeholder(
    slot: &'static str,
    lang: Lang,
    status: &UseStateHandle<Status>,
    requested: &UseStateHandle<bool>,
) -> Html {
    match &**status {
        Status::Open => html! {},
        Status::Waiting | Status::Loading => {
            let request = {
                let requested = requested.clone();
                Callback::from(move |_: MouseEvent| requested.set(true))
            };
            let (heading, loading, load) = slot_texts(slot);
            let busy = (**status == Status::Loading).to_string();
            // Tab reaches the slot through this button; focusing it scrolls the slot into view, which
            // loads the module, and the focus then moves into the panels.
            let note = html! {
                <>
                    <p role="status">{ t(lang, loading) }</p>
                    <button type="button" class="load-panels" data-testid={format!("load-{}", slot)}
                        onclick={request}>{ t(lang, load) }</button>
                </>
            };
            match heading {
                Some(heading) => html! {
                    <section class="panel on-demand-note" aria-busy={busy}>
                        <h2>{ t(lang, heading) }</h2>
                        { note }
                    </section>
                },
                None => {
                    html! { <div class="on-demand-note inline" aria-busy={busy}>{ note }</div> }
                }
            }
        }
        Status::Failed(reason) => {
            let retry = {
                let status = status.clone();
                Callback::from(move |_: MouseEvent| status.set(Status::Waiting))
            };
            html! {
                <p class="panel problem on-demand-note" role="alert" data-testid="panels-failed">
                    { failed_text(lang, reason) }{ " " }
                    <button type="button" onclick={retry}>{ t(lang, Key::PageRetry) }</button>
                </p>
            }
        }
    }
}

/// What a slot's placeholder says: the heading of a slot that is a whole panel, the loading note and
/// the button's label.
fn slot_texts(slot: &str) -> (Option<Key>, Key, Key) {
    match slot {
        "charts" => (
            Some(Key::ChartsHeading),
            Key::PageLoadingCharts,
            Key::LoadCharts,
        ),
        "profile" => (None, Key::PageLoadingProfile, Key::LoadProfile),
        "data" => (Some(Key::DataHeading), Key::PageLoadingData, Key::LoadData),
        _ => (
            Some(Key::AnalysisHeading),
            Key::PageLoadingAnalysis,
            Key::LoadAnalysis,
        ),
    }
}

/// Whether the focused element is inside `node`.
fn holds_focus(node: &NodeRef) -> bool {
    let active = gloo::utils::document().active_element();
    match (node.cast::<web_sys::Node>(), active) {
        (Some(slot), Some(active)) => slot.contains(Some(&active)),
        _ => false,
    }
}

/// After a slot opens: moves the focus from the removed placeholder to the panels' first control when
/// `into_panels`, and in any case brings a focused element that the new panels pushed off screen back
/// into view. Runs after the panels' first render.
fn keep_focus_in_view(root: NodeRef, into_panels: bool) {
    gloo::timers::callback::Timeout::new(0, move || {
        let document = gloo::utils::document();
        if into_panels {
            if let Some(first) = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector(FOCUSABLE).ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = first.focus();
            }
        }
        let Some(active) = document.active_element() else {
            return;
        };
        let rect = active.get_bounding_client_rect();
        let height = gloo::utils::window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let on_body = document
            .body()
            .is_some_and(|body| AsRef::<web_sys::Element>::as_ref(&body) == &active);
        if !on_body && (rect.bottom() < 0.0 || rect.top() > height) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            active.scroll_into_view_with_scroll_into_view_options(&options);
        }
    })
    .forget();
}

/// The elements keyboard focus can land on.
const FOCUSABLE: &str =
    "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), \
    textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

fn failed_text(lang: Lang, reason: &str) -> String {
    tf(lang, Key::PagePanelsFailed, &[reason])
}
