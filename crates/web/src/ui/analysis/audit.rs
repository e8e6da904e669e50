//! The data audit panel: the data set it audits, the checks of every indicator with their flags, the
//! one-click JRC treatment of the flagged indicators with what it changed and an undo, the coherence of
//! the treated values (`audit_coherence`), the methods behind it all and the printable report.

use super::audit_coherence::CoherencePanel;
use super::audit_report::ReportButton;
use super::{estimate_note, Ptr};
use crate::analysis::audit::{self, IndicatorAudit, RankMove};
use crate::audit_report::{dataset_stamp, fmt_share, fmt_stat, outcome_text};
use crate::i18n::{t, tf, Key};
use crate::method::jrc::JrcOutcome;
use crate::model::{Choice, Dataset, IndicatorSystem, Lang, Scenario, Treatment};
use crate::score::{score, Ranking};
use crate::state::Action;
use crate::ui::Dispatch;
use yew::prelude::*;

/// How many of the biggest rank moves the panel names.
const MOVES_SHOWN: usize = 5;

#[derive(Properties, PartialEq, Clone)]
pub struct AuditPanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub scenario: Scenario,
    pub ranking: Ptr<Ranking>,
    pub unit_estimates: Ptr<Vec<bool>>,
    pub dispatch: Dispatch,
}

/// The treatments before the one-click JRC treatment and the treatments it set.
#[derive(Clone, Debug, PartialEq)]
struct Applied {
    previous: Vec<Treatment>,
    applied: Vec<Treatment>,
}

/// The audit panel.
#[component]
pub fn AuditPanel(props: &AuditPanelProps) -> Html {
    let lang = props.lang;
    let rows = use_memo(
        (props.system.clone(), props.data.clone()),
        |(system, data)| audit::audit(system, data),
    );
    let applied = use_state_eq(|| None::<Applied>);
    // The panel offers its undo only while the treatments are still the ones it set.
    let live = applied
        .as_ref()
        .filter(|a| a.applied == props.scenario.treatments)
        .cloned();
    let target = audit::jrc_for_flagged(&props.scenario.treatments, &rows);
    let can_apply = target != props.scenario.treatments;
    let on_apply = {
        let (d, scenario, applied, target) = (
            props.dispatch.clone(),
            props.scenario.clone(),
            applied.clone(),
            target.clone(),
        );
        Callback::from(move |_| {
            applied.set(Some(Applied {
                previous: scenario.treatments.clone(),
                applied: target.clone(),
            }));
            let mut sc = scenario.clone();
            sc.treatments = target.clone();
            d.emit(Action::SetScenario(sc));
        })
    };
    let on_undo = {
        let (d, scenario, applied, live) = (
            props.dispatch.clone(),
            props.scenario.clone(),
            applied.clone(),
            live.clone(),
        );
        Callback::from(move |_| {
            let Some(a) = &live else { return };
            let mut sc = scenario.clone();
            sc.treatments = a.previous.clone();
            applied.set(None);
            d.emit(Action::SetScenario(sc));
        })
    };
    let flagged = rows.iter().filter(|r| r.outlier_flag).count();
    let any_estimate = props.unit_estimates.iter().any(|&e| e);
    html! {
        <section class="analysis-card audit" aria-labelledby="audit-h" data-testid="audit-panel">
            <h3 id="audit-h">{ t(lang, Key::AuditHeading) }</h3>
            <p class="help">{ t(lang, Key::AuditIntro) }</p>
            <p class="audit-stamp" data-testid="audit-stamp">{ dataset_stamp(&props.data, lang) }</p>
            { estimate_note(lang, any_estimate) }
            { checks_table(&props.system, &rows, &props.scenario.treatments, lang) }
            <p class="hint">{ t(lang, Key::AuditFlagLegend) }</p>
            <p data-testid="audit-flag-count">{ tf(lang, Key::AuditFlagCount, &[&flagged.to_string()]) }</p>
            <div class="audit-actions">
                <button type="button" data-testid="audit-apply" disabled={!can_apply} onclick={on_apply}>
                    { t(lang, Key::AuditApply) }
                </button>
                if live.is_some() {
                    <button type="button" data-testid="audit-undo" onclick={on_undo}>{ t(lang, Key::AuditUndo) }</button>
                }
            </div>
            if !can_apply && live.is_none() {
                <p class="hint">{ t(lang, Key::AuditApplyNothing) }</p>
            }
            <div aria-live="polite">
                if let Some(a) = live {
                    <Changes {lang} system={props.system.clone()} data={props.data.clone()}
                        scenario={props.scenario.clone()} previous={a.previous} ranking={props.ranking.clone()} />
                }
            </div>
            <CoherencePanel {lang} system={props.system.clone()} ranking={props.ranking.clone()} />
            { methods_text(lang) }
            <ReportButton {lang} system={props.system.clone()} data={props.data.clone()}
                scenario={props.scenario.clone()} ranking={props.ranking.clone()}
                unit_estimates={props.unit_estimates.clone()} />
        </section>
    }
}

/// A share cell, marked when `flag` holds.
fn share_cell(v: f64, flag: bool, lang: Lang) -> Html {
    let text = fmt_share(v);
    if flag {
        html! { <td class="flagged">{ tf(lang, Key::AuditFlagged, &[&text]) }</td> }
    } else {
        html! { <td>{ text }</td> }
    }
}

