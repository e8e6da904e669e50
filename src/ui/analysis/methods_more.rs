//! Method choices the weights panel does not offer: the weighting scheme (manual, equal, entropy, CRITIC,
//! AHP) and each indicator's outlier treatment (none, log, winsorise between two percentiles), with the
//! formulas behind every choice and the chart of effective weights against real influence.

use super::explain::explanations;
use super::{Message, Ptr};
use crate::chart::weights::{self, WeightsInput};
use crate::chart::LazyTable;
use crate::i18n::{t, tf, Key};
use crate::model::{Choice, Scenario, Treatment, TreatmentKind, Weighting};
use crate::state::{Action, Field, State};
use crate::ui::chart_canvas::{ChartCanvas, Height, Painter};
use crate::ui::PanelProps;
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Percentiles a newly chosen winsorisation starts from.
const DEFAULT_WINSOR: (f64, f64) = (5.0, 95.0);

/// An all-ones comparison matrix: every dimension as important as every other (equal weights, CR = 0).
pub(crate) fn neutral_matrix(n: usize) -> Vec<f64> {
    vec![1.0; n * n]
}

/// The current scenario switched to another weighting scheme.
fn with_scheme(s: &State, scheme: Weighting) -> Scenario {
    let mut sc = s.scenario.clone();
    if scheme == Weighting::Manual {
        // Start manual weights from the weights in force, so switching changes nothing by itself.
        sc.dimension_weights = (0..s.system.n_dimensions())
            .map(|d| s.weight(Field::Dimension(d)))
            .collect();
        sc.indicator_weights = (0..s.system.n_indicators())
            .map(|i| s.weight(Field::Indicator(i)))
            .collect();
    }
    if scheme == Weighting::Ahp && sc.ahp_matrix.is_none() {
        sc.ahp_matrix = Some(neutral_matrix(s.system.n_dimensions()));
    }
    sc.weighting = scheme;
    sc
}

/// Checks typed winsorisation percentiles.
fn parse_percentiles(lo: &str, hi: &str) -> Result<(f64, f64), Message> {
    let num = |t: &str| t.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    match (num(lo), num(hi)) {
        (Some(a), Some(b)) if (0.0..=100.0).contains(&a) && (0.0..=100.0).contains(&b) && a < b => {
            Ok((a, b))
        }
        (Some(_), Some(_)) => Err(Message::new(Key::MorePercentilesRange, &[])),
        _ => Err(Message::new(Key::MorePercentilesNumbers, &[])),
    }
}

