//! Which choice drives the ranking: Sobol indices ([`super::sobol`]) of the mean absolute rank shift of
//! all counties, and of one county's rank, over the dimension weights and the method steps.
//!
//! The inputs are independent: each dimension weight times a factor uniform on [1 - X, 1 + X] (then
//! renormalised, as the uncertainty analysis does), the normalisation (min-max, efficacy, z-score or
//! percentile rank), the aggregation (arithmetic or geometric) and the treatment applied to every
//! indicator (none or log), each level equally likely. Every combination of the method steps is scored
//! once; a run then only re-weights and re-ranks that combination's dimension scores.

use super::sobol::{Bootstrap, Input, OutputIndices, SobolRun, BOOTSTRAP_RESAMPLES};
use super::uncertainty::Progress;
use super::DimensionModel;
use crate::i18n::{t, tf, Key};
use crate::model::{
    Aggregation, Choice, Dataset, IndicatorSystem, Lang, Normalisation, Scenario, Treatment,
};
use crate::score::{Ranker, ScoreError};

/// The most base samples N one run takes (N(d + 2) = 1,000,000 model runs with the bundled system's
/// five dimensions and three method steps).
pub const MAX_BASE_SAMPLES: usize = 100_000;

/// The normalisations drawn, equally likely (goalposts is left out: its bounds are a separate choice).
pub const NORMALISATIONS: &[Normalisation] = &[
    Normalisation::MinMax,
    Normalisation::Efficacy,
    Normalisation::ZScore,
    Normalisation::Rank,
];

/// The treatments drawn, equally likely, each applied to every indicator. The JRC skewness rule,
/// added on another branch, becomes a third level here (a variant, its id and its scenario).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreatmentLevel {
    None,
    Log,
}

impl TreatmentLevel {
    pub const ALL: &'static [TreatmentLevel] = &[TreatmentLevel::None, TreatmentLevel::Log];

    pub fn id(self) -> &'static str {
        match self {
            TreatmentLevel::None => "none",
            TreatmentLevel::Log => "log",
        }
    }

    /// The scenario with this treatment on every indicator.
    fn apply(self, scenario: &mut Scenario) {
        let treatment = match self {
            TreatmentLevel::None => Treatment::None,
            TreatmentLevel::Log => Treatment::Log,
        };
        scenario.treatments.fill(treatment);
    }
}

/// One input of the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SensitivityInput {
    /// The weight of the dimension at this position.
    DimensionWeight(usize),
    Normalisation,
    Aggregation,
    Treatment,
}

impl SensitivityInput {
    /// A stable identifier: `weight:<dimension id>`, `normalisation`, `aggregation` or `treatment`.
    pub fn id(self, system: &IndicatorSystem) -> String {
        match self {
            SensitivityInput::DimensionWeight(d) => format!("weight:{}", system.dimensions[d].id),
            SensitivityInput::Normalisation => "normalisation".into(),
            SensitivityInput::Aggregation => "aggregation".into(),
            SensitivityInput::Treatment => "treatment".into(),
        }
    }

    /// The input as a sentence names it ("the weight of Innovation").
    pub fn name(self, system: &IndicatorSystem, lang: Lang) -> String {
        match self {
            SensitivityInput::DimensionWeight(d) => tf(
                lang,
                Key::SensitivityInputWeight,
                &[system.dimensions[d].name(lang)],
            ),
            SensitivityInput::Normalisation => {
                t(lang, Key::SensitivityInputNormalisation).to_string()
            }
            SensitivityInput::Aggregation => t(lang, Key::SensitivityInputAggregation).to_string(),
            SensitivityInput::Treatment => t(lang, Key::SensitivityInputTreatment).to_string(),
        }
    }

    /// The level identifiers of a method step (`None` for a weight).
    pub fn levels(self) -> Option<Vec<&'static str>> {
        match self {
            SensitivityInput::DimensionWeight(_) => None,
            SensitivityInput::Normalisation => {
                Some(NORMALISATIONS.iter().map(|n| n.id()).collect())
            }
            SensitivityInput::Aggregation => {
                Some(Aggregation::ALL.iter().map(|a| a.id()).collect())
            }
            SensitivityInput::Treatment => {
                Some(TreatmentLevel::ALL.iter().map(|t| t.id()).collect())
            }
        }
    }
}

