//! Tests of the analyses: every witness re-scored from scratch, exact bounds and reach against brute
//! force over weight grids (small synthetic and bundled data, with and without limits on each dimension's
//! share), seeded and chunked uncertainty runs,
//! indicator reach minimality, influence, and the text of the analysis commands.

mod common;

use fjindex::analysis::bounds::{self, all_bounds, RankBounds};
use fjindex::analysis::cli::{bounds_text, bounds_text_within, reach_json, uncertainty_text};
use fjindex::analysis::indicator_reach::{
    advice, indicator_reach_all, sentence, AdviceOutcome, IndicatorReach,
};
use fjindex::analysis::influence::influence;
use fjindex::analysis::reach::{weight_reach, WeightReach};
use fjindex::analysis::synthetic::synthetic;
use fjindex::analysis::uncertainty::{run, UncertaintyConfig, UncertaintyRun};
use fjindex::analysis::{parse_weights, AnalysisError, DimensionModel, WeightLimits};
use fjindex::data::seeds;
use fjindex::model::{
    Aggregation, Choice, Dataset, IndicatorSystem, Lang, Normalisation, Scenario,
};
use fjindex::score::{score, tie_key, Ranker};
use proptest::prelude::*;
use std::sync::OnceLock;

fn system() -> IndicatorSystem {
    seeds::indicator_system()
}

/// Every weight vector on the 5-simplex whose coordinates are multiples of 1/steps.
fn grid(steps: u32) -> Vec<Vec<f64>> {
    fn fill(left: u32, slots: usize, prefix: &mut Vec<u32>, steps: u32, out: &mut Vec<Vec<f64>>) {
        if slots == 1 {
            prefix.push(left);
            out.push(prefix.iter().map(|&k| k as f64 / steps as f64).collect());
            prefix.pop();
            return;
        }
        for k in 0..=left {
            prefix.push(k);
            fill(left - k, slots - 1, prefix, steps, out);
            prefix.pop();
        }
    }
    let mut out = Vec::new();
    fill(steps, 5, &mut Vec::new(), steps, &mut out);
    out
}

fn l1(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum()
}

fn assert_simplex(w: &[f64]) {
    assert!(w.iter().all(|&v| v >= 0.0), "negative weight in {w:?}");
    assert!(
        (w.iter().sum::<f64>() - 1.0).abs() < 1e-9,
        "weights {w:?} do not sum to 1"
    );
}

/// Whether every share of `w` lies within `limits` to 1e-9 (the oracle's own comparison).
fn within(w: &[f64], limits: WeightLimits) -> bool {
    w.iter()
        .all(|&v| v >= limits.min - 1e-9 && v <= limits.max + 1e-9)
}

fn assert_within(w: &[f64], limits: WeightLimits) {
    assert!(within(w, limits), "weights {w:?} outside {limits:?}");
}

/// A weight grid with the ranks of all units at each point.
struct Grid {
    points: Vec<Vec<f64>>,
    ranks: Vec<Vec<u32>>,
}

impl Grid {
    fn new(model: &DimensionModel, steps: u32) -> Self {
        Self::within(model, steps, WeightLimits::ANY)
    }

    /// The grid points whose every share lies within `limits` (to rounding of k / steps).
    fn within(model: &DimensionModel, steps: u32, limits: WeightLimits) -> Self {
        let points: Vec<Vec<f64>> = grid(steps)
            .into_iter()
            .filter(|w| {
                w.iter()
                    .all(|&v| v >= limits.min - 1e-12 && v <= limits.max + 1e-12)
            })
            .collect();
        let ranks = points.iter().map(|w| model.ranks_at(w)).collect();
        Self { points, ranks }
    }
}

/// Checks reported bounds against re-scoring and a weight grid.
fn check_bounds(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    bounds: &[RankBounds],
    g: &Grid,
) {
    assert_eq!(bounds.len(), model.ranked.len());
    let (points, grid_ranks) = (&g.points, &g.ranks);
    let limits = model.limits;
    for b in bounds {
        assert_simplex(&b.best_weights);
        assert_simplex(&b.worst_weights);
        assert_within(&b.best_weights, limits);
        assert_within(&b.worst_weights, limits);
        let scored_best = score(system, data, &model.scenario_for(&b.best_weights))
            .unwrap()
            .rank[b.unit];
        let scored_worst = score(system, data, &model.scenario_for(&b.worst_weights))
            .unwrap()
            .rank[b.unit];
        assert_eq!(
            scored_best, b.best_rank,
            "best witness of {} does not give its rank",
            b.adcode
        );
        assert_eq!(
            scored_worst, b.worst_rank,
            "worst witness of {} does not give its rank",
            b.adcode
        );
        if within(&model.weights, limits) {
            assert!(
                b.best_rank <= model.nominal_rank[b.unit]
                    && model.nominal_rank[b.unit] <= b.worst_rank
            );
        }
        for (ranks, w) in grid_ranks.iter().zip(points) {
            let r = ranks[b.unit];
            assert!(
                r >= b.best_rank,
                "grid {w:?} gives {} rank {r}, better than best {}",
                b.adcode,
                b.best_rank
            );
            assert!(
                r <= b.worst_rank,
                "grid {w:?} gives {} rank {r}, worse than worst {}",
                b.adcode,
                b.worst_rank
            );
        }
    }
}

