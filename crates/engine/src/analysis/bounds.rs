//! Best and worst possible rank of each unit over all dimension weightings, or over those within the
//! model's [`super::WeightLimits`]: the result, its CSV table and the table precomputed for the bundled
//! data. The exact mixed-integer solving is in the `fjindex-exact` crate (`analysis::bounds` there).

use super::{format_weights, parse_weights};
use crate::data::csv_text::spreadsheet_text;
use crate::model::{Dataset, IndicatorSystem, Scenario, Weighting};

/// A unit's best and worst rank with weights that achieve each.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RankBounds {
    pub unit: usize,
    pub adcode: String,
    pub best_rank: u32,
    pub worst_rank: u32,
    pub best_weights: Vec<f64>,
    pub worst_weights: Vec<f64>,
}

/// One extreme rank and its witness.
#[derive(Clone, Debug, PartialEq)]
pub struct Extreme {
    pub rank: u32,
    pub weights: Vec<f64>,
}

/// The `adcode,best_rank,worst_rank,best_weights,worst_weights` table.
pub fn to_csv(system: &IndicatorSystem, bounds: &[RankBounds]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "adcode",
        "best_rank",
        "worst_rank",
        "best_weights",
        "worst_weights",
    ])
    .expect("in-memory CSV");
    for b in bounds {
        w.write_record([
            spreadsheet_text(&b.adcode).into_owned(),
            b.best_rank.to_string(),
            b.worst_rank.to_string(),
            format_weights(system, &b.best_weights),
            format_weights(system, &b.worst_weights),
        ])
        .expect("in-memory CSV");
    }
    String::from_utf8(w.into_inner().expect("in-memory CSV")).expect("UTF-8")
}

/// Reads a bounds table back; `data` locates each adcode.
pub fn from_csv(
    system: &IndicatorSystem,
    data: &Dataset,
    text: &str,
) -> Result<Vec<RankBounds>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let r = record.map_err(|e| format!("row {}: {e}", row + 2))?;
        let field = |i: usize| r.get(i).unwrap_or("").to_string();
        let adcode = field(0);
        let unit = data
            .unit_index(&adcode)
            .ok_or_else(|| format!("row {}: unknown adcode {adcode}", row + 2))?;
        let rank = |i: usize| {
            field(i)
                .parse::<u32>()
                .map_err(|_| format!("row {}: bad rank", row + 2))
        };
        out.push(RankBounds {
            unit,
            adcode,
            best_rank: rank(1)?,
            worst_rank: rank(2)?,
            best_weights: parse_weights(system, &field(3))?,
            worst_weights: parse_weights(system, &field(4))?,
        });
    }
    Ok(out)
}

/// Bounds precomputed for the bundled 2024 data under the default method (any dimension weights);
/// regenerate with `cargo run --bin fjindex -- bounds --recompute > seeds/bounds_2024.csv`.
pub const BUNDLED_BOUNDS_CSV: &str = include_str!("../../../../seeds/bounds_2024.csv");

/// The precomputed bounds, when `system` is the white paper's, `data` is the bundled data set and the
/// scenario differs from the default at most in its dimension weights (bounds do not depend on those).
pub fn precomputed(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
) -> Option<Vec<RankBounds>> {
    // The table was solved for the white paper's system; another one (a flipped direction, a moved
    // indicator) may rank the same data differently.
    if *system != crate::data::seeds::indicator_system() {
        return None;
    }
    let default = Scenario::default_for(system);
    let equal_within = (0..system.n_dimensions()).all(|d| {
        let r = system.indicators_of(d);
        let first = scenario
            .indicator_weights
            .get(r.start)
            .copied()
            .unwrap_or(0.0);
        first > 0.0
            && r.clone()
                .all(|i| scenario.indicator_weights.get(i) == Some(&first))
    });
    let method_default = scenario.normalisation == default.normalisation
        && scenario.treatments == default.treatments
        && scenario.aggregation == default.aggregation
        && (scenario.weighting == Weighting::Equal
            || (matches!(scenario.weighting, Weighting::Manual | Weighting::Ahp) && equal_within));
    if !method_default {
        return None;
    }
    let (bundled, without) = crate::data::seeds::bundled_values(system);
    if !without.is_empty() || bundled.content_hash() != data.content_hash() {
        return None;
    }
    from_csv(system, data, BUNDLED_BOUNDS_CSV)
        .ok()
        .filter(|table| !table.is_empty())
}
