//! The native command-line tool `fjindex`: ranks, weights and analyses over the same engine as the page.

use clap::{Parser, Subcommand, ValueEnum};
use fjindex::cli::{self, OutputFormat, RankArgs};
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

#[derive(Subcommand)]
enum Command {
    /// Rank the units of a data set (the bundled 2024 data by default).
    Rank {
        #[command(flatten)]
        method: MethodFlags,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Print the 16 indicator weights that entropy or CRITIC derives from the data.
    Weights {
        #[arg(long)]
        weighting: String,
        #[arg(long)]
        data: Option<String>,
    },
}

/// Flags shared by every command that scores a data set.
#[derive(clap::Args)]
struct MethodFlags {
    /// A wide CSV (adcode,name_zh,prefecture_zh, then the 16 indicator ids).
    #[arg(long)]
    data: Option<String>,
    /// Dimension weights, e.g. industry=30,innovation=20; unnamed dimensions keep the default.
    #[arg(long)]
    weights: Option<String>,
    /// Indicator weights within their dimension, e.g. revenue=2,new_patents=0.5.
    #[arg(long = "indicator-weights")]
    indicator_weights: Option<String>,
    #[arg(long, default_value = "minmax")]
    normalize: String,
    #[arg(long, default_value = "manual")]
    weighting: String,
    #[arg(long, default_value = "arithmetic")]
    aggregate: String,
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
        }
    }
}

fn main() -> ExitCode {
    let parsed = Cli::parse();
    let result = match parsed.command {
        Command::Rank { method, format } => {
            let format = match format {
                Format::Table => OutputFormat::Table,
                Format::Csv => OutputFormat::Csv,
                Format::Json => OutputFormat::Json,
            };
            cli::rank(&method.to_args(), format)
        }
        Command::Weights { weighting, data } => cli::weights(&weighting, data.as_deref()),
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
