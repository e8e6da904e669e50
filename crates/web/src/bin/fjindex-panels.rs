//! The web page's on-demand panels module: the charts and the analysis panels, which the page loads
//! when either first comes into view (`src/ui/panels_host.rs`, `www/tools.js`), and the county brief,
//! loaded when its button is first pressed (`src/ui/brief.rs`); it also carries out the embed API's
//! commands (loaded when a host sends the first, `src/ui/embed.rs`) and reads the saved data set a link
//! names, for the page (`src/ui/address.rs`). Each export wraps a function of
//! `fjindex_web::ui::panels_app`, `fjindex_web::ui::brief` or `fjindex_web::ui::embed`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use fjindex_engine::state::messages::PageMessage;
    use fjindex_engine::state::snapshot::Snapshot;
    use fjindex_web::ui::panels_app;
    use wasm_bindgen::prelude::*;

    /// The snapshot in a page message's texts (`PageMessage::encode`).
    fn read_snapshot(message: Vec<String>) -> Result<Snapshot, String> {
        let PageMessage::Snapshot(snapshot) = PageMessage::decode(message)?;
        Ok(snapshot)
    }

    /// Answers once the module is loaded; the page takes its snapshot after this.
    #[wasm_bindgen]
    pub fn ready() {}

    /// Opens the slot `slot` (`charts` or `analysis`) on `root` from the page's snapshot (the texts
    /// of its `PageMessage`); the panels' requests go to `to_page(kind, value)`, the texts of a
    /// `PanelRequest`. Throws when the slot or the snapshot cannot be read.
    #[wasm_bindgen]
    pub fn open(
        slot: &str,
        root: web_sys::Element,
        snapshot: Vec<String>,
        to_page: js_sys::Function,
    ) -> Result<(), String> {
        panels_app::open(slot, root, read_snapshot(snapshot)?, to_page)
    }

    /// Draws the county brief of the page's full snapshot (its selected county) on `root`; resolves
    /// once it is in the document, or fails with a message.
    #[wasm_bindgen]
    pub async fn brief(root: web_sys::Element, snapshot: Vec<String>) -> Result<(), String> {
        fjindex_web::ui::brief::show(root, read_snapshot(snapshot)?).await
    }

    /// Carries out a host's message on the page's full snapshot (`ui::embed`): the texts of its
    /// outcome, or throws the refusal in the page's language.
    #[wasm_bindgen]
    pub fn obey(message: JsValue, snapshot: Vec<String>) -> Result<Vec<String>, String> {
        fjindex_web::ui::embed::obey_in_module(message, read_snapshot(snapshot)?)
    }

    /// Reads the data set saved under `hash` in the indicator system of `system_json` for the page,
    /// which restores a link naming it: `["data", json]` or `["error", code]`.
    #[wasm_bindgen]
    pub fn load_saved(hash: &str, system_json: &str) -> Vec<String> {
        panels_app::load_saved(hash, system_json).to_vec()
    }

    /// Brings the open slots to the page's latest snapshot.
    #[wasm_bindgen]
    pub fn apply(snapshot: Vec<String>) -> Result<(), String> {
        panels_app::apply(read_snapshot(snapshot)?)
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
