//! The text the `ahp`, `uncertainty`, `sensitivity`, `reach`, `plan` and `bounds` commands print, as pure functions over a loaded
//! data set and scenario, so they are tested without spawning a process.

use super::bounds::{all_bounds, precomputed, to_csv};
use super::plan::{plan, PlanOutcome};
use super::reach::{weight_reach, WeightReach};
use super::sensitivity::{self, SensitivityConfig, MAX_BASE_SAMPLES};
use super::sobol::{Estimate, OutputIndices, BOOTSTRAP_RESAMPLES};
use super::uncertainty::{run, UncertaintyConfig, MAX_SAMPLES};
use super::{DimensionModel, WeightLimits};
use crate::method::ahp;
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use serde_json::{json, Map, Value};

/// The language of the commands' error messages.
const CLI_LANG: Lang = Lang::En;

/// Parses a comparison matrix: `n` rows of `n` numbers, the upper triangle with its diagonal
/// (rows of n, n-1, ..., 1 numbers), or the upper triangle without it (rows of n-1, ..., 1).
/// Numbers may be fractions such as `1/3`, separated by spaces, tabs or commas; `#` starts a comment.
pub fn parse_matrix(text: &str, n: usize) -> Result<Vec<f64>, String> {
    let mut rows: Vec<Vec<f64>> = Vec::new();
    for (line_no, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("");
        let mut row = Vec::new();
        for token in line
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| !t.is_empty())
        {
            row.push(
                parse_number(token)
                    .ok_or_else(|| format!("line {}: '{token}' is not a number", line_no + 1))?,
            )
        }
        if !row.is_empty() {
            rows.push(row);
        }
    }
    let lengths: Vec<usize> = rows.iter().map(Vec::len).collect();
    let mut m = vec![1.0; n * n];
    if lengths == vec![n; n] {
        return Ok(rows.concat());
    }
    let with_diagonal: Vec<usize> = (1..=n).rev().collect();
    let without_diagonal: Vec<usize> = (1..n).rev().collect();
    let skip = if lengths == with_diagonal {
        1
    } else if lengths == without_diagonal {
        0
    } else {
        return Err(format!(
            "expected {n} rows of {n} numbers or an upper triangle (rows of {n}..1 or {}..1 numbers), got rows of {lengths:?}",
            n.saturating_sub(1)
        ));
    };
    for (r, row) in rows.iter().enumerate() {
        if skip == 1 && (row[0] - 1.0).abs() > 1e-12 {
            return Err(format!("row {}: the diagonal entry must be 1", r + 1));
        }
        for (k, &v) in row.iter().skip(skip).enumerate() {
            m[r * n + r + 1 + k] = v;
        }
    }
    for r in 0..n {
        for c in r + 1..n {
            if m[r * n + c].is_nan() || m[r * n + c] <= 0.0 {
                return Err(format!("row {}, column {}: must be positive", r + 1, c + 1));
            }
        }
    }
    ahp::complete_reciprocals(&mut m, n);
    Ok(m)
}

fn parse_number(token: &str) -> Option<f64> {
    match token.split_once('/') {
        Some((a, b)) => Some(a.trim().parse::<f64>().ok()? / b.trim().parse::<f64>().ok()?),
        None => token.parse().ok(),
    }
}

fn weights_object(system: &IndicatorSystem, w: &[f64]) -> Value {
    Value::Object(
        system
            .dimensions
            .iter()
            .zip(w)
            .map(|(d, &w)| (d.id.clone(), json!(w)))
            .collect::<Map<_, _>>(),
    )
}

/// `fjindex ahp --matrix FILE`: weights, lambda_max, CI, CR and the verdict as JSON.
pub fn ahp_json(system: &IndicatorSystem, matrix_text: &str) -> Result<String, String> {
    let n = system.n_dimensions();
    let matrix = parse_matrix(matrix_text, n)?;
    let result = ahp::weights(&matrix, n).map_err(|e| e.message(CLI_LANG))?;
    let out = json!({
        "weights": weights_object(system, &result.weights),
        "lambda_max": result.lambda_max,
        "ci": result.consistency_index,
        "cr": result.consistency_ratio,
        "consistent": result.is_consistent(),
        "random_index": ahp::SAATY_RANDOM_INDEX[n - 1],
        "random_index_source": "Saaty (1980), The Analytic Hierarchy Process",
    });
    Ok(serde_json::to_string_pretty(&out).expect("JSON") + "\n")
}

