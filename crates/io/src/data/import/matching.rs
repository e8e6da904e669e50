//! Matching column headers to indicators and identity columns, after folding away width, spaces and units.

use crate::model::{IndicatorSystem, ValueKind};
use std::collections::HashMap;

/// Folds full-width ASCII (U+FF01-U+FF5E) and the ideographic space to their half-width forms, the way
/// NFKC does for these characters, and lower-cases ASCII letters.
pub fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' | '\u{00a0}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The comparison key of a header: width-folded, lower-case, without whitespace, underscores or hyphens.
pub fn key(text: &str) -> String {
    fold_width(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '\u{feff}'))
        .collect()
}

/// Splits a header into its name and the unit written in a trailing bracket, if any:
/// "规上工业营业收入（亿元）" gives ("规上工业营业收入", Some("亿元")).
pub fn split_unit(header: &str) -> (String, Option<String>) {
    let folded = fold_width(header);
    let trimmed = folded.trim();
    for (open, close) in [('(', ')'), ('[', ']'), ('【', '】'), ('〔', '〕')] {
        if let Some(body) = trimmed.strip_suffix(close) {
            if let Some(pos) = body.rfind(open) {
                let name = body[..pos].trim();
                let unit = body[pos + open.len_utf8()..].trim();
                if !name.is_empty() {
                    return (name.to_string(), Some(unit.to_string()));
                }
            }
        }
    }
    (trimmed.to_string(), None)
}

/// What a column of the file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Adcode,
    Name,
    Prefecture,
    /// The edition's year, in a file that holds several editions.
    Year,
    /// The index of an indicator in the indicator system.
    Indicator(usize),
}

const ADCODE: &[&str] = &[
    "adcode",
    "行政区划代码",
    "区划代码",
    "代码",
    "code",
    "行政代码",
    "县域代码",
];
const NAME: &[&str] = &[
    "name",
    "name_zh",
    "县(市、区)",
    "县(市,区)",
    "县市区",
    "县(市区)",
    "县",
    "县域",
    "名称",
    "县域名称",
    "地区",
    "区县",
    "county",
];
const YEAR: &[&str] = &["year", "年份", "年度", "统计年度"];
const PREFECTURE: &[&str] = &[
    "prefecture",
    "prefecture_zh",
    "设区市",
    "所属设区市",
    "地市",
    "所属地市",
    "city",
];

/// Looks up header keys; built once per import from the indicator system.
pub struct HeaderMatcher {
    keys: HashMap<String, Role>,
}

impl HeaderMatcher {
    pub fn new(system: &IndicatorSystem) -> Self {
        let mut keys = HashMap::new();
        let mut clashes = Vec::new();
        for (i, ind) in system.indicators.iter().enumerate() {
            for name in [
                &ind.id,
                &ind.name_zh,
                &ind.name_en,
                &ind.short_zh,
                &ind.short_en,
            ] {
                let k = key(name);
                match keys.insert(k.clone(), Role::Indicator(i)) {
                    Some(Role::Indicator(j)) if j != i => clashes.push(k),
                    _ => {}
                }
            }
        }
        // A short name shared by two indicators identifies neither.
        for k in clashes {
            keys.remove(&k);
        }
        for (list, role) in [
            (ADCODE, Role::Adcode),
            (NAME, Role::Name),
            (PREFECTURE, Role::Prefecture),
            (YEAR, Role::Year),
        ] {
            for name in list {
                keys.insert(key(name), role);
            }
        }
        Self { keys }
    }

    /// The role of a header and the unit in its brackets; identity headers are tried whole first, since
    /// "县（市、区）" is a name, not "县" with a unit.
    pub fn classify(&self, header: &str) -> Option<(Role, Option<String>)> {
        if let Some(&role) = self.keys.get(&key(header)) {
            return Some((role, None));
        }
        let (name, unit) = split_unit(header);
        self.keys.get(&key(&name)).map(|&role| (role, unit))
    }
}

/// The factor that turns a value in `unit` into the indicator's unit, if the unit is one we know.
/// Returns `Some(1.0)` for the same unit and `None` for a unit we cannot relate.
pub fn unit_factor(unit: &str, expected: &str, kind: ValueKind) -> Option<f64> {
    let (unit, expected) = (key(unit), key(expected));
    if unit.is_empty() || unit == expected {
        return Some(1.0);
    }
    match kind {
        ValueKind::Amount => {
            let yuan = |u: &str| match u {
                "元" => Some(1.0),
                "千元" => Some(1e3),
                "万元" => Some(1e4),
                "十万元" => Some(1e5),
                "百万元" => Some(1e6),
                "千万元" => Some(1e7),
                "亿元" => Some(1e8),
                _ => None,
            };
            Some(yuan(&unit)? / yuan(&expected)?)
        }
        ValueKind::Rate => match unit.as_str() {
            "%" | "百分比" | "百分点" => Some(1.0),
            "‰" => Some(0.1),
            _ => None,
        },
        // Counts of firms, patents or factories are written with any of these measure words.
        ValueKind::Count => [
            "家",
            "个",
            "件",
            "项",
            "户",
            "座",
            "所",
            "firms",
            "patents",
            "platforms",
            "factories",
        ]
        .contains(&unit.as_str())
        .then_some(1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::seeds::indicator_system;

    fn role(header: &str) -> Option<Role> {
        HeaderMatcher::new(&indicator_system())
            .classify(header)
            .map(|r| r.0)
    }

    #[test]
    fn headers_match_by_id_name_and_folded_forms() {
        let sys = indicator_system();
        let rev = Role::Indicator(sys.indicator_index("revenue").unwrap());
        assert_eq!(role("revenue"), Some(rev));
        assert_eq!(role("规上工业营业收入（亿元）"), Some(rev));
        assert_eq!(role(" 规上工业 营业收入 (亿元)"), Some(rev));
        assert_eq!(role("ＲＥＶＥＮＵＥ"), Some(rev));
        assert_eq!(role("县（市、区）"), Some(Role::Name));
        assert_eq!(role("行政区划代码"), Some(Role::Adcode));
        assert_eq!(role("设区市"), Some(Role::Prefecture));
        assert_eq!(role("备注"), None);
    }

    #[test]
    fn units_split_and_convert() {
        assert_eq!(
            split_unit("规上工业营业收入【万元】"),
            ("规上工业营业收入".into(), Some("万元".into()))
        );
        assert_eq!(split_unit("(亿元)"), ("(亿元)".into(), None));
        assert_eq!(unit_factor("万元", "亿元", ValueKind::Amount), Some(1e-4));
        assert_eq!(unit_factor("％", "%", ValueKind::Rate), Some(1.0));
        assert_eq!(unit_factor("个", "家", ValueKind::Count), Some(1.0));
        assert_eq!(unit_factor("吨", "亿元", ValueKind::Amount), None);
    }
}
