//! The data panel: importing a file (with a sheet chooser and a table of every problem), the saved data
//! sets, the bundled data one click away and the exports. The on-demand panels module draws it
//! (`ui::panels_app`), below the first screen; the data sets it puts in place go to the page as
//! requests (`state::messages::PanelRequest::Install`).

use super::import_report::report_view;
use super::storage::{self, Listing, SaveOutcome};
use super::tools::{self, ImportFailure, Status};
use super::{Dispatch, Ptr};
use crate::analysis::common_system::{common_system, LeftOut, LeftOutReason, SystemSide};
use crate::data::export::{template_csv, template_sheets, RankingExport};
use crate::data::export_name::{export_file_name, CalendarDate, ExportKind, FileType};
use crate::data::provenance::Provenance;
use crate::data::saved::LoadError;
use crate::data::seeds;
use crate::data::sheet::Sheet;
use crate::echo::clip;
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use crate::score::Ranking;
use crate::state::editions::{parse_year, with_added, Edition, EditionProblem, Editions};
use crate::state::system::{data_for_system, white_paper_system};
use crate::state::Action;
use crate::tools_api::{ImportProblem, ImportSummary, Text};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv;charset=utf-8";

/// Offers bytes as a file download through a Blob and an object URL.
pub(crate) fn download(name: &str, mime: &str, bytes: &[u8]) {
    let blob = gloo::file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let Some(doc) = crate::ui::window().and_then(|w| w.document()) else {
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
pub(crate) fn local_date() -> CalendarDate {
    let now = js_sys::Date::new_0();
    CalendarDate {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

/// Has the tools module write the sheets as XLSX, then offers the file.
pub(crate) fn save_xlsx(status: UseStateHandle<Option<Status>>, name: String, sheets: Vec<Sheet>) {
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

/// What the data panel shows and exports: the data set with its provenance (and whether it is the
/// bundled one), the ranking against the baseline under the scenario.
#[derive(Properties, PartialEq, Clone)]
pub struct DataPanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub provenance: Ptr<Provenance>,
    pub ranking: Ptr<Ranking>,
    pub baseline: Ptr<Ranking>,
    pub scenario: Scenario,
    pub bundled: bool,
    pub dispatch: Dispatch,
    pub editions: Ptr<Editions>,
}

/// Where the bundled sample of two synthetic editions is served (Trunk copies `www` into the page).
const SAMPLE_PATH: &str = "www/samples/sample-editions-synthetic.csv";

/// The editions a one-edition import can be added to: the collection held, or the imported data set
/// shown when it has a year. The bundled data is never mixed with an import.
fn addable_editions(props: &DataPanelProps) -> Option<Vec<Edition>> {
    if !props.editions.list.is_empty() {
        return Some(props.editions.list.clone());
    }
    let year = props.data.meta.year?;
    props.provenance.records().is_empty().then(|| {
        vec![Edition {
            year,
            data: props.data.0.clone(),
            provenance: props.provenance.0.clone(),
        }]
    })
}

#[component]
pub fn DataPanel(props: &DataPanelProps) -> Html {
    let lang = props.lang;
    let saved = use_saved_sets();
    let import = use_import(
        &props.system.0,
        &props.dispatch,
        &saved,
        addable_editions(props),
    );
    let use_bundled = {
        let (dispatch, report) = (props.dispatch.clone(), import.run.report.clone());
        let system = props.system.0.clone();
        Callback::from(move |_: MouseEvent| {
            // The bundled values of the system in use, matched by indicator id.
            dispatch.emit(Action::ReplaceData {
                data: Rc::new(seeds::bundled_data_for(&system).0),
                provenance: Rc::new(seeds::provenance()),
            });
            report.set(None);
        })
    };
    let data = &props.data;
    html! {
        <section class="panel data-panel" aria-labelledby="data-h">
            <h2 id="data-h">{ t(lang, Key::DataHeading) }</h2>
            <p data-testid="dataset-name">
                { t(lang, Key::DataCurrent) }<strong translate="no">{ clip(data.meta.name_in(lang)) }</strong>
                { data.meta.year.map(|y| format!(" ({y})")).unwrap_or_default() }
                { " · " }{ tf(lang, Key::DataUnitCount, &[&data.n_units().to_string()]) }
            </p>
            <button type="button" data-testid="use-bundled" disabled={props.bundled} onclick={use_bundled}>
                { t(lang, Key::DataUseBundled) }</button>
            { import_section(lang, &import) }
            <p class="sample">
                <a href={SAMPLE_PATH} download="sample-editions-synthetic.csv" data-testid="sample-download">
                    { t(lang, Key::SampleDownload) }</a>
            </p>
            <p class="hint">{ t(lang, Key::SampleNote) }</p>
            { saved_section(lang, &saved, &props.system.0, &props.dispatch) }
            <ExportButtons {lang} system={props.system.clone()} data={props.data.clone()}
                provenance={props.provenance.clone()} ranking={props.ranking.clone()}
                baseline={props.baseline.clone()} scenario={props.scenario.clone()} />
        </section>
    }
}

/// The saved data sets as the panel lists them, whether this browser can save any, and what became of
/// the last save or use of one when the user must know.
struct SavedSets {
    listing: UseStateHandle<Listing>,
    available: bool,
    note: UseStateHandle<Option<StorageNote>>,
}

#[hook]
fn use_saved_sets() -> SavedSets {
    // The first render shows no saved sets, as the page prerendered at build time does; the browser's
    // storage is read once the app has taken that page over.
    let listing = use_state(storage::Listing::default);
    let available = use_state(|| true);
    {
        let (listing, available) = (listing.clone(), available.clone());
        use_effect_with((), move |_| {
            listing.set(storage::list());
            available.set(storage::available());
        });
    }
    let note = use_state(|| None::<StorageNote>);
    SavedSets {
        listing,
        available: *available,
        note,
    }
}

/// An import and what the panel shows of it: the report of the last file read, the stage of the
/// import running in the worker, whether the last one was cancelled, and the tools module's loading
/// and failure notes. A data set read is saved, and the saved list follows.
#[derive(Clone)]
struct ImportRun {
    system: Rc<IndicatorSystem>,
    dispatch: Dispatch,
    report: UseStateHandle<Option<Rc<ImportSummary>>>,
    stage: UseStateHandle<Option<String>>,
    cancelled: UseStateHandle<bool>,
    status: UseStateHandle<Option<Status>>,
    listing: UseStateHandle<Listing>,
    note: UseStateHandle<Option<StorageNote>>,
    /// The editions the next one-edition import could be added to.
    addable: Option<Vec<Edition>>,
    offer: UseStateHandle<Option<Rc<AddOffer>>>,
    /// The indicator system a workbook's "指标体系" sheet put in place of the one in use, if the last
    /// import did.
    replaced: UseStateHandle<Option<Rc<IndicatorSystem>>>,
}

/// After a one-edition file replaced data that has a year: the offer to add it as another edition
/// instead, with the year typed and why the last try was refused.
#[derive(Clone, Debug, PartialEq)]
struct AddOffer {
    previous: Vec<Edition>,
    /// The system the previous editions are in (the one in use before the import), which the file
    /// joins when it is added.
    previous_system: Rc<IndicatorSystem>,
    data: Rc<Dataset>,
    /// The system the file's data set is in (its "指标体系" sheet's, or the previous one).
    data_system: Rc<IndicatorSystem>,
    /// What the two systems do not share, empty when they are the same.
    left_out: Rc<LeftOut>,
    year: String,
    problem: Option<EditionProblem>,
}

impl ImportRun {
    /// Reads a file (or re-reads it with another sheet) in the import worker and replaces the data
    /// when it has no problem. Nothing changes while it runs, and a cancelled or broken import changes
    /// nothing.
    fn start(&self, f: Rc<(String, Vec<u8>)>, sheet: Option<String>) {
        self.status.set(None);
        self.replaced.set(None);
        self.cancelled.set(false);
        self.stage.set(Some("checking".into()));
        let on_stage = {
            let stage = self.stage.clone();
            Callback::from(move |s: String| stage.set(Some(s)))
        };
        let run = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = tools::import_file(&f.1, &f.0, sheet, on_stage).await;
            run.stage.set(None);
            match result {
                Ok(result) if result.editions.len() >= 2 => {
                    let outcome = storage::save_editions(&result.editions, &run.system);
                    run.note.set(
                        (outcome != SaveOutcome::Saved).then_some(StorageNote::Saved(outcome)),
                    );
                    run.listing.set(storage::list());
                    run.offer.set(None);
                    run.dispatch.emit(Action::SetEditions(Edition::of_import(
                        result.editions.clone(),
                    )));
                    run.report.set(Some(Rc::new(result)));
                }
                Ok(result) => {
                    if let Some(data) = &result.dataset {
                        // The data set's columns are the workbook's own system's, when it has a
                        // "指标体系" sheet (which then replaces the system in use), else the white
                        // paper's, taken into the system in use by indicator id.
                        let sheet_system = result
                            .system_json
                            .as_deref()
                            .and_then(|json| IndicatorSystem::from_json(json).ok())
                            .map(Rc::new);
                        let system = sheet_system.clone().unwrap_or_else(|| run.system.clone());
                        let data = match &sheet_system {
                            Some(_) => data.clone(),
                            None => data_for_system(
                                white_paper_system(),
                                data,
                                &Provenance::default(),
                                &system,
                            ),
                        };
                        let outcome = storage::save(&data, &system);
                        run.note.set(
                            (outcome != SaveOutcome::Saved).then_some(StorageNote::Saved(outcome)),
                        );
                        run.listing.set(storage::list());
                        let data = Rc::new(data);
                        run.offer.set(run.addable.clone().map(|previous| {
                            let next = previous.last().map_or(0, |e| e.year) + 1;
                            let year = data
                                .meta
                                .year
                                .filter(|y| previous.iter().all(|e| e.year != *y))
                                .unwrap_or(next);
                            let left_out = match *system == *run.system {
                                true => LeftOut::default(),
                                false => common_system(&run.system, &system)
                                    .map_or_else(|e| e.left_out, |(_, l)| l),
                            };
                            Rc::new(AddOffer {
                                previous,
                                previous_system: run.system.clone(),
                                data: data.clone(),
                                data_system: system.clone(),
                                left_out: Rc::new(left_out),
                                year: year.to_string(),
                                problem: None,
                            })
                        }));
                        let replace = Action::ReplaceData {
                            data,
                            provenance: Rc::new(Provenance::default()),
                        };
                        let replaced = sheet_system.filter(|s| **s != *run.system);
                        run.replaced.set(replaced.clone());
                        run.dispatch.emit(match replaced {
                            Some(system) => {
                                Action::Batch(vec![Action::ReplaceSystem(system), replace])
                            }
                            None => replace,
                        });
                    }
                    run.report.set(Some(Rc::new(result)));
                }
                Err(ImportFailure::Unreadable(reason)) => {
                    run.report.set(Some(Rc::new(unreadable_summary(&reason))));
                }
                Err(ImportFailure::Unavailable(e)) => run.status.set(Some(Status::Failed(e))),
                Err(ImportFailure::Cancelled) => run.cancelled.set(true),
            }
        });
    }
}

/// The import as the panel uses it: its run, and the handlers of the file input and of the report's
/// sheet chooser.
struct Import {
    run: ImportRun,
    on_file: Callback<Event>,
    on_sheet: Callback<Event>,
}

#[hook]
fn use_import(
    system: &Rc<IndicatorSystem>,
    dispatch: &Dispatch,
    saved: &SavedSets,
    addable: Option<Vec<Edition>>,
) -> Import {
    let run = ImportRun {
        system: system.clone(),
        dispatch: dispatch.clone(),
        report: use_state(|| None::<Rc<ImportSummary>>),
        replaced: use_state(|| None::<Rc<IndicatorSystem>>),
        stage: use_state_eq(|| None::<String>),
        cancelled: use_state_eq(|| false),
        status: use_state_eq(|| None::<Status>),
        listing: saved.listing.clone(),
        note: saved.note.clone(),
        addable,
        offer: use_state(|| None::<Rc<AddOffer>>),
    };
    let file = use_state(|| None::<Rc<(String, Vec<u8>)>>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let on_file = {
        let (file, run) = (file.clone(), run.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(picked) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let name = picked.name();
            // The previous file's report goes at once; the new one follows when the file is read.
            run.report.set(None);
            run.offer.set(None);
            let (file, run) = (file.clone(), run.clone());
            let task = gloo::file::callbacks::read_as_bytes(
                &gloo::file::File::from(picked),
                move |bytes| {
                    if let Ok(bytes) = bytes {
                        let f = Rc::new((name, bytes));
                        file.set(Some(f.clone()));
                        run.start(f, None);
                    }
                },
            );
            *reader.borrow_mut() = Some(task);
            input.set_value("");
        })
    };
    let on_sheet = {
        let run = run.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            if let Some(f) = file.as_ref() {
                run.start(f.clone(), Some(select.value()));
            }
        })
    };
    Import {
        run,
        on_file,
        on_sheet,
    }
}

