//! Methods that describe themselves (`model::Choice`): every alternative's id reads back through
//! `from_id`, a share link, the command line and a saved file; ids are unique and unchanged from before
//! the trait; every name and explanation exists in both languages; the lists everything derives from
//! (the exports' about sheet, the uncertainty alternatives) follow `ALL`.

use fjindex::analysis::uncertainty::{UncertaintyConfig, UncertaintyRun};
use fjindex::cli;
use fjindex::data::export::RankingExport;
use fjindex::data::provenance::Provenance;
use fjindex::data::seeds;
use fjindex::data::xlsx_writer::XCell;
use fjindex::i18n::t;
use fjindex::model::{
    Aggregation, Choice, Lang, Normalisation, Scenario, TreatmentKind, Weighting,
};
use fjindex::score::score;
use fjindex::share::{encode, parse, ShareState};
use std::collections::BTreeSet;
use std::fmt::Debug;
use std::process::Command;

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

fn fjindex(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fjindex"))
        .args(args)
        .output()
        .expect("fjindex runs")
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
