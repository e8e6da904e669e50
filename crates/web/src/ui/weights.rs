//! The weights panel: a slider, number box and live share per dimension (expandable to its indicators),
//! presets, reset, and the normalisation and aggregation selectors.

use super::{Dispatch, Ptr};
use crate::i18n::{t, tf, Key};
use crate::model::{Aggregation, Choice, IndicatorSystem, Lang, Normalisation, Weighting};
use crate::state::{Action, Field, Preset, Problem, State};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// "37.5%", or a dash when the share is undefined.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_string(), |s| format!("{:.1}%", s * 100.0))
}

/// What one weight's controls show: the weight in force (the slider), the text of its number box, and
/// its share of the composite.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightFigure {
    pub value: f64,
    pub text: String,
    /// The box shows a refused text, which the problem above the weights explains.
    pub invalid: bool,
    pub share: Option<f64>,
}

/// The figures of every dimension's and indicator's weight, by the state's own rules
/// (`State::weight`, `State::weight_text` and the shares); compared by value, so the panel is redrawn
/// only when one of them changes.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightFigures {
    pub dimensions: Vec<WeightFigure>,
    pub indicators: Vec<WeightFigure>,
}

impl WeightFigures {
    pub fn of(state: &State) -> Self {
        let figure = |field: Field, share: Option<f64>| WeightFigure {
            value: state.weight(field),
            text: state.weight_text(field),
            invalid: state.draft.as_ref().is_some_and(|(f, _)| *f == field),
            share,
        };
        let dimensions = state.dimension_shares().into_iter().enumerate();
        let indicators = state.indicator_shares().into_iter().enumerate();
        WeightFigures {
            dimensions: dimensions
                .map(|(d, share)| figure(Field::Dimension(d), share))
                .collect(),
            indicators: indicators
                .map(|(i, share)| figure(Field::Indicator(i), share))
                .collect(),
        }
    }
}

/// What the weights panel shows: the weights' figures, the scenario's method steps, the preset in force
/// and the problem to report; the indicator system names the weights.
#[derive(Properties, PartialEq, Clone)]
pub struct WeightsPanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub figures: WeightFigures,
    pub weighting: Weighting,
    pub normalisation: Normalisation,
    pub aggregation: Aggregation,
    pub preset: Option<Preset>,
    pub problem: Option<Problem>,
    pub dispatch: Dispatch,
}

#[component]
pub fn WeightsPanel(props: &WeightsPanelProps) -> Html {
    let lang = props.lang;
    let d = props.dispatch.clone();
    let problem = props.problem.as_ref().map(|p| {
        let dismiss = {
            let d = d.clone();
            Callback::from(move |_: MouseEvent| d.emit(Action::DismissProblem))
        };
        let field_class = if matches!(p, Problem::BadWeight { .. }) { "problem bad-input" } else { "problem" };
        html! {
            <div class={field_class} id="weights-problem">
                <p>{ p.message(lang, &props.system) }</p>
                <button type="button" class="dismiss" onclick={dismiss}>{ t(lang, Key::Dismiss) }</button>
            </div>
        }
    });
    let derived = match props.weighting {
        Weighting::Manual => None,
        w => Some(
            html! { <p class="derived">{ tf(lang, Key::DerivedWeights, &[t(lang, w.label())]) }</p> },
        ),
    };
    let on_norm = {
        let d = d.clone();
        Callback::from(move |n| d.emit(Action::SetNormalisation(n)))
    };
    let on_agg = {
        let d = d.clone();
        Callback::from(move |a| d.emit(Action::SetAggregation(a)))
    };
    let reset = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Reset))
    };
    html! {
        <section class="panel weights" aria-labelledby="weights-h">
            <h2 id="weights-h">{ t(lang, Key::WeightsHeading) }</h2>
            <p class="help">{ t(lang, Key::WeightsHelp) }</p>
            <div role="alert" class="alert-region">{ for problem }</div>
            <fieldset class="presets">
                <legend>{ t(lang, Key::Presets) }</legend>
                // A preset led by a dimension the system in use does not have is not offered.
                { for Preset::ALL.iter()
                    .filter(|p| p.lead_dimension().is_none_or(|id| props.system.dimension_index(id).is_some()))
                    .map(|&p| preset_button(p, props.preset == Some(p), lang, &d)) }
            </fieldset>
            { for derived }
            <div class="dims">
                { for (0..props.system.n_dimensions()).map(|k| dimension_control(&props.system, &props.figures, k, lang, &d)) }
            </div>
            <button type="button" class="reset" onclick={reset}>{ t(lang, Key::Reset) }</button>
            <fieldset class="method">
                <legend>{ t(lang, Key::MethodHeading) }</legend>
                { choice_select("sel-norm", props.normalisation, lang, on_norm) }
                { choice_select("sel-agg", props.aggregation, lang, on_agg) }
            </fieldset>
        </section>
    }
}

