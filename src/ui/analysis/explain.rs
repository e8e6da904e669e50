//! Short explanations of every method choice with its formula, in Chinese and English, as the engine
//! computes it (`method::normalise`, `method::weight`, `method::ahp`, `score::aggregate`).

use crate::i18n::t;
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
            <p class="help">{ lang.pick(
                "维度得分是维度内指标标准化值的加权平均：s_d = Σ_{i∈d} v_i · x′_i。各步骤的可选方法如下。",
                "A dimension score is the weighted mean of its indicators' normalised values: s_d = Σ_{i∈d} v_i · x′_i. The alternatives at each step:",
            ) }</p>
            { group::<TreatmentKind>(lang) }
            { group::<Normalisation>(lang) }
            { group::<Weighting>(lang) }
            { group::<Aggregation>(lang) }
        </div>
    }
}