/// `--samples`: a whole number from 1 to [`MAX_SAMPLES`].
pub fn parse_samples(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_SAMPLES).contains(&n) => Ok(n),
        _ => Err(format!(
            "--samples must be a whole number from 1 to {MAX_SAMPLES}, got {text}"
        )),
    }
}

/// `--noise`: a number from 0 up to (not including) 1.
pub fn parse_noise(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(x) if (0.0..1.0).contains(&x) => Ok(x),
        _ => Err(format!(
            "--noise must be a number from 0 up to (not including) 1, got {text}"
        )),
    }
}

/// `--seed`: a whole number from 0 to 18446744073709551615.
pub fn parse_seed(text: &str) -> Result<u64, String> {
    text.trim().parse::<u64>().map_err(|_| {
        format!(
            "--seed must be a whole number from 0 to {}, got {text}",
            u64::MAX
        )
    })
}

/// `--target`: a rank, a whole number of at least 1 (and at most the number of ranked units, which
/// [`reach_json`] checks once the data set is loaded).
pub fn parse_target(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!(
            "--target must be a rank, a whole number from 1 to the number of ranked units, got {text}"
        )),
    }
}

/// `fjindex uncertainty`: CSV (`adcode,nominal_rank,median_rank,p05,p95`) or JSON with the separation flags.
pub fn uncertainty_text(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    config: UncertaintyConfig,
    json_format: bool,
) -> Result<String, String> {
    parse_samples(&config.samples.to_string())?;
    parse_noise(&config.noise.to_string())?;
    let result = run(system, data, scenario, config).map_err(|e| e.message(CLI_LANG))?;
    if !json_format {
        return Ok(result.to_csv());
    }
    let rows: Vec<Value> = result
        .rows
        .iter()
        .map(|r| {
            json!({
                "adcode": r.adcode,
                "name_zh": data.units[r.unit].name_zh,
                "nominal_rank": r.nominal_rank,
                "median_rank": r.median_rank,
                "p05": r.p05,
                "p95": r.p95,
                "above_next": r.above_next,
                "unsettled_above": r.unsettled_above(),
                "unsettled_below": r.unsettled_below(),
            })
        })
        .collect();
    let c = &result.config;
    let out = json!({"samples": result.samples, "noise": c.noise, "seed": c.seed, "vary_methods": c.vary_methods, "units": rows});
    Ok(serde_json::to_string_pretty(&out).expect("JSON") + "\n")
}

/// `sensitivity --samples`: a whole number of base samples from 2 to [`MAX_BASE_SAMPLES`].
pub fn parse_base_samples(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if (2..=MAX_BASE_SAMPLES).contains(&n) => Ok(n),
        _ => Err(format!(
            "--samples must be a whole number from 2 to {MAX_BASE_SAMPLES}, got {text}"
        )),
    }
}

/// One output's indices as JSON: its variance and, per input, the first-order and total-effect
/// estimates with their bootstrap 95 % intervals (null where the output does not vary).
fn indices_json(
    system: &IndicatorSystem,
    inputs: &[sensitivity::SensitivityInput],
    o: &OutputIndices,
) -> Value {
    let estimate = |e: &Estimate| json!({"value": e.value, "low": e.low, "high": e.high});
    let per_input = |estimates: &[Estimate]| -> Value {
        inputs
            .iter()
            .zip(estimates)
            .map(|(input, e)| (input.id(system), estimate(e)))
            .collect::<Map<_, _>>()
            .into()
    };
    json!({
        "variance": o.variance,
        "first_order": per_input(&o.first_order),
        "total_effect": per_input(&o.total_effect),
        "dominant_input": o.dominant_input().map(|i| inputs[i].id(system)),
    })
}

