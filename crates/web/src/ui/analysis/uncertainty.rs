//! Rank uncertainty in the page: the Monte Carlo run of `analysis::uncertainty` in chunks, each its own
//! task scheduled with a zero-delay timer and sized from the measured time of the chunks before it, so
//! no task comes near 50 ms; a progress bar and Cancel; results as interval bars and as a table.

use super::chunked::{next_chunk, parse_noise, parse_seed, text_input, Tasks};
use super::{estimate_note, now_ms, Message, Ptr};
use crate::analysis::uncertainty::{
    percent_text, Progress, UncertaintyConfig, UncertaintyResult, UncertaintyRun, MAX_SAMPLES,
};
use crate::chart::intervals::{self, IntervalsInput, RankInterval};
use crate::chart::LazyTable;
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use crate::score::ScoreError;
use crate::state::Action;
use crate::ui::chart_canvas::{ChartCanvas, Height, Painter};
use crate::ui::Dispatch;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Samples in the first chunk, which measures how fast this machine is.
const FIRST_CHUNK: usize = 64;
/// Result rows put into the table per task, so publishing a result is no long task either.
const ROWS_PER_TASK: usize = 24;
/// How many counties the interval chart shows unless the user asks for all.
const CHART_LIMIT: usize = 30;

/// A run in progress: the engine's run and the bookkeeping of its chunks.
struct Job {
    run: UncertaintyRun,
    chunk: usize,
    started: f64,
    compute_ms: f64,
    longest_ms: f64,
    chunks: usize,
    scenario: Scenario,
    data: Rc<Dataset>,
}

/// A finished run, with what it was computed for.
#[derive(Debug)]
struct Outcome {
    result: UncertaintyResult,
    elapsed_ms: f64,
    compute_ms: f64,
    longest_ms: f64,
    chunks: usize,
    scenario: Scenario,
    data: Rc<Dataset>,
}

#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Idle,
    Running(Progress),
    Cancelled(Progress),
    Failed(ScoreError),
}

type JobCell = Rc<RefCell<Option<Job>>>;

#[derive(Clone)]
struct Scheduler {
    job: JobCell,
    tasks: Tasks,
    phase: UseStateSetter<Phase>,
    outcome: UseStateSetter<Option<Ptr<Outcome>>>,
    chart_on: UseStateSetter<bool>,
    rows_shown: UseStateSetter<usize>,
}

impl Scheduler {
    fn schedule(&self) {
        let me = self.clone();
        self.tasks.later(move || me.tick());
    }

    /// Adds the table's rows a task at a time, then draws the chart in a task of its own.
    fn reveal(&self, shown: usize, total: usize) {
        let me = self.clone();
        self.tasks.later(move || {
            if shown >= total {
                me.chart_on.set(true);
            } else {
                let next = (shown + ROWS_PER_TASK).min(total);
                me.rows_shown.set(next);
                me.reveal(next, total);
            }
        });
    }

    /// Runs one chunk and schedules the next, or publishes the result in a task of its own.
    fn tick(&self) {
        let mut slot = self.job.borrow_mut();
        let Some(job) = slot.as_mut() else {
            return;
        };
        let before = job.run.progress().done;
        let t0 = now_ms();
        let progress = job.run.step(job.chunk);
        let dt = now_ms() - t0;
        job.compute_ms += dt;
        job.longest_ms = job.longest_ms.max(dt);
        job.chunks += 1;
        let done = (progress.done - before).max(1);
        job.chunk = next_chunk(job.chunk, done, dt, 16);
        if !progress.is_finished() {
            drop(slot);
            self.phase.set(Phase::Running(progress));
            self.schedule();
            return;
        }
        let job = slot.take().expect("the job is present");
        drop(slot);
        let outcome = Outcome {
            result: job.run.finish(),
            elapsed_ms: now_ms() - job.started,
            compute_ms: job.compute_ms,
            longest_ms: job.longest_ms,
            chunks: job.chunks,
            scenario: job.scenario,
            data: job.data,
        };
        let me = self.clone();
        let cell = RefCell::new(Some(outcome));
        self.tasks.later(move || {
            if let Some(o) = cell.borrow_mut().take() {
                let n = o.result.rows.len();
                me.rows_shown.set(ROWS_PER_TASK.min(n));
                me.outcome.set(Some(Ptr(Rc::new(o))));
                me.phase.set(Phase::Idle);
                me.reveal(ROWS_PER_TASK, n);
            }
        });
    }
}