/// What to sample.
#[derive(Clone, Debug, PartialEq)]
pub struct SensitivityConfig {
    /// N, the rows of each base matrix.
    pub base_samples: usize,
    /// Half-width X of the multiplicative weight factor.
    pub noise: f64,
    pub seed: u64,
}

impl Default for SensitivityConfig {
    fn default() -> Self {
        Self {
            base_samples: 1024,
            noise: 0.2,
            seed: 2024,
        }
    }
}

/// The indices of the rank shift and, if a county was chosen, of its rank.
#[derive(Clone, Debug, PartialEq)]
pub struct SensitivityResult {
    pub config: SensitivityConfig,
    pub inputs: Vec<SensitivityInput>,
    pub runs: usize,
    /// The mean absolute rank shift of all ranked counties against the scenario's ranking.
    pub rank_shift: OutputIndices,
    /// The chosen county (its position in the data set) and the indices of its rank.
    pub county: Option<(usize, OutputIndices)>,
}

impl SensitivityResult {
    /// The input that drives the rank shift most (largest total effect), as a sentence.
    pub fn sentence(&self, system: &IndicatorSystem, lang: Lang) -> String {
        let Some(i) = self.rank_shift.dominant_input() else {
            return t(lang, Key::SensitivityNoVariation).to_string();
        };
        let percent = |x: f64| format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0));
        tf(
            lang,
            Key::SensitivityDominant,
            &[
                &self.inputs[i].name(system, lang),
                &percent(self.rank_shift.first_order[i].value),
                &percent(self.rank_shift.total_effect[i].value),
            ],
        )
    }
}

/// The scored method combinations and the scratch space of one model run.
struct IndexModel {
    /// By `(normalisation * aggregations + aggregation) * treatments + treatment`.
    models: Vec<DimensionModel>,
    nominal_rank: Vec<u32>,
    ranked: Vec<usize>,
    county: Option<usize>,
    weights: Vec<f64>,
    composites: Vec<f64>,
    ranker: Ranker,
    ranks: Vec<u32>,
}

impl IndexModel {
    /// Writes the mean absolute rank shift and, if chosen, the county's rank.
    fn evaluate(&mut self, row: &[f64], out: &mut [f64]) {
        let n_dimensions = self.weights.len();
        let level = |k: usize| row[n_dimensions + k] as usize;
        let combination =
            (level(0) * Aggregation::ALL.len() + level(1)) * TreatmentLevel::ALL.len() + level(2);
        let model = &self.models[combination];
        let mut total = 0.0;
        for (d, w) in self.weights.iter_mut().enumerate() {
            *w = model.weights[d] * row[d];
            total += *w;
        }
        for w in &mut self.weights {
            *w /= total;
        }
        model.ranks_into(
            &self.weights,
            &mut self.composites,
            &mut self.ranker,
            &mut self.ranks,
        );
        let (mut shift, mut counted) = (0u64, 0u64);
        for &u in &self.ranked {
            if self.ranks[u] > 0 {
                shift += self.ranks[u].abs_diff(self.nominal_rank[u]) as u64;
                counted += 1;
            }
        }
        out[0] = shift as f64 / counted.max(1) as f64;
        if let Some(c) = self.county {
            out[1] = self.ranks[c] as f64;
        }
    }
}

/// A sensitivity run in progress.
pub struct SensitivityRun {
    config: SensitivityConfig,
    inputs: Vec<SensitivityInput>,
    sobol: SobolRun,
    model: IndexModel,
}