/// `fjindex sensitivity --format json`: Sobol first-order and total-effect indices of the mean rank
/// shift (and of a county's rank) over the dimension weights and the method steps, with a sentence
/// per language naming the input that drives the ranking most.
pub fn sensitivity_json(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    config: SensitivityConfig,
    county: Option<&str>,
) -> Result<String, String> {
    parse_base_samples(&config.base_samples.to_string())?;
    parse_noise(&config.noise.to_string())?;
    let county = match county {
        Some(adcode) => {
            let model =
                DimensionModel::new(system, data, scenario).map_err(|e| e.message(CLI_LANG))?;
            Some(model.ranked_unit(adcode).map_err(|e| e.message(CLI_LANG))?)
        }
        None => None,
    };
    let result = sensitivity::run(system, data, scenario, config, county)
        .map_err(|e| e.message(CLI_LANG))?;
    let inputs: Vec<Value> = result
        .inputs
        .iter()
        .map(|input| match input.levels() {
            None => json!({"id": input.id(system), "distribution": "uniform", "low": 1.0 - result.config.noise, "high": 1.0 + result.config.noise}),
            Some(levels) => json!({"id": input.id(system), "distribution": "levels", "levels": levels}),
        })
        .collect();
    let mut outputs = vec![json!({"id": "mean_rank_shift"})];
    if let Some((u, _)) = &result.county {
        outputs.push(json!({"id": "county_rank", "adcode": data.units[*u].adcode, "name_zh": data.units[*u].name_zh}));
    }
    let indices = std::iter::once(&result.rank_shift).chain(result.county.as_ref().map(|(_, o)| o));
    for (out, o) in outputs.iter_mut().zip(indices) {
        if let (Value::Object(out), Value::Object(more)) =
            (out, indices_json(system, &result.inputs, o))
        {
            out.extend(more);
        }
    }
    let c = &result.config;
    let mut out = json!({
        "base_samples": c.base_samples,
        "runs": result.runs,
        "noise": c.noise,
        "seed": c.seed,
        "bootstrap_resamples": BOOTSTRAP_RESAMPLES,
        "inputs": inputs,
        "outputs": outputs,
    });
    if let Value::Object(o) = &mut out {
        o.extend(Lang::ALL.iter().map(|&lang| {
            (
                format!("message_{}", lang.id()),
                json!(result.sentence(system, lang)),
            )
        }));
    }
    Ok(serde_json::to_string_pretty(&out).expect("JSON") + "\n")
}

/// `--weight-min` and `--weight-max`: a dimension's share of the total weight in percent, 0 to 100.
pub fn parse_weight_percent(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!(
            "--weight-min and --weight-max must be a percentage from 0 to 100, got {text}"
        )),
    }
}

/// The limits `--weight-min` and `--weight-max` (percentages) set for the system's dimensions, or why no
/// weighting can meet them.
pub fn weight_limits(
    system: &IndicatorSystem,
    min_percent: f64,
    max_percent: f64,
) -> Result<WeightLimits, String> {
    WeightLimits::new(
        min_percent / 100.0,
        max_percent / 100.0,
        system.n_dimensions(),
    )
    .map_err(|e| e.message(CLI_LANG))
}

/// The scenario's model with bounds and reach confined to `limits`.
fn limited_model(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    limits: WeightLimits,
) -> Result<DimensionModel, String> {
    DimensionModel::new(system, data, scenario)
        .map_err(|e| e.message(CLI_LANG))?
        .with_limits(limits)
        .map_err(|e| e.message(CLI_LANG))
}

/// `fjindex reach --county ADCODE --target K`: the nearest weights reaching the target, as JSON.
pub fn reach_json(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    adcode: &str,
    target: u32,
) -> Result<String, String> {
    reach_json_within(system, data, scenario, adcode, target, WeightLimits::ANY)
}

/// [`reach_json`] with the weights confined to `limits`; the JSON then also gives them as
/// `weight_min` and `weight_max` (shares).
pub fn reach_json_within(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    adcode: &str,
    target: u32,
    limits: WeightLimits,
) -> Result<String, String> {
    let model = limited_model(system, data, scenario, limits)?;
    let t = model.ranked_unit(adcode).map_err(|e| e.message(CLI_LANG))?;
    let reach = weight_reach(system, data, &model, t, target).map_err(|e| e.message(CLI_LANG))?;
    let mut out = json!({
        "adcode": adcode,
        "name_zh": data.units[t].name_zh,
        "target": target,
        "current_rank": model.nominal_rank[t],
        "current_weights": weights_object(system, &model.weights),
    });
    let messages = Lang::ALL.iter().map(|&lang| {
        (
            format!("message_{}", lang.id()),
            json!(reach.sentence(system, target, lang)),
        )
    });
    let extra = match &reach {
        WeightReach::Already { rank } => {
            json!({"reachable": true, "rank": rank, "l1_change": 0.0, "weights": weights_object(system, &model.weights)})
        }
        WeightReach::Reachable {
            weights,
            rank,
            change,
        } => {
            json!({"reachable": true, "rank": rank, "l1_change": change, "weights": weights_object(system, weights)})
        }
        WeightReach::Unreachable { best_rank } => {
            json!({"reachable": false, "best_rank": best_rank})
        }
    };
    if let (Value::Object(o), Value::Object(e)) = (&mut out, extra) {
        if !limits.is_any() {
            o.insert("weight_min".into(), json!(limits.min));
            o.insert("weight_max".into(), json!(limits.max));
        }
        o.extend(messages);
        o.extend(e);
    }
    Ok(serde_json::to_string_pretty(&out).expect("JSON") + "\n")
}

