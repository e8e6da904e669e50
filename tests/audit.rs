//! The data checks and the JRC outlier treatment: skewness and kurtosis against scipy, the
//! count-winsorise-then-log rule on columns worked by hand, the treatment in scoring and share links, and
//! the `audit` and `--treatment` command line.

mod common;

use common::fjindex;

use fjindex::analysis::audit::{
    audit, jrc_changes, jrc_for_flagged, rank_moves, IndicatorAudit, RankMove,
};
use fjindex::method::jrc::{self, JrcOutcome, Replacement};
use fjindex::model::{Choice, Normalisation, Scenario, Treatment, TreatmentKind};
use fjindex::score::score;
use std::io::Write;
use std::process::Output;

const NAN: f64 = f64::NAN;

fn close(got: f64, expected: f64) -> bool {
    (got - expected).abs() <= 1e-12 * expected.abs().max(1.0)
}

// The expected moments are printed by tests/data/audit_oracle.py with scipy 1.17.1
// (`skew(x, bias=False, nan_policy="omit")`, `kurtosis(x, bias=False, nan_policy="omit")`):
//   skewed: n=10 G1=3.0062850032987667 G2=9.241663667423362
//   left_skewed: n=10 G1=-3.0352533622287323 G2=9.414744153268286
//   with_missing: n=6 G1=0.8131246538886312 G2=-0.10396282136398005
//   short: n=4 G1=1.1376243669576889 G2=0.7576559546313799
//   one_outlier: n=11 G1=3.2556381840605098 G2=10.706673906421974
//   three: n=3 G1=1.6523167403329908 G2=undefined (scipy's biased g2: -1.5)
#[test]
fn skewness_and_kurtosis_match_scipy_without_bias() {
    let cases: [(&[f64], f64, f64); 5] = [
        (
            &[1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 5.0, 8.0, 40.0],
            3.0062850032987667,
            9.241663667423362,
        ),
        (
            &[-50.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
            -3.0352533622287323,
            9.414744153268286,
        ),
        (
            &[2.5, NAN, 7.0, -1.0, 3.25, NAN, 11.0, 0.5],
            0.8131246538886312,
            -0.10396282136398005,
        ),
        (
            &[1.0, 2.0, 4.0, 8.0],
            1.1376243669576889,
            0.7576559546313799,
        ),
        (
            &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 100.0],
            3.2556381840605098,
            10.706673906421974,
        ),
    ];
    for (column, g1, g2) in cases {
        assert!(
            close(jrc::skewness(column), g1),
            "{column:?}: G1 {}",
            jrc::skewness(column)
        );
        assert!(
            close(jrc::kurtosis(column), g2),
            "{column:?}: G2 {}",
            jrc::kurtosis(column)
        );
    }
    // Three values: G1 is defined, G2 needs four (scipy returns the uncorrected g2 there instead).
    let three = [1.0, 2.0, 10.0];
    assert!(close(jrc::skewness(&three), 1.6523167403329908));
    assert!(jrc::kurtosis(&three).is_nan());
}

#[test]
fn moments_are_undefined_for_too_few_values_or_no_spread() {
    assert!(jrc::skewness(&[1.0, 5.0, NAN]).is_nan());
    assert!(jrc::kurtosis(&[1.0, 5.0, 9.0, NAN]).is_nan());
    assert!(jrc::skewness(&[7.0; 6]).is_nan());
    assert!(jrc::kurtosis(&[7.0; 6]).is_nan());
    assert!(jrc::skewness(&[]).is_nan());
    assert!(!jrc::trips_outlier_rule(&[7.0; 6]));
}

#[test]
fn a_column_check_counts_coverage_zeros_and_the_most_common_value() {
    // Ten units, two missing: coverage 8/10; of the eight values three are 0 (3/8) and four are 2 (4/8).
    let column = [0.0, 2.0, NAN, 2.0, 0.0, 2.0, 5.0, NAN, -0.0, 2.0];
    let check = IndicatorAudit::of("x", &column);
    assert_eq!(check.coverage, 0.8);
    assert_eq!(check.zeros_share, 3.0 / 8.0);
    assert_eq!(check.mode_share, 0.5);
    assert!(!check.low_coverage());
    assert!(!check.mostly_one_value());
    assert!(!check.outlier_flag);
    assert_eq!(check.suggested_treatment, TreatmentKind::None);

    // Six of ten missing is below the 0.65 coverage limit; three zeros of four values is above 0.5.
    let sparse = [0.0, NAN, NAN, 0.0, NAN, 1.0, NAN, 0.0, NAN, NAN];
    let check = IndicatorAudit::of("y", &sparse);
    assert_eq!(check.coverage, 0.4);
    assert!(check.low_coverage());
    assert!(check.mostly_one_value());

    let outlier = IndicatorAudit::of(
        "z",
        &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 100.0],
    );
    assert!(outlier.outlier_flag);
    assert_eq!(outlier.suggested_treatment, TreatmentKind::Jrc);
}

