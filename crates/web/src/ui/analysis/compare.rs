//! Comparison of two to four counties: checkboxes with a name filter, the side-by-side dimension chart
//! and an indicator table in which the better value of each row is marked with a star and in words.

use super::pickers::CountyChecklist;
use super::Ptr;
use crate::chart::compare::{self, CompareInput, MAX_COMPARED};
use crate::chart::LazyTable;
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};
use crate::score::Ranking;
use crate::state::Action;
use crate::ui::chart_canvas::{ChartCanvas, Height, Painter};
use crate::ui::Dispatch;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Marks the best of `values` (higher or lower is better); nothing is marked when fewer than two
/// values are present or all present values are equal.
fn best_marks(values: &[Option<f64>], higher_is_better: bool) -> Vec<bool> {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    if present.len() < 2 {
        return vec![false; values.len()];
    }
    let key = |v: f64| if higher_is_better { v } else { -v };
    let best = present
        .iter()
        .copied()
        .map(key)
        .fold(f64::NEG_INFINITY, f64::max);
    let worst = present
        .iter()
        .copied()
        .map(key)
        .fold(f64::INFINITY, f64::min);
    if best == worst {
        return vec![false; values.len()];
    }
    values
        .iter()
        .map(|v| v.is_some_and(|v| key(v) == best))
        .collect()
}

fn cell(text: String, best: bool, lang: Lang) -> Html {
    html! {
        <td class={classes!("num", best.then_some("best"))} translate="no">
            { text }
            if best {
                { " " }<span class="best-mark" title={t(lang, Key::CmpBetter)}>
                    <span aria-hidden="true">{ "★" }</span><span class="sr-only">{ t(lang, Key::CmpBetterAside) }</span>
                </span>
            }
        </td>
    }
}

/// The composite, dimension scores and indicator values of the chosen units side by side.
fn indicator_table(s: &ComparePanelProps, units: &[usize]) -> Html {
    let lang = s.lang;
    let sys = &s.system;
    let composite: Vec<Option<f64>> = units
        .iter()
        .map(|&u| Some(s.ranking.composite[u]).filter(|v| v.is_finite()))
        .collect();
    let comp_best = best_marks(&composite, true);
    html! {
        <div class="table-scroll" role="region" tabindex="0" aria-label={t(lang, Key::CmpTableLabel)}>
            <table class="compare-table" data-testid="compare-table">
                <caption>{ t(lang, Key::CmpTableCaption) }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, Key::ColIndicator) }</th>
                    { for units.iter().map(|&u| html! {
                        <th scope="col" class="num" data-testid="compare-county" data-adcode={s.data.units[u].adcode.clone()} translate="no">
                            { s.data.units[u].name(lang) }
                        </th>
                    }) }
                </tr></thead>
                <tbody>
                    <tr class="dim-head">
                        <th scope="row">{ t(lang, Key::CmpComposite) }</th>
                        { for units.iter().zip(&comp_best).map(|(&u, &b)| cell(
                            format!("{:.2} ({})", s.ranking.composite[u], s.ranking.rank[u]), b, lang)) }
                    </tr>
                </tbody>
                { for sys.dimensions.iter().enumerate().map(|(d, dim)| {
                    let dims: Vec<Option<f64>> = units.iter().map(|&u| Some(s.ranking.dimension_score(u, d)).filter(|v| v.is_finite())).collect();
                    let dim_best = best_marks(&dims, true);
                    html! {
                        <tbody>
                            <tr class="dim-head">
                                <th scope="rowgroup">
                                    <span class={classes!("swatch", format!("dim-fill-{d}"))} aria-hidden="true"></span>
                                    { dim.name(lang) }
                                </th>
                                { for dims.iter().zip(&dim_best).map(|(v, &b)| cell(v.map_or("—".into(), |v| format!("{v:.1}")), b, lang)) }
                            </tr>
                            { for sys.indicators_of(d).map(|i| {
                                let ind = &sys.indicators[i];
                                let vals: Vec<Option<f64>> = units.iter().map(|&u| s.data.get(u, i)).collect();
                                let marks = best_marks(&vals, ind.higher_is_better);
                                html! {
                                    <tr>
                                        <th scope="row">{ ind.short(lang) }{ " " }<span class="unit muted">{ format!("({})", ind.shown_unit(lang)) }</span></th>
                                        { for vals.iter().zip(&marks).map(|(v, &b)| cell(v.map_or("—".into(), |v| ind.format_shown(v, lang)), b, lang)) }
                                    </tr>
                                }
                            }) }
                        </tbody>
                    }
                }) }
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub ranking: Ptr<Ranking>,
    /// The default ranking, which orders the checklist.
    pub baseline: Ptr<Ranking>,
    pub selected: Option<usize>,
    pub dispatch: Dispatch,
}