/// The file input, the import's progress with its Cancel button, and the report of the last file.
fn import_section(lang: Lang, import: &Import) -> Html {
    let run = &import.run;
    let cancel_import = Callback::from(|_: MouseEvent| tools::cancel_import());
    html! {
        <>
            <h3>{ t(lang, Key::DataImportHeading) }</h3>
            <p class="hint">{ t(lang, Key::DataImportHint) }</p>
            <label for="import-file">{ t(lang, Key::DataChooseFile) }</label>
            <input id="import-file" type="file" data-testid="import-file" onchange={import.on_file.clone()}
                accept=".csv,.txt,.tsv,.xlsx,.xls,text/csv,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
            if let Some(stage) = run.stage.as_ref() {
                <p class="import-progress" role="status" data-testid="import-progress" data-stage={stage.clone()}>
                    { stage_text(lang, stage) }{ " " }
                    <button type="button" data-testid="import-cancel" onclick={cancel_import}>{ t(lang, Key::ImportCancel) }</button>
                </p>
            }
            if *run.cancelled {
                <p class="import-cancelled" role="status" data-testid="import-cancelled">{ t(lang, Key::ImportCancelled) }</p>
            }
            { tools::status_view(run.status.as_ref(), lang) }
            { run.offer.as_ref().map(|o| offer_view(lang, run, o)).unwrap_or_default() }
            { run.report.as_ref().map(|r| report_view(r, lang, import.on_sheet.clone())).unwrap_or_default() }
            if let Some(system) = run.report.as_ref().and(run.replaced.as_ref()) {
                <p role="status" data-testid="import-system">{ tf(lang, Key::ImportSystemReplaced,
                    &[&system.n_dimensions().to_string(), &system.n_indicators().to_string()]) }</p>
            }
        </>
    }
}

