//! Column treatments (log, winsorisation) and the four normalisations onto a 0-100 style scale.

use crate::model::{Normalisation, Treatment};

/// Applies a treatment in place; NaN (missing) stays NaN.
pub fn treat(column: &mut [f64], treatment: Treatment) {
    match treatment {
        Treatment::None => {}
        Treatment::Log => {
            for v in column.iter_mut().filter(|v| !v.is_nan()) {
                // Signed log keeps the order of negative values such as a net decrease of firms.
                *v = v.signum() * v.abs().ln_1p();
            }
        }
        Treatment::Winsorise { lower, upper } => {
            let mut present: Vec<f64> = column.iter().copied().filter(|v| !v.is_nan()).collect();
            if present.is_empty() {
                return;
            }
            crate::sorting::sort_f64(&mut present);
            let lo = quantile_sorted(&present, lower.clamp(0.0, 100.0) / 100.0);
            let hi = quantile_sorted(&present, upper.clamp(0.0, 100.0) / 100.0);
            for v in column.iter_mut().filter(|v| !v.is_nan()) {
                *v = v.clamp(lo.min(hi), hi.max(lo));
            }
        }
    }
}

/// Linear-interpolation quantile (Hyndman-Fan type 7) of sorted, non-empty data; `p` in [0, 1].
pub fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// Summary of a column's present values, enough to normalise any one value.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnStats {
    pub count: usize,
    pub min: f64,
    pub max: f64,
    pub mean: f64,
    /// Sample standard deviation (n - 1); zero for fewer than two values.
    pub sd: f64,
    /// Present values in ascending order, kept for the percentile-rank method.
    pub sorted: Vec<f64>,
}

impl ColumnStats {
    pub fn of(column: &[f64], keep_sorted: bool) -> Self {
        Self::summarise(column, keep_sorted, true)
    }

    /// The summary, with the mean and standard deviation only when `with_moments` (NaN and zero
    /// otherwise): min-max and efficacy need neither, and the sum is a chain of dependent additions.
    fn summarise(column: &[f64], keep_sorted: bool, with_moments: bool) -> Self {
        let (count, min, max) = count_min_max(column);
        let mean = if count > 0 && with_moments {
            column.iter().filter(|v| !v.is_nan()).sum::<f64>() / count as f64
        } else {
            f64::NAN
        };
        let sd = if count > 1 && with_moments {
            let ss: f64 = column
                .iter()
                .filter(|v| !v.is_nan())
                .map(|v| (v - mean).powi(2))
                .sum();
            (ss / (count - 1) as f64).sqrt()
        } else {
            0.0
        };
        let sorted = if keep_sorted {
            let mut s: Vec<f64> = column.iter().copied().filter(|v| !v.is_nan()).collect();
            crate::sorting::sort_f64(&mut s);
            s
        } else {
            Vec::new()
        };
        Self {
            count,
            min,
            max,
            mean,
            sd,
            sorted,
        }
    }

    /// True when the column has no spread, so every method returns its documented constant.
    pub fn is_constant(&self) -> bool {
        self.count == 0 || self.max - self.min <= f64::EPSILON * self.max.abs().max(1.0)
    }

    /// Normalises one raw (already treated) value.
    pub fn score(&self, method: Normalisation, v: f64) -> f64 {
        if v.is_nan() {
            return f64::NAN;
        }
        if self.is_constant() {
            return super::constant_column_score(method);
        }
        match method {
            Normalisation::MinMax => 100.0 * (v - self.min) / (self.max - self.min),
            Normalisation::Efficacy => 60.0 + 40.0 * (v - self.min) / (self.max - self.min),
            Normalisation::ZScore => 50.0 + 10.0 * (v - self.mean) / self.sd,
            Normalisation::Rank => {
                let less = self.sorted.partition_point(|&x| x < v);
                let not_greater = self.sorted.partition_point(|&x| x <= v);
                let equal = not_greater - less;
                // Mid-rank of the value among the present ones, scaled so the minimum is 0 and the maximum 100.
                let mid = less as f64 + (equal.max(1) - 1) as f64 / 2.0;
                100.0 * mid / (self.count - 1) as f64
            }
        }
    }
}

/// Normalises a whole column; missing values stay NaN.
pub fn normalise_column(column: &[f64], method: Normalisation, out: &mut [f64]) {
    out.copy_from_slice(column);
    normalise_in_place(out, method);
}

/// Normalises a column in place, as `normalise_column` does; missing values stay NaN. Returns the number
/// of values present.
pub fn normalise_in_place(column: &mut [f64], method: Normalisation) -> usize {
    let stats = ColumnStats::summarise(
        column,
        method == Normalisation::Rank,
        method == Normalisation::ZScore,
    );
    if stats.is_constant() || method == Normalisation::Rank {
        for v in column.iter_mut() {
            *v = stats.score(method, *v);
        }
        return stats.count;
    }
    // The linear methods as one multiply-add per value: v = offset + scale * v (NaN stays NaN).
    let (scale, offset) = match method {
        Normalisation::MinMax => {
            let k = 100.0 / (stats.max - stats.min);
            (k, -stats.min * k)
        }
        Normalisation::Efficacy => {
            let k = 40.0 / (stats.max - stats.min);
            (k, 60.0 - stats.min * k)
        }
        Normalisation::ZScore => {
            let k = 10.0 / stats.sd;
            (k, 50.0 - stats.mean * k)
        }
        Normalisation::Rank => unreachable!("handled above"),
    };
    for v in column.iter_mut() {
        *v = offset + scale * *v;
    }
    stats.count
}

/// The number of present values and their minimum and maximum, in four independent lanes so the
/// comparisons do not wait on each other. `f64::min` and `max` pass over NaN, and neither depends on order.
fn count_min_max(column: &[f64]) -> (usize, f64, f64) {
    let (mut lo, mut hi, mut missing) = ([f64::INFINITY; 4], [f64::NEG_INFINITY; 4], [0usize; 4]);
    let lanes = column.chunks_exact(4);
    let rest = lanes.remainder();
    for lane in lanes {
        for k in 0..4 {
            lo[k] = lo[k].min(lane[k]);
            hi[k] = hi[k].max(lane[k]);
            missing[k] += lane[k].is_nan() as usize;
        }
    }
    for &v in rest {
        lo[0] = lo[0].min(v);
        hi[0] = hi[0].max(v);
        missing[0] += v.is_nan() as usize;
    }
    let count = column.len() - missing.iter().sum::<usize>();
    (
        count,
        lo.into_iter().fold(f64::INFINITY, f64::min),
        hi.into_iter().fold(f64::NEG_INFINITY, f64::max),
    )
}

/// Min-max onto [0, 1], used by the entropy and CRITIC weightings.
pub fn unit_min_max(column: &[f64]) -> Vec<f64> {
    let stats = ColumnStats::of(column, false);
    column
        .iter()
        .map(|&v| {
            if v.is_nan() {
                f64::NAN
            } else if stats.is_constant() {
                0.5
            } else {
                (v - stats.min) / (stats.max - stats.min)
            }
        })
        .collect()
}
