//! The logic behind the `fjindex` command line: flag parsing into a scenario, and the printed outputs.
//!
//! Functions return the text to print or an error message, so they are tested without spawning a process.

use crate::analysis::audit::{self, IndicatorAudit};
use crate::analysis::change::{change_csv, change_json, edition_change};
use crate::analysis::coherence::{self, Coherence, CoherenceFlag};
use crate::analysis::common_system::in_common;
use crate::data::csv_text::spreadsheet_text;
use crate::data::export::{RankingExport, RankingXlsx};
use crate::data::export_name::CalendarDate;
use crate::data::import::{self, ImportOptions};
use crate::data::provenance::Provenance;
use crate::data::seeds;
use crate::echo::clip;
use crate::method::weight;
use crate::model::{
    Aggregation, Choice, Dataset, IndicatorSystem, Lang, Normalisation, Scaling, Scenario,
    Treatment, TreatmentKind, Weighting,
};
use crate::score::{score, Ranking};
use crate::system_check;
use crate::validate::{self, WeightProblem};
use std::fmt::Write;

/// The language of the command line's messages (errors and warnings); `rank --lang` sets only the
/// language of the XLSX workbook.
const MESSAGE_LANG: Lang = Lang::En;

/// The method flags every scoring command accepts.
#[derive(Clone, Debug, Default)]
pub struct RankArgs {
    pub data: Option<String>,
    pub weights: Option<String>,
    pub indicator_weights: Option<String>,
    pub normalize: String,
    pub weighting: String,
    pub aggregate: String,
    /// Per-indicator treatments as a link's `tr=` writes them (`revenue:log,chain_output_share:jrc`), or
    /// one treatment for every indicator (`jrc`).
    pub treatment: Option<String>,
    /// The edition (year) of a data file that holds several; the latest when `None`.
    pub edition: Option<i32>,
    /// An indicator system file; the white paper's when `None`.
    pub system: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Csv,
    Json,
}

/// The identifiers of every alternative of a method step, for the flags' possible values.
pub fn choice_ids<C: Choice>() -> Vec<&'static str> {
    C::ALL.iter().map(|c| c.id()).collect()
}

/// The alternative of a method step with identifier `s`, or a message naming the ones there are.
fn parse_choice<C: Choice>(s: &str, allowed: &[C], what: &str) -> Result<C, String> {
    C::from_id(s)
        .filter(|c| allowed.contains(c))
        .ok_or_else(|| {
            let ids: Vec<&str> = allowed.iter().map(|c| c.id()).collect();
            format!("unknown {what} '{}' ({})", clip(s), ids.join(", "))
        })
}

pub fn parse_normalisation(s: &str) -> Result<Normalisation, String> {
    parse_choice(s, Normalisation::ALL, "normalisation")
}

/// The weightings the flags accept: all but AHP, whose comparison matrix no flag carries (`fjindex ahp`
/// computes AHP weights from a file).
pub fn cli_weightings() -> Vec<Weighting> {
    Weighting::ALL
        .iter()
        .copied()
        .filter(|w| *w != Weighting::Ahp)
        .collect()
}

pub fn parse_weighting(s: &str) -> Result<Weighting, String> {
    parse_choice(s, &cli_weightings(), "weighting")
}

pub fn parse_aggregation(s: &str) -> Result<Aggregation, String> {
    parse_choice(s, Aggregation::ALL, "aggregation")
}

