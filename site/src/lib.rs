//! The regkb comparison site: views of the content, askama templates, the axum server with
//! live preview, and the static export. Server and export render the same templates.

pub mod assets;
pub mod cache;
pub mod export;
pub mod fairness;
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

use indexer::{Content, SearchIndex, SearchRequest};

/// One built version of the site: the content, its search index, and recent results.
pub struct Site {
    pub content: Arc<Content>,
    pub index: SearchIndex,
    searches: cache::SearchCache,
}

impl Site {
    /// Builds the site for `content`, indexing it in RAM.
    pub fn build(content: Content) -> Result<Site, indexer::index::IndexError> {
        let content = Arc::new(content);
        Ok(Site::over(SearchIndex::build(content.clone())?, content))
    }

    /// Builds the site for `content` over an index `regkb index` wrote to `dir`.
    pub fn open(content: Content, dir: &Path) -> Result<Site, indexer::index::IndexError> {
        let content = Arc::new(content);
        Ok(Site::over(SearchIndex::open(content.clone(), dir)?, content))
    }

    fn over(index: SearchIndex, content: Arc<Content>) -> Site {
        Site { content, index, searches: cache::SearchCache::new(cache::DEFAULT_CAPACITY) }
    }

    /// This site with a search cache of `capacity` recent queries (0: no cache).
    pub fn with_search_cache(mut self, capacity: usize) -> Site {
        self.searches = cache::SearchCache::new(capacity);
        self
    }

    /// How many recent searches this site keeps answers for.
    pub fn search_cache(&self) -> usize {
        self.searches.capacity()
    }

    /// The results of `request`, from the cache when it was asked recently.
    pub fn search(&self, request: &SearchRequest) -> Result<Arc<cache::Cached>, indexer::search::SearchError> {
        // Without a cache there is no key to build and no lock to take.
        let key = (self.searches.capacity() > 0).then(|| params::canonical(request));
        if let Some(hit) = key.as_deref().and_then(|k| self.searches.get(k)) {
            return Ok(hit);
        }
        let results = self.index.search(request)?;
        let json = serde_json::to_string(&results).expect("results are JSON");
        let cached = Arc::new(cache::Cached { results, json });
        if let Some(key) = key {
            self.searches.put(key, cached.clone());
        }
        Ok(cached)
    }

    /// The cached results of `request`, without searching.
    pub fn cached(&self, request: &SearchRequest) -> Option<Arc<cache::Cached>> {
        (self.searches.capacity() > 0).then(|| self.searches.get(&params::canonical(request))).flatten()
    }
}
