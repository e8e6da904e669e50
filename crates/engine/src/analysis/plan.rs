//! The cheapest way up across indicators: the plan found for a county and a target rank, what kept each
//! indicator out of it, and which methods it models exactly. The mixed-integer program that finds it is
//! in the `fjindex-exact` crate (`analysis::plan` there), whose module text describes the model.

use crate::i18n::{t, tf, Key};
use crate::model::{Aggregation, IndicatorSystem, Lang, Normalisation, Scenario};

/// Why an indicator takes no part in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Exclusion {
    /// The county has no value for it.
    Missing,
    /// The county already holds the province's best value (or the upper goalpost).
    AtBest,
    /// The county alone holds the column minimum, so raising it would rescale every other unit.
    MovesMinimum,
    /// A treatment (log, winsorisation, JRC) makes the normalised value non-linear in the raw one.
    Treated,
    /// Lower values count as better; the plan only raises values.
    LowerIsBetter,
    /// The indicator carries no weight, so raising it changes nothing.
    ZeroWeight,
    /// Every unit has the same value (or the goalposts coincide): the column has no scale.
    NoRange,
    /// The county lies below the lower goalpost, where a rise first earns nothing.
    BelowGoalpost,
    /// The indicator was not among those allowed to move.
    NotSelected,
}

impl Exclusion {
    /// A stable identifier for CSV and JSON output.
    pub fn id(self) -> &'static str {
        match self {
            Exclusion::Missing => "missing",
            Exclusion::AtBest => "at_best",
            Exclusion::MovesMinimum => "moves_minimum",
            Exclusion::Treated => "treated",
            Exclusion::LowerIsBetter => "lower_is_better",
            Exclusion::ZeroWeight => "zero_weight",
            Exclusion::NoRange => "no_range",
            Exclusion::BelowGoalpost => "below_goalpost",
            Exclusion::NotSelected => "not_selected",
        }
    }

    /// The reason as a phrase for the user.
    pub fn message(self, lang: Lang) -> String {
        let key = match self {
            Exclusion::Missing => Key::PlanExcludedMissing,
            Exclusion::AtBest => Key::PlanExcludedAtBest,
            Exclusion::MovesMinimum => Key::PlanExcludedMovesMinimum,
            Exclusion::Treated => Key::PlanExcludedTreated,
            Exclusion::LowerIsBetter => Key::PlanExcludedLowerIsBetter,
            Exclusion::ZeroWeight => Key::PlanExcludedZeroWeight,
            Exclusion::NoRange => Key::PlanExcludedNoRange,
            Exclusion::BelowGoalpost => Key::PlanExcludedBelowGoalpost,
            Exclusion::NotSelected => Key::PlanExcludedNotSelected,
        };
        t(lang, key).into()
    }
}

/// One indicator's change in a plan.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    pub indicator: usize,
    pub before: f64,
    pub after: f64,
    pub change: f64,
    /// The change divided by the province's range of the indicator (maximum - minimum).
    pub share_of_range: f64,
}

/// What the search found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PlanOutcome {
    /// The county already holds the target rank or better; the plan is empty.
    Already,
    /// The changes reach the target.
    Reached,
    /// Even every movable indicator at its cap does not reach the target; the changes are those caps.
    Unreachable,
}

/// The cheapest plan for one county and target.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    pub unit: usize,
    pub target: u32,
    pub current_rank: u32,
    pub outcome: PlanOutcome,
    /// Indicators that rise, in indicator order.
    pub changes: Vec<Change>,
    /// The sum of the changes' shares of range.
    pub cost: f64,
    /// The county's rank when the data with these changes is re-scored under the fixed weights.
    pub rank: u32,
    /// False when re-scoring disagrees with the program (a tie the tolerances could not settle).
    pub verified: bool,
    pub excluded: Vec<(usize, Exclusion)>,
}

impl Plan {
    /// "专精特新企业 +12 家，智能工厂 +3 个 → 第 30 位" / "SRDI firms +12 firms, smart factories +3 → rank 30".
    pub fn sentence(&self, system: &IndicatorSystem, lang: Lang) -> String {
        let target = self.target.to_string();
        match self.outcome {
            PlanOutcome::Already => tf(lang, Key::AnalysisIndicatorAlready, &[&target]),
            PlanOutcome::Unreachable => tf(
                lang,
                Key::PlanUnreachable,
                &[&target, &self.rank.to_string()],
            ),
            PlanOutcome::Reached => {
                let parts: Vec<String> = self
                    .changes
                    .iter()
                    .map(|c| {
                        let ind = &system.indicators[c.indicator];
                        let amount = ind.format_shown(c.change, lang);
                        let name = ind.name_in_sentence(lang);
                        if ind.unit_en.trim() == "%" {
                            tf(lang, Key::PlanChangePoints, &[name, &amount])
                        } else {
                            tf(
                                lang,
                                Key::PlanChangeMore,
                                &[name, &amount, ind.shown_unit(lang)],
                            )
                        }
                    })
                    .collect();
                let joined = parts.join(t(lang, Key::PlanSeparator));
                tf(lang, Key::PlanReaches, &[&joined, &self.rank.to_string()])
            }
        }
    }
}

/// Whether the plan models the scenario's method exactly: min-max, efficacy or goalposts normalisation
/// with arithmetic aggregation (any weighting, held fixed).
pub fn method_supported(scenario: &Scenario) -> bool {
    matches!(
        scenario.normalisation,
        Normalisation::MinMax | Normalisation::Efficacy | Normalisation::Goalposts
    ) && scenario.aggregation == Aggregation::Arithmetic
}
