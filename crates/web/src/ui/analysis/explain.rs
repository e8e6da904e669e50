//! Short explanations of every method choice with its formula, in the page's language, as the engine
//! computes it (`method::normalise`, `method::weight`, `method::ahp`, `score::aggregate`).

use crate::i18n::{t, Key};
use crate::model::{Aggregation, Choice, Lang, Normalisation, TreatmentKind, Weighting};
use yew::prelude::*;

/// Every alternative of a method step with its name, what it does and its formula ([`Choice`]).
fn group<C: Choice>(lang: Lang) -> Html {
    html! {
        <section class="explain-group">
            <h4>{ t(lang, C::STEP) }</h4>
            <dl>
                { for C::ALL.iter().map(|c| html! {
                    <>
                        <dt>{ t(lang, c.label()) }</dt>
                        <dd>
                            { t(lang, c.explanation()) }
                            <code class="formula" translate="no">{ c.formula() }</code>
                        </dd>
                    </>
                }) }
            </dl>
        </section>
    }
}

/// Every method choice explained, step by step.
pub fn explanations(lang: Lang) -> Html {
    html! {
        <div class="explain">
            <p class="help">{ t(lang, Key::ExplainDimensionScore) }</p>
            { group::<TreatmentKind>(lang) }
            { group::<Normalisation>(lang) }
            { group::<Weighting>(lang) }
            { group::<Aggregation>(lang) }
        </div>
    }
}