fn fmt_pct(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[component]
pub fn MethodChoices(props: &PanelProps) -> Html {
    let s = &props.state;
    let lang = s.lang;
    // Refused percentile texts per indicator, with the message, until a valid entry replaces them.
    let drafts = use_state(HashMap::<usize, (String, String, Message)>::new);

    let chart = use_memo(
        (Ptr(s.system.clone()), Ptr(s.ranking.clone()), lang),
        |(sys, ranking, lang)| {
            let (sys, ranking) = (sys.0.clone(), ranking.0.clone());
            let table = Rc::new(LazyTable::ready(weights::table(
                &WeightsInput {
                    system: &sys,
                    ranking: &ranking,
                },
                *lang,
            )));
            let painter = Painter::new(move |area, style| {
                weights::draw(
                    area,
                    &WeightsInput {
                        system: &sys,
                        ranking: &ranking,
                    },
                    style,
                )
            });
            (painter, table)
        },
    );

    let on_scheme = {
        let (d, state) = (props.dispatch.clone(), props.state.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(w) = Weighting::from_id(&v) {
                d.emit(Action::SetScenario(with_scheme(&state, w)));
            }
        })
    };

    let set_treatment = {
        let (d, state, drafts) = (props.dispatch.clone(), props.state.clone(), drafts.clone());
        Rc::new(move |i: usize, t: Treatment| {
            let mut sc = state.scenario.clone();
            if sc.treatments.len() == state.system.n_indicators() {
                sc.treatments[i] = t;
                let mut next = (*drafts).clone();
                next.remove(&i);
                drafts.set(next);
                d.emit(Action::SetScenario(sc));
            }
        })
    };

    let rows = s.system.indicators.iter().enumerate().map(|(i, ind)| {
        let current = s.scenario.treatments.get(i).copied().unwrap_or_default();
        let kind = current.kind();
        let on_kind = {
            let set = set_treatment.clone();
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                let t = match TreatmentKind::from_id(&v).unwrap_or(TreatmentKind::None) {
                    TreatmentKind::None => Treatment::None,
                    TreatmentKind::Log => Treatment::Log,
                    TreatmentKind::Winsorise => Treatment::Winsorise {
                        lower: DEFAULT_WINSOR.0,
                        upper: DEFAULT_WINSOR.1,
                    },
                };
                set(i, t);
            })
        };
        let select_id = format!("treat-{}", ind.id);
        let bounds = match current {
            Treatment::Winsorise { lower, upper } => {
                let draft = drafts.get(&i).cloned();
                let (lo_text, hi_text) = draft
                    .as_ref()
                    .map(|(a, b, _)| (a.clone(), b.clone()))
                    .unwrap_or_else(|| (fmt_pct(lower), fmt_pct(upper)));
                let lo_id = format!("treat-{}-lo", ind.id);
                let hi_id = format!("treat-{}-hi", ind.id);
                let on_change = |which: usize| {
                    let (set, drafts) = (set_treatment.clone(), drafts.clone());
                    // The other box keeps what it shows: its refused text, or the bound in force.
                    let (lo_shown, hi_shown) = (lo_text.clone(), hi_text.clone());
                    Callback::from(move |e: Event| {
                        let typed = e.target_unchecked_into::<HtmlInputElement>().value();
                        let (lo, hi) = if which == 0 {
                            (typed, hi_shown.clone())
                        } else {
                            (lo_shown.clone(), typed)
                        };
                        match parse_percentiles(&lo, &hi) {
                            Ok((lower, upper)) => set(i, Treatment::Winsorise { lower, upper }),
                            Err(msg) => {
                                let mut next = (*drafts).clone();
                                next.insert(i, (lo, hi, msg));
                                drafts.set(next);
                            }
                        }
                    })
                };
                let error = draft.map(|(_, _, msg)| {
                    html! { <p class="problem bad-input" role="alert" id={format!("treat-{}-err", ind.id)}>{ msg.text(lang) }</p> }
                });
                html! {
                    <div class="winsor">
                        <label for={lo_id.clone()}>{ t(lang, Key::MoreLowerPercentile) }</label>
                        <input id={lo_id.clone()} type="number" min="0" max="100" step="0.5" inputmode="decimal"
                            value={lo_text.clone()} onchange={on_change(0)} aria-invalid={error.is_some().then_some("true")} />
                        <label for={hi_id.clone()}>{ t(lang, Key::MoreUpperPercentile) }</label>
                        <input id={hi_id.clone()} type="number" min="0" max="100" step="0.5" inputmode="decimal"
                            value={hi_text.clone()} onchange={on_change(1)} aria-invalid={error.is_some().then_some("true")} />
                        { for error }
                    </div>
                }
            }
            _ => html! {},
        };
        html! {
            <tr>
                <th scope="row"><label for={select_id.clone()}>{ ind.short(lang) }</label></th>
                <td>
                    <select id={select_id} onchange={on_kind} data-testid={format!("treatment-{}", ind.id)}>
                        { for TreatmentKind::ALL.iter().map(|k| html! {
                            <option value={k.id()} selected={*k == kind}>{ t(lang, k.label()) }</option>
                        }) }
                    </select>
                    { bounds }
                </td>
            </tr>
        }
    });

    let treated = s
        .scenario
        .treatments
        .iter()
        .filter(|t| **t != Treatment::None)
        .count();
    let reset_treatments = {
        let (d, state, drafts) = (props.dispatch.clone(), props.state.clone(), drafts.clone());
        Callback::from(move |_: MouseEvent| {
            let mut sc = state.scenario.clone();
            sc.treatments = vec![Treatment::None; state.system.n_indicators()];
            drafts.set(HashMap::new());
            d.emit(Action::SetScenario(sc));
        })
    };

    html! {
        <section class="analysis-card method-choices" aria-labelledby="mc-h">
            <h3 id="mc-h">{ t(lang, Key::MoreHeading) }</h3>
            <div class="field">
                <label for="weighting-scheme">{ t(lang, Key::MoreScheme) }</label>
                <select id="weighting-scheme" data-testid="weighting-scheme" onchange={on_scheme}>
                    { for Weighting::ALL.iter().map(|w| html! {
                        <option value={w.id()} selected={s.scenario.weighting == *w}>{ t(lang, w.label()) }</option>
                    }) }
                </select>
            </div>
            if s.scenario.weighting == Weighting::Ahp {
                <p class="hint">{ t(lang, Key::MoreAhpHint) }</p>
            }
            <figure class="chart-figure chart-weights">
                <ChartCanvas painter={chart.0.clone()} table={chart.1.clone()} {lang} height={Height::Fixed(600)}
                    on_select={Callback::noop()} png_name={AttrValue::from("weights")} />
                <figcaption class="hint">{ t(lang, Key::MoreChartCaption) }</figcaption>
            </figure>
            <details class="treatments">
                <summary>
                    { t(lang, Key::MoreTreatments) }
                    { " " }<span class="muted">{ tf(lang, Key::MoreTreated, &[&treated.to_string()]) }</span>
                </summary>
                <div class="table-scroll">
                    <table class="treat-table">
                        <thead><tr>
                            <th scope="col">{ t(lang, Key::ColIndicator) }</th>
                            <th scope="col">{ t(lang, Key::MoreColTreatment) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                <button type="button" onclick={reset_treatments} disabled={treated == 0}>
                    { t(lang, Key::MoreResetTreatments) }
                </button>
            </details>
            <details class="explain-details">
                <summary>{ t(lang, Key::MoreExplainSummary) }</summary>
                { explanations(lang) }
            </details>
        </section>
    }
}
