//! The native command-line tool `fjindex`: ranks, weights and analyses over the same engine as the page.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use fjindex::analysis::cli as analysis_cli;
use fjindex::analysis::sensitivity::SensitivityConfig;
use fjindex::analysis::uncertainty::UncertaintyConfig;
use fjindex::cli::{self, OutputFormat, RankArgs};
use fjindex::data::seeds;
use fjindex::model::{
    Aggregation, Choice, Dataset, IndicatorSystem, Lang, Normalisation, Scaling, Scenario,
    Weighting,
};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "fjindex",
    version,
    about = "Fujian county key-industrial-chain development index"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
}

/// What `audit` writes.
#[derive(Clone, Copy, ValueEnum)]
enum AuditFormat {
    Csv,
    Json,
}

/// What `rank` writes: text formats, or the page's XLSX workbook.
#[derive(Clone, Copy, ValueEnum)]
enum RankFormat {
    Table,
    Csv,
    Json,
    Xlsx,
}

#[derive(Subcommand)]
enum Command {
    /// Rank the units of a data set (the bundled 2024 data by default).
    Rank {
        #[command(flatten)]
        method: MethodFlags,
        #[arg(long, value_enum, default_value = "table")]
        format: RankFormat,
        /// Write to this file instead of standard output (xlsx needs it unless output is redirected).
        #[arg(long)]
        output: Option<String>,
        /// The language of the xlsx workbook's headers, names and notes.
        #[arg(long, default_value = Lang::default().id(), value_parser = languages())]
        lang: Lang,
    },
    /// Print the 16 indicator weights that entropy or CRITIC derives from the data.
    Weights {
        #[arg(long)]
        weighting: String,
        #[arg(long)]
        data: Option<String>,
        /// The edition (year) of a data file that holds several; the latest by default.
        #[arg(long)]
        edition: Option<i32>,
    },
    /// Year-over-year change between two editions: rank and score change per county, the rank change
    /// split into the county's own part and the others', and per-indicator contributions where they apply.
    /// Two files under different indicator systems (a workbook's 指标体系 sheet, else --system) are
    /// compared on the dimensions and indicators the systems have in common; stderr names what is left out.
    Change {
        #[command(flatten)]
        method: MethodFlags,
        /// The earlier edition's file (with --to; otherwise --data FILE with two editions).
        #[arg(long, requires = "to")]
        from: Option<String>,
        /// The later edition's file.
        #[arg(long, requires = "from")]
        to: Option<String>,
        /// The earlier edition of --data (default: the second latest).
        #[arg(long = "from-year", conflicts_with = "from")]
        from_year: Option<i32>,
        /// The later edition of --data (default: the latest).
        #[arg(long = "to-year", conflicts_with = "to")]
        to_year: Option<i32>,
        /// pooled: one scale over both editions (scores comparable, contributions); each: each on its own.
        #[arg(long, default_value = "pooled", value_parser = choices(cli::choice_ids::<Scaling>()))]
        scaling: String,
        #[arg(long, value_enum, default_value = "csv")]
        format: AuditFormat,
    },
    /// Data checks per indicator (coverage, zeros, most common value, skewness, kurtosis, JRC outlier
    /// flag) and the index's coherence under the method (correlations, Cronbach's alpha, components).
    Audit {
        #[command(flatten)]
        method: MethodFlags,
        #[arg(long, value_enum, default_value = "csv")]
        format: AuditFormat,
    },
    /// AHP weights and consistency ratio from a 5x5 pairwise comparison of the dimensions.
    Ahp {
        /// n lines of n numbers (fractions such as 1/3 allowed), or the upper triangle.
        #[arg(long)]
        matrix: String,
    },
    /// Rank uncertainty by Monte Carlo over the dimension weights.
    Uncertainty {
        #[command(flatten)]
        method: MethodFlags,
        /// Monte Carlo samples, 1 to 1,000,000.
        #[arg(long, default_value_t = 10_000, allow_negative_numbers = true, value_parser = analysis_cli::parse_samples)]
        samples: usize,
        #[command(flatten)]
        sampling: SamplingFlags,
        /// Also draw the normalisation and aggregation per sample.
        #[arg(long)]
        vary_methods: bool,
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
    },
    /// Sobol sensitivity of the ranking to the dimension weights and the method steps (JSON).
    Sensitivity {
        #[command(flatten)]
        method: MethodFlags,
        /// Base samples N, 2 to 100,000; the model runs N x (inputs + 2) times.
        #[arg(long, default_value_t = 1024, allow_negative_numbers = true, value_parser = analysis_cli::parse_base_samples)]
        samples: usize,
        #[command(flatten)]
        sampling: SamplingFlags,
        /// Also give the indices of this county's rank.
        #[arg(long)]
        county: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// The smallest change of dimension weights that lifts a county to a target rank (JSON), optionally
    /// with every dimension's share within --weight-min and --weight-max.
    Reach {
        #[command(flatten)]
        method: MethodFlags,
        #[arg(long)]
        county: String,
        /// The rank to reach, 1 to the number of ranked units.
        #[arg(long, allow_negative_numbers = true, value_parser = analysis_cli::parse_target)]
        target: u32,
        /// Every dimension's share of the total weight at least this percentage (0 to 100).
        #[arg(long = "weight-min", default_value_t = 0.0, allow_negative_numbers = true, value_parser = analysis_cli::parse_weight_percent)]
        weight_min: f64,
        /// Every dimension's share of the total weight at most this percentage (0 to 100).
        #[arg(long = "weight-max", default_value_t = 100.0, allow_negative_numbers = true, value_parser = analysis_cli::parse_weight_percent)]
        weight_max: f64,
    },
    /// The smallest combined rise of a county's own indicator values that lifts it to a target rank.
    Plan {
        #[command(flatten)]
        method: MethodFlags,
        #[arg(long)]
        county: String,
        /// The rank to reach, 1 to the number of ranked units.
        #[arg(long, allow_negative_numbers = true, value_parser = analysis_cli::parse_target)]
        target: u32,
        /// Only these indicators may rise, ids separated by commas (all of them by default).
        #[arg(long)]
        indicators: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Best and worst possible rank of every county over all dimension weightings (or those with every
    /// share within --weight-min and --weight-max), with witnesses.
    Bounds {
        #[command(flatten)]
        method: MethodFlags,
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// Solve afresh even where precomputed bounds for the bundled data apply.
        #[arg(long)]
        recompute: bool,
        /// Every dimension's share of the total weight at least this percentage (0 to 100).
        #[arg(long = "weight-min", default_value_t = 0.0, allow_negative_numbers = true, value_parser = analysis_cli::parse_weight_percent)]
        weight_min: f64,
        /// Every dimension's share of the total weight at most this percentage (0 to 100).
        #[arg(long = "weight-max", default_value_t = 100.0, allow_negative_numbers = true, value_parser = analysis_cli::parse_weight_percent)]
        weight_max: f64,
    },
}

/// The weight noise and the seed of the sampled analyses (uncertainty, sensitivity).
#[derive(clap::Args)]
struct SamplingFlags {
    /// Each dimension weight is multiplied by a uniform factor in [1 - noise, 1 + noise]; 0 <= noise < 1.
    #[arg(long, default_value_t = 0.2, allow_negative_numbers = true, value_parser = analysis_cli::parse_noise)]
    noise: f64,
    #[arg(long, default_value_t = 2024, allow_negative_numbers = true, value_parser = analysis_cli::parse_seed)]
    seed: u64,
}

/// Flags shared by every command that scores a data set.
#[derive(clap::Args)]
struct MethodFlags {
    /// A data file as the page imports it: CSV (UTF-8, GBK, UTF-16), XLSX or XLS, e.g. a wide CSV
    /// (adcode,name_zh,prefecture_zh, then the 16 indicator ids); a year column or sheets named by year
    /// make several editions.
    #[arg(long)]
    data: Option<String>,
    /// The edition (year) of a data file that holds several; the latest by default.
    #[arg(long)]
    edition: Option<i32>,
    /// An indicator system in the JSON of seeds/indicators.json (higher_is_better is the direction);
    /// the white paper's by default. Bundled data is matched to it by indicator id.
    #[arg(long)]
    system: Option<String>,
    /// Dimension weights from 0 to 100, e.g. industry=30,innovation=20; unnamed dimensions keep the default.
    #[arg(long)]
    weights: Option<String>,
    /// Indicator weights from 0 to 100 within their dimension, e.g. revenue=2,new_patents=0.5.
    #[arg(long = "indicator-weights")]
    indicator_weights: Option<String>,
    #[arg(long, default_value = "minmax", value_parser = choices(cli::choice_ids::<Normalisation>()))]
    normalize: String,
    #[arg(long, default_value = "manual", value_parser = choices(cli::cli_weightings().into_iter().map(Weighting::id)))]
    weighting: String,
    #[arg(long, default_value = "arithmetic", value_parser = choices(cli::choice_ids::<Aggregation>()))]
    aggregate: String,
    /// Outlier treatments as a link's tr= writes them, e.g. revenue:log,chain_output_share:jrc, or one of
    /// none, log, jrc, wLO-HI for every indicator.
    #[arg(long)]
    treatment: Option<String>,
}

/// A flag whose possible values are the identifiers of a method step's alternatives ([`Choice::id`]).
fn choices(ids: impl IntoIterator<Item = &'static str>) -> PossibleValuesParser {
    PossibleValuesParser::new(ids)
}

/// The `--lang` flag: the id of any interface language ([`Lang::ALL`]).
fn languages() -> impl TypedValueParser<Value = Lang> {
    PossibleValuesParser::new(Lang::ALL.iter().map(|l| l.id()))
        .map(|id| Lang::from_id(&id).expect("a possible value is a language's id"))
}

impl MethodFlags {
    fn to_args(&self) -> RankArgs {
        RankArgs {
            data: self.data.clone(),
            weights: self.weights.clone(),
            indicator_weights: self.indicator_weights.clone(),
            normalize: self.normalize.clone(),
            weighting: self.weighting.clone(),
            aggregate: self.aggregate.clone(),
            treatment: self.treatment.clone(),
            edition: self.edition,
            system: self.system.clone(),
        }
    }
}

/// Loads the indicator system, the data set and the scenario the method flags describe.
fn loaded(method: &MethodFlags) -> Result<(IndicatorSystem, Dataset, Scenario), String> {
    let args = method.to_args();
    let (system, data) = cli::load(&args)?;
    let scenario = cli::scenario_from_args(&system, &args)?;
    Ok((system, data, scenario))
}

/// Writes a command's output to `path`, or to standard output when there is none; the text to print
/// afterwards is then empty.
fn write_out(path: Option<&str>, bytes: &[u8]) -> Result<String, String> {
    match path {
        Some(path) => std::fs::write(path, bytes).map_err(|e| format!("cannot write {path}: {e}")),
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| format!("cannot write the output: {e}")),
    }
    .map(|()| String::new())
}

fn main() -> ExitCode {
    let parsed = Cli::parse();
    let result = match parsed.command {
        Command::Rank {
            method,
            format,
            output,
            lang,
        } => {
            let args = method.to_args();
            let bytes = match format {
                RankFormat::Table => cli::rank(&args, OutputFormat::Table).map(String::into_bytes),
                RankFormat::Csv => cli::rank(&args, OutputFormat::Csv).map(String::into_bytes),
                RankFormat::Json => cli::rank(&args, OutputFormat::Json).map(String::into_bytes),
                RankFormat::Xlsx if output.is_none() && std::io::stdout().is_terminal() => Err(
                    "an xlsx workbook is binary: give --output FILE or redirect the output".into(),
                ),
                RankFormat::Xlsx => cli::rank_xlsx(&args, lang, cli::today_utc()),
            };
            bytes.and_then(|bytes| write_out(output.as_deref(), &bytes))
        }
        Command::Audit { method, format } => cli::audit(
            &method.to_args(),
            match format {
                AuditFormat::Csv => OutputFormat::Csv,
                AuditFormat::Json => OutputFormat::Json,
            },
        ),
        Command::Weights {
            weighting,
            data,
            edition,
        } => cli::weights(&weighting, data.as_deref(), edition),
        Command::Change {
            method,
            from,
            to,
            from_year,
            to_year,
            scaling,
            format,
        } => {
            let pair = match (from, to) {
                (Some(from), Some(to)) => cli::EditionPair::Files { from, to },
                _ => cli::EditionPair::Years {
                    from: from_year,
                    to: to_year,
                },
            };
            let scaling = Scaling::from_id(&scaling).expect("a possible value is a scaling's id");
            let format = match format {
                AuditFormat::Csv => OutputFormat::Csv,
                AuditFormat::Json => OutputFormat::Json,
            };
            cli::change(&method.to_args(), &pair, scaling, format)
        }
        Command::Ahp { matrix } => std::fs::read_to_string(&matrix)
            .map_err(|e| format!("cannot read {matrix}: {e}"))
            .and_then(|text| analysis_cli::ahp_json(&seeds::indicator_system(), &text)),
        Command::Uncertainty {
            method,
            samples,
            sampling: SamplingFlags { noise, seed },
            vary_methods,
            format,
        } => loaded(&method).and_then(|(system, data, scenario)| {
            let config = UncertaintyConfig {
                samples,
                noise,
                seed,
                vary_methods,
            };
            let json = matches!(format, Format::Json);
            analysis_cli::uncertainty_text(&system, &data, &scenario, config, json)
        }),
        Command::Sensitivity {
            method,
            samples,
            sampling: SamplingFlags { noise, seed },
            county,
            format,
        } => loaded(&method).and_then(|(system, data, scenario)| {
            if !matches!(format, Format::Json) {
                return Err("sensitivity prints json only (--format json)".into());
            }
            let config = SensitivityConfig {
                base_samples: samples,
                noise,
                seed,
            };
            analysis_cli::sensitivity_json(&system, &data, &scenario, config, county.as_deref())
        }),
        Command::Reach {
            method,
            county,
            target,
            weight_min,
            weight_max,
        } => loaded(&method).and_then(|(system, data, scenario)| {
            let limits = analysis_cli::weight_limits(&system, weight_min, weight_max)?;
            analysis_cli::reach_json_within(&system, &data, &scenario, &county, target, limits)
        }),
        Command::Plan {
            method,
            county,
            target,
            indicators,
            format,
        } => loaded(&method).and_then(|(system, data, scenario)| {
            analysis_cli::plan_text(
                &system,
                &data,
                &scenario,
                &county,
                target,
                indicators.as_deref(),
                matches!(format, Format::Json),
            )
        }),
        Command::Bounds {
            method,
            format,
            recompute,
            weight_min,
            weight_max,
        } => loaded(&method).and_then(|(system, data, scenario)| {
            let limits = analysis_cli::weight_limits(&system, weight_min, weight_max)?;
            if matches!(format, Format::Csv) {
                analysis_cli::bounds_text_within(&system, &data, &scenario, !recompute, limits)
            } else {
                Err("bounds prints csv only (--format csv)".into())
            }
        }),
    };
    match result {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
