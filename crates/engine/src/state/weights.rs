//! Weight presets (equal, entropy, CRITIC and named what-if sets) and the checking of typed weights.

use crate::echo::clip;
use crate::i18n::{tf, Key};
use crate::model::{IndicatorSystem, Lang, Scenario, Weighting};
use crate::validate::{check_weight, WeightProblem};

pub use crate::validate::MAX_WEIGHT;
/// Default raw weight of every dimension (five of them make 100).
pub const DEFAULT_DIMENSION_WEIGHT: f64 = 20.0;
/// Default raw weight of every indicator within its dimension.
pub const DEFAULT_INDICATOR_WEIGHT: f64 = 10.0;
/// In a what-if set the leading dimension gets this weight and each other dimension `WHAT_IF_OTHER`.
pub const WHAT_IF_LEAD: f64 = 40.0;
pub const WHAT_IF_OTHER: f64 = 15.0;

/// The default scenario on the page's 0-100 scale; it ranks exactly like `Scenario::default_for`.
pub fn default_scenario(system: &IndicatorSystem) -> Scenario {
    let mut s = Scenario::default_for(system);
    s.dimension_weights = vec![DEFAULT_DIMENSION_WEIGHT; system.n_dimensions()];
    s.indicator_weights = vec![DEFAULT_INDICATOR_WEIGHT; system.n_indicators()];
    s
}

/// A named set of weights the user can pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    Equal,
    Entropy,
    Critic,
    InnovationLed,
    ScaleLed,
    QualityLed,
    SmartLed,
}

impl Preset {
    pub const ALL: [Preset; 7] = [
        Preset::Equal,
        Preset::Entropy,
        Preset::Critic,
        Preset::InnovationLed,
        Preset::ScaleLed,
        Preset::QualityLed,
        Preset::SmartLed,
    ];

    /// A stable identifier (for links and tests).
    pub fn id(self) -> &'static str {
        match self {
            Preset::Equal => "equal",
            Preset::Entropy => "entropy",
            Preset::Critic => "critic",
            Preset::InnovationLed => "innovation-led",
            Preset::ScaleLed => "scale-led",
            Preset::QualityLed => "quality-led",
            Preset::SmartLed => "smart-led",
        }
    }

    pub fn from_id(id: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.id() == id)
    }

    pub fn label(self) -> Key {
        match self {
            Preset::Equal => Key::PresetEqual,
            Preset::Entropy => Key::PresetEntropy,
            Preset::Critic => Key::PresetCritic,
            Preset::InnovationLed => Key::PresetInnovation,
            Preset::ScaleLed => Key::PresetScale,
            Preset::QualityLed => Key::PresetQuality,
            Preset::SmartLed => Key::PresetSmart,
        }
    }

    /// The dimension a what-if set puts first.
    pub fn lead_dimension(self) -> Option<&'static str> {
        match self {
            Preset::InnovationLed => Some("innovation"),
            Preset::ScaleLed => Some("industry"),
            Preset::QualityLed => Some("quality"),
            Preset::SmartLed => Some("smart"),
            _ => None,
        }
    }

    /// The scenario with this preset's weights; normalisation and aggregation are kept.
    pub fn apply(self, system: &IndicatorSystem, current: &Scenario) -> Scenario {
        let base = default_scenario(system);
        let mut s = current.clone();
        s.indicator_weights = base.indicator_weights;
        s.dimension_weights = base.dimension_weights;
        s.weighting = match self {
            Preset::Entropy => Weighting::Entropy,
            Preset::Critic => Weighting::Critic,
            _ => Weighting::Manual,
        };
        if let Some(lead) = self
            .lead_dimension()
            .and_then(|id| system.dimension_index(id))
        {
            for (d, w) in s.dimension_weights.iter_mut().enumerate() {
                *w = if d == lead {
                    WHAT_IF_LEAD
                } else {
                    WHAT_IF_OTHER
                };
            }
        }
        s
    }
}

/// Why a typed weight was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum WeightInputError {
    Empty,
    NotANumber,
    OutOfRange(f64),
}

/// Reads a weight typed by the user: trims, accepts full-width digits and point, requires 0..=100.
pub fn parse_weight(text: &str) -> Result<f64, WeightInputError> {
    let half: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' => '-',
            _ => c,
        })
        .collect();
    if half.is_empty() {
        return Err(WeightInputError::Empty);
    }
    let v: f64 = half.parse().map_err(|_| WeightInputError::NotANumber)?;
    check_weight(v).map_err(|problem| match problem {
        WeightProblem::NotFinite => WeightInputError::NotANumber,
        WeightProblem::Negative | WeightProblem::AboveMax => WeightInputError::OutOfRange(v),
    })
}

impl WeightInputError {
    /// The message for a box named `field`; `kept` is the value still in force.
    pub fn message(&self, lang: Lang, field: &str, text: &str, kept: &str) -> String {
        let text = &clip(text);
        match self {
            WeightInputError::Empty => tf(lang, Key::StateWeightEmpty, &[field, kept]),
            WeightInputError::NotANumber => {
                tf(lang, Key::StateWeightNotANumber, &[field, text, kept])
            }
            WeightInputError::OutOfRange(_) => {
                tf(lang, Key::StateWeightOutOfRange, &[field, text, kept])
            }
        }
    }
}

/// Rounds a weight for display and for turning derived weights into editable ones.
pub fn round_weight(w: f64) -> f64 {
    (w * 10.0).round() / 10.0
}

/// Formats a weight without a trailing ".0". A weight that one decimal would show as 0 but is not 0
/// is shown with three significant digits (exponent form below 0.0001), so it never looks like 0.
pub fn format_weight(w: f64) -> String {
    let r = round_weight(w);
    if r == 0.0 && w != 0.0 && w.is_finite() {
        return small_weight(w);
    }
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A non-zero weight below 0.05, with three significant digits and no trailing zeros.
fn small_weight(w: f64) -> String {
    if w.abs() < 1e-4 {
        let text = format!("{w:.2e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        return format!("{mantissa}e{exponent}");
    }
    let decimals = (-w.abs().log10()).ceil() as usize + 2;
    let text = format!("{w:.decimals$}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