impl SensitivityRun {
    /// Scores every method combination once. `county` is a ranked unit's position in the data set.
    pub fn new(
        system: &IndicatorSystem,
        data: &Dataset,
        scenario: &Scenario,
        config: SensitivityConfig,
        county: Option<usize>,
    ) -> Result<Self, ScoreError> {
        let nominal = DimensionModel::new(system, data, scenario)?;
        let mut models = Vec::new();
        for &n in NORMALISATIONS {
            for &a in Aggregation::ALL {
                for &t in TreatmentLevel::ALL {
                    let mut s = scenario.clone();
                    s.normalisation = n;
                    s.aggregation = a;
                    t.apply(&mut s);
                    models.push(DimensionModel::new(system, data, &s)?);
                }
            }
        }
        let n_dimensions = nominal.n_dimensions;
        let x = config.noise;
        let mut inputs: Vec<SensitivityInput> = (0..n_dimensions)
            .map(SensitivityInput::DimensionWeight)
            .collect();
        inputs.extend([
            SensitivityInput::Normalisation,
            SensitivityInput::Aggregation,
            SensitivityInput::Treatment,
        ]);
        let distributions: Vec<Input> = inputs
            .iter()
            .map(|input| match input.levels() {
                None => Input::Uniform {
                    lo: 1.0 - x,
                    hi: 1.0 + x,
                },
                Some(levels) => Input::Levels(levels.len()),
            })
            .collect();
        let n_outputs = 1 + usize::from(county.is_some());
        let sobol = SobolRun::new(&distributions, n_outputs, config.base_samples, config.seed);
        let n_units = nominal.n_units;
        Ok(Self {
            config,
            inputs,
            sobol,
            model: IndexModel {
                models,
                nominal_rank: nominal.nominal_rank,
                ranked: nominal.ranked,
                county,
                weights: vec![0.0; n_dimensions],
                composites: Vec::with_capacity(n_units),
                ranker: Ranker::default(),
                ranks: vec![0; n_units],
            },
        })
    }

    pub fn progress(&self) -> Progress {
        self.sobol.progress()
    }

    /// Makes up to `n` more model runs (each a re-weighting and re-ranking) and reports progress.
    pub fn step(&mut self, n: usize) -> Progress {
        let model = &mut self.model;
        self.sobol.step(n, |row, out| model.evaluate(row, out))
    }

    /// The indices; `None` until every run is made. The bootstrap runs in one block.
    pub fn finish(&self) -> Option<SensitivityResult> {
        let mut bootstrap = self.bootstrap()?;
        bootstrap.step(BOOTSTRAP_RESAMPLES);
        bootstrap.finish()
    }

    /// The bootstrap of a finished run, to draw in steps; `None` until every run is made.
    pub fn bootstrap(&self) -> Option<SensitivityBootstrap> {
        Some(SensitivityBootstrap {
            bootstrap: self.sobol.bootstrap()?,
            config: self.config.clone(),
            inputs: self.inputs.clone(),
            runs: self.sobol.progress().total,
            county: self.model.county,
        })
    }
}

/// The bootstrap of a finished sensitivity run, resumable, and what its result reports.
pub struct SensitivityBootstrap {
    bootstrap: Bootstrap,
    config: SensitivityConfig,
    inputs: Vec<SensitivityInput>,
    runs: usize,
    county: Option<usize>,
}

impl SensitivityBootstrap {
    pub fn progress(&self) -> Progress {
        self.bootstrap.progress()
    }

    /// Draws up to `n` more bootstrap resamples.
    pub fn step(&mut self, n: usize) -> Progress {
        self.bootstrap.step(n)
    }

    /// The indices; `None` until every resample is drawn.
    pub fn finish(self) -> Option<SensitivityResult> {
        let mut outputs = self.bootstrap.finish()?.into_iter();
        let rank_shift = outputs.next().expect("the rank shift is always an output");
        Some(SensitivityResult {
            config: self.config,
            inputs: self.inputs,
            runs: self.runs,
            rank_shift,
            county: self.county.zip(outputs.next()),
        })
    }
}

/// Makes every run at once.
pub fn run(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    config: SensitivityConfig,
    county: Option<usize>,
) -> Result<SensitivityResult, ScoreError> {
    let mut run = SensitivityRun::new(system, data, scenario, config, county)?;
    let total = run.progress().total;
    run.step(total);
    Ok(run.finish().expect("every run made"))
}
