//! Checks of the committed seeds: reproducibility of the calibration, agreement with the white paper's
//! Tables 3-2 and 3-3 and section 二（一）, anchors, provenance and realistic magnitudes.

use fjindex::calibration;
use fjindex::data::provenance::{Provenance, Status};
use fjindex::data::{seeds, wide_csv};
use fjindex::model::{IndicatorSystem, Lang, Scenario, ValueKind};
use fjindex::score::score;

#[test]
fn calibration_reproduces_the_committed_files_byte_for_byte() {
    let b = seeds::bundle();
    let run = calibration::run(
        &b.system,
        &b.counties,
        &seeds::published(),
        seeds::CALIBRATION_PRIOR_CSV,
    )
    .unwrap();
    assert!(
        wide_csv::write(&run.data, &b.system) == seeds::DATA_2024_CSV,
        "seeds/data_2024.csv is stale"
    );
    assert!(
        run.provenance.to_csv() == seeds::PROVENANCE_2024_CSV,
        "seeds/provenance_2024.csv is stale"
    );
}

#[test]
fn the_build_scripts_tables_equal_parsing_the_seed_files() {
    assert_eq!(
        seeds::indicator_system(),
        IndicatorSystem::from_json(seeds::INDICATORS_JSON).unwrap()
    );
    let counties = seeds::counties();
    assert_eq!(counties.len(), 83);
    assert_eq!(counties, seeds::counties_from_csv(seeds::COUNTIES_CSV));
    let provenance = seeds::provenance();
    assert_eq!(provenance.records().len(), 83 * 16);
    assert_eq!(
        provenance,
        Provenance::from_csv(seeds::PROVENANCE_2024_CSV).unwrap()
    );
    assert_eq!(seeds::bundle().provenance, provenance);
}

#[test]
fn the_bundled_data_table_equals_reading_seeds_data_2024_csv() {
    let system = seeds::indicator_system();
    let read = wide_csv::read(seeds::DATA_2024_CSV, &system, seeds::bundled_meta()).unwrap();
    let (table, without) = seeds::bundled_values(&system);
    assert!(without.is_empty());
    assert_eq!(table.meta, read.meta);
    assert_eq!(table.units, read.units);
    assert_eq!(table.n_indicators(), read.n_indicators());
    let mut missing = 0;
    for u in 0..read.n_units() {
        for i in 0..read.n_indicators() {
            let (got, want) = (table.get(u, i), read.get(u, i));
            assert_eq!(
                got.map(f64::to_bits),
                want.map(f64::to_bits),
                "unit {u}, indicator {i}"
            );
            missing += usize::from(want.is_none());
        }
    }
    // The file's blank cells, counted in its text, are the missing values.
    let blank: usize = (seeds::DATA_2024_CSV.lines().skip(1))
        .map(|line| {
            line.split(',')
                .skip(3)
                .filter(|c| c.trim().is_empty())
                .count()
        })
        .sum();
    assert_eq!(missing, blank);
    assert_eq!(table.content_hash(), read.content_hash());
    let mut bundled = read;
    seeds::attach_county_details(&mut bundled, &seeds::counties());
    assert_eq!(seeds::bundle().data.units, bundled.units);
    assert_eq!(seeds::bundle().data.content_hash(), bundled.content_hash());
}

#[test]
fn default_top_ten_is_table_3_2_with_its_scores() {
    let b = seeds::bundle();
    let published = seeds::published();
    let ranking = score(&b.system, &b.data, &Scenario::default_for(&b.system)).unwrap();
    assert_eq!(published.composite_top10.entries.len(), 10);
    for (pos, entry) in published.composite_top10.entries.iter().enumerate() {
        let u = ranking.order[pos];
        assert_eq!(b.data.units[u].adcode, entry.adcode, "rank {}", pos + 1);
        assert_eq!(ranking.rank[u], entry.rank);
        assert_eq!(
            format!("{:.2}", ranking.composite[u]),
            format!("{:.2}", entry.score),
            "{}",
            entry.name_zh
        );
    }
}

#[test]
fn each_dimension_top_ten_is_table_3_3() {
    let b = seeds::bundle();
    let published = seeds::published();
    let ranking = score(&b.system, &b.data, &Scenario::default_for(&b.system)).unwrap();
    for (d, dim) in b.system.dimensions.iter().enumerate() {
        let expected = published.dimension_top10.get(&dim.id).unwrap();
        for (pos, code) in expected.iter().enumerate() {
            let u = b.data.unit_index(code).unwrap();
            assert_eq!(
                ranking.rank_in_dimension(u, d),
                pos as u32 + 1,
                "{} in {}",
                code,
                dim.id
            );
        }
    }
}

#[test]
fn chain_output_share_mean_is_the_published_52_2() {
    let b = seeds::bundle();
    let i = b.system.indicator_index("chain_output_share").unwrap();
    let col = b.data.column(i);
    let mean = col.iter().sum::<f64>() / col.len() as f64;
    assert_eq!(b.data.n_units(), 83);
    assert_eq!(format!("{mean:.1}"), "52.2");
}

