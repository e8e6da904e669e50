//! The outcome of an import as the data panel shows it: the sheet chooser, then the table of problems
//! (nothing replaced) or the summary and warnings.

use crate::i18n::{t, tf, Key};
use crate::model::Lang;
use crate::tools_api::ImportSummary;
use yew::prelude::*;

/// The outcome of an import: the sheet chooser, then the problems (nothing replaced) or the warnings.
pub(super) fn report_view(r: &ImportSummary, lang: Lang, on_sheet: Callback<Event>) -> Html {
    let chooser = if r.sheet_names.len() > 1 {
        html! { <p>
            <label for="import-sheet">{ t(lang, Key::ImportSheet) }</label>{ " " }
            <select id="import-sheet" data-testid="import-sheet" onchange={on_sheet}>
                { for r.sheet_names.iter().map(|n| html! {
                    <option value={n.clone()} selected={r.sheet.as_deref() == Some(n.as_str())}>{ n }</option> }) }
            </select>
        </p> }
    } else {
        html! {}
    };
    let body = if let Some(d) = &r.dataset {
        html! { <>
            <p role="status" class="import-ok" data-testid="import-status">{ tf(lang, Key::ImportDone, &[
                &crate::echo::clip(&d.meta.name),
                &d.n_units().to_string(),
                &r.known_units.to_string(),
                &r.matched_indicators.to_string(),
            ]) }</p>
            if !r.warnings.is_empty() {
                <ul class="import-warnings" data-testid="import-warnings">
                    { for r.warnings.iter().map(|w| html! { <li>{ w.get(lang) }</li> }) }
                </ul>
            }
        </> }
    } else {
        html! { <>
            <p role="alert" class="import-failed" data-testid="import-failed">{ tf(lang, Key::ImportNotDone, &[&r.errors.len().to_string()]) }</p>
            <table class="import-errors" data-testid="import-errors">
                <thead><tr>
                    <th scope="col">{ t(lang, Key::ImportRow) }</th>
                    <th scope="col">{ t(lang, Key::ImportColumn) }</th>
                    <th scope="col">{ t(lang, Key::ImportProblem) }</th>
                </tr></thead>
                <tbody>{ for r.errors.iter().map(|e| html! {
                    <tr data-row={e.row.map(|r| r.to_string())}>
                        <td>{ e.row.map(|r| r.to_string()).unwrap_or_default() }</td>
                        <td translate="no">{ e.column.clone().unwrap_or_default() }</td>
                        <td>{ e.message.get(lang).to_string() }</td>
                    </tr>
                }) }</tbody>
            </table>
        </> }
    };
    html! { <div class="import-report">{ chooser }{ body }</div> }
}
