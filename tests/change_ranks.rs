//! The light year-over-year change the page holds (`edition_ranks`, one scoring of the two editions)
//! against the full change (`edition_change`) on the synthetic two-year sample, pooled and scaled each
//! on its own: the same counties in the same order with the same ranks and scores, the same unmatched
//! counties, and why one county moved (`explain_county`) equal to the full change's row. Scaled each
//! on its own, the ranks are also those of each year scored alone.

use fjindex::analysis::change::{edition_change, edition_ranks, explain, explain_county};
use fjindex::data::import::{import_bundled, ImportOptions};
use fjindex::data::seeds;
use fjindex::model::{Aggregation, Dataset, Normalisation, Scaling, Scenario};
use fjindex::score::score;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/www/samples/sample-editions-synthetic.csv"
);

fn sample_editions() -> Vec<Dataset> {
    let bytes = std::fs::read(SAMPLE).unwrap();
    let report = import_bundled(&bytes, &ImportOptions::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.editions.len(), 2);
    report.editions
}

/// The default scenario, one with other dimension weights, one with percentile ranks and one with
/// geometric aggregation.
fn scenarios() -> Vec<Scenario> {
    let system = seeds::indicator_system();
    let default = Scenario::default_for(&system);
    let mut weighted = default.clone();
    weighted.dimension_weights = vec![80.0, 5.0, 30.0, 10.0, 60.0];
    weighted.dimension_weights.truncate(system.n_dimensions());
    let mut ranks = default.clone();
    ranks.normalisation = Normalisation::Rank;
    let mut geometric = default.clone();
    geometric.aggregation = Aggregation::Geometric;
    vec![default, weighted, ranks, geometric]
}

#[test]
fn the_light_ranks_equal_the_full_change_under_both_scalings() {
    let system = seeds::indicator_system();
    let editions = sample_editions();
    let (from, to) = (&editions[0], &editions[1]);
    for scaling in [Scaling::Pooled, Scaling::Each] {
        for scenario in scenarios() {
            let full = edition_change(&system, from, to, &scenario, scaling).unwrap();
            let light = edition_ranks(&system, from, to, &scenario, scaling).unwrap();
            let label = format!("{scaling:?} {:?}", scenario.dimension_weights);
            assert!(light.rows.len() > 70, "{label}");
            assert_eq!(light.rows.len(), full.rows.len(), "{label}");
            for (l, f) in light.rows.iter().zip(&full.rows) {
                assert_eq!(l.adcode, f.adcode, "{label}");
                assert_eq!(l.name_zh, f.name_zh);
                assert_eq!(
                    (l.rank_from, l.rank_to),
                    (f.rank_from, f.rank_to),
                    "{label}"
                );
                assert_eq!(l.rank_change, f.rank_change);
                assert_eq!(l.score_from.to_bits(), f.score_from.to_bits());
                assert_eq!(l.score_to.to_bits(), f.score_to.to_bits());
                assert_eq!(l.score_change.to_bits(), f.score_change.to_bits());
                assert_eq!(from.units[l.unit_from].adcode, l.adcode);
                assert_eq!(to.units[l.unit_to].adcode, l.adcode);
                let why = explain_county(&system, from, to, &light, l, &scenario, scaling).unwrap();
                assert_eq!(
                    (why.rank_own, why.rank_others),
                    (f.rank_own, f.rank_others),
                    "{label} {}",
                    l.adcode
                );
                assert_eq!(why.contributions, f.contributions);
            }
            assert_eq!(light.unmatched, full.unmatched, "{label}");
            assert_eq!(light.contributions, full.contributions);
            assert_eq!(light.from_ranking, full.from_ranking);
            assert_eq!(light.to_ranking, full.to_ranking);
            assert_eq!(
                explain(&system, from, to, light, &scenario, scaling).unwrap(),
                full
            );
        }
    }
}

#[test]
fn scaled_each_the_light_ranks_are_each_years_own() {
    let system = seeds::indicator_system();
    let editions = sample_editions();
    let (from, to) = (&editions[0], &editions[1]);
    for scenario in scenarios() {
        let light = edition_ranks(&system, from, to, &scenario, Scaling::Each).unwrap();
        let (own_from, own_to) = (
            score(&system, from, &scenario).unwrap(),
            score(&system, to, &scenario).unwrap(),
        );
        for row in &light.rows {
            let (u, v) = (
                from.unit_index(&row.adcode).unwrap(),
                to.unit_index(&row.adcode).unwrap(),
            );
            assert_eq!(
                (row.rank_from, row.rank_to),
                (own_from.rank[u], own_to.rank[v])
            );
        }
    }
}
