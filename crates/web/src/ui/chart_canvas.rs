//! A canvas that draws one chart with plotters, keeps it sharp at the device pixel ratio, maps clicks and
//! keys to the chart's hit regions and shows the chart's table alternative below it.

use super::observe::{use_on_screen, use_width};
use super::Ptr;
use crate::chart::{ChartLayout, ChartStyle, LazyTable, TextTable};
use crate::i18n::{t, Key};
use crate::model::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, KeyboardEvent, MouseEvent};
use yew::prelude::*;

/// The drawing area a painter receives.
pub type CanvasArea = DrawingArea<CanvasBackend, Shift>;

/// Draws one chart on a canvas area.
pub type DrawFn = dyn Fn(&CanvasArea, &ChartStyle) -> Result<ChartLayout, String>;

/// A chart drawing function; compared by pointer, so build it with `use_memo` over the chart's inputs.
#[derive(Clone, PartialEq)]
pub struct Painter(pub Ptr<DrawFn>);

impl Painter {
    pub fn new(
        f: impl Fn(&CanvasArea, &ChartStyle) -> Result<ChartLayout, String> + 'static,
    ) -> Self {
        Self(Ptr(Rc::new(f)))
    }
}

/// How tall the canvas is, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Height {
    Fixed(u32),
    /// Height = width x ratio, kept within [min, max].
    Aspect {
        ratio: f64,
        min: u32,
        max: u32,
    },
}

impl Height {
    fn for_width(self, width: u32) -> u32 {
        match self {
            Height::Fixed(h) => h,
            Height::Aspect { ratio, min, max } => {
                ((width as f64 * ratio).round() as u32).clamp(min, max.max(min))
            }
        }
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ChartCanvasProps {
    pub painter: Painter,
    pub table: Ptr<LazyTable>,
    pub lang: Lang,
    pub height: Height,
    pub on_select: Callback<usize>,
    /// File name stem for the PNG download button; no button without it.
    #[prop_or_default]
    pub png_name: Option<AttrValue>,
}

/// Saves a canvas as a PNG file through a temporary download link.
pub fn canvas_to_png_download(canvas: &HtmlCanvasElement, file_name: &str) -> Result<(), String> {
    let js = |e: JsValue| format!("{e:?}");
    let url = canvas.to_data_url_with_type("image/png").map_err(js)?;
    let doc = crate::ui::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(js)?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    a.set_href(&url);
    a.set_download(file_name);
    let body = doc.body().ok_or("no body")?;
    body.append_child(&a).map_err(js)?;
    a.click();
    a.remove();
    Ok(())
}

/// Units in the order keyboard navigation visits them: each unit once, in drawing order.
fn nav_units(layout: &ChartLayout) -> Vec<usize> {
    let mut seen = Vec::new();
    for h in &layout.hits {
        if !seen.contains(&h.unit) {
            seen.push(h.unit);
        }
    }
    seen
}

/// Sets the canvas's box size through the CSSOM (the page's CSP allows no inline style attributes).
fn set_css_size(canvas: &HtmlCanvasElement, css_width: u32, css_height: u32) {
    let css = canvas.style();
    let _ = css.set_property("width", &format!("{css_width}px"));
    let _ = css.set_property("height", &format!("{css_height}px"));
}

/// Draws the chart into the canvas at the container's width and the device pixel ratio.
fn redraw(
    canvas: &HtmlCanvasElement,
    css_width: u32,
    height: Height,
    lang: Lang,
    painter: &Painter,
    focus: Option<usize>,
) -> Result<ChartLayout, String> {
    let dpr = crate::ui::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let css_height = height.for_width(css_width);
    let (pw, ph) = (
        (css_width as f64 * dpr).round() as u32,
        (css_height as f64 * dpr).round() as u32,
    );
    if canvas.width() != pw {
        canvas.set_width(pw);
    }
    if canvas.height() != ph {
        canvas.set_height(ph);
    }
    set_css_size(canvas, css_width, css_height);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2d context")?;
    let area = backend.into_drawing_area();
    let style = ChartStyle::new(lang).scaled(dpr);
    let layout = (painter.0)(&area, &style)?;
    if let Some(unit) = focus {
        if let Some(h) = layout.hits.iter().find(|h| h.unit == unit) {
            let w = style.px(2.0).max(1) as u32;
            let r = h.rect;
            area.draw(&Rectangle::new(
                [(r.x0 + 1, r.y0 + 1), (r.x1 - 1, r.y1 - 1)],
                style.highlight.stroke_width(w),
            ))
            .map_err(|e| format!("{e:?}"))?;
        }
    }
    area.present().map_err(|e| format!("{e:?}"))?;
    Ok(layout)
}

/// The chart's layout as last drawn (its hit regions) and the error of the last drawing, if it failed.
struct Drawing {
    layout: Rc<RefCell<ChartLayout>>,
    error: UseStateHandle<Option<String>>,
}

/// Keeps the canvas at the width of `wrap_ref` and draws `painter` on it, with the unit `focus` outlined.
#[hook]
fn use_chart_drawing(
    canvas_ref: &NodeRef,
    wrap_ref: &NodeRef,
    painter: &Painter,
    height: Height,
    lang: Lang,
    focus: Option<usize>,
) -> Drawing {
    let layout = use_mut_ref(ChartLayout::default);
    let error = use_state_eq(|| None::<String>);
    let width = use_width(wrap_ref.clone());
    let on_screen = use_on_screen(wrap_ref.clone());

    // The canvas takes its size at once, drawn or not, so the page does not shift when a chart that
    // scrolls into view is drawn.
    {
        let canvas_ref = canvas_ref.clone();
        use_effect_with((width, height), move |(width, height)| {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                if *width > 0 {
                    set_css_size(&canvas, *width, height.for_width(*width));
                }
            }
        });
    }

    // Redraw whenever the chart, the size or the keyboard focus changes, but only while the chart is on
    // screen: a chart scrolled away is drawn when it comes back, so a weight change does not pay for
    // canvases nobody sees.
    {
        let canvas_ref = canvas_ref.clone();
        let layout = layout.clone();
        let error = error.clone();
        let deps = (painter.clone(), width, height, lang, focus, on_screen);
        use_effect_with(
            deps,
            move |(painter, width, height, lang, focus, on_screen)| {
                if !*on_screen {
                    return;
                }
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    let w = if *width > 0 { *width } else { 600 };
                    match redraw(&canvas, w, *height, *lang, painter, *focus) {
                        Ok(l) => {
                            *layout.borrow_mut() = l;
                            error.set(None);
                        }
                        Err(e) => {
                            *layout.borrow_mut() = ChartLayout::default();
                            error.set(Some(e));
                        }
                    }
                }
            },
        );
    }
    Drawing { layout, error }
}

