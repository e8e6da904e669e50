//! In the county profile, what each indicator alone would need to lift the county one place, and the
//! indicator reach list the reach panel shares.

use super::{estimate_note, Ptr};
use crate::analysis::indicator_reach::{self, IndicatorReach, IndicatorReachRow};
use crate::model::{IndicatorSystem, Lang, Scenario};
use crate::ui::PanelProps;
use std::rc::Rc;
use yew::prelude::*;

/// The indicator reach list, reachable indicators first (smallest relative increase first).
pub(crate) fn indicator_list(
    system: &IndicatorSystem,
    rows: &[IndicatorReachRow],
    target: u32,
    lang: Lang,
) -> Html {
    let mut reachable: Vec<&IndicatorReachRow> = rows
        .iter()
        .filter(|r| matches!(r.reach, IndicatorReach::Reachable { .. }))
        .collect();
    let relative = |r: &IndicatorReachRow| match (&r.reach, r.current) {
        (IndicatorReach::Reachable { increase, .. }, Some(c)) if c.abs() > 0.0 => {
            increase / c.abs()
        }
        (IndicatorReach::Reachable { increase, .. }, _) => *increase,
        _ => f64::INFINITY,
    };
    crate::sorting::sort_by(&mut reachable, |a, b| relative(a).total_cmp(&relative(b)));
    let rest: Vec<&IndicatorReachRow> = rows
        .iter()
        .filter(|r| !matches!(r.reach, IndicatorReach::Reachable { .. }))
        .collect();
    if rows
        .iter()
        .all(|r| matches!(r.reach, IndicatorReach::Already))
    {
        return html! { <p data-testid="indicator-reach-already">{ indicator_reach::sentence(system, &rows[0], target, lang) }</p> };
    }
    html! {
        <>
            if reachable.is_empty() {
                <p>{ lang.pick("没有哪一项指标单独提高就能达到这个名次。", "No single indicator can reach this rank on its own.") }</p>
            } else {
                <ul class="indicator-reach" data-testid="indicator-reach">
                    { for reachable.iter().map(|r| html! {
                        <li>{ indicator_reach::sentence(system, r, target, lang) }</li>
                    }) }
                </ul>
            }
            if !rest.is_empty() {
                <details>
                    <summary>{ match lang {
                        Lang::Zh => format!("其余 {} 项指标单独无法做到", rest.len()),
                        Lang::En => format!("{} indicators cannot do it alone", rest.len()),
                    } }</summary>
                    <ul class="indicator-reach muted">
                        { for rest.iter().map(|r| html! { <li>{ indicator_reach::sentence(system, r, target, lang) }</li> }) }
                    </ul>
                </details>
            }
        </>
    }
}

/// In the county profile: what each indicator alone would need to lift the county one place, on demand
/// (each answer re-scores the data a few dozen times).
#[component]
pub fn ProfileReach(props: &PanelProps) -> Html {
    let s = &props.state;
    let lang = s.lang;
    let found =
        use_state_eq(
            || None::<Ptr<(usize, u32, Scenario, Result<Vec<IndicatorReachRow>, String>)>>,
        );
    let Some(u) = s.selected else {
        return html! {};
    };
    let rank = s.ranking.rank[u];
    if rank <= 1 {
        return html! {};
    }
    let target = rank - 1;
    let on_click = {
        let (state, found) = (props.state.clone(), found.clone());
        Callback::from(move |_: MouseEvent| {
            let rows = indicator_reach::indicator_reach_all(
                &state.system,
                &state.data,
                &state.scenario,
                u,
                target,
            )
            .map_err(|e| e.message(state.lang));
            found.set(Some(Ptr(Rc::new((
                u,
                target,
                state.scenario.clone(),
                rows,
            )))));
        })
    };
    let current = found
        .as_ref()
        .filter(|f| f.0 .0 == u && f.0 .1 == target && f.0 .2 == s.scenario);
    html! {
        <section class="profile-reach" aria-labelledby="profile-reach-h" data-testid="profile-reach">
            <h4 id="profile-reach-h">{ match lang {
                Lang::Zh => format!("单项指标提升至第 {target} 位需要什么"),
                Lang::En => format!("What one indicator alone would take to reach rank {target}"),
            } }</h4>
            { match current {
                None => html! {
                    <button type="button" onclick={on_click} data-testid="profile-reach-compute">
                        { lang.pick("计算（其他指标不变）", "Compute (other indicators unchanged)") }
                    </button>
                },
                Some(f) => match &f.0 .3 {
                    Err(e) => html! { <p class="problem" role="alert">{ e.clone() }</p> },
                    Ok(rows) => html! {
                        <>
                            { indicator_list(&s.system, rows, target, lang) }
                            { estimate_note(lang, s.unit_estimates.get(u).copied().unwrap_or(false)) }
                        </>
                    },
                },
            } }
        </section>
    }
}
