//! The scoring pipeline, run by a scorer bound to one data set that keeps its working buffers between calls.

use super::rank::{prefecture_ranks_into, Ranker, Strided, TieOrder};
use super::{aggregate, Ranking, ScoreError};
use crate::method::normalise::{normalise_in_place, treat, Goalposts, Scale};
use crate::method::weight;
use crate::model::{Dataset, IndicatorSystem, Scenario};
use std::ops::Deref;

/// Scores one data set under any number of scenarios. What depends only on the units (their tie order
/// and prefectures) is worked out once, and the working buffers are kept, so a recompute after a weight
/// change allocates only the ranking it returns, or nothing with [`Scorer::score_into`].
///
/// The scorer holds its data (`&Dataset`, `Rc<Dataset>`, ...), so it cannot be used with other data.
pub struct Scorer<D: Deref<Target = Dataset>> {
    data: D,
    ties: TieOrder,
    ranker: Ranker,
    sum: Vec<f64>,
    weight_sum: Vec<f64>,
    seen: Vec<u32>,
    absent: Vec<bool>,
    prefecture_seen: Vec<(u32, i64, u32)>,
    /// The scale each treated column is on, which its goalposts follow.
    scales: Vec<Scale>,
}

impl<D: Deref<Target = Dataset>> Scorer<D> {
    pub fn new(data: D) -> Self {
        let ties = TieOrder::by_adcode(&data);
        Self {
            data,
            ties,
            ranker: Ranker::default(),
            sum: Vec::new(),
            weight_sum: Vec::new(),
            seen: Vec::new(),
            absent: Vec::new(),
            prefecture_seen: Vec::new(),
            scales: Vec::new(),
        }
    }

    /// The data set this scorer scores.
    pub fn data(&self) -> &D {
        &self.data
    }

    /// Scores the data under a scenario into a new ranking.
    pub fn score(
        &mut self,
        system: &IndicatorSystem,
        scenario: &Scenario,
    ) -> Result<Ranking, ScoreError> {
        let mut out = Ranking::default();
        self.score_into(system, scenario, &mut out)?;
        Ok(out)
    }

    /// Scores the data under a scenario into `out`, reusing its buffers. On error `out` is left holding
    /// no meaningful ranking.
    pub fn score_into(
        &mut self,
        system: &IndicatorSystem,
        scenario: &Scenario,
        out: &mut Ranking,
    ) -> Result<(), ScoreError> {
        let data: &Dataset = &self.data;
        let (n_units, n_ind, n_dim) =
            (data.n_units(), system.n_indicators(), system.n_dimensions());
        if data.n_indicators() != n_ind {
            return Err(ScoreError::ShapeMismatch {
                expected: n_ind,
                got: data.n_indicators(),
            });
        }
        if scenario.treatments.len() != n_ind {
            return Err(ScoreError::TreatmentCount {
                expected: n_ind,
                got: scenario.treatments.len(),
            });
        }
        out.n_units = n_units;
        out.n_dimensions = n_dim;
        // The treated columns are written where their normalised values go, then normalised in place.
        let normalised = &mut out.normalised;
        normalised.clear();
        normalised.reserve(n_ind * n_units);
        let scales = &mut self.scales;
        scales.clear();
        for (i, &t) in scenario.treatments.iter().enumerate() {
            normalised.extend_from_slice(data.column(i));
            let treated = &mut normalised[i * n_units..];
            scales.push(treat(treated, t));
            // A lower-is-better column is turned to face up, so that every method (the weights derived
            // from the data included) sees larger as better.
            if !system.indicators[i].higher_is_better {
                treated.iter_mut().for_each(|v| *v = -*v);
            }
        }
        let column = |i: usize| i * n_units..(i + 1) * n_units;
        let treated: Vec<&[f64]> = (0..n_ind).map(|i| &normalised[column(i)]).collect();
        out.weights = weight::resolve(system, scenario, &treated)?;
        let mut complete = vec![false; n_ind];
        for (i, complete) in complete.iter_mut().enumerate() {
            let posts = Goalposts::on_scale(&system.indicators[i], scales[i]).facing_up();
            *complete =
                normalise_in_place(&mut normalised[column(i)], scenario.normalisation, posts)
                    == n_units;
        }

        self.dimension_scores(system, &complete, out);
        self.composite(scenario, out);
        self.rank(out);
        Ok(())
    }

    /// Ranks a ranking whose scores were computed elsewhere (a slice of pooled editions) among this
    /// scorer's units, which must be the ranking's units in the same order.
    pub fn rank_scored(&mut self, out: &mut Ranking) {
        self.rank(out);
    }

