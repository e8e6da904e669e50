//! Sobol sensitivity in the page: the model runs of `analysis::sensitivity` and then its bootstrap, both
//! in chunks, each its own task scheduled with a zero-delay timer and sized from the measured time of the
//! chunks before it (as the rank uncertainty panel does); a progress bar and Cancel; results as the
//! sentence naming the input that drives the ranking, index charts and tables for both outputs.

use super::chunked::{next_chunk, parse_noise, parse_seed, text_input, Tasks};
use super::pickers::CountySelect;
use super::{estimate_note, now_ms, Message, Ptr};
use crate::analysis::sensitivity::{
    SensitivityBootstrap, SensitivityConfig, SensitivityResult, SensitivityRun, MAX_BASE_SAMPLES,
};
use crate::analysis::sobol::{Estimate, OutputIndices};
use crate::analysis::uncertainty::Progress;
use crate::chart::sobol::{
    self, index_text, interval_text, IndexEstimate, InputIndices, SobolInput,
};
use crate::chart::LazyTable;
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use crate::score::{Ranking, ScoreError};
use crate::ui::chart_canvas::{ChartCanvas, Height, Painter};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Model runs in the first chunk, which measures how fast this machine is.
const FIRST_RUNS: usize = 64;
/// Bootstrap resamples in the first bootstrap chunk; one resample costs about N(d + 2) sums.
const FIRST_RESAMPLES: usize = 1;

/// The stage a run is in: model runs, then the bootstrap of the finished runs (each boxed, as both are large).
enum Stage {
    Runs(Box<SensitivityRun>),
    Bootstrap(Box<SensitivityBootstrap>),
}

impl Stage {
    fn progress(&self) -> Progress {
        match self {
            Stage::Runs(r) => r.progress(),
            Stage::Bootstrap(b) => b.progress(),
        }
    }
}

/// A run in progress: its stage and the bookkeeping of its chunks.
struct Job {
    stage: Stage,
    chunk: usize,
    started: f64,
    compute_ms: f64,
    /// The longest model-run chunk, and the longest bootstrap task (its preparation included).
    longest_runs_ms: f64,
    longest_bootstrap_ms: f64,
    chunks: usize,
    scenario: Scenario,
    data: Rc<Dataset>,
}

impl Job {
    fn record_runs(&mut self, ms: f64) {
        self.compute_ms += ms;
        self.longest_runs_ms = self.longest_runs_ms.max(ms);
        self.chunks += 1;
    }

    fn record_bootstrap(&mut self, ms: f64) {
        self.compute_ms += ms;
        self.longest_bootstrap_ms = self.longest_bootstrap_ms.max(ms);
        self.chunks += 1;
    }
}

/// A finished run, with what it was computed for.
#[derive(Debug)]
struct Outcome {
    result: SensitivityResult,
    elapsed_ms: f64,
    compute_ms: f64,
    longest_runs_ms: f64,
    longest_bootstrap_ms: f64,
    chunks: usize,
    scenario: Scenario,
    data: Rc<Dataset>,
}

#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Idle,
    Running(Progress),
    Bootstrapping(Progress),
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
}

impl Scheduler {
    fn schedule(&self) {
        let me = self.clone();
        self.tasks.later(move || me.tick());
    }

