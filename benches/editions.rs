//! Prints how long scoring 83 counties in three editions takes, pooled and each on its own, the light
//! year-over-year change the page recomputes on every weight change while two editions are compared
//! (ranks and scores), the full change (with every county's rank split and contributions, which the
//! command line prints) and why one county moved (what the profile computes for the selected county).
//! Figures only; nothing asserted. `cargo bench --bench editions`.

use fjindex::analysis::change::{edition_change, edition_ranks, explain_county};
use fjindex::data::seeds;
use fjindex::model::{Dataset, Scaling, Scenario};
use fjindex::score::score_editions;
use std::hint::black_box;
use std::time::Instant;

/// The bundled 2024 data, and two earlier years made from it by a deterministic wobble of every value
/// (up to ±15 %), so that ranks differ between years.
fn three_editions() -> Vec<Dataset> {
    let base = seeds::bundle().data;
    let mut out = Vec::new();
    for (k, year) in [(2u64, 2022), (1, 2023), (0, 2024)] {
        let mut d = base.clone();
        d.meta.year = Some(year);
        let mut state = 0x9E37_79B9_7F4A_7C15u64.wrapping_mul(k + 1);
        for u in 0..d.n_units() {
            for i in 0..d.n_indicators() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let wobble = (state % 3001) as f64 / 10_000.0 - 0.15;
                let factor = if k == 0 { 1.0 } else { 1.0 + wobble };
                let v = d.get(u, i).map(|v| v * factor);
                d.set(u, i, v);
            }
        }
        out.push(d);
    }
    out
}

/// The median and fastest of `rounds` runs of `f`, in milliseconds.
fn time(rounds: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[rounds / 2], samples[0])
}

fn main() {
    let system = seeds::indicator_system();
    let scenario = Scenario::default_for(&system);
    let editions = three_editions();
    let refs: Vec<&Dataset> = editions.iter().collect();
    println!(
        "{} units x {} editions, {} indicators:",
        editions[0].n_units(),
        editions.len(),
        system.n_indicators()
    );
    for scaling in [Scaling::Pooled, Scaling::Each] {
        let (median, best) = time(201, || {
            black_box(score_editions(&system, black_box(&refs), &scenario, scaling).unwrap());
        });
        println!("  score all editions, {scaling:?}: median {median:.3} ms, fastest {best:.3} ms");
    }
    for scaling in [Scaling::Pooled, Scaling::Each] {
        let (median, best) = time(201, || {
            black_box(
                edition_ranks(&system, &editions[1], &editions[2], &scenario, scaling).unwrap(),
            );
        });
        println!(
            "  ranks 2023 -> 2024 (what a weight change recomputes), {scaling:?}: median {median:.3} ms, fastest {best:.3} ms"
        );
        let ranks = edition_ranks(&system, &editions[1], &editions[2], &scenario, scaling).unwrap();
        let row = &ranks.rows[ranks.rows.len() / 2];
        let (median, best) = time(201, || {
            black_box(
                explain_county(
                    &system,
                    &editions[1],
                    &editions[2],
                    &ranks,
                    row,
                    &scenario,
                    scaling,
                )
                .unwrap(),
            );
        });
        println!(
            "  why one county moved (the profile's selected county), {scaling:?}: median {median:.3} ms, fastest {best:.3} ms"
        );
        let rounds = if scaling == Scaling::Pooled { 201 } else { 21 };
        let (median, best) = time(rounds, || {
            black_box(
                edition_change(&system, &editions[1], &editions[2], &scenario, scaling).unwrap(),
            );
        });
        println!(
            "  full change 2023 -> 2024 (every county's why), {scaling:?}: median {median:.3} ms, fastest {best:.3} ms"
        );
    }
}
