//! `regkb search`: query the content from the command line.

use std::io::Write;
use std::sync::Arc;

use indexer::{SearchIndex, SearchRequest};

use crate::cli::{ContentArg, SearchArgs};

pub fn run(content: &ContentArg, args: SearchArgs) -> anyhow::Result<()> {
    let index = SearchIndex::build(Arc::new(super::load(content)?))?;
    let request = SearchRequest {
        query: args.query.join(" "),
        regulator: args.regulator,
        domain: args.domain,
        topic: args.topic,
        modality: args.modality,
        stance: args.stance,
        limit: Some(args.limit),
        offset: args.offset,
    };
    let results = index.search(&request)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&results)?)?;
        return Ok(());
    }
    let shown = results.offset + results.hits.len();
    let relaxed = if results.relaxed { " (no record has every word; showing records with most)" } else { "" };
    writeln!(
        out,
        "{} result{} for “{}”{relaxed}",
        results.total,
        if results.total == 1 { "" } else { "s" },
        results.query
    )?;
    if !results.analysable {
        writeln!(out, "“{}” has no searchable words; use words, names or numbers", results.query)?;
    }
    let notes = results.notes();
    if !notes.is_empty() {
        writeln!(out, "{notes}")?;
    }
    for (n, hit) in results.hits.iter().enumerate() {
        writeln!(out, "\n{:>3}. {}  [{}, {}]", results.offset + n + 1, hit.title, hit.stance, hit.status)?;
        writeln!(out, "     {}", hit.id)?;
        writeln!(out, "     {}", plain(&hit.snippet))?;
        if !hit.missing.is_empty() {
            writeln!(out, "     missing: {}", hit.missing.join(", "))?;
        }
    }
    if shown < results.total {
        writeln!(out, "\n… {} more (use --offset {shown})", results.total - shown)?;
    }
    Ok(())
}

/// A snippet for a terminal: marks become brackets, entities are decoded.
fn plain(html: &str) -> String {
    html.replace('\n', " ")
        .replace("<mark>", "[")
        .replace("</mark>", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
