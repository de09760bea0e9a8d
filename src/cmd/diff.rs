//! `regkb diff`: what changed between two content trees, or since a git revision.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use indexer::diff::{diff, markdown};

use crate::cli::DiffFormat;

/// Compares `old` and `new`, printing Markdown or JSON.
pub fn run(old: &Path, new: &Path, format: DiffFormat) -> anyhow::Result<()> {
    let changes = diff(&readable(old)?, &readable(new)?);
    let mut out = std::io::stdout().lock();
    match format {
        DiffFormat::Md => write!(out, "{}", markdown(&changes))?,
        DiffFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&changes)?)?,
    }
    Ok(())
}

/// Loads a tree, refusing one that `regkb check` finds errors in: a record that fails to parse
/// would otherwise look removed, and a summary of invalid content would mislead a reviewer.
fn readable(root: &Path) -> anyhow::Result<indexer::Content> {
    super::existing_dir(root)?;
    indexer::load_clean(root).map_err(|errors| {
        errors.iter().for_each(|d| eprintln!("{d}"));
        anyhow::anyhow!("{} has {} error(s); `regkb check` lists them; fix them first", root.display(), errors.len())
    })
}

/// Compares the content directory as it was at git revision `rev` with the working tree.
pub fn run_git(rev: &str, content: &Path, format: DiffFormat) -> anyhow::Result<()> {
    let scratch = tempfile::tempdir()?;
    let old = checkout(rev, content, scratch.path())?;
    run(&old, content, format)
}

/// Extracts `content` as of `rev` into `into`, returning where it landed.
fn checkout(rev: &str, content: &Path, into: &Path) -> anyhow::Result<PathBuf> {
    let git = |args: &[&str]| super::git(content, args).map(|out| out.trim().to_owned());
    let prefix = git(&["rev-parse", "--show-prefix"])?;
    // At the repository's top the prefix is empty, which git refuses as a path.
    let pathspec = if prefix.is_empty() { "." } else { prefix.as_str() };
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let mut archive = Command::new("git")
        .args(["-C", &top, "archive", "--format=tar", rev, "--", pathspec])
        .stdout(Stdio::piped())
        .spawn()?;
    let untar =
        Command::new("tar").arg("-x").arg("-C").arg(into).stdin(archive.stdout.take().expect("piped")).status()?;
    anyhow::ensure!(archive.wait()?.success() && untar.success(), "could not read `{prefix}` at revision {rev}");
    Ok(into.join(prefix))
}
