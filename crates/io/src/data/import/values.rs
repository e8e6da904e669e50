//! Reading one cell as a number (thousands separators, full-width digits, % signs, dashes for missing),
//! and the check for a percentage column stored as fractions.

use super::matching::fold_width;
use super::Cell;
use crate::model::Indicator;

/// What a cell holds once read as an indicator value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Missing,
    /// A number; `percent` is true when it was written with a % sign.
    Number {
        value: f64,
        percent: bool,
    },
    /// Text that is not a number, kept as written for the error message.
    Invalid(String),
}

/// Marks that mean "no value" in statistical tables.
const MISSING: &[&str] = &[
    "-", "--", "—", "——", "–", "/", "\\", "…", "...", "..", "n/a", "na", "#n/a", "null", "none",
];

/// Reads a cell as a value.
pub fn read(cell: &Cell) -> Value {
    match cell {
        Cell::Empty => Value::Missing,
        Cell::Number(v) if v.is_finite() => Value::Number {
            value: *v,
            percent: false,
        },
        Cell::Number(v) => Value::Invalid(v.to_string()),
        Cell::Error(e) => Value::Invalid(e.clone()),
        Cell::Text(t) => parse(t),
    }
}

/// Parses number text such as "1,234.5", "１２３４．５", "52.2%" or "-"; see [`Value`].
pub fn parse(text: &str) -> Value {
    let folded = fold_width(text);
    let t = folded.trim();
    if t.is_empty() || MISSING.contains(&t) {
        return Value::Missing;
    }
    let (body, percent) = match t.strip_suffix('%') {
        Some(b) => (b.trim_end(), true),
        None => (t, false),
    };
    let cleaned: String = body
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\''))
        .collect();
    // f64's parser also takes "inf" and "NaN"; a value must be written with digits.
    let digits_only = cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    match cleaned.parse::<f64>() {
        Ok(value) if digits_only && value.is_finite() && has_sane_separators(body) => {
            Value::Number { value, percent }
        }
        _ => Value::Invalid(text.trim().to_string()),
    }
}

/// Thousands separators must stand between groups of three digits ("1,234"), so that a decimal comma
/// ("1,5") or a list ("1,2,3") is not silently read as a different number.
fn has_sane_separators(body: &str) -> bool {
    if !body.contains(',') {
        return true;
    }
    let int_part = body.split(['.', 'e', 'E']).next().unwrap_or("");
    let int_part = int_part.trim_start_matches(['-', '+']);
    let mut groups = int_part.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

/// The median of absolute values, for comparing a column's magnitude with the plausible one.
fn median_abs(values: &[f64]) -> f64 {
    let mut v: Vec<f64> = values
        .iter()
        .map(|x| x.abs())
        .filter(|x| *x > 0.0)
        .collect();
    if v.is_empty() {
        return 0.0;
    }
    crate::sorting::sort_f64(&mut v);
    v[v.len() / 2]
}

/// True when a percentage column looks like it holds fractions (0.522 for 52.2 %), as a cell formatted
/// as a percentage in Excel is read: every value is within ±1.5, and multiplied by 100 the values fit
/// the indicator's plausible range better, or equally well but with a magnitude closer to a typical one.
pub fn looks_like_fractions(indicator: &Indicator, values: &[f64]) -> bool {
    if indicator.unit_zh.trim() != "%" || values.len() < 3 || values.iter().any(|v| v.abs() > 1.5) {
        return false;
    }
    let inside = |scale: f64| {
        values
            .iter()
            .filter(|v| (indicator.plausible_min..=indicator.plausible_max).contains(&(*v * scale)))
            .count()
    };
    let (as_is, scaled) = (inside(1.0), inside(100.0));
    if scaled != as_is {
        return scaled > as_is;
    }
    let typical = indicator
        .plausible_min
        .abs()
        .max(indicator.plausible_max.abs())
        / 4.0;
    let m = median_abs(values);
    if m == 0.0 || typical == 0.0 {
        return false;
    }
    (m * 100.0 / typical).ln().abs() < (m / typical).ln().abs()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::seeds::indicator_system;

    fn num(v: f64) -> Value {
        Value::Number {
            value: v,
            percent: false,
        }
    }

    #[test]
    fn number_text_forms() {
        assert_eq!(parse("1,234.5"), num(1234.5));
        assert_eq!(parse("１２３４．５"), num(1234.5));
        assert_eq!(parse("１，２３４"), num(1234.0));
        assert_eq!(parse(" -3.2 "), num(-3.2));
        assert_eq!(
            parse("52.2%"),
            Value::Number {
                value: 52.2,
                percent: true
            }
        );
        assert_eq!(
            parse("５２．２％"),
            Value::Number {
                value: 52.2,
                percent: true
            }
        );
        assert_eq!(parse("1e3"), num(1000.0));
        for missing in ["", " ", "-", "—", "——", "/", "N/A", "－"] {
            assert_eq!(parse(missing), Value::Missing, "{missing:?}");
        }
        for bad in ["abc", "inf", "NaN", "1,5", "1,2,3", "12a", "--5", "%"] {
            assert_eq!(parse(bad), Value::Invalid(bad.to_string()), "{bad:?}");
        }
    }

    #[test]
    fn fraction_detection_uses_the_plausible_range() {
        let sys = indicator_system();
        let ind = |id: &str| &sys.indicators[sys.indicator_index(id).unwrap()];
        // Chain output share (5-100 %) stored as fractions.
        assert!(looks_like_fractions(
            ind("chain_output_share"),
            &[0.522, 0.61, 0.33, 0.8]
        ));
        assert!(!looks_like_fractions(
            ind("chain_output_share"),
            &[52.2, 61.0, 33.0]
        ));
        // R&D intensity (0-5 %) is genuinely small: 0.6-1.4 % stays, 0.006-0.03 is scaled.
        assert!(!looks_like_fractions(
            ind("rd_intensity"),
            &[0.6, 1.1, 1.4, 0.9]
        ));
        assert!(looks_like_fractions(
            ind("rd_intensity"),
            &[0.006, 0.011, 0.03, 0.02]
        ));
        // Growth of value added (-20..30 %) as fractions.
        assert!(looks_like_fractions(
            ind("value_added_growth"),
            &[0.08, -0.02, 0.12, 0.05]
        ));
        assert!(!looks_like_fractions(
            ind("value_added_growth"),
            &[0.8, -1.2, 1.0, 0.5]
        ));
        // Counts are never percentages.
        assert!(!looks_like_fractions(
            ind("hightech_firms"),
            &[0.5, 0.2, 0.1]
        ));
    }
}
