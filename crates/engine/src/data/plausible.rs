//! Values outside an indicator's plausible range (`seeds/indicators.json`): a warning, never a refusal,
//! since a national file legitimately exceeds Fujian's ranges. The page's import and the command
//! line's `--data` both take their warnings from here.

use super::import_messages::{Warning, WarningKind};
use crate::model::{Dataset, Indicator, IndicatorSystem};

/// How many of `values` lie outside the indicator's plausible range, and the one farthest outside;
/// `None` when every value is inside. Missing values (NaN) are skipped.
pub fn out_of_range(ind: &Indicator, values: impl IntoIterator<Item = f64>) -> Option<WarningKind> {
    let (lo, hi) = (ind.plausible_min, ind.plausible_max);
    let mut count = 0;
    let mut farthest = f64::NAN;
    let mut distance = 0.0f64;
    for v in values.into_iter().filter(|v| !v.is_nan()) {
        if (lo..=hi).contains(&v) {
            continue;
        }
        count += 1;
        // Halved, so the distance of a value near -1.7e308 from a positive bound cannot overflow.
        let d = if v < lo {
            lo / 2.0 - v / 2.0
        } else {
            v / 2.0 - hi / 2.0
        };
        if d >= distance {
            distance = d;
            farthest = v;
        }
    }
    (count > 0).then_some(WarningKind::OutOfRange {
        count,
        min: lo,
        max: hi,
        farthest,
    })
}

/// One warning per indicator of the data set with values outside its plausible range, located by
/// `column(i)` (the file's header in the page, the indicator id on the command line).
pub fn range_warnings(
    system: &IndicatorSystem,
    data: &Dataset,
    column: impl Fn(usize) -> String,
) -> Vec<Warning> {
    system
        .indicators
        .iter()
        .enumerate()
        .filter_map(|(i, ind)| {
            let kind = out_of_range(ind, data.column(i).iter().copied())?;
            Some(Warning::new(None, Some(&column(i)), kind))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::seeds;

    #[test]
    fn values_outside_the_range_are_counted_with_the_farthest() {
        let system = seeds::indicator_system();
        let revenue = &system.indicators[0];
        let inside = revenue.plausible_min;
        let got = out_of_range(
            revenue,
            [inside, f64::NAN, 1.7e308, -1.0, revenue.plausible_max],
        );
        assert_eq!(
            got,
            Some(WarningKind::OutOfRange {
                count: 2,
                min: revenue.plausible_min,
                max: revenue.plausible_max,
                farthest: 1.7e308,
            })
        );
        assert_eq!(out_of_range(revenue, [inside, f64::NAN]), None);
    }
}
