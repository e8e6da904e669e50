//! The on-demand panels module's side (`src/bin/fjindex-panels.rs` exports these): one Yew app, started
//! when the first slot opens, on an element of its own outside the document, holding the module's one
//! replica of the page's state; each opened slot (charts, analysis, the profile's details, data) is a portal of
//! it into the page's element for that slot. The panels change the page only by requests (`PanelRequest`), which come back
//! as the page's next snapshot (`state::messages`).

use super::analysis;
use super::{charts_panel, data_panel, profile_details, storage, Dispatch, Ptr, Store};
use crate::data::saved::LoadError;
use crate::data::seeds;
use crate::model::{Dataset, IndicatorSystem};
use crate::state::messages::{PanelRequest, SAVED_DATA, SAVED_ERROR};
use crate::state::snapshot::{self, Snapshot};
use crate::state::{reduce, Action, State};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The slots the module draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Charts,
    Analysis,
    /// In the county profile, below where the county stands: its summary, year-over-year change, what
    /// would lift it and its indicators (`profile_details`).
    Profile,
    /// Import, saved data sets and exports.
    Data,
}

impl Slot {
    const ALL: [Slot; 4] = [Slot::Charts, Slot::Analysis, Slot::Profile, Slot::Data];

    /// The slot's name, as the page calls it.
    pub fn name(self) -> &'static str {
        match self {
            Slot::Charts => "charts",
            Slot::Analysis => "analysis",
            Slot::Profile => "profile",
            Slot::Data => "data",
        }
    }

    pub fn parse(name: &str) -> Option<Slot> {
        Slot::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// The page's function that takes a request (the kind and value texts of a `PanelRequest`).
#[derive(Clone, PartialEq)]
struct ToPage(Ptr<js_sys::Function>);

impl ToPage {
    fn send(&self, request: &PanelRequest, system: &IndicatorSystem) {
        let [kind, value] = request.encode(system);
        let _ = self
            .0
            .call2(&wasm_bindgen::JsValue::NULL, &kind.into(), &value.into());
    }
}

/// A slot open on one of the page's elements. The page makes a new element for a slot it shows again
/// (the profile's, when another county is opened after the profile was closed), which replaces the
/// slot's earlier element and gets a new serial, so that its portal is made anew.
#[derive(Clone, PartialEq)]
struct OpenSlot {
    slot: Slot,
    host: web_sys::Element,
    serial: u32,
}

#[derive(Properties, PartialEq, Clone)]
struct PanelsAppProps {
    /// The open slots, in the order they opened.
    slots: Rc<Vec<OpenSlot>>,
    start: Store,
    to_page: ToPage,
}

thread_local! {
    /// The running app and the props it was last given (to add a slot to them).
    static APP: RefCell<Option<(yew::AppHandle<PanelsApp>, PanelsAppProps)>> = const { RefCell::new(None) };
    /// The replica's dispatcher, to which the page's snapshots go.
    static REPLICA: RefCell<Option<UseReducerDispatcher<Store>>> = const { RefCell::new(None) };
    /// The indicator system and the replica's data set (snapshots name the county by code).
    static SYSTEM_AND_DATA: RefCell<Option<(Rc<IndicatorSystem>, Rc<Dataset>)>> = const { RefCell::new(None) };
}

/// Opens `slot` on `root`. The first slot starts the app from the page's full snapshot, with the
/// panels' requests going to `to_page`; a later one joins the running app, which already follows the
/// page. Fails with a message when the slot name or the snapshot cannot be read.
pub fn open(
    slot: &str,
    root: web_sys::Element,
    snapshot: Snapshot,
    to_page: js_sys::Function,
) -> Result<(), String> {
    let slot = Slot::parse(slot).ok_or_else(|| format!("no slot {slot}"))?;
    let running = APP.with(|app| {
        let mut app = app.borrow_mut();
        let (handle, props) = app.as_mut()?;
        let mut slots = (*props.slots).clone();
        let serial = slots.iter().map(|s| s.serial + 1).max().unwrap_or(0);
        slots.retain(|open| open.slot != slot);
        slots.push(OpenSlot {
            slot,
            host: root.clone(),
            serial,
        });
        props.slots = Rc::new(slots);
        handle.update(props.clone());
        Some(())
    });
    if running.is_some() {
        return apply(snapshot);
    }
    let bundled = State::from_bundle(seeds::bundle());
    let (action, data) = snapshot.into_action(&bundled.system, &bundled.data)?;
    let start = reduce(&bundled, action);
    SYSTEM_AND_DATA.with(|d| *d.borrow_mut() = Some((start.system.clone(), data)));
    let props = PanelsAppProps {
        slots: Rc::new(vec![OpenSlot {
            slot,
            host: root,
            serial: 0,
        }]),
        start: Store(Ptr(Rc::new(start))),
        to_page: ToPage(Ptr(Rc::new(to_page))),
    };
    let handle =
        yew::Renderer::<PanelsApp>::with_root_and_props(detached_root()?, props.clone()).render();
    APP.with(|app| *app.borrow_mut() = Some((handle, props)));
    Ok(())
}

/// An element outside the document for an app of this module, which shows itself through portals.
/// Yew numbers each module's roots from 1, and the page's app is root 1 of the page's module, with its
/// event handler on `<body>`; this module's root 1 in the document would have that handler take its
/// elements for the page's. Mounting every app of this module outside the document keeps its numbers
/// off the page's elements: only portals (numbered after their app) reach the document.
pub(crate) fn detached_root() -> Result<web_sys::Element, String> {
    gloo::utils::document()
        .create_element("div")
        .map_err(|_| "no element to mount the panels on".to_string())
}

/// A state of its own for the county brief, made from the page's full snapshot (`ui::brief`).
pub(crate) fn replica(snapshot: Snapshot) -> Result<State, String> {
    let bundled = State::from_bundle(seeds::bundle());
    let (action, _) = snapshot.into_action(&bundled.system, &bundled.data)?;
    Ok(reduce(&bundled, action))
}

/// Reads the data set saved in this browser under `hash` (with every edition of a collection, oldest
/// first) in the indicator system whose JSON is `system_json`, for the page, which restores a link
/// naming it (`ui::address`): `data` and the data sets' JSON (`snapshot::datasets_json`), or `error`
/// and the error's code (`LoadError::code`).
pub fn load_saved(hash: &str, system_json: &str) -> [String; 2] {
    let read = IndicatorSystem::from_json(system_json)
        .map_err(|_| LoadError::Unreadable)
        .and_then(|system| storage::load_editions(hash, &system));
    match read {
        Ok(list) => [SAVED_DATA.to_string(), snapshot::datasets_json(list.iter())],
        Err(error) => [SAVED_ERROR.to_string(), error.code()],
    }
}

/// Brings the replica to the page's latest snapshot.
pub fn apply(snapshot: Snapshot) -> Result<(), String> {
    let Some((system, data)) = SYSTEM_AND_DATA.with(|d| d.borrow().clone()) else {
        return Ok(());
    };
    let next_system = snapshot.system_after(&system)?;
    let (action, data) = snapshot.into_action(&system, &data)?;
    SYSTEM_AND_DATA.with(|d| *d.borrow_mut() = Some((next_system, data)));
    if let Some(replica) = REPLICA.with(|r| r.borrow().clone()) {
        replica.dispatch(action);
    }
    Ok(())
}

#[component]
fn PanelsApp(props: &PanelsAppProps) -> Html {
    let store = use_reducer({
        let start = props.start.clone();
        move || start
    });
    let replica = store.dispatcher();
    use_effect_with(replica.clone(), |replica| {
        REPLICA.with(|r| *r.borrow_mut() = Some(replica.clone()));
    });
    let state: Store = (*store).clone();
    // A panel's selection or scenario is the page's to apply (its reducer is the only place the page's
    // state changes) and comes back as a snapshot; what only the panels show applies here.
    let dispatch: Dispatch = use_callback(
        (state.clone(), props.to_page.clone(), replica),
        |action: Action, (state, to_page, replica)| match PanelRequest::from_action(
            &action,
            &state.data,
        ) {
            Some(request) => to_page.send(&request, &state.system),
            None => replica.dispatch(action),
        },
    );
    // Keyed, so that a slot that opens later never takes over another slot's portal: Yew matches an
    // unkeyed list from its end, and a portal given another host keeps its first host's events.
    html! {
        { for props.slots.iter().map(|open| html! {
            <SlotPortal key={open.serial} host={open.host.clone()}>{ slot_view(open.slot, &state, &dispatch) }</SlotPortal>
        }) }
    }
}

#[derive(Properties, PartialEq)]
struct SlotPortalProps {
    /// The page's element for the slot.
    host: web_sys::Element,
    children: Html,
}

/// One open slot: its panels, shown in the page's element for it.
#[component]
fn SlotPortal(props: &SlotPortalProps) -> Html {
    create_portal(props.children.clone(), props.host.clone())
}

/// What a slot shows. Its panels are made anew for each indicator system (keyed by it): what they
/// hold of their own (a comparison matrix, limits, chosen indicators) is sized by the system.
fn slot_view(slot: Slot, state: &Store, dispatch: &Dispatch) -> Html {
    let key = format!("{:p}", Rc::as_ptr(&state.system));
    match slot {
        Slot::Analysis => html! {
            <analysis::AnalysisPanel key={key} lang={state.lang} system={Ptr(state.system.clone())}
                data={Ptr(state.data.clone())} scenario={state.scenario.clone()}
                manual={state.manual_scenario()} ranking={Ptr(state.ranking.clone())}
                baseline={Ptr(state.baseline.clone())} unit_estimates={Ptr(state.unit_estimates.clone())}
                selected={state.selected} compared={state.compared.clone()} dispatch={dispatch.clone()} />
        },
        Slot::Profile => match state.selected {
            None => html! {},
            Some(unit) => {
                let details_key = format!("profile-{key}");
                html! {
                <profile_details::ProfileDetails key={details_key} lang={state.lang}
                    system={Ptr(state.system.clone())} data={Ptr(state.data.clone())}
                    provenance={Ptr(state.provenance.clone())} ranking={Ptr(state.ranking.clone())} {unit}>
                    <analysis::YearProfile key={format!("year-{key}")} lang={state.lang} system={Ptr(state.system.clone())} editions={Ptr(state.editions.clone())}
                        year_change={state.year_change.clone().map(Ptr)} scenario={state.ranked_scenario.clone()}
                        county={Some(AttrValue::from(state.data.units[unit].adcode.clone()))} />
                    <analysis::ProfileReach key={key} lang={state.lang} system={Ptr(state.system.clone())}
                        data={Ptr(state.data.clone())} scenario={state.scenario.clone()} ranking={Ptr(state.ranking.clone())}
                        unit_estimates={Ptr(state.unit_estimates.clone())} selected={state.selected} />
                </profile_details::ProfileDetails>
                }
            }
        },
        // Not keyed by the system: an import's report stays when its workbook replaces the system.
        Slot::Data => html! {
            <data_panel::DataPanel lang={state.lang} system={Ptr(state.system.clone())} data={Ptr(state.data.clone())}
                provenance={Ptr(state.provenance.clone())} ranking={Ptr(state.ranking.clone())}
                baseline={Ptr(state.baseline.clone())} scenario={state.scenario.clone()}
                bundled={!state.provenance.records().is_empty() && state.editions.list.is_empty()}
                dispatch={dispatch.clone()} editions={Ptr(state.editions.clone())} />
        },
        Slot::Charts => {
            let on_select = dispatch.reform(|u: usize| Action::Select(Some(u)));
            html! {
                <>
                <charts_panel::ChartsPanel key={key.clone()} system={Ptr(state.system.clone())} data={Ptr(state.data.clone())}
                    ranking={Ptr(state.ranking.clone())} baseline={Ptr(state.baseline.clone())} selected={state.selected}
                    lang={state.lang} {on_select} />
                <analysis::YearMovers key={format!("movers-{key}")} lang={state.lang} editions={Ptr(state.editions.clone())}
                    year_change={state.year_change.clone().map(Ptr)} />
                </>
            }
        }
    }
}
