//! The indicator system editor: the dimensions and indicators of the system in use as a draft (ids,
//! names in Chinese and English, unit, plausible range, direction, which dimension), applied to the page
//! only when it passes `check_system` (else the reasons are listed and nothing changes); a reset to
//! the white paper's system; the system downloaded and imported as `seeds/indicators.json` JSON; and,
//! for indicators the data set has no values for, the import template.

use super::Ptr;
use crate::data::export::template_sheets;
use crate::data::export_name::{export_file_name, ExportKind, FileType};
use crate::data::seeds;
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};
use crate::state::system::{
    indicators_without_values, white_paper_system, DraftEdit, DraftProblem, SystemDraft,
};
use crate::state::Action;
use crate::ui::data_panel::{download, save_xlsx};
use crate::ui::tools::{self, Status};
use crate::ui::Dispatch;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

const APPLY_ID: &str = "system-apply";
const RESET_ID: &str = "system-reset";
const IMPORT_ID: &str = "system-import";

#[derive(Properties, PartialEq, Clone)]
pub struct SystemEditorProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub dispatch: Dispatch,
}

/// A text field of the draft: its label, value and the edit it makes.
fn text_field(
    label: String,
    id: String,
    value: &str,
    testid: String,
    edit: impl Fn(String) -> DraftEdit + 'static,
    on_edit: &Callback<DraftEdit>,
) -> Html {
    let on_edit = on_edit.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            on_edit.emit(edit(input.value()));
        }
    });
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }</label>
            <input type="text" id={id} value={value.to_string()} data-testid={testid} {onchange} />
        </div>
    }
}

/// The messages of a draft that cannot be applied, each in the user's language.
fn problems_html(lang: Lang, problems: &[DraftProblem]) -> Html {
    html! {
        <ul class="system-problems" data-testid="system-problems">
            { for problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }
        </ul>
    }
}

thread_local! {
    /// The id of the button that applied, reset or imported a system: the panels are made anew for the
    /// new system (`panels_app::slot_view`), and the new editor gives that button the focus back.
    static FOCUS_AFTER_CHANGE: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
}

fn focus_after_change(id: &'static str) {
    FOCUS_AFTER_CHANGE.with(|f| f.set(Some(id)));
}