/// The offer to add the file just imported as another edition: its year, Add, and Keep the
/// replacement; a refused year is said in an alert.
fn offer_view(lang: Lang, run: &ImportRun, offer: &Rc<AddOffer>) -> Html {
    let on_year = {
        let (state, offer) = (run.offer.clone(), offer.clone());
        Callback::from(move |e: InputEvent| {
            let year = e.target_unchecked_into::<HtmlInputElement>().value();
            state.set(Some(Rc::new(AddOffer {
                year,
                problem: None,
                ..(*offer).clone()
            })));
        })
    };
    let add = {
        let (run, offer) = (run.clone(), offer.clone());
        Callback::from(move |_: MouseEvent| {
            // The file joins the previous editions in their system, its columns matched by id.
            let data = match offer.data_system == offer.previous_system {
                true => (*offer.data).clone(),
                false => data_for_system(
                    &offer.data_system,
                    &offer.data,
                    &Provenance::default(),
                    &offer.previous_system,
                ),
            };
            let added = parse_year(&offer.year).and_then(|year| {
                let editions = Editions::of(offer.previous.clone(), Default::default());
                let edition = Edition::new(year, data, Provenance::default());
                with_added(&editions, &offer.previous[0], edition)
            });
            match added {
                Ok(editions) => {
                    let list: Vec<Dataset> =
                        editions.list.iter().map(|e| (*e.data).clone()).collect();
                    let outcome = storage::save_editions(&list, &offer.previous_system);
                    run.note.set(
                        (outcome != SaveOutcome::Saved).then_some(StorageNote::Saved(outcome)),
                    );
                    run.listing.set(storage::list());
                    run.offer.set(None);
                    let set = Action::SetEditions(editions.list);
                    run.dispatch
                        .emit(match *offer.previous_system == *run.system {
                            true => set,
                            false => {
                                run.replaced.set(None);
                                Action::Batch(vec![
                                    Action::ReplaceSystem(offer.previous_system.clone()),
                                    set,
                                ])
                            }
                        });
                }
                Err(problem) => run.offer.set(Some(Rc::new(AddOffer {
                    problem: Some(problem),
                    ..(*offer).clone()
                }))),
            }
        })
    };
    let keep = {
        let offer = run.offer.clone();
        Callback::from(move |_: MouseEvent| offer.set(None))
    };
    let year_label = offer.year.trim().to_string();
    html! {
        <div class="edition-offer" data-testid="edition-offer">
            <p>{ t(lang, Key::EditionOffer) }</p>
            <label for="edition-year">{ t(lang, Key::EditionAddYear) }</label>
            <input id="edition-year" type="text" inputmode="numeric" size="6" data-testid="edition-year"
                value={offer.year.clone()} oninput={on_year} />
            <button type="button" data-testid="edition-add" onclick={add}>
                { tf(lang, Key::EditionAddAs, &[&year_label]) }</button>
            <button type="button" data-testid="edition-keep" onclick={keep}>{ t(lang, Key::EditionReplace) }</button>
            { system_differences(lang, &offer.left_out) }
            <p role="alert" class="alert-region" data-testid="edition-problem">
                { offer.problem.as_ref().map(|p| p.message(lang)).unwrap_or_default() }
            </p>
        </div>
    }
}