/// Parses `--treatment`: `id:treatment,id:treatment` as a link's `tr=` (unnamed indicators untreated), or
/// one treatment for every indicator. A treatment is `none`, `log`, `jrc` or `wLO-HI` (percentiles).
pub fn parse_treatments(spec: &str, system: &IndicatorSystem) -> Result<Vec<Treatment>, String> {
    let one = |text: &str| {
        Treatment::from_text(text.trim()).ok_or_else(|| {
            let ids: Vec<&str> = TreatmentKind::ALL
                .iter()
                .map(|k| match k {
                    TreatmentKind::Winsorise => "wLO-HI",
                    k => k.id(),
                })
                .collect();
            format!(
                "unknown treatment '{}' ({})",
                clip(text.trim()),
                ids.join(", ")
            )
        })
    };
    if !spec.contains(':') {
        return Ok(vec![one(spec)?; system.n_indicators()]);
    }
    let mut out = vec![Treatment::None; system.n_indicators()];
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (id, text) = part
            .split_once(':')
            .ok_or_else(|| format!("'{}' is not indicator:treatment", clip(part)))?;
        let i = system
            .indicator_index(id.trim())
            .ok_or_else(|| format!("unknown indicator '{}'", clip(id.trim())))?;
        out[i] = one(text)?;
    }
    Ok(out)
}

/// Parses `id=weight,id=weight` into `target`, indexing ids with `index`. Each weight passes
/// `validate::check_weight` (a number from 0 to 100; a subnormal one is read as 0).
pub fn parse_weight_list(
    spec: &str,
    target: &mut [f64],
    index: impl Fn(&str) -> Option<usize>,
    what: &str,
) -> Result<(), String> {
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (id, value) = part
            .split_once('=')
            .ok_or_else(|| format!("'{}' is not {what}=weight", clip(part)))?;
        let k = index(id.trim()).ok_or_else(|| format!("unknown {what} '{}'", clip(id.trim())))?;
        let w: f64 = value
            .trim()
            .parse()
            .map_err(|_| format!("weight '{}' of {id} is not a number", clip(value.trim())))?;
        target[k] = validate::check_weight(w).map_err(|problem| {
            let why = match problem {
                WeightProblem::NotFinite => "is not a finite number",
                WeightProblem::Negative => "is negative",
                WeightProblem::AboveMax => "is above 100",
            };
            format!(
                "the weight of {} ({}) {why}; weights go from 0 to 100",
                clip(id.trim()),
                validate::echo_number(w)
            )
        })?;
    }
    Ok(())
}

