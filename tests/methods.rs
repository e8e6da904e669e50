//! Methods that describe themselves (`model::Choice`): every alternative's id reads back through
//! `from_id`, a share link, the command line and a saved file; ids are unique and unchanged from before
//! the trait; every name and explanation exists in both languages; the lists everything derives from
//! (the exports' about sheet, the uncertainty alternatives) follow `ALL`.

mod common;

use common::fjindex;

use fjindex::analysis::uncertainty::{UncertaintyConfig, UncertaintyRun};
use fjindex::cli;
use fjindex::data::export::RankingExport;
use fjindex::data::export_name::CalendarDate;
use fjindex::data::provenance::Provenance;
use fjindex::data::seeds;
use fjindex::data::xlsx_writer::XCell;
use fjindex::i18n::t;
use fjindex::method::normalise::{normalise_column, Goalposts};
use fjindex::model::{
    Aggregation, Choice, Dataset, Lang, Normalisation, Scaling, Scenario, Treatment, TreatmentKind,
    Weighting,
};
use fjindex::score::score;
use fjindex::share::{encode, parse, ShareState};
use std::collections::BTreeSet;
use std::fmt::Debug;

/// The ids links, files and scripts used before the choices described themselves; they must keep working.
const LEGACY_NORMALISATIONS: [&str; 4] = ["minmax", "efficacy", "zscore", "rank"];
const LEGACY_WEIGHTINGS: [&str; 5] = ["manual", "equal", "entropy", "critic", "ahp"];
const LEGACY_AGGREGATIONS: [&str; 2] = ["arithmetic", "geometric"];
const LEGACY_TREATMENTS: [&str; 3] = ["none", "log", "winsorise"];

fn ids<C: Choice>() -> Vec<&'static str> {
    C::ALL.iter().map(|c| c.id()).collect()
}

fn check_described<C: Choice + Debug>(legacy: &[&str]) {
    let all = ids::<C>();
    let unique: BTreeSet<&str> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len(), "duplicate id in {all:?}");
    for id in legacy {
        assert!(all.contains(id), "the id {id} no longer reads ({all:?})");
    }
    let mut labels = BTreeSet::new();
    for &c in C::ALL {
        assert_eq!(C::from_id(c.id()), Some(c), "{c:?}");
        assert!(!c.formula().trim().is_empty(), "{c:?} has no formula");
        for lang in [Lang::Zh, Lang::En] {
            assert!(
                !t(lang, c.label()).trim().is_empty(),
                "{c:?} {lang:?} label"
            );
            assert!(
                !t(lang, c.explanation()).trim().is_empty(),
                "{c:?} {lang:?} explanation"
            );
            assert!(
                labels.insert((lang == Lang::Zh, t(lang, c.label()))),
                "{c:?} shares its {lang:?} label"
            );
        }
        assert_ne!(c.label(), c.explanation(), "{c:?}");
    }
    for lang in [Lang::Zh, Lang::En] {
        assert!(!t(lang, C::STEP).trim().is_empty());
    }
    for bad in ["", "MinMax", "min-max", " minmax", "unknown"] {
        assert_eq!(C::from_id(bad), None, "{bad:?} should not read");
    }
}

#[test]
fn every_choice_has_a_unique_lasting_id_and_a_name_and_explanation_in_both_languages() {
    check_described::<Normalisation>(&LEGACY_NORMALISATIONS);
    check_described::<Weighting>(&LEGACY_WEIGHTINGS);
    check_described::<Aggregation>(&LEGACY_AGGREGATIONS);
    check_described::<TreatmentKind>(&LEGACY_TREATMENTS);
    check_described::<Scaling>(&["pooled", "each"]);
}

/// Saved scenarios (browser storage, snapshots) write the enums with serde; its names must be the ids.
#[test]
fn saved_files_name_each_choice_by_its_id() {
    for &n in Normalisation::ALL {
        assert_eq!(
            serde_json::to_string(&n).unwrap(),
            format!("\"{}\"", n.id())
        );
    }
    for &w in Weighting::ALL {
        assert_eq!(
            serde_json::to_string(&w).unwrap(),
            format!("\"{}\"", w.id())
        );
    }
    for &a in Aggregation::ALL {
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            format!("\"{}\"", a.id())
        );
    }
    for &s in Scaling::ALL {
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            format!("\"{}\"", s.id())
        );
    }
}