#[test]
fn every_anchor_holds_and_is_marked_as_an_anchored_estimate() {
    let b = seeds::bundle();
    let published = seeds::published();
    assert!(!published.anchors.is_empty());
    for a in &published.anchors {
        let u = b.data.unit_index(&a.adcode).unwrap();
        let i = b.system.indicator_index(&a.indicator).unwrap();
        let v = b.data.get(u, i).unwrap();
        assert!(
            a.holds_for(v),
            "{} {}: {v} vs {} {:?}",
            a.name_zh,
            a.indicator,
            a.value,
            a.relation
        );
        let rec = b.provenance.get(&a.adcode, &a.indicator).unwrap();
        assert_eq!(rec.status, Status::EstimateAnchored);
        if !a.same_definition_and_period {
            assert_ne!(rec.status, Status::Published);
        }
    }
}

#[test]
fn provenance_covers_every_value_and_never_calls_an_estimate_published() {
    let b = seeds::bundle();
    assert_eq!(
        b.provenance.records().len(),
        b.data.n_units() * b.system.n_indicators()
    );
    for unit in &b.data.units {
        for ind in &b.system.indicators {
            let rec = b
                .provenance
                .get(&unit.adcode, &ind.id)
                .expect("a provenance record");
            if rec.status == Status::Published {
                assert!(
                    !rec.source.is_empty(),
                    "a published value must cite its source"
                );
            }
        }
    }
    // No county figure in the paper is a 2024 annual value with our definitions.
    assert_eq!(b.provenance.count(Status::Published), 0);
}

#[test]
fn values_have_realistic_kinds_and_bounds() {
    let b = seeds::bundle();
    for (i, ind) in b.system.indicators.iter().enumerate() {
        for &v in b.data.column(i) {
            assert!(
                v >= ind.plausible_min && v <= ind.plausible_max,
                "{} = {v}",
                ind.id
            );
            if ind.kind == ValueKind::Count {
                assert_eq!(v.fract(), 0.0, "{} must be whole", ind.id);
                if !ind.signed {
                    assert!(v >= 0.0, "{} must be non-negative", ind.id);
                }
            }
        }
    }
    let net = b.system.indicator_index("net_new_firms").unwrap();
    assert!(
        b.data.column(net).iter().any(|&v| v < 0.0),
        "some county should lose firms"
    );
}

fn skewness(xs: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let m2 = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    let m3 = xs.iter().map(|x| (x - mean).powi(3)).sum::<f64>() / n;
    m3 / m2.powf(1.5)
}

#[test]
fn revenue_and_counts_are_right_skewed_with_a_few_dominant_counties() {
    let b = seeds::bundle();
    for id in [
        "revenue",
        "new_patents",
        "hightech_firms",
        "quality_firms",
        "srdi_firms",
        "green_factories",
    ] {
        let col = b.data.column(b.system.indicator_index(id).unwrap());
        assert!(skewness(col) > 1.0, "{id} skewness {}", skewness(col));
        let mut sorted = col.to_vec();
        sorted.sort_by(f64::total_cmp);
        let total: f64 = sorted.iter().sum();
        let top_tenth: f64 = sorted.iter().rev().take(8).sum();
        assert!(
            top_tenth / total > 0.3,
            "{id}: the top 8 counties hold {:.0}%",
            100.0 * top_tenth / total
        );
    }
}

#[test]
fn coastal_industrial_districts_outrank_inland_mountain_counties_on_average() {
    let b = seeds::bundle();
    let ranking = score(&b.system, &b.data, &Scenario::default_for(&b.system)).unwrap();
    let mean_of = |pred: &dyn Fn(&fjindex::model::Unit) -> bool| {
        let scores: Vec<f64> = b
            .data
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| pred(u))
            .map(|(k, _)| ranking.composite[k])
            .collect();
        scores.iter().sum::<f64>() / scores.len() as f64
    };
    let coastal = mean_of(&|u| {
        u.prefecture_zh == "厦门市" || (u.prefecture_zh == "泉州市" && u.name_zh.ends_with('区'))
    });
    let mountain = mean_of(&|u| {
        (u.prefecture_zh == "南平市" || u.prefecture_zh == "三明市") && u.name_zh.ends_with('县')
    });
    assert!(
        coastal > mountain + 10.0,
        "coastal {coastal:.1} vs mountain {mountain:.1}"
    );
}

#[test]
fn english_readers_see_amounts_in_billion_yuan_and_rates_unchanged() {
    let system = fjindex::data::seeds::indicator_system();
    let revenue = system
        .indicators
        .iter()
        .find(|i| i.unit_zh == "亿元")
        .unwrap();
    // 1 亿元 is 100 million yuan, a tenth of a billion.
    assert_eq!(revenue.format_with_unit(111.0, Lang::Zh), "111.0 亿元");
    assert_eq!(
        revenue.format_with_unit(111.0, Lang::En),
        "11.10 billion yuan"
    );
    assert_eq!(revenue.format_shown(3.2, Lang::En), "0.32");
    let rate = system.indicators.iter().find(|i| i.unit_en == "%").unwrap();
    assert_eq!(
        rate.format_with_unit(12.5, Lang::En),
        format!("{}%", rate.format(12.5))
    );
    assert!(system
        .indicators
        .iter()
        .all(|i| i.shown_unit(Lang::En).is_ascii()));
}
