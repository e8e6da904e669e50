//! What it takes to move: for the selected county and a target rank, the nearest dimension weights that
//! reach it (with an Apply button that really gives that rank), its best and worst possible rank with
//! witness weights, and what each indicator alone would have to become.
//!
//! The weight reach and the bounds are confined to a range of each dimension's share of the weight (5 %
//! to 50 % when the panel opens, or no limits at one click); the range is the panel's own choice, like
//! its target rank, and not part of links. The weight reach and bounds not precomputed (any bounds
//! within limits) are mixed-integer programmes solved in the on-demand tools module
//! (`crate::ui::tools`); everything else, and every check by re-scoring, runs here.

use super::pickers::CountySelect;
use super::profile_reach::indicator_list;
use super::{estimate_note, Message, Ptr};
use crate::analysis::bounds::{self, RankBounds};
use crate::analysis::indicator_reach::{self, IndicatorReachRow};
use crate::analysis::reach::WeightReach;
use crate::analysis::{percent, DimensionModel, WeightLimits};
use crate::i18n::{place, prefecture_name, t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario, Unit};
use crate::score::{score, Ranking, ScoreError};
use crate::state::{Action, MAX_WEIGHT};
use crate::tools_api::AnalysisRequest;
use crate::ui::tools::{self, Status};
use crate::ui::Dispatch;
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
    /// The limits the weight reach kept to (`None`: any weighting).
    limits: Option<WeightLimits>,
    weight: Result<WeightReach, String>,
    /// The scenario Apply sets and the rank it gives (verified).
    apply: Option<(Scenario, u32)>,
    indicators: Result<Vec<IndicatorReachRow>, ScoreError>,
}

