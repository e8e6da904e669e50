//! The county brief in the page: the profile's "打印简报 / Print brief" button (page module) and the
//! brief itself (panels module, loaded when the button is first pressed); and the print machinery every
//! printable document uses (the brief and the audit report): one overlay, one document shown at a time.
//!
//! The button puts a full-page overlay under `<body>` (outside the page's Yew tree, so nothing of the
//! page re-renders), sends the page's snapshot to the panels module's `brief` export, and once the brief
//! is drawn marks `<html data-brief="open">` (www/brief.css then prints the brief alone on one A4 page)
//! and calls `window.print()`. The content is `crate::brief`; this file only lays it out.

use crate::brief::{Brief, DimensionRow, DimensionTable, Qr, Section};
use crate::i18n::{t, tf, Key};
use crate::model::Lang;
use crate::state::messages::PageMessage;
use crate::state::snapshot::Snapshot;
use crate::ui::LatestState;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[wasm_bindgen(module = "/www/tools.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = callPanels)]
    async fn call_panels(name: &str, args: js_sys::Array) -> Result<JsValue, JsValue>;
}

/// The id of the overlay element the brief is drawn in.
const OVERLAY_ID: &str = "county-brief";

fn document() -> Option<web_sys::Document> {
    crate::ui::window().and_then(|w| w.document())
}

/// The overlay under `<body>`, made on first use.
pub(crate) fn overlay() -> Option<web_sys::Element> {
    let doc = document()?;
    if let Some(el) = doc.get_element_by_id(OVERLAY_ID) {
        return Some(el);
    }
    let el = doc.create_element("div").ok()?;
    el.set_id(OVERLAY_ID);
    el.set_class_name("brief-overlay");
    doc.body()?.append_child(&el).ok()?;
    Some(el)
}

/// Marks the brief open or closed on `<html>` (www/brief.css shows and prints it only when open).
fn mark_open(open: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = if open {
            root.set_attribute("data-brief", "open")
        } else {
            root.remove_attribute("data-brief")
        };
    }
}

/// Where the brief is being made, as the button shows it.
#[derive(Clone, Debug, PartialEq)]
enum Making {
    Idle,
    Busy,
    Failed(String),
}

/// A callback that makes the page's snapshot, with its data set, from the state as it stands when the
/// callback is called. It is the same callback for the life of the page, so the profile that hands it
/// to the brief's button is not re-rendered for it.
#[hook]
pub fn use_page_snapshot(latest: &LatestState) -> Callback<(), Snapshot> {
    let latest = latest.clone();
    use_callback((), move |(), _| Snapshot::of(&latest.borrow(), true))
}

/// The brief's button: its language, and the snapshot of the page it sends when pressed.
#[derive(Properties, PartialEq, Clone)]
pub struct BriefButtonProps {
    pub lang: Lang,
    /// Makes the snapshot of the page, the selected county among it (`use_page_snapshot`).
    pub snapshot: Callback<(), Snapshot>,
}

/// The profile's button that makes the brief of the selected county and prints it.
#[component]
pub fn BriefButton(props: &BriefButtonProps) -> Html {
    let lang = props.lang;
    let making = use_state_eq(|| Making::Idle);
    let onclick = {
        let (snapshot, making) = (props.snapshot.clone(), making.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(root) = overlay() else {
                return;
            };
            making.set(Making::Busy);
            let parts = PageMessage::Snapshot(snapshot.emit(())).encode();
            let making = making.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let parts: js_sys::Array = parts.into_iter().map(JsValue::from).collect();
                let args = js_sys::Array::of2(&root, &parts);
                match call_panels("brief", args).await {
                    Ok(_) => {
                        making.set(Making::Idle);
                        open_and_print();
                    }
                    Err(e) => making.set(Making::Failed(super::tools::describe(&e))),
                }
            });
        })
    };
    let busy = *making == Making::Busy;
    html! {
        <div class="brief-action">
            <button type="button" data-testid="brief-open" {onclick} disabled={busy} aria-haspopup="dialog">
                { if busy { t(lang, Key::BriefMaking) } else { t(lang, Key::BriefPrint) } }
            </button>
            if let Making::Failed(reason) = &*making {
                <p class="problem" role="alert" data-testid="brief-failed">
                    { tf(lang, Key::BriefFailedWithReason, &[t(lang, Key::BriefFailed), reason.as_str()]) }
                </p>
            }
        </div>
    }
}

