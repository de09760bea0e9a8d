//! Recent search results, so that the searches readers repeat (paging, facet clicks, shared
//! links) cost a lookup. It lives in a `Site`, so a rebuild starts it afresh; it holds only
//! what the index would answer again, so replicas need not share it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::Bytes;
use indexer::SearchResults;

/// The memory the cache may use by default, in MiB.
pub const DEFAULT_MIB: usize = 32;

/// A search's results, and their JSON as `/api/search` serves it but for the query, which
/// requests sharing this entry may spell differently (`Cell`, `cell`).
pub struct Cached {
    pub results: SearchResults,
    /// The JSON of `results`, and where what follows its query begins; made when first served or
    /// cached (the `/search` page needs none), and shared by the responses that send it whole.
    json: OnceLock<(Bytes, usize)>,
}

impl Cached {
    /// Results ready to serve; their `query` is the one asked first, and pages show their own.
    pub fn new(results: SearchResults) -> Cached {
        Cached { results, json: OnceLock::new() }
    }

    /// The JSON of `results`, and where what follows `{"query":"…"` begins.
    fn made(&self) -> &(Bytes, usize) {
        self.json.get_or_init(|| {
            let at = r#"{"query":"#.len() + string(&self.results.query).len();
            (Bytes::from(self.results.to_json()), at)
        })
    }

    fn rest(&self) -> &[u8] {
        let (json, at) = self.made();
        &json[*at..]
    }

    /// The `/api/search` document for these results, asked as `query`, in UTF-8: the one made
    /// for them, not copied, when the query is spelt as they were asked.
    pub fn json(&self, query: &str) -> Bytes {
        if query == self.results.query {
            return self.made().0.clone();
        }
        let (query, rest) = (string(query), self.rest());
        let mut json = Vec::with_capacity(16 + query.len() + rest.len());
        json.extend_from_slice(br#"{"query":"#);
        json.extend_from_slice(query.as_bytes());
        json.extend_from_slice(rest);
        json.into()
    }

    /// About the memory the entry takes: the results hold the same text as their JSON, again.
    fn bytes(&self) -> usize {
        2 * self.rest().len()
    }
}

/// `text` as a JSON string.
fn string(text: &str) -> String {
    serde_json::to_string(text).expect("a string is JSON")
}

/// One generation of entries, and the bytes they take.
#[derive(Default)]
struct Generation {
    entries: HashMap<String, Arc<Cached>>,
    bytes: usize,
}

impl Generation {
    fn insert(&mut self, key: String, cached: Arc<Cached>) {
        self.bytes += key.len() + cached.bytes();
        if let Some(old) = self.entries.insert(key, cached) {
            self.bytes -= old.bytes();
        }
    }

    fn remove(&mut self, key: &str) -> Option<Arc<Cached>> {
        let (key, old) = self.entries.remove_entry(key)?;
        self.bytes -= key.len() + old.bytes();
        Some(old)
    }
}

/// Two generations of entries: lookups promote an old entry to the new generation, and a full
/// new generation replaces the old, so the cache stays bounded with no bookkeeping per hit.
/// Each generation holds at most half the budget.
pub struct SearchCache {
    /// The new generation, then the old.
    generations: Mutex<(Generation, Generation)>,
    budget: usize,
}

impl SearchCache {
    /// A cache of about `budget` bytes at most; 0 keeps nothing.
    pub fn new(budget: usize) -> SearchCache {
        SearchCache { generations: Mutex::default(), budget }
    }

    /// The bytes it may use.
    pub fn budget(&self) -> usize {
        self.budget
    }

    /// How many entries it holds, and the bytes they take.
    pub fn usage(&self) -> (usize, usize) {
        let g = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        (g.0.entries.len() + g.1.entries.len(), g.0.bytes + g.1.bytes)
    }

    /// The cached results of the search with this canonical key.
    pub fn get(&self, key: &str) -> Option<Arc<Cached>> {
        let mut g = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = g.0.entries.get(key) {
            return Some(hit.clone());
        }
        let old = g.1.remove(key)?;
        self.insert(&mut g, key.to_owned(), old.clone());
        Some(old)
    }

    /// Keeps results under their canonical key, unless they alone would take half the budget.
    pub fn put(&self, key: String, cached: Arc<Cached>) {
        if key.len() + cached.bytes() > self.budget / 2 {
            return;
        }
        let mut g = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        self.insert(&mut g, key, cached);
    }

    fn insert(&self, g: &mut (Generation, Generation), key: String, cached: Arc<Cached>) {
        if g.0.bytes + key.len() + cached.bytes() > self.budget / 2 {
            g.1 = std::mem::take(&mut g.0);
        }
        g.0.insert(key, cached);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(query: &str, padding: usize) -> SearchResults {
        SearchResults {
            query: query.into(),
            total: 0,
            limit: 20,
            offset: 0,
            relaxed: false,
            analysable: true,
            dropped: Vec::new(),
            suggestions: Vec::new(),
            hits: Vec::new(),
            facets: [("regulator", [("x".repeat(padding).into(), 1)].into())].into(),
        }
    }

    #[test]
    fn stays_within_its_budget_in_bytes() {
        let cache = SearchCache::new(64 * 1024);
        for i in 0..2000 {
            cache.put(format!("q=word{i}"), Arc::new(Cached::new(results("w", 500))));
            assert!(cache.usage().1 <= 64 * 1024, "{} bytes after {i} entries", cache.usage().1);
        }
        let (entries, bytes) = cache.usage();
        assert!(entries > 20 && bytes > 32 * 1024, "it keeps what fits: {entries} entries, {bytes} bytes");
        assert!(cache.get("q=word1999").is_some() && cache.get("q=word0").is_none());
    }

    #[test]
    fn keeps_nothing_too_big_or_with_no_budget() {
        let small = SearchCache::new(4096);
        small.put("q=big".into(), Arc::new(Cached::new(results("big", 4096))));
        assert!(small.get("q=big").is_none());
        let none = SearchCache::new(0);
        none.put("q=".into(), Arc::new(Cached::new(results("", 1))));
        assert_eq!(none.usage(), (0, 0));
    }

    #[test]
    fn answers_each_asker_with_their_own_query() {
        let cached = Cached::new(results("Cell", 1));
        let doc: serde_json::Value = serde_json::from_slice(&cached.json("cELL \"x\"")).unwrap();
        assert_eq!(doc["query"], "cELL \"x\"");
        assert_eq!(doc["facets"]["regulator"]["x"], 1);
        assert_eq!(cached.results.query, "Cell");
    }
}
