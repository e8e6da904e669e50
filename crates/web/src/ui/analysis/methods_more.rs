//! Method choices the weights panel does not offer: the weighting scheme (manual, equal, entropy, CRITIC,
//! AHP) and each indicator's outlier treatment (none, log, winsorise between two percentiles), with the
//! formulas behind every choice and the chart of effective weights against real influence.

use super::explain::explanations;
use super::{Message, Ptr};
use crate::chart::weights::{self, WeightsInput};
use crate::chart::LazyTable;
use crate::i18n::{t, tf, Key};
use crate::model::{Choice, IndicatorSystem, Lang, Scenario, Treatment, TreatmentKind, Weighting};
use crate::score::Ranking;
use crate::state::Action;
use crate::ui::chart_canvas::{ChartCanvas, Height, Painter};
use crate::ui::Dispatch;
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

/// The scenario switched to another weighting scheme; `manual` is it with the weights in force
/// written out as manual weights, so switching to manual weighting changes nothing by itself.
fn with_scheme(
    scenario: &Scenario,
    manual: &Scenario,
    n_dimensions: usize,
    scheme: Weighting,
) -> Scenario {
    if scheme == Weighting::Manual {
        return manual.clone();
    }
    let mut sc = scenario.clone();
    if scheme == Weighting::Ahp && sc.ahp_matrix.is_none() {
        sc.ahp_matrix = Some(neutral_matrix(n_dimensions));
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

#[derive(Properties, PartialEq)]
pub struct MethodChoicesProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    /// The ranking whose effective weights and influence the chart shows.
    pub ranking: Ptr<Ranking>,
    pub scenario: Scenario,
    /// The scenario with the weights in force written out as manual weights.
    pub manual: Scenario,
    pub dispatch: Dispatch,
}

/// The weighting scheme, the chart of weights against influence, the outlier treatments and the
/// formulas behind every choice.
#[component]
pub fn MethodChoices(props: &MethodChoicesProps) -> Html {
    let lang = props.lang;
    let weighting = props.scenario.weighting;
    let on_scheme = {
        let (d, scenario, manual) = (
            props.dispatch.clone(),
            props.scenario.clone(),
            props.manual.clone(),
        );
        let n_dimensions = props.system.n_dimensions();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(w) = Weighting::from_id(&v) {
                d.emit(Action::SetScenario(with_scheme(
                    &scenario,
                    &manual,
                    n_dimensions,
                    w,
                )));
            }
        })
    };
    html! {
        <section class="analysis-card method-choices" aria-labelledby="mc-h">
            <h3 id="mc-h">{ t(lang, Key::MoreHeading) }</h3>
            <div class="field">
                <label for="weighting-scheme">{ t(lang, Key::MoreScheme) }</label>
                <select id="weighting-scheme" data-testid="weighting-scheme" onchange={on_scheme}>
                    { for Weighting::ALL.iter().map(|w| html! {
                        <option value={w.id()} selected={weighting == *w}>{ t(lang, w.label()) }</option>
                    }) }
                </select>
            </div>
            if weighting == Weighting::Ahp {
                <p class="hint">{ t(lang, Key::MoreAhpHint) }</p>
            }
            <WeightsChart {lang} system={props.system.clone()} ranking={props.ranking.clone()} />
            <Treatments {lang} system={props.system.clone()} scenario={props.scenario.clone()}
                dispatch={props.dispatch.clone()} />
            <details class="explain-details">
                <summary>{ t(lang, Key::MoreExplainSummary) }</summary>
                { explanations(lang) }
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct WeightsChartProps {
    lang: Lang,
    system: Ptr<IndicatorSystem>,
    ranking: Ptr<Ranking>,
}

/// The chart of each indicator's effective weight against its real influence on the composite.
#[component]
fn WeightsChart(props: &WeightsChartProps) -> Html {
    let lang = props.lang;
    let chart = use_memo(
        (props.system.clone(), props.ranking.clone(), lang),
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
    html! {
        <figure class="chart-figure chart-weights">
            <ChartCanvas painter={chart.0.clone()} table={Ptr(chart.1.clone())} {lang} height={Height::Fixed(600)}
                on_select={Callback::noop()} png_name={AttrValue::from("weights")} />
            <figcaption class="hint">{ t(lang, Key::MoreChartCaption) }</figcaption>
        </figure>
    }
}

/// Refused percentile texts per indicator, with the message, until a valid entry replaces them.
type Drafts = HashMap<usize, (String, String, Message)>;

#[derive(Properties, PartialEq)]
struct TreatmentsProps {
    lang: Lang,
    system: Ptr<IndicatorSystem>,
    scenario: Scenario,
    dispatch: Dispatch,
}

/// Each indicator's outlier treatment, with the count of treated indicators and a reset button.
#[component]
fn Treatments(props: &TreatmentsProps) -> Html {
    let lang = props.lang;
    let drafts = use_state(Drafts::new);
    let on_set = {
        let (d, scenario, drafts) = (
            props.dispatch.clone(),
            props.scenario.clone(),
            drafts.clone(),
        );
        let n_indicators = props.system.n_indicators();
        Callback::from(move |(i, t): (usize, Treatment)| {
            let mut sc = scenario.clone();
            if sc.treatments.len() == n_indicators {
                sc.treatments[i] = t;
                let mut next = (*drafts).clone();
                next.remove(&i);
                drafts.set(next);
                d.emit(Action::SetScenario(sc));
            }
        })
    };
    let on_refused = {
        let drafts = drafts.clone();
        Callback::from(move |(i, draft): (usize, (String, String, Message))| {
            let mut next = (*drafts).clone();
            next.insert(i, draft);
            drafts.set(next);
        })
    };
    let treated = props
        .scenario
        .treatments
        .iter()
        .filter(|t| **t != Treatment::None)
        .count();
    let reset_treatments = {
        let (d, scenario, drafts) = (
            props.dispatch.clone(),
            props.scenario.clone(),
            drafts.clone(),
        );
        let n_indicators = props.system.n_indicators();
        Callback::from(move |_: MouseEvent| {
            let mut sc = scenario.clone();
            sc.treatments = vec![Treatment::None; n_indicators];
            drafts.set(HashMap::new());
            d.emit(Action::SetScenario(sc));
        })
    };
    let rows = (0..props.system.n_indicators()).map(|i| {
        html! {
            <TreatmentRow {lang} system={props.system.clone()} indicator={i}
                treatment={props.scenario.treatments.get(i).copied().unwrap_or_default()}
                draft={drafts.get(&i).cloned()} on_set={on_set.clone()} on_refused={on_refused.clone()} />
        }
    });
    html! {
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
    }
}

#[derive(Properties, PartialEq)]
struct TreatmentRowProps {
    lang: Lang,
    system: Ptr<IndicatorSystem>,
    indicator: usize,
    treatment: Treatment,
    /// The refused percentile texts still shown, with why they were refused.
    draft: Option<(String, String, Message)>,
    /// A treatment chosen for an indicator.
    on_set: Callback<(usize, Treatment)>,
    /// Percentile texts refused for an indicator, with the message.
    on_refused: Callback<(usize, (String, String, Message))>,
}

/// One indicator's treatment box, with its two percentile boxes when it is winsorised.
#[component]
fn TreatmentRow(props: &TreatmentRowProps) -> Html {
    let (lang, i) = (props.lang, props.indicator);
    let ind = &props.system.indicators[i];
    let kind = props.treatment.kind();
    let on_kind = props.on_set.reform(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        let t = match TreatmentKind::from_id(&v).unwrap_or(TreatmentKind::None) {
            TreatmentKind::None => Treatment::None,
            TreatmentKind::Log => Treatment::Log,
            TreatmentKind::Winsorise => Treatment::Winsorise {
                lower: DEFAULT_WINSOR.0,
                upper: DEFAULT_WINSOR.1,
            },
            TreatmentKind::Jrc => Treatment::Jrc,
        };
        (i, t)
    });
    let select_id = format!("treat-{}", ind.id);
    let bounds = match props.treatment {
        Treatment::Winsorise { lower, upper } => winsor_bounds(props, lower, upper),
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
}

/// The lower and upper percentile boxes of a winsorised indicator, showing refused texts until a valid
/// entry replaces them.
fn winsor_bounds(props: &TreatmentRowProps, lower: f64, upper: f64) -> Html {
    let (lang, i) = (props.lang, props.indicator);
    let ind = &props.system.indicators[i];
    let (lo_text, hi_text) = props
        .draft
        .as_ref()
        .map(|(a, b, _)| (a.clone(), b.clone()))
        .unwrap_or_else(|| (fmt_pct(lower), fmt_pct(upper)));
    let lo_id = format!("treat-{}-lo", ind.id);
    let hi_id = format!("treat-{}-hi", ind.id);
    let on_change = |which: usize| {
        let (on_set, on_refused) = (props.on_set.clone(), props.on_refused.clone());
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
                Ok((lower, upper)) => on_set.emit((i, Treatment::Winsorise { lower, upper })),
                Err(msg) => on_refused.emit((i, (lo, hi, msg))),
            }
        })
    };
    let error = props.draft.as_ref().map(|(_, _, msg)| {
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