#[test]
fn every_indicator_of_the_bundled_data_is_checked() {
    let system = common::system();
    let data = fjindex::data::seeds::bundle().data;
    let checks = audit(&system, &data);
    assert_eq!(checks.len(), 16);
    for (check, ind) in checks.iter().zip(&system.indicators) {
        assert_eq!(check.indicator_id, ind.id);
        assert_eq!(check.coverage, 1.0);
        assert_eq!(
            check.outlier_flag,
            check.skewness.abs() > 2.0 && check.kurtosis > 3.5
        );
    }
}

fn range(lo: i32, hi: i32) -> Vec<f64> {
    (lo..=hi).map(f64::from).collect()
}

#[test]
fn one_replacement_fixes_a_single_outlier() {
    // 1..10 and 100: mean 155/11, m2 = 90210/121, m3 = 75694500/1331, m4 = 72622156098/14641, so
    // g1 = m3 / m2^1.5 = 2.7795, G1 = √110 / 9 · g1 = 3.2556 and G2 = 10.7067: the rule holds.
    // Replacing 100 by the next value, 10: mean 65/11, m2 = 1110/121, m3 = -4050/1331, G1 = -0.1276,
    // G2 = -1.3367: it no longer holds after one step.
    let mut column = range(1, 10);
    column.push(100.0);
    let outcome = jrc::treat(&mut column);
    let replaced = vec![Replacement {
        unit: 10,
        from: 100.0,
        to: 10.0,
    }];
    assert_eq!(
        outcome,
        JrcOutcome::Replaced {
            steps: 1,
            values: replaced
        }
    );
    let mut expected = range(1, 10);
    expected.push(10.0);
    assert_eq!(column, expected);
}

#[test]
fn two_steps_fix_a_tail_of_two_and_the_side_follows_the_skew() {
    // 1..20, 40, 80, 160: G1 = 3.4616, G2 = 12.8779 (mean 490/23, m2 = 598710/529). Step 1: 160 -> 80
    // gives G1 = 2.4239, G2 = 5.4125 (mean 410/23, m2 = 229110/529), still tripping. Step 2: both 80s
    // -> 40 gives G1 = 1.3511, G2 = 1.2486 (mean 330/23, m2 = 67510/529): fixed, 80 and 160 are now 40.
    let mut column = range(1, 20);
    column.extend([40.0, 80.0, 160.0]);
    let outcome = jrc::treat(&mut column);
    let values = vec![
        Replacement {
            unit: 21,
            from: 80.0,
            to: 40.0,
        },
        Replacement {
            unit: 22,
            from: 160.0,
            to: 40.0,
        },
    ];
    assert_eq!(outcome, JrcOutcome::Replaced { steps: 2, values });
    assert_eq!(&column[20..], &[40.0, 40.0, 40.0]);

    // Skewed to the left: -100, -50, 1..20 has G1 = -3.2413, G2 = 10.9631. Step 1: -100 -> -50, G1 =
    // -2.5632, G2 = 6.1626 (mean 5, m2 = 3660/11, m3 = -14475). Step 2: both -50s -> 1, G1 = 0.0945.
    let mut left = vec![-100.0, -50.0];
    left.extend(range(1, 20));
    let outcome = jrc::treat(&mut left);
    assert!(matches!(outcome, JrcOutcome::Replaced { steps: 2, .. }));
    assert_eq!(&left[..3], &[1.0, 1.0, 1.0]);
    assert_eq!(&left[3..], range(2, 20).as_slice());
}

