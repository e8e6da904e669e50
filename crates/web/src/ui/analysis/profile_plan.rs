//! In the county profile, the cheapest way up across indicators: for the selected county and a target
//! rank (ten places up to begin with), the smallest combined rise of its own values that reaches it with
//! the weights held fixed, solved in the on-demand tools module and re-scored there; the indicators left
//! out with their reasons, or why the scenario's method is not one the plan models.

use super::{estimate_note, Ptr};
use crate::analysis::plan::{self, Plan, PlanOutcome};
use crate::i18n::{place, t, tf, Key};
use crate::model::{Choice, Dataset, IndicatorSystem, Lang, Scenario};
use crate::score::Ranking;
use crate::tools_api::AnalysisRequest;
use crate::ui::tools::{self, Status};
use std::borrow::Cow;
use std::rc::Rc;
use yew::prelude::*;

/// How many places up the default target lies.
const DEFAULT_STEP: u32 = 10;

/// The target the plan starts from for a county at `rank`: ten places up, or rank 1 from the top ten.
fn default_target(rank: u32) -> u32 {
    rank.saturating_sub(DEFAULT_STEP).max(1)
}

#[derive(Properties, PartialEq, Clone)]
pub struct ProfilePlanProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub scenario: Scenario,
    /// The current ranking, which gives the county's rank.
    pub ranking: Ptr<Ranking>,
    /// Per unit: whether any of its values is an estimate.
    pub unit_estimates: Ptr<Vec<bool>>,
    pub selected: Option<usize>,
}

/// A plan computed for a county, a target, a scenario and a data set.
#[derive(Debug)]
struct Found {
    unit: usize,
    target: u32,
    scenario: Scenario,
    data: Rc<Dataset>,
    plan: Result<Plan, String>,
}

impl Found {
    fn is_for(&self, props: &ProfilePlanProps, u: usize, target: u32) -> bool {
        self.unit == u
            && self.target == target
            && self.scenario == props.scenario
            && Rc::ptr_eq(&self.data, &props.data.0)
    }
}

/// Asks the tools module for the plan of unit `u` and `target`; `found` is set with the answer.
fn compute(
    props: &ProfilePlanProps,
    u: usize,
    target: u32,
    status: UseStateHandle<Option<Status>>,
    found: UseStateHandle<Option<Ptr<Found>>>,
) {
    let (data, scenario, lang) = (props.data.0.clone(), props.scenario.clone(), props.lang);
    let system_json = crate::tools_api::system_json_of(&props.system.0);
    let key = (data.clone(), scenario.clone());
    tools::run(
        status,
        async move {
            let request = AnalysisRequest {
                data: Cow::Borrowed(&*data),
                scenario: Cow::Borrowed(&scenario),
                unit: u,
                target,
                limits: None,
                lang,
                system_json,
            };
            tools::plan(&request).await
        },
        move |plan| {
            let (data, scenario) = key;
            found.set(Some(Ptr(Rc::new(Found {
                unit: u,
                target,
                scenario,
                data,
                plan,
            }))));
        },
    );
}

