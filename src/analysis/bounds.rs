//! Best and worst possible rank of each unit over all dimension weightings, or over those within the
//! model's [`super::WeightLimits`], exact, each with a witness.
//!
//! Dominance first: a unit ahead of the target in every dimension is above it under every weighting, one
//! it matches or beats everywhere never is. The rest are decided by a mixed-integer program (see `lp`):
//! the fewest units that must stay above (level is enough, since ties share the better rank; vertices
//! of the simplex often tie units with equal dimension scores), or the most that can be put above, each
//! by at least [`MARGIN`]. The witness is moved to the widest point of the same arrangement cell when
//! that cell has room, and re-scored from scratch; the rank reported is the rank re-scoring gives.

use super::lp::{self, Gap};
use super::{format_weights, parse_weights, AnalysisError, DimensionModel, MARGIN};
use crate::data::csv_text::spreadsheet_text;
use crate::model::{Dataset, IndicatorSystem, Scenario, Weighting};

/// How far a witness is moved from tie boundaries at most (score points, or log points if geometric).
const WIDEST_CAP: f64 = 0.01;

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

/// Re-scores each candidate and keeps the one whose verified rank is best by `better`.
fn pick(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    t: usize,
    candidates: Vec<Vec<f64>>,
    better: impl Fn(u32, u32) -> bool,
) -> Result<Extreme, AnalysisError> {
    let mut best: Option<Extreme> = None;
    for w in candidates {
        let rank = model.verified_rank(system, data, t, &w)?;
        if best.as_ref().is_none_or(|b| better(rank, b.rank)) {
            best = Some(Extreme { rank, weights: w });
        }
    }
    best.ok_or_else(|| AnalysisError::Solver("no candidate weights".into()))
}

/// The best rank unit `t` can reach under any dimension weighting within the model's limits.
pub fn best_rank(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    t: usize,
) -> Result<Extreme, AnalysisError> {
    let undecided: Vec<Gap> = model
        .gaps(t)
        .into_iter()
        .filter(|g| g.lo <= 0.0 && g.hi > 0.0)
        .collect();
    let limits = model.limits;
    let w_mip = if undecided.is_empty() {
        limits.or_equal(&model.weights)
    } else {
        // Ties share the better rank, so holding a unit level with the target is enough: no margin here.
        lp::fewest_above(model.n_dimensions, limits, &undecided, 0.0)
            .map_err(AnalysisError::Solver)?
            .1
    };
    let held: Vec<&Gap> = undecided.iter().filter(|g| g.at(&w_mip) <= 1e-9).collect();
    let mut candidates = Vec::new();
    if let Some((s, w)) = lp::widest(model.n_dimensions, limits, &held, &[], WIDEST_CAP) {
        if s >= MARGIN {
            candidates.push(w);
        }
    }
    candidates.push(lp::snapped(&w_mip));
    candidates.push(w_mip);
    pick(system, data, model, t, candidates, |a, b| a < b)
}

/// The worst rank unit `t` can fall to under any dimension weighting within the model's limits.
pub fn worst_rank(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    t: usize,
) -> Result<Extreme, AnalysisError> {
    let undecided: Vec<Gap> = model
        .gaps(t)
        .into_iter()
        .filter(|g| g.lo < MARGIN && g.hi >= MARGIN)
        .collect();
    let limits = model.limits;
    let w_mip = if undecided.is_empty() {
        limits.or_equal(&model.weights)
    } else {
        lp::most_above(model.n_dimensions, limits, &undecided)
            .map_err(AnalysisError::Solver)?
            .1
    };
    let pushed: Vec<&Gap> = undecided
        .iter()
        .filter(|g| g.at(&w_mip) >= MARGIN / 2.0)
        .collect();
    let mut candidates = Vec::new();
    if let Some((s, w)) = lp::widest(model.n_dimensions, limits, &[], &pushed, WIDEST_CAP) {
        if s >= MARGIN {
            candidates.push(w);
        }
    }
    candidates.push(w_mip);
    pick(system, data, model, t, candidates, |a, b| a > b)
}

/// Best and worst rank of one unit.
pub fn rank_bounds(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
    t: usize,
) -> Result<RankBounds, AnalysisError> {
    let best = best_rank(system, data, model, t)?;
    let worst = worst_rank(system, data, model, t)?;
    Ok(RankBounds {
        unit: t,
        adcode: model.adcode(t).to_string(),
        best_rank: best.rank,
        worst_rank: worst.rank,
        best_weights: best.weights,
        worst_weights: worst.weights,
    })
}

/// Bounds of every ranked unit, in ascending adcode order.
pub fn all_bounds(
    system: &IndicatorSystem,
    data: &Dataset,
    model: &DimensionModel,
) -> Result<Vec<RankBounds>, AnalysisError> {
    let mut units = model.ranked.clone();
    units.sort_by(|&a, &b| model.adcode(a).cmp(model.adcode(b)));
    units
        .into_iter()
        .map(|t| rank_bounds(system, data, model, t))
        .collect()
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
pub const BUNDLED_BOUNDS_CSV: &str = include_str!("../../seeds/bounds_2024.csv");

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
    let bundled = crate::data::wide_csv::read(
        crate::data::seeds::DATA_2024_CSV,
        system,
        crate::data::seeds::bundled_meta(),
    )
    .ok()?;
    if bundled.content_hash() != data.content_hash() {
        return None;
    }
    from_csv(system, data, BUNDLED_BOUNDS_CSV)
        .ok()
        .filter(|table| !table.is_empty())
}