/// A click on the canvas selects the unit under the pointer and puts the keyboard cursor on it.
fn click_handler(
    layout: &Rc<RefCell<ChartLayout>>,
    on_select: &Callback<usize>,
    cursor: &UseStateHandle<Option<usize>>,
) -> Callback<MouseEvent> {
    let (layout, on_select, cursor) = (layout.clone(), on_select.clone(), cursor.clone());
    Callback::from(move |e: MouseEvent| {
        let canvas: HtmlCanvasElement = e.target_unchecked_into();
        let (cw, ch) = (
            canvas.client_width().max(1) as f64,
            canvas.client_height().max(1) as f64,
        );
        let x = (e.offset_x() as f64 * canvas.width() as f64 / cw).round() as i32;
        let y = (e.offset_y() as f64 * canvas.height() as f64 / ch).round() as i32;
        if let Some(u) = layout.borrow().hit_at(x, y) {
            cursor.set(Some(u));
            on_select.emit(u);
        }
    })
}

/// Arrow keys, Home and End move the keyboard cursor over the chart's units; Enter or Space selects the
/// unit under it (or puts the cursor on the first).
fn key_handler(
    layout: &Rc<RefCell<ChartLayout>>,
    on_select: &Callback<usize>,
    cursor: &UseStateHandle<Option<usize>>,
) -> Callback<KeyboardEvent> {
    let (layout, on_select, cursor) = (layout.clone(), on_select.clone(), cursor.clone());
    Callback::from(move |e: KeyboardEvent| {
        let units = nav_units(&layout.borrow());
        if units.is_empty() {
            return;
        }
        let pos = cursor.and_then(|u| units.iter().position(|&x| x == u));
        let last = units.len() - 1;
        let next = match e.key().as_str() {
            "ArrowDown" | "ArrowRight" => Some(pos.map_or(0, |p| (p + 1).min(last))),
            "ArrowUp" | "ArrowLeft" => Some(pos.map_or(0, |p| p.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(last),
            "Enter" | " " => {
                e.prevent_default();
                match pos {
                    Some(p) => on_select.emit(units[p]),
                    None => cursor.set(Some(units[0])),
                }
                return;
            }
            _ => None,
        };
        if let Some(p) = next {
            e.prevent_default();
            cursor.set(Some(units[p]));
        }
    })
}

/// The table row of the unit under the keyboard cursor, read out by screen readers as the cursor moves.
fn announcement(table: &LazyTable, cursor: Option<usize>, lang: Lang) -> String {
    cursor
        .and_then(|u| {
            let rows = table.get();
            let row = rows.row_units.iter().position(|r| *r == Some(u))?;
            Some(rows.rows[row].join(t(lang, Key::ChartCellSeparator)))
        })
        .unwrap_or_default()
}

#[component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let wrap_ref = use_node_ref();
    let focused = use_state_eq(|| false);
    let cursor = use_state_eq(|| None::<usize>);
    let focus = if *focused { *cursor } else { None };
    let Drawing { layout, error } = use_chart_drawing(
        &canvas_ref,
        &wrap_ref,
        &props.painter,
        props.height,
        props.lang,
        focus,
    );

    let onclick = click_handler(&layout, &props.on_select, &cursor);
    let onkeydown = key_handler(&layout, &props.on_select, &cursor);
    let onfocus = {
        let focused = focused.clone();
        Callback::from(move |_: FocusEvent| focused.set(true))
    };
    let onblur = {
        let focused = focused.clone();
        Callback::from(move |_: FocusEvent| focused.set(false))
    };
    let on_png = {
        let canvas_ref = canvas_ref.clone();
        let name = props.png_name.clone().unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                let _ = canvas_to_png_download(&canvas, &format!("{name}.png"));
            }
        })
    };

    let lang = props.lang;
    let table = &props.table;
    let announce = if *focused {
        announcement(table, *cursor, lang)
    } else {
        String::new()
    };
    let hint = t(lang, Key::ChartKeyboardHint);

    html! {
        <div class="chart">
            <div class="chart-wrap" ref={wrap_ref}>
                <canvas
                    ref={canvas_ref}
                    class="chart-canvas"
                    tabindex="0"
                    role="img"
                    aria-label={format!("{} {}", table.caption(), hint)}
                    {onclick}
                    {onkeydown}
                    {onfocus}
                    {onblur}
                />
            </div>
            <p class="sr-only" aria-live="polite">{ announce }</p>
            if let Some(e) = &*error {
                <p class="chart-error" role="alert">{ e.clone() }</p>
            }
            if props.png_name.is_some() {
                <button type="button" class="chart-png" onclick={on_png}>
                    { t(lang, Key::ChartDownloadPng) }
                </button>
            }
            <ChartTable table={table.clone()} {lang} on_select={props.on_select.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct ChartTableProps {
    table: Ptr<LazyTable>,
    lang: Lang,
    on_select: Callback<usize>,
}

/// The chart's text alternative in a disclosure; the table is built only while it is open.
#[component]
fn ChartTable(props: &ChartTableProps) -> Html {
    let table_open = use_state_eq(|| false);
    let ontoggle = {
        let table_open = table_open.clone();
        Callback::from(move |e: Event| {
            let el: Element = e.target_unchecked_into();
            table_open.set(el.has_attribute("open"));
        })
    };
    html! {
        <details class="chart-table" {ontoggle}>
            <summary>{ t(props.lang, Key::ChartShowTable) }</summary>
            if *table_open {
                { table_html(props.table.get(), &props.on_select) }
            }
        </details>
    }
}

/// The text alternative as a table; a row that stands for a unit selects it from a button.
fn table_html(table: &TextTable, on_select: &Callback<usize>) -> Html {
    html! {
        <table>
            <caption>{ table.caption.clone() }</caption>
            <thead>
                <tr>{ for table.headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr>
            </thead>
            <tbody>
                { for table.rows.iter().zip(&table.row_units).map(|(row, unit)| row_html(row, *unit, on_select)) }
            </tbody>
        </table>
    }
}

fn row_html(row: &[String], unit: Option<usize>, on_select: &Callback<usize>) -> Html {
    let cells = row.iter().enumerate().map(|(k, cell)| match (k, unit) {
        (0, Some(u)) => {
            let on_select = on_select.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_select.emit(u));
            html! { <th scope="row"><button type="button" class="link-button" {onclick}>{ cell.clone() }</button></th> }
        }
        (0, None) => html! { <th scope="row">{ cell.clone() }</th> },
        _ => html! { <td>{ cell.clone() }</td> },
    });
    html! { <tr>{ for cells }</tr> }
}