/// What adding a file under another indicator system does to its indicators: those the previous
/// editions' system has and the file lacks count as missing in it, those only the file has are not
/// used, and those turned the other way are scored in the previous editions' direction.
fn system_differences(lang: Lang, left_out: &LeftOut) -> Html {
    let names = |side: SystemSide, reason: &LeftOutReason| {
        let list: Vec<String> = left_out
            .items
            .iter()
            .filter(|i| !i.is_dimension && i.side == side && i.reason == *reason)
            .map(|i| clip(i.name(lang)))
            .collect();
        list.join(t(lang, Key::ImportListSeparator))
    };
    let lines = [
        (
            Key::EditionOfferMissing,
            names(SystemSide::From, &LeftOutReason::OnlyInOne),
        ),
        (
            Key::EditionOfferUnused,
            names(SystemSide::To, &LeftOutReason::OnlyInOne),
        ),
        (
            Key::EditionOfferDirection,
            names(SystemSide::From, &LeftOutReason::DirectionDiffers),
        ),
    ];
    lines
        .into_iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(key, names)| {
            html! {
                <p class="hint" data-testid="edition-offer-system">{ tf(lang, key, &[&names]) }</p>
            }
        })
        .collect()
}

/// The saved data sets, each with Use and Delete buttons, and the notes about this browser's storage.
fn saved_section(
    lang: Lang,
    saved: &SavedSets,
    system: &Rc<IndicatorSystem>,
    dispatch: &Dispatch,
) -> Html {
    let use_saved = {
        let (dispatch, system, note) = (dispatch.clone(), system.clone(), saved.note.clone());
        Callback::from(move |(hash, name): (String, String)| {
            match storage::load_editions(&hash, &system) {
                Ok(editions) if editions.len() >= 2 => {
                    note.set(None);
                    dispatch.emit(Action::SetEditions(Edition::of_import(editions)));
                }
                Ok(mut editions) => {
                    note.set(None);
                    if let Some(d) = editions.pop() {
                        dispatch.emit(Action::ReplaceData {
                            data: Rc::new(d),
                            provenance: Rc::new(Provenance::default()),
                        });
                    }
                }
                Err(e) => note.set(Some(StorageNote::Unusable { name, error: e })),
            }
        })
    };
    let delete_saved = {
        let listing = saved.listing.clone();
        Callback::from(move |hash: String| {
            storage::delete(&hash);
            listing.set(storage::list());
        })
    };
    html! {
        <>
            <h3>{ t(lang, Key::DataSavedHeading) }</h3>
            if !saved.available {
                <p class="storage-note" data-testid="storage-unavailable">{ t(lang, Key::DataStorageUnavailable) }</p>
            } else if saved.listing.entries.is_empty() {
                <p>{ t(lang, Key::DataNoneSaved) }</p>
            }
            if saved.listing.index_unreadable {
                <p class="storage-note" role="status" data-testid="storage-index-unreadable">{ t(lang, Key::DataIndexUnreadable) }</p>
            }
            if let Some(note) = saved.note.as_ref() {
                <p class="storage-note" role="alert" data-testid={note.testid()}>{ note.message(lang) }</p>
            }
            <ul class="saved" data-testid="saved-datasets">
                { for saved.listing.entries.iter().map(|e| {
                    let (use_it, delete) = (use_saved.clone(), delete_saved.clone());
                    let (h1, h2, name) = (e.hash.clone(), e.hash.clone(), e.meta.name.clone());
                    html! { <li data-hash={e.hash.clone()}>
                        <span translate="no">{ format!("{}{} · {}", clip(&e.meta.name), saved_years(e), tf(lang, Key::DataUnitCount, &[&e.units.to_string()])) }</span>
                        <button type="button" onclick={Callback::from(move |_| use_it.emit((h1.clone(), name.clone())))}>{ t(lang, Key::DataUse) }</button>
                        <button type="button" onclick={Callback::from(move |_| delete.emit(h2.clone()))}>{ t(lang, Key::DataDelete) }</button>
                    </li> }
                }) }
            </ul>
        </>
    }
}

