//! One module per subcommand.

mod check;
mod diff;
mod export;
mod index;
mod lsp;
mod new;
mod schemas;
mod search;
mod serve;
mod stats;

use std::process::ExitCode;

use indexer::date::Date;

use crate::cli::{Command, ContentArg};

/// Runs a subcommand, returning the process exit status.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Check { content, format, deny_warnings, as_of, changed_since } => check::run(
            &content.content,
            format,
            check::Options { deny_warnings, today: as_of.unwrap_or_else(Date::today), changed_since },
        ),
        Command::Index { content, out } => index::run(&content, &out).map(|()| ExitCode::SUCCESS),
        Command::Stats { content, json, glossary } => stats::run(&content, json, glossary).map(|()| ExitCode::SUCCESS),
        Command::Search { content, args } => search::run(&content, args).map(|()| ExitCode::SUCCESS),
        Command::Diff { old, new, git, content, format } => match (git, old, new) {
            (Some(rev), None, None) => diff::run_git(&rev, &content.content, format),
            (None, Some(old), Some(new)) => diff::run(&old, &new, format),
            _ => Err(anyhow::anyhow!("give two content directories, or --git REV")),
        }
        .map(|()| ExitCode::SUCCESS),
        Command::Export { content, out, zip, data, as_of, lang } => {
            export::run(&content, out.as_deref(), zip, data.as_deref(), as_of, &lang).map(|()| ExitCode::SUCCESS)
        }
        Command::New { content, regulator, topic, modality, product } => match (product, regulator, topic) {
            (Some(id), regulator, None) => {
                new::product(&content, &id, modality.as_deref().unwrap_or_default(), regulator.as_deref())
            }
            (None, Some(regulator), Some(topic)) => new::run(&content, &regulator, &topic, modality.as_deref()),
            _ => Err(anyhow::anyhow!("give --regulator and --topic for a record, or --product and --modality")),
        }
        .map(|()| ExitCode::SUCCESS),
        Command::Lsp { content } => lsp::run(&content.content).map(|()| ExitCode::SUCCESS),
        Command::Schemas { out } => schemas::run(&out).map(|()| ExitCode::SUCCESS),
        Command::Serve { content, index, addr, repository, base_url, watch, search_cache, per_client } => {
            serve::run(serve::ServeOptions {
                content,
                index,
                addr,
                repository,
                base_url,
                watch,
                search_cache,
                per_client,
            })
            .map(|()| ExitCode::SUCCESS)
        }
    }
}

/// Loads the content tree, refusing one with errors (and listing them on stderr).
fn load(content: &ContentArg) -> anyhow::Result<indexer::Content> {
    let root = &content.content;
    existing_dir(root)?;
    indexer::load_clean(root).map_err(|errors| {
        errors.iter().for_each(|d| eprintln!("{d}"));
        anyhow::anyhow!("the content has {} error(s); `regkb check` lists them", errors.len())
    })
}

/// Fails with a plain message when the content directory is missing.
fn existing_dir(root: &std::path::Path) -> anyhow::Result<()> {
    anyhow::ensure!(root.is_dir(), "content directory `{}` does not exist", root.display());
    Ok(())
}

/// Makes `out` an empty directory for a command's output. An existing one is replaced only if
/// it is empty or holds `marker`, a file that command writes: a mistyped `--out` must not
/// delete someone's work.
fn fresh_output(out: &std::path::Path, marker: &str) -> anyhow::Result<()> {
    if out.exists() {
        let empty = std::fs::read_dir(out)?.next().is_none();
        anyhow::ensure!(
            empty || out.join(marker).exists(),
            "{} exists and was not written by regkb; choose another --out, or remove it yourself",
            out.display()
        );
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    Ok(())
}

/// Runs git in `dir` and returns what it printed; an error names the command and git's complaint.
fn git(dir: &std::path::Path, args: &[&str]) -> anyhow::Result<String> {
    let out = std::process::Command::new("git").arg("-C").arg(dir).args(args).output()?;
    anyhow::ensure!(out.status.success(), "git {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim());
    Ok(String::from_utf8(out.stdout)?)
}