/// The checks of every indicator, one row each.
fn checks_table(
    system: &IndicatorSystem,
    rows: &[IndicatorAudit],
    treatments: &[Treatment],
    lang: Lang,
) -> Html {
    let headers = [
        Key::ColIndicator,
        Key::AuditColCoverage,
        Key::AuditColZeros,
        Key::AuditColMode,
        Key::AuditColSkewness,
        Key::AuditColKurtosis,
        Key::AuditColOutlier,
        Key::AuditColSuggested,
        Key::AuditColInForce,
    ];
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="audit-checks-caption">
            <table class="audit-checks" data-testid="audit-checks">
                <caption id="audit-checks-caption">{ t(lang, Key::AuditChecksCaption) }</caption>
                <thead><tr>{ for headers.iter().map(|&k| html! { <th scope="col">{ t(lang, k) }</th> }) }</tr></thead>
                <tbody>
                    { for rows.iter().enumerate().map(|(i, row)| {
                        let in_force = treatments.get(i).map_or(Treatment::None, |t| *t);
                        let outlier = if row.outlier_flag { Key::AuditFlagYes } else { Key::AuditFlagNo };
                        html! {
                            <tr data-testid="audit-row" data-indicator={row.indicator_id.clone()}
                                data-outlier={row.outlier_flag.to_string()}>
                                <th scope="row">{ system.indicators[i].name(lang) }</th>
                                { share_cell(row.coverage, row.low_coverage(), lang) }
                                { share_cell(row.zeros_share, row.zeros_share > audit::MAX_SAME_SHARE, lang) }
                                { share_cell(row.mode_share, row.mode_share > audit::MAX_SAME_SHARE, lang) }
                                <td>{ fmt_stat(row.skewness) }</td>
                                <td>{ fmt_stat(row.kurtosis) }</td>
                                <td class={classes!(row.outlier_flag.then_some("flagged"))}
                                    data-testid="audit-outlier">{ t(lang, outlier) }</td>
                                <td>{ t(lang, row.suggested_treatment.label()) }</td>
                                <td data-testid="audit-in-force">{ t(lang, in_force.kind().label()) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ChangesProps {
    lang: Lang,
    system: Ptr<IndicatorSystem>,
    data: Ptr<Dataset>,
    scenario: Scenario,
    previous: Vec<Treatment>,
    ranking: Ptr<Ranking>,
}

/// What the one-click treatment changed: per treated indicator, the values it replaced or the log;
/// then how many counties moved and the biggest moves.
#[component]
fn Changes(props: &ChangesProps) -> Html {
    let lang = props.lang;
    let outcomes = use_memo(
        (props.data.clone(), props.scenario.treatments.clone()),
        |(data, treatments)| audit::jrc_changes(data, treatments),
    );
    let moves = use_memo(
        (
            props.system.clone(),
            props.data.clone(),
            props.scenario.clone(),
            props.previous.clone(),
            props.ranking.clone(),
        ),
        |(system, data, scenario, previous, ranking)| {
            let mut before = scenario.clone();
            before.treatments = previous.clone();
            score(system, data, &before)
                .map(|r| audit::rank_moves(&r.rank, &ranking.rank))
                .unwrap_or_default()
        },
    );
    let treated: Vec<(usize, &JrcOutcome)> = outcomes
        .iter()
        .enumerate()
        .filter_map(|(i, o)| o.as_ref().map(|o| (i, o)))
        .collect();
    let name = |i: usize| props.system.indicators[i].name(lang);
    html! {
        <div class="audit-changes" data-testid="audit-changes">
            <p>{ tf(lang, Key::AuditApplied, &[&treated.len().to_string()]) }</p>
            <ul>
                { for treated.iter().map(|&(i, outcome)| html! {
                    <li data-indicator={props.system.indicators[i].id.clone()}>{ outcome_text(name(i), outcome, lang) }</li>
                }) }
            </ul>
            { moves_text(&moves, &props.data, lang) }
        </div>
    }
}

/// The count of counties that moved and the biggest moves.
fn moves_text(moves: &[RankMove], data: &Dataset, lang: Lang) -> Html {
    if moves.is_empty() {
        return html! { <p data-testid="audit-moved" data-count="0">{ t(lang, Key::AuditUnmoved) }</p> };
    }
    html! {
        <>
            <p data-testid="audit-moved" data-count={moves.len().to_string()}>
                { tf(lang, Key::AuditMoved, &[&moves.len().to_string()]) }
            </p>
            <p>{ t(lang, Key::AuditBiggestMoves) }</p>
            <ul>
                { for moves.iter().take(MOVES_SHOWN).map(|m| html! {
                    <li>{ tf(lang, Key::AuditMove, &[
                        data.units[m.unit].name(lang), &m.before.to_string(), &m.after.to_string(),
                    ]) }</li>
                }) }
            </ul>
        </>
    }
}

/// The formulas and rules behind the audit.
fn methods_text(lang: Lang) -> Html {
    html! {
        <details class="explain-details">
            <summary>{ t(lang, Key::AuditMethodsSummary) }</summary>
            { for [
                Key::AuditMethodShape,
                Key::AuditMethodRule,
                Key::AuditMethodAlpha,
                Key::AuditMethodPca,
                Key::AuditMethodFlags,
            ].iter().map(|&k| html! { <p>{ t(lang, k) }</p> }) }
        </details>
    }
}
