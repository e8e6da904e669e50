//! What a visitor had on the prerendered page when the app replaces it: the focused control and the
//! scroll position, put back on the app's page, which is drawn in the same place.

use wasm_bindgen::JsCast;

/// The focused element, as a selector that finds its counterpart on the page drawn again, and the
/// scroll position.
pub struct KeptView {
    focused: Option<String>,
    scroll: (f64, f64),
}

impl KeptView {
    /// What `document` shows now.
    pub fn of(document: &web_sys::Document) -> Self {
        let focused = document.active_element().and_then(|e| selector_of(&e));
        let window = gloo::utils::window();
        let scroll = (
            window.scroll_x().unwrap_or(0.0),
            window.scroll_y().unwrap_or(0.0),
        );
        Self { focused, scroll }
    }

    /// Puts the focus and then the scroll position back, where the page lost them (focusing may scroll).
    pub fn restore(self) {
        let counterpart = self
            .focused
            .and_then(|s| gloo::utils::document().query_selector(&s).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = counterpart {
            let _ = element.focus();
        }
        let window = gloo::utils::window();
        if (
            window.scroll_x().unwrap_or(0.0),
            window.scroll_y().unwrap_or(0.0),
        ) != self.scroll
        {
            window.scroll_to_with_x_and_y(self.scroll.0, self.scroll.1);
        }
    }
}

/// A selector for an element by its id or test id; none for the body or an element with neither.
fn selector_of(element: &web_sys::Element) -> Option<String> {
    let id = element.id();
    if !id.is_empty() {
        return Some(format!("[id=\"{id}\"]"));
    }
    let test_id = element.get_attribute("data-testid")?;
    let adcode = element
        .get_attribute("data-adcode")
        .map(|a| format!("[data-adcode=\"{a}\"]"))
        .unwrap_or_default();
    Some(format!("[data-testid=\"{test_id}\"]{adcode}"))
}
