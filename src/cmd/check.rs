//! `regkb check`: report every problem of a content tree.

use std::path::Path;
use std::process::ExitCode;

use indexer::date::Date;

use crate::cli::Format;

pub fn run(content: &Path, format: Format, deny_warnings: bool, today: Date) -> anyhow::Result<ExitCode> {
    if !content.is_dir() {
        anyhow::bail!("content directory `{}` does not exist", content.display());
    }
    let checked = indexer::check(content, today);
    let (errors, warnings) = (checked.errors(), checked.warnings());
    match format {
        Format::Text => {
            for d in &checked.diagnostics {
                println!("{d}");
            }
            println!(
                "{}: {errors} error{}, {warnings} warning{} ({} records, {} sources checked)",
                if errors == 0 && !(deny_warnings && warnings > 0) { "ok" } else { "failed" },
                plural(errors),
                plural(warnings),
                checked.content.records.len(),
                checked.content.sources.len(),
            );
        }
        Format::Json => {
            let doc = serde_json::json!({ "version": 1, "errors": errors, "warnings": warnings, "diagnostics": checked.diagnostics });
            println!("{}", serde_json::to_string_pretty(&doc)?);
        }
        Format::Github => {
            for d in &checked.diagnostics {
                println!("{}", d.github());
            }
        }
    }
    let failed = errors > 0 || (deny_warnings && warnings > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
