//! The page header: index name, language toggle and the data notice (published values versus estimates).

use super::analysis::Ptr;
use super::{lang_tag, PanelProps};
use crate::data::provenance::Status;
use crate::i18n::{t, Key};
use crate::model::Lang;
use crate::state::Action;
use yew::prelude::*;

#[component]
pub fn Header(props: &PanelProps) -> Html {
    let s = &props.state;
    let lang = s.lang;
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let toggle = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetLang(other)))
    };
    // Counting 1,328 provenance records is worth doing once per data set, not on every slider step.
    let total = s.data.n_units() * s.data.n_indicators();
    let counts = use_memo(
        (Ptr(s.provenance.clone()), lang, total),
        |(prov, lang, total)| {
            let prov = &prov.0;
            if prov.is_empty() {
                t(*lang, Key::NoticeNoProvenance).to_string()
            } else {
                notice_counts(
                    *lang,
                    prov.count(Status::Published),
                    prov.count(Status::EstimateAnchored),
                    prov.count(Status::Estimate),
                    *total,
                )
            }
        },
    );
    html! {
        <header class="site-header">
            <div class="brand">
                <h1>{ t(lang, Key::Title) }</h1>
                <p class="subtitle">{ t(lang, Key::Subtitle) }</p>
            </div>
            // The visible name is the other language's own name; the hidden part says what it does in the
            // page's language, so the accessible name contains the visible label.
            <button type="button" class="lang-toggle" onclick={toggle}>
                <span lang={lang_tag(other)} translate="no">{ t(lang, Key::SwitchLang) }</span>
                <span class="sr-only">{ format!(" ({})", t(lang, Key::SwitchLangLabel)) }</span>
            </button>
            <section class="notice" aria-labelledby="notice-h">
                <h2 id="notice-h">{ t(lang, Key::NoticeHeading) }</h2>
                <p>{ t(lang, Key::NoticeEstimates) }</p>
                <p>
                    { (*counts).clone() }{ " " }
                    <span class="est-legend"><abbr class="est-mark" title={t(lang, Key::EstimateMarkTitle)}>
                        { t(lang, Key::EstimateMark) }</abbr>{ " " }{ t(lang, Key::EstimateLegend) }</span>
                    { " " }<a href="#methods">{ t(lang, Key::NoticeLink) }</a>
                </p>
            </section>
        </header>
    }
}

/// "N published, M anchored estimates and K estimates out of T values."
fn notice_counts(
    lang: Lang,
    published: usize,
    anchored: usize,
    estimates: usize,
    total: usize,
) -> String {
    match lang {
        Lang::Zh => format!(
            "当前数据集共 {total} 个数值：白皮书公布值 {published} 个，依据白皮书其他口径数据锚定的估算值 {anchored} 个，其他估算值 {estimates} 个。"
        ),
        Lang::En => format!(
            "The current data set has {total} values: {published} published in the white paper, {anchored} estimates anchored to white-paper figures of another definition or period, and {estimates} other estimates."
        ),
    }
}
