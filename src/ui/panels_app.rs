//! The on-demand panels module's side (`src/bin/fjindex-panels.rs` exports these): each opened slot
//! (charts, analysis) is a Yew app of its own on the page's element for it, holding a replica of the
//! page's state that `apply` keeps up to date (see `ui::remote` and `state::snapshot`).

use super::{analysis, charts_panel, remote, Dispatch, Store};
use crate::data::seeds;
use crate::model::{Dataset, IndicatorSystem};
use crate::state::snapshot::Snapshot;
use crate::state::{reduce, Action, State};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The slots the module draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Charts,
    Analysis,
}

impl Slot {
    pub fn parse(name: &str) -> Option<Slot> {
        match name {
            "charts" => Some(Slot::Charts),
            "analysis" => Some(Slot::Analysis),
            _ => None,
        }
    }
}

thread_local! {
    /// The dispatchers of the open slots' apps, to which the page's snapshots go.
    static REPLICAS: RefCell<Vec<Dispatch>> = const { RefCell::new(Vec::new()) };
    /// The indicator system and the replicas' data set (snapshots name the county by code).
    static SYSTEM_AND_DATA: RefCell<Option<(Rc<IndicatorSystem>, Rc<Dataset>)>> = const { RefCell::new(None) };
}

/// Opens `slot` on `root`, starting from the page's full snapshot; the panels' requests go to
/// `to_page`. Fails with a message when the slot name or the snapshot cannot be read.
pub fn open(
    slot: &str,
    root: web_sys::Element,
    snapshot: Snapshot,
    to_page: js_sys::Function,
) -> Result<(), String> {
    let slot = Slot::parse(slot).ok_or_else(|| format!("no slot {slot}"))?;
    spend_the_page_root_id();
    let bundled = State::from_bundle(seeds::bundle());
    let (action, data) = snapshot.into_action(&bundled.system, &bundled.data)?;
    let start = reduce(&bundled, action);
    remote::send_requests_to(to_page);
    SYSTEM_AND_DATA.with(|d| *d.borrow_mut() = Some((start.system.clone(), data)));
    let props = SlotAppProps {
        slot,
        start: Store(Rc::new(start)),
    };
    yew::Renderer::<SlotApp>::with_root_and_props(root, props).render();
    Ok(())
}

/// Yew numbers the roots of its event delegation from 1 in each wasm module, and the page's app (on
/// `<body>`, around the slots) is root 1 of the page's module. A slot app numbered 1 as well would have
/// the page's handler take the slot's clicks for its own elements' (it finds the slot root branded 1),
/// so before the first slot opens, root 1 of this module goes to an empty app on a detached element.
/// This holds as long as the page's app makes no portal (which would take root 2).
pub(crate) fn spend_the_page_root_id() {
    thread_local! {
        static SPENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if SPENT.with(|s| s.replace(true)) {
        return;
    }
    if let Ok(spare) = gloo::utils::document().create_element("div") {
        std::mem::forget(yew::Renderer::<Spare>::with_root(spare).render());
    }
}

/// A state of its own for the county brief, made from the page's full snapshot (`ui::brief`).
pub(crate) fn replica(snapshot: Snapshot) -> Result<State, String> {
    let bundled = State::from_bundle(seeds::bundle());
    let (action, _) = snapshot.into_action(&bundled.system, &bundled.data)?;
    Ok(reduce(&bundled, action))
}

#[component]
fn Spare() -> Html {
    html! {}
}

/// Brings every open slot to the page's latest snapshot.
pub fn apply(snapshot: Snapshot) -> Result<(), String> {
    let Some((system, data)) = SYSTEM_AND_DATA.with(|d| d.borrow().clone()) else {
        return Ok(());
    };
    let (action, data) = snapshot.into_action(&system, &data)?;
    SYSTEM_AND_DATA.with(|d| *d.borrow_mut() = Some((system, data)));
    let replicas = REPLICAS.with(|r| r.borrow().clone());
    remote::from_page(|| {
        for dispatch in &replicas {
            dispatch.dispatch(action.clone());
        }
    });
    Ok(())
}

#[derive(Properties, PartialEq)]
struct SlotAppProps {
    slot: Slot,
    start: Store,
}

#[component]
fn SlotApp(props: &SlotAppProps) -> Html {
    let store = use_reducer({
        let start = props.start.clone();
        move || start
    });
    let dispatch = store.dispatcher();
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            REPLICAS.with(|r| r.borrow_mut().push(dispatch));
        });
    }
    let on_select = use_callback(dispatch.clone(), |u: usize, dispatch| {
        dispatch.dispatch(Action::Select(Some(u)))
    });
    let state: Store = (*store).clone();
    match props.slot {
        Slot::Analysis => html! { <analysis::AnalysisPanel {state} {dispatch} /> },
        Slot::Charts => {
            html! {
                <charts_panel::ChartsPanel system={state.system.clone()} data={state.data.clone()}
                    ranking={state.ranking.clone()} baseline={state.baseline.clone()} selected={state.selected}
                    lang={state.lang} {on_select} />
            }
        }
    }
}