/// Checks a weight reach answer against re-scoring and the grid.
fn check_reach(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    t: usize,
    target: u32,
    g: &Grid,
) {
    let reach = weight_reach(system, data, model, t, target).unwrap();
    let grid_best = g
        .points
        .iter()
        .zip(&g.ranks)
        .filter(|(_, r)| r[t] <= target)
        .map(|(w, _)| l1(w, &model.weights))
        .fold(f64::INFINITY, f64::min);
    match reach {
        WeightReach::Already { rank } => {
            assert_eq!(rank, model.nominal_rank[t]);
            assert!(rank <= target);
            assert_within(&model.weights, model.limits);
        }
        WeightReach::Reachable {
            weights,
            rank,
            change,
        } => {
            assert_simplex(&weights);
            assert_within(&weights, model.limits);
            assert!(model.nominal_rank[t] > target || !within(&model.weights, model.limits));
            let scored = score(system, data, &model.scenario_for(&weights))
                .unwrap()
                .rank[t];
            assert_eq!(scored, rank);
            assert!(
                rank <= target,
                "reach weights give rank {rank}, target {target}"
            );
            assert!((l1(&weights, &model.weights) - change).abs() < 1e-12);
            assert!(
                grid_best >= change - 1e-4,
                "grid reaches {target} at L1 {grid_best} < reported {change}"
            );
        }
        WeightReach::Unreachable { best_rank } => {
            assert!(best_rank > target);
            assert!(
                grid_best.is_infinite(),
                "grid reaches rank {target} that was reported unreachable"
            );
            // The best rank itself must then be reachable.
            assert!(!matches!(
                weight_reach(system, data, model, t, best_rank).unwrap(),
                WeightReach::Unreachable { .. }
            ));
        }
    }
}

#[test]
fn fast_ranks_equal_full_rescoring_including_ties() {
    let system = system();
    let mut data = synthetic(&system, 40, 11);
    // Two identical units must tie and share the better rank.
    for i in 0..system.n_indicators() {
        let v = data.get(0, i);
        data.set(1, i, v);
    }
    for aggregation in [Aggregation::Arithmetic, Aggregation::Geometric] {
        let mut scenario = Scenario::default_for(&system);
        scenario.aggregation = aggregation;
        let model = DimensionModel::new(&system, &data, &scenario).unwrap();
        for (k, raw) in grid(4).iter().enumerate().filter(|(k, _)| k % 3 == 0) {
            let total: f64 = raw.iter().sum();
            let w: Vec<f64> = raw.iter().map(|v| v / total).collect();
            let full = score(&system, &data, &model.scenario_for(raw)).unwrap();
            assert_eq!(
                model.ranks_at(&w),
                full.rank,
                "point {k} under {aggregation:?}"
            );
            assert_eq!(full.rank[0], full.rank[1]);
        }
    }
}

