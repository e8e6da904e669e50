//! Sobol sensitivity against oracles it does not share: the Ishigami function's analytic indices,
//! SALib's total-effect indices on the same sample matrices (tests/data/sobol_salib.py), and the
//! `fjindex sensitivity` command's JSON.

mod common;

use common::fjindex;

use fjindex::analysis::sensitivity::{self, SensitivityConfig, SensitivityInput};
use fjindex::analysis::sobol::{
    analyse, Design, Input, OutputIndices, SobolRun, BOOTSTRAP_RESAMPLES,
};
use fjindex::data::seeds;
use fjindex::model::{Lang, Scenario};
use std::f64::consts::PI;
use std::path::PathBuf;

/// Ishigami and Homma (1990) with a = 7, b = 0.1.
fn ishigami(x: &[f64], out: &mut [f64]) {
    out[0] = x[0].sin() + 7.0 * x[1].sin().powi(2) + 0.1 * x[2].powi(4) * x[0].sin();
}

fn ishigami_inputs() -> Vec<Input> {
    vec![Input::Uniform { lo: -PI, hi: PI }; 3]
}

/// The analytic indices (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, 4.5), to four
/// decimals.
const ISHIGAMI_FIRST_ORDER: [f64; 3] = [0.3139, 0.4424, 0.0];
const ISHIGAMI_TOTAL_EFFECT: [f64; 3] = [0.5576, 0.4424, 0.2437];

fn data_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// With N = 20,000 every estimate is within 1.5 times its bootstrap 95 % half-width of the analytic
/// value. The half-width is about 1.96 standard errors, so this allows about three standard errors
/// (all six inside hold together with probability about 0.98 for a random seed); the half-widths
/// themselves must be under 0.04, so the check is not loose by a wide interval.
#[test]
fn ishigami_indices_match_the_analytic_values_within_their_sampling_error() {
    let result = analyse(&ishigami_inputs(), 1, 20_000, 11, ishigami);
    let o = &result[0];
    let pairs = o
        .first_order
        .iter()
        .zip(ISHIGAMI_FIRST_ORDER)
        .chain(o.total_effect.iter().zip(ISHIGAMI_TOTAL_EFFECT));
    for (e, truth) in pairs {
        let half_width = (e.high - e.value).max(e.value - e.low);
        assert!(e.low <= e.value && e.value <= e.high, "{e:?}");
        assert!(half_width < 0.04, "{e:?} has a wide interval");
        assert!(
            (e.value - truth).abs() <= 1.5 * half_width,
            "{e:?} against the analytic {truth}"
        );
    }
    assert_eq!(o.dominant_input(), Some(0));
}

#[test]
fn discrete_levels_are_equally_likely_and_a_constant_output_has_no_indices() {
    let design = Design::new(
        &[Input::Levels(4), Input::Uniform { lo: 2.0, hi: 3.0 }],
        4000,
        3,
    );
    let mut counts = [0usize; 4];
    for row in design.a.chunks(2).chain(design.b.chunks(2)) {
        counts[row[0] as usize] += 1;
        assert!((2.0..3.0).contains(&row[1]));
    }
    for c in counts {
        // 8,000 draws: each level 2,000 +- 4 standard deviations (about 39 each).
        assert!((2000usize.abs_diff(c)) < 160, "{counts:?}");
    }
    let o = &analyse(&[Input::Levels(3)], 1, 50, 1, |_, out| out[0] = 5.0)[0];
    assert!(o.total_effect[0].value.is_nan() && o.dominant_input().is_none());
}

#[test]
fn running_in_chunks_gives_the_same_indices_as_at_once() {
    let at_once = analyse(&ishigami_inputs(), 1, 300, 5, ishigami);
    let mut run = SobolRun::new(&ishigami_inputs(), 1, 300, 5);
    assert!(run.finish().is_none());
    while !run.step(7, ishigami).is_finished() {}
    assert_eq!(run.finish().unwrap(), at_once);
}

#[test]
fn a_bootstrap_in_steps_gives_the_same_intervals_as_one_block() {
    let mut run = SobolRun::new(&ishigami_inputs(), 1, 300, 5);
    assert!(run.bootstrap().is_none());
    run.step(usize::MAX, ishigami);
    let one_block = run.finish().unwrap();
    let mut steps = run.bootstrap().unwrap();
    let mut calls = 0;
    while !steps.step(7).is_finished() {
        calls += 1;
    }
    assert_eq!(calls, BOOTSTRAP_RESAMPLES.div_ceil(7) - 1);
    assert_eq!(steps.finish().unwrap(), one_block);

    let system = seeds::indicator_system();
    let data = seeds::bundle().data;
    let scenario = Scenario::default_for(&system);
    let config = SensitivityConfig {
        base_samples: 48,
        noise: 0.2,
        seed: 3,
    };
    let at_once = sensitivity::run(&system, &data, &scenario, config.clone(), Some(4)).unwrap();
    let mut chunked =
        sensitivity::SensitivityRun::new(&system, &data, &scenario, config, Some(4)).unwrap();
    while !chunked.step(50).is_finished() {}
    let mut bootstrap = chunked.bootstrap().unwrap();
    while !bootstrap.step(9).is_finished() {}
    assert_eq!(bootstrap.finish().unwrap(), at_once);
}

/// The sample SALib is given: A and B of `Design::new(ishigami, 512, 2024)`, one row per line.
const SALIB_BASE_SAMPLES: usize = 512;
const SALIB_SEED: u64 = 2024;

