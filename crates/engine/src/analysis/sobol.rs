//! Variance-based (Sobol) global sensitivity of any model with independent inputs: Saltelli sampling
//! without second-order terms, first-order indices by Saltelli (2010) and total-effect indices by
//! Jansen (1999), each with a bootstrap 95 % interval, run in chunks like the uncertainty analysis.
//!
//! The base matrices A and B hold N rows of d inputs drawn with Xoshiro256++ (`seed_from_u64`); the
//! model is evaluated on A, on the d matrices AB_i (A with column i taken from B) and on B, N(d + 2)
//! runs in SALib's order (row j of A, of AB_1 ... AB_d, then of B). With f_A, f_B, f_ABi the outputs
//! and V the variance of f_A and f_B together, for input i:
//! first order S_i = mean(f_B (f_ABi - f_A)) / V and total effect ST_i = mean((f_A - f_ABi)^2) / (2V).
//! V divides by 2N. In S, f_B is centred on the mean of all runs first, as SALib does; this lowers the
//! sampling error of S for outputs far from zero and leaves V and ST unchanged.

use super::uncertainty::{unit_uniform, Progress};
use rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

/// How many times the bootstrap redraws the N rows.
pub const BOOTSTRAP_RESAMPLES: usize = 200;

/// One input's distribution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input {
    /// Continuous, uniform on [lo, hi].
    Uniform { lo: f64, hi: f64 },
    /// Discrete with this many equally likely levels; the model sees the level's index (0, 1, ...).
    Levels(usize),
}

impl Input {
    /// The input's value for a uniform number `u` in [0, 1).
    pub fn value(self, u: f64) -> f64 {
        match self {
            Input::Uniform { lo, hi } => lo + (hi - lo) * u,
            Input::Levels(k) => ((u * k as f64) as usize).min(k.saturating_sub(1)) as f64,
        }
    }
}

/// An estimate with its bootstrap 95 % interval (the 2.5th and 97.5th percentiles of the resamples).
/// All three are NaN when the output does not vary.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

/// The indices of one output, one entry per input.
#[derive(Clone, Debug, PartialEq)]
pub struct OutputIndices {
    pub first_order: Vec<Estimate>,
    pub total_effect: Vec<Estimate>,
    /// The variance of the output over A and B.
    pub variance: f64,
}

impl OutputIndices {
    /// The input with the largest total effect (`None` when the output does not vary).
    pub fn dominant_input(&self) -> Option<usize> {
        (0..self.total_effect.len())
            .filter(|&i| self.total_effect[i].value.is_finite())
            .max_by(|&a, &b| {
                self.total_effect[a]
                    .value
                    .total_cmp(&self.total_effect[b].value)
            })
    }
}

/// The sample matrices: `a` and `b` are N x d, row-major, in the inputs' own values.
#[derive(Clone, Debug, PartialEq)]
pub struct Design {
    pub inputs: Vec<Input>,
    pub base_samples: usize,
    pub a: Vec<f64>,
    pub b: Vec<f64>,
}

impl Design {
    /// Draws A (all its rows first) and then B; returns the generator for the bootstrap.
    fn draw(inputs: &[Input], base_samples: usize, seed: u64) -> (Self, Xoshiro256PlusPlus) {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let d = inputs.len();
        let matrix = |rng: &mut Xoshiro256PlusPlus| -> Vec<f64> {
            (0..base_samples * d)
                .map(|k| inputs[k % d].value(unit_uniform(rng)))
                .collect()
        };
        let a = matrix(&mut rng);
        let b = matrix(&mut rng);
        let design = Self {
            inputs: inputs.to_vec(),
            base_samples,
            a,
            b,
        };
        (design, rng)
    }

    /// Draws the matrices a run with this seed uses.
    pub fn new(inputs: &[Input], base_samples: usize, seed: u64) -> Self {
        Self::draw(inputs, base_samples, seed).0
    }

    /// The number of model runs, N(d + 2).
    pub fn runs(&self) -> usize {
        self.base_samples * (self.inputs.len() + 2)
    }

    /// The input row of run `k` in SALib's order.
    pub fn row_into(&self, k: usize, row: &mut [f64]) {
        let d = self.inputs.len();
        let (j, block) = (k / (d + 2), k % (d + 2));
        let a = &self.a[j * d..(j + 1) * d];
        let b = &self.b[j * d..(j + 1) * d];
        if block == d + 1 {
            row.copy_from_slice(b);
        } else {
            row.copy_from_slice(a);
            if block > 0 {
                row[block - 1] = b[block - 1];
            }
        }
    }
}