/// The cheapest plan across indicators for the selected county, on demand.
#[component]
pub fn ProfilePlan(props: &ProfilePlanProps) -> Html {
    let lang = props.lang;
    let chosen = use_state_eq(|| None::<(usize, u32)>);
    let found = use_state_eq(|| None::<Ptr<Found>>);
    let status = use_state_eq(|| None::<Status>);
    let Some(u) = props.selected else {
        return html! {};
    };
    let rank = props.ranking.rank[u];
    if rank <= 1 {
        return html! {};
    }
    let target = match *chosen {
        Some((cu, t)) if cu == u && t < rank => t,
        _ => default_target(rank),
    };
    let heading = html! { <h4 id="profile-plan-h">{ t(lang, Key::PlanProfileHeading) }</h4> };
    if !plan::method_supported(&props.scenario) {
        let (norm, agg) = (
            t(lang, props.scenario.normalisation.label()),
            t(lang, props.scenario.aggregation.label()),
        );
        return html! {
            <section class="profile-reach profile-plan" aria-labelledby="profile-plan-h" data-testid="profile-plan">
                { heading }
                <p class="problem" role="status" data-testid="plan-unsupported">
                    { tf(lang, Key::PlanMethodUnsupported, &[norm, agg]) }
                </p>
            </section>
        };
    }
    let on_target = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(t) = input.value().trim().parse::<u32>() {
                if (1..rank).contains(&t) {
                    chosen.set(Some((u, t)));
                }
            }
        })
    };
    let on_compute = {
        let (props, status, found) = (props.clone(), status.clone(), found.clone());
        Callback::from(move |_: MouseEvent| {
            compute(&props, u, target, status.clone(), found.clone())
        })
    };
    let default_note = if rank <= DEFAULT_STEP + 1 {
        t(lang, Key::PlanDefaultTop).to_string()
    } else {
        tf(
            lang,
            Key::PlanDefaultTenUp,
            &[&default_target(rank).to_string()],
        )
    };
    let current = found.as_ref().filter(|f| f.0.is_for(props, u, target));
    html! {
        <section class="profile-reach profile-plan" aria-labelledby="profile-plan-h" data-testid="profile-plan">
            { heading }
            <p class="hint">{ t(lang, Key::PlanProfileIntro) }</p>
            <p class="reach-target">
                <label for="profile-plan-target">{ t(lang, Key::AdviceTarget) }</label>{ " " }
                <input id="profile-plan-target" type="number" inputmode="numeric" min="1" max={(rank - 1).to_string()}
                    data-testid="profile-plan-target" value={target.to_string()} onchange={on_target} />
                { " " }<span class="hint">{ default_note }</span>
            </p>
            if current.is_none() {
                <button type="button" onclick={on_compute} data-testid="profile-plan-compute">
                    { t(lang, Key::PlanProfileCompute) }
                </button>
            }
            { tools::status_view(status.as_ref(), lang) }
            <div aria-live="polite">
                { for current.map(|f| match &f.0.plan {
                    Err(e) => html! { <p class="problem" role="alert" data-testid="plan-error">{ e.clone() }</p> },
                    Ok(p) => html! {
                        <>
                            { plan_html(&props.system.0, p, lang) }
                            { estimate_note(lang, props.unit_estimates.get(u).copied().unwrap_or(false)) }
                        </>
                    },
                }) }
            </div>
        </section>
    }
}

/// The plan's sentence, the rank re-scoring gives and the indicators left out with their reasons.
fn plan_html(system: &IndicatorSystem, p: &Plan, lang: Lang) -> Html {
    let outcome = match p.outcome {
        PlanOutcome::Already => "already",
        PlanOutcome::Reached => "reached",
        PlanOutcome::Unreachable => "unreachable",
    };
    let rescored = (p.outcome == PlanOutcome::Reached).then(|| {
        let key = if p.verified {
            Key::PlanRescored
        } else {
            Key::PlanRescoredShort
        };
        html! { <p data-testid="plan-rescored">{ tf(lang, key, &[&place(lang, p.rank)]) }</p> }
    });
    let excluded = (!p.excluded.is_empty()).then(|| {
        html! {
            <details>
                <summary>{ format!("{} ({})", t(lang, Key::PlanExcludedHeading), p.excluded.len()) }</summary>
                <ul data-testid="plan-excluded">
                    { for p.excluded.iter().map(|&(i, reason)| {
                        let ind = &system.indicators[i];
                        html! {
                            <li data-indicator={ind.id.clone()} data-reason={reason.id()}>
                                { tf(lang, Key::PlanExcludedItem, &[ind.name(lang), &reason.message(lang)]) }
                            </li>
                        }
                    }) }
                </ul>
            </details>
        }
    });
    html! {
        <div class="plan-result" data-testid="plan-result" data-rank={p.rank.to_string()}
            data-target={p.target.to_string()} data-outcome={outcome} data-verified={p.verified.to_string()}>
            <p class="plan-sentence" data-testid="plan-sentence"><strong>{ p.sentence(system, lang) }</strong></p>
            { for rescored }
            { for excluded }
        </div>
    }
}