/// The white paper's indicator system, or the one in a file of the `seeds/indicators.json` format
/// (`higher_is_better` is the direction), checked as the page checks an edited system.
pub fn load_system(path: Option<&str>) -> Result<SystemInUse, String> {
    let Some(path) = path else {
        return Ok(SystemInUse {
            system: seeds::indicator_system(),
            from_flag: false,
        });
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let system = IndicatorSystem::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    let problems = system_check::check_system(&system);
    if !problems.is_empty() {
        let messages: Vec<String> = problems.iter().map(|p| p.message(MESSAGE_LANG)).collect();
        return Err(format!("{path}: {}", messages.join("; ")));
    }
    Ok(SystemInUse {
        system,
        from_flag: true,
    })
}

/// The indicator system a command scores with: the white paper's, `--system`'s, or, without that flag,
/// the one a workbook's "指标体系" sheet brings (loading data replaces it then).
pub struct SystemInUse {
    pub system: IndicatorSystem,
    /// Given with `--system`, which a workbook's sheet does not override.
    pub from_flag: bool,
}

/// The indicator system and the data set the flags name.
pub fn load(args: &RankArgs) -> Result<(IndicatorSystem, Dataset), String> {
    let mut system = load_system(args.system.as_deref())?;
    let data = load_data(&mut system, args.data.as_deref(), args.edition)?;
    Ok((system.system, data))
}

/// Loads the bundled data set (its values matched to `system` by indicator id, with a note on stderr
/// for indicators it has none for) or a data file (CSV in UTF-8, GBK or UTF-16, XLSX, XLS) through the
/// page's importer, with its messages; of a file with several editions, `edition` (default: the
/// latest), which a line on stderr names. Prints the importer's warnings (implausible values among
/// them) on stderr.
pub fn load_data(
    system: &mut SystemInUse,
    path: Option<&str>,
    edition: Option<i32>,
) -> Result<Dataset, String> {
    let Some(path) = path else {
        if edition.is_some() {
            return Err(
                "--edition needs --data: the bundled data set has one edition (2024)".into(),
            );
        }
        let (data, without) = seeds::bundled_data_for(&system.system);
        if !without.is_empty() {
            let ids: Vec<&str> = without
                .iter()
                .map(|&i| system.system.indicators[i].id.as_str())
                .collect();
            eprintln!(
                "note: the bundled data has no values for {}; give them with --data",
                ids.join(", ")
            );
        }
        return Ok(data);
    };
    let mut editions = load_editions(system, path)?;
    let years: Vec<String> = editions
        .iter()
        .filter_map(|d| d.meta.year)
        .map(|y| y.to_string())
        .collect();
    let chosen = match edition {
        None => editions.len() - 1,
        Some(year) => editions
            .iter()
            .position(|d| d.meta.year == Some(year))
            .ok_or_else(|| match years.is_empty() {
                true => format!("{path} holds one data set without editions; drop --edition"),
                false => format!(
                    "{path} has no edition {year}; its editions are {}",
                    years.join(", ")
                ),
            })?,
    };
    let data = editions.swap_remove(chosen);
    if years.len() > 1 {
        eprintln!(
            "note: {path} holds the editions {}; using {}",
            years.join(", "),
            data.meta.year.map_or_else(String::new, |y| y.to_string())
        );
    }
    Ok(data)
}

/// Every edition of a data file, oldest first (one for a file without editions), read as the page
/// imports it; warnings go to stderr, problems make the error.
pub fn load_editions(system: &mut SystemInUse, path: &str) -> Result<Vec<Dataset>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let file_name = std::path::Path::new(path)
        .file_name()
        .map_or(path.into(), |n| n.to_string_lossy());
    let options = ImportOptions {
        sheet: None,
        meta: import::meta_from_file_name(&file_name),
        read_system_sheet: !system.from_flag,
    };
    let (counties, aliases) = (seeds::counties(), import::aliases());
    let reference = import::Reference {
        system: &system.system,
        counties: &counties,
        aliases: &aliases,
    };
    let report = import::import(&bytes, &options, &reference);
    if !report.errors.is_empty() {
        return Err(report
            .errors
            .iter()
            .map(|e| e.message(MESSAGE_LANG))
            .collect::<Vec<_>>()
            .join("\n"));
    }
    for warning in &report.warnings {
        eprintln!("warning: {}", warning.message(MESSAGE_LANG));
    }
    if let Some(sheet_system) = report.system {
        eprintln!(
            "note: {path} brings its indicator system (sheet {}); scoring with it",
            crate::data::system_sheet::SHEET_NAME
        );
        system.system = sheet_system;
    }
    let mut editions = if report.editions.is_empty() {
        report.dataset.into_iter().collect()
    } else {
        report.editions
    };
    for data in &mut editions {
        data.meta.source = path.to_string();
    }
    Ok(editions)
}

/// Builds the scenario the flags describe.
pub fn scenario_from_args(system: &IndicatorSystem, args: &RankArgs) -> Result<Scenario, String> {
    let mut scenario = Scenario::default_for(system);
    scenario.normalisation = parse_normalisation(&args.normalize)?;
    scenario.weighting = parse_weighting(&args.weighting)?;
    scenario.aggregation = parse_aggregation(&args.aggregate)?;
    let derived = matches!(scenario.weighting, Weighting::Entropy | Weighting::Critic);
    if derived && (args.weights.is_some() || args.indicator_weights.is_some()) {
        return Err(format!(
            "--weighting {} derives all weights from the data; drop --weights and --indicator-weights",
            args.weighting
        ));
    }
    if let Some(spec) = &args.weights {
        parse_weight_list(
            spec,
            &mut scenario.dimension_weights,
            |id| system.dimension_index(id),
            "dimension",
        )?;
    }
    if let Some(spec) = &args.indicator_weights {
        parse_weight_list(
            spec,
            &mut scenario.indicator_weights,
            |id| system.indicator_index(id),
            "indicator",
        )?;
    }
    if let Some(spec) = &args.treatment {
        scenario.treatments = parse_treatments(spec, system)?;
    }
    validate::check_scenario(system, &scenario).map_err(|e| e.message(MESSAGE_LANG, system))
}

