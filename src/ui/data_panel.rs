//! The data panel: importing a file (with a sheet chooser and a table of every problem), the saved data
//! sets, the bundled data one click away, exports, and the share link of the current view (which
//! `App` restores from the address and keeps there, `src/ui/address.rs`).

use super::address::ShareLink;
use super::import_report::report_view;
use super::storage::{self, SaveOutcome};
use super::tools::{self, ImportFailure, Status};
use super::{Dispatch, Store};
use crate::data::export::{template_csv, template_sheets, RankingExport};
use crate::data::export_name::{export_file_name, CalendarDate, ExportKind, FileType};
use crate::data::provenance::Provenance;
use crate::data::saved::LoadError;
use crate::data::seeds;
use crate::data::xlsx_writer::Sheet;
use crate::echo::clip;
use crate::i18n::{t, tf, Key};
use crate::model::Lang;
use crate::share::DatasetRef;
use crate::state::Action;
use crate::tools_api::{ImportProblem, ImportSummary, Text};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv;charset=utf-8";

/// Offers bytes as a file download through a Blob and an object URL.
fn download(name: &str, mime: &str, bytes: &[u8]) {
    let blob = gloo::file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The URL is revoked when dropped; keep it until the download has surely started.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
}

/// Today's date in the user's time zone, as the browser knows it.
fn local_date() -> CalendarDate {
    let now = js_sys::Date::new_0();
    CalendarDate {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

/// Has the tools module write the sheets as XLSX, then offers the file.
fn save_xlsx(status: UseStateHandle<Option<Status>>, name: String, sheets: Vec<Sheet>) {
    tools::run(
        status,
        async move { tools::write_xlsx(&sheets).await },
        move |bytes| download(&name, XLSX, &bytes),
    );
}

/// The report of a file on which the import component broke (a trap, such as running out of memory).
fn unreadable_summary(reason: &str) -> ImportSummary {
    let message = Text::of(|lang| tf(lang, Key::ImportUnreadable, &[reason]));
    ImportSummary {
        errors: vec![ImportProblem {
            row: None,
            column: None,
            message,
        }],
        ..ImportSummary::default()
    }
}

/// What the page says while an import runs in the worker.
fn stage_text(lang: Lang, stage: &str) -> &'static str {
    t(
        lang,
        match stage {
            "loading" => Key::ImportStageLoading,
            "checking" => Key::ImportStageChecking,
            "matching" => Key::ImportStageMatching,
            _ => Key::ImportStageReading,
        },
    )
}

/// What the data panel tells about saving: the outcome of the last import's save when it was not a
/// plain success, or why a saved data set could not be used.
#[derive(Clone, Debug, PartialEq)]
enum StorageNote {
    Saved(SaveOutcome),
    Unusable { name: String, error: LoadError },
}

impl StorageNote {
    fn testid(&self) -> &'static str {
        match self {
            StorageNote::Saved(SaveOutcome::NotSaved) => "import-not-saved",
            StorageNote::Saved(_) => "storage-index-rebuilt",
            StorageNote::Unusable { .. } => "saved-unusable",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            StorageNote::Saved(outcome) => outcome.message(lang).unwrap_or_default().to_string(),
            StorageNote::Unusable { name, error } => tf(
                lang,
                Key::DataSavedUnusable,
                &[&clip(name), &error.message(lang)],
            ),
        }
    }
}

/// The data panel's props: the page state, and the link of the current view that `App` keeps in the
/// address bar.
#[derive(Properties, PartialEq, Clone)]
pub struct DataPanelProps {
    pub state: Store,
    pub dispatch: Dispatch,
    pub link: ShareLink,
}

