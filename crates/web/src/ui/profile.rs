//! The selected county's profile: rank and score, the generated summary, and every indicator with raw
//! value and unit, normalised score, rank among all units and provenance. What would lift the county
//! is drawn there by the on-demand panels module (`analysis::ProfileReach`).

use super::panels_host::{OnDemand, PanelLink};
use super::ranking::dim_class;
use super::Dispatch;
use super::Ptr;
use crate::data::provenance::{Provenance, Status};
use crate::i18n::{place, prefecture_name, t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};
use crate::score::Ranking;
use crate::state::snapshot::Snapshot;
use crate::state::Action;
use crate::summary::{CountyProfile, IndicatorLine};
use yew::prelude::*;

/// What the profile shows: the selected unit's figures, ranks and provenance.
#[derive(Properties, PartialEq, Clone)]
pub struct ProfilePanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub provenance: Ptr<Provenance>,
    pub ranking: Ptr<Ranking>,
    pub selected: Option<usize>,
    /// Makes the page's snapshot for the brief's button (`brief::use_page_snapshot`).
    pub snapshot: Callback<(), Snapshot>,
    pub dispatch: Dispatch,
    /// The panels module, which draws what would lift the county (`analysis::ProfileReach`).
    pub link: PanelLink,
}

#[component]
pub fn ProfilePanel(props: &ProfilePanelProps) -> Html {
    let heading_ref = use_scroll_into_view(props.selected);
    // With no county chosen the panel renders nothing, so its slot takes no space (app.css).
    let Some(u) = props.selected else {
        return html! {};
    };
    html! {
        <section class="panel profile" aria-labelledby="profile-h">
            <h2 id="profile-h" ref={heading_ref}>{ t(props.lang, Key::ProfileHeading) }</h2>
            { profile_card(props, u) }
        </section>
    }
}

/// A node that is brought into view when a county is picked and it is off screen (phones).
#[hook]
fn use_scroll_into_view(selected: Option<usize>) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(selected, move |selected| {
            if selected.is_some() {
                if let Some(el) = node.cast::<web_sys::Element>() {
                    let top = el.get_bounding_client_rect().top();
                    let height = crate::ui::window()
                        .and_then(|w| w.inner_height().ok())
                        .and_then(|h| h.as_f64())
                        .unwrap_or(0.0);
                    if top < 0.0 || top > height {
                        el.scroll_into_view();
                    }
                }
            }
        });
    }
    node
}

/// Unit `u`'s card: its name, the brief's button, its ranks and score, the generated summary, the
/// indicator reach and the table of its indicators.
fn profile_card(props: &ProfilePanelProps, u: usize) -> Html {
    let (lang, system, data) = (props.lang, &props.system, &props.data);
    let p = CountyProfile::build(system, data, &props.provenance, &props.ranking, u);
    let unit = &data.units[u];
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Select(None)))
    };
    let rank_text = |r: u32, of: usize| match r {
        0 => t(lang, Key::Unranked).to_string(),
        r => tf(
            lang,
            Key::ChartProfileRankOf,
            &[&place(lang, r), &r.to_string(), &of.to_string()],
        ),
    };
    html! {
        <article data-testid="profile" data-adcode={unit.adcode.clone()} class="profile-card">
            <div class="profile-title">
                <h3>
                    <span class="place" translate="no">{ unit.name(lang) }</span>{ " " }
                    <span class="place muted" translate="no">{ prefecture_name(lang, &unit.prefecture_zh) }</span>
                </h3>
                <button type="button" class="close" onclick={close}>{ t(lang, Key::CloseProfile) }</button>
            </div>
            <super::brief::BriefButton {lang} snapshot={props.snapshot.clone()} />
            <dl class="kpis">
                <div><dt>{ t(lang, Key::CompositeRank) }</dt>
                    <dd translate="no">{ rank_text(p.rank, p.n_ranked) }</dd></div>
                <div><dt>{ t(lang, Key::ColScore) }</dt>
                    <dd translate="no">{ if p.composite.is_nan() { "—".into() } else { format!("{:.2}", p.composite) } }</dd></div>
                <div><dt>{ t(lang, Key::PrefectureRank) }</dt>
                    <dd translate="no">{ rank_text(p.prefecture_rank, p.prefecture_size) }</dd></div>
            </dl>
            <p class="summary">{ p.summary(system, data, lang) }</p>
            <OnDemand slot="reach" lang={props.lang} link={props.link.clone()} />
            { indicator_table(system, &p, lang) }
        </article>
    }
}

