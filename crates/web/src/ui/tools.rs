//! Calls into the on-demand tools module (`src/bin/fjindex-tools.rs`), which `www/tools.js` loads on
//! the first call: XLSX writing and the exact analyses on the page's thread, and file import in a
//! worker (`www/import-worker.js`) that can be cancelled, as async functions with typed answers. A call
//! fails with a [`ToolsError`] when the module cannot be loaded or answers nonsense; an import also
//! fails when the module broke on the file ([`ImportFailure`]).

use crate::analysis::bounds::RankBounds;
use crate::analysis::plan::Plan;
use crate::analysis::reach::WeightReach;
use crate::data::sheet::Sheet;
use crate::i18n::{t, tf, Key};
use crate::model::Lang;
use crate::tools_api::{self, export, AnalysisRequest, ImportSummary};
use std::cell::Cell;
use std::future::Future;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[wasm_bindgen(module = "/www/tools.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = callTools)]
    async fn call_tools(name: &str, args: js_sys::Array) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = importInWorker)]
    async fn import_in_worker(
        bytes: js_sys::Uint8Array,
        name: &str,
        sheet: JsValue,
        on_stage: js_sys::Function,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = cancelImport)]
    fn cancel_import_js();
}

thread_local! {
    static LOADED: Cell<bool> = const { Cell::new(false) };
}

/// True once the module has answered a call, so later calls need no loading message.
pub fn loaded() -> bool {
    LOADED.with(Cell::get)
}

/// The module could not be loaded, or failed to answer.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolsError(pub String);

impl ToolsError {
    /// What the user is told, with the browser's reason in brackets.
    pub fn message(&self, lang: Lang) -> String {
        tf(
            lang,
            Key::PageWithBrackets,
            &[t(lang, Key::ToolsFailed), &self.0],
        )
    }
}

/// The message of a JavaScript error (or the value itself), for error texts.
pub(crate) fn describe(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => err.message().into(),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

async fn call(name: &str, args: Vec<JsValue>) -> Result<JsValue, ToolsError> {
    let args: js_sys::Array = args.into_iter().collect();
    let answer = call_tools(name, args)
        .await
        .map_err(|e| ToolsError(describe(&e)))?;
    LOADED.with(|l| l.set(true));
    Ok(answer)
}

/// Calls an export that answers JSON and decodes the answer.
async fn call_json<T: for<'de> serde::Deserialize<'de>>(
    name: &str,
    args: Vec<JsValue>,
) -> Result<T, ToolsError> {
    let answer = call(name, args).await?;
    let json = answer
        .as_string()
        .ok_or_else(|| ToolsError(format!("{name} answered no text")))?;
    tools_api::decode(&json).map_err(ToolsError)
}

/// Why an import in the worker gave no summary.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportFailure {
    /// The module broke on this file (a trap, such as running out of memory); the reason as given.
    Unreadable(String),
    /// The worker or the module could not be loaded.
    Unavailable(ToolsError),
    Cancelled,
}

/// Reads a file (the named sheet of a workbook, or its first visible one) in the import worker;
/// `on_stage` receives the name of each stage reached (`loading`, `checking`, `reading`, `matching`).
pub async fn import_file(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<String>,
    on_stage: Callback<String>,
) -> Result<ImportSummary, ImportFailure> {
    let stage = Closure::<dyn FnMut(String)>::new(move |s: String| on_stage.emit(s));
    let answer = import_in_worker(
        js_sys::Uint8Array::from(bytes),
        file_name,
        sheet.map_or(JsValue::NULL, JsValue::from),
        stage.as_ref().unchecked_ref::<js_sys::Function>().clone(),
    )
    .await;
    drop(stage);
    let answer = answer.map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        match name.as_deref() {
            Some("FileUnreadable") => ImportFailure::Unreadable(describe(&e)),
            Some("ImportCancelled") => ImportFailure::Cancelled,
            _ => ImportFailure::Unavailable(ToolsError(describe(&e))),
        }
    })?;
    LOADED.with(|l| l.set(true));
    let json = answer.as_string().ok_or_else(|| {
        ImportFailure::Unavailable(ToolsError(format!(
            "{} answered no text",
            export::IMPORT_FILE_STAGED
        )))
    })?;
    tools_api::decode(&json).map_err(|e| ImportFailure::Unavailable(ToolsError(e)))
}

/// Cancels the import in progress, if any: its worker is ended and its answer never arrives.
pub fn cancel_import() {
    cancel_import_js();
}

/// Writes sheets as an XLSX file.
pub async fn write_xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, ToolsError> {
    let json = crate::json::to_string(sheets).expect("sheets serialise");
    let answer = call(export::WRITE_XLSX, vec![json.into()]).await?;
    answer
        .dyn_into::<js_sys::Uint8Array>()
        .map(|a| a.to_vec())
        .map_err(|_| ToolsError("write_xlsx answered no bytes".into()))
}

/// The exact best and worst rank; the inner error is the analysis's own message.
pub async fn rank_bounds(
    request: &AnalysisRequest<'_>,
) -> Result<Result<RankBounds, String>, ToolsError> {
    call_json(export::RANK_BOUNDS, vec![request.to_json().into()]).await
}

/// The nearest weights reaching the request's target rank; the inner error is the analysis's message.
pub async fn weight_reach(
    request: &AnalysisRequest<'_>,
) -> Result<Result<WeightReach, String>, ToolsError> {
    call_json(export::WEIGHT_REACH, vec![request.to_json().into()]).await
}

/// The cheapest rise of the request's unit's values reaching its target rank; the inner error is the
/// analysis's message.
pub async fn plan(request: &AnalysisRequest<'_>) -> Result<Result<Plan, String>, ToolsError> {
    call_json(export::PLAN, vec![request.to_json().into()]).await
}

/// Where a panel's call to the module stands while it is not done.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// The module is being fetched (the first call only).
    Loading,
    Failed(ToolsError),
}

/// Runs `call` (a future calling this module) in the background: `status` shows the loading note
/// while the module is fetched and the failure if there is one; `done` receives the answer.
pub fn run<T: 'static>(
    status: UseStateHandle<Option<Status>>,
    call: impl Future<Output = Result<T, ToolsError>> + 'static,
    done: impl FnOnce(T) + 'static,
) {
    status.set((!loaded()).then_some(Status::Loading));
    wasm_bindgen_futures::spawn_local(async move {
        match call.await {
            Ok(answer) => {
                status.set(None);
                done(answer);
            }
            Err(e) => status.set(Some(Status::Failed(e))),
        }
    });
}

/// The loading note or the failure message, in the user's language.
pub fn status_view(status: Option<&Status>, lang: Lang) -> Html {
    match status {
        None => html! {},
        Some(Status::Loading) => html! {
            <p class="tools-loading" role="status" data-testid="tools-loading">{ t(lang, Key::ToolsLoading) }</p>
        },
        Some(Status::Failed(e)) => html! {
            <p class="problem tools-failed" role="alert" data-testid="tools-failed">{ e.message(lang) }</p>
        },
    }
}
