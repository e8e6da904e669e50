//! The interface between the page and its on-demand tools module (`crates/tools`): the names of the
//! module's exports, the requests the page sends and the answers it reads, all as JSON. The page's own
//! WebAssembly module builds requests and reads answers with these types alone; the functions that
//! answer them (`fjindex-tools`' `tools_api`) link calamine, zip, encoding_rs and the MIP solver.

use crate::analysis::WeightLimits;
use crate::data::seeds;
use crate::json;
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The names of the tools module's exports, as the page calls them.
pub mod export {
    pub const IMPORT_FILE: &str = "import_file";
    /// The import the page's worker calls (`www/import-worker.js`), with a stage callback.
    pub const IMPORT_FILE_STAGED: &str = "import_file_staged";
    pub const WRITE_XLSX: &str = "write_xlsx";
    pub const RANK_BOUNDS: &str = "rank_bounds";
    pub const WEIGHT_REACH: &str = "weight_reach";
    pub const PLAN: &str = "plan";
}

/// An exact analysis of one unit under the scenario the page shows; messages come back in `lang`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnalysisRequest<'a> {
    pub data: Cow<'a, Dataset>,
    pub scenario: Cow<'a, Scenario>,
    /// The unit's position in `data`.
    pub unit: usize,
    /// The target rank (weight reach and plan).
    pub target: u32,
    /// The shares each dimension weight may take in bounds and reach; `None` allows any weighting.
    /// The plan holds the weights fixed and ignores them.
    #[serde(default)]
    pub limits: Option<WeightLimits>,
    pub lang: Lang,
    /// The indicator system as `seeds/indicators.json` JSON when it is not the white paper's
    /// ([`system_json_of`]); the data's columns are its indicators.
    #[serde(default)]
    pub system_json: Option<String>,
}

/// What [`AnalysisRequest::system_json`] carries for `system`: nothing for the white paper's.
pub fn system_json_of(system: &IndicatorSystem) -> Option<String> {
    (*system != seeds::indicator_system())
        .then(|| json::to_string(system).ok())
        .flatten()
}

impl AnalysisRequest<'_> {
    /// The indicator system the request's data are in.
    pub fn system(&self) -> Result<IndicatorSystem, String> {
        match &self.system_json {
            None => Ok(seeds::indicator_system()),
            Some(text) => IndicatorSystem::from_json(text).map_err(|e| format!("bad request: {e}")),
        }
    }

    pub fn to_json(&self) -> String {
        json::to_string(self).expect("a request serialises")
    }
}

/// A message in every language, keyed by the language's id, so the page can switch language without
/// asking the module again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Text(BTreeMap<String, String>);

impl Text {
    /// The message `message` writes in each language of [`Lang::ALL`].
    pub fn of(message: impl Fn(Lang) -> String) -> Self {
        Self(
            Lang::ALL
                .iter()
                .map(|&l| (l.id().to_string(), message(l)))
                .collect(),
        )
    }

    /// The message in `lang` (empty when the module that wrote it did not know the language).
    pub fn get(&self, lang: Lang) -> &str {
        self.0.get(lang.id()).map_or("", String::as_str)
    }
}

/// A problem that stops an import, located by 1-based row and column; `message` omits the location.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: Text,
}

/// What the page shows of an [`ImportReport`], with every message written out, so that the page's
/// module needs neither the importer nor its message catalogue.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// The data set, exactly when `errors` is empty.
    pub dataset: Option<Dataset>,
    /// Every edition of a file with several (years), oldest first, each with its year; empty for a
    /// file of one data set.
    #[serde(default)]
    pub editions: Vec<Dataset>,
    pub errors: Vec<ImportProblem>,
    /// Each warning with its location.
    pub warnings: Vec<Text>,
    pub sheet_names: Vec<String>,
    pub sheet: Option<String>,
    /// Rows recognised as one of the known counties.
    pub known_units: usize,
    pub matched_indicators: usize,
    /// The indicator system of a workbook's "指标体系" sheet as `seeds/indicators.json` JSON, when the
    /// file has one; the data set's columns are its indicators (else the white paper's).
    #[serde(default)]
    pub system_json: Option<String>,
}

/// Reads an answer of the tools module.
pub fn decode<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
    json::from_str(text)
}