/// A Sobol run in progress: the design, the outputs so far, and the generator the bootstrap continues.
pub struct SobolRun {
    design: Design,
    n_outputs: usize,
    /// `run * n_outputs + output`.
    outputs: Vec<f64>,
    done: usize,
    row: Vec<f64>,
    bootstrap_rng: Xoshiro256PlusPlus,
}

impl SobolRun {
    pub fn new(inputs: &[Input], n_outputs: usize, base_samples: usize, seed: u64) -> Self {
        let (design, bootstrap_rng) = Design::draw(inputs, base_samples, seed);
        Self {
            outputs: vec![f64::NAN; design.runs() * n_outputs],
            row: vec![0.0; inputs.len()],
            design,
            n_outputs,
            done: 0,
            bootstrap_rng,
        }
    }

    pub fn design(&self) -> &Design {
        &self.design
    }

    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done,
            total: self.design.runs(),
        }
    }

    /// Makes up to `n` more model runs; `model` writes a row's outputs into its second argument.
    pub fn step(&mut self, n: usize, mut model: impl FnMut(&[f64], &mut [f64])) -> Progress {
        let todo = n.min(self.design.runs() - self.done);
        let m = self.n_outputs;
        for k in self.done..self.done + todo {
            self.design.row_into(k, &mut self.row);
            model(&self.row, &mut self.outputs[k * m..(k + 1) * m]);
        }
        self.done += todo;
        self.progress()
    }

    /// The indices of every output; `None` until every run is made. The bootstrap runs in one block.
    pub fn finish(&self) -> Option<Vec<OutputIndices>> {
        let mut bootstrap = self.bootstrap()?;
        bootstrap.step(BOOTSTRAP_RESAMPLES);
        bootstrap.finish()
    }

    /// The point estimates and a bootstrap ready to run in steps; `None` until every run is made.
    pub fn bootstrap(&self) -> Option<Bootstrap> {
        if !self.progress().is_finished() {
            return None;
        }
        let n = self.design.base_samples;
        let d = self.design.inputs.len();
        let columns: Vec<Columns> = (0..self.n_outputs).map(|o| self.columns(o)).collect();
        let all_rows: Vec<usize> = (0..n).collect();
        let point: Vec<Indices> = columns
            .iter()
            .map(|c| c.indices(&all_rows, f64::MIN_POSITIVE))
            .collect();
        let first_draws = vec![vec![Vec::with_capacity(BOOTSTRAP_RESAMPLES); d]; columns.len()];
        Some(Bootstrap {
            total_draws: first_draws.clone(),
            first_draws,
            columns,
            point,
            rng: self.bootstrap_rng.clone(),
            rows: vec![0usize; n],
            done: 0,
        })
    }
    /// Output `o` of every run in run order, centred on its mean over A and B.
    fn columns(&self, o: usize) -> Columns {
        let d = self.design.inputs.len();
        let runs = self.design.runs();
        let mut y: Vec<f64> = (0..runs)
            .map(|k| self.outputs[k * self.n_outputs + o])
            .collect();
        let (mut sum, mut lowest, mut highest) = (0.0, f64::INFINITY, f64::NEG_INFINITY);
        for block in y.chunks(d + 2) {
            for v in [block[0], block[d + 1]] {
                sum += v;
                lowest = lowest.min(v);
                highest = highest.max(v);
            }
        }
        let mean = sum / (2 * self.design.base_samples) as f64;
        for v in &mut y {
            *v -= mean;
        }
        Columns {
            n_inputs: d,
            y,
            varies: highest > lowest,
        }
    }
}

/// The bootstrap of a finished run, resumable: each step draws some of the resamples (each resample's N
/// rows once for all outputs), in the same order and with the same generator as one block would.
pub struct Bootstrap {
    columns: Vec<Columns>,
    point: Vec<Indices>,
    /// `first_draws[o][i]`: the resamples' first-order estimates of output o, input i.
    first_draws: Vec<Vec<Vec<f64>>>,
    total_draws: Vec<Vec<Vec<f64>>>,
    rng: Xoshiro256PlusPlus,
    rows: Vec<usize>,
    done: usize,
}

