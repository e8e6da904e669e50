//! The browser user interface (Yew); the only module that touches web APIs.
//!
//! `App` holds one `crate::state::State` in a reducer and lays the page out in named slots, one
//! `<div class="slot slot-NAME">` each: `controls` (weights and method), `ranking`, `profile`, `charts`,
//! `prefectures`, `analysis`, `data` (import, export and sharing) and `methods`. Each panel receives
//! only the parts of the state it shows (their `Rc`s wrapped in `Ptr`, compared by pointer) and the
//! `Dispatch` callback, and changes the page only by dispatching `crate::state::Action`s; what needs
//! the whole state (the share link, the embed bridge, the snapshots for the panels module and the
//! brief) is a hook `App` runs. The `charts`, `analysis` and `data` slots, and what would lift the
//! county in the profile, are drawn by the on-demand panels module (`panels_host` on the page's side,
//! `panels_app` in the module), which keeps one replica of the state and sends its panels' selections,
//! scenarios and data sets to the page.
//!
//! The same components render the default page natively at build time (`prerender`, for
//! src/bin/finish-page.rs); in the browser `start` draws the app in its place, and the first render
//! must be that page, node for node, so that nothing moves: a render reads no address, storage or
//! viewport; the address comes as `App`'s prop, and `window` is `None` natively.

mod address;
mod analysis;
pub mod brief;
pub mod chart_canvas;
pub mod charts_panel;
mod data_panel;
mod editions;
pub mod embed;
mod header;
mod import_report;
#[cfg(target_arch = "wasm32")]
mod kept_view;
mod language;
mod methods;
mod observe;
pub mod panels_app;
mod panels_host;
mod prefectures;
mod profile;
mod profile_details;
mod ranking;
mod row_order;
mod scenario_store;
mod storage;
mod tools;
mod weights;

use crate::data::seeds;
use crate::i18n::{t, Key};
use crate::model::Lang;
use crate::share::{self, Embed, Panel};
use crate::state::{self, Action, State};
use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// A shared part of the state that props compare by pointer, so a panel re-renders exactly when that
/// part of the state was replaced.
#[derive(Debug)]
pub struct Ptr<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for Ptr<T> {
    fn clone(&self) -> Self {
        Ptr(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Ptr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for Ptr<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> From<Rc<T>> for Ptr<T> {
    fn from(rc: Rc<T>) -> Self {
        Ptr(rc)
    }
}

/// The page state as the reducer holds it, compared by pointer, so a panel re-renders exactly when an
/// action produced a new state.
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub Ptr<State>);

impl Deref for Store {
    type Target = State;
    fn deref(&self) -> &State {
        &self.0
    }
}

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(Ptr(Rc::new(state::reduce(&self.0, action)))))
    }
}

/// What panels use to change the state: on the page, the reducer's dispatcher; in the panels module,
/// a callback that sends the page's part to the page (`panels_app`).
pub type Dispatch = Callback<Action>;

/// The browser window; none where the page is prerendered at build time, so a render that reads the
/// address or storage gets what a fresh browser would have.
pub(crate) fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The `lang` attribute value of a language.
pub fn lang_tag(lang: Lang) -> &'static str {
    lang.language().html_tag
}

/// The page's state as of the latest render, for callbacks and listeners made once that read the state
/// of the moment they run (the embed bridge's commands, the panels' loader, the brief's snapshot).
pub type LatestState = Rc<RefCell<Store>>;

/// Keeps one [`LatestState`] up to date with `state`.
#[hook]
fn use_latest_state(state: &Store) -> LatestState {
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    latest
}