fn design_csv(design: &Design) -> String {
    let mut text = String::from("matrix,x1,x2,x3\n");
    for (name, m) in [("A", &design.a), ("B", &design.b)] {
        for row in m.chunks(3) {
            text += &format!("{name},{},{},{}\n", row[0], row[1], row[2]);
        }
    }
    text
}

/// Writes tests/data/sobol_ishigami_ab.csv afresh (`cargo test --test sobol -- --ignored`); then run
/// `python3 tests/data/sobol_salib.py > tests/data/sobol_salib_output.json`.
#[test]
#[ignore]
fn write_the_salib_input() {
    let design = Design::new(&ishigami_inputs(), SALIB_BASE_SAMPLES, SALIB_SEED);
    std::fs::write(data_path("sobol_ishigami_ab.csv"), design_csv(&design)).unwrap();
}

/// Rust prints an f64 with the fewest digits that read back to it, so the committed CSV is exactly the
/// design; SALib's Jansen total effects on it must then agree to rounding.
#[test]
fn total_effects_equal_salib_on_the_same_sample() {
    let design = Design::new(&ishigami_inputs(), SALIB_BASE_SAMPLES, SALIB_SEED);
    let committed = std::fs::read_to_string(data_path("sobol_ishigami_ab.csv")).unwrap();
    assert_eq!(design_csv(&design), committed, "the committed A and B");
    let salib: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data_path("sobol_salib_output.json")).unwrap(),
    )
    .unwrap();
    let ours: OutputIndices = analyse(
        &ishigami_inputs(),
        1,
        SALIB_BASE_SAMPLES,
        SALIB_SEED,
        ishigami,
    )
    .remove(0);
    for i in 0..3 {
        let theirs = salib["ST"][i].as_f64().unwrap();
        let value = ours.total_effect[i].value;
        assert!(
            (value - theirs).abs() < 1e-12,
            "ST{i}: {value} vs SALib {theirs}"
        );
    }
}

#[test]
fn the_index_analysis_is_seeded_and_names_the_dominant_input() {
    let system = seeds::indicator_system();
    let data = seeds::bundle().data;
    let scenario = Scenario::default_for(&system);
    let config = SensitivityConfig {
        base_samples: 64,
        noise: 0.2,
        seed: 9,
    };
    let a = sensitivity::run(&system, &data, &scenario, config.clone(), Some(0)).unwrap();
    let b = sensitivity::run(&system, &data, &scenario, config, Some(0)).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.runs, 64 * (system.n_dimensions() + 3 + 2));
    assert_eq!(a.inputs.len(), system.n_dimensions() + 3);
    assert!(a.inputs.contains(&SensitivityInput::Treatment));
    let dominant = a.rank_shift.dominant_input().unwrap();
    let name = a.inputs[dominant].name(&system, Lang::En);
    assert!(a.sentence(&system, Lang::En).contains(&name));
    // With no weight noise only the method steps move the ranking: a weight's column of AB_i equals
    // A's, so its indices are exactly zero.
    let still = sensitivity::run(
        &system,
        &data,
        &scenario,
        SensitivityConfig {
            base_samples: 8,
            noise: 0.0,
            seed: 1,
        },
        None,
    )
    .unwrap();
    assert!(still.county.is_none());
    assert!(
        still.rank_shift.variance > 0.0,
        "the method steps still vary"
    );
    for d in 0..system.n_dimensions() {
        assert_eq!(still.rank_shift.total_effect[d].value, 0.0);
        assert_eq!(still.rank_shift.first_order[d].value, 0.0);
    }
}

#[test]
fn the_sensitivity_command_prints_seeded_json_of_every_input_and_output() {
    let args = [
        "sensitivity",
        "--samples",
        "32",
        "--seed",
        "5",
        "--county",
        "350582",
        "--format",
        "json",
    ];
    let out = fjindex(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        fjindex(&args).stdout,
        out.stdout,
        "the same seed, the same text"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["base_samples"], 32);
    assert_eq!(json["runs"], 32 * 10);
    let ids: Vec<&str> = json["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "weight:industry",
            "weight:innovation",
            "weight:cluster",
            "weight:quality",
            "weight:smart",
            "normalisation",
            "aggregation",
            "treatment"
        ]
    );
    let outputs = json["outputs"].as_array().unwrap();
    assert_eq!(outputs.len(), 2);
    assert_eq!(outputs[1]["adcode"], "350582");
    for o in outputs {
        for id in &ids {
            let e = &o["total_effect"][id];
            if let (Some(low), Some(v), Some(high)) =
                (e["low"].as_f64(), e["value"].as_f64(), e["high"].as_f64())
            {
                assert!(low <= v && v <= high, "{id}: {e}");
            }
        }
    }
    let dominant = outputs[0]["dominant_input"].as_str().unwrap();
    assert!(ids.contains(&dominant));
    assert!(json["message_zh"]
        .as_str()
        .unwrap()
        .contains("对排名影响最大的是"));
    assert!(json["message_en"]
        .as_str()
        .unwrap()
        .starts_with("What moves the ranking most is"));
    let other_seed = fjindex(&[
        "sensitivity",
        "--samples",
        "32",
        "--seed",
        "6",
        "--format",
        "json",
    ]);
    assert_ne!(other_seed.stdout, out.stdout);
    let bad = fjindex(&["sensitivity", "--samples", "1", "--format", "json"]);
    assert!(!bad.status.success());
    let csv = fjindex(&["sensitivity", "--samples", "8", "--format", "csv"]);
    assert!(!csv.status.success());
}