    /// Runs one chunk of the current stage and schedules the next, moves from the runs to the
    /// bootstrap, or publishes the result in a task of its own and draws the charts in the one after.
    fn tick(&self) {
        let mut slot = self.job.borrow_mut();
        let Some(job) = slot.as_mut() else {
            return;
        };
        // Finished runs become the bootstrap in a task of their own: gathering the outputs and the
        // point estimates is a pass over every run.
        if let Stage::Runs(run) = &job.stage {
            if run.progress().is_finished() {
                let t0 = now_ms();
                let bootstrap = run.bootstrap().expect("every run made");
                job.record_bootstrap(now_ms() - t0);
                let progress = bootstrap.progress();
                job.stage = Stage::Bootstrap(Box::new(bootstrap));
                job.chunk = FIRST_RESAMPLES;
                drop(slot);
                self.phase.set(Phase::Bootstrapping(progress));
                self.schedule();
                return;
            }
        }
        let before = job.stage.progress().done;
        let t0 = now_ms();
        let progress = match &mut job.stage {
            Stage::Runs(r) => r.step(job.chunk),
            Stage::Bootstrap(b) => b.step(job.chunk),
        };
        let dt = now_ms() - t0;
        match job.stage {
            Stage::Runs(_) => job.record_runs(dt),
            Stage::Bootstrap(_) => job.record_bootstrap(dt),
        }
        let done = (progress.done - before).max(1);
        job.chunk = next_chunk(job.chunk, done, dt, 1);
        if let Stage::Runs(_) = job.stage {
            drop(slot);
            self.phase.set(Phase::Running(progress));
            self.schedule();
            return;
        }
        if !progress.is_finished() {
            drop(slot);
            self.phase.set(Phase::Bootstrapping(progress));
            self.schedule();
            return;
        }
        let job = slot.take().expect("the job is present");
        drop(slot);
        let Stage::Bootstrap(bootstrap) = job.stage else {
            unreachable!("a finished job is in its bootstrap")
        };
        let t0 = now_ms();
        let result = bootstrap.finish().expect("every resample drawn");
        let dt = now_ms() - t0;
        let outcome = Outcome {
            result,
            elapsed_ms: now_ms() - job.started,
            compute_ms: job.compute_ms + dt,
            longest_runs_ms: job.longest_runs_ms,
            longest_bootstrap_ms: job.longest_bootstrap_ms.max(dt),
            chunks: job.chunks,
            scenario: job.scenario,
            data: job.data,
        };
        let me = self.clone();
        let cell = RefCell::new(Some(outcome));
        self.tasks.later(move || {
            if let Some(o) = cell.borrow_mut().take() {
                me.outcome.set(Some(Ptr(Rc::new(o))));
                me.phase.set(Phase::Idle);
                let me2 = me.clone();
                me.tasks.later(move || me2.chart_on.set(true));
            }
        });
    }
}

/// Reads the form; every problem is listed.
fn parse_config(samples: &str, noise: &str, seed: &str) -> Result<SensitivityConfig, Vec<Message>> {
    let mut problems = Vec::new();
    let base_samples = match samples.trim().parse::<usize>() {
        Ok(n) if (2..=MAX_BASE_SAMPLES).contains(&n) => n,
        _ => {
            problems.push(Message::new(
                Key::SobSamplesRange,
                &[&MAX_BASE_SAMPLES.to_string()],
            ));
            0
        }
    };
    let noise = parse_noise(noise, &mut problems);
    let seed = parse_seed(seed, &mut problems);
    if problems.is_empty() {
        Ok(SensitivityConfig {
            base_samples,
            noise,
            seed,
        })
    } else {
        Err(problems)
    }
}

/// The run as the panel sees it: its phase, the last finished outcome, whether its charts are drawn
/// yet, and the scheduler that starts and cancels runs.
#[derive(Clone)]
struct RunHandle {
    phase: UseStateHandle<Phase>,
    outcome: UseStateHandle<Option<Ptr<Outcome>>>,
    chart_on: UseStateHandle<bool>,
    scheduler: Scheduler,
}

impl RunHandle {
    fn running(&self) -> bool {
        matches!(*self.phase, Phase::Running(_) | Phase::Bootstrapping(_))
    }

