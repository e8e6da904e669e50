//! The JRC outlier rule and treatment: sample skewness and excess kurtosis with scipy's bias
//! corrections, and the count-winsorise-then-log treatment of a column that trips the rule.

/// A column is treated when the absolute skewness exceeds this...
pub const SKEW_LIMIT: f64 = 2.0;
/// ...and the excess kurtosis exceeds this.
pub const KURTOSIS_LIMIT: f64 = 3.5;
/// The most values (distinct extremes) the treatment replaces before it falls back to the log.
pub const MAX_REPLACED: usize = 5;

/// The mean and the biased central moments m2, m3, m4 of the present (non-NaN) values, with their count.
fn central_moments(column: &[f64]) -> (usize, f64, f64, f64, f64) {
    let present = || column.iter().copied().filter(|v| !v.is_nan());
    let n = present().count();
    if n == 0 {
        return (0, f64::NAN, f64::NAN, f64::NAN, f64::NAN);
    }
    let mean = present().sum::<f64>() / n as f64;
    let (mut m2, mut m3, mut m4) = (0.0, 0.0, 0.0);
    for v in present() {
        let d = v - mean;
        let d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
    }
    let k = n as f64;
    (n, mean, m2 / k, m3 / k, m4 / k)
}

/// Whether the variance is zero up to rounding, by scipy's test `m2 <= (eps * mean)²`.
fn no_spread(m2: f64, mean: f64) -> bool {
    m2 <= (f64::EPSILON * mean).powi(2)
}

/// The skewness G1 and excess kurtosis G2 of a column's present values, from one pass over it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape {
    /// The bias-corrected sample skewness G1 = √(n(n−1)) / (n−2) · m3 / m2^{3/2}, as scipy's
    /// `skew(bias=False)`; NaN for fewer than three values or no spread.
    pub skewness: f64,
    /// The bias-corrected sample excess kurtosis G2 = ((n+1) · g2 + 6) · (n−1) / ((n−2)(n−3)) with
    /// g2 = m4 / m2² − 3, as scipy's `kurtosis(bias=False)`; NaN for fewer than four values or no spread.
    pub kurtosis: f64,
}

impl Shape {
    /// The shape of the present values of `column`.
    pub fn of(column: &[f64]) -> Shape {
        let (n, mean, m2, m3, m4) = central_moments(column);
        let k = n as f64;
        let spread = !no_spread(m2, mean);
        let skewness = if n >= 3 && spread {
            (k * (k - 1.0)).sqrt() / (k - 2.0) * m3 / m2.powf(1.5)
        } else {
            f64::NAN
        };
        let kurtosis = if n >= 4 && spread {
            let g2 = m4 / (m2 * m2) - 3.0;
            ((k + 1.0) * g2 + 6.0) * (k - 1.0) / ((k - 2.0) * (k - 3.0))
        } else {
            f64::NAN
        };
        Shape { skewness, kurtosis }
    }

    /// The outlier rule: |G1| > 2 and G2 > 3.5 (an undefined moment does not trip it).
    pub fn trips_outlier_rule(self) -> bool {
        self.skewness.abs() > SKEW_LIMIT && self.kurtosis > KURTOSIS_LIMIT
    }
}

/// The bias-corrected sample skewness G1 of the present values ([`Shape::skewness`]).
pub fn skewness(column: &[f64]) -> f64 {
    Shape::of(column).skewness
}

/// The bias-corrected sample excess kurtosis G2 of the present values ([`Shape::kurtosis`]).
pub fn kurtosis(column: &[f64]) -> f64 {
    Shape::of(column).kurtosis
}

/// The outlier rule on a column ([`Shape::trips_outlier_rule`]).
pub fn trips_outlier_rule(column: &[f64]) -> bool {
    Shape::of(column).trips_outlier_rule()
}

/// One value the treatment replaced: the unit's place in the column, its value before and after.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Replacement {
    pub unit: usize,
    pub from: f64,
    pub to: f64,
}

/// What the JRC treatment did to a column.
#[derive(Clone, Debug, PartialEq)]
pub enum JrcOutcome {
    /// The column does not trip the outlier rule and is left as it is.
    Clean,
    /// The rule stopped holding after `steps` replacements of the extreme value (every unit holding it
    /// at once, so a unit replaced before moves again with the next one); `values` are the units whose
    /// value changed, in column order, from the original value to the final one.
    Replaced {
        steps: usize,
        values: Vec<Replacement>,
    },
    /// The rule still held after [`MAX_REPLACED`] replacements: the column is the signed log of the
    /// original values instead.
    Logged,
}

/// Applies the JRC treatment in place: while the column trips the outlier rule, the most extreme value
/// on the side of the skew (every unit holding it) is replaced by the next value on that side, at most
/// [`MAX_REPLACED`] times; if the rule still holds, the original column is restored and the signed log
/// sign(x) · ln(1 + |x|) taken instead. NaN (missing) stays NaN.
pub fn treat(column: &mut [f64]) -> JrcOutcome {
    let mut shape = Shape::of(column);
    if !shape.trips_outlier_rule() {
        return JrcOutcome::Clean;
    }
    let original = column.to_vec();
    for step in 1..=MAX_REPLACED {
        let high = shape.skewness > 0.0;
        let present = || column.iter().copied().filter(|v| !v.is_nan());
        let extreme = if high {
            present().fold(f64::NEG_INFINITY, f64::max)
        } else {
            present().fold(f64::INFINITY, f64::min)
        };
        let next = if high {
            present()
                .filter(|&v| v < extreme)
                .fold(f64::NEG_INFINITY, f64::max)
        } else {
            present()
                .filter(|&v| v > extreme)
                .fold(f64::INFINITY, f64::min)
        };
        for v in column.iter_mut().filter(|v| **v == extreme) {
            *v = next;
        }
        shape = Shape::of(column);
        if !shape.trips_outlier_rule() {
            let values = original
                .iter()
                .zip(column.iter())
                .enumerate()
                .filter(|(_, (from, to))| !from.is_nan() && from != to)
                .map(|(unit, (&from, &to))| Replacement { unit, from, to })
                .collect();
            return JrcOutcome::Replaced {
                steps: step,
                values,
            };
        }
    }
    for (v, &o) in column.iter_mut().zip(&original) {
        *v = if o.is_nan() {
            o
        } else {
            o.signum() * o.abs().ln_1p()
        };
    }
    JrcOutcome::Logged
}
