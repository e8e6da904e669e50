//! The bundled seeds, compiled into the binary: indicator system, counties, the 2024 data set, its
//! provenance and the white paper's published facts.

use super::provenance::{Provenance, Record, Status};
use super::published::PublishedFacts;
use crate::i18n::{t, Key, Lang};
use crate::model::{Dataset, DatasetMeta, Dimension, Indicator, IndicatorSystem, Unit, ValueKind};

pub const INDICATORS_JSON: &str = include_str!("../../../../seeds/indicators.json");
pub const COUNTIES_CSV: &str = include_str!("../../../../seeds/counties.csv");
pub const DATA_2024_CSV: &str = include_str!("../../../../seeds/data_2024.csv");
pub const PROVENANCE_2024_CSV: &str = include_str!("../../../../seeds/provenance_2024.csv");
pub const PUBLISHED_JSON: &str = include_str!("../../../../seeds/published.json");
pub const CALIBRATION_PRIOR_CSV: &str = include_str!("../../../../seeds/calibration_prior.csv");

/// `seeds/indicators.json`, `seeds/counties.csv` and `seeds/provenance_2024.csv` as Rust tables, written
/// by `build.rs`.
mod tables {
    include!(concat!(env!("OUT_DIR"), "/seed_tables.rs"));
}

/// Everything the page and the CLI start from. The published facts are not part of it: only the
/// calibration and the tests read them (see [`published`]), so the page does not carry them.
#[derive(Clone, Debug)]
pub struct Bundle {
    pub system: IndicatorSystem,
    pub counties: Vec<Unit>,
    pub data: Dataset,
    pub provenance: Provenance,
}

/// The metadata of the bundled data set.
pub fn bundled_meta() -> DatasetMeta {
    let text = |lang, key| Some(t(lang, key).to_string());
    DatasetMeta {
        name: t(Lang::Zh, Key::BundledDataName).to_string(),
        year: Some(2024),
        source: t(Lang::Zh, Key::BundledDataSource).to_string(),
        name_en: text(Lang::En, Key::BundledDataName),
        source_en: text(Lang::En, Key::BundledDataSource),
        name_zh_hant: text(Lang::ZhHant, Key::BundledDataName),
        source_zh_hant: text(Lang::ZhHant, Key::BundledDataSource),
    }
}

/// An indicator of `seeds/indicators.json` as `build.rs` writes it: its texts in the order of
/// [`Indicator`]'s text fields, then the other fields.
struct IndicatorRow {
    texts: [&'static str; 14],
    kind: ValueKind,
    integer: bool,
    decimals: u8,
    signed: bool,
    higher_is_better: bool,
    plausible_min: f64,
    plausible_max: f64,
}

/// The indicator system of `seeds/indicators.json`, as `IndicatorSystem::from_json` reads it.
pub fn indicator_system() -> IndicatorSystem {
    let dimensions = tables::DIMENSIONS
        .iter()
        .map(|d| {
            let [id, name_zh, name_en, about_zh, about_en, name_zh_hant, about_zh_hant] =
                d.map(str::to_string);
            Dimension {
                id,
                name_zh,
                name_en,
                about_zh,
                about_en,
                name_zh_hant,
                about_zh_hant,
            }
        })
        .collect();
    let indicators = tables::INDICATORS
        .iter()
        .map(|r| {
            let [id, dimension, name_zh, name_en, short_zh, short_en, unit_zh, unit_en, definition_zh, definition_en, name_zh_hant, short_zh_hant, unit_zh_hant, definition_zh_hant] =
                r.texts.map(str::to_string);
            Indicator {
                id,
                dimension,
                name_zh,
                name_en,
                short_zh,
                short_en,
                unit_zh,
                unit_en,
                kind: r.kind,
                integer: r.integer,
                decimals: r.decimals,
                signed: r.signed,
                higher_is_better: r.higher_is_better,
                definition_zh,
                definition_en,
                name_zh_hant,
                short_zh_hant,
                unit_zh_hant,
                definition_zh_hant,
                plausible_min: r.plausible_min,
                plausible_max: r.plausible_max,
            }
        })
        .collect();
    IndicatorSystem::new(tables::INDICATOR_SOURCE.to_string(), dimensions, indicators)
        .expect("seeds/indicators.json is valid")
}

pub fn published() -> PublishedFacts {
    PublishedFacts::from_json(PUBLISHED_JSON).expect("seeds/published.json is valid")
}

#[derive(serde::Deserialize)]
struct CountyRow {
    adcode: String,
    name_zh: String,
    name_en: String,
    prefecture_zh: String,
    lon_gcj02: f64,
    lat_gcj02: f64,
}

/// The 83 counties with English names and centre points.
pub fn counties() -> Vec<Unit> {
    tables::COUNTIES
        .lines()
        .map(|line| {
            let mut fields = line.split('\t');
            let mut text = || {
                fields
                    .next()
                    .expect("build.rs writes six fields")
                    .to_string()
            };
            let (adcode, name_zh, name_en, prefecture_zh) = (text(), text(), text(), text());
            // build.rs writes each coordinate as its shortest exact decimal, so parsing gives it back.
            let mut number = || Some(text().parse().expect("build.rs writes numbers"));
            Unit {
                adcode,
                name_zh,
                name_en,
                prefecture_zh,
                lon: number(),
                lat: number(),
            }
        })
        .collect()
}

/// Counties parsed from text in the format of `seeds/counties.csv`; [`counties`] gives the same for the
/// bundled file without parsing it.
pub fn counties_from_csv(text: &str) -> Vec<Unit> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .deserialize::<CountyRow>()
        .map(|r| {
            let r = r.expect("the counties are valid");
            Unit {
                adcode: r.adcode,
                name_zh: r.name_zh,
                name_en: r.name_en,
                prefecture_zh: r.prefecture_zh,
                lon: Some(r.lon_gcj02),
                lat: Some(r.lat_gcj02),
            }
        })
        .collect()
}

