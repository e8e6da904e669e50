//! Rank uncertainty by Monte Carlo over the dimension weights (and optionally the method alternatives),
//! run in chunks so a page can spread it over frames, show progress and cancel by dropping the run.
//!
//! Each sample multiplies every dimension weight by an independent factor drawn uniformly from
//! [1 - X, 1 + X] and renormalises. With method alternatives on, each sample also draws one of the
//! normalisations (`Normalisation::ALL`, every one the page offers) and one of the aggregations uniformly. The generator is Xoshiro256++ seeded with
//! `seed_from_u64`, and draws use only integer and IEEE arithmetic, so a seed gives the same ranks natively
//! and in WebAssembly (geometric aggregation also calls `exp`, whose last bit could differ by platform).

use super::DimensionModel;
use crate::data::csv_text::spreadsheet_text;
use crate::i18n::{place, t, tf, Key};
use crate::model::{Aggregation, Choice, Dataset, IndicatorSystem, Lang, Normalisation, Scenario};
use crate::score::{Ranker, ScoreError};
use rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The most samples one run draws, in the page's form and on the command line alike (1,000,000
/// samples of the 83 counties take about two seconds natively).
pub const MAX_SAMPLES: usize = 1_000_000;

/// What to sample.
#[derive(Clone, Debug, PartialEq)]
pub struct UncertaintyConfig {
    pub samples: usize,
    /// Half-width X of the multiplicative weight noise.
    pub noise: f64,
    pub seed: u64,
    /// Also draw normalisation and aggregation per sample.
    pub vary_methods: bool,
}

impl Default for UncertaintyConfig {
    fn default() -> Self {
        Self {
            samples: 10_000,
            noise: 0.2,
            seed: 2024,
            vary_methods: false,
        }
    }
}

/// How far a run has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.done as f64 / self.total as f64
        }
    }
    pub fn is_finished(&self) -> bool {
        self.done >= self.total
    }
}

/// One unit's summary, in nominal rank order.
#[derive(Clone, Debug, PartialEq)]
pub struct UncertaintyRow {
    pub unit: usize,
    pub adcode: String,
    pub nominal_rank: u32,
    pub median_rank: u32,
    pub p05: u32,
    pub p95: u32,
    /// The share of samples in which this unit ranked above the unit just below it in nominal order
    /// (`None` for the last).
    pub above_next: Option<f64>,
    /// The share of samples in which this unit ranked above the unit just above it in nominal order
    /// (`None` for the first).
    pub above_previous: Option<f64>,
}

/// The share of samples above which two neighbours' nominal order counts as unsettled: they swap places
/// in more than one sample in ten.
pub const UNSETTLED_SWAP_SHARE: f64 = 0.1;

impl UncertaintyRow {
    /// The unit and the one just above it in nominal order swap places in more than
    /// [`UNSETTLED_SWAP_SHARE`] of the samples.
    pub fn unsettled_above(&self) -> bool {
        self.above_previous
            .is_some_and(|p| p > UNSETTLED_SWAP_SHARE)
    }

    /// The unit and the one just below it in nominal order swap places in more than
    /// [`UNSETTLED_SWAP_SHARE`] of the samples.
    pub fn unsettled_below(&self) -> bool {
        self.above_next
            .is_some_and(|p| 1.0 - p > UNSETTLED_SWAP_SHARE)
    }

    /// The unit's order against a neighbour (above or below) is unsettled.
    pub fn order_unsettled(&self) -> bool {
        self.unsettled_above() || self.unsettled_below()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct UncertaintyResult {
    pub config: UncertaintyConfig,
    pub samples: usize,
    pub rows: Vec<UncertaintyRow>,
}

impl UncertaintyResult {
    /// The `adcode,nominal_rank,median_rank,p05,p95` table.
    pub fn to_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["adcode", "nominal_rank", "median_rank", "p05", "p95"])
            .expect("in-memory CSV");
        for r in &self.rows {
            let numbers = [r.nominal_rank, r.median_rank, r.p05, r.p95].map(|n| n.to_string());
            let mut record = vec![spreadsheet_text(&r.adcode).into_owned()];
            record.extend(numbers);
            w.write_record(&record).expect("in-memory CSV");
        }
        String::from_utf8(w.into_inner().expect("in-memory CSV")).expect("UTF-8")
    }
}