thread_local! {
    /// The document drawn last (panels module), replaced by the next.
    static SHOWN: std::cell::RefCell<Option<AppHandle<PrintApp>>> = const { std::cell::RefCell::new(None) };
}

/// Today's date as `2026-12-06`, in the reader's time zone.
pub(crate) fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

fn base_url() -> String {
    crate::ui::window().map_or(String::new(), |w| {
        let l = w.location();
        format!(
            "{}{}",
            l.origin().unwrap_or_default(),
            l.pathname().unwrap_or_default()
        )
    })
}

/// Resolves after the browser has run its pending tasks (Yew's render among them).
pub(crate) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = crate::ui::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Panels module: draws the brief of the snapshot's county on `root` and resolves once it is in the
/// document. Best and worst ranks range over any weighting (the brief says so) and come precomputed or
/// from the tools module; when neither can give them, that section is left out.
pub async fn show(root: web_sys::Element, snapshot: Snapshot) -> Result<(), String> {
    let state = super::panels_app::replica(snapshot)?;
    let u = state
        .selected
        .ok_or_else(|| "no county is selected".to_string())?;
    let bounds = match crate::brief::precomputed_bounds(&state, u) {
        Some(b) => Some(b),
        None => {
            let request = crate::tools_api::AnalysisRequest {
                data: std::borrow::Cow::Borrowed(&*state.data),
                scenario: std::borrow::Cow::Borrowed(&state.scenario),
                unit: u,
                target: 1,
                limits: None,
                lang: state.lang,
                system_json: crate::tools_api::system_json_of(&state.system),
            };
            super::tools::rank_bounds(&request)
                .await
                .ok()
                .and_then(Result::ok)
        }
    };
    let (date, base) = (today(), base_url());
    let extras = crate::brief::Extras {
        date: &date,
        base_url: &base,
        bounds,
        bounds_limits: None,
    };
    let brief = crate::brief::build(&state, &extras).ok_or("no county is selected")?;
    let sheet = brief_sheet(&brief);
    present(
        root,
        brief.lang,
        "[data-testid=\"brief-open\"]",
        "brief-title",
        Key::BriefClose,
        sheet,
    )
    .await
}

#[derive(Properties, PartialEq)]
struct PrintAppProps {
    lang: Lang,
    /// The page's element the document is shown in.
    host: web_sys::Element,
    opener: &'static str,
    labelled_by: &'static str,
    /// The close button's text, which names the document.
    close_label: Key,
    sheet: Html,
}

/// Moves the focus to the element `selector` finds.
fn focus(selector: &str) {
    if let Some(el) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Closes the document shown and gives the focus to the button `opener` finds, which opened it.
fn close(opener: &str) {
    mark_open(false);
    focus(opener);
}

/// Shows the document drawn last and opens the browser's print dialog.
pub(crate) fn open_and_print() {
    mark_open(true);
    focus("[data-testid=\"brief-close\"]");
    if let Some(w) = crate::ui::window() {
        let _ = w.print();
    }
}

/// Panels module: draws `sheet` in the overlay `root` as the one print document, replacing the one
/// drawn before, and resolves once it is in the document. `opener` finds the button the focus goes back
/// to on closing; `labelled_by` is the id of the sheet's title; `close_label` names the close button.
pub(crate) async fn present(
    root: web_sys::Element,
    lang: Lang,
    opener: &'static str,
    labelled_by: &'static str,
    close_label: Key,
    sheet: Html,
) -> Result<(), String> {
    SHOWN.with(|s| {
        if let Some(old) = s.borrow_mut().take() {
            old.destroy();
        }
    });
    let app = yew::Renderer::<PrintApp>::with_root_and_props(
        super::panels_app::detached_root()?,
        PrintAppProps {
            lang,
            host: root,
            opener,
            labelled_by,
            close_label,
            sheet,
        },
    )
    .render();
    SHOWN.with(|s| *s.borrow_mut() = Some(app));
    next_task().await;
    Ok(())
}

/// The print document's dialog: its toolbar (print again, close) over the sheet; Escape closes it.
#[component]
fn PrintApp(props: &PrintAppProps) -> Html {
    let lang = props.lang;
    let opener = props.opener;
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = crate::ui::window() {
            let _ = w.print();
        }
    });
    let on_close = Callback::from(move |_: MouseEvent| close(opener));
    // Escape closes the document wherever the focus is (printing may have taken it off the toolbar).
    use_effect_with(opener, |&opener| {
        let listener = document().map(|d| {
            gloo::events::EventListener::new(&d, "keydown", move |e| {
                let open = document()
                    .and_then(|d| d.document_element())
                    .is_some_and(|r| r.has_attribute("data-brief"));
                let escape = e
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Escape");
                if open && escape {
                    close(opener);
                }
            })
        });
        move || drop(listener)
    });
    let view = html! {
        <div class="brief-dialog" role="dialog" aria-modal="true" aria-labelledby={props.labelled_by}
            lang={super::lang_tag(lang)}>
            <div class="brief-toolbar">
                <button type="button" onclick={print} data-testid="brief-print">{ t(lang, Key::BriefPrintAgain) }</button>
                <button type="button" onclick={on_close} data-testid="brief-close">{ t(lang, props.close_label) }</button>
            </div>
            { props.sheet.clone() }
        </div>
    };
    create_portal(view, props.host.clone())
}

