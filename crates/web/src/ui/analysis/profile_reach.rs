//! In the county profile, what each indicator alone would need to lift the county one place (followed by
//! the cheapest plan across indicators, `profile_plan`), and the indicator reach list the reach panel
//! shares.

use super::profile_plan::ProfilePlan;
use super::{estimate_note, Ptr};
use crate::analysis::indicator_reach::{
    self, Advice, AdviceOutcome, IndicatorReach, IndicatorReachRow,
};
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use crate::score::{Ranking, ScoreError};
use std::rc::Rc;
use yew::prelude::*;

/// The indicator reach as advice: a table of the indicators that can do it alone (current value, the
/// value needed, the change, the best value of any county), smallest step relative to the indicator's
/// range first; the others, out of reach on their own, below it.
pub(crate) fn indicator_list(
    system: &IndicatorSystem,
    data: &Dataset,
    rows: &[IndicatorReachRow],
    target: u32,
    lang: Lang,
) -> Html {
    if rows
        .iter()
        .all(|r| matches!(r.reach, IndicatorReach::Already))
    {
        return html! { <p data-testid="indicator-reach-already">{ indicator_reach::sentence(system, &rows[0], target, lang) }</p> };
    }
    let list = indicator_reach::advice(data, rows);
    let (feasible, rest): (Vec<&Advice>, Vec<&Advice>) = list
        .iter()
        .partition(|a| matches!(a.outcome, AdviceOutcome::Feasible { .. }));
    html! {
        <>
            if feasible.is_empty() {
                <p>{ t(lang, Key::AdviceNoneAlone) }</p>
            } else {
                <ol class="advice" data-testid="indicator-reach" aria-label={t(lang, Key::AdviceCaption)}>
                    { for feasible.iter().map(|a| advice_row(system, a, lang)) }
                </ol>
            }
            if !rest.is_empty() {
                <details>
                    <summary>{ tf(lang, Key::ReachRestAlone, &[&rest.len().to_string()]) }</summary>
                    <ul class="indicator-reach muted" data-testid="indicator-out-of-reach">
                        { for rest.iter().map(|a| html! { <li data-indicator={system.indicators[a.indicator].id.clone()}>{ out_of_reach_text(system, a, target, lang) }</li> }) }
                    </ul>
                </details>
            }
        </>
    }
}

/// A value with the indicator's precision and unit.
fn with_unit(system: &IndicatorSystem, i: usize, v: f64, lang: Lang) -> String {
    system.indicators[i].format_with_unit(v, lang)
}

/// One indicator's advice: "营收 253.3 → 670.5 亿元 +417.2（+165%）· 全省最高 3,124.0".
fn advice_row(system: &IndicatorSystem, a: &Advice, lang: Lang) -> Html {
    let ind = &system.indicators[a.indicator];
    let AdviceOutcome::Feasible {
        required,
        rank,
        percent,
        share_of_range,
    } = a.outcome
    else {
        return html! {};
    };
    let current = a.current.unwrap_or(0.0);
    let points = ind.unit_en.trim() == "%";
    let step = if points {
        tf(
            lang,
            Key::ReachStepPoints,
            &[&ind.format(required - current)],
        )
    } else {
        format!("+{}", ind.format_shown(required - current, lang))
    };
    let relative = percent.map_or_else(String::new, |p| {
        tf(lang, Key::ReachStepPercent, &[&format!("{p:.0}")])
    });
    let unit = ind.shown_unit(lang).trim();
    let unit = if unit == "%" {
        unit.to_string()
    } else {
        format!(" {unit}")
    };
    html! {
        <li data-testid="advice-row" data-indicator={ind.id.clone()} data-rank={rank.to_string()}
            data-current={current.to_string()} data-required={required.to_string()}
            data-best={a.best.map_or_else(String::new, |b| b.to_string())} data-share={share_of_range.to_string()}>
            <abbr class="advice-name" title={ind.name(lang).to_string()}>{ ind.short(lang) }</abbr>
            <span class="advice-move" translate="no">
                <span class="sr-only">{ t(lang, Key::AdviceNow) }{ " " }</span>{ ind.format_shown(current, lang) }
                <span aria-hidden="true">{ " → " }</span>
                <span class="sr-only">{ " " }{ t(lang, Key::AdviceNeeded) }{ " " }</span><strong>{ ind.format_shown(required, lang) }</strong>
                { unit }
            </span>
            <span class="advice-step" translate="no">{ step }{ relative }</span>
            <span class="advice-best muted" translate="no">{ t(lang, Key::AdviceBest) }{ " " }{ a.best.map_or_else(|| "—".into(), |b| ind.format_shown(b, lang)) }</span>
        </li>
    }
}