#[test]
fn a_tail_five_replacements_do_not_fix_falls_back_to_the_log() {
    // Fifty 1s and 10, 20, ..., 80: G1 = 3.0377, G2 = 8.5057. Capping the top at 70, 60, 50, 40, 30 in
    // turn leaves (G1, G2) = (2.9339, 7.6318), (2.8000, 6.6196), (2.6610, 5.6630), (2.5260, 4.8080),
    // (2.3978, 4.0562): still |G1| > 2 and G2 > 3.5 after five, so the original column is restored and
    // logged: 1 -> ln 2, 10 -> ln 11, ..., 80 -> ln 81.
    let tail = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0];
    let mut column = vec![1.0; 50];
    column.extend(tail);
    column.push(NAN);
    assert_eq!(jrc::treat(&mut column), JrcOutcome::Logged);
    assert!(column[..50].iter().all(|&v| v == 2f64.ln()));
    for (got, x) in column[50..58].iter().zip(tail) {
        assert!(close(*got, (1.0 + x).ln()), "{got} for {x}");
    }
    assert!(column[58].is_nan());
}

#[test]
fn a_clean_column_and_missing_values_are_left_alone() {
    let mut clean = range(1, 12);
    assert_eq!(jrc::treat(&mut clean), JrcOutcome::Clean);
    assert_eq!(clean, range(1, 12));

    // A missing value is no extreme and is not listed as replaced.
    let mut gappy = range(1, 10);
    gappy.insert(3, NAN);
    gappy.push(100.0);
    let outcome = jrc::treat(&mut gappy);
    let JrcOutcome::Replaced { steps: 1, values } = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(values.len(), 1);
    assert_eq!((values[0].unit, values[0].to), (11, 10.0));
    assert!(gappy[3].is_nan());
}

/// Eleven units: unit `u` gets `u + 1 + i` of indicator `i`, except that unit 10's revenue is `top`, so
/// with `top` 100 only revenue (1..10 and 100) trips the outlier rule.
fn revenue_outlier(top: f64) -> fjindex::model::Dataset {
    common::synthetic(11, |u, i| {
        Some(match (i, u) {
            (0, 10) => top,
            _ => (u + 1 + i) as f64,
        })
    })
}

#[test]
fn scoring_with_jrc_equals_scoring_the_treated_data() {
    let system = common::system();
    let raw = revenue_outlier(100.0);
    // Unit 10's revenue 100 becomes 10 (see one_replacement_fixes_a_single_outlier).
    let treated = revenue_outlier(10.0);
    for normalisation in Normalisation::ALL {
        let mut jrc_everywhere = Scenario::default_for(&system);
        jrc_everywhere.normalisation = *normalisation;
        jrc_everywhere.treatments = vec![Treatment::Jrc; 16];
        let mut plain = jrc_everywhere.clone();
        plain.treatments = vec![Treatment::None; 16];
        let a = score(&system, &raw, &jrc_everywhere).unwrap();
        let b = score(&system, &treated, &plain).unwrap();
        assert_eq!(a.composite, b.composite, "{normalisation:?}");
        assert_eq!(a.rank, b.rank);
    }
    let changes = jrc_changes(&raw, &[Treatment::Jrc, Treatment::Log, Treatment::Jrc]);
    assert!(matches!(
        &changes[0],
        Some(JrcOutcome::Replaced { steps: 1, .. })
    ));
    assert_eq!(changes[1], None);
    assert_eq!(changes[2], Some(JrcOutcome::Clean));
}

#[test]
fn goalposts_follow_a_jrc_column_onto_the_log_scale() {
    // A column the rule sends to the log scores as the log treatment does, goalposts included.
    let system = common::system();
    let data = common::synthetic(58, |u, i| {
        Some(match (i, u) {
            (0, u) if u >= 50 => 10.0 * (u - 49) as f64,
            (0, _) => 1.0,
            _ => (u + i) as f64,
        })
    });
    let mut with_jrc = Scenario::default_for(&system);
    with_jrc.normalisation = Normalisation::Goalposts;
    with_jrc.treatments[0] = Treatment::Jrc;
    let mut with_log = with_jrc.clone();
    with_log.treatments[0] = Treatment::Log;
    let a = score(&system, &data, &with_jrc).unwrap();
    let b = score(&system, &data, &with_log).unwrap();
    assert_eq!(a.composite, b.composite);
}

#[test]
fn share_links_carry_the_jrc_treatment() {
    use fjindex::share::{encode, parse, ShareState};
    let system = common::system();
    let defaults = Scenario::default_for(&system);
    let mut state = ShareState::new(&defaults);
    state.scenario.treatments[7] = Treatment::Jrc;
    let query = encode(&state, &system, &defaults);
    assert_eq!(query, "tr=chain_output_share%3Ajrc");
    let (back, notices) = parse(&query, &system, &defaults);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back.scenario.treatments, state.scenario.treatments);
    assert_eq!(TreatmentKind::from_id("jrc"), Some(TreatmentKind::Jrc));
    assert_eq!(Treatment::Jrc.kind(), TreatmentKind::Jrc);
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

