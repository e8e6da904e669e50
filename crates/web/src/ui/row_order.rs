//! The ranking table's rows in the page while the display order keeps changing: the rows stay in
//! document order and are shifted to their display places with CSS transforms (set through the CSSOM);
//! once the order has been still for `SETTLE_MS` the document is reordered and the shifts removed.
//! While the document order lags, the table says `aria-busy="true"`. The arithmetic is in
//! `state::row_order`.

use crate::state::row_order::{same_units, shifts};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// How long the display order must stay the same before the document order follows it.
const SETTLE_MS: u32 = 250;

/// The rows to put in the document, in document order, and whether that is the display order.
pub struct RowOrder {
    pub document: Rc<Vec<usize>>,
    pub settled: bool,
}

/// The measured slot positions and the shifts applied to the rows of the current document order.
#[derive(Default)]
struct Shifted {
    slot_tops: Vec<f64>,
    applied: Vec<f64>,
}

/// Keeps the document order of the rows in `tbody` while `display` changes among the same units; with
/// `shift` false (a paged table, whose rows are positional) the document order is always `display`.
#[hook]
pub fn use_row_order(display: &[usize], shift: bool, tbody: &NodeRef) -> RowOrder {
    let document = use_mut_ref(Vec::<usize>::new);
    let settle_due = use_mut_ref(|| false);
    let scratch = use_mut_ref(Vec::<bool>::new);
    let timer = use_mut_ref(|| None::<Timeout>);
    let shifted = use_mut_ref(Shifted::default);
    let force = use_force_update();
    let document_now = {
        let mut doc = document.borrow_mut();
        let settle_now = std::mem::take(&mut *settle_due.borrow_mut());
        if !shift || settle_now || !same_units(&doc, display, &mut scratch.borrow_mut()) {
            doc.clear();
            doc.extend_from_slice(display);
        }
        Rc::new(doc.clone())
    };
    let settled = document_now.as_slice() == display;
    {
        let tbody = tbody.clone();
        use_effect_with(
            (document_now.clone(), Rc::new(display.to_vec())),
            move |(doc, display)| {
                let mut state = shifted.borrow_mut();
                let rows = tbody.cast::<HtmlElement>().map(|b| b.children());
                let row = |i: usize| {
                    rows.as_ref()
                        .and_then(|r| r.item(i as u32))
                        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                };
                if doc == display {
                    *timer.borrow_mut() = None;
                    // Every row, not only those shifted at their old places: a new set of rows (a
                    // filter) can bring a shifted row to another index.
                    if state.applied.iter().any(|dy| *dy != 0.0) {
                        for i in 0..rows.as_ref().map_or(0, |r| r.length() as usize) {
                            if let Some(el) = row(i) {
                                let _ = el.style().remove_property("transform");
                            }
                        }
                    }
                    state.applied.clear();
                    state.slot_tops.clear();
                    return;
                }
                let n = doc.len();
                if rows.as_ref().map_or(0, |r| r.length() as usize) != n {
                    return;
                }
                if state.slot_tops.len() != n {
                    // Measured while no row is shifted: the last settle removed every shift.
                    state.slot_tops = (0..n)
                        .map(|i| row(i).map_or(0.0, |el| el.get_bounding_client_rect().top()))
                        .collect();
                    state.applied = vec![0.0; n];
                }
                let dys = shifts(doc, display, &state.slot_tops);
                for (i, &dy) in dys.iter().enumerate() {
                    if (dy - state.applied[i]).abs() < 0.01 {
                        continue;
                    }
                    if let Some(el) = row(i) {
                        let style = el.style();
                        let _ = if dy == 0.0 {
                            style.remove_property("transform").map(drop)
                        } else {
                            style.set_property("transform", &format!("translateY({dy:.2}px)"))
                        };
                    }
                    state.applied[i] = dy;
                }
                *timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || {
                    *settle_due.borrow_mut() = true;
                    force.force_update();
                }));
            },
        );
    }
    RowOrder {
        document: document_now,
        settled,
    }
}
