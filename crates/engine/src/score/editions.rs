//! Scoring several editions (years) of one index: each on its own scale, or on the scale of all
//! editions stacked together, so that scores compare across years.

use super::{Ranking, ScoreError, Scorer};
use crate::model::{Dataset, IndicatorSystem, Scaling, Scenario};

/// Scores every edition under one scenario. `Scaling::Each` scores each edition on its own, as a
/// yearly publication would; `Scaling::Pooled` treats, weighs (entropy, CRITIC) and normalises the
/// editions stacked into one data set, then ranks each edition's units among themselves.
pub fn score_editions(
    system: &IndicatorSystem,
    editions: &[&Dataset],
    scenario: &Scenario,
    scaling: Scaling,
) -> Result<Vec<Ranking>, ScoreError> {
    match scaling {
        Scaling::Each => editions
            .iter()
            .map(|data| Scorer::new(*data).score(system, scenario))
            .collect(),
        Scaling::Pooled => {
            let stacked = stack(editions);
            let pooled = Scorer::new(&stacked).score(system, scenario)?;
            let mut start = 0;
            Ok(editions
                .iter()
                .map(|data| {
                    let part = slice(&pooled, start, data.n_units());
                    start += data.n_units();
                    let mut ranking = part;
                    Scorer::new(*data).rank_scored(&mut ranking);
                    ranking
                })
                .collect())
        }
    }
}

/// The editions' units one after another, with their values; the metadata is the first edition's.
pub fn stack(editions: &[&Dataset]) -> Dataset {
    let n_indicators = editions.first().map_or(0, |d| d.n_indicators());
    let units = editions
        .iter()
        .flat_map(|d| d.units.iter().cloned())
        .collect();
    let meta = editions.first().map(|d| d.meta.clone()).unwrap_or_default();
    let mut stacked = Dataset::new(meta, units, n_indicators);
    for i in 0..n_indicators {
        let column = stacked.column_mut(i);
        let mut at = 0;
        for data in editions {
            let part = data.column(i);
            column[at..at + part.len()].copy_from_slice(part);
            at += part.len();
        }
    }
    stacked
}

/// The scores of units `start..start + n` of a ranking of stacked data, not yet ranked.
fn slice(pooled: &Ranking, start: usize, n: usize) -> Ranking {
    let n_dim = pooled.n_dimensions;
    let n_ind = pooled.normalised.len() / pooled.n_units.max(1);
    let units = start..start + n;
    let per_dimension = start * n_dim..(start + n) * n_dim;
    Ranking {
        n_units: n,
        n_dimensions: n_dim,
        weights: pooled.weights.clone(),
        normalised: (0..n_ind)
            .flat_map(|i| {
                let column = &pooled.normalised[i * pooled.n_units..(i + 1) * pooled.n_units];
                column[units.clone()].iter().copied()
            })
            .collect(),
        dimension_scores: pooled.dimension_scores[per_dimension.clone()].to_vec(),
        partial: pooled.partial[per_dimension].to_vec(),
        composite: pooled.composite[units.clone()].to_vec(),
        unranked: pooled
            .unranked
            .iter()
            .filter(|(u, _)| units.contains(u))
            .map(|(u, dims)| (u - start, dims.clone()))
            .collect(),
        ..Ranking::default()
    }
}
