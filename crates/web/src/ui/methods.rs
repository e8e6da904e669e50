//! The method and sources section the data notice links to: how the index is computed, where the data
//! comes from, and every dimension and indicator with its unit and definition.

use super::{Dispatch, Ptr};
use crate::i18n::{t, tf, Key};
use crate::model::{Choice, IndicatorSystem, Lang, Scaling};
use crate::state::Action;
use yew::prelude::*;

/// Only what the section shows, so it is not re-rendered while weights move.
#[derive(Properties, PartialEq, Clone)]
pub struct MethodsProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    /// The scaling across editions, when the page holds two editions or more.
    pub scaling: Option<Scaling>,
    pub dispatch: Dispatch,
}

/// The choice of scale across editions, each alternative with its explanation.
fn scaling_choice(lang: Lang, current: Scaling, dispatch: &Dispatch) -> Html {
    html! {
        <fieldset class="scaling" data-testid="scaling">
            <legend>{ t(lang, Scaling::STEP) }</legend>
            { for Scaling::ALL.iter().map(|&s| {
                let onchange = {
                    let d = dispatch.clone();
                    Callback::from(move |_: Event| d.emit(Action::SetScaling(s)))
                };
                let id = format!("scaling-{}", s.id());
                html! {
                    <div class="scaling-option">
                        <input type="radio" name="scaling" id={id.clone()} value={s.id()}
                            checked={s == current} {onchange} />
                        <label for={id}>{ t(lang, s.label()) }</label>
                        <p class="hint">{ t(lang, s.explanation()) }</p>
                    </div>
                }
            }) }
        </fieldset>
    }
}

#[component]
pub fn MethodsPanel(props: &MethodsProps) -> Html {
    let lang = props.lang;
    let sys = &props.system;
    let edited = *sys.0 != *crate::state::system::white_paper_system();
    html! {
        <section class="panel methods" id="methods" aria-labelledby="methods-h" tabindex="-1">
            <h2 id="methods-h">{ t(lang, Key::MethodsHeading) }</h2>
            // The white paper's 5 x 16 and its Tables 3-2/3-3 are described as such only while its system
            // is the one in use.
            if edited {
                <p class="stale" data-testid="methods-system-edited">
                    { tf(lang, Key::SystemApplied, &[&sys.n_dimensions().to_string(), &sys.n_indicators().to_string()]) }
                    { " " }{ t(lang, Key::SystemIsEdited) }
                </p>
            } else {
                <p>{ t(lang, Key::MethodsIndex) }</p>
            }
            <p>{ t(lang, Key::MethodsWeights) }</p>
            if !edited { <p>{ t(lang, Key::MethodsEstimates) }</p> }
            <p>{ t(lang, Key::MethodsSources) }</p>
            { props.scaling.map(|s| scaling_choice(lang, s, &props.dispatch)).unwrap_or_default() }
            <div class="dim-defs">
                { for sys.dimensions.iter().enumerate().map(|(k, dim)| html! {
                    <section class="dim-def" aria-labelledby={format!("def-{}", dim.id)}>
                        <h3 id={format!("def-{}", dim.id)}>
                            <span class={classes!("swatch", format!("dim-fill-{k}"))} aria-hidden="true"></span>
                            { dim.name(lang) }
                        </h3>
                        <p>{ dim.about(lang) }</p>
                        <dl>
                            { for sys.indicators_of(k).map(|i| {
                                let ind = &sys.indicators[i];
                                html! {
                                    <>
                                        <dt>{ tf(lang, Key::PageWithBrackets, &[ind.name(lang), ind.shown_unit(lang)]) }</dt>
                                        <dd>{ ind.definition(lang) }</dd>
                                    </>
                                }
                            }) }
                        </dl>
                    </section>
                }) }
            </div>
            <p class="attribution">{ t(lang, Key::MethodsMap) }</p>
        </section>
    }
}