    /// Starts a run on the page's current method and data, in chunks from the next task on.
    fn start(
        &self,
        system: &IndicatorSystem,
        data: &Rc<Dataset>,
        scenario: &Scenario,
        config: SensitivityConfig,
        county: Option<usize>,
    ) {
        let scheduler = &self.scheduler;
        let started = now_ms();
        match SensitivityRun::new(system, data, scenario, config, county) {
            Ok(run) => {
                let total = run.progress();
                *scheduler.job.borrow_mut() = Some(Job {
                    stage: Stage::Runs(Box::new(run)),
                    chunk: FIRST_RUNS,
                    started,
                    compute_ms: 0.0,
                    longest_runs_ms: 0.0,
                    longest_bootstrap_ms: 0.0,
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
            self.phase.set(Phase::Cancelled(j.stage.progress()));
        }
    }
}

/// The chunked Sobol run of one panel; leaving the page drops a run in progress.
#[hook]
fn use_sensitivity_run() -> RunHandle {
    let phase = use_state_eq(|| Phase::Idle);
    let outcome = use_state_eq(|| None::<Ptr<Outcome>>);
    let chart_on = use_state_eq(|| false);
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
    };
    RunHandle {
        phase,
        outcome,
        chart_on,
        scheduler,
    }
}

#[derive(Properties, PartialEq)]
pub struct SensitivityPanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    /// The method a run samples around.
    pub scenario: Scenario,
    /// The default ranking, which orders the county picker.
    pub baseline: Ptr<Ranking>,
    /// Per unit: whether any of its values is an estimate.
    pub unit_estimates: Ptr<Vec<bool>>,
    /// The page's selected county, which the county picker follows until the user picks another.
    pub selected: Option<usize>,
}

#[component]
pub fn SensitivityPanel(props: &SensitivityPanelProps) -> Html {
    let s = props;
    let lang = s.lang;
    let run = use_sensitivity_run();
    let county = use_state_eq(|| s.selected);
    {
        let county = county.setter();
        use_effect_with(s.selected, move |selected| county.set(*selected));
    }
    let on_county = {
        let county = county.setter();
        Callback::from(move |u: Option<usize>| county.set(u))
    };
    let on_run = {
        let (system, data, scenario) = (s.system.clone(), s.data.clone(), s.scenario.clone());
        let (run, county) = (run.clone(), *county);
        Callback::from(move |config: SensitivityConfig| {
            run.start(&system, &data.0, &scenario, config, county)
        })
    };
    let on_cancel = {
        let run = run.clone();
        Callback::from(move |()| run.cancel())
    };
    let running = run.running();
    let n_inputs = s.system.0.n_dimensions() + 3;

    // While a run is going the previous result is hidden rather than rebuilt on every progress update.
    let result_html = run.outcome.as_ref().filter(|_| !running).map(|o| {
        let stale = o.0.scenario != s.scenario || !Rc::ptr_eq(&o.0.data, &s.data.0);
        let any_estimate = s.unit_estimates.iter().any(|&e| e);
        html! {
            <RunResult outcome={o.clone()} system={s.system.clone()} {lang} {stale} {any_estimate}
                chart_on={*run.chart_on} />
        }
    });

    html! {
        <section class="analysis-card sensitivity" aria-labelledby="sob-h">
            <h3 id="sob-h">{ t(lang, Key::SobHeading) }</h3>
            <p class="help">{ t(lang, Key::SobHelp) }</p>
            <RunForm {lang} {running} {n_inputs} {on_run} {on_cancel}>
                <div class="field">
                    <label for="sob-county">{ t(lang, Key::SobCounty) }</label>
                    <CountySelect id="sob-county" data={s.data.clone()} order={s.baseline.clone()} {lang}
                        selected={*county} on_change={on_county} />
                </div>
            </RunForm>
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
    /// d, the number of inputs, for the count of runs N(d + 2).
    n_inputs: usize,
    /// A configuration that passed every check, to run.
    on_run: Callback<SensitivityConfig>,
    on_cancel: Callback<()>,
    /// The county picker, placed among the settings.
    children: Html,
}

/// The run's settings, the count of model runs they take, Run and Cancel, and the list of problems
/// when the settings do not parse.
#[component]
fn RunForm(props: &RunFormProps) -> Html {
    let RunFormProps {
        lang,
        running,
        n_inputs,
        ..
    } = *props;
    let defaults = SensitivityConfig::default();
    let samples = use_state(|| defaults.base_samples.to_string());
    let noise = use_state(|| defaults.noise.to_string());
    let seed = use_state(|| defaults.seed.to_string());
    let problems = use_state(Vec::<Message>::new);

    let on_run = {
        let (samples, noise, seed, problems) = (
            samples.clone(),
            noise.clone(),
            seed.clone(),
            problems.clone(),
        );
        let on_run = props.on_run.clone();
        Callback::from(
            move |_: MouseEvent| match parse_config(&samples, &noise, &seed) {
                Ok(config) => {
                    problems.set(Vec::new());
                    on_run.emit(config);
                }
                Err(p) => problems.set(p),
            },
        )
    };
    let runs_note = samples
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (2..=MAX_BASE_SAMPLES).contains(n))
        .map(|n| {
            tf(
                lang,
                Key::SobRunsExplained,
                &[
                    &(n * (n_inputs + 2)).to_string(),
                    &n.to_string(),
                    &n_inputs.to_string(),
                ],
            )
        });

    html! {
        <>
            <div class="run-form">
                <div class="field">
                    <label for="sob-samples">{ t(lang, Key::SobSamples) }</label>
                    <input id="sob-samples" type="number" min="2" max={MAX_BASE_SAMPLES.to_string()} step="1" inputmode="numeric"
                        value={(*samples).clone()} oninput={text_input(&samples)} disabled={running}
                        aria-describedby="sob-runs" />
                </div>
                <div class="field">
                    <label for="sob-noise">{ t(lang, Key::UncNoise) }</label>
                    <input id="sob-noise" type="number" min="0" max="0.99" step="0.05" inputmode="decimal"
                        value={(*noise).clone()} oninput={text_input(&noise)} disabled={running} />
                </div>
                <div class="field">
                    <label for="sob-seed">{ t(lang, Key::UncSeed) }</label>
                    <input id="sob-seed" type="text" inputmode="numeric" autocomplete="off"
                        value={(*seed).clone()} oninput={text_input(&seed)} disabled={running} />
                </div>
                { props.children.clone() }
                <div class="buttons">
                    <button type="button" class="primary" onclick={on_run} disabled={running} data-testid="sensitivity-run">
                        { t(lang, Key::UncRun) }
                    </button>
                    <button type="button" onclick={props.on_cancel.reform(|_: MouseEvent| ())} disabled={!running} data-testid="sensitivity-cancel">
                        { t(lang, Key::UncCancel) }
                    </button>
                </div>
            </div>
            <p class="help" id="sob-runs" data-testid="sensitivity-runs-note">{ runs_note.unwrap_or_default() }</p>
            if !problems.is_empty() {
                <div class="problem bad-input" role="alert">
                    <p>{ t(lang, Key::UncCannotRun) }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p.text(lang) }</li> }) }</ul>
                </div>
            }
        </>
    }
}

