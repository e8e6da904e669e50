//! Plain data types: the indicator system, ranked units, data sets and scenarios (method choices, which
//! describe themselves through [`Choice`], and weights).

use crate::i18n::Key;
use serde::{Deserialize, Serialize};
use std::ops::Range;

pub use crate::i18n::Lang;
use crate::i18n::NameForm;

/// One of the five first-level dimensions (一级指标) of Table 3-1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(default)]
    pub about_zh: String,
    #[serde(default)]
    pub about_en: String,
    /// The Traditional forms (empty in a system without them; the Simplified ones are shown then).
    #[serde(default)]
    pub name_zh_hant: String,
    #[serde(default)]
    pub about_zh_hant: String,
}

impl Dimension {
    pub fn name(&self, lang: Lang) -> &str {
        lang.name(&self.name_zh, &self.name_zh_hant, &self.name_en)
    }
    pub fn about(&self, lang: Lang) -> &str {
        lang.name(&self.about_zh, &self.about_zh_hant, &self.about_en)
    }
}

/// What sort of quantity an indicator measures, which decides how estimates are stored and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    Amount,
    Rate,
    Count,
}

/// One of the 16 second-level indicators (二级指标) of Table 3-1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub dimension: String,
    pub name_zh: String,
    pub name_en: String,
    pub short_zh: String,
    pub short_en: String,
    pub unit_zh: String,
    pub unit_en: String,
    pub kind: ValueKind,
    pub integer: bool,
    pub decimals: u8,
    pub signed: bool,
    pub higher_is_better: bool,
    pub definition_zh: String,
    pub definition_en: String,
    pub plausible_min: f64,
    pub plausible_max: f64,
    /// The Traditional forms (empty in a system without them; the Simplified ones are shown then).
    #[serde(default)]
    pub name_zh_hant: String,
    #[serde(default)]
    pub short_zh_hant: String,
    #[serde(default)]
    pub unit_zh_hant: String,
    #[serde(default)]
    pub definition_zh_hant: String,
}

impl Indicator {
    pub fn name(&self, lang: Lang) -> &str {
        lang.name(&self.name_zh, &self.name_zh_hant, &self.name_en)
    }
    pub fn short(&self, lang: Lang) -> &str {
        lang.name(&self.short_zh, &self.short_zh_hant, &self.short_en)
    }
    pub fn unit(&self, lang: Lang) -> &str {
        lang.name(&self.unit_zh, &self.unit_zh_hant, &self.unit_en)
    }
    /// The name that reads well inside a sentence: the short one in Chinese ("新增专利再多 37 件", not
    /// "新增专利授权量再增加"), the full one in English, where the short ones are abbreviations.
    pub fn name_in_sentence(&self, lang: Lang) -> &str {
        lang.name(&self.short_zh, &self.short_zh_hant, &self.name_en)
    }
    pub fn definition(&self, lang: Lang) -> &str {
        lang.name(
            &self.definition_zh,
            &self.definition_zh_hant,
            &self.definition_en,
        )
    }
    /// Formats a value with the indicator's stored precision.
    pub fn format(&self, value: f64) -> String {
        format!("{:.*}", self.decimals as usize, value)
    }

    /// The unit values are shown in to a reader of `lang`. Chinese amounts counted in 亿元 or 万元 read
    /// naturally only in Chinese; an English reader sees them in billion or thousand yuan.
    pub fn shown_unit(&self, lang: Lang) -> &str {
        match self.english_amount(lang) {
            Some(amount) => amount.unit,
            None => self.unit(lang),
        }
    }

    /// A value (or a difference of values) as a number in [`Self::shown_unit`], with the precision
    /// that keeps the stored one.
    pub fn format_shown(&self, value: f64, lang: Lang) -> String {
        match self.english_amount(lang) {
            Some(amount) => {
                let decimals = (self.decimals as i32 + amount.extra_decimals).max(0) as usize;
                format!("{:.*}", decimals, value * amount.factor)
            }
            None => self.format(value),
        }
    }

    /// A value with its shown unit ("111.0 亿元", "11.10 billion yuan", "12.5%").
    pub fn format_with_unit(&self, value: f64, lang: Lang) -> String {
        let unit = self.shown_unit(lang).trim();
        let space = if unit == "%" { "" } else { " " };
        format!("{}{space}{unit}", self.format_shown(value, lang))
    }