proptest! {
    #![proptest_config(common::proptest_config(24))]

    #[test]
    fn fast_ranks_match_score_for_random_weights(raw in prop::collection::vec(0.0f64..1.0, 5), geometric: bool) {
        prop_assume!(raw.iter().sum::<f64>() > 1e-3);
        let system = system();
        let data = synthetic(&system, 30, 5);
        let mut scenario = Scenario::default_for(&system);
        if geometric {
            scenario.aggregation = Aggregation::Geometric;
        }
        let model = DimensionModel::new(&system, &data, &scenario).unwrap();
        let total: f64 = raw.iter().sum();
        let w: Vec<f64> = raw.iter().map(|v| v / total).collect();
        prop_assert_eq!(model.ranks_at(&w), score(&system, &data, &model.scenario_for(&raw)).unwrap().rank);
    }

    #[test]
    fn reused_rank_buffers_count_strictly_greater_composites(
        raws in prop::collection::vec(prop::collection::vec(0.0f64..1.0, 5), 1..4),
        geometric: bool,
    ) {
        let system = system();
        let mut data = synthetic(&system, 30, 5);
        // Unit 1 copies unit 0, so the two tie; unit 2 lacks a whole dimension and is unranked.
        for i in 0..system.n_indicators() {
            let v = data.get(0, i);
            data.set(1, i, v);
            if system.dimension_of(i) == 0 {
                data.set(2, i, None);
            }
        }
        let mut scenario = Scenario::default_for(&system);
        if geometric {
            scenario.aggregation = Aggregation::Geometric;
        }
        let model = DimensionModel::new(&system, &data, &scenario).unwrap();
        let (mut composites, mut ranker, mut ranks) = (Vec::new(), Ranker::default(), vec![0; 30]);
        for raw in raws.iter().filter(|raw| raw.iter().sum::<f64>() > 1e-3) {
            let total: f64 = raw.iter().sum();
            let w: Vec<f64> = raw.iter().map(|v| v / total).collect();
            model.ranks_into(&w, &mut composites, &mut ranker, &mut ranks);
            let key = |u: usize| tie_key(model.composite(u, &w));
            let want: Vec<u32> = (0..30)
                .map(|u| match model.nominal_rank[u] {
                    0 => 0,
                    _ => 1 + model.ranked.iter().filter(|&&v| key(v) > key(u)).count() as u32,
                })
                .collect();
            prop_assert_eq!(&ranks, &want);
            prop_assert_eq!(ranks[2], 0);
            prop_assert_eq!(ranks[0], ranks[1]);
            prop_assert_eq!(model.ranks_at(&w), want);
        }
    }

    #[test]
    fn chunked_run_equals_one_shot(chunks in prop::collection::vec(1usize..90, 1..12), seed: u64, vary: bool) {
        let system = system();
        let data = synthetic(&system, 25, 3);
        let scenario = Scenario::default_for(&system);
        let config = UncertaintyConfig { samples: 300, noise: 0.3, seed, vary_methods: vary };
        let whole = run(&system, &data, &scenario, config.clone()).unwrap();
        let mut chunked = UncertaintyRun::new(&system, &data, &scenario, config).unwrap();
        for &c in chunks.iter().cycle() {
            if chunked.step(c).is_finished() {
                break;
            }
        }
        prop_assert_eq!(chunked.finish(), whole);
    }
}

#[test]
fn bounds_on_small_synthetic_data_hold_against_a_fine_grid() {
    let system = system();
    for seed in [1, 2] {
        let data = synthetic(&system, 9, seed);
        for aggregation in [Aggregation::Arithmetic, Aggregation::Geometric] {
            let mut scenario = Scenario::default_for(&system);
            scenario.aggregation = aggregation;
            scenario.dimension_weights = vec![3.0, 1.0, 2.0, 1.0, 1.0];
            let model = DimensionModel::new(&system, &data, &scenario).unwrap();
            let b = all_bounds(&system, &data, &model).unwrap();
            let g = Grid::new(&model, 20);
            check_bounds(&system, &data, &model, &b, &g);
            // With nine units some must move under reweighting, or the test would prove little.
            assert!(b.iter().any(|b| b.best_rank < b.worst_rank));
            for t in model.ranked.clone() {
                for target in [1, 3] {
                    check_reach(&system, &data, &model, t, target, &g);
                }
            }
        }
    }
}

struct Bundled {
    system: IndicatorSystem,
    data: Dataset,
    model: DimensionModel,
    bounds: Vec<RankBounds>,
}

fn bundled() -> &'static Bundled {
    static CELL: OnceLock<Bundled> = OnceLock::new();
    CELL.get_or_init(|| {
        let system = system();
        let data = seeds::bundle().data;
        let model = DimensionModel::new(&system, &data, &Scenario::default_for(&system)).unwrap();
        let bounds = all_bounds(&system, &data, &model).unwrap();
        Bundled {
            system,
            data,
            model,
            bounds,
        }
    })
}

#[test]
fn bundled_bounds_hold_and_the_committed_table_reproduces() {
    let b = bundled();
    check_bounds(
        &b.system,
        &b.data,
        &b.model,
        &b.bounds,
        &Grid::new(&b.model, 16),
    );
    assert_eq!(
        bounds::to_csv(&b.system, &b.bounds),
        bounds::BUNDLED_BOUNDS_CSV,
        "regenerate seeds/bounds_2024.csv"
    );
    // The lookup applies whatever the dimension weights, and not under another method.
    let mut scenario = Scenario::default_for(&b.system);
    scenario.dimension_weights = vec![5.0, 1.0, 1.0, 2.0, 1.0];
    assert_eq!(
        bounds::precomputed(&b.system, &b.data, &scenario).as_deref(),
        Some(&b.bounds[..])
    );
    assert_eq!(
        bounds_text(&b.system, &b.data, &scenario, true).unwrap(),
        bounds::BUNDLED_BOUNDS_CSV
    );
    scenario.aggregation = Aggregation::Geometric;
    assert!(bounds::precomputed(&b.system, &b.data, &scenario).is_none());
}

