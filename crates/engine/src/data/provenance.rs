//! Provenance of every bundled value: published in the white paper, or an estimate of our calibration.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Printed in the white paper with the same definition and period.
    Published,
    /// Our estimate, held consistent with a published figure of another definition or period.
    EstimateAnchored,
    /// Our estimate, with no published figure to hold it to.
    Estimate,
}

impl Status {
    /// Every status in declaration order (`build.rs` codes statuses by their position here).
    pub const ALL: [Status; 3] = [
        Status::Published,
        Status::EstimateAnchored,
        Status::Estimate,
    ];

    pub fn is_estimate(self) -> bool {
        self != Status::Published
    }
}

/// One row of `seeds/provenance_2024.csv`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub adcode: String,
    pub indicator: String,
    pub status: Status,
    /// The citation (published) or the anchor it is held to (estimate-anchored); empty otherwise.
    pub source: String,
}

/// Provenance for a data set: a status per (unit, indicator); units absent from the file count as imported.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Provenance {
    records: Vec<Record>,
}

impl Provenance {
    pub fn from_csv(text: &str) -> Result<Self, String> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let records = reader
            .deserialize()
            .collect::<Result<Vec<Record>, _>>()
            .map_err(|e| e.to_string())?;
        Ok(Self { records })
    }

    pub fn to_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        for r in &self.records {
            w.serialize(r).expect("writing to memory cannot fail");
        }
        String::from_utf8(w.into_inner().expect("in-memory writer")).expect("CSV output is UTF-8")
    }

    pub fn new(records: Vec<Record>) -> Self {
        Self { records }
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn get(&self, adcode: &str, indicator: &str) -> Option<&Record> {
        self.records
            .iter()
            .find(|r| r.adcode == adcode && r.indicator == indicator)
    }

    /// True when any value of the unit is an estimate.
    pub fn unit_has_estimates(&self, adcode: &str) -> bool {
        self.records
            .iter()
            .any(|r| r.adcode == adcode && r.status.is_estimate())
    }

    pub fn count(&self, status: Status) -> usize {
        self.records.iter().filter(|r| r.status == status).count()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}