/// What the page starts from besides the bundled data: the address's query (without its `?`), read by
/// `start` in the browser and empty when the default page is prerendered.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub query: AttrValue,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer(|| Store(Ptr(Rc::new(State::from_bundle(seeds::bundle())))));
    let reducer_dispatch: Dispatch = use_callback(store.dispatcher(), |action, reducer| {
        reducer.dispatch(action)
    });
    // Every change goes through here, so a language is switched to only once its texts are at hand.
    let (dispatch, language_load) = language::use_language_loading(&reducer_dispatch);
    let state: Store = (*store).clone();
    let lang = state.lang;

    // The embed options are read from the address once, so that no event goes out before the allowed
    // origins are known.
    let embed = use_memo((), {
        let state = state.clone();
        let query = props.query.clone();
        move |_| Rc::new(embed_options(&state, &query))
    });
    // Embedding and the snapshots for the panels module run here, whichever panels are shown, before
    // the share link, as they did when child components held them.
    let latest = use_latest_state(&state);
    embed::use_embed_bridge(&state, &latest, &dispatch, &embed);
    let panel_link = panels_host::use_panel_snapshots(&state, &latest, &dispatch);
    // The share link is restored and the address kept on the view here, whichever panels are shown;
    // the link's effect runs before those below, as it did when a child panel held it.
    let link = address::use_share_link(&state, &latest, &dispatch, &embed, &props.query);

    use_effect_with(lang, |&lang| {
        if let Some(doc) = crate::ui::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang_tag(lang));
            }
            doc.set_title(&format!(
                "{} · {}",
                t(lang, Key::Title),
                t(lang, Key::RankingHeading)
            ));
        }
    });
    // Tests and the benchmark wait for this marker: the first complete render (children's effects,
    // such as chart drawing, have run before the parent's), or for a link naming a saved data set,
    // the first once the link is restored with it.
    let waiting = link.reading_saved.is_some();
    use_effect_with(waiting, |&waiting| {
        if let Some(body) = crate::ui::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .filter(|_| !waiting)
        {
            let _ = body.set_attribute("data-ready", "1");
        }
    });

    // Panels an embedding page hides (`hide=`) are not rendered at all, so they cost nothing on a weight
    // change (www/data.css hides their slots too).
    let shown = |p: Panel| !embed.hide.contains(&p);

    let snapshot = brief::use_page_snapshot(&latest);
    // The ranking shows the change since the earlier compared edition while the later one is shown.
    let compared = state
        .editions
        .comparison
        .filter(|&(_, to)| state.editions.shown == Some(to));
    let year_change = compared.and(state.year_change.clone()).map(Ptr);

    html! {
        <>
            <a class="skip-link" href="#ranking">{ t(lang, Key::SkipToRanking) }</a>
            <header::Header {lang} {language_load} system={Ptr(state.system.clone())} data={Ptr(state.data.clone())} provenance={Ptr(state.provenance.clone())}
                link_notices={Ptr(state.link_notices.clone())} reading_saved={link.reading_saved.clone().map(AttrValue::from)}
                dispatch={dispatch.clone()} />
            <editions::EditionBar {lang} editions={Ptr(state.editions.clone())} dispatch={dispatch.clone()} />
            // The profile takes a place in the layout only while a county is chosen (app.css).
            <main id="main" class={classes!("layout", (state.selected.is_some() && shown(Panel::Profile)).then_some("has-profile"))}>
                <div class="slot slot-controls">
                    if shown(Panel::Weights) {
                        <weights::WeightsPanel {lang} system={Ptr(state.system.clone())} figures={weights::WeightFigures::of(&state)}
                            weighting={state.scenario.weighting} normalisation={state.scenario.normalisation}
                            aggregation={state.scenario.aggregation} preset={state.preset} problem={state.problem.clone()}
                            dispatch={dispatch.clone()} />
                    }
                </div>
                <div class="slot slot-ranking">
                    if shown(Panel::Ranking) {
                        <ranking::RankingPanel {lang} system={Ptr(state.system.clone())} data={Ptr(state.data.clone())}
                            ranking={Ptr(state.ranking.clone())} changes={Ptr(state.changes.clone())} unit_estimates={Ptr(state.unit_estimates.clone())}
                            table={state.table.clone()} selected={state.selected} dispatch={dispatch.clone()}
                            {year_change} years={compared} scaling={state.editions.scaling} />
                    }
                </div>
                <div class="slot slot-profile">
                    if shown(Panel::Profile) {
                        <profile::ProfilePanel {lang} data={Ptr(state.data.clone())}
                            ranking={Ptr(state.ranking.clone())} selected={state.selected}
                            snapshot={snapshot.clone()} dispatch={dispatch.clone()} link={panel_link.clone()} />
                    }
                </div>
                <div class="slot slot-charts">
                    if shown(Panel::Charts) {
                        <panels_host::OnDemand slot="charts" {lang} link={panel_link.clone()} />
                    }
                </div>
                <div class="slot slot-prefectures">
                    if shown(Panel::Prefectures) {
                        <prefectures::PrefecturePanel {lang} data={Ptr(state.data.clone())} ranking={Ptr(state.ranking.clone())} />
                    }
                </div>
                <div class="slot slot-analysis">
                    if shown(Panel::Analysis) {
                        <panels_host::OnDemand slot="analysis" {lang} link={panel_link.clone()} />
                    }
                </div>
                <div class="slot slot-data">
                    if shown(Panel::Data) {
                        <panels_host::OnDemand slot="data" {lang} link={panel_link} />
                        <section class="panel share-panel" aria-labelledby="share-link-h">
                            <h2 id="share-link-h"><label for="share-link">{ t(lang, Key::DataShareLink) }</label></h2>
                            <input id="share-link" type="text" readonly=true value={link.url()} data-testid="share-link" />
                            <p class="hint">{ t(lang, Key::DataShareHint) }</p>
                        </section>
                    }
                </div>
                <div class="slot slot-methods"><methods::MethodsPanel lang={lang} system={Ptr(state.system.clone())}
                    scaling={state.editions.several().then_some(state.editions.scaling)} dispatch={dispatch.clone()} /></div>
            </main>
            <footer class="site-footer"><p>{ t(lang, Key::Footer) }</p></footer>
        </>
    }
}

