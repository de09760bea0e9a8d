//! `regkb check`: report every problem of a content tree.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use indexer::Severity;
use indexer::date::Date;

use crate::cli::Format;

/// How to check.
pub struct Options {
    /// Fail on warnings too.
    pub deny_warnings: bool,
    /// The day dates are judged against.
    pub today: Date,
    /// Report warnings only in files changed since this git revision.
    pub changed_since: Option<String>,
}

pub fn run(content: &Path, format: Format, options: Options) -> anyhow::Result<ExitCode> {
    super::existing_dir(content)?;
    let Options { deny_warnings, today, changed_since } = options;
    let mut checked = indexer::check(content, today);
    let mut unchanged_warnings = 0;
    if let Some(rev) = changed_since {
        let changed = changed_files(content, &rev)?;
        let before = checked.diagnostics.len();
        checked.diagnostics.retain(|d| d.severity == Severity::Error || changed.contains(&d.path));
        unchanged_warnings = before - checked.diagnostics.len();
    }
    let (errors, warnings) = (checked.errors(), checked.warnings());
    let failed = errors > 0 || (deny_warnings && warnings > 0);
    let mut out = std::io::stdout().lock();
    match format {
        Format::Text => {
            for d in &checked.diagnostics {
                writeln!(out, "{d}")?;
            }
            let unchanged = if unchanged_warnings > 0 {
                format!("; {unchanged_warnings} warning{} in unchanged files not shown", plural(unchanged_warnings))
            } else {
                String::new()
            };
            writeln!(
                out,
                "{}: {errors} error{}, {warnings} warning{} ({} records, {} products, {} sources checked{unchanged})",
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

/// The files under `content` that differ from git revision `rev`, and those git does not
/// track yet, as diagnostics name them (`content` joined with the path below it).
fn changed_files(content: &Path, rev: &str) -> anyhow::Result<HashSet<String>> {
    let git = |args: &[&str]| super::git(content, args);
    let changed = git(&["diff", "--name-only", "--relative", rev, "--", "."])?;
    let untracked = git(&["ls-files", "--others", "--exclude-standard", "--", "."])?;
    Ok(changed.lines().chain(untracked.lines()).map(|rel| content.join(rel).display().to_string()).collect())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