    fn english_amount(&self, lang: Lang) -> Option<&'static EnglishAmount> {
        (lang.language().names == NameForm::Latin && self.kind == ValueKind::Amount)
            .then(|| {
                ENGLISH_AMOUNTS
                    .iter()
                    .find(|a| a.unit_zh == self.unit_zh.trim())
            })
            .flatten()
    }
}

/// How a Chinese amount unit is shown in English: the unit, the factor to it and the decimals it adds.
struct EnglishAmount {
    unit_zh: &'static str,
    unit: &'static str,
    factor: f64,
    extra_decimals: i32,
}

const ENGLISH_AMOUNTS: &[EnglishAmount] = &[
    EnglishAmount {
        unit_zh: "亿元",
        unit: "billion yuan",
        factor: 0.1,
        extra_decimals: 1,
    },
    EnglishAmount {
        unit_zh: "万元",
        unit: "thousand yuan",
        factor: 10.0,
        extra_decimals: -1,
    },
];

/// The dimensions and indicators, with indicators grouped contiguously by dimension in Table 3-1 order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorSystem {
    pub source: String,
    pub dimensions: Vec<Dimension>,
    pub indicators: Vec<Indicator>,
    #[serde(skip)]
    dimension_of: Vec<usize>,
    #[serde(skip)]
    ranges: Vec<Range<usize>>,
}

#[derive(Deserialize)]
struct IndicatorSystemFile {
    #[serde(default)]
    source: String,
    dimensions: Vec<Dimension>,
    indicators: Vec<Indicator>,
}

impl IndicatorSystem {
    /// The dimensions' names in `lang`, in order.
    pub fn dimension_names(&self, lang: Lang) -> Vec<String> {
        self.dimensions
            .iter()
            .map(|d| d.name(lang).to_string())
            .collect()
    }

    /// Builds a system, checking that every indicator names a known dimension and that each dimension's
    /// indicators stand together.
    pub fn new(
        source: String,
        dimensions: Vec<Dimension>,
        indicators: Vec<Indicator>,
    ) -> Result<Self, String> {
        let mut dimension_of = Vec::with_capacity(indicators.len());
        for ind in &indicators {
            let d = dimensions
                .iter()
                .position(|d| d.id == ind.dimension)
                .ok_or_else(|| {
                    format!(
                        "indicator {} names unknown dimension {}",
                        ind.id, ind.dimension
                    )
                })?;
            if let Some(&last) = dimension_of.last() {
                if d < last {
                    return Err(format!("indicator {} is out of dimension order", ind.id));
                }
            }
            dimension_of.push(d);
        }
        let ranges: Vec<Range<usize>> = (0..dimensions.len())
            .map(|d| {
                let start = dimension_of.iter().position(|&x| x == d).unwrap_or(0);
                let end = dimension_of
                    .iter()
                    .rposition(|&x| x == d)
                    .map_or(start, |e| e + 1);
                start..end
            })
            .collect();
        if let Some(d) = ranges.iter().position(|r| r.is_empty()) {
            return Err(format!("dimension {} has no indicator", dimensions[d].id));
        }
        Ok(Self {
            source,
            dimensions,
            indicators,
            dimension_of,
            ranges,
        })
    }

    /// Parses the `seeds/indicators.json` format.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let file: IndicatorSystemFile = crate::json::from_str(text)?;
        Self::new(file.source, file.dimensions, file.indicators)
    }

    pub fn n_dimensions(&self) -> usize {
        self.dimensions.len()
    }
    pub fn n_indicators(&self) -> usize {
        self.indicators.len()
    }
    /// The dimension index of indicator `i`.
    pub fn dimension_of(&self, i: usize) -> usize {
        self.dimension_of[i]
    }
    /// The indicator indices of dimension `d`.
    pub fn indicators_of(&self, d: usize) -> Range<usize> {
        self.ranges[d].clone()
    }
    pub fn indicator_index(&self, id: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.id == id)
    }
    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.id == id)
    }
}

/// A ranked unit (a county-level division).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub adcode: String,
    pub name_zh: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub prefecture_zh: String,
    #[serde(default)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub lat: Option<f64>,
}