#[test]
fn bundled_weight_reach_is_minimal_on_a_grid() {
    let b = bundled();
    let g = Grid::new(&b.model, 16);
    for position in [3, 12, 30, 60] {
        let t = b.model.ranked[position];
        let bound = b.bounds.iter().find(|x| x.unit == t).unwrap();
        let nominal = b.model.nominal_rank[t];
        for target in [
            1,
            bound.best_rank,
            (bound.best_rank + nominal) / 2,
            nominal.saturating_sub(1).max(1),
        ] {
            check_reach(&b.system, &b.data, &b.model, t, target, &g);
        }
    }
}

/// Limits that leave room to move but exclude the simplex's faces and corners.
fn ten_to_forty() -> WeightLimits {
    WeightLimits::new(0.1, 0.4, 5).unwrap()
}

#[test]
fn limited_bounds_on_small_synthetic_data_hold_against_a_fine_grid() {
    let system = system();
    for seed in [1, 2] {
        let data = synthetic(&system, 9, seed);
        // Nominal weights inside the limits, and outside them (industry at 50 %, innovation at 33 %).
        for (weights, limits) in [
            (vec![3.0, 1.0, 2.0, 1.0, 1.0], ten_to_forty()),
            (vec![5.0, 1.0, 2.0, 1.0, 1.0], ten_to_forty()),
            (
                vec![1.0, 1.0, 1.0, 1.0, 1.0],
                WeightLimits::new(0.0, 0.3, 5).unwrap(),
            ),
            (
                vec![1.0, 1.0, 1.0, 1.0, 1.0],
                WeightLimits::new(0.06, 1.0, 5).unwrap(),
            ),
            (
                vec![1.0, 2.0, 1.0, 1.0, 1.0],
                WeightLimits::new(0.16, 0.24, 5).unwrap(),
            ),
        ] {
            for aggregation in [Aggregation::Arithmetic, Aggregation::Geometric] {
                let mut scenario = Scenario::default_for(&system);
                scenario.aggregation = aggregation;
                scenario.dimension_weights = weights.clone();
                let model = DimensionModel::new(&system, &data, &scenario)
                    .unwrap()
                    .with_limits(limits)
                    .unwrap();
                let b = all_bounds(&system, &data, &model).unwrap();
                // Grid step 0.02.
                let g = Grid::within(&model, 50, limits);
                assert!(g.points.len() > 300, "{} grid points", g.points.len());
                check_bounds(&system, &data, &model, &b, &g);
                assert!(b.iter().any(|b| b.best_rank < b.worst_rank));
                // The limits bind: some unit's range is narrower than over all weightings.
                let unlimited = DimensionModel::new(&system, &data, &scenario).unwrap();
                let free = all_bounds(&system, &data, &unlimited).unwrap();
                assert!(b
                    .iter()
                    .zip(&free)
                    .all(|(b, f)| { f.best_rank <= b.best_rank && b.worst_rank <= f.worst_rank }));
                assert!(b
                    .iter()
                    .zip(&free)
                    .any(|(b, f)| (b.best_rank, b.worst_rank) != (f.best_rank, f.worst_rank)));
                for t in model.ranked.clone() {
                    for target in [1, 3] {
                        check_reach(&system, &data, &model, t, target, &g);
                    }
                }
            }
        }
    }
}

#[test]
fn limits_that_allow_only_equal_weights_fix_every_rank_there() {
    let system = system();
    let data = synthetic(&system, 9, 2);
    let model = DimensionModel::new(&system, &data, &Scenario::default_for(&system))
        .unwrap()
        .with_limits(WeightLimits::new(0.2, 0.2, 5).unwrap())
        .unwrap();
    let equal = score(&system, &data, &model.scenario_for(&[0.2; 5])).unwrap();
    for b in all_bounds(&system, &data, &model).unwrap() {
        assert_eq!(
            (b.best_rank, b.worst_rank),
            (equal.rank[b.unit], equal.rank[b.unit])
        );
        for w in [&b.best_weights, &b.worst_weights] {
            assert!(w.iter().all(|v| (v - 0.2).abs() < 1e-9), "{w:?}");
        }
    }
}