#[component]
pub fn DataPanel(props: &DataPanelProps) -> Html {
    let s = &props.state;
    let lang = s.lang;
    let report = use_state(|| None::<Rc<ImportSummary>>);
    let file = use_state(|| None::<Rc<(String, Vec<u8>)>>);
    // Import and XLSX export run in the on-demand tools module: loading and failure notes.
    let import_status = use_state_eq(|| None::<Status>);
    // The stage of the import running in the worker, and whether the last one was cancelled.
    let import_stage = use_state_eq(|| None::<String>);
    let import_cancelled = use_state_eq(|| false);
    let export_status = use_state_eq(|| None::<Status>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let saved = use_state(storage::list);
    let storage_ok = use_state(storage::available);
    // What became of the last save or use of a saved data set, when the user must know.
    let storage_note = use_state(|| None::<StorageNote>);

    // Reads a file (or re-reads it with another sheet) in the import worker and replaces the data when
    // it has no problem. Nothing changes while it runs, and a cancelled or broken import changes nothing.
    let run_import = {
        let (state, dispatch) = (props.state.clone(), props.dispatch.clone());
        let (report, saved, status) = (report.clone(), saved.clone(), import_status.clone());
        let storage_note = storage_note.clone();
        let (stage, cancelled) = (import_stage.clone(), import_cancelled.clone());
        Rc::new(move |f: Rc<(String, Vec<u8>)>, sheet: Option<String>| {
            let (system, dispatch) = (state.system.clone(), dispatch.clone());
            let (report, saved, status) = (report.clone(), saved.clone(), status.clone());
            let storage_note = storage_note.clone();
            let (stage, cancelled) = (stage.clone(), cancelled.clone());
            status.set(None);
            cancelled.set(false);
            stage.set(Some("checking".into()));
            let on_stage = {
                let stage = stage.clone();
                Callback::from(move |s: String| stage.set(Some(s)))
            };
            wasm_bindgen_futures::spawn_local(async move {
                let result = tools::import_file(&f.1, &f.0, sheet, on_stage).await;
                stage.set(None);
                match result {
                    Ok(result) => {
                        if let Some(data) = &result.dataset {
                            let outcome = storage::save(data, &system);
                            storage_note.set(
                                (outcome != SaveOutcome::Saved)
                                    .then_some(StorageNote::Saved(outcome)),
                            );
                            saved.set(storage::list());
                            dispatch.emit(Action::ReplaceData {
                                data: Rc::new(data.clone()),
                                provenance: Rc::new(Provenance::default()),
                            });
                        }
                        report.set(Some(Rc::new(result)));
                    }
                    Err(ImportFailure::Unreadable(reason)) => {
                        report.set(Some(Rc::new(unreadable_summary(&reason))));
                    }
                    Err(ImportFailure::Unavailable(e)) => status.set(Some(Status::Failed(e))),
                    Err(ImportFailure::Cancelled) => cancelled.set(true),
                }
            });
        })
    };
    let cancel_import = Callback::from(|_: MouseEvent| tools::cancel_import());
    let on_file = {
        let (file, reader, run_import) = (file.clone(), reader.clone(), run_import.clone());
        let report = report.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(picked) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let name = picked.name();
            // The previous file's report goes at once; the new one follows when the file is read.
            report.set(None);
            let (file, run_import) = (file.clone(), run_import.clone());
            let task = gloo::file::callbacks::read_as_bytes(
                &gloo::file::File::from(picked),
                move |bytes| {
                    if let Ok(bytes) = bytes {
                        let f = Rc::new((name, bytes));
                        file.set(Some(f.clone()));
                        run_import(f, None);
                    }
                },
            );
            *reader.borrow_mut() = Some(task);
            input.set_value("");
        })
    };
    let on_sheet = {
        let (file, run_import) = (file.clone(), run_import.clone());
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            if let Some(f) = file.as_ref() {
                run_import(f.clone(), Some(select.value()));
            }
        })
    };
    let use_bundled = {
        let (dispatch, report) = (props.dispatch.clone(), report.clone());
        Callback::from(move |_: MouseEvent| {
            let b = seeds::bundle();
            dispatch.emit(Action::ReplaceData {
                data: Rc::new(b.data),
                provenance: Rc::new(b.provenance),
            });
            report.set(None);
        })
    };
    let use_saved = {
        let (dispatch, system) = (props.dispatch.clone(), props.state.system.clone());
        let storage_note = storage_note.clone();
        Callback::from(
            move |(hash, name): (String, String)| match storage::load(&hash, &system) {
                Ok(d) => {
                    storage_note.set(None);
                    dispatch.emit(Action::ReplaceData {
                        data: Rc::new(d),
                        provenance: Rc::new(Provenance::default()),
                    });
                }
                Err(e) => storage_note.set(Some(StorageNote::Unusable { name, error: e })),
            },
        )
    };
    let delete_saved = {
        let saved = saved.clone();
        Callback::from(move |hash: String| {
            storage::delete(&hash);
            saved.set(storage::list());
        })
    };
    let export = |kind: &'static str| {
        let (state, status) = (props.state.clone(), export_status.clone());
        Callback::from(move |_: MouseEvent| {
            let s = &state;
            let date = local_date();
            let template_name =
                |file_type| export_file_name(ExportKind::Template, None, date, s.lang, file_type);
            let x = RankingExport {
                system: &s.system,
                data: &s.data,
                ranking: &s.ranking,
                baseline: &s.baseline,
                scenario: &s.scenario,
                provenance: &s.provenance,
                lang: s.lang,
                date,
            };
            match kind {
                "csv" => download(&x.file_name(FileType::Csv), CSV, x.csv().as_bytes()),
                "xlsx" => save_xlsx(status.clone(), x.file_name(FileType::Xlsx), x.xlsx_sheets()),
                "template-csv" => download(
                    &template_name(FileType::Csv),
                    CSV,
                    template_csv(&s.system, &seeds::counties()).as_bytes(),
                ),
                _ => save_xlsx(
                    status.clone(),
                    template_name(FileType::Xlsx),
                    template_sheets(&s.system, &seeds::counties()),
                ),
            }
        })
    };
    let is_bundled = props.link.dataset == DatasetRef::Bundled;
    html! {
        <section class="panel data-panel" aria-labelledby="data-h">
            <h2 id="data-h">{ t(lang, Key::DataHeading) }</h2>
            <p data-testid="dataset-name">
                { t(lang, Key::DataCurrent) }<strong translate="no">{ clip(s.data.meta.name_in(lang)) }</strong>
                { s.data.meta.year.map(|y| format!(" ({y})")).unwrap_or_default() }
                { " · " }{ tf(lang, Key::DataUnitCount, &[&s.data.n_units().to_string()]) }
            </p>
            <button type="button" data-testid="use-bundled" disabled={is_bundled} onclick={use_bundled}>
                { t(lang, Key::DataUseBundled) }</button>

            <h3>{ t(lang, Key::DataImportHeading) }</h3>
            <p class="hint">{ t(lang, Key::DataImportHint) }</p>
            <label for="import-file">{ t(lang, Key::DataChooseFile) }</label>
            <input id="import-file" type="file" data-testid="import-file" onchange={on_file}
                accept=".csv,.txt,.tsv,.xlsx,.xls,text/csv,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
            if let Some(stage) = import_stage.as_ref() {
                <p class="import-progress" role="status" data-testid="import-progress" data-stage={stage.clone()}>
                    { stage_text(lang, stage) }{ " " }
                    <button type="button" data-testid="import-cancel" onclick={cancel_import}>{ t(lang, Key::ImportCancel) }</button>
                </p>
            }
            if *import_cancelled {
                <p class="import-cancelled" role="status" data-testid="import-cancelled">{ t(lang, Key::ImportCancelled) }</p>
            }
            { tools::status_view(import_status.as_ref(), lang) }
            { report.as_ref().map(|r| report_view(r, lang, on_sheet.clone())).unwrap_or_default() }

            <h3>{ t(lang, Key::DataSavedHeading) }</h3>
            if !*storage_ok {
                <p class="storage-note" data-testid="storage-unavailable">{ t(lang, Key::DataStorageUnavailable) }</p>
            } else if saved.entries.is_empty() {
                <p>{ t(lang, Key::DataNoneSaved) }</p>
            }
            if saved.index_unreadable {
                <p class="storage-note" role="status" data-testid="storage-index-unreadable">{ t(lang, Key::DataIndexUnreadable) }</p>
            }
            if let Some(note) = storage_note.as_ref() {
                <p class="storage-note" role="alert" data-testid={note.testid()}>{ note.message(lang) }</p>
            }
            <ul class="saved" data-testid="saved-datasets">
                { for saved.entries.iter().map(|e| {
                    let (use_it, delete) = (use_saved.clone(), delete_saved.clone());
                    let (h1, h2, name) = (e.hash.clone(), e.hash.clone(), e.meta.name.clone());
                    html! { <li data-hash={e.hash.clone()}>
                        <span translate="no">{ format!("{}{} · {}", clip(&e.meta.name), e.meta.year.map(|y| format!(" ({y})")).unwrap_or_default(), tf(lang, Key::DataUnitCount, &[&e.units.to_string()])) }</span>
                        <button type="button" onclick={Callback::from(move |_| use_it.emit((h1.clone(), name.clone())))}>{ t(lang, Key::DataUse) }</button>
                        <button type="button" onclick={Callback::from(move |_| delete.emit(h2.clone()))}>{ t(lang, Key::DataDelete) }</button>
                    </li> }
                }) }
            </ul>

            <h3>{ t(lang, Key::DataExportHeading) }</h3>
            <div class="export-buttons">
                <button type="button" data-testid="export-csv" onclick={export("csv")}>{ t(lang, Key::DataExportCsv) }</button>
                <button type="button" data-testid="export-xlsx" onclick={export("xlsx")}>{ t(lang, Key::DataExportXlsx) }</button>
                <button type="button" data-testid="template-csv" onclick={export("template-csv")}>{ t(lang, Key::DataTemplateCsv) }</button>
                <button type="button" data-testid="template-xlsx" onclick={export("template-xlsx")}>{ t(lang, Key::DataTemplateXlsx) }</button>
            </div>
            { tools::status_view(export_status.as_ref(), lang) }

            <h3><label for="share-link">{ t(lang, Key::DataShareLink) }</label></h3>
            <input id="share-link" type="text" readonly=true value={props.link.url()} data-testid="share-link" />
            <p class="hint">{ t(lang, Key::DataShareHint) }</p>
        </section>
    }
}