/// The brief's sheet.
fn brief_sheet(b: &Brief) -> Html {
    let lang = b.lang;
    html! {
        <article class="brief-sheet" data-testid="brief" data-adcode={b.adcode.clone()}>
            <header class="brief-head">
                <p class="brief-kicker">{ b.title.clone() }</p>
                <h2 id="brief-title" translate="no">{ b.county.clone() }{ " " }<span class="muted">{ b.prefecture.clone() }</span></h2>
                <dl class="brief-facts">
                    { for b.facts.iter().map(|(label, value)| html! {
                        <div><dt>{ label.clone() }</dt><dd translate="no">{ value.clone() }</dd></div>
                    }) }
                </dl>
            </header>
            if let Some(note) = &b.estimate_notice {
                <p class="brief-estimate" data-testid="brief-estimate">
                    <span class="est-mark" aria-hidden="true">{ t(lang, Key::EstimateMark) }</span>{ " " }{ note.clone() }
                </p>
            }
            <div class="brief-body">
                { for b.sections.iter().map(|s| section(s, b.qr.as_ref(), lang)) }
            </div>
            <footer class="brief-foot">{ t(lang, Key::BriefFooter) }</footer>
        </article>
    }
}

fn section(s: &Section, qr: Option<&Qr>, lang: Lang) -> Html {
    let lines = if s.id == "link" {
        // The link itself, set apart so it can be read and typed.
        let (intro, link) = s.lines.split_at(s.lines.len().saturating_sub(1));
        html! {
            <div class="brief-link-row">
                if let Some(qr) = qr { { qr_svg(qr, lang) } }
                <div>
                    { for intro.iter().map(|l| html! { <p>{ l.clone() }</p> }) }
                    { for link.iter().map(|l| html! { <p class="brief-url" data-testid="brief-link" translate="no">{ l.clone() }</p> }) }
                </div>
            </div>
        }
    } else {
        html! { for l in &s.lines { <p>{ l.clone() }</p> } }
    };
    html! {
        <section class={classes!("brief-section", format!("brief-{}", s.id))} data-section={s.id} data-testid="brief-section">
            <h3>{ s.heading.clone() }</h3>
            { lines }
            if let Some(table) = &s.table { { dimension_table(table) }{ dimension_chart(table, lang) } }
        </section>
    }
}

fn fmt(v: f64) -> String {
    if v.is_nan() {
        "—".into()
    } else {
        format!("{v:.1}")
    }
}