/// The profile's indicators grouped by dimension, each dimension's score and rank at the head of its
/// group.
fn indicator_table(system: &IndicatorSystem, p: &CountyProfile, lang: Lang) -> Html {
    html! {
        <div class="table-scroll" role="region" aria-label={t(lang, Key::ProfileHeading)} tabindex="0">
        <table class="ind-table">
            <thead><tr>
                <th scope="col">{ t(lang, Key::ColIndicator) }</th>
                <th scope="col" class="num">{ t(lang, Key::ColRaw) }</th>
                <th scope="col" class="num">{ t(lang, Key::ColNormalised) }</th>
                <th scope="col" class="num">{ t(lang, Key::ColIndicatorRank) }</th>
                <th scope="col">{ t(lang, Key::ColSource) }</th>
            </tr></thead>
            { for p.dimensions.iter().map(|dl| {
                let dim = &system.dimensions[dl.dimension];
                html! {
                    <tbody>
                        <tr class="dim-head">
                            <th scope="rowgroup">
                                <span class={classes!("swatch", format!("dim-fill-{}", dl.dimension))} aria-hidden="true"></span>
                                { dim.name(lang) }
                            </th>
                            <td></td>
                            <td class="num" translate="no">{ fmt_score(dl.score) }
                                <Bar score={dl.score} dimension={dl.dimension} /></td>
                            <td class="num" translate="no">{ if dl.rank > 0 { dl.rank.to_string() } else { "—".into() } }</td>
                            <td></td>
                        </tr>
                        { for p.indicators.iter().filter(|l| system.dimension_of(l.indicator) == dl.dimension)
                            .map(|l| indicator_row(system, l, lang)) }
                    </tbody>
                }
            }) }
        </table>
        </div>
    }
}

fn fmt_score(v: f64) -> String {
    if v.is_nan() {
        "—".into()
    } else {
        format!("{v:.1}")
    }
}

fn indicator_row(system: &IndicatorSystem, l: &IndicatorLine, lang: Lang) -> Html {
    let ind = &system.indicators[l.indicator];
    // Long units ("billion yuan") go on a line of their own.
    let raw = match l.raw {
        Some(v) => html! {
            <>{ ind.format_shown(v, lang) }{ " " }
            <span class={classes!("unit", (ind.shown_unit(lang).chars().count() > 3).then_some("unit-block"))}>{ ind.shown_unit(lang) }</span></>
        },
        None => html! { t(lang, Key::Missing) },
    };
    let (label, help, class) = match l.status {
        Some(Status::Published) => (
            Key::StatusPublished,
            Key::StatusPublishedHelp,
            "prov-published",
        ),
        Some(Status::EstimateAnchored) => (
            Key::StatusAnchored,
            Key::StatusAnchoredHelp,
            "prov-anchored",
        ),
        Some(Status::Estimate) => (
            Key::StatusEstimate,
            Key::StatusEstimateHelp,
            "prov-estimate",
        ),
        None => (
            Key::StatusImported,
            Key::StatusImportedHelp,
            "prov-imported",
        ),
    };
    // A plain estimate's source is the calibration's own record (its seed), which says nothing to a
    // reader beyond the label's explanation; an anchored value's source names the published figure.
    let show_source = !l.source.is_empty() && l.status != Some(Status::Estimate);
    let mark = if !show_source {
        html! { <span class={classes!("prov", class)} title={t(lang, help)}>{ t(lang, label) }</span> }
    } else {
        html! {
            <details class="prov-details">
                <summary class={classes!("prov", class)} title={t(lang, help)}>{ t(lang, label) }</summary>
                <p class="prov-source"><span>{ t(lang, help) }{ ": " }</span><span translate="no">{ l.source.clone() }</span></p>
            </details>
        }
    };
    html! {
        <tr>
            <th scope="row"><abbr title={ind.name(lang).to_string()}>{ ind.short(lang) }</abbr></th>
            <td class="num" translate="no">{ raw }</td>
            <td class="num" translate="no">{ l.normalised.map_or_else(|| "—".into(), fmt_score) }</td>
            <td class="num" translate="no">{ if l.rank > 0 { l.rank.to_string() } else { "—".into() } }</td>
            <td>{ mark }</td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct BarProps {
    /// The 0-100 score; NaN draws an empty bar.
    score: f64,
    dimension: usize,
}

/// A small horizontal bar for a dimension's 0-100 score: one element whose CSS gradient stops at `--w`,
/// set through the CSSOM (the CSP allows no inline style attribute).
#[component]
fn Bar(props: &BarProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.score.to_bits(), move |&bits| {
            let v = f64::from_bits(bits);
            let w = if v.is_nan() { 0.0 } else { v.clamp(0.0, 100.0) };
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.style().set_property("--w", &format!("{w:.2}%"));
            }
        });
    }
    html! { <span ref={node} class={classes!("bar", dim_class(props.dimension))} aria-hidden="true"></span> }
}