/// `fjindex audit`: the data checks of every indicator ([`audit::audit`]) on the data as imported, and
/// the coherence of the index ([`coherence::coherence`]) on the values the method flags score. CSV has
/// one row per indicator, ending with its Pearson correlation with its dimension's score and its
/// dimension's Cronbach's alpha; JSON adds the data set's name, the method and the whole coherence check.
pub fn audit(args: &RankArgs, format: OutputFormat) -> Result<String, String> {
    let (system, data) = load(args)?;
    let scenario = scenario_from_args(&system, args)?;
    let rows = audit::audit(&system, &data);
    let ranking = score(&system, &data, &scenario).map_err(|e| e.message(MESSAGE_LANG))?;
    let checks = coherence::coherence(&system, &ranking);
    match format {
        OutputFormat::Csv => Ok(audit_csv(&system, &rows, &checks)),
        OutputFormat::Json => Ok(audit_json(&system, &data, &scenario, &rows, &checks)),
        OutputFormat::Table => Err("audit prints csv or json (--format csv|json)".into()),
    }
}

/// The audit's CSV columns, in order.
pub const AUDIT_COLUMNS: [&str; 10] = [
    "indicator_id",
    "coverage",
    "zeros_share",
    "mode_share",
    "skewness",
    "kurtosis",
    "outlier_flag",
    "suggested_treatment",
    "r_dimension",
    "alpha_dimension",
];

fn audit_csv(system: &IndicatorSystem, rows: &[IndicatorAudit], checks: &Coherence) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(AUDIT_COLUMNS).expect("in-memory CSV");
    let number = |v: f64| {
        if v.is_nan() {
            String::new()
        } else {
            v.to_string()
        }
    };
    for (i, row) in rows.iter().enumerate() {
        w.write_record([
            spreadsheet_text(&row.indicator_id).into_owned(),
            number(row.coverage),
            number(row.zeros_share),
            number(row.mode_share),
            number(row.skewness),
            number(row.kurtosis),
            row.outlier_flag.to_string(),
            row.suggested_treatment.id().to_string(),
            number(checks.pearson.indicator_dimension[i]),
            number(checks.alpha_dimension[system.dimension_of(i)].alpha),
        ])
        .expect("in-memory CSV");
    }
    String::from_utf8(w.into_inner().expect("in-memory CSV")).expect("UTF-8")
}

fn audit_json(
    system: &IndicatorSystem,
    data: &Dataset,
    scenario: &Scenario,
    rows: &[IndicatorAudit],
    checks: &Coherence,
) -> String {
    let indicators: Vec<serde_json::Value> = rows
        .iter()
        .map(|row| {
            serde_json::json!({
                "indicator_id": row.indicator_id,
                "coverage": json_number(row.coverage),
                "zeros_share": json_number(row.zeros_share),
                "mode_share": json_number(row.mode_share),
                "skewness": json_number(row.skewness),
                "kurtosis": json_number(row.kurtosis),
                "outlier_flag": row.outlier_flag,
                "suggested_treatment": row.suggested_treatment.id(),
            })
        })
        .collect();
    let out = serde_json::json!({
        "dataset": data.meta.name,
        "indicators": indicators,
        "method": {
            "normalisation": scenario.normalisation.id(),
            "weighting": scenario.weighting.id(),
            "aggregation": scenario.aggregation.id(),
            "treatments": scenario.treatments.iter().map(|&t| treatment_text(t)).collect::<Vec<_>>(),
        },
        "coherence": coherence_json(system, checks),
    });
    serde_json::to_string_pretty(&out).expect("JSON") + "\n"
}