/// Fills English names, prefectures and centre points of units that match a known county by adcode.
pub fn attach_county_details(data: &mut Dataset, counties: &[Unit]) {
    let by_code: std::collections::HashMap<&str, &Unit> =
        counties.iter().map(|c| (c.adcode.as_str(), c)).collect();
    for unit in &mut data.units {
        if let Some(c) = by_code.get(unit.adcode.as_str()) {
            if unit.name_en.is_empty() {
                unit.name_en = c.name_en.clone();
            }
            if unit.prefecture_zh.is_empty() {
                unit.prefecture_zh = c.prefecture_zh.clone();
            }
            unit.lon = unit.lon.or(c.lon);
            unit.lat = unit.lat.or(c.lat);
        }
    }
}

/// `seeds/data_2024.csv` in the columns of `system`, matched by indicator id, without county details,
/// from the table `build.rs` writes (whose numbers parse back exactly), and the indicators of `system`
/// it has no values for (their columns stay missing). For the bundled system this is what
/// `wide_csv::read` reads from the file.
pub fn bundled_values(system: &IndicatorSystem) -> (Dataset, Vec<usize>) {
    let columns: Vec<Option<usize>> = (system.indicators.iter())
        .map(|i| tables::DATA_INDICATORS.iter().position(|&id| id == i.id))
        .collect();
    let mut units = Vec::new();
    let mut rows = Vec::new();
    for line in tables::DATA_ROWS.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [adcode, name_zh, prefecture_zh] = [0, 1, 2].map(|k| fields[k].to_string());
        units.push(Unit {
            adcode,
            name_zh,
            name_en: String::new(),
            prefecture_zh,
            lon: None,
            lat: None,
        });
        rows.push(fields);
    }
    let mut data = Dataset::new(bundled_meta(), units, system.n_indicators());
    for (u, fields) in rows.iter().enumerate() {
        for (i, column) in columns.iter().enumerate() {
            let value = match column.map(|c| fields[3 + c]) {
                None | Some("") => None,
                Some(text) => Some(text.parse().expect("build.rs writes numbers")),
            };
            data.set(u, i, value);
        }
    }
    let without = (columns.iter().enumerate())
        .filter_map(|(i, c)| c.is_none().then_some(i))
        .collect();
    (data, without)
}

/// The provenance of the bundled data set, as `Provenance::from_csv` reads `seeds/provenance_2024.csv`.
pub fn provenance() -> Provenance {
    let texts: Vec<&str> = tables::PROVENANCE_TEXTS.lines().collect();
    let text = |i: u16| texts[usize::from(i)].to_string();
    let records = (tables::PROVENANCE_ADCODES.iter())
        .zip(tables::PROVENANCE_INDICATORS)
        .zip(
            tables::PROVENANCE_STATUSES
                .iter()
                .zip(tables::PROVENANCE_SOURCES),
        )
        .map(|((&adcode, &indicator), (&status, &source))| Record {
            adcode: text(adcode),
            indicator: text(indicator),
            status: Status::ALL[usize::from(status)],
            source: text(source),
        })
        .collect();
    Provenance::new(records)
}

/// The bundled data set's values for another indicator system, matched by indicator id, with county
/// details, and the indicators of that system the bundled data has no values for (their columns stay
/// missing).
pub fn bundled_data_for(system: &IndicatorSystem) -> (Dataset, Vec<usize>) {
    let (mut data, without) = bundled_values(system);
    attach_county_details(&mut data, &counties());
    (data, without)
}

/// Loads the bundled seeds; they are checked by the test suite, so failure here is a build defect.
pub fn bundle() -> Bundle {
    let system = indicator_system();
    let counties = counties();
    let (mut data, without) = bundled_values(&system);
    assert!(
        without.is_empty(),
        "seeds/data_2024.csv has a column for every indicator"
    );
    attach_county_details(&mut data, &counties);
    let provenance = provenance();
    Bundle {
        system,
        counties,
        data,
        provenance,
    }
}