/// The progress bar of the runs or the bootstrap, the note of a cancelled run, or why a run could not
/// start.
fn progress_line(phase: &Phase, lang: Lang) -> Html {
    let bar = |label: Key, p: &Progress| {
        html! {
            <div class="run-progress">
                <label for="sob-progress">{ t(lang, label) }</label>
                <progress id="sob-progress" data-testid="sensitivity-progress" max={p.total.to_string()} value={p.done.to_string()}>
                    { format!("{:.0}%", p.fraction() * 100.0) }
                </progress>
                <span class="num" aria-live="polite">{ format!("{} / {}", p.done, p.total) }</span>
            </div>
        }
    };
    match phase {
        Phase::Running(p) => bar(Key::UncProgress, p),
        Phase::Bootstrapping(p) => bar(Key::SobBootstrapping, p),
        Phase::Cancelled(p) => html! {
            <p class="run-status" role="status" data-testid="sensitivity-cancelled">{ tf(lang, Key::SobCancelled, &[&p.done.to_string(), &p.total.to_string()]) }</p>
        },
        Phase::Failed(e) => html! { <p class="problem" role="alert">{ e.message(lang) }</p> },
        Phase::Idle => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct RunResultProps {
    outcome: Ptr<Outcome>,
    system: Ptr<IndicatorSystem>,
    lang: Lang,
    /// The page's method or data have changed since the run.
    stale: bool,
    any_estimate: bool,
    /// The charts are drawn a task after the result is published.
    chart_on: bool,
}

/// One output of a result: its identifier, its name and its indices.
fn outputs<'a>(
    result: &'a SensitivityResult,
    data: &Dataset,
    lang: Lang,
) -> Vec<(&'static str, String, &'a OutputIndices)> {
    let mut v = vec![(
        "mean_rank_shift",
        t(lang, Key::SobOutputShift).to_string(),
        &result.rank_shift,
    )];
    if let Some((u, o)) = &result.county {
        let name = data.units.get(*u).map_or("", |unit| unit.name(lang));
        v.push(("county_rank", tf(lang, Key::SobOutputCounty, &[name]), o));
    }
    v
}

fn chart_estimate(e: &Estimate) -> IndexEstimate {
    IndexEstimate {
        value: e.value,
        low: e.low,
        high: e.high,
    }
}

/// A finished run: what it was, the sentence, and per output a chart and a table of its indices.
#[component]
fn RunResult(props: &RunResultProps) -> Html {
    let RunResultProps {
        lang,
        stale,
        any_estimate,
        chart_on,
        ..
    } = *props;
    let o = &props.outcome.0;
    let r = &o.result;
    let system = &props.system.0;
    let c = &r.config;
    let labels: Vec<String> = r.inputs.iter().map(|i| i.name(system, lang)).collect();
    let county_adcode = r
        .county
        .as_ref()
        .and_then(|(u, _)| o.data.units.get(*u))
        .map(|u| u.adcode.clone());
    html! {
        <div class="sensitivity-result" data-testid="sensitivity-result"
            data-elapsed-ms={format!("{:.1}", o.elapsed_ms)} data-compute-ms={format!("{:.1}", o.compute_ms)}
            data-longest-chunk-ms={format!("{:.1}", o.longest_runs_ms.max(o.longest_bootstrap_ms))}
            data-longest-run-chunk-ms={format!("{:.1}", o.longest_runs_ms)}
            data-longest-bootstrap-chunk-ms={format!("{:.1}", o.longest_bootstrap_ms)}
            data-chunks={o.chunks.to_string()}
            data-base-samples={c.base_samples.to_string()} data-seed={c.seed.to_string()}
            data-noise={c.noise.to_string()} data-runs={r.runs.to_string()}
            data-county={county_adcode.unwrap_or_default()}>
            <p class="sob-sentence" data-testid="sensitivity-sentence"><strong>{ r.sentence(system, lang) }</strong></p>
            <p class="run-status" role="status">{ tf(
                lang,
                Key::SobRunDone,
                &[&c.base_samples.to_string(), &r.runs.to_string(), &c.noise.to_string(), &c.seed.to_string(),
                    &format!("{:.0}", o.elapsed_ms), &o.chunks.to_string()],
            ) }</p>
            if stale {
                <p class="stale" role="status">{ t(lang, Key::UncStale) }</p>
            }
            { estimate_note(lang, any_estimate) }
            { for outputs(r, &o.data, lang).into_iter().map(|(id, name, indices)| {
                let rows: Vec<InputIndices> = labels.iter().enumerate().map(|(i, label)| InputIndices {
                    label: label.clone(),
                    first_order: chart_estimate(&indices.first_order[i]),
                    total_effect: chart_estimate(&indices.total_effect[i]),
                }).collect();
                html! {
                    <div class="sob-output" data-testid="sensitivity-output" data-output={id}>
                        if chart_on {
                            { index_chart(name.clone(), rows, lang) }
                        }
                        { index_table(&name, id, &r.inputs.iter().map(|i| i.id(system)).collect::<Vec<_>>(), indices, &labels, lang) }
                    </div>
                }
            }) }
        </div>
    }
}

/// The index chart of one output on a canvas, with its table twin.
fn index_chart(output: String, rows: Vec<InputIndices>, lang: Lang) -> Html {
    let n = rows.len() as u32;
    let table = sobol::table(
        &SobolInput {
            output: &output,
            rows: &rows,
        },
        lang,
    );
    let painter = Painter::new(move |area, style| {
        sobol::draw(
            area,
            &SobolInput {
                output: &output,
                rows: &rows,
            },
            style,
        )
    });
    html! {
        <figure class="chart-figure chart-sobol">
            <ChartCanvas {painter} table={Ptr(Rc::new(LazyTable::ready(table)))} {lang}
                height={Height::Fixed(150 + 34 * n)} on_select={Callback::noop()}
                png_name={AttrValue::from("sobol-sensitivity")} />
        </figure>
    }
}

/// The numbers of one output for screen readers and for checking: each index rounded to three
/// decimals, its full value in a data attribute.
fn index_table(
    name: &str,
    output_id: &str,
    input_ids: &[String],
    indices: &OutputIndices,
    labels: &[String],
    lang: Lang,
) -> Html {
    let cell = |col: &str, value: f64, text: String| {
        html! { <td class="num" data-col={col.to_string()} data-value={format!("{value:?}")}>{ text }</td> }
    };
    html! {
        <div class="table-scroll" role="region" tabindex="0"
            aria-label={format!("{} · {}", t(lang, Key::SobTableLabel), name)}>
            <table class="sob-table" data-testid="sensitivity-table" data-output={output_id.to_string()}>
                <caption>{ name.to_string() }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, Key::SobColInput) }</th>
                    <th scope="col" class="num">{ t(lang, Key::SobFirstOrder) }</th>
                    <th scope="col" class="num">{ t(lang, Key::SobInterval) }</th>
                    <th scope="col" class="num">{ t(lang, Key::SobTotalEffect) }</th>
                    <th scope="col" class="num">{ t(lang, Key::SobInterval) }</th>
                </tr></thead>
                <tbody>
                    { for labels.iter().enumerate().map(|(i, label)| {
                        let (s, st) = (&indices.first_order[i], &indices.total_effect[i]);
                        html! {
                            <tr data-testid="sensitivity-row" data-input={input_ids[i].clone()}>
                                <th scope="row">{ label.clone() }</th>
                                { cell("first", s.value, index_text(s.value)) }
                                <td class="num" data-col="first-interval" data-low={format!("{:?}", s.low)} data-high={format!("{:?}", s.high)}>
                                    { interval_text(&chart_estimate(s)) }
                                </td>
                                { cell("total", st.value, index_text(st.value)) }
                                <td class="num" data-col="total-interval" data-low={format!("{:?}", st.low)} data-high={format!("{:?}", st.high)}>
                                    { interval_text(&chart_estimate(st)) }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