impl Unit {
    pub fn name(&self, lang: Lang) -> &str {
        // The Traditional name is looked up only for a language that reads it: the ranking asks for
        // every unit's name on every change.
        let traditional = match lang.language().names {
            NameForm::Traditional => crate::i18n::county_name_zh_hant(&self.adcode, &self.name_zh),
            NameForm::Simplified | NameForm::Latin => "",
        };
        lang.name(&self.name_zh, traditional, &self.name_en)
    }
}

/// Where a data set came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DatasetMeta {
    pub name: String,
    pub year: Option<i32>,
    pub source: String,
    /// The name in English, for a data set that has one (the bundled one); an imported data set keeps
    /// the name it was given in both languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The source in English, where [`Self::source`] is not already readable in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_en: Option<String>,
    /// The name and the source in Traditional Chinese, for a data set that has them (the bundled one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh_hant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_zh_hant: Option<String>,
}

impl DatasetMeta {
    /// The data set's name as a reader of `lang` sees it.
    pub fn name_in(&self, lang: Lang) -> &str {
        lang.name(&self.name, text(&self.name_zh_hant), text(&self.name_en))
    }

    /// The data set's source as a reader of `lang` sees it.
    pub fn source_in(&self, lang: Lang) -> &str {
        lang.name(
            &self.source,
            text(&self.source_zh_hant),
            text(&self.source_en),
        )
    }
}

/// An optional text, empty when absent.
fn text(field: &Option<String>) -> &str {
    field.as_deref().unwrap_or_default()
}

/// Indicator values of a set of units; missing values are stored as NaN.
///
/// Values are held column by column (indicator-major), since normalisation works on whole columns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub meta: DatasetMeta,
    pub units: Vec<Unit>,
    n_indicators: usize,
    #[serde(with = "nan_as_null")]
    values: Vec<f64>,
}

/// Missing values (NaN) as JSON `null` and back; plain serde_json writes `null` but cannot read it as f64.
pub(crate) mod nan_as_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(values: &[f64], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(values.iter().map(|v| v.is_finite().then_some(*v)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f64>, D::Error> {
        let values = Vec::<Option<f64>>::deserialize(d)?;
        Ok(values.into_iter().map(|v| v.unwrap_or(f64::NAN)).collect())
    }

    /// The same for a single number.
    pub mod one {
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
            v.is_finite().then_some(*v).serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
            Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
        }
    }
}

impl Dataset {
    /// A data set with every value missing.
    pub fn new(meta: DatasetMeta, units: Vec<Unit>, n_indicators: usize) -> Self {
        let values = vec![f64::NAN; units.len() * n_indicators];
        Self {
            meta,
            units,
            n_indicators,
            values,
        }
    }
    pub fn n_units(&self) -> usize {
        self.units.len()
    }
    /// Whether it holds a value (present or missing) for every unit and indicator, as one read from
    /// JSON must before it is used.
    pub fn is_complete(&self) -> bool {
        self.units.len().checked_mul(self.n_indicators) == Some(self.values.len())
    }
    pub fn n_indicators(&self) -> usize {
        self.n_indicators
    }
    /// The value of indicator `i` for unit `u`, if present.
    pub fn get(&self, u: usize, i: usize) -> Option<f64> {
        let v = self.values[i * self.units.len() + u];
        (!v.is_nan()).then_some(v)
    }
    pub fn set(&mut self, u: usize, i: usize, value: Option<f64>) {
        let n = self.units.len();
        self.values[i * n + u] = value.unwrap_or(f64::NAN);
    }
    /// Indicator `i` for all units, NaN where missing.
    pub fn column(&self, i: usize) -> &[f64] {
        let n = self.units.len();
        &self.values[i * n..(i + 1) * n]
    }
    pub fn column_mut(&mut self, i: usize) -> &mut [f64] {
        let n = self.units.len();
        &mut self.values[i * n..(i + 1) * n]
    }
    pub fn unit_index(&self, adcode: &str) -> Option<usize> {
        self.units.iter().position(|u| u.adcode == adcode)
    }
    /// A stable FNV-1a hash of units and values, used to name imported data sets in share links.
    pub fn content_hash(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for &b in bytes {
                h ^= b as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        };
        for u in &self.units {
            eat(u.adcode.as_bytes());
            eat(&[0]);
        }
        for v in &self.values {
            let bits = if v.is_nan() { u64::MAX } else { v.to_bits() };
            eat(&bits.to_le_bytes());
        }
        format!("{h:016x}")
    }
}

/// One alternative of a method step that describes itself. Everything that lists, names, explains, reads
/// or writes a method choice (share links, the command line, the page's selects and explanations, the
/// exports, the uncertainty analysis) goes through this, so a new alternative is declared once, in the
/// [`choices!`] block next to its enum.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every alternative, in the order the interface lists them.
    const ALL: &'static [Self];
    /// The catalogue key naming the method step itself ("Normalisation").
    const STEP: Key;
    /// The stable identifier used in share links, saved files and the command line.
    fn id(self) -> &'static str;
    /// The catalogue key of its name.
    fn label(self) -> Key;
    /// The catalogue key of a sentence on what it does.
    fn explanation(self) -> Key;
    /// Its formula, the same in every language.
    fn formula(self) -> &'static str;
    /// The alternative with this identifier.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.id() == id)
    }
}