const HEADER: &str = "adcode,name_zh,prefecture_zh,revenue,value_added_growth,industry_gdp_share,rd_intensity,new_patents,hightech_firms,new_rd_platforms,chain_output_share,quality_firms,net_new_firms,emerging_output_share,profit_margin,energy_intensity_drop,srdi_firms,smart_factories,green_factories";

/// Eleven units whose revenue is 1..10 and then `top`; every other indicator of unit `u` is
/// `(u * 7 + i * 3) % 11`, each a permutation of 0..10 and so without skew.
fn csv_file(name: &str, top: f64) -> std::path::PathBuf {
    let mut text = format!("{HEADER}\n");
    for u in 0..11 {
        let revenue = if u == 10 { top } else { (u + 1) as f64 };
        let mut row = format!("{},单位{u},,{revenue}", 900000 + u);
        for i in 1..16 {
            row.push_str(&format!(",{}", (u * 7 + i * 3) % 11));
        }
        text.push_str(&row);
        text.push('\n');
    }
    let path =
        std::env::temp_dir().join(format!("fjindex-audit-{}-{name}.csv", std::process::id()));
    std::fs::File::create(&path)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    path
}

#[test]
fn audit_prints_one_csv_row_per_indicator() {
    let raw = csv_file("audit", 100.0);
    let text = stdout(&fjindex(&[
        "audit",
        "--data",
        raw.to_str().unwrap(),
        "--format",
        "csv",
    ]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "indicator_id,coverage,zeros_share,mode_share,skewness,kurtosis,outlier_flag,suggested_treatment,r_dimension,alpha_dimension"
    );
    assert_eq!(lines.len(), 17);
    // Revenue is the one_outlier column of the oracle; value_added_growth is 0..10 in some order.
    let revenue: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(
        &revenue[..4],
        &["revenue", "1", "0", &(1.0f64 / 11.0).to_string()]
    );
    assert!(close(revenue[4].parse().unwrap(), 3.2556381840605098));
    assert!(close(revenue[5].parse().unwrap(), 10.706673906421974));
    assert_eq!(&revenue[6..8], &["true", "jrc"]);
    let growth: Vec<&str> = lines[2].split(',').collect();
    assert_eq!(growth[0], "value_added_growth");
    assert_eq!(&growth[6..8], &["false", "none"]);

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&fjindex(&["audit", "--format", "json"]))).unwrap();
    assert_eq!(json["indicators"].as_array().unwrap().len(), 16);
    assert!(json["dataset"].as_str().is_some_and(|n| !n.is_empty()));
}

