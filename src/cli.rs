//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compare what Asian medicine regulators require for cell and gene therapies.
#[derive(Debug, Parser)]
#[command(name = "regkb", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Where the content tree is.
#[derive(Debug, Args)]
pub struct ContentArg {
    /// The content directory.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the content tree against the content format; exit 1 on errors.
    Check {
        #[command(flatten)]
        content: ContentArg,
        /// How to print problems.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Check as of this date (YYYY-MM-DD) instead of today, for reproducible results.
        #[arg(long, value_name = "DATE")]
        as_of: Option<indexer::date::Date>,
    },
}

/// Output formats of `regkb check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `path:line:column: error[code]: message`, then a summary line.
    Text,
    /// A JSON document: `{"diagnostics": [...], "errors": N, "warnings": N}`.
    Json,
    /// GitHub Actions annotations.
    Github,
}
