//! The interface between the page and its on-demand tools module (`src/bin/fjindex-tools.rs`): file
//! import, XLSX writing and the exact mixed-integer analyses (rank bounds and weight reach, optionally
//! within dimension weight limits, and the cheapest plan across indicators), with requests and answers
//! as JSON.
//!
//! The page's own WebAssembly module never calls the functions here; it only builds requests and reads
//! answers. The tools module wraps each function in a `#[wasm_bindgen]` export, so calamine, zip,
//! encoding_rs and the MIP solver are linked into it alone. Everything runs against the bundled
//! indicator system, which is the only one the page uses.

use crate::analysis::plan::{self, Plan};
use crate::analysis::{bounds, reach, DimensionModel, WeightLimits};
use crate::data::import::{self, ImportOptions, ImportReport};
use crate::data::xlsx_writer::{self, Sheet};
use crate::data::{seeds, DataError};
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
    fn system(&self) -> Result<IndicatorSystem, String> {
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

impl From<ImportReport> for ImportSummary {
    fn from(r: ImportReport) -> Self {
        let errors = r
            .errors
            .iter()
            .map(|e| {
                let plain = DataError {
                    row: None,
                    column: None,
                    kind: e.kind.clone(),
                };
                ImportProblem {
                    row: e.row,
                    column: e.column.clone(),
                    message: Text::of(|lang| plain.message(lang)),
                }
            })
            .collect();
        Self {
            errors,
            warnings: r
                .warnings
                .iter()
                .map(|w| Text::of(|l| w.message(l)))
                .collect(),
            matched_indicators: r.matched_indicators_count(),
            system_json: r.system.as_ref().and_then(|s| json::to_string(s).ok()),
            dataset: r.dataset,
            editions: r.editions,
            sheet_names: r.sheet_names,
            sheet: r.sheet,
            known_units: r.known_units,
        }
    }
}

/// Reads a file (the sheet, if given, of a workbook) against the bundled counties and aliases; the
/// answer is an [`ImportSummary`] as JSON.
pub fn import_file(bytes: &[u8], file_name: &str, sheet: Option<String>) -> String {
    import_file_staged(bytes, file_name, sheet, &mut |_| {})
}

/// [`import_file`], telling `stage` the name of each stage it reaches (`Stage::id`).
pub fn import_file_staged(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<String>,
    stage: &mut dyn FnMut(&'static str),
) -> String {
    // A workbook's "指标体系" sheet gives the system its data is read against (the page then uses
    // it); any other file is read against the white paper's.
    let options = ImportOptions {
        sheet,
        meta: import::meta_from_file_name(file_name),
        read_system_sheet: true,
    };
    let report = import::import_bundled_staged(bytes, &options, &mut |s| stage(s.id()));
    json::to_string(&ImportSummary::from(report)).expect("a summary serialises")
}

/// Writes sheets (a JSON list of `Sheet`s) as an XLSX file.
pub fn write_xlsx(sheets_json: &str) -> Result<Vec<u8>, String> {
    let sheets: Vec<Sheet> = json::from_str(sheets_json)?;
    Ok(xlsx_writer::write(&sheets))
}

/// Runs `f` on the dimension model of a request; the answer is `Result<T, String>` as JSON.
fn analyse<T: Serialize>(
    request_json: &str,
    f: impl FnOnce(&AnalysisRequest, &DimensionModel) -> Result<T, String>,
) -> String {
    let answer = json::from_str::<AnalysisRequest>(request_json)
        .map_err(|e| format!("bad request: {e}"))
        .and_then(|r| {
            let system = r.system()?;
            let model = DimensionModel::new(&system, &r.data, &r.scenario)
                .map_err(|e| e.message(r.lang))?;
            let model = match r.limits {
                Some(limits) => model.with_limits(limits).map_err(|e| e.message(r.lang))?,
                None => model,
            };
            f(&r, &model)
        });
    json::to_string(&answer).expect("an answer serialises")
}

/// The best and worst rank of the request's unit: `Result<RankBounds, String>` as JSON.
pub fn rank_bounds(request_json: &str) -> String {
    analyse(request_json, |r, model| {
        let system = r.system()?;
        bounds::rank_bounds(&system, &r.data, model, r.unit).map_err(|e| e.message(r.lang))
    })
}

/// The nearest dimension weights that lift the request's unit to its target rank:
/// `Result<WeightReach, String>` as JSON.
pub fn weight_reach(request_json: &str) -> String {
    analyse(request_json, |r, model| {
        let system = r.system()?;
        reach::weight_reach(&system, &r.data, model, r.unit, r.target)
            .map_err(|e| e.message(r.lang))
    })
}

/// The cheapest rise of the request's unit's own indicator values that lifts it to the target rank,
/// with the scenario's weights held fixed: `Result<Plan, String>` as JSON.
pub fn plan(request_json: &str) -> String {
    let answer = json::from_str::<AnalysisRequest>(request_json)
        .map_err(|e| format!("bad request: {e}"))
        .and_then(|r| {
            let system = r.system()?;
            let unit = r
                .data
                .units
                .get(r.unit)
                .ok_or_else(|| format!("bad request: no unit {}", r.unit))?;
            plan::plan(&system, &r.data, &r.scenario, &unit.adcode, r.target, None)
                .map_err(|e| e.message(r.lang))
        });
    json::to_string::<Result<Plan, String>>(&answer).expect("an answer serialises")
}

/// Reads an answer of the tools module.
pub fn decode<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
    json::from_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::bounds::RankBounds;
    use crate::analysis::reach::WeightReach;

    fn request(unit: usize, target: u32) -> String {
        limited_request(unit, target, None)
    }

    fn limited_request(unit: usize, target: u32, limits: Option<WeightLimits>) -> String {
        let b = seeds::bundle();
        AnalysisRequest {
            data: Cow::Owned(b.data),
            scenario: Cow::Owned(Scenario::default_for(&b.system)),
            unit,
            target,
            limits,
            lang: Lang::En,
            system_json: None,
        }
        .to_json()
    }

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 1e-12)
    }

    fn import_direct(bytes: &[u8], name: &str) -> ImportReport {
        let options = ImportOptions {
            sheet: None,
            meta: import::meta_from_file_name(name),
            read_system_sheet: false,
        };
        import::import_bundled(bytes, &options)
    }

    #[test]
    fn an_import_summary_carries_the_report_messages_in_every_language() {
        let text = "adcode,name_zh,revenue,colour\n350102,鼓楼区,abc,x\n350103,台江区,12.5,y\n";
        let summary: ImportSummary = decode(&import_file(text.as_bytes(), "x.csv", None)).unwrap();
        let direct = import_direct(text.as_bytes(), "x.csv");
        assert!(summary.dataset.is_none() && !direct.errors.is_empty());
        assert_eq!(summary.errors.len(), direct.errors.len());
        for (s, d) in summary.errors.iter().zip(&direct.errors) {
            assert_eq!((s.row, &s.column), (d.row, &d.column));
            // The location is the table's columns; the message is the rest of the full message.
            for &lang in Lang::ALL {
                assert!(!s.message.get(lang).is_empty());
                assert!(d.message(lang).ends_with(s.message.get(lang)));
            }
        }
        let warnings: Vec<String> = direct
            .warnings
            .iter()
            .map(|w| w.message(Lang::En))
            .collect();
        let got: Vec<&str> = summary.warnings.iter().map(|w| w.get(Lang::En)).collect();
        assert_eq!(got, warnings);
        assert!(!got.is_empty());
        assert_eq!(
            summary.matched_indicators,
            direct.matched_indicators_count()
        );
    }

    #[test]
    fn an_imported_data_set_keeps_its_missing_values_and_its_hash() {
        let mut data = seeds::bundle().data;
        data.set(3, 2, None);
        let back: Dataset = decode(&serde_json::to_string(&data).unwrap()).unwrap();
        assert_eq!(back.get(3, 2), None);
        assert_eq!(back.content_hash(), data.content_hash());
        let csv = seeds::DATA_2024_CSV.as_bytes();
        let summary: ImportSummary = decode(&import_file(csv, "data 2024.csv", None)).unwrap();
        let direct = import_direct(csv, "data 2024.csv").dataset.unwrap();
        let got = summary.dataset.unwrap();
        assert_eq!((got.n_units(), got.meta.year), (83, Some(2024)));
        assert_eq!(got.content_hash(), direct.content_hash());
        assert_eq!(summary.known_units, 83);
    }

    #[test]
    fn sheets_round_trip_with_empty_and_non_finite_numbers() {
        use crate::data::xlsx_writer::XCell;
        let sheets = vec![Sheet {
            name: "s".into(),
            rows: vec![vec![
                XCell::Number(f64::NAN),
                XCell::Number(2.5),
                XCell::Empty,
            ]],
            widths: vec![8.0],
            ..Sheet::default()
        }];
        let json = serde_json::to_string(&sheets).unwrap();
        let back: Vec<Sheet> = decode(&json).unwrap();
        assert!(matches!(back[0].rows[0][0], XCell::Number(v) if v.is_nan()));
        assert_eq!(back[0].rows[0][1], XCell::Number(2.5));
        assert_eq!(write_xlsx(&json).unwrap()[..4], *b"PK\x03\x04");
        assert!(write_xlsx("[{").is_err());
    }

    #[test]
    fn exact_analyses_answer_as_the_library_does() {
        let b = seeds::bundle();
        let scenario = Scenario::default_for(&b.system);
        let model = DimensionModel::new(&b.system, &b.data, &scenario).unwrap();
        let t = model.ranked[20];
        let got: Result<RankBounds, String> = decode(&rank_bounds(&request(t, 0))).unwrap();
        let want = bounds::rank_bounds(&b.system, &b.data, &model, t).unwrap();
        assert_eq!(got.unwrap(), want);
        let got: Result<WeightReach, String> = decode(&weight_reach(&request(t, 5))).unwrap();
        let want = reach::weight_reach(&b.system, &b.data, &model, t, 5).unwrap();
        assert_eq!(got.unwrap(), want);
        // Errors come back as messages in the request's language.
        let got: Result<WeightReach, String> = decode(&weight_reach(&request(t, 0))).unwrap();
        assert!(got.unwrap_err().contains("target rank 0"));
        let got: Result<WeightReach, String> = decode(&weight_reach("{}")).unwrap();
        assert!(got.unwrap_err().starts_with("bad request"));
    }

    #[test]
    fn bounds_and_reach_within_limits_keep_every_share_within_them() {
        let b = seeds::bundle();
        let scenario = Scenario::default_for(&b.system);
        let model = DimensionModel::new(&b.system, &b.data, &scenario).unwrap();
        let t = model.ranked[40];
        let limits = WeightLimits::new(0.05, 0.5, model.n_dimensions).unwrap();
        let got: Result<RankBounds, String> =
            decode(&rank_bounds(&limited_request(t, 0, Some(limits)))).unwrap();
        let got = got.unwrap();
        let free: Result<RankBounds, String> = decode(&rank_bounds(&request(t, 0))).unwrap();
        let free = free.unwrap();
        // Fewer weightings can only narrow the span of ranks.
        assert!(got.best_rank >= free.best_rank && got.worst_rank <= free.worst_rank);
        for (w, rank) in [
            (&got.best_weights, got.best_rank),
            (&got.worst_weights, got.worst_rank),
        ] {
            assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
            assert!(
                w.iter().all(|&x| (0.05 - 1e-9..=0.5 + 1e-9).contains(&x)),
                "{w:?}"
            );
            // Re-scoring the witness from scratch gives the rank reported.
            let sc = model.scenario_for(w);
            assert_eq!(
                crate::score::score(&b.system, &b.data, &sc).unwrap().rank[t],
                rank
            );
        }
        let limited = model.clone().with_limits(limits).unwrap();
        let want = bounds::rank_bounds(&b.system, &b.data, &limited, t).unwrap();
        // JSON may move a float by its last bit.
        assert_eq!(
            (got.best_rank, got.worst_rank),
            (want.best_rank, want.worst_rank)
        );
        assert!(close(&got.best_weights, &want.best_weights));
        assert!(close(&got.worst_weights, &want.worst_weights));
        let got: Result<WeightReach, String> =
            decode(&weight_reach(&limited_request(t, 30, Some(limits)))).unwrap();
        if let Ok(WeightReach::Reachable { weights, .. }) = got {
            assert!(weights
                .iter()
                .all(|&x| (0.05 - 1e-9..=0.5 + 1e-9).contains(&x)));
        }
        // Limits no weighting meets are refused with their own message.
        let none = WeightLimits { min: 0.3, max: 0.5 };
        let got: Result<RankBounds, String> =
            decode(&rank_bounds(&limited_request(t, 0, Some(none)))).unwrap();
        assert!(got.is_err());
        let missing_limits = request(t, 0).replace(",\"limits\":null", "");
        assert!(!missing_limits.contains("limits"));
        let got: Result<RankBounds, String> = decode(&rank_bounds(&missing_limits)).unwrap();
        assert_eq!(got.unwrap(), free);
    }

    #[test]
    fn the_plan_answers_as_the_library_does_and_re_scores_to_its_rank() {
        let b = seeds::bundle();
        let scenario = Scenario::default_for(&b.system);
        let model = DimensionModel::new(&b.system, &b.data, &scenario).unwrap();
        let t = model.ranked[40];
        let adcode = b.data.units[t].adcode.clone();
        let got: Result<Plan, String> = decode(&plan(&request(t, 31))).unwrap();
        let got = got.unwrap();
        let want = plan::plan(&b.system, &b.data, &scenario, &adcode, 31, None).unwrap();
        // JSON may move a float by its last bit.
        let values = |p: &Plan| -> Vec<f64> {
            p.changes
                .iter()
                .flat_map(|c| [c.indicator as f64, c.before, c.after, c.share_of_range])
                .chain([p.cost])
                .collect()
        };
        assert!(close(&values(&got), &values(&want)));
        assert_eq!(
            (got.rank, got.current_rank, got.verified, &got.excluded),
            (want.rank, want.current_rank, want.verified, &want.excluded)
        );
        assert_eq!(got.outcome, plan::PlanOutcome::Reached);
        let mut work = b.data.clone();
        for c in &got.changes {
            assert!(c.after > c.before);
            work.set(t, c.indicator, Some(c.after));
        }
        let rank = crate::score::score(&b.system, &work, &scenario)
            .unwrap()
            .rank[t];
        assert!(rank > 0 && rank <= 31, "{rank}");
        // A method the plan does not model is named in the request's language.
        let mut geometric = scenario.clone();
        geometric.aggregation = crate::model::Aggregation::Geometric;
        let text = AnalysisRequest {
            data: Cow::Borrowed(&b.data),
            scenario: Cow::Borrowed(&geometric),
            unit: t,
            target: 31,
            limits: None,
            lang: Lang::Zh,
            system_json: None,
        }
        .to_json();
        let got: Result<Plan, String> = decode(&plan(&text)).unwrap();
        let zh = plan::plan(&b.system, &b.data, &geometric, &adcode, 31, None)
            .unwrap_err()
            .message(Lang::Zh);
        assert_eq!(got.unwrap_err(), zh);
    }
}
