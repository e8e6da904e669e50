//! The AHP form: the upper triangle of a 5x5 pairwise comparison of the dimensions on Saaty's 1-9 scale
//! (reciprocals filled in below the diagonal), the weights from `method::ahp::weights`, and the
//! consistency ratio against the cited random-index table. An inconsistent matrix (CR >= 0.1) changes
//! nothing until the user explicitly accepts it; a consistent one is applied with a button.

use super::methods_more::neutral_matrix;
use super::Ptr;
use crate::i18n::{t, tf, Key};
use crate::method::ahp::{self, AhpResult, CR_THRESHOLD, SAATY_RANDOM_INDEX};
use crate::model::{IndicatorSystem, Lang, Scenario, Weighting};
use crate::state::Action;
use crate::ui::Dispatch;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Saaty's scale as offered in each box: 1/9 .. 1/2, 1, 2 .. 9.
const SCALE: [(f64, &str); 17] = [
    (1.0 / 9.0, "1/9"),
    (1.0 / 8.0, "1/8"),
    (1.0 / 7.0, "1/7"),
    (1.0 / 6.0, "1/6"),
    (1.0 / 5.0, "1/5"),
    (1.0 / 4.0, "1/4"),
    (1.0 / 3.0, "1/3"),
    (1.0 / 2.0, "1/2"),
    (1.0, "1"),
    (2.0, "2"),
    (3.0, "3"),
    (4.0, "4"),
    (5.0, "5"),
    (6.0, "6"),
    (7.0, "7"),
    (8.0, "8"),
    (9.0, "9"),
];
/// The position of 1 in `SCALE`.
const EQUAL: usize = 8;

/// The scale step nearest to a matrix entry (on a log scale, where the steps are symmetric).
fn nearest_step(v: f64) -> usize {
    SCALE
        .iter()
        .enumerate()
        .min_by(|a, b| {
            let da = (a.1 .0.ln() - v.ln()).abs();
            let db = (b.1 .0.ln() - v.ln()).abs();
            da.total_cmp(&db)
        })
        .map_or(EQUAL, |(k, _)| k)
}

/// The upper-triangle pairs (row, column) in reading order.
fn pairs(n: usize) -> Vec<(usize, usize)> {
    (0..n)
        .flat_map(|r| (r + 1..n).map(move |c| (r, c)))
        .collect()
}

/// Scale steps of the upper triangle read from a full matrix (or all "equally important").
fn steps_from(matrix: Option<&[f64]>, n: usize) -> Vec<usize> {
    pairs(n)
        .into_iter()
        .map(|(r, c)| {
            matrix
                .and_then(|m| m.get(r * n + c))
                .filter(|v| v.is_finite() && **v > 0.0)
                .map_or(EQUAL, |&v| nearest_step(v))
        })
        .collect()
}

/// The full reciprocal matrix of the upper-triangle steps.
fn matrix_from(steps: &[usize], n: usize) -> Vec<f64> {
    let mut m = neutral_matrix(n);
    for ((r, c), &k) in pairs(n).into_iter().zip(steps) {
        m[r * n + c] = SCALE[k].0;
    }
    ahp::complete_reciprocals(&mut m, n);
    m
}

/// The text of an entry below the diagonal: the reciprocal of the mirrored step.
fn reciprocal_label(step: usize) -> &'static str {
    SCALE[SCALE.len() - 1 - step].1
}

fn scale_legend(lang: Lang) -> Html {
    let items: [(&str, Key); 6] = [
        ("1", Key::AhpScaleEqual),
        ("3", Key::AhpScaleModerate),
        ("5", Key::AhpScaleStrong),
        ("7", Key::AhpScaleVeryStrong),
        ("9", Key::AhpScaleExtreme),
        ("2, 4, 6, 8", Key::AhpScaleBetween),
    ];
    html! {
        <p class="hint ahp-legend">
            { t(lang, Key::AhpScaleIntro) }
            { for items.iter().enumerate().map(|(k, (v, meaning))| html! {
                <>{ if k > 0 { t(lang, Key::AhpScaleSeparator) } else { "" } }<b translate="no">{ *v }</b>{ " " }{ t(lang, *meaning) }</>
            }) }
            { t(lang, Key::AhpScaleReciprocals) }
        </p>
    }
}