#[test]
fn treatment_jrc_ranks_as_the_treated_data_does() {
    let raw = csv_file("raw", 100.0);
    // The rule replaces unit 10's revenue 100 by 10 (see one_replacement_fixes_a_single_outlier).
    let treated = csv_file("treated", 10.0);
    let rank = |path: &std::path::Path, extra: &[&str]| {
        let mut args = vec!["rank", "--data", path.to_str().unwrap(), "--format", "csv"];
        args.extend(extra);
        stdout(&fjindex(&args))
    };
    let with_jrc = rank(&raw, &["--treatment", "jrc"]);
    assert_eq!(with_jrc, rank(&treated, &[]));
    assert_ne!(with_jrc, rank(&raw, &[]));
    assert_eq!(with_jrc, rank(&raw, &["--treatment", "revenue:jrc"]));

    let refused = fjindex(&["rank", "--treatment", "revenue:cube"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("unknown treatment 'cube'"));
    let refused = fjindex(&["rank", "--treatment", "turnover:log"]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("unknown indicator 'turnover'"));
}

#[test]
fn the_one_click_treatment_gives_jrc_to_the_flagged_indicators_only() {
    let system = common::system();
    let data = fjindex::data::seeds::bundle().data;
    let rows = audit(&system, &data);
    let mut before = vec![Treatment::None; rows.len()];
    before[1] = Treatment::Log;
    let after = jrc_for_flagged(&before, &rows);
    for (i, row) in rows.iter().enumerate() {
        let expected = if row.outlier_flag {
            Treatment::Jrc
        } else {
            before[i]
        };
        assert_eq!(after[i], expected, "{}", row.indicator_id);
    }
    assert!(after.contains(&Treatment::Jrc));
    // Giving JRC to every indicator ranks the same: it leaves the unflagged ones as they are.
    let mut flagged = Scenario::default_for(&system);
    flagged.treatments = jrc_for_flagged(&flagged.treatments, &rows);
    let mut all = Scenario::default_for(&system);
    all.treatments = vec![Treatment::Jrc; rows.len()];
    assert_eq!(
        score(&system, &data, &flagged).unwrap().rank,
        score(&system, &data, &all).unwrap().rank
    );
}

#[test]
fn rank_moves_list_the_changed_ranks_biggest_first() {
    let before = [1, 2, 3, 4, 5, 0];
    let after = [2, 1, 3, 5, 4, 6];
    let moves = rank_moves(&before, &after);
    assert_eq!(
        moves.first(),
        Some(&RankMove {
            unit: 5,
            before: 0,
            after: 6
        })
    );
    let units: Vec<usize> = moves.iter().map(|m| m.unit).collect();
    assert_eq!(units, [5, 0, 1, 3, 4]);
    assert!(moves[1..].iter().all(|m| m.distance() == 1));
    assert!(rank_moves(&before, &before).is_empty());
}

#[test]
fn the_audit_report_carries_checks_treatments_coherence_and_robustness() {
    use fjindex::analysis::uncertainty::{self, UncertaintyConfig};
    use fjindex::audit_report::{self, ReportInput};
    use fjindex::model::Lang;

    let system = common::system();
    let data = fjindex::data::seeds::bundle().data;
    let rows = audit(&system, &data);
    let mut scenario = Scenario::default_for(&system);
    scenario.treatments = jrc_for_flagged(&scenario.treatments, &rows);
    let ranking = score(&system, &data, &scenario).unwrap();
    let config = UncertaintyConfig {
        samples: 200,
        ..audit_report::robustness_config()
    };
    let result = uncertainty::run(&system, &data, &scenario, config).unwrap();
    let mut estimates = vec![false; data.n_units()];
    estimates[3] = true;
    let report = audit_report::build(&ReportInput {
        system: &system,
        data: &data,
        scenario: &scenario,
        ranking: &ranking,
        unit_estimates: &estimates,
        robustness: &result,
        date: "2026-12-05",
        lang: Lang::En,
    });
    assert!(
        report.stamp.contains(&data.content_hash()),
        "{}",
        report.stamp
    );
    assert!(report.stamp.contains(data.meta.name_in(Lang::En)));
    assert!(report.estimate_notice.is_some());

    assert_eq!(report.checks.rows.len(), 16);
    for (row, check) in report.checks.rows.iter().zip(&rows) {
        assert_eq!(row.cells[6].contains('⚠'), check.outlier_flag);
        let in_force = if check.outlier_flag { "JRC" } else { "None" };
        assert!(row.cells[7].contains(in_force), "{:?}", row.cells);
    }
    // The line of treatments in force, then one line per JRC indicator saying what it replaced.
    let flagged = rows.iter().filter(|r| r.outlier_flag).count();
    assert_eq!(report.treatments.len(), 1 + flagged);
    for (line, check) in report.treatments[1..]
        .iter()
        .zip(rows.iter().filter(|r| r.outlier_flag))
    {
        let name = system
            .indicators
            .iter()
            .find(|i| i.id == check.indicator_id)
            .unwrap()
            .name(Lang::En);
        assert!(line.starts_with(name), "{line}");
    }

    assert!(report.heatmap_svg.starts_with("<svg"));
    // The diagonal at least prints 1.00 (plotters writes each text on a line of its own).
    assert!(report.heatmap_svg.matches("\n1.00\n").count() >= 16);
    assert_eq!(report.alpha.rows.len(), system.n_dimensions() + 1);
    assert_eq!(report.components.len(), system.n_dimensions());

    assert_eq!(report.robustness.rows.len(), result.rows.len());
    for (row, r) in report.robustness.rows.iter().zip(&result.rows) {
        assert_eq!(row.cells[0], data.units[r.unit].name(Lang::En));
        assert_eq!(row.cells[2], r.median_rank.to_string());
        assert_eq!(row.cells[3], format!("{}–{}", r.p05, r.p95));
        assert_eq!(row.estimate, r.unit == 3);
    }
}