/// A treatment as `--treatment` takes it.
fn treatment_text(treatment: Treatment) -> String {
    match treatment {
        Treatment::Winsorise { lower, upper } => format!("w{lower}-{upper}"),
        other => other.kind().id().to_string(),
    }
}

/// The coherence check as JSON: matrices in the system's order of indicators and dimensions, undefined
/// correlations as null.
fn coherence_json(system: &IndicatorSystem, checks: &Coherence) -> serde_json::Value {
    let numbers = |v: &[f64]| v.iter().map(|&x| json_number(x)).collect::<Vec<_>>();
    let correlations = |c: &coherence::Correlations| {
        serde_json::json!({
            "indicators": c.indicators.iter().map(|row| numbers(row)).collect::<Vec<_>>(),
            "indicator_dimension": numbers(&c.indicator_dimension),
            "indicator_index": numbers(&c.indicator_index),
            "dimensions": c.dimensions.iter().map(|row| numbers(row)).collect::<Vec<_>>(),
            "dimension_index": numbers(&c.dimension_index),
        })
    };
    let indicator_id = |i: usize| system.indicators[i].id.as_str();
    let flags: Vec<serde_json::Value> = checks
        .flags
        .iter()
        .map(|flag| {
            let (indicators, r) = match *flag {
                CoherenceFlag::NearDuplicate { first, second, r }
                | CoherenceFlag::Opposed { first, second, r } => {
                    (vec![indicator_id(first), indicator_id(second)], r)
                }
                CoherenceFlag::WeakWithDimension { indicator, r } => {
                    (vec![indicator_id(indicator)], r)
                }
            };
            serde_json::json!({
                "kind": flag.id(),
                "indicators": indicators,
                "r": json_number(r),
                "text": flag.sentence(system, MESSAGE_LANG),
            })
        })
        .collect();
    let dimensions: Vec<serde_json::Value> = system
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dimension)| {
            let components = checks.components[d].as_ref().map(|c| {
                serde_json::json!({
                    "eigenvalues": numbers(&c.eigenvalues),
                    "shares": numbers(&c.shares),
                    "first_loadings": numbers(&c.first_loadings),
                    "reading": c.reading.id(),
                    "text": c.sentence(MESSAGE_LANG),
                })
            });
            serde_json::json!({
                "dimension_id": dimension.id,
                "indicator_ids": system.indicators_of(d).map(indicator_id).collect::<Vec<_>>(),
                "alpha": json_number(checks.alpha_dimension[d].alpha),
                "alpha_units": checks.alpha_dimension[d].units,
                "components": components,
            })
        })
        .collect();
    serde_json::json!({
        "indicator_ids": system.indicators.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        "dimension_ids": system.dimensions.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        "pearson": correlations(&checks.pearson),
        "spearman": correlations(&checks.spearman),
        "flags": flags,
        "alpha_index": json_number(checks.alpha_index.alpha),
        "alpha_index_units": checks.alpha_index.units,
        "dimensions": dimensions,
        "thresholds": {
            "near_duplicate_r": coherence::NEAR_DUPLICATE_R,
            "opposed_r": coherence::OPPOSED_R,
            "weak_with_dimension_abs_r": coherence::WEAK_WITH_DIMENSION_R,
            "latent_eigenvalue": coherence::LATENT_EIGENVALUE,
            "latent_share": coherence::LATENT_SHARE,
        },
    })
}

/// Which two editions `fjindex change` compares.
pub enum EditionPair {
    /// The latest edition of each of two files.
    Files { from: String, to: String },
    /// Two editions of one file; the two latest when the years are not given.
    Years { from: Option<i32>, to: Option<i32> },
}