/// Reads the form; every problem is listed.
fn parse_config(
    samples: &str,
    noise: &str,
    seed: &str,
    vary: bool,
) -> Result<UncertaintyConfig, Vec<Message>> {
    let mut problems = Vec::new();
    let samples = match samples.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_SAMPLES).contains(&n) => n,
        _ => {
            problems.push(Message::new(
                Key::UncSamplesRange,
                &[&MAX_SAMPLES.to_string()],
            ));
            0
        }
    };
    let noise = parse_noise(noise, &mut problems);
    let seed = parse_seed(seed, &mut problems);
    if problems.is_empty() {
        Ok(UncertaintyConfig {
            samples,
            noise,
            seed,
            vary_methods: vary,
        })
    } else {
        Err(problems)
    }
}

/// The run as the panel sees it: its phase, the last finished outcome, how much of that is revealed,
/// and the scheduler that starts and cancels runs.
#[derive(Clone)]
struct RunHandle {
    phase: UseStateHandle<Phase>,
    outcome: UseStateHandle<Option<Ptr<Outcome>>>,
    chart_on: UseStateHandle<bool>,
    rows_shown: UseStateHandle<usize>,
    scheduler: Scheduler,
}

impl RunHandle {
    fn running(&self) -> bool {
        matches!(*self.phase, Phase::Running(_))
    }

    /// Starts a run of `config` on the page's current method and data, in chunks from the next task on.
    fn start(
        &self,
        system: &IndicatorSystem,
        data: &Rc<Dataset>,
        scenario: &Scenario,
        config: UncertaintyConfig,
    ) {
        let scheduler = &self.scheduler;
        let started = now_ms();
        match UncertaintyRun::new(system, data, scenario, config) {
            Ok(run) => {
                let total = run.progress();
                *scheduler.job.borrow_mut() = Some(Job {
                    run,
                    chunk: FIRST_CHUNK,
                    started,
                    compute_ms: 0.0,
                    longest_ms: 0.0,
                    chunks: 0,
                    scenario: scenario.clone(),
                    data: data.clone(),
                });
                scheduler.phase.set(Phase::Running(total));
                scheduler.chart_on.set(false);
                scheduler.schedule();
            }
            Err(e) => scheduler.phase.set(Phase::Failed(e)),
        }
    }

    /// Drops the run in progress, if any; the chunk already scheduled then finds no job and stops.
    fn cancel(&self) {
        if let Some(j) = self.scheduler.job.borrow_mut().take() {
            self.phase.set(Phase::Cancelled(j.run.progress()));
        }
    }
}

/// The chunked Monte Carlo run of one panel; leaving the page drops a run in progress.
#[hook]
fn use_uncertainty_run() -> RunHandle {
    let phase = use_state_eq(|| Phase::Idle);
    let outcome = use_state_eq(|| None::<Ptr<Outcome>>);
    let chart_on = use_state_eq(|| false);
    let rows_shown = use_state_eq(|| 0usize);
    let job: JobCell = use_mut_ref(|| None);
    let tasks = (*use_mut_ref(Tasks::default)).borrow().clone();
    {
        let (job, tasks) = (job.clone(), tasks.clone());
        use_effect_with((), move |_| {
            move || {
                job.borrow_mut().take();
                tasks.clear();
            }
        });
    }
    let scheduler = Scheduler {
        job,
        tasks,
        phase: phase.setter(),
        outcome: outcome.setter(),
        chart_on: chart_on.setter(),
        rows_shown: rows_shown.setter(),
    };
    RunHandle {
        phase,
        outcome,
        chart_on,
        rows_shown,
        scheduler,
    }
}

#[derive(Properties, PartialEq)]
pub struct UncertaintyPanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    /// The method a run samples around.
    pub scenario: Scenario,
    /// Per unit: whether any of its values is an estimate.
    pub unit_estimates: Ptr<Vec<bool>>,
    pub selected: Option<usize>,
    pub dispatch: Dispatch,
}

