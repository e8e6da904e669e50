//! The web page's second WebAssembly module, loaded only when first needed: file import (calamine, zip,
//! encoding_rs), XLSX writing and the exact mixed-integer analyses. Each export wraps a function of
//! `fjindex_tools::tools_api` and exchanges JSON strings or bytes with the page (`www/tools.js`).

#[cfg(target_arch = "wasm32")]
mod exports {
    use fjindex_tools::tools_api;
    use wasm_bindgen::prelude::*;

    /// An `ImportReport` as JSON.
    #[wasm_bindgen]
    pub fn import_file(bytes: &[u8], file_name: &str, sheet: Option<String>) -> String {
        tools_api::import_file(bytes, file_name, sheet)
    }

    /// An `ImportReport` as JSON; `on_stage` is called with the name of each stage reached. The page's
    /// import worker (`www/import-worker.js`) calls this one.
    #[wasm_bindgen]
    pub fn import_file_staged(
        bytes: &[u8],
        file_name: &str,
        sheet: Option<String>,
        on_stage: &js_sys::Function,
    ) -> String {
        tools_api::import_file_staged(bytes, file_name, sheet, &mut |stage| {
            let _ = on_stage.call1(&JsValue::NULL, &JsValue::from_str(stage));
        })
    }

    /// An XLSX file from a JSON list of sheets; throws on a malformed list.
    #[wasm_bindgen]
    pub fn write_xlsx(sheets_json: &str) -> Result<Vec<u8>, String> {
        tools_api::write_xlsx(sheets_json)
    }

    /// `Result<RankBounds, String>` as JSON.
    #[wasm_bindgen]
    pub fn rank_bounds(request_json: &str) -> String {
        tools_api::rank_bounds(request_json)
    }

    /// `Result<WeightReach, String>` as JSON.
    #[wasm_bindgen]
    pub fn weight_reach(request_json: &str) -> String {
        tools_api::weight_reach(request_json)
    }

    /// `Result<Plan, String>` as JSON.
    #[wasm_bindgen]
    pub fn plan(request_json: &str) -> String {
        tools_api::plan(request_json)
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "fjindex-tools is the web page's on-demand WebAssembly module; `trunk build` builds it (see README.md)."
    );
    std::process::exit(2);
}