/// Why an indicator alone cannot reach the target.
fn out_of_reach_text(system: &IndicatorSystem, a: &Advice, target: u32, lang: Lang) -> String {
    let ind = &system.indicators[a.indicator];
    let name = ind.short(lang);
    let target = target.to_string();
    match &a.outcome {
        AdviceOutcome::BeyondBest => {
            let best = a
                .best
                .map_or_else(|| "—".into(), |b| with_unit(system, a.indicator, b, lang));
            // The target comes first so that a language may leave it out (English does).
            tf(lang, Key::ReachBeyondBest, &[&target, name, &best])
        }
        AdviceOutcome::Missing => tf(lang, Key::ReachNoValue, &[name]),
        AdviceOutcome::Already => tf(lang, Key::ReachAlready, &[name]),
        _ => tf(lang, Key::ReachBeyondPlausible, &[name, &target]),
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ProfileReachProps {
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

/// The indicator reach of the selected county for `target`, computed while `wanted` and whenever
/// the county, the target, the scenario or the data set changes.
#[hook]
fn use_found(
    props: &ProfileReachProps,
    wanted: bool,
    target: u32,
) -> UseStateHandle<Option<Ptr<Found>>> {
    let found = use_state_eq(|| None::<Ptr<Found>>);
    let (inputs, setter) = (props.clone(), found.clone());
    let deps = (
        wanted,
        props.selected,
        target,
        props.scenario.clone(),
        props.data.clone(),
        props.system.clone(),
    );
    use_effect_with(deps, move |(wanted, unit, target, ..)| {
        if let (true, Some(u)) = (*wanted, *unit) {
            let fresh = setter
                .as_ref()
                .is_some_and(|f| f.0.is_for(&inputs, u, *target));
            if !fresh {
                setter.set(Some(Ptr(Rc::new(Found::compute(&inputs, u, *target)))));
            }
        }
    });
    found
}

/// In the county profile: what each indicator alone would need to lift the county to a rank the
/// official chooses (the next place to begin with), on demand: each answer re-scores the data a few
/// hundred times, so it is computed when asked for and then follows the chosen rank.
#[component]
pub fn ProfileReach(props: &ProfileReachProps) -> Html {
    let s = props;
    let lang = s.lang;
    // The county for which the official asked; a new target for it is computed at once.
    let asked_for = use_state_eq(|| None::<usize>);
    let chosen = use_state_eq(|| None::<(usize, u32)>);
    let unit = s.selected;
    let rank = unit.map_or(0, |u| s.ranking.rank[u]);
    let target = match (*chosen, unit) {
        (Some((cu, t)), Some(u)) if cu == u && t < rank => t,
        _ => rank.saturating_sub(1),
    };
    let wanted = unit.is_some() && *asked_for == unit && target >= 1;
    let found = use_found(props, wanted, target);
    let Some(u) = unit else {
        return html! {};
    };
    if rank <= 1 {
        return html! {};
    }
    let ask = {
        let asked_for = asked_for.clone();
        Callback::from(move |_: MouseEvent| asked_for.set(Some(u)))
    };
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
    let current = found.as_ref().filter(|f| f.0.is_for(s, u, target));
    html! {
        <>
        <section class="profile-reach" aria-labelledby="profile-reach-h" data-testid="profile-reach">
            <h4 id="profile-reach-h">{ tf(lang, Key::ReachProfileHeading, &[&target.to_string()]) }</h4>
            <p class="reach-target">
                <label for="profile-reach-target">{ t(lang, Key::AdviceTarget) }</label>{ " " }
                <input id="profile-reach-target" type="number" inputmode="numeric" min="1" max={(rank - 1).to_string()}
                    data-testid="profile-reach-target" value={target.to_string()} onchange={on_target} />
            </p>
            { match current {
                None => html! {
                    <button type="button" onclick={ask} data-testid="profile-reach-compute">
                        { t(lang, Key::ReachProfileCompute) }
                    </button>
                },
                Some(f) => match &f.0.rows {
                    Err(e) => html! { <p class="problem" role="alert">{ e.message(lang) }</p> },
                    Ok(rows) => html! {
                        <>
                            { indicator_list(&s.system, &s.data, rows, target, lang) }
                            { estimate_note(lang, s.unit_estimates.get(u).copied().unwrap_or(false)) }
                        </>
                    },
                },
            } }
        </section>
        <ProfilePlan lang={s.lang} system={s.system.clone()} data={s.data.clone()} scenario={s.scenario.clone()}
            ranking={s.ranking.clone()} unit_estimates={s.unit_estimates.clone()} selected={s.selected} />
        </>
    }
}

/// An indicator reach computed for a county, a target, a scenario and a data set.
struct Found {
    unit: usize,
    target: u32,
    scenario: Scenario,
    data: Rc<Dataset>,
    rows: Result<Vec<IndicatorReachRow>, ScoreError>,
}

impl Found {
    fn compute(inputs: &ProfileReachProps, u: usize, target: u32) -> Self {
        let rows = indicator_reach::indicator_reach_all(
            &inputs.system,
            &inputs.data,
            &inputs.scenario,
            u,
            target,
        );
        Found {
            unit: u,
            target,
            scenario: inputs.scenario.clone(),
            data: inputs.data.0.clone(),
            rows,
        }
    }

    fn is_for(&self, inputs: &ProfileReachProps, u: usize, target: u32) -> bool {
        self.unit == u
            && self.target == target
            && self.scenario == inputs.scenario
            && Rc::ptr_eq(&self.data, &inputs.data.0)
    }
}
