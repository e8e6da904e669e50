//! Data checks per indicator on the data as imported: coverage, zeros and the most common value, skewness
//! and kurtosis with the JRC outlier rule, and the treatment each check suggests; and what the JRC
//! treatment changed in a scenario's columns.

use crate::method::jrc::{self, JrcOutcome};
use crate::model::{Dataset, IndicatorSystem, Treatment, TreatmentKind};

/// Coverage below this is flagged.
pub const MIN_COVERAGE: f64 = 0.65;
/// A share of zeros, or of the most common value, above this is flagged.
pub const MAX_SAME_SHARE: f64 = 0.5;

/// The checks of one indicator's column. Shares of values are shares of the present values (NaN when
/// none is present); the moments are over the present values.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorAudit {
    pub indicator_id: String,
    /// The share of units with a value.
    pub coverage: f64,
    pub zeros_share: f64,
    /// The share of the most common value.
    pub mode_share: f64,
    /// Sample skewness G1 ([`jrc::skewness`]).
    pub skewness: f64,
    /// Sample excess kurtosis G2 ([`jrc::kurtosis`]).
    pub kurtosis: f64,
    /// |G1| > 2 and G2 > 3.5.
    pub outlier_flag: bool,
    pub suggested_treatment: TreatmentKind,
}

impl IndicatorAudit {
    /// Checks one column (NaN = missing).
    pub fn of(indicator_id: &str, column: &[f64]) -> Self {
        let mut present: Vec<f64> = column.iter().copied().filter(|v| !v.is_nan()).collect();
        crate::sorting::sort_f64(&mut present);
        let n = present.len() as f64;
        let share = |count: usize| {
            if present.is_empty() {
                f64::NAN
            } else {
                count as f64 / n
            }
        };
        let zeros = present.iter().filter(|&&v| v == 0.0).count();
        let mode = present
            .chunk_by(|a, b| a == b)
            .map(<[f64]>::len)
            .max()
            .unwrap_or(0);
        let coverage = if column.is_empty() {
            0.0
        } else {
            n / column.len() as f64
        };
        let shape = jrc::Shape::of(column);
        let outlier_flag = shape.trips_outlier_rule();
        Self {
            indicator_id: indicator_id.to_string(),
            coverage,
            zeros_share: share(zeros),
            mode_share: share(mode),
            skewness: shape.skewness,
            kurtosis: shape.kurtosis,
            outlier_flag,
            suggested_treatment: if outlier_flag {
                TreatmentKind::Jrc
            } else {
                TreatmentKind::None
            },
        }
    }

    /// Fewer than [`MIN_COVERAGE`] of the units have a value.
    pub fn low_coverage(&self) -> bool {
        self.coverage < MIN_COVERAGE
    }

    /// More than [`MAX_SAME_SHARE`] of the present values are zero, or one and the same value.
    pub fn mostly_one_value(&self) -> bool {
        self.zeros_share > MAX_SAME_SHARE || self.mode_share > MAX_SAME_SHARE
    }
}

/// The checks of every indicator of a data set, in the system's order.
pub fn audit(system: &IndicatorSystem, data: &Dataset) -> Vec<IndicatorAudit> {
    system
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| IndicatorAudit::of(&ind.id, data.column(i)))
        .collect()
}

/// What the JRC treatment does to each column the treatments give it (None for the other columns):
/// the values it replaces, or that it takes the log.
pub fn jrc_changes(data: &Dataset, treatments: &[Treatment]) -> Vec<Option<JrcOutcome>> {
    treatments
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (*t == Treatment::Jrc && i < data.n_indicators()).then(|| {
                let mut column = data.column(i).to_vec();
                jrc::treat(&mut column)
            })
        })
        .collect()
}

/// The treatments with the JRC treatment given to every indicator the audit flags for outliers; the
/// other indicators keep theirs.
pub fn jrc_for_flagged(treatments: &[Treatment], rows: &[IndicatorAudit]) -> Vec<Treatment> {
    treatments
        .iter()
        .zip(rows)
        .map(|(&t, row)| if row.outlier_flag { Treatment::Jrc } else { t })
        .collect()
}

/// A unit whose rank changed between two rankings (rank 0 = unranked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RankMove {
    pub unit: usize,
    pub before: u32,
    pub after: u32,
}

impl RankMove {
    /// How many places the unit moved, either way.
    pub fn distance(&self) -> u32 {
        self.before.abs_diff(self.after)
    }
}

/// The units whose rank differs between `before` and `after`, the biggest move first (equal moves in
/// the units' order).
pub fn rank_moves(before: &[u32], after: &[u32]) -> Vec<RankMove> {
    let mut moves: Vec<RankMove> = before
        .iter()
        .zip(after)
        .enumerate()
        .filter(|(_, (b, a))| b != a)
        .map(|(unit, (&before, &after))| RankMove {
            unit,
            before,
            after,
        })
        .collect();
    moves.sort_by_key(|m| std::cmp::Reverse(m.distance()));
    moves
}