fn ri_table(lang: Lang) -> Html {
    html! {
        <table class="ri-table">
            <caption>{ t(lang, Key::AhpRiCaption) }</caption>
            <tr>
                <th scope="row">{ "n" }</th>
                { for (1..=SAATY_RANDOM_INDEX.len()).map(|n| html! { <td class="num">{ n }</td> }) }
            </tr>
            <tr>
                <th scope="row">{ "RI" }</th>
                { for SAATY_RANDOM_INDEX.iter().map(|ri| html! { <td class="num">{ format!("{ri:.2}") }</td> }) }
            </tr>
        </table>
    }
}

fn result_html(lang: Lang, names: &[String], r: &AhpResult) -> Html {
    html! {
        <>
            <table class="ahp-weights">
                <caption>{ t(lang, Key::AhpWeightsCaption) }</caption>
                <tbody>
                    { for names.iter().zip(&r.weights).map(|(name, w)| html! {
                        <tr><th scope="row">{ name.clone() }</th><td class="num" data-testid="ahp-weight">{ format!("{:.1}%", w * 100.0) }</td></tr>
                    }) }
                </tbody>
            </table>
            <p class="ahp-stats" translate="no">
                { format!("λmax = {:.3}, CI = {:.3}, ", r.lambda_max, r.consistency_index) }
                <span data-testid="ahp-cr">{ format!("CR = {:.3}", r.consistency_ratio) }</span>
            </p>
        </>
    }
}

/// Whether the matrix is in use, or why it cannot be, and the button that applies it.
fn status_html(
    lang: Lang,
    result: &Result<AhpResult, ahp::AhpError>,
    in_use: bool,
    apply: Callback<MouseEvent>,
) -> Html {
    match result {
        Err(e) => html! { <p class="problem" role="alert">{ e.message(lang) }</p> },
        Ok(_) if in_use => html! {
            <p class="ahp-status ok" role="status" data-testid="ahp-status">
                { t(lang, Key::AhpInUse) }
            </p>
        },
        Ok(r) if r.is_consistent() => html! {
            <div class="ahp-status ok" data-testid="ahp-status">
                <p role="status">{ tf(lang, Key::AhpConsistent, &[&format!("{:.3}", r.consistency_ratio), &CR_THRESHOLD.to_string()]) }</p>
                <button type="button" class="primary" onclick={apply.clone()} data-testid="ahp-apply">
                    { t(lang, Key::PanelApplyWeights) }
                </button>
            </div>
        },
        Ok(r) => html! {
            <div class="ahp-status warn" data-testid="ahp-status">
                <p role="alert">
                    <span aria-hidden="true">{ "⚠ " }</span>
                    { tf(lang, Key::AhpInconsistent, &[&format!("{:.3}", r.consistency_ratio), &CR_THRESHOLD.to_string()]) }
                </p>
                <button type="button" onclick={apply} data-testid="ahp-accept">
                    { t(lang, Key::AhpAcceptAnyway) }
                </button>
            </div>
        },
    }
}