impl UncertaintyResult {
    /// What the run says about one unit, as a sentence for the people it concerns: the ranks it takes
    /// in 90 % of the samples and how likely it is to stay ahead of the unit below it and to overtake
    /// the one above it (nominal order). `None` when the unit is not in the result.
    pub fn unit_sentence(&self, data: &Dataset, unit: usize, lang: Lang) -> Option<String> {
        let i = self.rows.iter().position(|r| r.unit == unit)?;
        let row = &self.rows[i];
        let name = |j: usize| data.units[self.rows[j].unit].name(lang).to_string();
        let mut text = if row.p05 == row.p95 {
            tf(
                lang,
                Key::IntervalSentenceAt,
                &[&name(i), &place(lang, row.p05)],
            )
        } else {
            let (p05, p95) = (row.p05.to_string(), row.p95.to_string());
            let (from, to) = (place(lang, row.p05), place(lang, row.p95));
            tf(
                lang,
                Key::IntervalSentenceBetween,
                &[&from, &to, &p05, &p95, &name(i)],
            )
        };
        if let Some(p) = row.above_next {
            text += &tf(
                lang,
                Key::IntervalSentenceAheadOfNext,
                &[&name(i + 1), &share_text(p, lang)],
            );
        }
        if let Some(p) = row.above_previous {
            text += &tf(
                lang,
                Key::IntervalSentenceOvertakes,
                &[&name(i - 1), &share_text(p, lang)],
            );
        }
        text.push_str(t(lang, Key::IntervalSentenceEnd));
        Some(text)
    }
}

/// A share of the samples as the sentence says it: "为 97%", "超过 99%", "不到 1%" or "97%", "over 99%",
/// "under 1%".
fn share_text(p: f64, lang: Lang) -> String {
    match percent_text(p) {
        text if text.starts_with('>') => tf(lang, Key::IntervalShareOver, &[&text[1..]]),
        text if text.starts_with('<') => tf(lang, Key::IntervalShareUnder, &[&text[1..]]),
        text => tf(lang, Key::IntervalShare, &[&text]),
    }
}

/// A probability as a whole percentage that never rounds a possibility away: "<1%" and ">99%" rather
/// than 0 % or 100 % when it happened in some samples but not all.
pub fn percent_text(p: f64) -> String {
    match p {
        p if p <= 0.0 => "0%".into(),
        p if p >= 1.0 => "100%".into(),
        p if p < 0.01 => "<1%".into(),
        p if p > 0.99 => ">99%".into(),
        p => format!("{:.0}%", p * 100.0),
    }
}

/// A uniform number in [0, 1) from the top 53 bits of the generator's next output: integer arithmetic
/// and one exact multiplication, so the same on every platform.
pub fn unit_uniform(rng: &mut Xoshiro256PlusPlus) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A Monte Carlo run in progress.
pub struct UncertaintyRun {
    config: UncertaintyConfig,
    rng: Xoshiro256PlusPlus,
    nominal: DimensionModel,
    alternatives: Vec<DimensionModel>,
    /// `u * n_ranked + (rank - 1)`: how often unit `u` took each rank.
    histogram: Vec<u32>,
    /// For each pair of units adjacent in nominal order (position `i` and `i + 1`): how often the
    /// upper one ranked above the lower one, and how often the lower one ranked above the upper one.
    upper_ahead: Vec<u32>,
    lower_ahead: Vec<u32>,
    done: usize,
    composites: Vec<f64>,
    ranker: Ranker,
    ranks: Vec<u32>,
    weights: Vec<f64>,
    last_model: Option<usize>,
    nominal_method: (Normalisation, Aggregation),
}

