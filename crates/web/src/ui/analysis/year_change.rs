//! Year over year in the panels module: in the county profile, the selected county's rank and score
//! change between the compared editions, per dimension too, why it moved (its own data against the
//! others', and the indicators that moved its score most), and its ranks over every edition as a trend
//! chart with its table; in the charts area, the biggest movers and the counties new or gone.

use crate::analysis::change::{
    explain_county, EditionRanks, NoContributions, RankChange, Side, Why,
};
use crate::chart::trend::{self, TrendEdition, TrendInput};
use crate::chart::LazyTable;
use crate::i18n::{t, tf, Key};
use crate::model::{Choice, IndicatorSystem, Lang, Scenario};
use crate::score::{score_editions, Ranking};
use crate::state::editions::Editions;
use crate::ui::chart_canvas::{ChartCanvas, Height, Painter};
use crate::ui::Ptr;
use std::rc::Rc;
use yew::prelude::*;

/// How many counties each list of movers names.
const MOVERS: usize = 5;

/// The reason a score change does not split by indicator, in the user's language.
fn reason(lang: Lang, why: NoContributions) -> &'static str {
    t(
        lang,
        match why {
            NoContributions::ScaledEach => Key::NoContribScaledEach,
            NoContributions::NonLinearNormalisation => Key::NoContribNonLinear,
            NoContributions::Geometric => Key::NoContribGeometric,
        },
    )
}

/// A signed number of places or points, the sign as an arrow: "▲3", "▼2", or "=" when it rounds to
/// nothing.
fn signed(v: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, v.abs());
    if text.chars().all(|c| c == '0' || c == '.') {
        "=".to_string()
    } else if v > 0.0 {
        format!("▲{text}")
    } else {
        format!("▼{text}")
    }
}

/// The words for a change of places.
fn places_words(lang: Lang, change: i32) -> String {
    match change {
        c if c > 0 => tf(lang, Key::YearChangeUp, &[&c.to_string()]),
        c if c < 0 => tf(lang, Key::YearChangeDown, &[&(-c).to_string()]),
        _ => t(lang, Key::YearChangeSame).to_string(),
    }
}

/// What the trend chart is drawn from: the system, the county's name, per edition its year and its
/// unit there, and the editions' rankings.
type TrendParts = (
    Ptr<IndicatorSystem>,
    String,
    Vec<(i32, Option<usize>)>,
    Vec<Ranking>,
);

fn trend_input(parts: &TrendParts) -> TrendInput<'_> {
    let (system, name, units, rankings) = parts;
    TrendInput {
        system: &system.0,
        county: name.clone(),
        editions: units
            .iter()
            .zip(rankings)
            .map(|(&(year, unit), ranking)| TrendEdition {
                year,
                ranking,
                unit,
            })
            .collect(),
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct YearProfileProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub editions: Ptr<Editions>,
    pub year_change: Option<Ptr<EditionRanks>>,
    /// The scenario the page's ranking was computed under.
    pub scenario: Scenario,
    /// The selected county's adcode.
    pub county: Option<AttrValue>,
}

/// Every edition's ranking under the scenario and the chosen scaling, oldest first.
#[hook]
fn use_edition_rankings(
    system: &Ptr<IndicatorSystem>,
    editions: &Ptr<Editions>,
    scenario: &Scenario,
) -> Rc<Option<Vec<Ranking>>> {
    use_memo(
        (system.clone(), editions.clone(), scenario.clone()),
        |(system, editions, scenario)| {
            let data: Vec<_> = editions.list.iter().map(|e| &*e.data).collect();
            score_editions(system, &data, scenario, editions.scaling).ok()
        },
    )
}

/// Why the selected county moved between the compared editions, computed for it alone when the
/// county, the change or the scenario changes (the page's state holds only the rank changes).
#[hook]
fn use_county_why(props: &YearProfileProps) -> Rc<Option<Why>> {
    use_memo(
        (
            props.system.clone(),
            props.editions.clone(),
            props.year_change.clone(),
            props.scenario.clone(),
            props.county.clone(),
        ),
        |(system, editions, change, scenario, county)| {
            let (change, county) = (change.as_ref()?, county.as_deref()?);
            let (from, to) = editions.comparison?;
            let (from, to) = (editions.get(from)?, editions.get(to)?);
            let row = change.rows.iter().find(|r| r.adcode == county)?;
            explain_county(
                system,
                &from.data,
                &to.data,
                change,
                row,
                scenario,
                editions.scaling,
            )
            .ok()
        },
    )
}