/// The comparison matrix: a box of the scale above the diagonal, the reciprocals below it.
fn matrix_html(lang: Lang, names: &[String], steps: &UseStateHandle<Vec<usize>>) -> Html {
    let n = names.len();
    let index = |r: usize, c: usize| pairs(n).iter().position(|&p| p == (r, c));
    let cell = |r: usize, c: usize| -> Html {
        if r == c {
            return html! { <td class="num ahp-diag">{ "1" }</td> };
        }
        if r > c {
            let k = index(c, r).map_or(EQUAL, |k| steps[k]);
            return html! { <td class="num ahp-recip" data-testid="ahp-reciprocal">{ reciprocal_label(k) }</td> };
        }
        let k = index(r, c).unwrap_or(0);
        let id = format!("ahp-{r}-{c}");
        let label = tf(lang, Key::AhpCellLabel, &[&names[r], &names[c]]);
        let onchange = {
            let steps = steps.clone();
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                if let Some(step) = SCALE.iter().position(|(_, l)| *l == v) {
                    let mut next = (*steps).clone();
                    next[k] = step;
                    steps.set(next);
                }
            })
        };
        html! {
            <td>
                <label for={id.clone()} class="sr-only">{ label }</label>
                <select {id} {onchange} data-testid={format!("ahp-{r}-{c}")}>
                    { for SCALE.iter().enumerate().map(|(j, (_, l))| html! {
                        <option value={*l} selected={j == steps[k]}>{ *l }</option>
                    }) }
                </select>
            </td>
        }
    };
    html! {
        <div class="table-scroll" role="region" tabindex="0" aria-label={t(lang, Key::AhpMatrixLabel)}>
            <table class="ahp-matrix" data-testid="ahp-matrix">
                <thead><tr>
                    <td></td>
                    { for names.iter().map(|nm| html! { <th scope="col">{ nm.clone() }</th> }) }
                </tr></thead>
                <tbody>
                    { for (0..n).map(|r| html! {
                        <tr>
                            <th scope="row">{ names[r].clone() }</th>
                            { for (0..n).map(|c| cell(r, c)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AhpPanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    /// The page's scenario: its weighting and AHP matrix, and the rest of it for Apply.
    pub scenario: Scenario,
    pub dispatch: Dispatch,
}

#[component]
pub fn AhpPanel(props: &AhpPanelProps) -> Html {
    let (lang, scenario) = (props.lang, &props.scenario);
    let n = props.system.n_dimensions();
    let steps = {
        let matrix = scenario.ahp_matrix.clone();
        use_state(move || steps_from(matrix.as_deref(), n))
    };
    // Follow a matrix that arrives from elsewhere (a shared link, an applied form).
    {
        let steps = steps.clone();
        use_effect_with(scenario.ahp_matrix.clone(), move |m| {
            if let Some(m) = m {
                steps.set(steps_from(Some(m), n));
            }
        });
    }
    let matrix = matrix_from(&steps, n);
    let result = ahp::weights(&matrix, n);
    let names = props.system.dimension_names(lang);
    let in_use = scenario.weighting == Weighting::Ahp
        && scenario
            .ahp_matrix
            .as_ref()
            .is_some_and(|m| steps_from(Some(m), n) == *steps);

    let apply = {
        let (d, scenario, matrix) = (props.dispatch.clone(), scenario.clone(), matrix.clone());
        Callback::from(move |_: MouseEvent| {
            let mut sc = scenario.clone();
            sc.weighting = Weighting::Ahp;
            sc.ahp_matrix = Some(matrix.clone());
            d.emit(Action::SetScenario(sc));
        })
    };
    let reset = {
        let steps = steps.clone();
        Callback::from(move |_: MouseEvent| steps.set(vec![EQUAL; pairs(n).len()]))
    };

    html! {
        <section class="analysis-card ahp" aria-labelledby="ahp-h">
            <h3 id="ahp-h">{ t(lang, Key::AhpHeading) }</h3>
            <p class="help">{ t(lang, Key::AhpHelp) }</p>
            { scale_legend(lang) }
            { matrix_html(lang, &names, &steps) }
            if let Ok(r) = &result { { result_html(lang, &names, r) } }
            { status_html(lang, &result, in_use, apply) }
            <button type="button" onclick={reset}>{ t(lang, Key::AhpResetAll) }</button>
            <details class="ri">
                <summary>{ t(lang, Key::AhpHowCr) }</summary>
                <p class="hint" translate="no">{ "CI = (λmax − n) / (n − 1),  CR = CI / RI" }</p>
                { ri_table(lang) }
            </details>
        </section>
    }
}
