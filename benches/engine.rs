//! Prints the time of one full recompute (treatment, weights, normalisation, aggregation, ranking) for the
//! bundled 83 x 16 data and a synthetic 2,846 x 16 national-scale data set, three ways: with the page's
//! scorer, which keeps its buffers and unit index for its data set and returns a new ranking (the path of
//! every slider move); the same scorer writing into one reused ranking; and a cold `score()` call, which
//! sets everything up first; then the scorer under each normalisation. Figures only; nothing asserted.

use fjindex::data::seeds;
use fjindex::model::{Choice, Dataset, DatasetMeta, Normalisation, Scenario, Unit, Weighting};
use fjindex::score::{score, Ranking, Scorer};
use std::hint::black_box;
use std::time::Instant;

/// Median and fastest time per call in microseconds over `rounds` rounds of `per_round` calls. On a
/// shared machine the fastest round is the better estimate of the code's own cost.
fn time_us(rounds: usize, per_round: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_round {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / per_round as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[rounds / 2], samples[0])
}

fn synthetic(n: usize, template: &Dataset) -> Dataset {
    let units: Vec<Unit> = (0..n)
        .map(|u| Unit {
            adcode: format!("{:06}", 110000 + u),
            name_zh: format!("单位{u}"),
            name_en: String::new(),
            prefecture_zh: String::new(),
            lon: None,
            lat: None,
        })
        .collect();
    let mut data = Dataset::new(DatasetMeta::default(), units, template.n_indicators());
    // A deterministic spread of the bundled values, scaled differently per unit.
    for u in 0..n {
        for i in 0..template.n_indicators() {
            let base = template.get(u % template.n_units(), i).unwrap_or(0.0);
            data.set(
                u,
                i,
                Some(base * (0.5 + ((u * 7919 + i * 104729) % 1000) as f64 / 1000.0)),
            );
        }
    }
    data
}

fn main() {
    let b = seeds::bundle();
    let national = synthetic(2846, &b.data);
    for (label, data) in [
        ("83 x 16 (bundled)", &b.data),
        ("2846 x 16 (synthetic)", &national),
    ] {
        let per_round = if data.n_units() > 100 { 20 } else { 2000 };
        let mut scorer = Scorer::new(data);
        let mut reused = Ranking::default();
        for weighting in [Weighting::Manual, Weighting::Entropy, Weighting::Critic] {
            let scenario = Scenario {
                weighting,
                ..Scenario::default_for(&b.system)
            };
            let page = time_us(15, per_round, || {
                black_box(scorer.score(&b.system, black_box(&scenario)).unwrap());
            });
            let into = time_us(15, per_round, || {
                scorer
                    .score_into(&b.system, black_box(&scenario), &mut reused)
                    .unwrap();
                black_box(&reused);
            });
            let cold = time_us(15, per_round, || {
                black_box(score(&b.system, black_box(data), &scenario).unwrap());
            });
            for (how, (median, best)) in [("scorer", page), ("into", into), ("cold", cold)] {
                println!(
                    "full recompute {label:<22} {:<8} {how:<7} median {median:>8.1} us, fastest round {best:>8.1} us",
                    format!("{weighting:?}")
                );
            }
        }
        // Each normalisation (manual weights) on the page's path, goalposts included.
        for &normalisation in Normalisation::ALL {
            let scenario = Scenario {
                normalisation,
                ..Scenario::default_for(&b.system)
            };
            let (median, best) = time_us(15, per_round, || {
                black_box(scorer.score(&b.system, black_box(&scenario)).unwrap());
            });
            println!(
                "full recompute {label:<22} {:<9} scorer  median {median:>8.1} us, fastest round {best:>8.1} us",
                normalisation.id()
            );
        }
    }
}
