//! One module per subcommand.

mod check;

use std::process::ExitCode;

use indexer::date::Date;

use crate::cli::Command;

/// Runs a subcommand, returning the process exit status.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Check { content, format, deny_warnings, as_of } => {
            check::run(&content.content, format, deny_warnings, as_of.unwrap_or_else(Date::today))
        }
    }
}