/// `fjindex change`: each county's rank and score change between two editions, its rank change split
/// into its own data's part and the others', and its score change into per-indicator contributions
/// where they apply (otherwise a note on stderr says why they are left out). Two files read under
/// different indicator systems are compared on what the systems have in common, and each dimension or
/// indicator left out gets a line on stderr (and an entry of the JSON's `left_out`).
pub fn change(
    args: &RankArgs,
    pair: &EditionPair,
    scaling: Scaling,
    format: OutputFormat,
) -> Result<String, String> {
    let mut system = load_system(args.system.as_deref())?;
    if args.edition.is_some() {
        return Err("change takes --from-year and --to-year, not --edition".into());
    }
    let (from, to) = edition_pair(&mut system, args.data.as_deref(), pair)?;
    let common = in_common(&from.system, &from.data, &to.system, &to.data)
        .map_err(|e| e.message(MESSAGE_LANG))?;
    for item in &common.left_out.items {
        eprintln!("note: {}", item.message(MESSAGE_LANG));
    }
    let system = common.system;
    let scenario = scenario_from_args(&system, args)?;
    let change = edition_change(&system, &common.from, &common.to, &scenario, scaling)
        .map_err(|e| e.message(MESSAGE_LANG))?;
    if let Err(why) = change.contributions {
        eprintln!("note: no per-indicator contributions: {}", why.reason());
    }
    match format {
        OutputFormat::Csv => {
            eprintln!("note: change from {} to {}", from.label, to.label);
            Ok(change_csv(&system, &change))
        }
        OutputFormat::Json => Ok(change_json(
            &system,
            &change,
            [&from.label, &to.label],
            scaling,
            &common.left_out,
            MESSAGE_LANG,
        ) + "\n"),
        OutputFormat::Table => Err("change prints csv or json (--format csv|json)".into()),
    }
}

/// An edition, a label that says which file and year it is, and the indicator system it was read with.
struct LabelledEdition {
    label: String,
    data: Dataset,
    system: IndicatorSystem,
}

/// The two editions `pair` names, each with its label and its system. Two files are read each with its
/// own system: a workbook's "指标体系" sheet, else `system` (`--system` or the white paper's).
fn edition_pair(
    system: &mut SystemInUse,
    data: Option<&str>,
    pair: &EditionPair,
) -> Result<(LabelledEdition, LabelledEdition), String> {
    let label = |path: &str, d: &Dataset| match d.meta.year {
        Some(year) => format!("{path} ({year})"),
        None => path.to_string(),
    };
    match pair {
        EditionPair::Files { from, to } => {
            if data.is_some() {
                return Err("give either --from FILE --to FILE or --data FILE with years".into());
            }
            let read = |path: &str| -> Result<LabelledEdition, String> {
                let mut own = SystemInUse {
                    system: system.system.clone(),
                    from_flag: false,
                };
                let data = load_data(&mut own, Some(path), None)?;
                Ok(LabelledEdition {
                    label: label(path, &data),
                    data,
                    system: own.system,
                })
            };
            Ok((read(from)?, read(to)?))
        }
        EditionPair::Years { from, to } => {
            let path = data
                .ok_or("change needs --from FILE --to FILE, or --data FILE holding two editions")?;
            let mut editions = load_editions(system, path)?;
            let years: Vec<Option<i32>> = editions.iter().map(|d| d.meta.year).collect();
            if editions.len() < 2 {
                return Err(format!("{path} holds one edition; change needs two (a year column or sheets named by year)"));
            }
            let pick = |year: Option<i32>, default: usize| match year {
                None => Ok(default),
                Some(y) => years.iter().position(|&e| e == Some(y)).ok_or_else(|| {
                    let list: Vec<String> = years.iter().flatten().map(i32::to_string).collect();
                    format!(
                        "{path} has no edition {y}; its editions are {}",
                        list.join(", ")
                    )
                }),
            };
            let n = editions.len();
            let (f, t) = (pick(*from, n - 2)?, pick(*to, n - 1)?);
            if f == t {
                return Err("--from-year and --to-year name the same edition".into());
            }
            let (a, b) = (editions[f].clone(), editions.swap_remove(t));
            let edition = |data: Dataset| LabelledEdition {
                label: label(path, &data),
                data,
                system: system.system.clone(),
            };
            Ok((edition(a), edition(b)))
        }
    }
}

