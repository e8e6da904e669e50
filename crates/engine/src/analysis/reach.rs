//! Weight reach: the smallest change of the dimension weights (L1 distance on the simplex) that lifts a
//! unit to a target rank or better, or the plain finding that no weighting can: the answer and its
//! sentence. The search itself is in the `fjindex-exact` crate (`analysis::reach` there).

use crate::i18n::{t, tf, Key};
use crate::model::{IndicatorSystem, Lang};

/// The answer for one unit and target rank.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum WeightReach {
    /// The unit already holds the target rank or better under the current weights.
    Already { rank: u32 },
    /// New weights (summing to 1) that give `rank` (at most the target) at L1 distance `change`.
    Reachable {
        weights: Vec<f64>,
        rank: u32,
        change: f64,
    },
    /// No weighting gives the target; `best_rank` is the best any weighting gives.
    Unreachable { best_rank: u32 },
}

impl WeightReach {
    /// A one-line statement of the finding.
    pub fn sentence(&self, system: &IndicatorSystem, target: u32, lang: Lang) -> String {
        match self {
            WeightReach::Already { rank } => {
                tf(lang, Key::AnalysisReachAlready, &[&rank.to_string()])
            }
            WeightReach::Reachable {
                weights,
                rank,
                change,
            } => {
                let list: Vec<String> = system
                    .dimensions
                    .iter()
                    .zip(weights)
                    .map(|(d, w)| format!("{} {:.1}%", d.name(lang), 100.0 * w))
                    .collect();
                tf(
                    lang,
                    Key::AnalysisReachWeights,
                    &[
                        &list.join(t(lang, Key::AnalysisListSeparator)),
                        &rank.to_string(),
                        &format!("{:.1}", 100.0 * change),
                    ],
                )
            }
            WeightReach::Unreachable { best_rank } => tf(
                lang,
                Key::AnalysisReachNone,
                &[&target.to_string(), &best_rank.to_string()],
            ),
        }
    }
}
