//! The check an indicator system passes before it is used, from a file, a workbook's sheet or the
//! page's editor: ids unique and safe in a link, 2 to 10 dimensions, every plausible range a range. The
//! structure (each indicator in a known dimension, dimensions in order, none empty) is checked when the
//! system is built (`IndicatorSystem::new`).

use crate::echo::clip;
use crate::i18n::{tf, Key};
use crate::model::{IndicatorSystem, Lang};

/// The fewest and the most dimensions a system may have.
pub const DIMENSIONS: std::ops::RangeInclusive<usize> = 2..=10;
/// The longest id.
const MAX_ID_LEN: usize = 40;

/// Why an indicator system is refused.
#[derive(Clone, Debug, PartialEq)]
pub enum SystemProblem {
    /// An id used twice (dimensions and indicators share one namespace in links).
    DuplicateId(String),
    /// An id with characters a share link cannot carry as they are, empty, or too long.
    IdCharacters(String),
    DimensionCount(usize),
    /// An indicator whose plausible minimum is not below its maximum.
    Range {
        indicator: String,
    },
}

impl SystemProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SystemProblem::DuplicateId(id) => tf(lang, Key::SystemDuplicateId, &[&clip(id)]),
            SystemProblem::IdCharacters(id) => tf(
                lang,
                Key::SystemIdCharacters,
                &[&clip(id), &MAX_ID_LEN.to_string()],
            ),
            SystemProblem::DimensionCount(n) => tf(
                lang,
                Key::SystemDimensionCount,
                &[
                    &n.to_string(),
                    &DIMENSIONS.start().to_string(),
                    &DIMENSIONS.end().to_string(),
                ],
            ),
            SystemProblem::Range { indicator } => tf(lang, Key::SystemRange, &[&clip(indicator)]),
        }
    }
}

/// Lower-case letters, digits, `_` and `-`, starting with a letter: what a link's `w=` and `tr=` carry
/// unescaped and what the CSV headers and the XLSX template use.
fn id_is_safe(id: &str) -> bool {
    id.len() <= MAX_ID_LEN
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Every problem of a system, in the order of the file; empty when it may be used.
pub fn check_system(system: &IndicatorSystem) -> Vec<SystemProblem> {
    let mut problems = Vec::new();
    if !DIMENSIONS.contains(&system.n_dimensions()) {
        problems.push(SystemProblem::DimensionCount(system.n_dimensions()));
    }
    let ids = system
        .dimensions
        .iter()
        .map(|d| &d.id)
        .chain(system.indicators.iter().map(|i| &i.id));
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        if !id_is_safe(id) {
            problems.push(SystemProblem::IdCharacters(id.clone()));
        } else if !seen.insert(id.as_str()) {
            problems.push(SystemProblem::DuplicateId(id.clone()));
        }
    }
    for ind in &system.indicators {
        let ordered = ind.plausible_min.partial_cmp(&ind.plausible_max);
        if ordered != Some(std::cmp::Ordering::Less) {
            problems.push(SystemProblem::Range {
                indicator: ind.id.clone(),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::seeds;

    #[test]
    fn the_white_papers_system_passes_and_each_fault_is_named() {
        let system = seeds::indicator_system();
        assert_eq!(check_system(&system), []);
        let mut bad = system.clone();
        bad.indicators[1].id = bad.indicators[0].id.clone();
        bad.indicators[2].id = "R&D".into();
        bad.indicators[3].plausible_max = bad.indicators[3].plausible_min;
        assert_eq!(
            check_system(&bad),
            [
                SystemProblem::DuplicateId("revenue".into()),
                SystemProblem::IdCharacters("R&D".into()),
                SystemProblem::Range {
                    indicator: "rd_intensity".into()
                },
            ]
        );
        let message = check_system(&bad)[1].message(Lang::Zh);
        assert!(message.contains("R&D"), "{message}");
    }
}
