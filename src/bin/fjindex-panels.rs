//! The web page's on-demand panels module: the charts and the analysis panels, which the page loads
//! when either first comes into view (`src/ui/panels_host.rs`, `www/tools.js`). Each export wraps a
//! function of `fjindex::ui::panels_app`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use fjindex::state::snapshot::Snapshot;
    use fjindex::ui::panels_app;
    use wasm_bindgen::prelude::*;

    /// Answers once the module is loaded; the page takes its snapshot after this.
    #[wasm_bindgen]
    pub fn ready() {}

    /// Opens the slot `slot` (`charts` or `analysis`) on `root` from the page's snapshot (the five
    /// texts of `Snapshot::into_parts`); the panels' requests go to `to_page(kind, value)`. Throws when
    /// the slot or the snapshot cannot be read.
    // One argument per part of the snapshot, as the page passes them across the module boundary.
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen]
    pub fn open(
        slot: &str,
        root: web_sys::Element,
        view: String,
        ranked: String,
        data_kind: &str,
        meta_json: String,
        csv: String,
        to_page: js_sys::Function,
    ) -> Result<(), String> {
        let snapshot = Snapshot::from_parts(view, ranked, data_kind, meta_json, csv)?;
        panels_app::open(slot, root, snapshot, to_page)
    }

    /// Brings the open slots to the page's latest snapshot.
    #[wasm_bindgen]
    pub fn apply(
        view: String,
        ranked: String,
        data_kind: &str,
        meta_json: String,
        csv: String,
    ) -> Result<(), String> {
        panels_app::apply(Snapshot::from_parts(
            view, ranked, data_kind, meta_json, csv,
        )?)
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "fjindex-panels is the web page's on-demand WebAssembly module; `trunk build` builds it (see README.md)."
    );
    std::process::exit(2);
}