impl UncertaintyRun {
    /// Scores the scenario (and each method alternative if asked) once; sampling then only re-weights.
    pub fn new(
        system: &IndicatorSystem,
        data: &Dataset,
        scenario: &Scenario,
        config: UncertaintyConfig,
    ) -> Result<Self, ScoreError> {
        let nominal = DimensionModel::new(system, data, scenario)?;
        let mut alternatives = Vec::new();
        if config.vary_methods {
            for &n in Normalisation::ALL {
                for &a in Aggregation::ALL {
                    let mut s = scenario.clone();
                    s.normalisation = n;
                    s.aggregation = a;
                    alternatives.push(DimensionModel::new(system, data, &s)?);
                }
            }
        }
        let n = nominal.n_units;
        let n_ranked = nominal.ranked.len();
        Ok(Self {
            rng: Xoshiro256PlusPlus::seed_from_u64(config.seed),
            config,
            histogram: vec![0; n * n_ranked.max(1)],
            upper_ahead: vec![0; n_ranked.saturating_sub(1)],
            lower_ahead: vec![0; n_ranked.saturating_sub(1)],
            done: 0,
            composites: Vec::with_capacity(n),
            ranker: Ranker::default(),
            ranks: vec![0; n],
            weights: vec![0.0; nominal.n_dimensions],
            nominal,
            alternatives,
            last_model: None,
            nominal_method: (scenario.normalisation, scenario.aggregation),
        })
    }

    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done,
            total: self.config.samples,
        }
    }

    /// The normalised dimension weights of the most recent sample.
    pub fn last_weights(&self) -> &[f64] {
        &self.weights
    }

    /// The ranks (by unit, 0 = unranked) of the most recent sample.
    pub fn last_ranks(&self) -> &[u32] {
        &self.ranks
    }

    /// The method alternative of the most recent sample, as (normalisation, aggregation).
    pub fn last_method(&self) -> (Normalisation, Aggregation) {
        match self.last_model {
            Some(i) => (
                Normalisation::ALL[i / Aggregation::ALL.len()],
                Aggregation::ALL[i % Aggregation::ALL.len()],
            ),
            None => (self.nominal_method.0, self.nominal_method.1),
        }
    }

    fn uniform(&mut self) -> f64 {
        unit_uniform(&mut self.rng)
    }

    /// Draws up to `n` more samples and reports progress.
    pub fn step(&mut self, n: usize) -> Progress {
        let todo = n.min(self.config.samples - self.done);
        let n_ranked = self.nominal.ranked.len();
        for _ in 0..todo {
            let model_index = if self.alternatives.is_empty() {
                None
            } else {
                // Lemire's multiply-shift maps 32 random bits onto the alternatives without division.
                Some(
                    (((self.rng.next_u64() >> 32) * self.alternatives.len() as u64) >> 32) as usize,
                )
            };
            let x = self.config.noise;
            let mut total = 0.0;
            for d in 0..self.weights.len() {
                let factor = 1.0 - x + 2.0 * x * self.uniform();
                let base = match model_index {
                    Some(i) => self.alternatives[i].weights[d],
                    None => self.nominal.weights[d],
                };
                self.weights[d] = base * factor;
                total += self.weights[d];
            }
            for w in &mut self.weights {
                *w /= total;
            }
            self.last_model = model_index;
            let model = model_index.map_or(&self.nominal, |i| &self.alternatives[i]);
            model.ranks_into(
                &self.weights,
                &mut self.composites,
                &mut self.ranker,
                &mut self.ranks,
            );
            for &u in &self.nominal.ranked {
                self.histogram[u * n_ranked + self.ranks[u] as usize - 1] += 1;
            }
            for (i, pair) in self.nominal.ranked.windows(2).enumerate() {
                let (upper, lower) = (self.ranks[pair[0]], self.ranks[pair[1]]);
                self.upper_ahead[i] += u32::from(upper < lower);
                self.lower_ahead[i] += u32::from(lower < upper);
            }
        }
        self.done += todo;
        self.progress()
    }

    /// Summarises the samples drawn so far (all of them once `step` has reported the run finished).
    pub fn finish(&self) -> UncertaintyResult {
        let n_ranked = self.nominal.ranked.len();
        let n = self.done as u64;
        // Nearest-rank quantile: the ceil(p * N)-th smallest value, with p in whole percent.
        let position = |percent: u64| ((n * percent).div_ceil(100)).max(1);
        let share = |count: u32| if n == 0 { 0.0 } else { count as f64 / n as f64 };
        let quantile = |u: usize, percent: u64| -> u32 {
            let want = position(percent);
            let mut seen = 0u64;
            for r in 0..n_ranked {
                seen += self.histogram[u * n_ranked + r] as u64;
                if seen >= want {
                    return r as u32 + 1;
                }
            }
            0
        };
        let rows: Vec<UncertaintyRow> = self
            .nominal
            .ranked
            .iter()
            .enumerate()
            .map(|(i, &u)| UncertaintyRow {
                unit: u,
                adcode: self.nominal.adcode(u).to_string(),
                nominal_rank: self.nominal.nominal_rank[u],
                median_rank: quantile(u, 50),
                p05: quantile(u, 5),
                p95: quantile(u, 95),
                above_next: self.upper_ahead.get(i).map(|&c| share(c)),
                above_previous: i
                    .checked_sub(1)
                    .and_then(|p| self.lower_ahead.get(p))
                    .map(|&c| share(c)),
            })
            .collect();
        UncertaintyResult {
            config: self.config.clone(),
            samples: self.done,
            rows,
        }
    }
}

/// Runs all samples at once.
pub fn run(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    config: UncertaintyConfig,
) -> Result<UncertaintyResult, ScoreError> {
    let mut run = UncertaintyRun::new(system, data, scenario, config)?;
    let total = run.progress().total;
    run.step(total);
    Ok(run.finish())
}