/// Implements [`Choice`] from one line per alternative: `Variant => "id", LabelKey, ExplanationKey,
/// "formula";`. The matches are exhaustive, so an alternative left out does not compile.
macro_rules! choices {
    ($ty:ident, $step:ident { $($variant:ident => $id:literal, $label:ident, $explanation:ident, $formula:literal;)* }) => {
        impl Choice for $ty {
            const ALL: &'static [Self] = &[$($ty::$variant),*];
            const STEP: Key = Key::$step;
            fn id(self) -> &'static str {
                match self { $($ty::$variant => $id),* }
            }
            fn label(self) -> Key {
                match self { $($ty::$variant => Key::$label),* }
            }
            fn explanation(self) -> Key {
                match self { $($ty::$variant => Key::$explanation),* }
            }
            fn formula(self) -> &'static str {
                match self { $($ty::$variant => $formula),* }
            }
        }
    };
}

/// How raw values are put on a common 0-100 scale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Normalisation {
    #[default]
    MinMax,
    Efficacy,
    ZScore,
    Rank,
    /// Fixed bounds (COINr's goalposts): by default the indicator's plausible range.
    Goalposts,
}

choices!(Normalisation, Normalisation {
    MinMax => "minmax", NormMinMax, ExplainMinMax, "x′ = 100 · (x − min) / (max − min)";
    Efficacy => "efficacy", NormEfficacy, ExplainEfficacy, "x′ = 60 + 40 · (x − min) / (max − min)";
    ZScore => "zscore", NormZScore, ExplainZScore, "x′ = 50 + 10 · (x − x̄) / s";
    Rank => "rank", NormRank, ExplainRank, "x′ = 100 · (r − 1) / (n − 1)";
    Goalposts => "goalposts", NormGoalposts, ExplainGoalposts, "x′ = 100 · clip((x − L) / (U − L), 0, 1)";
});

/// Optional per-indicator treatment of skewed data, applied before normalisation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind")]
pub enum Treatment {
    #[default]
    None,
    Log,
    Winsorise {
        lower: f64,
        upper: f64,
    },
    /// The JRC rule ([`crate::method::jrc`]): a few extreme values replaced, or the log.
    Jrc,
}

impl Treatment {
    /// The kind of treatment, without its percentiles.
    pub fn kind(self) -> TreatmentKind {
        match self {
            Treatment::None => TreatmentKind::None,
            Treatment::Log => TreatmentKind::Log,
            Treatment::Winsorise { .. } => TreatmentKind::Winsorise,
            Treatment::Jrc => TreatmentKind::Jrc,
        }
    }

    /// One treatment as a share link's `tr=` and the CLI's `--treatment` write it (`none`, `log`, `jrc`
    /// or `w5-95`, percentiles from 0 to 100 in order).
    pub fn from_text(text: &str) -> Option<Self> {
        match text {
            "none" => return Some(Treatment::None),
            "log" => return Some(Treatment::Log),
            "jrc" => return Some(Treatment::Jrc),
            _ => {}
        }
        let (lo, hi) = text.strip_prefix('w')?.split_once('-')?;
        let (lower, upper) = (lo.parse::<f64>().ok()?, hi.parse::<f64>().ok()?);
        let in_range = |p: f64| (0.0..=100.0).contains(&p);
        (in_range(lower) && in_range(upper) && lower <= upper)
            .then_some(Treatment::Winsorise { lower, upper })
    }
}