/// A labelled select of every alternative of a method step ([`Choice::ALL`]), the option values being
/// their identifiers.
fn choice_select<C: Choice>(
    id: &'static str,
    current: C,
    lang: Lang,
    on_pick: Callback<C>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        if let Some(c) = C::from_id(&v) {
            on_pick.emit(c);
        }
    });
    html! {
        <>
            <label for={id}>{ t(lang, C::STEP) }</label>
            <select {id} {onchange}>
                { for C::ALL.iter().map(|c| html! {
                    <option value={c.id()} selected={*c == current}>{ t(lang, c.label()) }</option>
                }) }
            </select>
        </>
    }
}

fn preset_button(p: Preset, active: bool, lang: Lang, d: &Dispatch) -> Html {
    let onclick = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::ApplyPreset(p)))
    };
    html! {
        <button type="button" class={classes!("preset", active.then_some("active"))}
            aria-pressed={if active { "true" } else { "false" }} data-preset={p.id()} {onclick}>
            { t(lang, p.label()) }
        </button>
    }
}

/// One dimension: slider, number box and share, with its indicators in a disclosure.
fn dimension_control(
    system: &IndicatorSystem,
    figures: &WeightFigures,
    k: usize,
    lang: Lang,
    d: &Dispatch,
) -> Html {
    let dim = &system.dimensions[k];
    let name = dim.name(lang).to_string();
    let range = system.indicators_of(k);
    let summary = tf(
        lang,
        Key::WeightsIndicatorCount,
        &[&range.len().to_string()],
    );
    html! {
        <div class={classes!("dim", format!("dim-{k}"))}>
            { weight_row(Field::Dimension(k), &figures.dimensions[k], &dim.id, &name, lang, d, "dim-row") }
            <details class="dim-indicators">
                <summary>{ summary }</summary>
                { for range.map(|i| {
                    let ind = &system.indicators[i];
                    weight_row(Field::Indicator(i), &figures.indicators[i], &ind.id, ind.short(lang), lang, d, "ind-row")
                }) }
            </details>
        </div>
    }
}

/// A labelled slider, a number box (the test hook `weight-<id>` for dimensions) and the live share.
fn weight_row(
    field: Field,
    figure: &WeightFigure,
    id: &str,
    name: &str,
    lang: Lang,
    d: &Dispatch,
    class: &str,
) -> Html {
    let kind = if matches!(field, Field::Dimension(_)) {
        "d"
    } else {
        "i"
    };
    let slider_id = format!("w-{kind}-{id}");
    let box_id = format!("wn-{kind}-{id}");
    let share_id = format!("ws-{kind}-{id}");
    let (value, text, invalid) = (figure.value, figure.text.clone(), figure.invalid);
    let on_slide = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_unchecked_into::<HtmlInputElement>()
                .value_as_number();
            d.emit(Action::SetWeight(field, v));
        })
    };
    let on_type = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            d.emit(Action::EditWeight(field, v));
        })
    };
    let on_blur = {
        let d = d.clone();
        Callback::from(move |_: FocusEvent| d.emit(Action::CommitDraft))
    };
    let testid = matches!(field, Field::Dimension(_)).then(|| format!("weight-{id}"));
    let share_label = tf(lang, Key::WeightsShareLabel, &[&percent(figure.share)]);
    html! {
        <div class={classes!("weight-row", class.to_string())}>
            <label class="w-name" for={slider_id.clone()}>{ name.to_string() }</label>
            <input type="range" id={slider_id} class="w-slider" min="0" max="100" step="1"
                value={value.to_string()} oninput={on_slide} aria-describedby={share_id.clone()} />
            <label class="sr-only" for={box_id.clone()}>{ format!("{name} {}", t(lang, Key::WeightValue)) }</label>
            <input type="text" inputmode="decimal" id={box_id} class="w-box" data-testid={testid}
                value={text} oninput={on_type} onblur={on_blur} autocomplete="off" spellcheck="false"
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-describedby={invalid.then_some("weights-problem")} />
            <output id={share_id} class="w-share">{ share_label }</output>
        </div>
    }
}