#[component]
pub fn UncertaintyPanel(props: &UncertaintyPanelProps) -> Html {
    let s = props;
    let lang = s.lang;
    let run = use_uncertainty_run();
    let show_all = use_state_eq(|| false);
    let on_select = use_callback(props.dispatch.clone(), |u: usize, d| {
        d.emit(Action::Select(Some(u)))
    });
    let on_show_all = {
        let show_all = show_all.setter();
        use_callback((), move |all: bool, _| show_all.set(all))
    };
    let on_run = {
        let (system, data, scenario) = (s.system.clone(), s.data.clone(), s.scenario.clone());
        let run = run.clone();
        Callback::from(move |config: UncertaintyConfig| {
            run.start(&system, &data.0, &scenario, config)
        })
    };
    let on_cancel = {
        let run = run.clone();
        Callback::from(move |()| run.cancel())
    };
    let running = run.running();

    // While a run is going the previous result is not rebuilt on every progress update: it is hidden.
    let result_html = run.outcome.as_ref().filter(|_| !running).map(|o| {
        let stale = o.0.scenario != s.scenario || !Rc::ptr_eq(&o.0.data, &s.data.0);
        let any_estimate =
            o.0.result
                .rows
                .iter()
                .any(|r| s.unit_estimates.get(r.unit).copied().unwrap_or(false));
        html! {
            <RunResult outcome={o.clone()} selected={s.selected} {lang} {stale} {any_estimate}
                chart_on={*run.chart_on} rows_shown={*run.rows_shown} show_all={*show_all}
                on_show_all={on_show_all.clone()} on_select={on_select.clone()} />
        }
    });

    html! {
        <section class="analysis-card uncertainty" aria-labelledby="unc-h">
            <h3 id="unc-h">{ t(lang, Key::UncHeading) }</h3>
            <p class="help">{ t(lang, Key::UncHelp) }</p>
            <RunForm {lang} {running} {on_run} {on_cancel} />
            { progress_line(&run.phase, lang) }
            // One child whether or not there is a result: a child list that grows would shift the
            // form's place and remount it, which reset the typed settings after every run.
            { result_html.unwrap_or_default() }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RunFormProps {
    lang: Lang,
    running: bool,
    /// A configuration that passed every check, to run.
    on_run: Callback<UncertaintyConfig>,
    on_cancel: Callback<()>,
}

/// The run's settings, Run and Cancel, and the list of problems when the settings do not parse.
#[component]
fn RunForm(props: &RunFormProps) -> Html {
    let RunFormProps { lang, running, .. } = *props;
    let defaults = UncertaintyConfig::default();
    let samples = use_state(|| defaults.samples.to_string());
    let noise = use_state(|| defaults.noise.to_string());
    let seed = use_state(|| defaults.seed.to_string());
    let vary = use_state(|| defaults.vary_methods);
    let problems = use_state(Vec::<Message>::new);

    let on_run = {
        let (samples, noise, seed, vary, problems) = (
            samples.clone(),
            noise.clone(),
            seed.clone(),
            vary.clone(),
            problems.clone(),
        );
        let on_run = props.on_run.clone();
        Callback::from(
            move |_: MouseEvent| match parse_config(&samples, &noise, &seed, *vary) {
                Ok(config) => {
                    problems.set(Vec::new());
                    on_run.emit(config);
                }
                Err(p) => problems.set(p),
            },
        )
    };
    let on_vary = {
        let vary = vary.clone();
        Callback::from(move |e: Event| {
            vary.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };

    html! {
        <>
            <div class="run-form">
                <div class="field">
                    <label for="unc-samples">{ t(lang, Key::UncSamples) }</label>
                    <input id="unc-samples" type="number" min="1" max={MAX_SAMPLES.to_string()} step="1" inputmode="numeric"
                        value={(*samples).clone()} oninput={text_input(&samples)} disabled={running} />
                </div>
                <div class="field">
                    <label for="unc-noise">{ t(lang, Key::UncNoise) }</label>
                    <input id="unc-noise" type="number" min="0" max="0.99" step="0.05" inputmode="decimal"
                        value={(*noise).clone()} oninput={text_input(&noise)} disabled={running} />
                </div>
                <div class="field">
                    <label for="unc-seed">{ t(lang, Key::UncSeed) }</label>
                    <input id="unc-seed" type="text" inputmode="numeric" autocomplete="off"
                        value={(*seed).clone()} oninput={text_input(&seed)} disabled={running} />
                </div>
                <div class="field check">
                    <input id="unc-vary" type="checkbox" checked={*vary} onchange={on_vary} disabled={running} />
                    <label for="unc-vary">{ t(lang, Key::UncVary) }</label>
                </div>
                <div class="buttons">
                    <button type="button" class="primary" onclick={on_run} disabled={running} data-testid="uncertainty-run">
                        { t(lang, Key::UncRun) }
                    </button>
                    <button type="button" onclick={props.on_cancel.reform(|_: MouseEvent| ())} disabled={!running} data-testid="uncertainty-cancel">
                        { t(lang, Key::UncCancel) }
                    </button>
                </div>
            </div>
            if !problems.is_empty() {
                <div class="problem bad-input" role="alert">
                    <p>{ t(lang, Key::UncCannotRun) }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p.text(lang) }</li> }) }</ul>
                </div>
            }
        </>
    }
}

