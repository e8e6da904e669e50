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

    /// The indices of every output; `None` until every run is made.
    pub fn finish(&self) -> Option<Vec<OutputIndices>> {
        if !self.progress().is_finished() {
            return None;
        }
        let n = self.design.base_samples;
        let mut rng = self.bootstrap_rng.clone();
        let resamples: Vec<Vec<usize>> = (0..BOOTSTRAP_RESAMPLES)
            .map(|_| {
                (0..n)
                    .map(|_| ((unit_uniform(&mut rng) * n as f64) as usize).min(n - 1))
                    .collect()
            })
            .collect();
        Some(
            (0..self.n_outputs)
                .map(|o| self.output_indices(o, &resamples))
                .collect(),
        )
    }

    /// Output `o` of run `k`.
    fn y(&self, k: usize, o: usize) -> f64 {
        self.outputs[k * self.n_outputs + o]
    }

    fn output_indices(&self, o: usize, resamples: &[Vec<usize>]) -> OutputIndices {
        let d = self.design.inputs.len();
        let n = self.design.base_samples;
        let block = d + 2;
        let rows: Vec<usize> = (0..n).collect();
        let f_a: Vec<f64> = (0..n).map(|j| self.y(j * block, o)).collect();
        let f_b: Vec<f64> = (0..n).map(|j| self.y(j * block + d + 1, o)).collect();
        let f_ab: Vec<Vec<f64>> = (0..d)
            .map(|i| (0..n).map(|j| self.y(j * block + 1 + i, o)).collect())
            .collect();
        let indices = |rows: &[usize]| -> (f64, Vec<f64>, Vec<f64>) {
            let all_runs: f64 = rows
                .iter()
                .map(|&j| f_a[j] + f_b[j] + f_ab.iter().map(|ab| ab[j]).sum::<f64>())
                .sum();
            let mean = all_runs / (rows.len() * block) as f64;
            let count = 2.0 * rows.len() as f64;
            let mean_ab = rows.iter().map(|&j| f_a[j] + f_b[j]).sum::<f64>() / count;
            let variance = rows
                .iter()
                .map(|&j| (f_a[j] - mean_ab).powi(2) + (f_b[j] - mean_ab).powi(2))
                .sum::<f64>()
                / count;
            let per_row = |f: &dyn Fn(usize) -> f64| -> f64 {
                rows.iter().map(|&j| f(j)).sum::<f64>() / rows.len() as f64
            };
            let (mut first, mut total) = (Vec::with_capacity(d), Vec::with_capacity(d));
            for ab in &f_ab {
                let s = per_row(&|j| (f_b[j] - mean) * (ab[j] - f_a[j])) / variance;
                let st = per_row(&|j| (f_a[j] - ab[j]).powi(2)) / (2.0 * variance);
                let varies = variance > 0.0;
                first.push(if varies { s } else { f64::NAN });
                total.push(if varies { st } else { f64::NAN });
            }
            (variance, first, total)
        };
        let (variance, first, total) = indices(&rows);
        let mut first_draws = vec![Vec::with_capacity(resamples.len()); d];
        let mut total_draws = vec![Vec::with_capacity(resamples.len()); d];
        for rows in resamples {
            let (_, s, st) = indices(rows);
            for i in 0..d {
                first_draws[i].push(s[i]);
                total_draws[i].push(st[i]);
            }
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
        OutputIndices {
            first_order: (0..d)
                .map(|i| estimate(first[i], &mut first_draws[i]))
                .collect(),
            total_effect: (0..d)
                .map(|i| estimate(total[i], &mut total_draws[i]))
                .collect(),
            variance,
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