/// The embed options in the page address (`embed`, `hide`, `origins`).
fn embed_options(state: &State, query: &str) -> Embed {
    let defaults = state::default_scenario(&state.system);
    share::parse(query, &state.system, &defaults).0.embed
}

/// The element the app is drawn in (index.html); the page prerendered at build time sits in it.
pub const ROOT_ID: &str = "app";
/// The root's attribute saying it holds the prerendered default page (src/bin/finish-page.rs).
pub const PRERENDERED: &str = "data-prerendered";
/// Starts the application in the browser, in a task of its own after the one that instantiated the
/// module, so that neither blocks the page for as long as both would.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    gloo::timers::callback::Timeout::new(0, || wasm_bindgen_futures::spawn_local(take_over()))
        .forget();
}

/// Takes over the page once the texts of the language the address asks for are at hand (or could not
/// be had: the page then starts in the default language and says so). The app is drawn afresh in place
/// of the prerendered page, in this task and the microtask Yew draws in, so no frame shows the root
/// empty; on a plain address its first render is the prerendered page itself, so nothing moves. (Yew's
/// hydration would adopt the nodes instead, for 8.5 KB more of the page's module gzipped.)
#[cfg(target_arch = "wasm32")]
async fn take_over() {
    if let Some(lang) = language::asked_by_address() {
        let _ = language::load(lang).await;
    }
    let document = gloo::utils::document();
    let query = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_owned();
    let props = AppProps {
        query: query.into(),
    };
    let Some(root) = document.get_element_by_id(ROOT_ID) else {
        yew::Renderer::<App>::with_props(props).render();
        return;
    };
    let kept = kept_view::KeptView::of(&document);
    root.set_inner_html("");
    let _ = root.remove_attribute(PRERENDERED);
    yew::Renderer::<App>::with_root_and_props(root, props).render();
    // Yew draws in a task `render` queued on the same queue, so this one runs once the page is drawn.
    wasm_bindgen_futures::spawn_local(async move { kept.restore() });
}

/// The default page as HTML, rendered natively at build time (which the app in the browser draws again
/// in its place): the bundled data under the default method, in the default language.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender() -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a single-threaded runtime starts");
    let render = yew::LocalServerRenderer::<App>::with_props(AppProps::default())
        .hydratable(false)
        .render();
    tokio::task::LocalSet::new().block_on(&runtime, render)
}