/// Computes the outcome for unit `u` and `target`: the weight reach in the tools module, the indicator
/// reach and the check of the new weights here; `outcome` is set when all is done.
fn compute(
    s: &ReachPanelProps,
    u: usize,
    target: u32,
    limits: Option<WeightLimits>,
    status: UseStateHandle<Option<Status>>,
    outcome: UseStateHandle<Option<Ptr<Outcome>>>,
) {
    let lang = s.lang;
    let indicators =
        indicator_reach::indicator_reach_all(&s.system, &s.data, &s.scenario, u, target);
    let done = {
        let (scenario, data) = (s.scenario.clone(), s.data.0.clone());
        move |current, weight, apply| {
            let o = Outcome {
                unit: u,
                target,
                scenario,
                data,
                current,
                limits,
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
    let system_json = crate::tools_api::system_json_of(&s.system);
    tools::run(
        status,
        async move {
            let request = AnalysisRequest {
                data: Cow::Borrowed(&*request_data),
                scenario: Cow::Borrowed(&scenario),
                unit: u,
                target,
                limits,
                lang,
                system_json,
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

/// The dimension weight limits as typed, in percent, and whether they are on.
#[derive(Clone, Debug, PartialEq)]
struct LimitsForm {
    on: bool,
    min: String,
    max: String,
}

impl Default for LimitsForm {
    /// 5 % to 50 % of the weight per dimension: no dimension ignored, none dominant.
    fn default() -> Self {
        Self {
            on: true,
            min: "5".into(),
            max: "50".into(),
        }
    }
}

impl LimitsForm {
    /// The limits the form asks for (`None` when off), or why they are none, in `lang`.
    fn parse(&self, n_dimensions: usize, lang: Lang) -> Result<Option<WeightLimits>, String> {
        if !self.on {
            return Ok(None);
        }
        let share = |text: &str| match text.trim().parse::<f64>() {
            Ok(p) if (0.0..=100.0).contains(&p) => Ok(p / 100.0),
            _ => Err(t(lang, Key::ReachLimitsBad).to_string()),
        };
        let (min, max) = (share(&self.min)?, share(&self.max)?);
        WeightLimits::new(min, max, n_dimensions)
            .map(Some)
            .map_err(|e| e.message(lang))
    }
}

/// The scenario key precomputed bounds depend on: everything but the dimension weights.
fn bounds_key(sc: &Scenario) -> Scenario {
    let mut k = sc.clone();
    k.dimension_weights.clear();
    k
}

/// The target rank typed into the form, checked against the number of ranked units.
fn parse_target(text: &str, ranked: u32) -> Result<u32, Message> {
    match text.trim().parse::<u32>() {
        Ok(k) if (1..=ranked).contains(&k) => Ok(k),
        _ => Err(Message::new(Key::ReachTargetRange, &[&ranked.to_string()])),
    }
}

/// The scenario giving unit `u` the best (or worst) rank of `b`, when re-scoring confirms that rank.
fn witness_scenario(s: &ReachPanelProps, u: usize, b: &RankBounds, best: bool) -> Option<Scenario> {
    let (w, want) = if best {
        (&b.best_weights, b.best_rank)
    } else {
        (&b.worst_weights, b.worst_rank)
    };
    let model = DimensionModel::new(&s.system, &s.data, &s.scenario).ok()?;
    verified_scenario(&s.system, &s.data, &model, u, w, |r| r == want).map(|(sc, _)| sc)
}

/// Bounds computed on demand (within limits, or data or method other than the bundled default), per
/// unit, scenario and limits.
type OnDemandBounds = Option<
    Ptr<(
        usize,
        Scenario,
        Option<WeightLimits>,
        Result<RankBounds, String>,
    )>,
>;

/// Where a unit's best and worst rank come from: the precomputed table when the data and method have
/// one and no limits apply, else the last on-demand computation in the tools module and the status of
/// that call.
struct BoundsSource {
    table: Rc<Option<Rc<Vec<RankBounds>>>>,
    on_demand: UseStateHandle<OnDemandBounds>,
    status: UseStateHandle<Option<Status>>,
}

impl BoundsSource {
    /// The bounds of unit `u` under `scenario` with whether they were precomputed, and the error of
    /// the on-demand computation for that unit and scenario, if it failed.
    fn lookup(
        &self,
        u: usize,
        scenario: &Scenario,
        limits: Option<WeightLimits>,
    ) -> (Option<(RankBounds, bool)>, Option<String>) {
        let on_demand = self.on_demand.as_ref().and_then(|p| {
            let (unit, sc, lim, r) = &*p.0;
            (*unit == u && sc == scenario && *lim == limits).then_some(r)
        });
        let table = (*self.table).as_ref().filter(|_| limits.is_none());
        let bounds = match table {
            Some(t) => t.iter().find(|b| b.unit == u).map(|b| (b.clone(), true)),
            None => on_demand.and_then(|r| r.clone().ok().map(|b| (b, false))),
        };
        (bounds, on_demand.and_then(|r| r.clone().err()))
    }

    /// Computes the bounds of unit `u` under the panel's data and scenario, within `limits`, in the
    /// tools module.
    fn compute(&self, s: &ReachPanelProps, u: usize, limits: Option<WeightLimits>) -> Callback<()> {
        let (on_demand, status) = (self.on_demand.clone(), self.status.clone());
        let (data, scenario, lang) = (s.data.clone(), s.scenario.clone(), s.lang);
        let system_json = crate::tools_api::system_json_of(&s.system.0);
        Callback::from(move |()| {
            let (data, scenario) = (data.clone(), scenario.clone());
            let system_json = system_json.clone();
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
                        limits,
                        lang,
                        system_json,
                    };
                    tools::rank_bounds(&request).await
                },
                move |r| on_demand.set(Some(Ptr(Rc::new((u, key, limits, r))))),
            );
        })
    }
}

#[hook]
fn use_bounds_source(s: &ReachPanelProps) -> BoundsSource {
    let table = use_memo(
        (s.system.clone(), s.data.clone(), bounds_key(&s.scenario)),
        |(sys, data, key)| bounds::precomputed(&sys.0, &data.0, key).map(Rc::new),
    );
    BoundsSource {
        table,
        on_demand: use_state_eq(|| None),
        status: use_state_eq(|| None),
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ReachPanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub scenario: Scenario,
    pub ranking: Ptr<Ranking>,
    /// The default ranking, which orders the county box.
    pub baseline: Ptr<Ranking>,
    /// Per unit: whether any of its values is an estimate.
    pub unit_estimates: Ptr<Vec<bool>>,
    pub selected: Option<usize>,
    pub dispatch: Dispatch,
}

/// The target form and what its Compute button found: the target as typed, the outcome, why the form
/// was refused and the status of the weight reach in the tools module.
struct ReachRun {
    target: UseStateHandle<String>,
    outcome: UseStateHandle<Option<Ptr<Outcome>>>,
    problem: UseStateHandle<Option<Message>>,
    status: UseStateHandle<Option<Status>>,
    on_target: Callback<String>,
    on_compute: Callback<()>,
}

/// The reach form's state; a new county starts from the place just above its current one.
#[hook]
fn use_reach_run(
    props: &ReachPanelProps,
    limits: Result<Option<WeightLimits>, String>,
) -> ReachRun {
    let target = use_state(String::new);
    let outcome = use_state_eq(|| None::<Ptr<Outcome>>);
    let problem = use_state_eq(|| None::<Message>);
    let status = use_state_eq(|| None::<Status>);
    {
        let (target, outcome, problem) = (target.clone(), outcome.clone(), problem.clone());
        let rank = props.selected.map(|u| props.ranking.rank[u]);
        use_effect_with(props.selected, move |_| {
            target.set(rank.map_or(String::new(), |r| r.saturating_sub(1).max(1).to_string()));
            outcome.set(None);
            problem.set(None);
        });
    }
    let on_target = {
        let target = target.clone();
        Callback::from(move |text: String| target.set(text))
    };
    let on_compute = {
        let (panel, target, outcome) = (props.clone(), target.clone(), outcome.clone());
        let (problem, status) = (problem.clone(), status.clone());
        Callback::from(move |()| {
            let Some(u) = panel.selected else { return };
            let ranked = panel.ranking.rank.iter().filter(|&&r| r > 0).count() as u32;
            let Ok(limits) = limits.clone() else {
                problem.set(Some(Message::new(Key::ReachLimitsFix, &[])));
                return;
            };
            match parse_target(&target, ranked) {
                Ok(k) => {
                    problem.set(None);
                    compute(&panel, u, k, limits, status.clone(), outcome.clone());
                }
                Err(message) => problem.set(Some(message)),
            }
        })
    };
    ReachRun {
        target,
        outcome,
        problem,
        status,
        on_target,
        on_compute,
    }
}

#[component]
pub fn ReachPanel(props: &ReachPanelProps) -> Html {
    let s = props;
    let lang = s.lang;
    let n_ranked = s.ranking.rank.iter().filter(|&&r| r > 0).count() as u32;
    let limits_form = use_state_eq(LimitsForm::default);
    let limits = limits_form.parse(s.system.n_dimensions(), lang);
    let ReachRun {
        target,
        outcome,
        problem,
        status: reach_status,
        on_target,
        on_compute,
    } = use_reach_run(s, limits.clone());
    let bounds_source = use_bounds_source(s);
    let on_county = use_callback(props.dispatch.clone(), |u: Option<usize>, d| {
        d.emit(Action::Select(u))
    });
    let on_apply = use_callback(props.dispatch.clone(), |sc: Scenario, d| {
        d.emit(Action::SetScenario(sc))
    });

    let county = html! {
        <ReachCounty data={s.data.clone()} order={s.baseline.clone()} {lang}
            selected={s.selected} on_change={on_county} />
    };
    let Some(u) = s.selected else {
        return html! {
            <section class="analysis-card reach" id="reach" aria-labelledby="reach-h">
                <h3 id="reach-h">{ t(lang, Key::ReachHeading) }</h3>
                { county }
                <p class="empty">{ t(lang, Key::ReachPickFirst) }</p>
            </section>
        };
    };
    let rank = s.ranking.rank[u];

    // Best and worst rank: precomputed, or computed on demand for this unit, scenario and limits.
    let valid_limits = limits.clone().ok().flatten();
    let (bounds, bounds_error) = bounds_source.lookup(u, &s.scenario, valid_limits);
    let on_witness = {
        let (panel, d, problem) = (props.clone(), props.dispatch.clone(), problem.clone());
        let b = bounds.as_ref().map(|(b, _)| b.clone());
        Callback::from(move |best: bool| {
            let Some(b) = &b else { return };
            match witness_scenario(&panel, u, b, best) {
                Some(sc) => d.emit(Action::SetScenario(sc)),
                None => problem.set(Some(Message::new(Key::ReachNotReproduced, &[]))),
            }
        })
    };

    let result = outcome.as_ref().filter(|o| o.0.unit == u).map(|o| {
        let applied = o.0.apply.as_ref().is_some_and(|(sc, _)| *sc == s.scenario);
        let stale = !applied
            && (o.0.scenario != s.scenario
                || !Rc::ptr_eq(&o.0.data, &s.data.0)
                || limits.as_ref().ok() != Some(&o.0.limits));
        html! {
            <ReachResult outcome={o.clone()} system={s.system.clone()} {lang} {rank} {applied} {stale}
                on_apply={on_apply.clone()} />
        }
    });

    html! {
        <section class="analysis-card reach" id="reach" aria-labelledby="reach-h">
            <h3 id="reach-h">{ t(lang, Key::ReachHeading) }</h3>
            { county }
            { county_line(&s.data.units[u], lang, rank, n_ranked) }
            { estimate_note(lang, s.unit_estimates.get(u).copied().unwrap_or(false)) }
            <LimitsFieldset {lang} form={(*limits_form).clone()} problem={limits.clone().err()}
                on_change={Callback::from(move |f: LimitsForm| limits_form.set(f))} />
            <ReachForm {lang} {n_ranked} target={(*target).clone()} {on_target} {on_compute} />
            if let Some(p) = &*problem { <p class="problem bad-input" role="alert">{ p.text(lang) }</p> }
            { tools::status_view(reach_status.as_ref(), lang) }
            { for result }
            <BoundsSection {bounds} error={bounds_error} system={s.system.clone()} {lang}
                limits={limits.clone()} status={(*bounds_source.status).clone()}
                on_compute={bounds_source.compute(s, u, valid_limits)} {on_witness} />
        </section>
    }
}

/// The county's name, prefecture and current rank.
fn county_line(unit: &Unit, lang: Lang, rank: u32, n_ranked: u32) -> Html {
    html! {
        <p>
            <strong translate="no">{ unit.name(lang) }</strong>{ " " }
            <span class="muted" translate="no">{ prefecture_name(lang, &unit.prefecture_zh) }</span>{ " · " }
            { if rank > 0 {
                tf(lang, Key::ReachCurrentRank, &[&place(lang, rank), &n_ranked.to_string()])
            } else {
                t(lang, Key::ReachNotRanked).to_string()
            } }
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct ReachCountyProps {
    data: Ptr<Dataset>,
    /// The default ranking, which fixes the order of the options.
    order: Ptr<Ranking>,
    lang: Lang,
    selected: Option<usize>,
    on_change: Callback<Option<usize>>,
}

/// The county box of the panel.
#[component]
fn ReachCounty(props: &ReachCountyProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="field">
            <label for="reach-county">{ t(lang, Key::ColCounty) }</label>
            <CountySelect id="reach-county" data={props.data.clone()} order={props.order.clone()}
                {lang} selected={props.selected} on_change={props.on_change.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LimitsFieldsetProps {
    lang: Lang,
    form: LimitsForm,
    /// Why the typed limits are no limits, if they are not.
    problem: Option<String>,
    on_change: Callback<LimitsForm>,
}

/// The range of each dimension's share of the weight that reach and bounds keep to, with the box that
/// turns it off (any weighting, as without limits).
#[component]
fn LimitsFieldset(props: &LimitsFieldsetProps) -> Html {
    let (lang, form) = (props.lang, &props.form);
    let edit = |change: fn(&mut LimitsForm, &HtmlInputElement)| {
        let (form, on_change) = (form.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let mut next = form.clone();
            change(&mut next, &e.target_unchecked_into::<HtmlInputElement>());
            on_change.emit(next);
        })
    };
    let on_toggle = edit(|f, input| f.on = input.checked());
    let on_min = edit(|f, input| f.min = input.value());
    let on_max = edit(|f, input| f.max = input.value());
    let note = match (&props.problem, form.on) {
        (Some(p), _) => {
            html! { <p class="problem bad-input" role="alert" data-testid="limits-problem">{ p.clone() }</p> }
        }
        (None, true) => html! {},
        (None, false) => html! { <p class="hint">{ t(lang, Key::ReachLimitsNone) }</p> },
    };
    html! {
        <fieldset class="weight-limits" data-testid="weight-limits">
            <legend>{ t(lang, Key::ReachLimitsLegend) }</legend>
            <label class="check">
                <input type="checkbox" checked={form.on} onchange={on_toggle} data-testid="limits-on" />
                { " " }{ t(lang, Key::ReachLimitsOn) }
            </label>
            if form.on {
                <div class="limits-fields">
                    <div class="field">
                        <label for="limit-min">{ t(lang, Key::ReachLimitsMin) }</label>
                        <input id="limit-min" type="number" min="0" max="100" step="any" inputmode="decimal"
                            value={form.min.clone()} onchange={on_min} data-testid="limit-min" />
                    </div>
                    <div class="field">
                        <label for="limit-max">{ t(lang, Key::ReachLimitsMax) }</label>
                        <input id="limit-max" type="number" min="0" max="100" step="any" inputmode="decimal"
                            value={form.max.clone()} onchange={on_max} data-testid="limit-max" />
                    </div>
                </div>
            }
            { note }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct ReachFormProps {
    lang: Lang,
    /// How many units are ranked: the largest target.
    n_ranked: u32,
    /// The target rank as typed.
    target: String,
    on_target: Callback<String>,
    /// The form was submitted.
    on_compute: Callback<()>,
}

/// The target rank box and the Compute button.
#[component]
fn ReachForm(props: &ReachFormProps) -> Html {
    let lang = props.lang;
    let oninput = props
        .on_target
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onsubmit = props
        .on_compute
        .reform(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="run-form" {onsubmit}>
            <div class="field">
                <label for="reach-target">{ t(lang, Key::AdviceTarget) }</label>
                <input id="reach-target" type="number" min="1" max={props.n_ranked.to_string()} step="1" inputmode="numeric"
                    value={props.target.clone()} {oninput} data-testid="reach-target" />
            </div>
            <button type="submit" class="primary" data-testid="reach-compute">{ t(lang, Key::ReachCompute) }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct ReachResultProps {
    outcome: Ptr<Outcome>,
    system: Ptr<IndicatorSystem>,
    lang: Lang,
    /// The unit's rank now.
    rank: u32,
    /// The page's scenario is the one Apply sets.
    applied: bool,
    /// The scenario or data changed since the outcome was computed (and it was not by Apply).
    stale: bool,
    on_apply: Callback<Scenario>,
}

/// What the Compute button found: the weight reach and the indicator reach.
#[component]
fn ReachResult(props: &ReachResultProps) -> Html {
    let (o, lang) = (&props.outcome.0, props.lang);
    let indicators_html = match &o.indicators {
        Err(e) => html! { <p class="problem" role="alert">{ e.message(lang) }</p> },
        Ok(rows) => indicator_list(&props.system.0, &o.data, rows, o.target, lang),
    };
    html! {
        <div class="reach-result" data-testid="reach-result">
            if props.stale {
                <p class="stale" role="status">{ t(lang, Key::ReachStale) }</p>
            }
            <h4>{ tf(lang, Key::ReachWeightsHeading, &[&o.target.to_string()]) }</h4>
            { weight_reach_html(props) }
            <h4>{ t(lang, Key::ReachOneIndicatorHeading) }</h4>
            { indicators_html }
        </div>
    }
}

/// The weight reach: the new weights against the current ones with the Apply button, or why none.
fn weight_reach_html(props: &ReachResultProps) -> Html {
    let (o, system, lang, rank) = (&props.outcome.0, &props.system.0, props.lang, props.rank);
    let (weights, change) = match &o.weight {
        Err(e) => return html! { <p class="problem" role="alert">{ e.clone() }</p> },
        Ok(WeightReach::Reachable {
            weights, change, ..
        }) => (weights, change),
        Ok(w) => {
            return html! { <p data-testid="weight-reach">{ w.sentence(system, o.target, lang) }</p> }
        }
    };
    let apply = o
        .apply
        .clone()
        .map(|(sc, r)| (props.on_apply.reform(move |_: MouseEvent| sc.clone()), r));
    html! {
        <div data-testid="weight-reach" data-rank={apply.as_ref().map(|(_, r)| r.to_string())}>
            <p>{ match &apply {
                Some((_, r)) => tf(lang, Key::ReachWeightsFound, &[&place(lang, *r), &format!("{:.1}", change * 100.0)]),
                None => o.weight.as_ref().map(|w| w.sentence(system, o.target, lang)).unwrap_or_default(),
            } }</p>
            <table class="reach-weights">
                <thead><tr>
                    <th scope="col">{ t(lang, Key::ReachColDimension) }</th>
                    <th scope="col" class="num">{ t(lang, Key::ReachColCurrent) }</th>
                    <th scope="col" class="num">{ t(lang, Key::ReachColNew) }</th>
                    <th scope="col" class="num">{ t(lang, Key::ReachColChange) }</th>
                </tr></thead>
                <tbody>
                    { for system.dimensions.iter().enumerate().map(|(k, dim)| {
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
            if let Some(l) = o.limits {
                <p class="hint">{ tf(lang, Key::ReachWeightsWithinLimits, &[&percent(l.min), &percent(l.max)]) }</p>
            }
            if let Some((cb, _)) = apply {
                if props.applied {
                    <p role="status" data-testid="reach-applied">{ tf(lang, Key::ReachApplied, &[&place(lang, rank)]) }</p>
                } else if !props.stale {
                    <button type="button" class="primary" onclick={cb} data-testid="reach-apply">
                        { t(lang, Key::PanelApplyWeights) }
                    </button>
                }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct BoundsSectionProps {
    /// The bounds and whether they were precomputed.
    bounds: Option<(RankBounds, bool)>,
    /// Why the on-demand computation failed.
    error: Option<String>,
    system: Ptr<IndicatorSystem>,
    lang: Lang,
    /// The limits the bounds keep to (`None`: any weighting), or why the typed ones are none.
    limits: Result<Option<WeightLimits>, String>,
    /// The on-demand computation's status in the tools module.
    status: Option<Status>,
    on_compute: Callback<()>,
    /// Apply the witness weights of the best (`true`) or worst rank.
    on_witness: Callback<bool>,
}

/// The best and worst possible rank with their witness weights, or the button computing them.
#[component]
fn BoundsSection(props: &BoundsSectionProps) -> Html {
    let lang = props.lang;
    let Ok(limits) = &props.limits else {
        return html! {
            <>
                <h4>{ t(lang, Key::ReachBoundsHeading) }</h4>
                <p class="hint">{ t(lang, Key::ReachLimitsFix) }</p>
            </>
        };
    };
    let within = limits.map(|l| {
        html! {
            <p class="hint" data-testid="bounds-limits">
                { tf(lang, Key::ReachLimitsWithin, &[&percent(l.min), &percent(l.max)]) }
            </p>
        }
    });
    let body = match (&props.bounds, &props.error) {
        (Some((b, pre)), _) => bounds_html(props, b, *pre),
        (None, Some(e)) => html! { <p class="problem" role="alert">{ e.clone() }</p> },
        (None, None) => html! {
            <p>
                { t(lang, if limits.is_some() { Key::ReachLimitsCompute } else { Key::ReachNoPrecomputed }) }
                <button type="button" onclick={props.on_compute.reform(|_: MouseEvent| ())} data-testid="bounds-compute">{ t(lang, Key::ReachComputeNow) }</button>
            </p>
        },
    };
    html! {
        <>
            <h4>{ t(lang, Key::ReachBoundsHeading) }</h4>
            { for within }
            { body }
            { tools::status_view(props.status.as_ref(), lang) }
        </>
    }
}

fn bounds_html(props: &BoundsSectionProps, b: &RankBounds, precomputed: bool) -> Html {
    let (system, lang) = (&props.system.0, props.lang);
    let apply_best = props.on_witness.reform(|_: MouseEvent| true);
    let apply_worst = props.on_witness.reform(|_: MouseEvent| false);
    html! {
        <div class="bounds" data-testid="rank-bounds" data-best={b.best_rank.to_string()} data-worst={b.worst_rank.to_string()}>
            <p>{ match props.limits.clone().ok().flatten() {
                Some(l) => tf(lang, Key::ReachBoundsWithin, &[&place(lang, b.best_rank), &place(lang, b.worst_rank), &percent(l.min), &percent(l.max)]),
                None => tf(lang, Key::ReachBounds, &[&place(lang, b.best_rank), &place(lang, b.worst_rank)]),
            } }</p>
            <div class="witnesses">
                <div>
                    <h5>{ t(lang, Key::ReachBestWeights) }</h5>
                    { weights_list(system, &b.best_weights, lang) }
                    <button type="button" onclick={apply_best} data-testid="bounds-apply-best">{ t(lang, Key::ReachApply) }</button>
                </div>
                <div>
                    <h5>{ t(lang, Key::ReachWorstWeights) }</h5>
                    { weights_list(system, &b.worst_weights, lang) }
                    <button type="button" onclick={apply_worst} data-testid="bounds-apply-worst">{ t(lang, Key::ReachApply) }</button>
                </div>
            </div>
            <p class="hint">{ t(lang, if precomputed { Key::ReachExactPrecomputed } else { Key::ReachExactInBrowser }) }</p>
        </div>
    }
}
