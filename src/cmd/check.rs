//! `regkb check`: report every problem of a content tree.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use indexer::date::Date;

use crate::cli::Format;

pub fn run(content: &Path, format: Format, deny_warnings: bool, today: Date) -> anyhow::Result<ExitCode> {
    super::existing_dir(content)?;
    let checked = indexer::check(content, today);
    let (errors, warnings) = (checked.errors(), checked.warnings());
    let failed = errors > 0 || (deny_warnings && warnings > 0);
    let mut out = std::io::stdout().lock();
    match format {
        Format::Text => {
            for d in &checked.diagnostics {
                writeln!(out, "{d}")?;
            }
            writeln!(
                out,
                "{}: {errors} error{}, {warnings} warning{} ({} records, {} products, {} sources checked)",
                if failed { "failed" } else { "ok" },
                plural(errors),
                plural(warnings),
                checked.content.records.len(),
                checked.content.products.len(),
                checked.content.sources.len(),
            )?;
        }
        Format::Json => {
            let doc = serde_json::json!({ "version": 1, "errors": errors, "warnings": warnings, "diagnostics": checked.diagnostics });
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Format::Github => {
            for d in &checked.diagnostics {
                writeln!(out, "{}", d.github())?;
            }
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