#[test]
fn infeasible_or_out_of_range_limits_are_refused() {
    for (min, max) in [
        (0.25, 1.0),
        (0.0, 0.15),
        (0.3, 0.1),
        (-0.1, 1.0),
        (0.0, 1.5),
        (f64::NAN, 1.0),
    ] {
        let refused = WeightLimits::new(min, max, 5);
        assert!(
            matches!(refused, Err(AnalysisError::InfeasibleLimits { .. })),
            "({min}, {max}) gave {refused:?}"
        );
    }
    assert_eq!(
        WeightLimits::new(0.25, 1.0, 5).unwrap_err().message(Lang::En),
        "dimension weight limits of 25% to 100% cannot hold: the 5 shares sum to 100%, so the minimum must be at most 20% and the maximum at least that, within 0% to 100%"
    );
    for (min, max) in [(0.2, 0.2), (0.0, 0.2), (0.2, 1.0), (0.0, 1.0)] {
        assert_eq!(
            WeightLimits::new(min, max, 5),
            Ok(WeightLimits { min, max })
        );
    }
    let system = system();
    let data = synthetic(&system, 4, 1);
    let model = DimensionModel::new(&system, &data, &Scenario::default_for(&system)).unwrap();
    assert!(model
        .with_limits(WeightLimits { min: 0.5, max: 1.0 })
        .is_err());
}

#[test]
fn bundled_limited_bounds_and_reach_hold_on_a_coarser_grid() {
    let b = bundled();
    let limits = ten_to_forty();
    let model = b.model.clone().with_limits(limits).unwrap();
    // Grid step 0.05.
    let g = Grid::within(&model, 20, limits);
    let mut some = Vec::new();
    for position in [0, 3, 12, 30, 60, b.model.ranked.len() - 1] {
        let t = model.ranked[position];
        some.push(bounds::rank_bounds(&b.system, &b.data, &model, t).unwrap());
        check_reach(&b.system, &b.data, &model, t, 1, &g);
    }
    let free: Vec<&RankBounds> = some
        .iter()
        .map(|x| b.bounds.iter().find(|f| f.unit == x.unit).unwrap())
        .collect();
    // check_bounds expects every ranked unit; check these few by hand with the same oracle.
    for (x, f) in some.iter().zip(free) {
        assert!(f.best_rank <= x.best_rank && x.worst_rank <= f.worst_rank);
        for w in [&x.best_weights, &x.worst_weights] {
            assert_simplex(w);
            assert_within(w, limits);
        }
        let rescored = |w: &[f64]| {
            score(&b.system, &b.data, &model.scenario_for(w))
                .unwrap()
                .rank[x.unit]
        };
        assert_eq!(rescored(&x.best_weights), x.best_rank);
        assert_eq!(rescored(&x.worst_weights), x.worst_rank);
        for (ranks, w) in g.ranks.iter().zip(&g.points) {
            assert!(
                (x.best_rank..=x.worst_rank).contains(&ranks[x.unit]),
                "grid {w:?} gives {} rank {}, outside {}..={}",
                x.adcode,
                ranks[x.unit],
                x.best_rank,
                x.worst_rank
            );
        }
    }
}

#[test]
fn no_limits_reproduce_todays_bounds_exactly() {
    let b = bundled();
    let any = WeightLimits::new(0.0, 1.0, 5).unwrap();
    assert!(any.is_any());
    let model = b.model.clone().with_limits(any).unwrap();
    assert_eq!(all_bounds(&b.system, &b.data, &model).unwrap(), b.bounds);
    let scenario = Scenario::default_for(&b.system);
    assert_eq!(
        bounds_text_within(&b.system, &b.data, &scenario, false, any).unwrap(),
        bounds::BUNDLED_BOUNDS_CSV
    );
    // Limits never use the precomputed table.
    let limited = bounds_text_within(&b.system, &b.data, &scenario, true, ten_to_forty()).unwrap();
    assert_ne!(limited, bounds::BUNDLED_BOUNDS_CSV);
    assert_eq!(
        limited.lines().next(),
        bounds::BUNDLED_BOUNDS_CSV.lines().next()
    );
}

#[test]
fn seeded_runs_reproduce_and_seeds_matter() {
    let system = system();
    let data = seeds::bundle().data;
    let scenario = Scenario::default_for(&system);
    let config = UncertaintyConfig {
        samples: 2000,
        noise: 0.2,
        seed: 42,
        vary_methods: false,
    };
    let a = run(&system, &data, &scenario, config.clone()).unwrap();
    let b = run(&system, &data, &scenario, config.clone()).unwrap();
    assert_eq!(a, b);
    let other = run(
        &system,
        &data,
        &scenario,
        UncertaintyConfig {
            seed: 43,
            vary_methods: true,
            ..config
        },
    )
    .unwrap();
    assert_ne!(a.rows, other.rows);
    let csv = uncertainty_text(
        &system,
        &data,
        &scenario,
        UncertaintyConfig {
            samples: 500,
            ..Default::default()
        },
        false,
    )
    .unwrap();
    assert_eq!(
        csv.lines().next(),
        Some("adcode,nominal_rank,median_rank,p05,p95")
    );
    assert_eq!(csv.lines().count(), 84);
    assert!(uncertainty_text(
        &system,
        &data,
        &scenario,
        UncertaintyConfig {
            noise: 1.5,
            ..Default::default()
        },
        false
    )
    .is_err());
}

