//! Column treatments (log, winsorisation, the JRC rule) and the normalisations onto a 0-100 style scale.

use crate::model::{Indicator, Normalisation, Treatment};

/// The scale a treated column is on: its own, or the signed log of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Raw,
    Log,
}

/// Applies a treatment in place and says which scale the values are on now; NaN (missing) stays NaN.
pub fn treat(column: &mut [f64], treatment: Treatment) -> Scale {
    match treatment {
        Treatment::None => Scale::Raw,
        Treatment::Log => {
            for v in column.iter_mut().filter(|v| !v.is_nan()) {
                // Signed log keeps the order of negative values such as a net decrease of firms.
                *v = v.signum() * v.abs().ln_1p();
            }
            Scale::Log
        }
        Treatment::Jrc => match crate::method::jrc::treat(column) {
            crate::method::jrc::JrcOutcome::Logged => Scale::Log,
            _ => Scale::Raw,
        },
        Treatment::Winsorise { lower, upper } => {
            let mut present: Vec<f64> = column.iter().copied().filter(|v| !v.is_nan()).collect();
            if present.is_empty() {
                return Scale::Raw;
            }
            crate::sorting::sort_f64(&mut present);
            let lo = quantile_sorted(&present, lower.clamp(0.0, 100.0) / 100.0);
            let hi = quantile_sorted(&present, upper.clamp(0.0, 100.0) / 100.0);
            for v in column.iter_mut().filter(|v| !v.is_nan()) {
                *v = v.clamp(lo.min(hi), hi.max(lo));
            }
            Scale::Raw
        }
    }
}

/// Linear-interpolation quantile (Hyndman-Fan type 7) of sorted, non-empty data; `p` in [0, 1].
pub fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    let (a, b, t) = (sorted[lo], sorted[hi], h - lo as f64);
    if (b - a).is_finite() {
        a + t * (b - a)
    } else {
        // The gap exceeds the largest double: interpolate as a weighted sum instead.
        a * (1.0 - t) + b * t
    }
}

/// Where `v` lies between `lo` and `hi` as a fraction, (v - lo) / (hi - lo), also when `hi - lo`
/// exceeds the largest double (values near -1.7e308 and +1.7e308): then both are halved first.
pub fn fraction_of_range(v: f64, lo: f64, hi: f64) -> f64 {
    let span = hi - lo;
    if span.is_finite() {
        (v - lo) / span
    } else {
        (v / 2.0 - lo / 2.0) / (hi / 2.0 - lo / 2.0)
    }
}

/// Scale and shift with `shift + scale * v = width * (v - lo) / (hi - lo)` for the min-max family,
/// without overflow when `hi - lo` exceeds the largest double.
fn range_map(lo: f64, hi: f64, width: f64) -> (f64, f64) {
    let span = hi - lo;
    if span.is_finite() {
        let k = width / span;
        (k, -lo * k)
    } else {
        let k = width / (hi / 2.0 - lo / 2.0);
        (k / 2.0, -(lo / 2.0) * k)
    }
}

/// The fixed bounds of the goalposts normalisation (COINr's `n_goalposts`): the lower and upper goalpost
/// on the scale of the treated values, and the indicator's direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Goalposts {
    pub lower: f64,
    pub upper: f64,
    pub higher_is_better: bool,
}

impl Goalposts {
    /// An indicator's goalposts: its plausible range, passed through the column's treatment. A log
    /// treatment moves the bounds with the values; a winsorisation leaves them where they are. The JRC
    /// treatment's scale depends on the column, so scoring takes [`Goalposts::on_scale`] with the scale
    /// [`treat`] reports.
    pub fn of(indicator: &Indicator, treatment: Treatment) -> Self {
        let scale = if treatment == Treatment::Log {
            Scale::Log
        } else {
            Scale::Raw
        };
        Self::on_scale(indicator, scale)
    }

    /// An indicator's goalposts on the scale its treated column is on ([`treat`] says which): the JRC
    /// treatment takes the log of some columns and not of others.
    pub fn on_scale(indicator: &Indicator, scale: Scale) -> Self {
        let mut bounds = [indicator.plausible_min, indicator.plausible_max];
        if scale == Scale::Log {
            treat(&mut bounds, Treatment::Log);
        }
        Self {
            lower: bounds[0],
            upper: bounds[1],
            higher_is_better: indicator.higher_is_better,
        }
    }

    /// The same goalposts for the column turned to face up (negated, as scoring turns a lower-is-better
    /// column): a lower-is-better indicator's bounds negated and swapped, so larger is better.
    pub fn facing_up(self) -> Self {
        if self.higher_is_better {
            return self;
        }
        Self {
            lower: -self.upper,
            upper: -self.lower,
            higher_is_better: true,
        }
    }

