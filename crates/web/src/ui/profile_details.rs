//! The selected county's profile below where it stands, drawn by the on-demand panels module in the
//! profile's slot: the generated summary, then the module's other profile panels (the year-over-year
//! change, what would lift the county), then every indicator with raw value and unit, normalised score,
//! rank among all units and provenance.

use super::ranking::dim_class;
use super::Ptr;
use crate::data::provenance::{Provenance, Status};
use crate::i18n::{t, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};
use crate::score::Ranking;
use crate::summary::{CountyProfile, IndicatorLine};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProfileDetailsProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub provenance: Ptr<Provenance>,
    pub ranking: Ptr<Ranking>,
    /// The selected unit.
    pub unit: usize,
    /// The panels shown between the summary and the indicators.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ProfileDetails(props: &ProfileDetailsProps) -> Html {
    let (lang, system, data) = (props.lang, &props.system, &props.data);
    let p = use_memo(
        (
            system.clone(),
            data.clone(),
            props.provenance.clone(),
            props.ranking.clone(),
            props.unit,
        ),
        |(system, data, provenance, ranking, u)| {
            CountyProfile::build(system, data, provenance, ranking, *u)
        },
    );
    html! {
        <>
            <p class="summary">{ p.summary(system, data, lang) }</p>
            { props.children.clone() }
            { indicator_table(system, &p, lang) }
        </>
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