#[test]
fn samples_are_real_rescorings_and_quantiles_use_nearest_rank() {
    let system = system();
    let data = synthetic(&system, 20, 9);
    let mut scenario = Scenario::default_for(&system);
    scenario.dimension_weights = vec![1.0, 2.0, 3.0, 1.0, 1.0];
    let nominal_w: Vec<f64> = scenario.dimension_weights.iter().map(|w| w / 8.0).collect();
    let noise = 0.25;
    for vary in [false, true] {
        let config = UncertaintyConfig {
            samples: 120,
            noise,
            seed: 7,
            vary_methods: vary,
        };
        let mut run = UncertaintyRun::new(&system, &data, &scenario, config).unwrap();
        let mut per_unit: Vec<Vec<u32>> = vec![Vec::new(); data.n_units()];
        while !run.progress().is_finished() {
            run.step(1);
            let w = run.last_weights().to_vec();
            let (normalisation, aggregation) = run.last_method();
            let mut s = scenario.clone();
            (s.normalisation, s.aggregation, s.dimension_weights) =
                (normalisation, aggregation, w.clone());
            assert_eq!(score(&system, &data, &s).unwrap().rank, run.last_ranks());
            if !vary {
                let (lo, hi) = ((1.0 - noise) / (1.0 + noise), (1.0 + noise) / (1.0 - noise));
                for (a, b) in w.iter().zip(&nominal_w) {
                    assert!((lo - 1e-12..=hi + 1e-12).contains(&(a / b)));
                }
            } else {
                // Every normalisation the page offers is an alternative, goalposts included.
                assert!(Normalisation::ALL.contains(&normalisation));
            }
            for (u, &r) in run.last_ranks().iter().enumerate() {
                per_unit[u].push(r);
            }
        }
        let result = run.finish();
        for row in &result.rows {
            let mut ranks = per_unit[row.unit].clone();
            ranks.sort_unstable();
            let n = ranks.len();
            let nearest = |p: f64| ranks[((p * n as f64).ceil() as usize).max(1) - 1];
            assert_eq!(
                (row.p05, row.median_rank, row.p95),
                (nearest(0.05), nearest(0.5), nearest(0.95))
            );
        }
        // A pair's order is unsettled when the lower one is ahead in more than 12 of the 120 samples.
        let swapped = |upper: usize, lower: usize| {
            let ahead = |s: usize| per_unit[lower][s] < per_unit[upper][s];
            (0..per_unit[upper].len()).filter(|&s| ahead(s)).count() > 12
        };
        let rows = &result.rows;
        for (k, row) in rows.iter().enumerate() {
            let with_previous = k > 0 && swapped(rows[k - 1].unit, row.unit);
            let with_next = k + 1 < rows.len() && swapped(row.unit, rows[k + 1].unit);
            assert_eq!(
                (row.unsettled_above(), row.unsettled_below()),
                (with_previous, with_next),
                "{}",
                row.adcode
            );
        }
        assert!(
            rows.iter().any(|r| r.order_unsettled()) && rows.iter().any(|r| !r.order_unsettled())
        );
    }
}

#[test]
fn no_noise_means_no_uncertainty() {
    let system = system();
    let data = synthetic(&system, 30, 4);
    let scenario = Scenario::default_for(&system);
    let result = run(
        &system,
        &data,
        &scenario,
        UncertaintyConfig {
            samples: 50,
            noise: 0.0,
            ..Default::default()
        },
    )
    .unwrap();
    for row in &result.rows {
        assert_eq!(
            (row.p05, row.median_rank, row.p95),
            (row.nominal_rank, row.nominal_rank, row.nominal_rank)
        );
    }
}