#[test]
fn every_choice_round_trips_through_a_share_link() {
    let system = seeds::indicator_system();
    let defaults = Scenario::default_for(&system);
    let round_trip = |scenario: Scenario| {
        let mut state = ShareState::new(&defaults);
        state.scenario = scenario;
        let query = encode(&state, &system, &defaults);
        let (back, notices) = parse(&query, &system, &defaults);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        (query, back.scenario)
    };
    for &n in Normalisation::ALL {
        let (query, back) = round_trip(Scenario {
            normalisation: n,
            ..defaults.clone()
        });
        assert_eq!(back.normalisation, n, "{query}");
        if n != defaults.normalisation {
            assert!(query.contains(&format!("norm={}", n.id())), "{query}");
        }
    }
    for &a in Aggregation::ALL {
        let (query, back) = round_trip(Scenario {
            aggregation: a,
            ..defaults.clone()
        });
        assert_eq!(back.aggregation, a, "{query}");
    }
    for &w in Weighting::ALL {
        let mut s = Scenario {
            weighting: w,
            ..defaults.clone()
        };
        if w == Weighting::Ahp {
            s.ahp_matrix = Some(vec![1.0; system.n_dimensions() * system.n_dimensions()]);
        }
        let (query, back) = round_trip(s);
        assert_eq!(back.weighting, w, "{query}");
    }
    // Links written before the trait still open the same view.
    for (id, n) in LEGACY_NORMALISATIONS.iter().zip(Normalisation::ALL) {
        let (back, notices) = parse(&format!("norm={id}"), &system, &defaults);
        assert!(notices.is_empty());
        assert_eq!(back.scenario.normalisation, *n);
    }
}

#[test]
fn the_command_line_parser_reads_every_id_it_offers_and_names_them_when_refusing() {
    for &n in Normalisation::ALL {
        assert_eq!(cli::parse_normalisation(n.id()), Ok(n));
    }
    for &a in Aggregation::ALL {
        assert_eq!(cli::parse_aggregation(a.id()), Ok(a));
    }
    for w in cli::cli_weightings() {
        assert_eq!(cli::parse_weighting(w.id()), Ok(w));
    }
    // AHP needs a comparison matrix, which no rank flag carries.
    assert!(!cli::cli_weightings().contains(&Weighting::Ahp));
    assert!(cli::parse_weighting("ahp").is_err());
    let refusal = cli::parse_normalisation("bogus").unwrap_err();
    for id in ids::<Normalisation>() {
        assert!(refusal.contains(id), "{refusal}");
    }
}

#[test]
fn the_fjindex_flags_accept_every_normalisation_and_aggregation_and_list_them() {
    for &n in Normalisation::ALL {
        for &a in Aggregation::ALL {
            let out = fjindex(&[
                "rank",
                "--normalize",
                n.id(),
                "--aggregate",
                a.id(),
                "--format",
                "csv",
            ]);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{} {}: {stderr}", n.id(), a.id());
            assert_eq!(
                String::from_utf8_lossy(&out.stdout).lines().count(),
                84,
                "{}",
                n.id()
            );
        }
    }
    let out = fjindex(&["rank", "--normalize", "bogus"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for id in ids::<Normalisation>() {
        assert!(stderr.contains(id), "{stderr}");
    }
}

#[test]
fn the_exports_about_sheet_names_the_chosen_method_from_the_catalogue() {
    let bundle = seeds::bundle();
    let system = &bundle.system;
    let provenance = Provenance::default();
    for &n in Normalisation::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let scenario = Scenario {
                normalisation: n,
                ..Scenario::default_for(system)
            };
            let ranking = score(system, &bundle.data, &scenario).unwrap();
            let export = RankingExport {
                system,
                data: &bundle.data,
                ranking: &ranking,
                baseline: &ranking,
                scenario: &scenario,
                provenance: &provenance,
                lang,
                date: CalendarDate {
                    year: 2026,
                    month: 12,
                    day: 5,
                },
            };
            let row = [
                XCell::Text(t(lang, Normalisation::STEP).into()),
                XCell::Text(t(lang, n.label()).into()),
            ];
            assert!(
                export.about().iter().any(|r| r[..] == row[..]),
                "{n:?} {lang:?}"
            );
        }
    }
}

#[test]
fn varying_the_methods_draws_from_every_normalisation_and_aggregation() {
    let bundle = seeds::bundle();
    let scenario = Scenario::default_for(&bundle.system);
    let config = UncertaintyConfig {
        samples: 400,
        noise: 0.2,
        seed: 5,
        vary_methods: true,
    };
    let samples = config.samples;
    let mut run = UncertaintyRun::new(&bundle.system, &bundle.data, &scenario, config).unwrap();
    let mut seen = BTreeSet::new();
    while run.progress().done < samples {
        run.step(1);
        let (n, a) = run.last_method();
        seen.insert((n.id(), a.id()));
    }
    assert_eq!(
        seen.len(),
        Normalisation::ALL.len() * Aggregation::ALL.len(),
        "{seen:?}"
    );
}

// Goalposts, checked against COINr's `n_goalposts` (github.com/bluefoxr/COINr, R/normalise.R lines
// 915-938 at commit b968203): y = (x - l) / (u - l) for direction 1 and y = (x - u) / (l - u) for
// direction -1, truncated to [0, 1] when `trunc2posts` (the default), times the scale `a` (here 100).

fn posts(lower: f64, upper: f64, higher_is_better: bool) -> Goalposts {
    Goalposts {
        lower,
        upper,
        higher_is_better,
    }
}

fn goalposts_of(column: &[f64], posts: Goalposts) -> Vec<f64> {
    let mut out = vec![0.0; column.len()];
    normalise_column(column, Normalisation::Goalposts, posts, &mut out);
    out
}