/// The side-by-side dimension chart of `units` with its table twin.
#[hook]
fn use_compare_chart(
    system: &Ptr<IndicatorSystem>,
    data: &Ptr<Dataset>,
    ranking: &Ptr<Ranking>,
    units: &[usize],
    lang: Lang,
) -> Rc<(Painter, Rc<LazyTable>)> {
    use_memo(
        (
            system.clone(),
            data.clone(),
            ranking.clone(),
            units.to_vec(),
            lang,
        ),
        |(sys, data, ranking, units, lang)| {
            let (sys, data, ranking, units) = (
                sys.0.clone(),
                data.0.clone(),
                ranking.0.clone(),
                Rc::new(units.clone()),
            );
            let table = Rc::new(LazyTable::ready(compare::table(
                &CompareInput {
                    system: &sys,
                    data: &data,
                    ranking: &ranking,
                    units: &units,
                },
                *lang,
            )));
            let painter = Painter::new(move |area, style| {
                compare::draw(
                    area,
                    &CompareInput {
                        system: &sys,
                        data: &data,
                        ranking: &ranking,
                        units: &units,
                    },
                    style,
                )
            });
            (painter, table)
        },
    )
}

/// A chip with a remove button for each chosen unit.
fn chips(data: &Dataset, units: &[usize], lang: Lang, chosen: &UseStateHandle<Vec<usize>>) -> Html {
    let remove = |u: usize| {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| {
            chosen.set((*chosen).iter().copied().filter(|&x| x != u).collect())
        })
    };
    units
        .iter()
        .map(|&u| html! {
            <span class="chip" data-testid="compare-chip" data-adcode={data.units[u].adcode.clone()}>
                <span translate="no">{ data.units[u].name(lang) }</span>
                <button type="button" onclick={remove(u)} aria-label={tf(lang, Key::CmpRemove, &[data.units[u].name(lang)])}>{ "×" }</button>
            </span>
        })
        .collect()
}

#[component]
pub fn ComparePanel(props: &ComparePanelProps) -> Html {
    let s = props;
    let lang = s.lang;
    let chosen = use_state_eq(Vec::<usize>::new);
    let filter = use_state(String::new);
    // Counties chosen before a data set with fewer units arrived are dropped.
    let units: Vec<usize> = chosen
        .iter()
        .copied()
        .filter(|&u| u < s.data.n_units() && u < s.ranking.n_units)
        .collect();
    let chart = use_compare_chart(&s.system, &s.data, &s.ranking, &units, lang);

    let on_toggle = use_callback(chosen.clone(), |(u, on): (usize, bool), chosen| {
        let mut next: Vec<usize> = (**chosen).iter().copied().filter(|&x| x != u).collect();
        if on && next.len() < MAX_COMPARED {
            next.push(u);
        }
        chosen.set(next);
    });
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            filter.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let add_selected = {
        let (chosen, selected) = (chosen.clone(), s.selected);
        Callback::from(move |_: MouseEvent| {
            if let Some(u) = selected {
                if !chosen.contains(&u) && chosen.len() < MAX_COMPARED {
                    let mut next = (*chosen).clone();
                    next.push(u);
                    chosen.set(next);
                }
            }
        })
    };
    let on_select = {
        let d = props.dispatch.clone();
        Callback::from(move |u: usize| d.emit(Action::Select(Some(u))))
    };

    let needle = AttrValue::from(filter.trim().to_ascii_lowercase());
    let full = units.len() >= MAX_COMPARED;

    html! {
        <section class="analysis-card compare" aria-labelledby="cmp-h">
            <h3 id="cmp-h">{ t(lang, Key::CmpHeading) }</h3>
            <p class="help">{ tf(lang, Key::CmpChooseRange, &[&MAX_COMPARED.to_string()]) }</p>
            <div class="chosen" aria-live="polite">
                { chips(&s.data, &units, lang, &chosen) }
                if let Some(u) = s.selected.filter(|u| !units.contains(u) && !full) {
                    <button type="button" onclick={add_selected}>{ tf(lang, Key::CmpAddSelected, &[s.data.units[u].name(lang)]) }</button>
                }
            </div>
            <fieldset class="compare-pick">
                <legend>{ t(lang, Key::CmpChoose) }</legend>
                <label for="cmp-filter">{ t(lang, Key::CmpFilter) }</label>
                <input id="cmp-filter" type="search" value={(*filter).clone()} oninput={on_filter} autocomplete="off"
                    placeholder={t(lang, Key::SearchPlaceholder)} />
                <CountyChecklist data={s.data.clone()} order={s.baseline.clone()} {lang}
                    filter={needle} chosen={units.clone()} {full} {on_toggle} />
                if full {
                    <p class="hint">{ tf(lang, Key::CmpFull, &[&MAX_COMPARED.to_string()]) }</p>
                }
            </fieldset>
            <figure class="chart-figure chart-compare">
                <ChartCanvas painter={chart.0.clone()} table={Ptr(chart.1.clone())} {lang} height={Height::Fixed(360)}
                    {on_select} png_name={AttrValue::from("compare")} />
            </figure>
            if units.len() >= 2 {
                { indicator_table(s, &units) }
            } else if units.len() == 1 {
                <p class="hint">{ t(lang, Key::CmpOneMore) }</p>
            }
        </section>
    }
}