impl Bootstrap {
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done,
            total: BOOTSTRAP_RESAMPLES,
        }
    }

    /// Draws up to `n` more resamples.
    pub fn step(&mut self, n: usize) -> Progress {
        let todo = n.min(BOOTSTRAP_RESAMPLES - self.done);
        let count = self.rows.len();
        for _ in 0..todo {
            for r in &mut self.rows {
                *r = ((unit_uniform(&mut self.rng) * count as f64) as usize).min(count - 1);
            }
            for (o, c) in self.columns.iter().enumerate() {
                let resampled = c.indices(&self.rows, self.point[o].variance);
                for (i, (first, total)) in resampled
                    .first_order
                    .iter()
                    .zip(&resampled.total_effect)
                    .enumerate()
                {
                    self.first_draws[o][i].push(*first);
                    self.total_draws[o][i].push(*total);
                }
            }
        }
        self.done += todo;
        self.progress()
    }

    /// The indices of every output with their intervals; `None` until every resample is drawn.
    pub fn finish(mut self) -> Option<Vec<OutputIndices>> {
        if !self.progress().is_finished() {
            return None;
        }
        let estimate = |value: f64, draws: &mut Vec<f64>| {
            let (low, high) = percentile_interval(draws);
            if value.is_nan() {
                Estimate {
                    value,
                    low: f64::NAN,
                    high: f64::NAN,
                }
            } else {
                Estimate { value, low, high }
            }
        };
        let d = self.first_draws.first().map_or(0, Vec::len);
        Some(
            self.point
                .iter()
                .enumerate()
                .map(|(o, p)| OutputIndices {
                    first_order: (0..d)
                        .map(|i| estimate(p.first_order[i], &mut self.first_draws[o][i]))
                        .collect(),
                    total_effect: (0..d)
                        .map(|i| estimate(p.total_effect[i], &mut self.total_draws[o][i]))
                        .collect(),
                    variance: p.variance,
                })
                .collect(),
        )
    }
}

/// One output of every run in run order (row j's block: A, AB_1 ... AB_d, B), centred on its mean
/// over A and B so that the sums below lose no precision.
struct Columns {
    n_inputs: usize,
    y: Vec<f64>,
    /// Whether the output takes more than one value over A and B.
    varies: bool,
}

/// Point estimates on one set of rows.
struct Indices {
    variance: f64,
    first_order: Vec<f64>,
    total_effect: Vec<f64>,
}

impl Columns {
    /// The estimators on these rows (all N for the estimate, a resample for the bootstrap), in one
    /// pass: S's centring on the mean of all runs m uses sum f_B (f_ABi - f_A) - m sum (f_ABi - f_A).
    /// NaN indices when the output does not vary (a resample whose variance is below 1e-12 of the
    /// whole sample's counts as not varying).
    fn indices(&self, rows: &[usize], whole_variance: f64) -> Indices {
        let d = self.n_inputs;
        let count = rows.len() as f64;
        let (mut sum_ab, mut sum_squares, mut sum_all) = (0.0, 0.0, 0.0);
        let (mut first, mut difference, mut total) = (vec![0.0; d], vec![0.0; d], vec![0.0; d]);
        for &j in rows {
            let block = &self.y[j * (d + 2)..(j + 1) * (d + 2)];
            let (a, b) = (block[0], block[d + 1]);
            sum_ab += a + b;
            sum_squares += a * a + b * b;
            sum_all += a + b;
            for i in 0..d {
                let ab = block[1 + i];
                let change = ab - a;
                sum_all += ab;
                first[i] += b * change;
                difference[i] += change;
                total[i] += change * change;
            }
        }
        let mean_ab = sum_ab / (2.0 * count);
        let variance = sum_squares / (2.0 * count) - mean_ab * mean_ab;
        let mean_all = sum_all / ((d + 2) as f64 * count);
        let varies = self.varies && variance > 1e-12 * whole_variance;
        let index = |x: f64| if varies { x } else { f64::NAN };
        Indices {
            variance: if self.varies { variance } else { 0.0 },
            first_order: (0..d)
                .map(|i| index((first[i] - mean_all * difference[i]) / count / variance))
                .collect(),
            total_effect: (0..d)
                .map(|i| index(total[i] / count / (2.0 * variance)))
                .collect(),
        }
    }
}

/// The 2.5th and 97.5th percentiles (nearest rank) of the finite draws; NaN when there are none.
fn percentile_interval(draws: &mut Vec<f64>) -> (f64, f64) {
    draws.retain(|x| x.is_finite());
    if draws.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    draws.sort_by(f64::total_cmp);
    let n = draws.len();
    let at = |per_mille: usize| draws[((n * per_mille).div_ceil(1000)).clamp(1, n) - 1];
    (at(25), at(975))
}

/// Runs every model run at once.
pub fn analyse(
    inputs: &[Input],
    n_outputs: usize,
    base_samples: usize,
    seed: u64,
    model: impl FnMut(&[f64], &mut [f64]),
) -> Vec<OutputIndices> {
    let mut run = SobolRun::new(inputs, n_outputs, base_samples, seed);
    let total = run.progress().total;
    run.step(total, model);
    run.finish().expect("every run made")
}
