//! The audit panel's "打印审计报告 / Print the audit report" button and the report's A4 sheet, shown and
//! printed by the county brief's print machinery (`ui::brief::present`). The report's content is
//! `crate::audit_report`; the Monte Carlo run it reads goes in chunks, so the page keeps answering.

use super::Ptr;
use crate::analysis::uncertainty::{UncertaintyResult, UncertaintyRun};
use crate::audit_report::{self, AuditReport, ReportInput, ReportTable};
use crate::i18n::{t, Key};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use crate::score::Ranking;
use crate::ui::brief;
use yew::prelude::*;

/// Samples drawn between two yields to the browser.
const CHUNK: usize = 500;

/// The button that opens the report, as the print dialog's close button finds it again.
const OPENER: &str = "[data-testid=\"audit-report-open\"]";

#[derive(Properties, PartialEq, Clone)]
pub struct ReportButtonProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub scenario: Scenario,
    pub ranking: Ptr<Ranking>,
    pub unit_estimates: Ptr<Vec<bool>>,
}

/// The report's Monte Carlo run, yielding to the browser between chunks.
async fn robustness(p: &ReportButtonProps) -> Result<UncertaintyResult, String> {
    let mut run = UncertaintyRun::new(
        &p.system,
        &p.data,
        &p.scenario,
        audit_report::robustness_config(),
    )
    .map_err(|e| e.message(p.lang))?;
    while !run.step(CHUNK).is_finished() {
        brief::next_task().await;
    }
    Ok(run.finish())
}

/// Makes the report, draws it in the print overlay and opens the print dialog.
async fn make_and_print(p: ReportButtonProps) -> Result<(), String> {
    let result = robustness(&p).await?;
    let date = brief::today();
    let report = audit_report::build(&ReportInput {
        system: &p.system,
        data: &p.data,
        scenario: &p.scenario,
        ranking: &p.ranking,
        unit_estimates: &p.unit_estimates,
        robustness: &result,
        date: &date,
        lang: p.lang,
    });
    let root = brief::overlay().ok_or("no document")?;
    brief::present(
        root,
        p.lang,
        OPENER,
        "audit-report-title",
        Key::AuditReportClose,
        sheet(&report),
    )
    .await?;
    brief::open_and_print();
    Ok(())
}

/// The report's button, busy while the report is being made.
#[component]
pub fn ReportButton(props: &ReportButtonProps) -> Html {
    let lang = props.lang;
    let state = use_state_eq(|| Ok::<bool, String>(false));
    let onclick = {
        let (p, state) = (props.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            state.set(Ok(true));
            let (p, state) = (p.clone(), state.clone());
            wasm_bindgen_futures::spawn_local(async move {
                state.set(make_and_print(p).await.map(|()| false));
            });
        })
    };
    let busy = *state == Ok(true);
    html! {
        <div class="brief-action">
            <button type="button" data-testid="audit-report-open" {onclick} disabled={busy} aria-haspopup="dialog">
                { if busy { t(lang, Key::BriefMaking) } else { t(lang, Key::AuditReport) } }
            </button>
            if let Err(reason) = &*state {
                <p class="problem" role="alert">{ t(lang, Key::BriefFailed) }{ " " }{ reason.clone() }</p>
            }
        </div>
    }
}

/// One of the report's tables; rows resting on estimates carry the estimate mark.
fn table(table: &ReportTable, lang: Lang, testid: &'static str) -> Html {
    html! {
        <table class="brief-table" data-testid={testid}>
            <thead><tr>{ for table.head.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
            <tbody>
                { for table.rows.iter().map(|row| html! {
                    <tr>
                        { for row.cells.iter().enumerate().map(|(i, c)| if i == 0 {
                            html! { <th scope="row">{ c.clone() }
                                if row.estimate {
                                    { " " }<span class="est-mark" title={t(lang, Key::EstimateMarkTitle)}>{ t(lang, Key::EstimateMark) }</span>
                                }
                            </th> }
                        } else {
                            html! { <td>{ c.clone() }</td> }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// A titled part of the report.
fn part(id: &'static str, heading: Key, lang: Lang, body: Html) -> Html {
    html! {
        <section class={classes!("brief-section", "audit-report-part")} data-section={id} data-testid="audit-report-section">
            <h3>{ t(lang, heading) }</h3>
            { body }
        </section>
    }
}

fn lines(lines: &[String]) -> Html {
    html! { for l in lines { <p>{ l.clone() }</p> } }
}

/// The report's sheet.
fn sheet(r: &AuditReport) -> Html {
    let lang = r.lang;
    let heatmap = Html::from_html_unchecked(AttrValue::from(r.heatmap_svg.clone()));
    html! {
        <article class="brief-sheet audit-report" data-testid="audit-report">
            <header class="brief-head">
                <p class="brief-kicker">{ r.date.clone() }</p>
                <h2 id="audit-report-title">{ r.title.clone() }</h2>
                <p data-testid="audit-report-stamp" translate="no">{ r.stamp.clone() }</p>
            </header>
            if let Some(note) = &r.estimate_notice {
                <p class="brief-estimate">
                    <span class="est-mark" aria-hidden="true">{ t(lang, Key::EstimateMark) }</span>{ " " }{ note.clone() }
                </p>
            }
            { part("checks", Key::AuditChecksCaption, lang, html! {
                <>{ table(&r.checks, lang, "audit-report-checks") }<p>{ t(lang, Key::AuditFlagLegend) }</p></>
            }) }
            { part("treatments", Key::AuditColInForce, lang, lines(&r.treatments)) }
            { part("coherence", Key::AuditCoherenceHeading, lang, html! {
                <>
                    <div class="audit-report-heatmap" role="img"
                        aria-label={t(lang, Key::AuditHeatmapCaption)}>{ heatmap }</div>
                    <h4>{ t(lang, Key::AuditAlphaHeading) }</h4>
                    { table(&r.alpha, lang, "audit-report-alpha") }
                    <h4>{ t(lang, Key::AuditPcaHeading) }</h4>
                    { lines(&r.components) }
                    <h4>{ t(lang, Key::AuditFlagsHeading) }</h4>
                    if r.flags.is_empty() { <p>{ t(lang, Key::AuditNoFlags) }</p> } else { { lines(&r.flags) } }
                </>
            }) }
            { part("robustness", Key::AuditRobustnessHeading, lang, html! {
                <><p>{ r.robustness_note.clone() }</p>{ table(&r.robustness, lang, "audit-report-robustness") }</>
            }) }
            <footer class="brief-foot">{ t(lang, Key::AuditMethodRule) }</footer>
        </article>
    }
}
