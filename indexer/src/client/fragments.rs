//! Fragments: what a hit shows (kind, id, title, summary, status, and the body's paragraphs for
//! the snippet), for consecutive ranges of documents, so that a page of results loads only the
//! files of its own hits.

use serde::Serialize;

use super::Document;

/// Documents per fragment file. Hits are ranked, not listed in document order, so the hits of one
/// page are seldom neighbours: with more than one document a file, a page would read several
/// documents for each one it shows.
pub const DOCS_PER_FILE: usize = 1;
/// How much of a body the snippet may come from, as `search.rs` reads it.
const SNIPPET_SCAN_BYTES: usize = 6000;

/// One document as a hit shows it.
#[derive(Serialize)]
pub struct Fragment {
    kind: &'static str,
    id: String,
    title: String,
    summary: String,
    status: String,
    /// The body's non-empty paragraphs within its first `SNIPPET_SCAN_BYTES`.
    paragraphs: Vec<String>,
}

impl Fragment {
    pub(super) fn of(doc: &Document) -> Fragment {
        let mut paragraphs = Vec::new();
        let mut scanned = 0;
        for paragraph in doc.body.split('\n') {
            if scanned >= SNIPPET_SCAN_BYTES {
                break;
            }
            let paragraph = &paragraph[..paragraph.floor_char_boundary(SNIPPET_SCAN_BYTES - scanned)];
            scanned += paragraph.len() + 1;
            if !paragraph.trim().is_empty() {
                paragraphs.push(paragraph.to_owned());
            }
        }
        Fragment {
            kind: doc.kind,
            id: doc.id.to_owned(),
            title: doc.title.clone(),
            summary: doc.summary.clone(),
            status: doc.status.clone(),
            paragraphs,
        }
    }
}

/// Writes the fragment files of documents `first..` (`first` a multiple of [`DOCS_PER_FILE`]):
/// file `n` holds documents `n * DOCS_PER_FILE ..`.
pub fn write(first: usize, docs: Vec<Fragment>, put: &super::Put) -> std::io::Result<()> {
    let mut docs = docs.into_iter().peekable();
    let mut n = first / DOCS_PER_FILE;
    while docs.peek().is_some() {
        let file: Vec<Fragment> = docs.by_ref().take(DOCS_PER_FILE).collect();
        let json = serde_json::json!({ "from": n * DOCS_PER_FILE, "docs": file });
        put(&format!("search-docs-{n}.js"), &super::register(&json.to_string()))?;
        n += 1;
    }
    Ok(())
}
