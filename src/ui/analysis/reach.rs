//! What it takes to move: for the selected county and a target rank, the nearest dimension weights that
//! reach it (with an Apply button that really gives that rank), its best and worst possible rank with
//! witness weights, and what each indicator alone would have to become.
//!
//! The weight reach and bounds not precomputed are mixed-integer programmes solved in the on-demand
//! tools module (`crate::ui::tools`); everything else, and every check by re-scoring, runs here.

use super::pickers::CountySelect;
use super::profile_reach::indicator_list;
use super::{estimate_note, Ptr};
use crate::analysis::bounds::{self, RankBounds};
use crate::analysis::indicator_reach::{self, IndicatorReachRow};
use crate::analysis::reach::WeightReach;
use crate::analysis::DimensionModel;
use crate::i18n::{place, prefecture_name};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use crate::score::score;
use crate::state::{Action, State, MAX_WEIGHT};
use crate::tools_api::AnalysisRequest;
use crate::ui::tools::{self, Status};
use crate::ui::PanelProps;
use std::borrow::Cow;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A scenario that gives unit `u` weights `w`, checked by re-scoring: on the page's 0-100 scale when
/// that keeps the rank `want` accepts (it always should; tie boundaries are kept at a margin), else
/// exactly as the analysis returned it. Returns the scenario and the rank it gives.
pub(crate) fn verified_scenario(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    u: usize,
    w: &[f64],
    want: impl Fn(u32) -> bool,
) -> Option<(Scenario, u32)> {
    let exact = model.scenario_for(w);
    let mut scaled = exact.clone();
    scaled.dimension_weights = w.iter().map(|x| x * MAX_WEIGHT).collect();
    [scaled, exact].into_iter().find_map(|sc| {
        let rank = score(system, data, &sc).ok()?.rank[u];
        want(rank).then_some((sc, rank))
    })
}

/// What the Compute button found, and what it was computed for.
#[derive(Debug)]
struct Outcome {
    unit: usize,
    target: u32,
    scenario: Scenario,
    data: Rc<Dataset>,
    current: Vec<f64>,
    weight: Result<WeightReach, String>,
    /// The scenario Apply sets and the rank it gives (verified).
    apply: Option<(Scenario, u32)>,
    indicators: Result<Vec<IndicatorReachRow>, String>,
}

/// Computes the outcome for unit `u` and `target`: the weight reach in the tools module, the indicator
/// reach and the check of the new weights here; `outcome` is set when all is done.
fn compute(
    s: &State,
    u: usize,
    target: u32,
    status: UseStateHandle<Option<Status>>,
    outcome: UseStateHandle<Option<Ptr<Outcome>>>,
) {
    let lang = s.lang;
    let indicators =
        indicator_reach::indicator_reach_all(&s.system, &s.data, &s.scenario, u, target)
            .map_err(|e| e.message(lang));
    let done = {
        let (scenario, data) = (s.scenario.clone(), s.data.clone());
        move |current, weight, apply| {
            let o = Outcome {
                unit: u,
                target,
                scenario,
                data,
                current,
                weight,
                apply,
                indicators,
            };
            outcome.set(Some(Ptr(Rc::new(o))));
        }
    };
    let model = match DimensionModel::new(&s.system, &s.data, &s.scenario) {
        Ok(m) => m,
        Err(e) => return done(Vec::new(), Err(e.message(lang)), None),
    };
    let (system, data) = (s.system.clone(), s.data.clone());
    let (request_data, scenario) = (s.data.clone(), s.scenario.clone());
    tools::run(
        status,
        async move {
            let request = AnalysisRequest {
                data: Cow::Borrowed(&*request_data),
                scenario: Cow::Borrowed(&scenario),
                unit: u,
                target,
                lang,
            };
            tools::weight_reach(&request).await
        },
        move |weight| {
            let apply = match &weight {
                Ok(WeightReach::Reachable { weights, .. }) => {
                    verified_scenario(&system, &data, &model, u, weights, |r| r > 0 && r <= target)
                }
                _ => None,
            };
            done(model.weights.clone(), weight, apply);
        },
    );
}

/// Dimension weights as "name 20.0%" items.
fn weights_list(system: &IndicatorSystem, w: &[f64], lang: Lang) -> Html {
    html! {
        <ul class="weights-list">
            { for system.dimensions.iter().zip(w).map(|(d, w)| html! {
                <li><span>{ d.name(lang) }</span>{ " " }<span class="num" translate="no">{ format!("{:.1}%", w * 100.0) }</span></li>
            }) }
        </ul>
    }
}