/// `fjindex rank`.
pub fn rank(args: &RankArgs, format: OutputFormat) -> Result<String, String> {
    let (system, data) = load(args)?;
    let scenario = scenario_from_args(&system, args)?;
    let ranking = score(&system, &data, &scenario).map_err(|e| e.message(MESSAGE_LANG))?;
    Ok(match format {
        OutputFormat::Csv => ranking_csv(&system, &data, &ranking),
        OutputFormat::Json => ranking_json(&system, &data, &ranking),
        OutputFormat::Table => ranking_table(&system, &data, &ranking),
    })
}

/// `fjindex rank --format xlsx`: the workbook the page's "Ranking XLSX" button gives (the same sheets and
/// writer), in `lang`, with the change against the default method and, for the bundled data, its
/// estimate marks and notice.
pub fn rank_xlsx(args: &RankArgs, lang: Lang, date: CalendarDate) -> Result<Vec<u8>, String> {
    let (system, data) = load(args)?;
    let scenario = scenario_from_args(&system, args)?;
    let ranking = score(&system, &data, &scenario).map_err(|e| e.message(MESSAGE_LANG))?;
    let baseline = score(&system, &data, &Scenario::default_for(&system))
        .map_err(|e| e.message(MESSAGE_LANG))?;
    let provenance = match args.data {
        None => seeds::provenance(),
        Some(_) => Provenance::default(),
    };
    let export = RankingExport {
        system: &system,
        data: &data,
        ranking: &ranking,
        baseline: &baseline,
        scenario: &scenario,
        provenance: &provenance,
        lang,
        date,
    };
    Ok(export.xlsx())
}

/// Today's date in UTC, from the system clock.
pub fn today_utc() -> CalendarDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    CalendarDate::from_unix_days((seconds / 86_400) as i64)
}

/// The ranking as CSV with full-precision scores; unranked units close the list with an empty rank.
/// Text cells are made safe for spreadsheets ([`spreadsheet_text`]); numbers are written as they are.
pub fn ranking_csv(system: &IndicatorSystem, data: &Dataset, ranking: &Ranking) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["rank", "adcode", "name_zh", "prefecture_zh", "score"];
    header.extend(system.dimensions.iter().map(|d| d.id.as_str()));
    w.write_record(&header).expect("in-memory CSV");
    for &u in &ranking.order {
        let unit = &data.units[u];
        let rank = if ranking.rank[u] > 0 {
            ranking.rank[u].to_string()
        } else {
            String::new()
        };
        let mut rec = vec![rank];
        rec.extend(
            [&unit.adcode, &unit.name_zh, &unit.prefecture_zh]
                .map(|text| spreadsheet_text(text).into_owned()),
        );
        rec.push(fmt_score(ranking.composite[u], 6));
        rec.extend((0..system.n_dimensions()).map(|d| fmt_score(ranking.dimension_score(u, d), 6)));
        w.write_record(&rec).expect("in-memory CSV");
    }
    String::from_utf8(w.into_inner().expect("in-memory CSV")).expect("UTF-8")
}

fn fmt_score(v: f64, decimals: usize) -> String {
    if v.is_nan() {
        String::new()
    } else {
        format!("{v:.decimals$}")
    }
}