/// In the profile: the county's change between the compared editions and its ranks over all editions.
#[component]
pub fn YearProfile(props: &YearProfileProps) -> Html {
    let lang = props.lang;
    let rankings = use_edition_rankings(&props.system, &props.editions, &props.scenario);
    let why = use_county_why(props);
    let trend = {
        let county = props.county.clone();
        use_memo(
            (
                rankings.clone(),
                props.editions.clone(),
                props.system.clone(),
                county,
                lang,
            ),
            |(rankings, editions, system, county, lang)| {
                let (rankings, county) = ((**rankings).clone()?, county.clone()?);
                let name = editions.list.iter().rev().find_map(|e| {
                    e.data
                        .unit_index(&county)
                        .map(|u| e.data.units[u].name(*lang).to_string())
                })?;
                let units: Vec<(i32, Option<usize>)> = editions
                    .list
                    .iter()
                    .map(|e| (e.year, e.data.unit_index(&county)))
                    .collect();
                let owned: Rc<TrendParts> = Rc::new((system.clone(), name, units, rankings));
                let table = trend::table(&trend_input(&owned), *lang);
                let painter = {
                    let owned = owned.clone();
                    Painter::new(move |area, style| trend::draw(area, &trend_input(&owned), style))
                };
                Some((painter, Rc::new(LazyTable::ready(table.clone())), table))
            },
        )
    };
    if !props.editions.several() {
        return html! {};
    }
    let Some(county) = props.county.as_deref() else {
        return html! {};
    };
    let change = props.year_change.as_ref().zip(props.editions.comparison);
    html! {
        <section class="year-profile" data-testid="year-profile" aria-labelledby="year-profile-h">
            { change.map(|(c, years)| county_change(lang, &props.system, &props.editions, c, (*why).as_ref(), years, county)).unwrap_or_default() }
            if let Some((painter, lazy, table)) = trend.as_ref() {
                <div class="trend">
                    <figure class="chart-figure chart-trend">
                        <ChartCanvas painter={painter.clone()} table={Ptr(lazy.clone())} {lang} height={Height::Fixed(300)}
                            on_select={Callback::from(|_: usize| ())} png_name={AttrValue::from("trend")} />
                    </figure>
                    <div class="table-scroll" role="region" tabindex="0" aria-label={table.caption.clone()}>
                    <table class="trend-table" data-testid="trend-table">
                        <caption>{ table.caption.clone() }</caption>
                        <thead><tr>{ for table.headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                        <tbody>
                            { for table.rows.iter().map(|row| html! {
                                <tr>
                                    <th scope="row" translate="no">{ row[0].clone() }</th>
                                    { for row[1..].iter().map(|c| html! { <td class="num" translate="no">{ c.clone() }</td> }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    </div>
                </div>
            }
        </section>
    }
}

/// The county's change from the earlier to the later compared edition, per dimension, and why.
fn county_change(
    lang: Lang,
    system: &IndicatorSystem,
    editions: &Editions,
    change: &EditionRanks,
    why: Option<&Why>,
    (from, to): (i32, i32),
    county: &str,
) -> Html {
    let heading = html! {
        <h3 id="year-profile-h">{ tf(lang, Key::YearProfileHeading, &[&from.to_string(), t(lang, editions.scaling.label())]) }</h3>
    };
    let Some(row) = change.rows.iter().find(|r| r.adcode == county) else {
        return html! { <>{ heading }<p data-testid="year-not-in-both">{ t(lang, Key::YearNotInBoth) }</p></> };
    };
    let (Some(fe), Some(te)) = (editions.get(from), editions.get(to)) else {
        return heading;
    };
    let (Some(u), Some(v)) = (fe.data.unit_index(county), te.data.unit_index(county)) else {
        return heading;
    };
    let (fr, tr) = (&change.from_ranking, &change.to_ranking);
    let dims = (0..system.n_dimensions()).map(|d| {
        let (rf, rt) = (fr.rank_in_dimension(u, d), tr.rank_in_dimension(v, d));
        let places = if rf > 0 && rt > 0 {
            signed(rf as f64 - rt as f64, 0)
        } else {
            "—".to_string()
        };
        let points = tr.dimension_score(v, d) - fr.dimension_score(u, d);
        let rank = |r: u32| if r > 0 { r.to_string() } else { "—".to_string() };
        html! {
            <tr>
                <th scope="row">{ system.dimensions[d].name(lang) }</th>
                <td class="num" translate="no">{ rank(rf) }</td>
                <td class="num" translate="no">{ rank(rt) }</td>
                <td class="num" translate="no">{ places }</td>
                <td class="num" translate="no">{ if points.is_finite() { signed(points, 2) } else { "—".to_string() } }</td>
            </tr>
        }
    });
    html! {
        <>
            { heading }
            <p data-testid="year-rank" data-change={row.rank_change.to_string()}>
                { tf(lang, Key::YearProfileRank, &[&row.rank_from.to_string(), &from.to_string(), &row.rank_to.to_string(), &to.to_string(), &places_words(lang, row.rank_change)]) }
            </p>
            <p data-testid="year-score">
                { tf(lang, Key::YearProfileScore, &[&format!("{:.2}", row.score_from), &format!("{:.2}", row.score_to), &signed(row.score_change, 2)]) }
            </p>
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="year-profile-h">
                <table class="year-dims" data-testid="year-dims">
                    <thead><tr>
                        <th scope="col">{ t(lang, Key::YearProfileDimension) }</th>
                        <th scope="col">{ tf(lang, Key::YearProfileRankFrom, &[&from.to_string()]) }</th>
                        <th scope="col">{ tf(lang, Key::YearProfileRankTo, &[&to.to_string()]) }</th>
                        <th scope="col">{ t(lang, Key::YearProfileRankChange) }</th>
                        <th scope="col">{ t(lang, Key::YearProfileScoreChange) }</th>
                    </tr></thead>
                    <tbody>{ for dims }</tbody>
                </table>
            </div>
            { why.map(|w| why_moved(lang, system, change, row, w)).unwrap_or_default() }
        </>
    }
}

/// Why the county moved: the rank change split into its own data's part and the others', and the
/// indicators that moved its score most (or why the score change does not split).
fn why_moved(
    lang: Lang,
    system: &IndicatorSystem,
    change: &EditionRanks,
    row: &RankChange,
    why: &Why,
) -> Html {
    let half = |v: f64| format!("{v}");
    let contributions = match (&why.contributions, change.contributions) {
        (Some(parts), Ok(())) => {
            let mut top: Vec<(usize, f64)> = parts.iter().copied().enumerate().collect();
            crate::sorting::sort_by_key(&mut top, |&(_, v)| {
                std::cmp::Reverse(crate::score::tie_key(v.abs()))
            });
            html! {
                <>
                    <p>{ t(lang, Key::YearWhyContributions) }</p>
                    <ul data-testid="year-contributions">
                        { for top.iter().take(3).map(|&(i, v)| html! {
                            <li>{ system.indicators[i].short(lang) }{ " " }<span translate="no">{ signed(v, 2) }</span></li>
                        }) }
                    </ul>
                </>
            }
        }
        (_, Err(no)) => html! {
            <p data-testid="year-no-contributions">{ tf(lang, Key::YearWhyNoContributions, &[reason(lang, no)]) }</p>
        },
        _ => html! {},
    };
    html! {
        <div class="year-why">
            <h4>{ t(lang, Key::YearWhyHeading) }</h4>
            <p data-testid="year-why-rank">
                { tf(lang, Key::YearWhyRank, &[&row.rank_change.to_string(), &half(why.rank_own), &half(why.rank_others)]) }
            </p>
            { contributions }
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct YearMoversProps {
    pub lang: Lang,
    pub editions: Ptr<Editions>,
    pub year_change: Option<Ptr<EditionRanks>>,
}

/// In the charts area: the five counties that gained most places, the five that lost most, and the
/// counties new or gone between the compared editions.
#[component]
pub fn YearMovers(props: &YearMoversProps) -> Html {
    let lang = props.lang;
    let (Some(change), Some((from, to))) = (props.year_change.as_ref(), props.editions.comparison)
    else {
        return html! {};
    };
    if !props.editions.several() {
        return html! {};
    }
    let mut up: Vec<&RankChange> = change.rows.iter().filter(|r| r.rank_change > 0).collect();
    crate::sorting::sort_by_key(&mut up, |r| (std::cmp::Reverse(r.rank_change), r.rank_to));
    let mut down: Vec<&RankChange> = change.rows.iter().filter(|r| r.rank_change < 0).collect();
    crate::sorting::sort_by_key(&mut down, |r| (r.rank_change, r.rank_to));
    let list = |rows: &[&RankChange], testid: &'static str| {
        html! {
            <ol data-testid={testid}>
                { for rows.iter().take(MOVERS).map(|r| html! {
                    <li data-adcode={r.adcode.clone()} data-change={r.rank_change.to_string()}>
                        <span class="place" translate="no">{ r.name_zh.clone() }</span>{ " " }
                        <span translate="no">{ format!("{} → {}", r.rank_from, r.rank_to) }</span>{ " " }
                        <span translate="no" aria-hidden="true">{ signed(r.rank_change as f64, 0) }</span>
                        <span class="sr-only">{ places_words(lang, r.rank_change) }</span>
                    </li>
                }) }
                if rows.is_empty() { <li>{ t(lang, Key::MoversNone) }</li> }
            </ol>
        }
    };
    let names = |side: Side| {
        let names: Vec<String> = change
            .unmatched
            .iter()
            .filter(|m| m.side == side)
            .map(|m| m.name_zh.clone())
            .collect();
        if names.is_empty() {
            t(lang, Key::MoversNone).to_string()
        } else {
            names.join(if lang == Lang::En { ", " } else { "、" })
        }
    };
    html! {
        <section class="panel year-movers" data-testid="year-movers" aria-labelledby="year-movers-h">
            <h2 id="year-movers-h">{ tf(lang, Key::MoversHeading, &[&from.to_string(), &to.to_string(), t(lang, props.editions.scaling.label())]) }</h2>
            <div class="movers-lists">
                <div><h3>{ t(lang, Key::MoversUp) }</h3>{ list(&up, "movers-up") }</div>
                <div><h3>{ t(lang, Key::MoversDown) }</h3>{ list(&down, "movers-down") }</div>
            </div>
            <p data-testid="movers-new">{ t(lang, Key::MoversNew) }<span class="place" translate="no">{ names(Side::To) }</span></p>
            <p data-testid="movers-gone">{ t(lang, Key::MoversGone) }<span class="place" translate="no">{ names(Side::From) }</span></p>
        </section>
    }
}
