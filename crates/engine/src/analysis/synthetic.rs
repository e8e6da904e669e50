//! Seeded synthetic data sets for tests and benchmarks: units with a latent strength and per-dimension
//! profiles, so rankings have the mix of clear leaders and close calls that real county data shows.

use crate::model::{Dataset, DatasetMeta, IndicatorSystem, Unit};
use rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// `n` units with values for every indicator of `system`, drawn from `seed`.
pub fn synthetic(system: &IndicatorSystem, n: usize, seed: u64) -> Dataset {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut uniform = move || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let units: Vec<Unit> = (0..n)
        .map(|k| Unit {
            adcode: format!("{:06}", 100_000 + k),
            name_zh: format!("单元{k}"),
            name_en: format!("Unit {k}"),
            prefecture_zh: format!("地区{}", k % 7),
            lon: None,
            lat: None,
        })
        .collect();
    let mut data = Dataset::new(
        DatasetMeta {
            name: format!("synthetic-{n}-{seed}"),
            ..Default::default()
        },
        units,
        system.n_indicators(),
    );
    let n_dim = system.n_dimensions();
    for u in 0..n {
        let strength = uniform();
        let profile: Vec<f64> = (0..n_dim).map(|_| uniform()).collect();
        for (i, ind) in system.indicators.iter().enumerate() {
            let d = system.dimension_of(i);
            let level = 0.5 * strength + 0.3 * profile[d] + 0.2 * uniform();
            let span = ind.plausible_max - ind.plausible_min;
            // Squaring gives the right skew of counts and amounts; rates stay closer to symmetric.
            let shaped = if ind.integer || ind.kind == crate::model::ValueKind::Amount {
                level * level
            } else {
                level
            };
            let mut v = ind.plausible_min + 0.6 * span * shaped;
            v = if ind.integer {
                v.round()
            } else {
                (v * 100.0).round() / 100.0
            };
            data.set(u, i, Some(v));
        }
    }
    data
}