#[component]
pub fn SystemEditor(props: &SystemEditorProps) -> Html {
    let lang = props.lang;
    use_effect_with((), |_| {
        if let Some(id) = FOCUS_AFTER_CHANGE.with(|f| f.take()) {
            let element = gloo::utils::document().get_element_by_id(id);
            if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = element.focus();
            }
        }
    });
    let system = props.system.0.clone();
    let draft = use_state(|| SystemDraft::of(&system));
    let problems = use_state(Vec::<DraftProblem>::new);
    let status = use_state_eq(|| None::<Status>);
    // The draft starts again from every system the page applies (from here, a file, a link or a reset).
    {
        let (draft, problems) = (draft.clone(), problems.clone());
        use_effect_with(props.system.clone(), move |system| {
            draft.set(SystemDraft::of(&system.0));
            problems.set(Vec::new());
        });
    }
    let on_edit = {
        let draft = draft.clone();
        Callback::from(move |edit: DraftEdit| {
            let mut next = (*draft).clone();
            next.edit(edit);
            draft.set(next);
        })
    };
    // Only a system other than the one in use makes the panels anew (and moves the focus).
    let apply = {
        let (draft, problems, dispatch) = (draft.clone(), problems.clone(), props.dispatch.clone());
        let in_use = system.clone();
        Callback::from(move |_: MouseEvent| match draft.build() {
            Ok(system) => {
                problems.set(Vec::new());
                if system != *in_use {
                    focus_after_change(APPLY_ID);
                    dispatch.emit(Action::ReplaceSystem(Rc::new(system)));
                }
            }
            Err(found) => problems.set(found),
        })
    };
    let reset = {
        let dispatch = props.dispatch.clone();
        let in_use = system.clone();
        Callback::from(move |_: MouseEvent| {
            if *in_use != *white_paper_system() {
                focus_after_change(RESET_ID);
                dispatch.emit(Action::ResetSystem);
            }
        })
    };
    let download_json = {
        let (system, lang) = (system.clone(), lang);
        Callback::from(move |_: MouseEvent| {
            let json = crate::json::to_string(&*system).unwrap_or_default();
            let name = format!("{}.json", t(lang, Key::SystemFileName));
            download(&name, "application/json", json.as_bytes());
        })
    };
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let import_json = {
        let (problems, dispatch) = (problems.clone(), props.dispatch.clone());
        let in_use = system.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(picked) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (problems, dispatch, in_use) = (problems.clone(), dispatch.clone(), in_use.clone());
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(picked), move |text| {
                    let read = text
                        .map_err(|e| e.to_string())
                        .and_then(|text| IndicatorSystem::from_json(&text));
                    // Checked as a draft is: the same messages, and nothing sent when refused.
                    match read.map(|system| SystemDraft::of(&system).build()) {
                        Ok(Ok(system)) => {
                            problems.set(Vec::new());
                            if system != *in_use {
                                focus_after_change(IMPORT_ID);
                                dispatch.emit(Action::ReplaceSystem(Rc::new(system)));
                            }
                        }
                        Ok(Err(found)) => problems.set(found),
                        Err(reason) => problems.set(vec![DraftProblem::Unreadable(reason)]),
                    }
                });
            *reader.borrow_mut() = Some(task);
            input.set_value("");
        })
    };
    let template = {
        let (system, status, lang) = (system.clone(), status.clone(), lang);
        Callback::from(move |_: MouseEvent| {
            let name = export_file_name(
                ExportKind::Template,
                None,
                crate::ui::data_panel::local_date(),
                lang,
                FileType::Xlsx,
            );
            save_xlsx(
                status.clone(),
                name,
                template_sheets(&system, &seeds::counties()),
            );
        })
    };

    let is_white_paper = *system == *white_paper_system();
    let pending = *draft != SystemDraft::of(&system);
    let without = indicators_without_values(&system, &props.data.0);
    let dimension_names: Vec<String> = draft
        .dimensions
        .iter()
        .map(|d| {
            let name = d.name(lang);
            if name.trim().is_empty() {
                d.id.clone()
            } else {
                name.to_string()
            }
        })
        .collect();

    let dimensions = draft.dimensions.iter().enumerate().map(|(d, dim)| {
        let remove = {
            let on_edit = on_edit.clone();
            Callback::from(move |_: MouseEvent| on_edit.emit(DraftEdit::RemoveDimension(d)))
        };
        let add = {
            let on_edit = on_edit.clone();
            Callback::from(move |_: MouseEvent| on_edit.emit(DraftEdit::AddIndicator(d)))
        };
        html! {
            <fieldset class="system-dimension" data-testid={format!("system-dimension-{d}")}>
                <legend>{ tf(lang, Key::SystemDimensionLegend, &[&(d + 1).to_string()]) }</legend>
                <div class="system-fields">
                    { text_field(t(lang, Key::SystemId).to_string(), format!("sys-d{d}-id"), &dim.id,
                        format!("system-dimension-id-{d}"), move |v| DraftEdit::DimensionId(d, v), &on_edit) }
                    { text_field(t(lang, Key::SystemNameZh).to_string(), format!("sys-d{d}-zh"), &dim.name_zh,
                        format!("system-dimension-zh-{d}"), move |v| DraftEdit::DimensionNameZh(d, v), &on_edit) }
                    { text_field(t(lang, Key::SystemNameEn).to_string(), format!("sys-d{d}-en"), &dim.name_en,
                        format!("system-dimension-en-{d}"), move |v| DraftEdit::DimensionNameEn(d, v), &on_edit) }
                </div>
                <div class="buttons">
                    <button type="button" onclick={add} data-testid={format!("system-add-indicator-{d}")}>
                        { t(lang, Key::SystemAddIndicator) }</button>
                    <button type="button" onclick={remove} data-testid={format!("system-remove-dimension-{d}")}>
                        { tf(lang, Key::SystemRemoveDimension, &[&dimension_names[d]]) }</button>
                </div>
            </fieldset>
        }
    });

    let indicators = draft.indicators.iter().enumerate().map(|(i, di)| {
        let ind = &di.indicator;
        let d_of = draft.dimension_of(i);
        let on_dimension = {
            let on_edit = on_edit.clone();
            Callback::from(move |e: Event| {
                if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                    if let Ok(d) = select.value().parse::<usize>() {
                        on_edit.emit(DraftEdit::IndicatorDimension(i, d));
                    }
                }
            })
        };
        let on_direction = {
            let on_edit = on_edit.clone();
            Callback::from(move |e: Event| {
                if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                    on_edit.emit(DraftEdit::IndicatorHigherIsBetter(i, select.value() == "higher"));
                }
            })
        };
        let remove = {
            let on_edit = on_edit.clone();
            Callback::from(move |_: MouseEvent| on_edit.emit(DraftEdit::RemoveIndicator(i)))
        };
        let short = ind.short(lang);
        let shown_name = if short.trim().is_empty() { ind.id.as_str() } else { short };
        let direction = if ind.higher_is_better {
            t(lang, Key::SystemHigherBetter)
        } else {
            t(lang, Key::SystemLowerBetter)
        };
        html! {
            <details class="system-indicator" data-testid={format!("system-indicator-{}", ind.id)}>
                <summary>
                    { format!("{} ({}) · {} · {}", shown_name, ind.id,
                        dimension_names.get(d_of).cloned().unwrap_or_default(), direction) }
                </summary>
                <fieldset>
                    <legend class="sr-only">{ tf(lang, Key::SystemIndicatorLegend, &[shown_name]) }</legend>
                    <div class="system-fields">
                        { text_field(t(lang, Key::SystemId).to_string(), format!("sys-i{i}-id"), &ind.id,
                            format!("system-indicator-id-{i}"), move |v| DraftEdit::IndicatorId(i, v), &on_edit) }
                        { text_field(t(lang, Key::SystemNameZh).to_string(), format!("sys-i{i}-zh"), &ind.name_zh,
                            format!("system-indicator-zh-{i}"), move |v| DraftEdit::IndicatorNameZh(i, v), &on_edit) }
                        { text_field(t(lang, Key::SystemNameEn).to_string(), format!("sys-i{i}-en"), &ind.name_en,
                            format!("system-indicator-en-{i}"), move |v| DraftEdit::IndicatorNameEn(i, v), &on_edit) }
                        { text_field(t(lang, Key::SystemShortZh).to_string(), format!("sys-i{i}-szh"), &ind.short_zh,
                            format!("system-indicator-short-zh-{i}"), move |v| DraftEdit::IndicatorShortZh(i, v), &on_edit) }
                        { text_field(t(lang, Key::SystemShortEn).to_string(), format!("sys-i{i}-sen"), &ind.short_en,
                            format!("system-indicator-short-en-{i}"), move |v| DraftEdit::IndicatorShortEn(i, v), &on_edit) }
                        { text_field(t(lang, Key::SystemUnitZh).to_string(), format!("sys-i{i}-uzh"), &ind.unit_zh,
                            format!("system-indicator-unit-zh-{i}"), move |v| DraftEdit::IndicatorUnitZh(i, v), &on_edit) }
                        { text_field(t(lang, Key::SystemUnitEn).to_string(), format!("sys-i{i}-uen"), &ind.unit_en,
                            format!("system-indicator-unit-en-{i}"), move |v| DraftEdit::IndicatorUnitEn(i, v), &on_edit) }
                        { text_field(t(lang, Key::SystemPlausibleMin).to_string(), format!("sys-i{i}-min"), &di.min_text,
                            format!("system-indicator-min-{i}"), move |v| DraftEdit::IndicatorMin(i, v), &on_edit) }
                        { text_field(t(lang, Key::SystemPlausibleMax).to_string(), format!("sys-i{i}-max"), &di.max_text,
                            format!("system-indicator-max-{i}"), move |v| DraftEdit::IndicatorMax(i, v), &on_edit) }
                        <div class="field">
                            <label for={format!("sys-i{i}-dim")}>{ t(lang, Key::SystemDimension) }</label>
                            <select id={format!("sys-i{i}-dim")} data-testid={format!("system-indicator-dimension-{}", ind.id)}
                                onchange={on_dimension}>
                                { for dimension_names.iter().enumerate().map(|(d, name)| html! {
                                    <option value={d.to_string()} selected={d == d_of}>{ name.clone() }</option>
                                }) }
                            </select>
                        </div>
                        <div class="field">
                            <label for={format!("sys-i{i}-dir")}>{ t(lang, Key::SystemDirection) }</label>
                            <select id={format!("sys-i{i}-dir")} data-testid={format!("system-indicator-direction-{}", ind.id)}
                                onchange={on_direction}>
                                <option value="higher" selected={ind.higher_is_better}>{ t(lang, Key::SystemHigherBetter) }</option>
                                <option value="lower" selected={!ind.higher_is_better}>{ t(lang, Key::SystemLowerBetter) }</option>
                            </select>
                        </div>
                    </div>
                    <button type="button" onclick={remove} data-testid={format!("system-remove-indicator-{}", ind.id)}>
                        { tf(lang, Key::SystemRemove, &[shown_name]) }</button>
                </fieldset>
            </details>
        }
    });

    let add_dimension = {
        let on_edit = on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(DraftEdit::AddDimension))
    };
    let without_names: Vec<String> = without
        .iter()
        .map(|&i| system.indicators[i].short(lang).to_string())
        .collect();

    html! {
        <section class="analysis-card system-editor" aria-labelledby="system-editor-h" data-testid="system-editor">
            <h3 id="system-editor-h">{ t(lang, Key::SystemEditorHeading) }</h3>
            <p class="help">{ t(lang, Key::SystemEditorHelp) }</p>
            <p role="status" data-testid="system-status" data-white-paper={is_white_paper.to_string()}>
                { tf(lang, Key::SystemApplied, &[&system.n_dimensions().to_string(), &system.n_indicators().to_string()]) }
                { " " }
                { t(lang, if is_white_paper { Key::SystemIsWhitePaper } else { Key::SystemIsEdited }) }
            </p>
            if !without.is_empty() {
                <div class="stale" data-testid="system-no-values">
                    <p>{ tf(lang, Key::SystemNoValues, &[&without_names.join(t(lang, Key::SystemProblemSeparator))]) }</p>
                    <button type="button" onclick={template} data-testid="system-template">{ t(lang, Key::SystemTemplate) }</button>
                    { tools::status_view(status.as_ref(), lang) }
                </div>
            }
            <h4>{ tf(lang, Key::SystemDimensionsHeading, &[&draft.dimensions.len().to_string()]) }</h4>
            { for dimensions }
            <button type="button" onclick={add_dimension} data-testid="system-add-dimension">{ t(lang, Key::SystemAddDimension) }</button>
            <h4>{ tf(lang, Key::SystemIndicatorsHeading, &[&draft.indicators.len().to_string()]) }</h4>
            { for indicators }
            <div aria-live="polite" data-testid="system-feedback">
                if !problems.is_empty() { { problems_html(lang, &problems) } }
                if pending { <p class="hint" data-testid="system-pending">{ t(lang, Key::SystemDraftPending) }</p> }
            </div>
            <div class="buttons system-actions">
                <button type="button" id={APPLY_ID} class="primary" onclick={apply} data-testid="system-apply">{ t(lang, Key::SystemApply) }</button>
                <button type="button" id={RESET_ID} onclick={reset} data-testid="system-reset">{ t(lang, Key::SystemReset) }</button>
                <button type="button" onclick={download_json} data-testid="system-download">{ t(lang, Key::SystemDownload) }</button>
            </div>
            <div class="field">
                <label for={IMPORT_ID}>{ t(lang, Key::SystemImport) }</label>
                <input id={IMPORT_ID} type="file" accept=".json,application/json" data-testid="system-import"
                    onchange={import_json} />
            </div>
        </section>
    }
}
