//! The interface between the page and its on-demand tools module (`src/bin/fjindex-tools.rs`): file
//! import, XLSX writing and the exact mixed-integer analyses (rank bounds and weight reach, optionally
//! within dimension weight limits, and the cheapest plan across indicators), with requests and answers
//! as JSON.
//!
//! The page's own WebAssembly module never calls the functions here; it only builds requests and reads
//! answers. The tools module wraps each function in a `#[wasm_bindgen]` export, so calamine, zip,
//! encoding_rs and the MIP solver are linked into it alone. Everything runs against the bundled
//! indicator system, which is the only one the page uses.

pub use fjindex_engine::tools_api::*;

use crate::analysis::plan::{self, Plan};
use crate::analysis::{bounds, reach, DimensionModel};
use crate::data::import::{self, ImportOptions};
use crate::data::xlsx_writer::{self, Sheet};
use crate::json;
use serde::Serialize;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::bounds::RankBounds;
    use crate::analysis::reach::WeightReach;
    use crate::analysis::WeightLimits;
    use crate::data::import::ImportReport;
    use crate::data::seeds;
    use crate::model::{Dataset, Lang, Scenario};
    use std::borrow::Cow;

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