fn assert_scores(got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert!(
            (g.is_nan() && w.is_nan()) || (g - w).abs() < 1e-12,
            "{got:?} vs {want:?}"
        );
    }
}

#[test]
fn goalposts_score_between_fixed_bounds_and_clip_as_coinr_does() {
    // Goalposts l = 0, u = 40, higher is better (COINr direction 1), by hand:
    //   10 -> 100 * (10 - 0) / 40 = 25;    25 -> 62.5;    40 -> 100;
    //   55 -> 100 * 55 / 40 = 137.5, truncated to 100;    -5 -> -12.5, truncated to 0;
    //   a missing value stays missing.
    let column = [10.0, 25.0, 40.0, 55.0, -5.0, f64::NAN];
    assert_scores(
        &goalposts_of(&column, posts(0.0, 40.0, true)),
        &[25.0, 62.5, 100.0, 100.0, 0.0, f64::NAN],
    );
    // Lower is better (COINr direction -1), y = (x - 40) / (0 - 40):
    //   10 -> 0.75 -> 75;    25 -> 37.5;    40 -> 0;    55 -> -0.375 -> 0;    -5 -> 1.125 -> 100.
    assert_scores(
        &goalposts_of(&column, posts(0.0, 40.0, false)),
        &[75.0, 37.5, 0.0, 0.0, 100.0, f64::NAN],
    );
}

#[test]
fn goalposts_that_coincide_give_the_midpoint_and_a_column_without_spread_keeps_its_place() {
    // COINr divides by u - l = 0 here; this engine defines every present value as 50, the midpoint.
    assert_scores(
        &goalposts_of(&[5.0, 20.0, 35.0, f64::NAN], posts(20.0, 20.0, true)),
        &[50.0, 50.0, 50.0, f64::NAN],
    );
    assert_scores(&goalposts_of(&[1.0], posts(30.0, 10.0, true)), &[50.0]);
    // Unlike min-max, a constant column is placed by the bounds, not at the midpoint: 100 * 7 / 10 = 70.
    assert_scores(
        &goalposts_of(&[7.0, 7.0], posts(0.0, 10.0, true)),
        &[70.0, 70.0],
    );
}

#[test]
fn goalposts_default_to_the_plausible_range_and_do_not_depend_on_the_other_counties() {
    let bundle = seeds::bundle();
    let (system, data) = (&bundle.system, &bundle.data);
    let scenario = Scenario {
        normalisation: Normalisation::Goalposts,
        ..Scenario::default_for(system)
    };
    let ranking = score(system, data, &scenario).unwrap();
    let gulou = data.unit_index("350102").unwrap();
    // 鼓楼区 (350102) in seeds/data_2024.csv: value_added_growth 0.3 with plausible range -20 to 30, so
    // 100 * (0.3 + 20) / 50 = 40.6; rd_intensity 2.11 with range 0 to 5, so 100 * 2.11 / 5 = 42.2.
    for (id, want) in [("value_added_growth", 40.6), ("rd_intensity", 42.2)] {
        let i = system.indicator_index(id).unwrap();
        let got = ranking.normalised_value(gulou, i);
        assert!((got - want).abs() < 1e-9, "{id}: {got}");
    }
    // Dropping every other county changes no remaining county's normalised values.
    let mut few = data.clone();
    few.units.truncate(10);
    let mut few = Dataset::new(few.meta.clone(), few.units, system.n_indicators());
    for u in 0..10 {
        for i in 0..system.n_indicators() {
            few.set(u, i, data.get(u, i));
        }
    }
    let small = score(system, &few, &scenario).unwrap();
    for u in 0..10 {
        for i in 0..system.n_indicators() {
            let (a, b) = (small.normalised_value(u, i), ranking.normalised_value(u, i));
            assert!(
                a == b || (a.is_nan() && b.is_nan()),
                "unit {u} indicator {i}: {a} vs {b}"
            );
        }
    }
}

#[test]
fn a_log_treatment_moves_the_goalposts_with_the_values() {
    let system = seeds::indicator_system();
    let i = system.indicator_index("revenue").unwrap();
    let indicator = &system.indicators[i];
    let plain = Goalposts::of(indicator, Treatment::None);
    assert_eq!(
        (plain.lower, plain.upper, plain.higher_is_better),
        (2.0, 8000.0, true)
    );
    // ln(1 + 2) = 1.0986..., ln(1 + 8000) = 8.9873...; the value 399 lies at
    // (ln 400 - ln 3) / (ln 8001 - ln 3) = (5.9915 - 1.0986) / (8.9873 - 1.0986) = 0.6202... of the way.
    let logged = Goalposts::of(indicator, Treatment::Log);
    let want = 100.0 * (400f64.ln() - 3f64.ln()) / (8001f64.ln() - 3f64.ln());
    assert!((logged.score(399f64.ln_1p()) - want).abs() < 1e-9);
    assert!((want - 62.02).abs() < 0.01, "{want}");
    let winsorised = Goalposts::of(
        indicator,
        Treatment::Winsorise {
            lower: 5.0,
            upper: 95.0,
        },
    );
    assert_eq!(winsorised, plain);
}