#[test]
fn indicator_reach_is_minimal_and_respects_integers() {
    let system = system();
    let data = seeds::bundle().data;
    let scenario = Scenario::default_for(&system);
    let ranking = score(&system, &data, &scenario).unwrap();
    let u = ranking.order[19];
    let target = 10;
    let rows = indicator_reach_all(&system, &data, &scenario, u, target).unwrap();
    let rank_with = |i: usize, v: f64| {
        let mut d = data.clone();
        d.set(u, i, Some(v));
        score(&system, &d, &scenario).unwrap().rank[u]
    };
    let mut reachable = 0;
    for row in &rows {
        let ind = &system.indicators[row.indicator];
        let step = if ind.integer {
            1.0
        } else {
            10f64.powi(-(ind.decimals as i32))
        };
        match row.reach {
            IndicatorReach::Reachable {
                increase,
                new_value,
                rank,
            } => {
                reachable += 1;
                assert!(increase > 0.0 && new_value <= ind.plausible_max + 1e-9);
                assert_eq!(rank_with(row.indicator, new_value), rank);
                assert!(rank <= target);
                assert!(
                    rank_with(row.indicator, new_value - step) > target,
                    "{} is not minimal",
                    ind.id
                );
                if ind.integer {
                    assert_eq!(new_value.fract(), 0.0);
                    let text = sentence(&system, row, target, Lang::Zh);
                    assert!(
                        text.contains(&format!(
                            "{}再多 {} {}可升至第 {rank} 位",
                            ind.short_zh, increase, ind.unit_zh
                        )),
                        "{text}"
                    );
                }
            }
            IndicatorReach::NotReachable => {
                assert!(
                    rank_with(row.indicator, ind.plausible_max) > target,
                    "{} reaches at its maximum",
                    ind.id
                );
                assert!(sentence(&system, row, target, Lang::En).contains("alone cannot"));
            }
            IndicatorReach::Already | IndicatorReach::Missing => {
                panic!("unit at rank 20 is not at rank 10")
            }
        }
    }
    assert!(reachable > 0, "no indicator lifts the 20th unit to rank 10");
}

#[test]
fn reach_advice_marks_values_beyond_the_best_county_and_lists_small_steps_first() {
    let system = system();
    let data = seeds::bundle().data;
    let scenario = Scenario::default_for(&system);
    let ranking = score(&system, &data, &scenario).unwrap();
    // The 71st county aiming for 50th place: some single indicators would need more than any county has.
    let u = ranking.order[70];
    let rows = indicator_reach_all(&system, &data, &scenario, u, 50).unwrap();
    let list = advice(&data, &rows);
    assert_eq!(list.len(), system.n_indicators());
    let column =
        |i: usize| -> Vec<f64> { (0..data.n_units()).filter_map(|v| data.get(v, i)).collect() };
    let mut last_share = f64::NEG_INFINITY;
    let mut seen_other = false;
    let (mut feasible, mut beyond) = (0, 0);
    for a in &list {
        let values = column(a.indicator);
        let max = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let min = values.iter().cloned().fold(f64::INFINITY, f64::min);
        assert_eq!(a.best, Some(max));
        let row = rows.iter().find(|r| r.indicator == a.indicator).unwrap();
        match (&a.outcome, &row.reach) {
            (
                AdviceOutcome::Feasible {
                    required,
                    rank,
                    percent,
                    share_of_range,
                },
                IndicatorReach::Reachable {
                    increase,
                    new_value,
                    rank: r,
                },
            ) => {
                assert!(!seen_other, "feasible advice comes first");
                feasible += 1;
                assert!(*required <= max && required == new_value && rank == r);
                let current = a.current.unwrap();
                match percent {
                    Some(p) => assert!((p - increase / current.abs() * 100.0).abs() < 1e-9),
                    None => assert_eq!(current, 0.0, "no percentage only from zero"),
                }
                assert!((share_of_range - increase / (max - min)).abs() < 1e-12);
                assert!(*share_of_range >= last_share, "sorted by share of range");
                last_share = *share_of_range;
            }
            (AdviceOutcome::BeyondBest, IndicatorReach::Reachable { new_value, .. }) => {
                seen_other = true;
                beyond += 1;
                assert!(*new_value > max);
            }
            (AdviceOutcome::NotReachable, IndicatorReach::NotReachable) => seen_other = true,
            (outcome, reach) => panic!("{outcome:?} from {reach:?}"),
        }
    }
    assert!(
        feasible > 0 && beyond > 0,
        "{feasible} feasible, {beyond} beyond the best county"
    );
}

