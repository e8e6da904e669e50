//! Recognising counties by adcode or name, with or without the 市/县/区 suffix, under old names and codes.

use super::matching::key;
use crate::model::Unit;
use std::collections::HashMap;

pub const ALIASES_CSV: &str = include_str!("../../../../../seeds/aliases.csv");

/// A former name and code of a county that has since been renamed or merged.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct Alias {
    pub alias_zh: String,
    pub alias_adcode: String,
    /// The current adcode.
    pub adcode: String,
    pub note: String,
}

/// The bundled alias table, `seeds/aliases.csv`.
pub fn aliases() -> Vec<Alias> {
    let mut reader = csv::Reader::from_reader(ALIASES_CSV.as_bytes());
    reader
        .deserialize()
        .map(|r| r.expect("seeds/aliases.csv is valid"))
        .collect()
}

/// How a row's county was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// Index into the county list.
    pub county: usize,
    /// True when it was recognised by a former name or code.
    pub former: bool,
}

/// The result of looking a name up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameMatch {
    One(Found),
    Several(Vec<usize>),
    None,
}

/// Indexes of the known counties by code, by exact name and by name without suffix.
pub struct CountyMatcher<'a> {
    pub counties: &'a [Unit],
    by_code: HashMap<String, Found>,
    exact: HashMap<String, Vec<Found>>,
    stems: HashMap<String, Vec<Found>>,
}

/// The name without a trailing 市, 县 or 区, kept whole when that would leave a single character.
fn stem(name: &str) -> &str {
    match name.strip_suffix(['市', '县', '区']) {
        Some(s) if s.chars().count() >= 2 => s,
        _ => name,
    }
}

fn push(map: &mut HashMap<String, Vec<Found>>, k: &str, found: Found) {
    let list = map.entry(k.to_string()).or_default();
    if !list.iter().any(|f| f.county == found.county) {
        list.push(found);
    }
}

impl<'a> CountyMatcher<'a> {
    pub fn new(counties: &'a [Unit], aliases: &[Alias]) -> Self {
        let mut m = Self {
            counties,
            by_code: HashMap::new(),
            exact: HashMap::new(),
            stems: HashMap::new(),
        };
        let current = counties
            .iter()
            .enumerate()
            .map(|(c, u)| (u.name_zh.as_str(), u.adcode.as_str(), c, false));
        let former = aliases.iter().filter_map(|a| {
            let c = counties.iter().position(|u| u.adcode == a.adcode)?;
            Some((a.alias_zh.as_str(), a.alias_adcode.as_str(), c, true))
        });
        for (name, code, county, is_former) in current.chain(former).collect::<Vec<_>>() {
            let found = Found {
                county,
                former: is_former,
            };
            m.by_code.entry(code.to_string()).or_insert(found);
            let k = key(name);
            push(&mut m.exact, &k, found);
            push(&mut m.stems, stem(&k), found);
        }
        m
    }

    pub fn by_code(&self, adcode: &str) -> Option<Found> {
        self.by_code.get(adcode).copied()
    }

    /// Looks a name up: an exact current or former name first, then the name without its suffix.
    pub fn by_name(&self, name: &str) -> NameMatch {
        let k = key(name);
        let hits = self
            .exact
            .get(&k)
            .or_else(|| self.stems.get(stem(&k)))
            .or_else(|| self.stems.get(&k));
        match hits.map(Vec::as_slice) {
            Some([one]) => NameMatch::One(*one),
            Some(many) if !many.is_empty() => {
                NameMatch::Several(many.iter().map(|f| f.county).collect())
            }
            _ => NameMatch::None,
        }
    }

    /// True when `name` is a current or former name of county `c`, with or without suffix.
    pub fn name_fits(&self, name: &str, c: usize) -> bool {
        let k = key(name);
        let has = |map: &HashMap<String, Vec<Found>>, k: &str| {
            map.get(k).is_some_and(|l| l.iter().any(|f| f.county == c))
        };
        has(&self.exact, &k) || has(&self.stems, stem(&k)) || has(&self.stems, &k)
    }
}

/// Turns an adcode as typed or read from a sheet into six digits: "350582", "350582.0" or the
/// 12-digit statistical code "350582000000" all give "350582". `None` if it is not a code.
pub fn normalise_adcode(raw: &str) -> Option<String> {
    let folded = super::matching::fold_width(raw);
    let t = folded.trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match t.len() {
        6 => Some(t.to_string()),
        9 | 12 if t[6..].bytes().all(|b| b == b'0') => Some(t[..6].to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::seeds::counties;

    fn code_of(m: &CountyMatcher, name: &str) -> Option<(String, bool)> {
        match m.by_name(name) {
            NameMatch::One(f) => Some((m.counties[f.county].adcode.clone(), f.former)),
            _ => None,
        }
    }

    #[test]
    fn names_with_and_without_suffix_and_former_names() {
        let cs = counties();
        let al = aliases();
        let m = CountyMatcher::new(&cs, &al);
        assert_eq!(code_of(&m, "晋江市"), Some(("350582".into(), false)));
        assert_eq!(code_of(&m, "晋江"), Some(("350582".into(), false)));
        assert_eq!(code_of(&m, "武夷山"), Some(("350782".into(), false)));
        assert_eq!(code_of(&m, "沙县"), Some(("350405".into(), true)));
        assert_eq!(code_of(&m, "沙县区"), Some(("350405".into(), false)));
        assert_eq!(code_of(&m, "龙海市"), Some(("350604".into(), true)));
        assert_eq!(code_of(&m, "长泰县"), Some(("350605".into(), true)));
        assert_eq!(code_of(&m, "长乐市"), Some(("350112".into(), true)));
        assert_eq!(code_of(&m, "梅列区"), Some(("350404".into(), true)));
        assert_eq!(code_of(&m, "三元区"), Some(("350404".into(), false)));
        assert_eq!(code_of(&m, "长安区"), None);
        assert_eq!(
            m.by_code("350427")
                .map(|f| m.counties[f.county].name_zh.clone()),
            Some("沙县区".into())
        );
        assert_eq!(m.by_code("350402").map(|f| f.former), Some(true));
        assert!(m.name_fits("龙海", m.by_code("350681").unwrap().county));
        assert!(!m.name_fits("台江区", m.by_code("350102").unwrap().county));
    }

    #[test]
    fn adcodes_are_normalised() {
        assert_eq!(normalise_adcode(" 350582 "), Some("350582".into()));
        assert_eq!(normalise_adcode("350582.0"), Some("350582".into()));
        assert_eq!(normalise_adcode("３５０５８２"), Some("350582".into()));
        assert_eq!(normalise_adcode("350582000000"), Some("350582".into()));
        assert_eq!(normalise_adcode("350582001000"), None);
        assert_eq!(normalise_adcode("35058"), None);
        assert_eq!(normalise_adcode("晋江"), None);
    }
}