/// The year of a saved data set, or the years of a saved collection of editions, in brackets.
fn saved_years(entry: &crate::data::saved::SavedEntry) -> String {
    match (entry.years.first(), entry.years.last()) {
        (Some(first), Some(last)) if entry.years.len() >= 2 => {
            format!(" ({first}–{last}, {})", entry.years.len())
        }
        _ => entry
            .meta
            .year
            .map(|y| format!(" ({y})"))
            .unwrap_or_default(),
    }
}

/// What the exports are made of: the ranking with its data, provenance, baseline and scenario.
#[derive(Properties, PartialEq, Clone)]
struct ExportButtonsProps {
    lang: Lang,
    system: Ptr<IndicatorSystem>,
    data: Ptr<Dataset>,
    provenance: Ptr<Provenance>,
    ranking: Ptr<Ranking>,
    baseline: Ptr<Ranking>,
    scenario: Scenario,
}

/// The ranking's CSV and XLSX exports and the empty templates, with the tools module's notes (it
/// writes the XLSX files).
#[component]
fn ExportButtons(props: &ExportButtonsProps) -> Html {
    let lang = props.lang;
    let status = use_state_eq(|| None::<Status>);
    let export = |kind: &'static str| {
        let (x, status) = (props.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let date = local_date();
            let template_name =
                |file_type| export_file_name(ExportKind::Template, None, date, x.lang, file_type);
            let ranking = RankingExport {
                system: &x.system,
                data: &x.data,
                ranking: &x.ranking,
                baseline: &x.baseline,
                scenario: &x.scenario,
                provenance: &x.provenance,
                lang: x.lang,
                date,
            };
            match kind {
                "csv" => download(
                    &ranking.file_name(FileType::Csv),
                    CSV,
                    ranking.csv().as_bytes(),
                ),
                "xlsx" => save_xlsx(
                    status.clone(),
                    ranking.file_name(FileType::Xlsx),
                    ranking.xlsx_sheets(),
                ),
                "template-csv" => download(
                    &template_name(FileType::Csv),
                    CSV,
                    template_csv(&x.system, &seeds::counties()).as_bytes(),
                ),
                _ => save_xlsx(
                    status.clone(),
                    template_name(FileType::Xlsx),
                    template_sheets(&x.system, &seeds::counties()),
                ),
            }
        })
    };
    html! {
        <>
            <h3>{ t(lang, Key::DataExportHeading) }</h3>
            <div class="export-buttons">
                <button type="button" data-testid="export-csv" onclick={export("csv")}>{ t(lang, Key::DataExportCsv) }</button>
                <button type="button" data-testid="export-xlsx" onclick={export("xlsx")}>{ t(lang, Key::DataExportXlsx) }</button>
                <button type="button" data-testid="template-csv" onclick={export("template-csv")}>{ t(lang, Key::DataTemplateCsv) }</button>
                <button type="button" data-testid="template-xlsx" onclick={export("template-xlsx")}>{ t(lang, Key::DataTemplateXlsx) }</button>
            </div>
            { tools::status_view(status.as_ref(), lang) }
        </>
    }
}
