//! regkb's content pipeline: the content model, loading, validation, text analysis,
//! the search index and queries. The site and the CLI build on it.

pub mod analysis;
pub mod client;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod glossary;
pub mod history;
pub mod index;
pub mod lag;
pub mod load;
pub mod markdown;
pub mod model;
pub mod schema;
mod scoring;
pub mod search;
mod snippets;
pub mod stats;
pub mod suggest;
mod synonyms;
mod unit_matches;
pub mod validate;
pub mod version;
mod yaml;

use std::path::Path;

pub use diagnostic::{Diagnostic, Severity};
pub use index::SearchIndex;
pub use model::Content;
pub use search::{SearchRequest, SearchResults};

/// A loaded content tree and every problem found in it, sorted by file and line.
#[derive(Debug)]
pub struct Checked {
    pub content: Content,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Loads and validates the tree at `root` as of `today` (dates after it are in the future).
/// Diagnostic paths are `root` joined with the file.
pub fn check(root: &Path, today: date::Date) -> Checked {
    let (content, mut diagnostics) = load::load(root);
    diagnostics.extend(validate::validate(&content, today));
    for d in &mut diagnostics {
        d.path = root.join(&d.path).display().to_string();
    }
    diagnostic::sort(&mut diagnostics);
    Checked { content, diagnostics }
}

/// Loads `root` for use: the content if it has no errors, else the error diagnostics.
pub fn load_clean(root: &Path) -> Result<Content, Vec<Diagnostic>> {
    let checked = check(root, date::Date::today());
    if checked.errors() == 0 {
        Ok(checked.content)
    } else {
        Err(checked.diagnostics.into_iter().filter(|d| d.severity == Severity::Error).collect())
    }
}