/// The kinds of [`Treatment`], for lists and explanations (a winsorisation's percentiles are set apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TreatmentKind {
    None,
    Log,
    Winsorise,
    Jrc,
}

choices!(TreatmentKind, Treatment {
    None => "none", TreatNone, ExplainTreatNone, "x′ = x";
    Log => "log", TreatLog, ExplainTreatLog, "x′ = sign(x) · ln(1 + |x|)";
    Winsorise => "winsorise", TreatWinsorise, ExplainTreatWinsorise, "x′ = min(max(x, Q_lo), Q_hi)";
    Jrc => "jrc", TreatJrc, ExplainTreatJrc, "while |G1| > 2 ∧ G2 > 3.5 (≤ 5 times): x_(n) ← x_(n−1); else x′ = sign(x) · ln(1 + |x|)";
});

/// Where the weights come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weighting {
    #[default]
    Manual,
    Equal,
    Entropy,
    Critic,
    Ahp,
}

choices!(Weighting, Weighting {
    Manual => "manual", WeightManual, ExplainManual, "w_d = a_d / Σa,  v_i = b_i / Σ_{j∈d} b_j,  W_i = w_d · v_i";
    Equal => "equal", WeightEqual, ExplainEqual, "w_d = 1/5,  v_i = 1/n_d";
    Entropy => "entropy", WeightEntropy, ExplainEntropy, "p_ij = z_ij / Σ_i z_ij,  e_j = −(1/ln n) Σ_i p_ij ln p_ij,  W_j = (1 − e_j) / Σ_k (1 − e_k)";
    Critic => "critic", WeightCritic, ExplainCritic, "C_j = σ_j · Σ_k (1 − r_jk),  W_j = C_j / Σ_k C_k";
    Ahp => "ahp", WeightAhp, ExplainAhp, "A·w = λ_max·w,  CI = (λ_max − n) / (n − 1),  CR = CI / RI";
});

/// How dimension scores are combined into the composite.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aggregation {
    #[default]
    Arithmetic,
    Geometric,
}

choices!(Aggregation, Aggregation {
    Arithmetic => "arithmetic", AggArithmetic, ExplainArithmetic, "S = Σ_d w_d · s_d";
    Geometric => "geometric", AggGeometric, ExplainGeometric, "S = Π_d max(s_d, 0.1)^{w_d}";
});

/// How several editions (years) of the index are put on a scale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scaling {
    /// All editions stacked: one normalisation (and entropy or CRITIC weights) over every year.
    #[default]
    Pooled,
    /// Each edition normalised on its own, as a yearly publication is.
    Each,
}

choices!(Scaling, Scaling {
    Pooled => "pooled", ScalingPooled, ExplainScalingPooled, "x′_t = f(x_t; x_1, …, x_T)";
    Each => "each", ScalingEach, ExplainScalingEach, "x′_t = f(x_t; x_t)";
});

/// Every choice that turns a data set into a ranking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub normalisation: Normalisation,
    pub treatments: Vec<Treatment>,
    pub weighting: Weighting,
    /// Raw (not necessarily normalised) dimension weights, used by `Manual`.
    pub dimension_weights: Vec<f64>,
    /// Raw indicator weights, normalised within each dimension; used by `Manual` and `Ahp`.
    pub indicator_weights: Vec<f64>,
    pub aggregation: Aggregation,
    /// Row-major n x n pairwise comparison of the dimensions, used by `Ahp`.
    pub ahp_matrix: Option<Vec<f64>>,
}

impl Scenario {
    /// The project's stated default: min-max, equal weights at both levels, arithmetic mean.
    pub fn default_for(system: &IndicatorSystem) -> Self {
        Self {
            normalisation: Normalisation::MinMax,
            treatments: vec![Treatment::None; system.n_indicators()],
            weighting: Weighting::Manual,
            dimension_weights: vec![1.0; system.n_dimensions()],
            indicator_weights: vec![1.0; system.n_indicators()],
            aggregation: Aggregation::Arithmetic,
            ahp_matrix: None,
        }
    }
}
