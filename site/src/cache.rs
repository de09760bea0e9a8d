//! Recent search results, so that the searches readers repeat (paging, facet clicks, shared
//! links) cost a lookup. It lives in a `Site`, so a rebuild starts it afresh; it holds only
//! what the index would answer again, so replicas need not share it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use indexer::SearchResults;

/// Results kept by default: this many recent queries, and up to as many older ones.
pub const DEFAULT_CAPACITY: usize = 1024;

/// A search's results, and their JSON as `/api/search` serves it.
pub struct Cached {
    pub results: SearchResults,
    pub json: String,
}

/// Two generations of entries: lookups promote an old entry to the new generation, and a full
/// new generation replaces the old, so the cache stays bounded with no bookkeeping per hit.
type Generation = HashMap<String, Arc<Cached>>;

pub struct SearchCache {
    /// The new generation, then the old.
    generations: Mutex<(Generation, Generation)>,
    capacity: usize,
}

impl SearchCache {
    /// A cache of `capacity` recent searches (and as many older ones); 0 keeps nothing.
    pub fn new(capacity: usize) -> SearchCache {
        SearchCache { generations: Mutex::default(), capacity }
    }

    /// How many recent searches it keeps.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// The cached results of the search with this canonical key.
    pub fn get(&self, key: &str) -> Option<Arc<Cached>> {
        let mut g = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = g.0.get(key) {
            return Some(hit.clone());
        }
        let old = g.1.remove(key)?;
        g.0.insert(key.to_owned(), old.clone());
        Some(old)
    }

    /// Keeps results under their canonical key.
    pub fn put(&self, key: String, cached: Arc<Cached>) {
        if self.capacity == 0 {
            return;
        }
        let mut g = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        if g.0.len() >= self.capacity {
            g.1 = std::mem::take(&mut g.0);
        }
        g.0.insert(key, cached);
    }
}