/// The progress bar of a run in progress, the note of a cancelled one, or why a run could not start.
fn progress_line(phase: &Phase, lang: Lang) -> Html {
    match phase {
        Phase::Running(p) => html! {
            <div class="run-progress">
                <label for="unc-progress">{ t(lang, Key::UncProgress) }</label>
                <progress id="unc-progress" data-testid="uncertainty-progress" max={p.total.to_string()} value={p.done.to_string()}>
                    { format!("{:.0}%", p.fraction() * 100.0) }
                </progress>
                <span class="num" aria-live="polite">{ format!("{} / {}", p.done, p.total) }</span>
            </div>
        },
        Phase::Cancelled(p) => html! {
            <p class="run-status" role="status" data-testid="uncertainty-cancelled">{ tf(lang, Key::UncCancelled, &[&p.done.to_string(), &p.total.to_string()]) }</p>
        },
        Phase::Failed(e) => html! { <p class="problem" role="alert">{ e.message(lang) }</p> },
        Phase::Idle => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct RunResultProps {
    outcome: Ptr<Outcome>,
    selected: Option<usize>,
    lang: Lang,
    /// The page's method or data have changed since the run.
    stale: bool,
    any_estimate: bool,
    /// The chart is drawn once every table row is in.
    chart_on: bool,
    rows_shown: usize,
    show_all: bool,
    on_show_all: Callback<bool>,
    on_select: Callback<usize>,
}

/// A finished run: what it was, the selected county's sentence, the interval chart and the table.
#[component]
fn RunResult(props: &RunResultProps) -> Html {
    let RunResultProps {
        selected,
        lang,
        stale,
        any_estimate,
        chart_on,
        rows_shown,
        show_all,
        ..
    } = *props;
    let o = &props.outcome.0;
    let chart = use_memo(
        (props.outcome.clone(), selected, show_all, lang),
        |(o, selected, all, lang)| interval_chart(&o.0, *selected, *all, *lang),
    );
    let on_show = props
        .on_show_all
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value() == "all");
    let c = &o.result.config;
    html! {
        <div class="uncertainty-result" data-testid="uncertainty-result"
            data-elapsed-ms={format!("{:.1}", o.elapsed_ms)} data-compute-ms={format!("{:.1}", o.compute_ms)}
            data-longest-chunk-ms={format!("{:.1}", o.longest_ms)} data-chunks={o.chunks.to_string()}
            data-samples={o.result.samples.to_string()} data-seed={c.seed.to_string()}
            data-rows={o.result.rows.len().to_string()}>
            <p class="run-status" role="status">{ tf(
                lang,
                if c.vary_methods { Key::UncRunDoneVaried } else { Key::UncRunDone },
                &[&o.result.samples.to_string(), &c.noise.to_string(), &c.seed.to_string(),
                    &format!("{:.0}", o.elapsed_ms), &o.chunks.to_string()],
            ) }</p>
            if stale {
                <p class="stale" role="status">{ t(lang, Key::UncStale) }</p>
            }
            { estimate_note(lang, any_estimate) }
            if let Some(sentence) = selected.and_then(|u| o.result.unit_sentence(&o.data, u, lang)) {
                <p class="unc-sentence" data-testid="uncertainty-sentence">{ sentence }</p>
            }
            <div class="field">
                <label for="unc-show">{ t(lang, Key::UncShowInChart) }</label>
                <select id="unc-show" onchange={on_show}>
                    <option value="top" selected={!show_all}>{ tf(lang, Key::UncTopN, &[&CHART_LIMIT.to_string()]) }</option>
                    <option value="all" selected={show_all}>{ t(lang, Key::UncAllCounties) }</option>
                </select>
            </div>
            if let Some((painter, table, height)) = chart_on.then(|| (*chart).clone()) {
                <figure class="chart-figure chart-intervals">
                    <ChartCanvas {painter} table={Ptr(table)} {lang} {height}
                        on_select={props.on_select.clone()} png_name={AttrValue::from("rank-uncertainty")} />
                </figure>
            }
            { result_table(&o.result, rows_shown, &o.data, lang, selected, &props.on_select) }
        </div>
    }
}

/// The interval chart of an outcome (the top `CHART_LIMIT` unless `all`) with its table twin and height.
fn interval_chart(
    o: &Outcome,
    selected: Option<usize>,
    all: bool,
    lang: Lang,
) -> (Painter, Rc<LazyTable>, Height) {
    let rows: Vec<RankInterval> = o
        .result
        .rows
        .iter()
        .map(|r| RankInterval {
            unit: r.unit,
            nominal: r.nominal_rank,
            median: r.median_rank,
            p05: r.p05,
            p95: r.p95,
            unsettled_above: r.unsettled_above(),
            unsettled_below: r.unsettled_below(),
        })
        .collect();
    let data = o.data.clone();
    let limit = (!all).then_some(CHART_LIMIT);
    let shown = limit.unwrap_or(rows.len()).min(rows.len()).max(1);
    let rows = Rc::new(rows);
    let table = Rc::new(LazyTable::ready(intervals::table(
        &IntervalsInput {
            data: &data,
            intervals: &rows,
            limit,
            selected,
        },
        lang,
    )));
    let painter = Painter::new(move |area, style| {
        let input = IntervalsInput {
            data: &data,
            intervals: &rows,
            limit,
            selected,
        };
        intervals::draw(area, &input, style)
    });
    (painter, table, Height::Fixed(110 + 16 * shown as u32))
}

/// Every county's nominal, median and quantile ranks, the share of samples in which it stays ahead of the
/// next, and the mark for an order that is not settled.
fn result_table(
    result: &UncertaintyResult,
    shown: usize,
    data: &Dataset,
    lang: Lang,
    selected_unit: Option<usize>,
    on_select: &Callback<usize>,
) -> Html {
    html! {
        <div class="table-scroll tall" role="region" tabindex="0"
            aria-label={t(lang, Key::UncTableLabel)}>
            <table class="unc-table" data-testid="uncertainty-table">
                <caption class="sr-only">{ t(lang, Key::UncTableCaption) }</caption>
                <thead><tr>
                    <th scope="col" class="num">{ t(lang, Key::UncColNominal) }</th>
                    <th scope="col">{ t(lang, Key::ColCounty) }</th>
                    <th scope="col" class="num">{ t(lang, Key::UncColMedian) }</th>
                    <th scope="col" class="num">{ "5%" }</th>
                    <th scope="col" class="num">{ "95%" }</th>
                    <th scope="col" class="num">{ t(lang, Key::UncColAheadNext) }</th>
                    <th scope="col">{ t(lang, Key::UncColNeighbours) }</th>
                </tr></thead>
                <tbody>
                    { for result.rows.iter().take(shown).map(|r| {
                        let unit = data.units.get(r.unit);
                        let name = unit.map_or_else(|| r.adcode.clone(), |u| u.name(lang).to_string());
                        let selected = selected_unit == Some(r.unit);
                        let onclick = {
                            let u = r.unit;
                            on_select.reform(move |_: MouseEvent| u)
                        };
                        html! {
                            <tr data-testid="uncertainty-row" data-adcode={r.adcode.clone()}
                                class={classes!(r.order_unsettled().then_some("unsettled"), selected.then_some("selected"))}>
                                <td class="num" data-col="nominal">{ r.nominal_rank }</td>
                                <th scope="row"><button type="button" class="link-button" {onclick} translate="no">{ name }</button></th>
                                <td class="num" data-col="median">{ r.median_rank }</td>
                                <td class="num" data-col="p05">{ r.p05 }</td>
                                <td class="num" data-col="p95">{ r.p95 }</td>
                                <td class="num" data-col="above-next">{ r.above_next.map_or_else(String::new, percent_text) }</td>
                                <td data-col="separation">
                                    if r.order_unsettled() {
                                        <span class="unsettled-mark"><span aria-hidden="true">{ "≈ " }</span>{ intervals::order_label(r.unsettled_above(), r.unsettled_below(), lang) }</span>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