    /// Each unit's dimension scores: the weighted mean of its present normalised values.
    fn dimension_scores(&mut self, system: &IndicatorSystem, complete: &[bool], out: &mut Ranking) {
        let (n_units, n_dim) = (out.n_units, out.n_dimensions);
        let normalised = &out.normalised;
        let column = |i: usize| &normalised[i * n_units..(i + 1) * n_units];
        out.dimension_scores.clear();
        out.dimension_scores.resize(n_units * n_dim, f64::NAN);
        for v in [&mut out.partial, &mut self.absent] {
            v.clear();
            v.resize(n_units * n_dim, false);
        }
        self.sum.resize(n_units, 0.0);
        self.weight_sum.resize(n_units, 0.0);
        self.seen.resize(n_units, 0);
        for d in 0..n_dim {
            let indicators = system.indicators_of(d);
            let all = indicators.len() as u32;
            self.sum.fill(0.0);
            // Without missing values every unit has the same weight sum, accumulated in the same order.
            let weight_sum = indicators
                .clone()
                .fold(0.0, |s, i| s + out.weights.within(system, i));
            if indicators.clone().all(|i| complete[i]) && weight_sum > 0.0 {
                for i in indicators {
                    let w = out.weights.within(system, i);
                    for (s, &v) in self.sum.iter_mut().zip(column(i)) {
                        *s += w * v;
                    }
                }
                for (u, &s) in self.sum.iter().enumerate() {
                    out.dimension_scores[u * n_dim + d] = s / weight_sum;
                }
                continue;
            }
            self.weight_sum.fill(0.0);
            self.seen.fill(0);
            for i in indicators {
                let w = out.weights.within(system, i);
                for (u, &v) in column(i).iter().enumerate() {
                    // Adding zero for a missing value leaves the sums as skipping it would, since they start at +0.
                    let present = !v.is_nan();
                    self.sum[u] += if present { w * v } else { 0.0 };
                    self.weight_sum[u] += if present { w } else { 0.0 };
                    self.seen[u] += present as u32;
                }
            }
            for u in 0..n_units {
                let k = u * n_dim + d;
                if self.seen[u] == 0 {
                    self.absent[k] = true;
                } else {
                    // With every present indicator at zero weight, the plain mean keeps the score defined.
                    out.dimension_scores[k] = if self.weight_sum[u] > 0.0 {
                        self.sum[u] / self.weight_sum[u]
                    } else {
                        unweighted_mean(system, normalised, n_units, u, d)
                    };
                    out.partial[k] = self.seen[u] < all;
                }
            }
        }
    }

    /// Composite scores; units without any value in some dimension are unranked instead.
    fn composite(&self, scenario: &Scenario, out: &mut Ranking) {
        let (n_units, n_dim) = (out.n_units, out.n_dimensions);
        out.composite.clear();
        out.composite.reserve(n_units);
        out.unranked.clear();
        for u in 0..n_units {
            let dims = u * n_dim..(u + 1) * n_dim;
            if self.absent[dims.clone()].contains(&true) {
                let missing_dims = (0..n_dim).filter(|&d| self.absent[u * n_dim + d]).collect();
                out.unranked.push((u, missing_dims));
                out.composite.push(f64::NAN);
            } else {
                out.composite.push(aggregate(
                    scenario.aggregation,
                    &out.weights.dimension,
                    &out.dimension_scores[dims],
                ));
            }
        }
    }

    /// Ranks overall, in each dimension and within each prefecture, and the order of the units.
    fn rank(&mut self, out: &mut Ranking) {
        let (n_units, n_dim) = (out.n_units, out.n_dimensions);
        out.rank.resize(n_units, 0);
        out.order.clear();
        out.order.reserve(n_units);
        let (ties, ranker) = (&self.ties, &mut self.ranker);
        let order = Some(&mut out.order);
        ranker.rank_into(ties, &out.composite, &mut out.rank, Strided::PLAIN, order);
        let composite = &out.composite;
        out.order
            .extend(ties.units().filter(|&u| composite[u].is_nan()));

        out.dimension_rank.resize(n_units * n_dim, 0);
        for d in 0..n_dim {
            let at = Strided {
                stride: n_dim,
                offset: d,
            };
            ranker.rank_into(
                ties,
                &out.dimension_scores,
                &mut out.dimension_rank,
                at,
                None,
            );
        }
        prefecture_ranks_into(
            ties,
            &out.composite,
            &out.order,
            &mut self.prefecture_seen,
            &mut out.prefecture_rank,
        );
    }
}

fn unweighted_mean(
    system: &IndicatorSystem,
    normalised: &[f64],
    n_units: usize,
    u: usize,
    d: usize,
) -> f64 {
    let present: Vec<f64> = system
        .indicators_of(d)
        .map(|i| normalised[i * n_units + u])
        .filter(|v| !v.is_nan())
        .collect();
    present.iter().sum::<f64>() / present.len() as f64
}
