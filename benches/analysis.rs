//! Prints timings of the analyses: a 10,000-sample uncertainty run on 83 units, a Sobol sensitivity run
//! with 1,024 base samples, best and worst ranks of all 83 (over all weightings and with every dimension's
//! share within 10 % to 40 %), one weight reach and one indicator reach. Run with `cargo bench --bench analysis`.

use fjindex::analysis::bounds::all_bounds;
use fjindex::analysis::indicator_reach::indicator_reach_all;
use fjindex::analysis::reach::weight_reach;
use fjindex::analysis::sensitivity::{SensitivityConfig, SensitivityRun};
use fjindex::analysis::synthetic::synthetic;
use fjindex::analysis::uncertainty::{UncertaintyConfig, UncertaintyRun};
use fjindex::analysis::{DimensionModel, WeightLimits};
use fjindex::data::seeds;
use fjindex::model::{Dataset, IndicatorSystem, Scenario};
use std::time::Instant;

fn time<T>(label: &str, repeats: u32, mut f: impl FnMut() -> T) -> T {
    let start = Instant::now();
    let mut out = None;
    for _ in 0..repeats {
        out = Some(f());
    }
    let per = start.elapsed().as_secs_f64() / repeats as f64;
    println!("{label:<58} {:>10.3} ms", per * 1e3);
    out.expect("at least one repeat")
}

fn bench(name: &str, system: &IndicatorSystem, data: &Dataset) {
    println!("-- {name}: {} units", data.n_units());
    let scenario = Scenario::default_for(system);
    let config = UncertaintyConfig {
        samples: 10_000,
        noise: 0.2,
        seed: 1,
        vary_methods: false,
    };
    time("uncertainty, 10,000 samples, one shot", 5, || {
        let mut run = UncertaintyRun::new(system, data, &scenario, config.clone()).unwrap();
        run.step(10_000);
        run.finish()
    });
    time("uncertainty, 10,000 samples, chunks of 500", 5, || {
        let mut run = UncertaintyRun::new(system, data, &scenario, config.clone()).unwrap();
        while !run.step(500).is_finished() {}
        run.finish()
    });
    let varied = UncertaintyConfig {
        vary_methods: true,
        ..config.clone()
    };
    time("uncertainty, 10,000 samples, methods varied too", 3, || {
        let mut run = UncertaintyRun::new(system, data, &scenario, varied.clone()).unwrap();
        run.step(10_000);
        run.finish()
    });
    let sobol = SensitivityConfig {
        base_samples: 1024,
        noise: 0.2,
        seed: 1,
    };
    time(
        "Sobol sensitivity, N = 1,024 (10,240 runs), a county too",
        3,
        || {
            let mut run =
                SensitivityRun::new(system, data, &scenario, sobol.clone(), Some(0)).unwrap();
            while !run.step(500).is_finished() {}
            run.finish()
        },
    );
    let model = DimensionModel::new(system, data, &scenario).unwrap();
    let bounds = time("best and worst rank of every unit", 1, || {
        all_bounds(system, data, &model).unwrap()
    });
    let spread = bounds
        .iter()
        .map(|b| b.worst_rank - b.best_rank)
        .max()
        .unwrap_or(0);
    println!("   (widest best-worst spread: {spread} places)");
    let limited = model
        .clone()
        .with_limits(WeightLimits::new(0.1, 0.4, system.n_dimensions()).unwrap())
        .unwrap();
    time(
        "best and worst rank of every unit, shares 10-40 %",
        1,
        || all_bounds(system, data, &limited).unwrap(),
    );
    let mid = model.ranked[model.ranked.len() / 2];
    time("weight reach: middle unit to rank 10", 3, || {
        weight_reach(system, data, &model, mid, 10).unwrap()
    });
    time(
        "weight reach: middle unit to rank 10, shares 10-40 %",
        3,
        || weight_reach(system, data, &limited, mid, 10).unwrap(),
    );
    time(
        "indicator reach: middle unit to rank 10, 16 indicators",
        3,
        || indicator_reach_all(system, data, &scenario, mid, 10).unwrap(),
    );
}

fn main() {
    let system = seeds::indicator_system();
    bench("synthetic", &system, &synthetic(&system, 83, 7));
    bench("bundled 2024", &system, &seeds::bundle().data);
}
