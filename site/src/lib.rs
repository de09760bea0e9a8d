//! The regkb comparison site: views of the content, askama templates, the axum server with
//! live preview, and the static export. Server and export render the same templates.

pub mod assets;
pub mod export;
pub mod feeds;
pub mod links;
pub mod pages;
pub mod params;
pub mod preview;
pub mod server;
pub mod views;
pub mod watch;

use std::path::Path;
use std::sync::Arc;

use indexer::{Content, SearchIndex};

/// One built version of the site: the content and its search index.
pub struct Site {
    pub content: Arc<Content>,
    pub index: SearchIndex,
}

impl Site {
    /// Builds the site for `content`, indexing it in RAM.
    pub fn build(content: Content) -> Result<Site, indexer::index::IndexError> {
        let content = Arc::new(content);
        let index = SearchIndex::build(content.clone(), None)?;
        Ok(Site { content, index })
    }

    /// Builds the site for `content` over an index `regkb index` wrote to `dir`.
    pub fn open(content: Content, dir: &Path) -> Result<Site, indexer::index::IndexError> {
        let content = Arc::new(content);
        let index = SearchIndex::open(content.clone(), dir)?;
        Ok(Site { content, index })
    }
}
