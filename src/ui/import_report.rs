//! The outcome of an import as the data panel shows it: the sheet chooser, then the table of problems
//! (nothing replaced) or the summary and warnings.

use crate::model::Lang;
use crate::tools_api::ImportSummary;
use yew::prelude::*;

fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
}

/// The outcome of an import: the sheet chooser, then the problems (nothing replaced) or the warnings.
pub(super) fn report_view(r: &ImportSummary, lang: Lang, on_sheet: Callback<Event>) -> Html {
    let chooser = if r.sheet_names.len() > 1 {
        html! { <p>
            <label for="import-sheet">{ tr(lang, "工作表", "Sheet") }</label>{ " " }
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
            <p role="status" class="import-ok" data-testid="import-status">{ match lang {
                Lang::Zh => format!("已导入“{}”：{} 个单位（其中福建县域 {} 个），{} 项指标。", crate::echo::clip(&d.meta.name), d.n_units(), r.known_units, r.matched_indicators),
                Lang::En => format!("Imported \"{}\": {} units ({} of them Fujian counties), {} indicators.", crate::echo::clip(&d.meta.name), d.n_units(), r.known_units, r.matched_indicators),
            } }</p>
            if !r.warnings.is_empty() {
                <ul class="import-warnings" data-testid="import-warnings">
                    { for r.warnings.iter().map(|w| html! { <li>{ w.get(lang) }</li> }) }
                </ul>
            }
        </> }
    } else {
        html! { <>
            <p role="alert" class="import-failed" data-testid="import-failed">{ match lang {
                Lang::Zh => format!("未导入：发现 {} 个问题，当前数据和方案保持不变。", r.errors.len()),
                Lang::En => format!("Not imported: {} problems found; the current data and scenario are unchanged.", r.errors.len()),
            } }</p>
            <table class="import-errors" data-testid="import-errors">
                <thead><tr>
                    <th scope="col">{ tr(lang, "行", "Row") }</th>
                    <th scope="col">{ tr(lang, "列", "Column") }</th>
                    <th scope="col">{ tr(lang, "问题", "Problem") }</th>
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