fn bounds_html(
    props: &PanelProps,
    b: &RankBounds,
    precomputed: bool,
    apply_best: Callback<MouseEvent>,
    apply_worst: Callback<MouseEvent>,
) -> Html {
    let s = &props.state;
    let lang = s.lang;
    html! {
        <div class="bounds" data-testid="rank-bounds" data-best={b.best_rank.to_string()} data-worst={b.worst_rank.to_string()}>
            <p>{ match lang {
                Lang::Zh => format!("在所有可能的维度权重下，最好可排第 {} 位，最差排第 {} 位。", b.best_rank, b.worst_rank),
                Lang::En => format!("Over every possible dimension weighting its best rank is {} and its worst {}.", place(lang, b.best_rank), place(lang, b.worst_rank)),
            } }</p>
            <div class="witnesses">
                <div>
                    <h5>{ lang.pick("取得最好名次的权重", "Weights giving the best rank") }</h5>
                    { weights_list(&s.system, &b.best_weights, lang) }
                    <button type="button" onclick={apply_best} data-testid="bounds-apply-best">{ lang.pick("采用", "Apply") }</button>
                </div>
                <div>
                    <h5>{ lang.pick("导致最差名次的权重", "Weights giving the worst rank") }</h5>
                    { weights_list(&s.system, &b.worst_weights, lang) }
                    <button type="button" onclick={apply_worst} data-testid="bounds-apply-worst">{ lang.pick("采用", "Apply") }</button>
                </div>
            </div>
            <p class="hint">{ if precomputed {
                lang.pick("精确结果（混合整数规划，随内置数据预先算好）。", "Exact (mixed-integer programme, computed in advance for the bundled data).")
            } else {
                lang.pick("精确结果（混合整数规划，在浏览器内计算）。", "Exact (mixed-integer programme, computed in your browser).")
            } }</p>
        </div>
    }
}

/// The scenario key precomputed bounds depend on: everything but the dimension weights.
fn bounds_key(sc: &Scenario) -> Scenario {
    let mut k = sc.clone();
    k.dimension_weights.clear();
    k
}

