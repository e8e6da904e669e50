//! The one check every scenario passes before it is used, whichever way it arrives: the weight boxes,
//! a share link, the embed API or the command line. Dimension and indicator weights are numbers from 0
//! to 100; a subnormal weight (below about 2.2e-308, which no box can show and whose shares are not
//! exact) counts as 0; the weights a scenario uses may not all be zero at either level. A scenario that
//! fails is refused whole, with a message in the user's language.

use crate::echo::clip;
use crate::i18n::{t, tf, Key};
use crate::model::{IndicatorSystem, Lang, Scenario, Weighting};

/// The largest weight anywhere: the top of the page's sliders and number boxes.
pub const MAX_WEIGHT: f64 = 100.0;

/// The two levels of weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Dimension,
    Indicator,
}

/// Why a single weight is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeightProblem {
    /// NaN or infinite.
    NotFinite,
    Negative,
    AboveMax,
}

/// Why a scenario is refused.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioError {
    /// A weight of the given level and index is not a number from 0 to 100.
    Weight {
        level: Level,
        index: usize,
        value: f64,
        problem: WeightProblem,
    },
    /// The scenario holds the wrong number of weights or treatments.
    Count {
        what: &'static str,
        expected: usize,
        got: usize,
    },
    /// Every weight the scenario uses is zero: of the dimensions (`None`) or of one dimension's indicators.
    AllZero { dimension: Option<usize> },
}

/// Checks one weight: its value to use (a subnormal or negative zero becomes 0), or why it is refused.
pub fn check_weight(value: f64) -> Result<f64, WeightProblem> {
    if !value.is_finite() {
        Err(WeightProblem::NotFinite)
    } else if value < 0.0 {
        Err(WeightProblem::Negative)
    } else if value > MAX_WEIGHT {
        Err(WeightProblem::AboveMax)
    } else if value == 0.0 || value.is_subnormal() {
        Ok(0.0)
    } else {
        Ok(value)
    }
}

/// Checks one level's weights, returning them as they are to be used.
pub fn check_weights(
    values: &[f64],
    level: Level,
    expected: usize,
) -> Result<Vec<f64>, ScenarioError> {
    if values.len() != expected {
        return Err(ScenarioError::Count {
            what: match level {
                Level::Dimension => "dimension weights",
                Level::Indicator => "indicator weights",
            },
            expected,
            got: values.len(),
        });
    }
    values
        .iter()
        .enumerate()
        .map(|(index, &value)| {
            check_weight(value).map_err(|problem| ScenarioError::Weight {
                level,
                index,
                value,
                problem,
            })
        })
        .collect()
}

/// Checks that the dimension weights are not all zero.
pub fn check_dimensions_used(dimension_weights: &[f64]) -> Result<(), ScenarioError> {
    if dimension_weights.iter().all(|&w| w == 0.0) {
        Err(ScenarioError::AllZero { dimension: None })
    } else {
        Ok(())
    }
}

/// Checks that no dimension has all its indicator weights zero.
pub fn check_indicators_used(
    system: &IndicatorSystem,
    indicator_weights: &[f64],
) -> Result<(), ScenarioError> {
    match (0..system.n_dimensions()).find(|&d| {
        system
            .indicators_of(d)
            .all(|i| indicator_weights.get(i).is_none_or(|&w| w == 0.0))
    }) {
        Some(d) => Err(ScenarioError::AllZero { dimension: Some(d) }),
        None => Ok(()),
    }
}

/// Checks a whole scenario. Returns it as it is to be used (subnormal weights set to 0), or the first
/// reason it is refused. All-zero weights are refused only where the weighting uses them: both levels
/// for manual weights, the indicator level for AHP.
pub fn check_scenario(
    system: &IndicatorSystem,
    scenario: &Scenario,
) -> Result<Scenario, ScenarioError> {
    let mut s = scenario.clone();
    s.dimension_weights = check_weights(
        &s.dimension_weights,
        Level::Dimension,
        system.n_dimensions(),
    )?;
    s.indicator_weights = check_weights(
        &s.indicator_weights,
        Level::Indicator,
        system.n_indicators(),
    )?;
    if s.treatments.len() != system.n_indicators() {
        return Err(ScenarioError::Count {
            what: "treatments",
            expected: system.n_indicators(),
            got: s.treatments.len(),
        });
    }
    if s.weighting == Weighting::Manual {
        check_dimensions_used(&s.dimension_weights)?;
    }
    if matches!(s.weighting, Weighting::Manual | Weighting::Ahp) {
        check_indicators_used(system, &s.indicator_weights)?;
    }
    Ok(s)
}

/// A weight as messages echo it: short, in exponent form when very large or very small.
pub fn echo_number(value: f64) -> String {
    let a = value.abs();
    if a != 0.0 && a.is_finite() && !(1e-4..1e6).contains(&a) {
        format!("{value:e}")
    } else {
        clip(&value.to_string())
    }
}

impl ScenarioError {
    /// The message for the user; names come from `system` in `lang`, each followed by its id.
    pub fn message(&self, lang: Lang, system: &IndicatorSystem) -> String {
        match self {
            ScenarioError::Weight {
                level,
                index,
                value,
                problem,
            } => {
                let name = weight_name(system, *level, *index, lang);
                let v = echo_number(*value);
                let key = match problem {
                    WeightProblem::NotFinite => Key::ValidWeightNotFinite,
                    WeightProblem::Negative => Key::ValidWeightNegative,
                    WeightProblem::AboveMax => Key::ValidWeightAboveMax,
                };
                tf(lang, key, &[&name, &v])
            }
            ScenarioError::Count {
                what,
                expected,
                got,
            } => tf(
                lang,
                count_key(what),
                &[&expected.to_string(), &got.to_string()],
            ),
            ScenarioError::AllZero { dimension: None } => {
                t(lang, Key::ValidDimensionWeightsZero).into()
            }
            ScenarioError::AllZero { dimension: Some(d) } => tf(
                lang,
                Key::ValidIndicatorWeightsZero,
                &[&dimension_name(system, *d, lang)],
            ),
        }
    }
}

/// The message of a wrong count of the things `what` names (as [`ScenarioError::Count`] holds it).
fn count_key(what: &str) -> Key {
    match what {
        "dimension weights" => Key::ValidDimensionWeightCount,
        "indicator weights" => Key::ValidIndicatorWeightCount,
        _ => Key::ValidTreatmentCount,
    }
}

fn dimension_name(system: &IndicatorSystem, d: usize, lang: Lang) -> String {
    match system.dimensions.get(d) {
        Some(dim) => format!("{} ({})", dim.name(lang), dim.id),
        None => format!("#{}", d + 1),
    }
}

fn weight_name(system: &IndicatorSystem, level: Level, index: usize, lang: Lang) -> String {
    match level {
        Level::Dimension => dimension_name(system, index, lang),
        Level::Indicator => match system.indicators.get(index) {
            Some(ind) => format!("{} ({})", ind.short(lang), ind.id),
            None => format!("#{}", index + 1),
        },
    }
}
