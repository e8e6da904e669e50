//! The white paper's published facts (`seeds/published.json`): Tables 3-2 and 3-3, province figures, anchors.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedFacts {
    pub document: Document,
    pub composite_top10: CompositeTable,
    pub dimension_top10: DimensionTable,
    #[serde(default)]
    pub misprints: Vec<Misprint>,
    #[serde(default)]
    pub province_facts: Vec<ProvinceFact>,
    #[serde(default)]
    pub anchors: Vec<Anchor>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub title_zh: String,
    pub publisher_zh: String,
    pub date: String,
    pub data_year: i32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompositeTable {
    pub table: String,
    pub section: String,
    pub entries: Vec<CompositeEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompositeEntry {
    pub rank: u32,
    pub adcode: String,
    pub name_zh: String,
    pub prefecture_zh: String,
    pub score: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionTable {
    pub table: String,
    pub section: String,
    pub industry: Vec<String>,
    pub innovation: Vec<String>,
    pub cluster: Vec<String>,
    pub quality: Vec<String>,
    pub smart: Vec<String>,
}

impl DimensionTable {
    /// The published top 10 adcodes of a dimension by id.
    pub fn get(&self, dimension_id: &str) -> Option<&[String]> {
        Some(match dimension_id {
            "industry" => &self.industry,
            "innovation" => &self.innovation,
            "cluster" => &self.cluster,
            "quality" => &self.quality,
            "smart" => &self.smart,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Misprint {
    pub printed: String,
    pub resolved_zh: String,
    pub adcode: String,
    #[serde(default)]
    pub r#where: Vec<String>,
    #[serde(default)]
    pub why_en: String,
    #[serde(default)]
    pub why_zh: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProvinceFact {
    pub id: String,
    pub indicator: Option<String>,
    pub value: f64,
    pub unit: String,
    pub period: String,
    #[serde(default)]
    pub scope: String,
    pub section: String,
    pub definition_zh: String,
}

/// How an estimate must relate to an anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Approx,
    AtLeast,
    AtMost,
}

/// A county figure of another definition or period that a 2024 estimate must stay consistent with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    pub adcode: String,
    pub name_zh: String,
    pub indicator: String,
    pub value: f64,
    pub unit: String,
    pub period: String,
    pub section: String,
    pub definition_zh: String,
    pub same_definition_and_period: bool,
    pub relation: Relation,
    #[serde(default)]
    pub tolerance: f64,
    #[serde(default)]
    pub note_en: String,
}

impl Anchor {
    /// Whether an estimate is consistent with this anchor.
    pub fn holds_for(&self, estimate: f64) -> bool {
        match self.relation {
            Relation::Approx => (estimate - self.value).abs() <= self.tolerance + 1e-9,
            Relation::AtLeast => estimate >= self.value - self.tolerance - 1e-9,
            Relation::AtMost => estimate <= self.value + self.tolerance + 1e-9,
        }
    }

    /// A short identifier used in the provenance file.
    pub fn label(&self) -> String {
        format!(
            "{} {} {} ({}, {})",
            self.name_zh, self.definition_zh, self.value, self.period, self.section
        )
    }
}

impl PublishedFacts {
    pub fn from_json(text: &str) -> Result<Self, String> {
        crate::json::from_str(text)
    }
}