#[component]
pub fn ReachPanel(props: &PanelProps) -> Html {
    let s = &props.state;
    let lang = s.lang;
    let n_ranked = s.ranking.rank.iter().filter(|&&r| r > 0).count() as u32;
    let target = use_state(String::new);
    let outcome = use_state_eq(|| None::<Ptr<Outcome>>);
    let problem = use_state_eq(|| None::<String>);
    // The weight reach and on-demand bounds run in the tools module: loading and failure notes.
    let reach_status = use_state_eq(|| None::<Status>);
    let bounds_status = use_state_eq(|| None::<Status>);
    // Bounds computed on demand (data or method other than the bundled default), per unit and scenario.
    let on_demand = use_state_eq(|| None::<Ptr<(usize, Scenario, Result<RankBounds, String>)>>);

    // A new county starts from the place just above its current one.
    {
        let (target, outcome, problem) = (target.clone(), outcome.clone(), problem.clone());
        let rank = s.selected.map(|u| s.ranking.rank[u]);
        use_effect_with(s.selected, move |_| {
            target.set(rank.map_or(String::new(), |r| r.saturating_sub(1).max(1).to_string()));
            outcome.set(None);
            problem.set(None);
        });
    }

    let table = use_memo(
        (
            Ptr(s.system.clone()),
            Ptr(s.data.clone()),
            bounds_key(&s.scenario),
        ),
        |(sys, data, key)| bounds::precomputed(&sys.0, &data.0, key).map(Rc::new),
    );

    let on_county = use_callback(props.dispatch.clone(), |u: Option<usize>, d| {
        d.dispatch(Action::Select(u))
    });
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: InputEvent| {
            target.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_compute = {
        let (state, target, outcome, problem) = (
            props.state.clone(),
            target.clone(),
            outcome.clone(),
            problem.clone(),
        );
        let status = reach_status.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(u) = state.selected else { return };
            let lang = state.lang;
            let ranked = state.ranking.rank.iter().filter(|&&r| r > 0).count() as u32;
            match target.trim().parse::<u32>() {
                Ok(k) if (1..=ranked).contains(&k) => {
                    problem.set(None);
                    compute(&state, u, k, status.clone(), outcome.clone());
                }
                _ => problem.set(Some(match lang {
                    Lang::Zh => format!("目标名次须为 1 到 {ranked} 之间的整数。"),
                    Lang::En => {
                        format!("The target rank must be a whole number from 1 to {ranked}.")
                    }
                })),
            }
        })
    };

    let Some(u) = s.selected else {
        return html! {
            <section class="analysis-card reach" id="reach" aria-labelledby="reach-h">
                <h3 id="reach-h">{ lang.pick("县域提升需要什么", "What it takes to move up") }</h3>
                { county_picker(s, on_county.clone()) }
                <p class="empty">{ lang.pick("先选择一个县域（在排名表、图表中点击，或用上面的选择框）。", "Pick a county first (click it in the ranking or a chart, or use the box above).") }</p>
            </section>
        };
    };
    let rank = s.ranking.rank[u];

    // Best and worst rank: precomputed, or computed on demand for this unit and scenario.
    let bounds: Option<(RankBounds, bool)> = match (*table).as_ref() {
        Some(t) => t.iter().find(|b| b.unit == u).map(|b| (b.clone(), true)),
        None => on_demand.as_ref().and_then(|p| {
            let (unit, sc, r) = &*p.0;
            (*unit == u && *sc == s.scenario)
                .then(|| r.clone().ok().map(|b| (b, false)))
                .flatten()
        }),
    };
    let bounds_error = on_demand.as_ref().and_then(|p| {
        let (unit, sc, r) = &*p.0;
        (*unit == u && *sc == s.scenario)
            .then(|| r.clone().err())
            .flatten()
    });
    let compute_bounds = {
        let (state, on_demand) = (props.state.clone(), on_demand.clone());
        let status = bounds_status.clone();
        Callback::from(move |_: MouseEvent| {
            let (data, scenario, lang) = (state.data.clone(), state.scenario.clone(), state.lang);
            let on_demand = on_demand.clone();
            let key = scenario.clone();
            tools::run(
                status.clone(),
                async move {
                    let request = AnalysisRequest {
                        data: Cow::Borrowed(&*data),
                        scenario: Cow::Borrowed(&scenario),
                        unit: u,
                        target: 0,
                        lang,
                    };
                    tools::rank_bounds(&request).await
                },
                move |r| on_demand.set(Some(Ptr(Rc::new((u, key, r))))),
            );
        })
    };
    let apply_witness = |best: bool| {
        let (state, d, problem) = (props.state.clone(), props.dispatch.clone(), problem.clone());
        let b = bounds.as_ref().map(|(b, _)| b.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(b) = &b else { return };
            let (w, want) = if best {
                (&b.best_weights, b.best_rank)
            } else {
                (&b.worst_weights, b.worst_rank)
            };
            let found = DimensionModel::new(&state.system, &state.data, &state.scenario)
                .ok()
                .and_then(|m| {
                    verified_scenario(&state.system, &state.data, &m, u, w, |r| r == want)
                });
            match found {
                Some((sc, _)) => d.dispatch(Action::SetScenario(sc)),
                None => problem.set(Some(state.lang.pick(
                    "这组权重重新计算后未得到所报告的名次，未采用。",
                    "Re-scored, these weights do not give the reported rank; they were not applied.",
                ).to_string())),
            }
        })
    };

    let result = outcome.as_ref().filter(|o| o.0.unit == u).map(|o| {
        let o = &o.0;
        let applied = o.apply.as_ref().is_some_and(|(sc, _)| *sc == s.scenario);
        let stale = !applied && (o.scenario != s.scenario || !Rc::ptr_eq(&o.data, &s.data));
        let weight_html = match &o.weight {
            Err(e) => html! { <p class="problem" role="alert">{ e.clone() }</p> },
            Ok(WeightReach::Reachable { weights, change, .. }) => {
                let apply = o.apply.clone().map(|(sc, r)| {
                    let d = props.dispatch.clone();
                    (Callback::from(move |_: MouseEvent| d.dispatch(Action::SetScenario(sc.clone()))), r)
                });
                html! {
                    <div data-testid="weight-reach" data-rank={apply.as_ref().map(|(_, r)| r.to_string())}>
                        <p>{ match (&apply, lang) {
                            (Some((_, r)), Lang::Zh) => format!("把维度权重调整为下表右列，可升至第 {r} 位（权重总变动 {:.1} 个百分点，是达到目标的最小变动）。", change * 100.0),
                            (Some((_, r)), Lang::En) => format!("With the weights in the right-hand column it ranks {} (a total weight change of {:.1} percentage points, the smallest that reaches the target).", place(lang, *r), change * 100.0),
                            (None, _) => o.weight.as_ref().map(|w| w.sentence(&s.system, o.target, lang)).unwrap_or_default(),
                        } }</p>
                        <table class="reach-weights">
                            <thead><tr>
                                <th scope="col">{ lang.pick("维度", "Dimension") }</th>
                                <th scope="col" class="num">{ lang.pick("当前权重", "Current") }</th>
                                <th scope="col" class="num">{ lang.pick("新权重", "New") }</th>
                                <th scope="col" class="num">{ lang.pick("变动", "Change") }</th>
                            </tr></thead>
                            <tbody>
                                { for s.system.dimensions.iter().enumerate().map(|(k, dim)| {
                                    let (a, b) = (o.current.get(k).copied().unwrap_or(0.0), weights[k]);
                                    html! {
                                        <tr>
                                            <th scope="row">{ dim.name(lang) }</th>
                                            <td class="num">{ format!("{:.1}%", a * 100.0) }</td>
                                            <td class="num" data-testid="reach-weight">{ format!("{:.1}%", b * 100.0) }</td>
                                            <td class="num">{ format!("{:+.1}", (b - a) * 100.0) }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                        if let Some((cb, _)) = apply {
                            if applied {
                                <p role="status" data-testid="reach-applied">{ match lang {
                                    Lang::Zh => format!("已采用。现在排第 {} 位。", rank),
                                    Lang::En => format!("Applied. It now ranks {}.", place(lang, rank)),
                                } }</p>
                            } else if !stale {
                                <button type="button" class="primary" onclick={cb} data-testid="reach-apply">
                                    { lang.pick("采用这些权重", "Apply these weights") }
                                </button>
                            }
                        }
                    </div>
                }
            }
            Ok(w) => html! { <p data-testid="weight-reach">{ w.sentence(&s.system, o.target, lang) }</p> },
        };
        let indicators_html = match &o.indicators {
            Err(e) => html! { <p class="problem" role="alert">{ e.clone() }</p> },
            Ok(rows) => indicator_list(&s.system, &o.data, rows, o.target, lang),
        };
        html! {
            <div class="reach-result" data-testid="reach-result">
                if stale {
                    <p class="stale" role="status">{ lang.pick("方案或数据已改变，以下结果对应计算时的方案，请重新计算。", "The method or data have changed; these results belong to the earlier settings. Compute again.") }</p>
                }
                <h4>{ match lang { Lang::Zh => format!("调整维度权重升至第 {} 位", o.target), Lang::En => format!("Dimension weights for rank {}", o.target) } }</h4>
                { weight_html }
                <h4>{ lang.pick("仅提高一项指标（其他不变）", "Raising one indicator alone (others unchanged)") }</h4>
                { indicators_html }
            </div>
        }
    });

    let unit = &s.data.units[u];
    html! {
        <section class="analysis-card reach" id="reach" aria-labelledby="reach-h">
            <h3 id="reach-h">{ lang.pick("县域提升需要什么", "What it takes to move up") }</h3>
            { county_picker(s, on_county) }
            <p>
                <strong translate="no">{ unit.name(lang) }</strong>{ " " }
                <span class="muted" translate="no">{ prefecture_name(lang, &unit.prefecture_zh) }</span>{ " · " }
                { if rank > 0 { match lang { Lang::Zh => format!("当前第 {rank} 位（共 {n_ranked} 个）"), Lang::En => format!("now {} of {n_ranked}", place(lang, rank)) } } else { lang.pick("未参与排名", "not ranked").to_string() } }
            </p>
            { estimate_note(lang, s.unit_estimates.get(u).copied().unwrap_or(false)) }
            <form class="run-form" onsubmit={on_compute}>
                <div class="field">
                    <label for="reach-target">{ lang.pick("目标名次", "Target rank") }</label>
                    <input id="reach-target" type="number" min="1" max={n_ranked.to_string()} step="1" inputmode="numeric"
                        value={(*target).clone()} oninput={on_target} data-testid="reach-target" />
                </div>
                <button type="submit" class="primary" data-testid="reach-compute">{ lang.pick("计算", "Compute") }</button>
            </form>
            if let Some(p) = &*problem { <p class="problem bad-input" role="alert">{ p.clone() }</p> }
            { tools::status_view(reach_status.as_ref(), lang) }
            { for result }
            <h4>{ lang.pick("最好与最差可能名次", "Best and worst possible rank") }</h4>
            { match (&bounds, &bounds_error) {
                (Some((b, pre)), _) => bounds_html(props, b, *pre, apply_witness(true), apply_witness(false)),
                (None, Some(e)) => html! { <p class="problem" role="alert">{ e.clone() }</p> },
                (None, None) => html! {
                    <p>
                        { lang.pick("当前数据或方法没有预先算好的结果。", "No precomputed result for the current data or method. ") }
                        <button type="button" onclick={compute_bounds} data-testid="bounds-compute">{ lang.pick("现在计算", "Compute now") }</button>
                    </p>
                },
            } }
            { tools::status_view(bounds_status.as_ref(), lang) }
        </section>
    }
}

fn county_picker(s: &State, on_change: Callback<Option<usize>>) -> Html {
    let lang = s.lang;
    html! {
        <div class="field">
            <label for="reach-county">{ lang.pick("县域", "County") }</label>
            <CountySelect id="reach-county" data={Ptr(s.data.clone())} order={Ptr(s.baseline.clone())}
                {lang} selected={s.selected} {on_change} />
        </div>
    }
}