#[test]
fn pairwise_probabilities_count_the_samples_in_which_neighbours_swap() {
    let system = system();
    let data = seeds::bundle().data;
    let scenario = Scenario::default_for(&system);
    let config = UncertaintyConfig {
        samples: 400,
        noise: 0.35,
        seed: 7,
        vary_methods: true,
    };
    let mut sampled = UncertaintyRun::new(&system, &data, &scenario, config).unwrap();
    let nominal = score(&system, &data, &scenario).unwrap().order;
    // Counted here, one sample at a time, from the ranks each sample gave.
    let mut upper_ahead = vec![0u32; nominal.len() - 1];
    let mut lower_ahead = vec![0u32; nominal.len() - 1];
    for _ in 0..400 {
        sampled.step(1);
        let ranks = sampled.last_ranks();
        for (i, pair) in nominal.windows(2).enumerate() {
            upper_ahead[i] += u32::from(ranks[pair[0]] < ranks[pair[1]]);
            lower_ahead[i] += u32::from(ranks[pair[1]] < ranks[pair[0]]);
        }
    }
    let result = sampled.finish();
    assert_eq!(result.samples, 400);
    let rows = &result.rows;
    assert_eq!(rows.iter().map(|r| r.unit).collect::<Vec<_>>(), nominal);
    assert_eq!(
        (rows[0].above_previous, rows[rows.len() - 1].above_next),
        (None, None)
    );
    for i in 0..rows.len() - 1 {
        assert_eq!(rows[i].above_next, Some(upper_ahead[i] as f64 / 400.0));
        assert_eq!(
            rows[i + 1].above_previous,
            Some(lower_ahead[i] as f64 / 400.0)
        );
    }
    // Some neighbours do swap at this noise, so the probabilities say more than a flag.
    assert!(rows
        .iter()
        .any(|r| r.above_next.is_some_and(|p| p > 0.0 && p < 1.0)));

    let second = &rows[1];
    let zh = result.unit_sentence(&data, second.unit, Lang::Zh).unwrap();
    let (above, below) = (&data.units[rows[0].unit], &data.units[rows[2].unit]);
    assert!(
        zh.starts_with(&format!(
            "在 90% 的权重扰动下，{}位于第 ",
            data.units[second.unit].name_zh
        )),
        "{zh}"
    );
    assert!(
        zh.contains(&format!("领先下一名{}的概率", below.name_zh)),
        "{zh}"
    );
    assert!(
        zh.contains(&format!("超过上一名{}的概率", above.name_zh)),
        "{zh}"
    );
    assert!(!zh.contains("为 >") && !zh.contains("为 <"), "{zh}");
    let en = result.unit_sentence(&data, second.unit, Lang::En).unwrap();
    assert!(
        en.contains(&format!("stays ahead of {}", below.name_en)),
        "{en}"
    );
    assert_eq!(fjindex::analysis::uncertainty::percent_text(0.996), ">99%");
    assert_eq!(fjindex::analysis::uncertainty::percent_text(0.004), "<1%");
    assert_eq!(fjindex::analysis::uncertainty::percent_text(0.5), "50%");
}

#[test]
fn influence_of_the_only_weighted_indicator_is_perfect() {
    let system = system();
    let data = synthetic(&system, 40, 2);
    let mut scenario = Scenario::default_for(&system);
    scenario.dimension_weights = vec![1.0, 0.0, 0.0, 0.0, 0.0];
    scenario.indicator_weights[1] = 0.0;
    scenario.indicator_weights[2] = 0.0;
    let ranking = score(&system, &data, &scenario).unwrap();
    let inf = influence(&system, &ranking);
    assert!((inf[0].correlation - 1.0).abs() < 1e-12);
    assert!((inf[0].weight - 1.0).abs() < 1e-12);
    assert!(inf
        .iter()
        .all(|x| (-1.0 - 1e-12..=1.0 + 1e-12).contains(&x.correlation)));
    assert!((inf.iter().map(|x| x.weight).sum::<f64>() - 1.0).abs() < 1e-12);
}

#[test]
fn reach_command_prints_weights_that_really_work() {
    let b = bundled();
    let scenario = Scenario::default_for(&b.system);
    let t = b.model.ranked[25];
    let adcode = b.model.adcode(t).to_string();
    let text = reach_json(&b.system, &b.data, &scenario, &adcode, 15).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["current_rank"], 26);
    if v["reachable"] == true {
        let spec: Vec<String> = b
            .system
            .dimensions
            .iter()
            .map(|d| format!("{}={}", d.id, v["weights"][&d.id].as_f64().unwrap()))
            .collect();
        let w = parse_weights(&b.system, &spec.join(";")).unwrap();
        let rank = score(&b.system, &b.data, &b.model.scenario_for(&w))
            .unwrap()
            .rank[t];
        assert!(rank <= 15 && v["rank"] == rank);
    } else {
        assert!(v["best_rank"].as_u64().unwrap() > 15);
    }
    assert!(reach_json(&b.system, &b.data, &scenario, "999999", 3)
        .unwrap_err()
        .contains("999999"));
    assert!(reach_json(&b.system, &b.data, &scenario, &adcode, 0).is_err());
}
