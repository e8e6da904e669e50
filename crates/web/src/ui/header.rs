//! The page header: index name, language switch and the data notice (published values versus estimates).

use super::language::LanguageLoad;
use super::Ptr;
use super::{lang_tag, Dispatch};
use crate::data::provenance::{Provenance, Status};
use crate::echo::clip;
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};
use crate::share::Notice;
use crate::state::Action;
use yew::prelude::*;

/// What the header shows: the language, the data set and its provenance for the data notice, and the
/// opening link's notices (worded with the indicator system's names), or while the saved data set it
/// names is being read, that it is.
#[derive(Properties, PartialEq, Clone)]
pub struct HeaderProps {
    pub lang: Lang,
    /// Where fetching a chosen language's texts stands.
    pub language_load: LanguageLoad,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub provenance: Ptr<Provenance>,
    pub link_notices: Ptr<Vec<Notice>>,
    /// The name of the saved data set the opened link names while it is being read.
    #[prop_or_default]
    pub reading_saved: Option<AttrValue>,
    pub dispatch: Dispatch,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    // Counting 1,328 provenance records (or an import's values) is worth doing once per data set, not
    // on every slider step.
    let counts = use_memo(
        (props.provenance.clone(), props.data.clone(), lang),
        |(prov, data, lang)| {
            let (prov, data) = (&prov.0, &data.0);
            let total = data.n_units() * data.n_indicators();
            if prov.is_empty() {
                Err(imported_notice(*lang, data))
            } else {
                Ok(notice_counts(
                    *lang,
                    prov.count(Status::Published),
                    prov.count(Status::EstimateAnchored),
                    prov.count(Status::Estimate),
                    total,
                ))
            }
        },
    );
    // A data set without provenance records is an import: the notice describes it, not the bundled
    // estimates.
    let notice = match (*counts).clone() {
        Ok(counts) => html! {
            <>
                <p>{ t(lang, Key::NoticeEstimates) }</p>
                <p>
                    { counts }{ " " }
                    <span class="est-legend"><abbr class="est-mark" title={t(lang, Key::EstimateMarkTitle)}>
                        { t(lang, Key::EstimateMark) }</abbr>{ " " }{ t(lang, Key::EstimateLegend) }</span>
                    { " " }<a href="#methods">{ t(lang, Key::NoticeLink) }</a>
                </p>
            </>
        },
        Err(imported) => html! { <p data-testid="notice-imported">{ imported }</p> },
    };
    html! {
        <header class="site-header">
            <div class="brand">
                <h1>{ t(lang, Key::Title) }</h1>
                <p class="subtitle">{ t(lang, Key::Subtitle) }</p>
            </div>
            <LanguageSwitch {lang} load={props.language_load.clone()} dispatch={props.dispatch.clone()} />
            <section class="notice" aria-labelledby="notice-h">
                <h2 id="notice-h">{ t(lang, Key::NoticeHeading) }</h2>
                { notice }
            </section>
            if let Some(name) = &props.reading_saved {
                <p class="link-notices" role="status" aria-busy="true" data-testid="reading-saved">
                    { tf(lang, Key::PageLoadingSavedData, &[&clip(name)]) }</p>
            }
            <LinkNotices {lang} system={props.system.clone()} notices={props.link_notices.clone()}
                dispatch={props.dispatch.clone()} />
        </header>
    }
}

#[derive(Properties, PartialEq)]
struct LanguageSwitchProps {
    lang: Lang,
    load: LanguageLoad,
    dispatch: Dispatch,
}

/// One button per language of [`Lang::ALL`], each named in its own language; the page's language is
/// the pressed one, a language whose texts are being fetched is busy, and a failed fetch is said.
#[component]
fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let current = props.lang;
    let button = |lang: Lang| {
        let dispatch = props.dispatch.clone();
        let choose = Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetLang(lang)));
        let pressed = (lang == current).to_string();
        let busy = (props.load == LanguageLoad::Loading(lang)).then_some("true");
        html! {
            <button type="button" lang={lang_tag(lang)} translate="no" aria-pressed={pressed} aria-busy={busy}
                data-testid={format!("lang-{}", lang.id())} onclick={choose}>
                { lang.language().native_name }
            </button>
        }
    };
    let failure = match &props.load {
        LanguageLoad::Failed(lang, reason) => html! {
            <p class="lang-problem" role="alert" data-testid="lang-failed">
                { tf(current, Key::LanguageLoadFailed, &[lang.language().native_name, reason.reason(current)]) }
            </p>
        },
        _ => Html::default(),
    };
    html! {
        <div class="lang-switch" role="group" aria-label={t(current, Key::LanguageSwitch)}>
            { for Lang::ALL.iter().map(|&l| button(l)) }
            { failure }
        </div>
    }
}

/// What an imported data set is: its name, source file, year and how many values it holds, used as
/// supplied.
fn imported_notice(lang: Lang, data: &Dataset) -> String {
    let meta = &data.meta;
    let total = data.n_units() * data.n_indicators();
    let present: usize = (0..data.n_indicators())
        .map(|i| data.column(i).iter().filter(|v| !v.is_nan()).count())
        .sum();
    let year = meta
        .year
        .map(|y| tf(lang, Key::HeaderImportedYear, &[&y.to_string()]))
        .unwrap_or_default();
    tf(
        lang,
        Key::HeaderImportedNotice,
        &[
            &clip(&meta.name),
            &clip(&meta.source),
            &year,
            &data.n_units().to_string(),
            &present.to_string(),
            &(total - present).to_string(),
        ],
    )
}

/// "N published, M anchored estimates and K estimates out of T values."
fn notice_counts(
    lang: Lang,
    published: usize,
    anchored: usize,
    estimates: usize,
    total: usize,
) -> String {
    tf(
        lang,
        Key::HeaderNoticeCounts,
        &[
            &total.to_string(),
            &published.to_string(),
            &anchored.to_string(),
            &estimates.to_string(),
        ],
    )
}

#[derive(Properties, PartialEq, Clone)]
struct LinkNoticesProps {
    lang: Lang,
    system: Ptr<IndicatorSystem>,
    notices: Ptr<Vec<Notice>>,
    dispatch: Dispatch,
}

/// What the opening link asked for that could not be done (an unknown parameter, a data set this
/// browser lacks, a refused weight list), next to the data notice where a visitor looks first.
#[component]
fn LinkNotices(props: &LinkNoticesProps) -> Html {
    let lang = props.lang;
    if props.notices.is_empty() {
        return html! {};
    }
    let dismiss = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::DismissLinkNotices))
    };
    html! {
        <div class="link-notices" role="status" data-testid="link-notices">
            <ul>{ for props.notices.iter().map(|n| html! { <li>{ n.message_in(lang, &props.system) }</li> }) }</ul>
            <button type="button" onclick={dismiss}>{ t(lang, Key::DismissNotices) }</button>
        </div>
    }
}