fn ranking_json(system: &IndicatorSystem, data: &Dataset, ranking: &Ranking) -> String {
    let rows: Vec<serde_json::Value> = ranking
        .order
        .iter()
        .map(|&u| {
            let unit = &data.units[u];
            let dims: serde_json::Map<String, serde_json::Value> = system
                .dimensions
                .iter()
                .enumerate()
                .map(|(d, dim)| (dim.id.clone(), json_number(ranking.dimension_score(u, d))))
                .collect();
            serde_json::json!({
                "rank": (ranking.rank[u] > 0).then_some(ranking.rank[u]),
                "adcode": unit.adcode,
                "name_zh": unit.name_zh,
                "prefecture_zh": unit.prefecture_zh,
                "score": json_number(ranking.composite[u]),
                "dimensions": dims,
                "prefecture_rank": (ranking.prefecture_rank[u] > 0).then_some(ranking.prefecture_rank[u]),
                "partial": ranking.is_partial(u),
            })
        })
        .collect();
    let unranked: Vec<serde_json::Value> = ranking
        .unranked
        .iter()
        .map(|(u, dims)| {
            let missing: Vec<&str> = dims.iter().map(|&d| system.dimensions[d].id.as_str()).collect();
            serde_json::json!({"adcode": data.units[*u].adcode, "reason": "no value in dimension", "dimensions": missing})
        })
        .collect();
    let out = serde_json::json!({"ranking": rows, "unranked": unranked});
    serde_json::to_string_pretty(&out).expect("JSON") + "\n"
}

fn json_number(v: f64) -> serde_json::Value {
    if v.is_nan() {
        serde_json::Value::Null
    } else {
        serde_json::json!(v)
    }
}

fn ranking_table(system: &IndicatorSystem, data: &Dataset, ranking: &Ranking) -> String {
    let mut out = String::new();
    let dims: Vec<&str> = system
        .dimensions
        .iter()
        .map(|d| d.name_zh.as_str())
        .collect();
    let _ = writeln!(
        out,
        "{:>4}  {:<8} {:<10} {:>7}  {}",
        "rank",
        "adcode",
        "county",
        "score",
        dims.join("  ")
    );
    for &u in &ranking.order {
        let unit = &data.units[u];
        let rank = if ranking.rank[u] > 0 {
            ranking.rank[u].to_string()
        } else {
            "-".into()
        };
        let dim_scores: Vec<String> = (0..system.n_dimensions())
            .map(|d| format!("{:>8}", fmt_score(ranking.dimension_score(u, d), 2)))
            .collect();
        let flag = if ranking.is_partial(u) {
            " (partial)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{rank:>4}  {:<8} {:<10} {:>7}  {}{flag}",
            unit.adcode,
            unit.name_zh,
            fmt_score(ranking.composite[u], 2),
            dim_scores.join("")
        );
    }
    for (u, dims) in &ranking.unranked {
        let missing: Vec<&str> = dims
            .iter()
            .map(|&d| system.dimensions[d].id.as_str())
            .collect();
        let _ = writeln!(
            out,
            "not ranked: {} {} (no value in {})",
            data.units[*u].adcode,
            data.units[*u].name_zh,
            missing.join(", ")
        );
    }
    out
}

/// `fjindex weights`: the 16 derived indicator weights as a JSON object.
pub fn weights(
    weighting: &str,
    data_path: Option<&str>,
    edition: Option<i32>,
) -> Result<String, String> {
    let mut system = load_system(None)?;
    let data = load_data(&mut system, data_path, edition)?;
    let system = system.system;
    let columns: Vec<Vec<f64>> = (0..system.n_indicators())
        .map(|i| data.column(i).to_vec())
        .collect();
    let shares = match parse_weighting(weighting)? {
        Weighting::Entropy => weight::entropy(&columns),
        Weighting::Critic => weight::critic(&columns),
        _ => return Err("--weighting must be entropy or critic".into()),
    }
    .map_err(|e| e.message(MESSAGE_LANG))?;
    let map: serde_json::Map<String, serde_json::Value> = system
        .indicators
        .iter()
        .zip(shares)
        .map(|(ind, w)| (ind.id.clone(), serde_json::json!(w)))
        .collect();
    Ok(serde_json::to_string_pretty(&map).expect("JSON") + "\n")
}