/// `fjindex bounds --format csv`: best and worst ranks with witnesses, in adcode order.
pub fn bounds_text(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    use_precomputed: bool,
) -> Result<String, String> {
    bounds_text_within(system, data, scenario, use_precomputed, WeightLimits::ANY)
}

/// [`bounds_text`] over the weightings within `limits`; the precomputed table holds for no limits only.
pub fn bounds_text_within(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    use_precomputed: bool,
    limits: WeightLimits,
) -> Result<String, String> {
    if use_precomputed && limits.is_any() {
        if let Some(b) = precomputed(system, data, scenario) {
            return Ok(to_csv(system, &b));
        }
    }
    let model = limited_model(system, data, scenario, limits)?;
    let bounds = all_bounds(system, data, &model).map_err(|e| e.message(CLI_LANG))?;
    Ok(to_csv(system, &bounds))
}

/// `--indicators`: indicator ids separated by commas, the only ones a plan may raise.
pub fn parse_indicators(system: &IndicatorSystem, text: &str) -> Result<Vec<usize>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(|id| {
            system
                .indicator_index(id)
                .ok_or_else(|| format!("unknown indicator '{id}'"))
        })
        .collect()
}

/// `fjindex plan --county ADCODE --target K`: the cheapest rise across indicators reaching the target,
/// as CSV (one row per changed or excluded indicator) or JSON.
pub fn plan_text(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    adcode: &str,
    target: u32,
    indicators: Option<&str>,
    json_format: bool,
) -> Result<String, String> {
    let allowed = indicators
        .map(|text| parse_indicators(system, text))
        .transpose()?;
    let found = plan(system, data, scenario, adcode, target, allowed.as_deref())
        .map_err(|e| e.message(CLI_LANG))?;
    let outcome = match found.outcome {
        PlanOutcome::Already => "already",
        PlanOutcome::Reached => "reached",
        PlanOutcome::Unreachable => "unreachable",
    };
    if !json_format {
        let mut out = String::from("indicator,before,after,change,share_of_range,excluded\n");
        for c in &found.changes {
            let ind = &system.indicators[c.indicator];
            out += &format!(
                "{},{},{},{},{},\n",
                ind.id,
                ind.format(c.before),
                ind.format(c.after),
                ind.format(c.change),
                c.share_of_range
            );
        }
        for (i, reason) in &found.excluded {
            out += &format!("{},,,,,{}\n", system.indicators[*i].id, reason.id());
        }
        return Ok(out);
    }
    let changes: Vec<Value> = found
        .changes
        .iter()
        .map(|c| {
            json!({
                "indicator": system.indicators[c.indicator].id,
                "before": c.before,
                "after": c.after,
                "change": c.change,
                "share_of_range": c.share_of_range,
            })
        })
        .collect();
    let excluded: Vec<Value> = found
        .excluded
        .iter()
        .map(|(i, reason)| {
            json!({
                "indicator": system.indicators[*i].id,
                "reason": reason.id(),
                "message_en": reason.message(Lang::En),
                "message_zh": reason.message(Lang::Zh),
            })
        })
        .collect();
    let mut out = json!({
        "adcode": adcode,
        "name_zh": data.units[found.unit].name_zh,
        "target": target,
        "current_rank": found.current_rank,
        "outcome": outcome,
        "rank": found.rank,
        "verified": found.verified,
        "cost": found.cost,
        "changes": changes,
        "excluded": excluded,
    });
    if let Value::Object(o) = &mut out {
        o.extend(Lang::ALL.iter().map(|&lang| {
            (
                format!("message_{}", lang.id()),
                json!(found.sentence(system, lang)),
            )
        }));
    }
    Ok(serde_json::to_string_pretty(&out).expect("JSON") + "\n")
}
