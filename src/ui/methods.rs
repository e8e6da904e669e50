//! The method and sources section the data notice links to: how the index is computed, where the data
//! comes from, and every dimension and indicator with its unit and definition.

use super::PanelProps;
use crate::i18n::{t, Key};
use crate::model::Lang;
use yew::prelude::*;

#[component]
pub fn MethodsPanel(props: &PanelProps) -> Html {
    let s = &props.state;
    let lang = s.lang;
    let sys = &s.system;
    html! {
        <section class="panel methods" id="methods" aria-labelledby="methods-h" tabindex="-1">
            <h2 id="methods-h">{ t(lang, Key::MethodsHeading) }</h2>
            <p>{ t(lang, Key::MethodsIndex) }</p>
            <p>{ t(lang, Key::MethodsWeights) }</p>
            <p>{ t(lang, Key::MethodsEstimates) }</p>
            <p>{ t(lang, Key::MethodsSources) }</p>
            <div class="dim-defs">
                { for sys.dimensions.iter().enumerate().map(|(k, dim)| html! {
                    <section class="dim-def" aria-labelledby={format!("def-{}", dim.id)}>
                        <h3 id={format!("def-{}", dim.id)}>
                            <span class={classes!("swatch", format!("dim-fill-{k}"))} aria-hidden="true"></span>
                            { dim.name(lang) }
                        </h3>
                        <p>{ lang.pick(&dim.about_zh, &dim.about_en) }</p>
                        <dl>
                            { for sys.indicators_of(k).map(|i| {
                                let ind = &sys.indicators[i];
                                html! {
                                    <>
                                        <dt>{ ind.name(lang) }{ unit_suffix(lang, ind.unit(lang)) }</dt>
                                        <dd>{ lang.pick(&ind.definition_zh, &ind.definition_en) }</dd>
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

fn unit_suffix(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("（{unit}）"),
        Lang::En => format!(" ({unit})"),
    }
}