fn dimension_table(t: &DimensionTable) -> Html {
    html! {
        <table class="brief-table">
            <thead><tr>
                <th scope="col">{ t.head[0].clone() }</th>
                { for t.head[1..].iter().map(|h| html! { <th scope="col" class="num">{ h.clone() }</th> }) }
            </tr></thead>
            <tbody>
                { for t.rows.iter().map(|r: &DimensionRow| html! {
                    <tr>
                        <th scope="row">
                            <span class={classes!("swatch", format!("dim-fill-{}", r.dimension))} aria-hidden="true"></span>
                            { r.name.clone() }
                        </th>
                        <td class="num">{ fmt(r.score) }</td>
                        <td class="num">{ if r.rank > 0 { r.rank.to_string() } else { "—".into() } }</td>
                        <td class="num">{ fmt(r.prefecture_mean) }</td>
                        <td class="num">{ fmt(r.province_mean) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// Bars of the county's dimension scores on a 0-100 scale, with the prefecture mean (a dark tick) and
/// the province mean (a dashed line); the table above says the same in figures.
fn dimension_chart(table: &DimensionTable, lang: Lang) -> Html {
    const LABEL: f64 = 175.0;
    const WIDTH: f64 = 520.0;
    const ROW: f64 = 18.0;
    let scale = |v: f64| LABEL + (v.clamp(0.0, 100.0) / 100.0) * (WIDTH - LABEL - 10.0);
    let height = ROW * table.rows.len() as f64 + 22.0;
    let legend_y = height - 6.0;
    html! {
        <svg class="brief-chart" viewBox={format!("0 0 {WIDTH} {height}")} role="img"
            aria-label={t(lang, Key::BriefChartLabel)}>
            { for table.rows.iter().enumerate().map(|(i, r)| {
                let y = i as f64 * ROW;
                let x0 = scale(0.0);
                html! {
                    <g>
                        <text x="0" y={format!("{}", y + 12.0)} class="brief-chart-label">{ r.name.clone() }</text>
                        <rect x={format!("{x0}")} y={format!("{}", y + 3.0)} width={format!("{:.1}", scale(100.0) - x0)} height="10" class="brief-track" />
                        if !r.score.is_nan() {
                            <rect x={format!("{x0}")} y={format!("{}", y + 3.0)} width={format!("{:.1}", scale(r.score) - x0)} height="10"
                                class={format!("dim-fill-{}", r.dimension)} />
                        }
                        if !r.prefecture_mean.is_nan() {
                            <rect x={format!("{:.1}", scale(r.prefecture_mean) - 1.5)} y={format!("{}", y)} width="3" height="16" class="brief-pref-mean" />
                        }
                        if !r.province_mean.is_nan() {
                            <line x1={format!("{:.1}", scale(r.province_mean))} x2={format!("{:.1}", scale(r.province_mean))}
                                y1={format!("{}", y)} y2={format!("{}", y + 16.0)} class="brief-prov-mean" />
                        }
                    </g>
                }
            }) }
            <rect x={format!("{LABEL}")} y={format!("{}", legend_y - 8.0)} width="10" height="8" class="dim-fill-0" />
            <text x={format!("{}", LABEL + 14.0)} y={format!("{legend_y}")} class="brief-chart-label">{ table.series[0].clone() }</text>
            <rect x={format!("{}", LABEL + 110.0)} y={format!("{}", legend_y - 10.0)} width="3" height="12" class="brief-pref-mean" />
            <text x={format!("{}", LABEL + 118.0)} y={format!("{legend_y}")} class="brief-chart-label">{ table.series[1].clone() }</text>
            <line x1={format!("{}", LABEL + 225.0)} x2={format!("{}", LABEL + 225.0)} y1={format!("{}", legend_y - 10.0)} y2={format!("{}", legend_y + 2.0)} class="brief-prov-mean" />
            <text x={format!("{}", LABEL + 232.0)} y={format!("{legend_y}")} class="brief-chart-label">{ table.series[2].clone() }</text>
        </svg>
    }
}

/// The QR code as one path on a grid with a four-module quiet zone.
fn qr_svg(qr: &Qr, lang: Lang) -> Html {
    let size = qr.width + 8;
    html! {
        <svg class="brief-qr" data-testid="brief-qr" viewBox={format!("-4 -4 {size} {size}")} role="img"
            aria-label={t(lang, Key::BriefQrLabel)}
            data-modules={qr.width.to_string()} shape-rendering="crispEdges">
            <rect x="-4" y="-4" width={size.to_string()} height={size.to_string()} class="brief-qr-bg" />
            <path d={qr.path.clone()} class="brief-qr-dark" />
        </svg>
    }
}