    /// 100 times the fraction of the way from the worse goalpost to the better one, clipped to [0, 100].
    /// Goalposts that coincide (or are reversed) leave no scale, and every present value scores 50, the
    /// midpoint, as a column without spread does under the other methods.
    pub fn score(&self, v: f64) -> f64 {
        if v.is_nan() {
            return f64::NAN;
        }
        if self.upper.partial_cmp(&self.lower) != Some(std::cmp::Ordering::Greater) {
            return 50.0;
        }
        let fraction = if self.higher_is_better {
            fraction_of_range(v, self.lower, self.upper)
        } else {
            fraction_of_range(v, self.upper, self.lower)
        };
        100.0 * fraction.clamp(0.0, 1.0)
    }
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
    /// 1, or the factor the values were divided by before `mean` and `sd` were taken, when their
    /// squares or sums would overflow: the moments of the column are then `mean * moment_scale` and
    /// `sd * moment_scale` (which need not be representable).
    pub moment_scale: f64,
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
        let (mean, sd, moment_scale) = if with_moments {
            moments(column, count, min.abs().max(max.abs()))
        } else {
            (f64::NAN, 0.0, 1.0)
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
            moment_scale,
            sorted,
        }
    }

    /// True when the column has no spread, so every method returns its documented constant.
    pub fn is_constant(&self) -> bool {
        self.count == 0 || self.max - self.min <= f64::EPSILON * self.max.abs().max(1.0)
    }

    /// Normalises one raw (already treated) value; goalposts use only `posts`, not the column.
    pub fn score(&self, method: Normalisation, posts: Goalposts, v: f64) -> f64 {
        if method == Normalisation::Goalposts || v.is_nan() {
            return posts.score(v);
        }
        if self.is_constant() {
            return super::constant_column_score(method);
        }
        match method {
            Normalisation::MinMax => 100.0 * fraction_of_range(v, self.min, self.max),
            Normalisation::Efficacy => 60.0 + 40.0 * fraction_of_range(v, self.min, self.max),
            Normalisation::ZScore => 50.0 + 10.0 * (v / self.moment_scale - self.mean) / self.sd,
            Normalisation::Rank => {
                let less = self.sorted.partition_point(|&x| x < v);
                let not_greater = self.sorted.partition_point(|&x| x <= v);
                let equal = not_greater - less;
                // Mid-rank of the value among the present ones, scaled so the minimum is 0 and the maximum 100.
                let mid = less as f64 + (equal.max(1) - 1) as f64 / 2.0;
                100.0 * mid / (self.count - 1) as f64
            }
            Normalisation::Goalposts => unreachable!("scored above"),
        }
    }
}

/// Normalises a whole column (goalposts between `posts`); missing values stay NaN.
pub fn normalise_column(column: &[f64], method: Normalisation, posts: Goalposts, out: &mut [f64]) {
    out.copy_from_slice(column);
    normalise_in_place(out, method, posts);
}

/// Normalises a column in place, as `normalise_column` does; missing values stay NaN. Returns the number
/// of values present.
pub fn normalise_in_place(column: &mut [f64], method: Normalisation, posts: Goalposts) -> usize {
    let stats = ColumnStats::summarise(
        column,
        method == Normalisation::Rank,
        method == Normalisation::ZScore,
    );
    if stats.is_constant() || matches!(method, Normalisation::Rank | Normalisation::Goalposts) {
        for v in column.iter_mut() {
            *v = stats.score(method, posts, *v);
        }
        return stats.count;
    }
    // The linear methods as one multiply-add per value: v = offset + scale * v (NaN stays NaN).
    let (scale, offset) = match method {
        Normalisation::MinMax => range_map(stats.min, stats.max, 100.0),
        Normalisation::Efficacy => {
            let (k, shift) = range_map(stats.min, stats.max, 40.0);
            (k, 60.0 + shift)
        }
        Normalisation::ZScore => {
            let k = 10.0 / stats.sd;
            (k / stats.moment_scale, 50.0 - stats.mean * k)
        }
        Normalisation::Rank | Normalisation::Goalposts => unreachable!("handled above"),
    };
    for v in column.iter_mut() {
        *v = offset + scale * *v;
    }
    stats.count
}

/// Mean and sample standard deviation of the present values, and the factor they are expressed in:
/// 1 as long as the sums and squares stay finite, else the largest magnitude `peak`, by which every
/// value is divided first (the scaled values lie in [-1, 1], so nothing overflows).
fn moments(column: &[f64], count: usize, peak: f64) -> (f64, f64, f64) {
    let plain = moments_scaled(column, count, 1.0);
    if count == 0 || (plain.0.is_finite() && plain.1.is_finite()) {
        return (plain.0, plain.1, 1.0);
    }
    let scaled = moments_scaled(column, count, peak);
    (scaled.0, scaled.1, peak)
}

/// Mean and sample standard deviation of the present values divided by `scale`.
fn moments_scaled(column: &[f64], count: usize, scale: f64) -> (f64, f64) {
    if count == 0 {
        return (f64::NAN, 0.0);
    }
    let present = || column.iter().filter(|v| !v.is_nan()).map(|v| v / scale);
    let mean = present().sum::<f64>() / count as f64;
    let sd = if count > 1 {
        let ss: f64 = present().map(|v| (v - mean).powi(2)).sum();
        (ss / (count - 1) as f64).sqrt()
    } else {
        0.0
    };
    (mean, sd)
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
                fraction_of_range(v, stats.min, stats.max)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Finite doubles of every size, the largest ones often: both ends of the range, huge, tiny and plain.
    fn extreme() -> impl Strategy<Value = f64> {
        prop_oneof![
            Just(f64::MAX),
            Just(-f64::MAX),
            Just(0.0),
            prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
            -1e308..1e308f64,
            -1e3..1e3f64,
        ]
    }

    fn column() -> impl Strategy<Value = Vec<f64>> {
        prop::collection::vec(prop_oneof![9 => extreme(), 1 => Just(f64::NAN)], 2..40)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    proptest! {
        #![proptest_config(crate::proptest_config(256))]

        #[test]
        fn every_normalisation_stays_on_its_scale_for_extreme_values(column in column(), lower in extreme(), upper in extreme()) {
            let stats = ColumnStats::of(&column, true);
            let posts = Goalposts { lower, upper, higher_is_better: lower <= upper };
            for &method in <Normalisation as crate::model::Choice>::ALL {
                let mut whole = column.clone();
                normalise_in_place(&mut whole, method, posts);
                for (&v, &got) in column.iter().zip(&whole) {
                    prop_assert_eq!(v.is_nan(), got.is_nan(), "{:?} of {}", method, v);
                    if v.is_nan() {
                        continue;
                    }
                    prop_assert!(got.is_finite(), "{:?} of {} gave {}", method, v, got);
                    let one = stats.score(method, posts, v);
                    prop_assert!(close(got, one), "{:?} of {}: column {} value {}", method, v, got, one);
                    let (lo, hi) = match method {
                        Normalisation::Efficacy => (60.0, 100.0),
                        Normalisation::ZScore => (f64::NEG_INFINITY, f64::INFINITY),
                        _ => (0.0, 100.0),
                    };
                    prop_assert!(got >= lo - 1e-9 && got <= hi + 1e-9, "{:?} of {} gave {}", method, v, got);
                }
                // Min-max and efficacy put the extremes at the ends of the scale (ranks share ties).
                if !stats.is_constant() && matches!(method, Normalisation::MinMax | Normalisation::Efficacy) {
                    let top = column.iter().position(|&v| v == stats.max).unwrap();
                    let bottom = column.iter().position(|&v| v == stats.min).unwrap();
                    prop_assert!(close(whole[top], 100.0), "{:?}: the maximum scores {}", method, whole[top]);
                    let floor = if method == Normalisation::Efficacy { 60.0 } else { 0.0 };
                    prop_assert!(close(whole[bottom], floor), "{:?}: the minimum scores {}", method, whole[bottom]);
                }
            }
        }

        #[test]
        fn unit_min_max_and_quantiles_stay_finite_for_extreme_values(column in column(), p in 0.0..=1.0f64) {
            for v in unit_min_max(&column).into_iter().filter(|v| !v.is_nan()) {
                prop_assert!((-1e-12..=1.0 + 1e-12).contains(&v), "{}", v);
            }
            let mut present: Vec<f64> = column.iter().copied().filter(|v| !v.is_nan()).collect();
            if !present.is_empty() {
                crate::sorting::sort_f64(&mut present);
                let q = quantile_sorted(&present, p);
                prop_assert!(q >= present[0] && q <= present[present.len() - 1], "{} outside the data", q);
            }
        }
    }

    /// Goalposts around the whole range of doubles.
    const WIDE: Goalposts = Goalposts {
        lower: -f64::MAX,
        upper: f64::MAX,
        higher_is_better: true,
    };

    #[test]
    fn a_column_spanning_the_whole_double_range_scores_its_top_unit_100() {
        let column = [-1.7e308, 0.0, 1.7e308];
        let mut scores = column;
        normalise_in_place(&mut scores, Normalisation::MinMax, WIDE);
        for (got, want) in scores.iter().zip([0.0, 50.0, 100.0]) {
            assert!(close(*got, want), "{scores:?}");
        }
        let mut z = column;
        normalise_in_place(&mut z, Normalisation::ZScore, WIDE);
        assert!(z[0] < 50.0 && close(z[1], 50.0) && z[2] > 50.0, "{z:?}");
    }
}
