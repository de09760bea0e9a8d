//! The regkb comparison site: views of the content, askama templates, the axum server with
//! live preview, and the static export. Server and export render the same templates.

pub mod assets;
pub mod cache;
pub mod changelog;
pub mod data;
pub mod definitions;
pub mod export;
pub mod fairness;
pub mod feeds;
pub mod formats;
pub mod i18n;
pub mod links;
pub mod pages;
pub mod params;
pub mod preview;
pub mod references;
pub mod server;
pub mod tables;
pub mod views;
pub mod watch;

use std::borrow::Cow;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use indexer::date::Date;
use indexer::history::History;
use indexer::search::SearchError;
use indexer::{Content, SearchIndex, SearchRequest};

/// One built version of the site: the content, its search index, its records' history, and
/// recent results.
pub struct Site {
    pub content: Arc<Content>,
    /// The server's search index; none for the export, whose search is the client index.
    index: Option<SearchIndex>,
    /// The content's version: its git commit, or "unknown".
    pub version: String,
    /// The records' history from git; unavailable until `with_history` gives it.
    pub history: Arc<History>,
    /// Set when the whole site shows the content as it was on a past date (`export --as-of`).
    pub as_of: Option<AsOf>,
    searches: cache::SearchCache,
    /// The content's vocabulary in each language, in `Lang::ALL`'s order, for the server: made
    /// when a page in that language is first asked for (each is a copy of the content).
    vocabularies: Vec<OnceLock<i18n::Vocabulary>>,
    /// The search page's facet labels in each language, made when first shown.
    facet_labels: Vec<OnceLock<pages::FacetLabels>>,
}

impl Site {
    /// Builds the site for `content`, indexing it in RAM.
    pub fn build(content: Content) -> Result<Site, indexer::index::IndexError> {
        let content = Arc::new(content);
        Ok(Site::over(Some(SearchIndex::build(content.clone())?), content))
    }

    /// The site for `content` without a search index, for the export: its search runs in the
    /// browser over `indexer::client`'s index, and `search` fails.
    pub fn unindexed(content: Content) -> Site {
        Site::over(None, Arc::new(content))
    }

    /// The facet values' labels in `frame`'s language, as the search page shows them: made from
    /// the first page frame that asks, which marks the words its vocabulary leaves in English, as
    /// every page's frame in that language does.
    pub fn facet_labels(&self, frame: &pages::Frame) -> &pages::FacetLabels {
        let lang = frame.lang;
        self.facet_labels[lang as usize].get_or_init(|| pages::FacetLabels::of(frame, &self.vocabulary(lang).content))
    }

    /// Builds the site for `content` over an index `regkb index` wrote to `dir`.
    pub fn open(content: Content, dir: &Path) -> Result<Site, indexer::index::IndexError> {
        let content = Arc::new(content);
        Ok(Site::over(Some(SearchIndex::open(content.clone(), dir)?), content))
    }

    fn over(index: Option<SearchIndex>, content: Arc<Content>) -> Site {
        Site {
            index,
            version: indexer::version::UNKNOWN.to_owned(),
            history: Arc::new(History::unavailable("the site was built without reading the content's history")),
            as_of: None,
            searches: cache::SearchCache::new(cache::DEFAULT_MIB << 20),
            vocabularies: i18n::Lang::ALL.iter().map(|_| OnceLock::new()).collect(),
            facet_labels: i18n::Lang::ALL.iter().map(|_| OnceLock::new()).collect(),
            content,
        }
    }

    /// The content with its vocabulary in `lang`, and the English words it still shows.
    pub fn vocabulary(&self, lang: i18n::Lang) -> &i18n::Vocabulary {
        self.vocabularies[lang as usize].get_or_init(|| i18n::Vocabulary::of(&self.content, lang))
    }

    /// This site, saying its content is at `version`.
    pub fn with_version(mut self, version: String) -> Site {
        self.version = version;
        self
    }

    /// This site with the records' history, as `indexer::history::read` gives it.
    pub fn with_history(mut self, history: History) -> Site {
        self.history = Arc::new(history);
        self
    }

    /// The content as it was on `date`, and the notice pages show about it. Without history,
    /// today's content, with a notice that says so.
    pub fn content_as_of(&self, date: Date) -> (Cow<'_, Content>, AsOf) {
        match self.history.content_as_of(&self.content, date) {
            Some(past) => (Cow::Owned(past), AsOf::new(date, None)),
            None => (Cow::Borrowed(&*self.content), AsOf::new(date, self.history.unavailable.as_deref())),
        }
    }

    /// This site with a search cache of at most `bytes` (0: no cache).
    pub fn with_search_cache(mut self, bytes: usize) -> Site {
        self.searches = cache::SearchCache::new(bytes);
        self
    }

    /// The bytes this site's search cache may use.
    pub fn search_cache(&self) -> usize {
        self.searches.budget()
    }

    /// The results of `request`, from the cache when it was asked recently.
    pub fn search(&self, request: &SearchRequest) -> Result<Arc<cache::Cached>, SearchError> {
        // Without a cache there is no key to build and no lock to take.
        let key = (self.searches.budget() > 0).then(|| params::canonical(request));
        if let Some(hit) = key.as_deref().and_then(|k| self.searches.get(k)) {
            return Ok(hit);
        }
        let index = self.index.as_ref().ok_or_else(|| {
            SearchError::Index(indexer::index::IndexError::InvalidArgument(
                "this site was built without an index".into(),
            ))
        })?;
        let cached = Arc::new(cache::Cached::new(index.search(request)?));
        if let Some(key) = key {
            self.searches.put(key, cached.clone());
        }
        Ok(cached)
    }

    /// The cached results of `request`, without searching.
    pub fn cached(&self, request: &SearchRequest) -> Option<Arc<cache::Cached>> {
        (self.searches.budget() > 0).then(|| self.searches.get(&params::canonical(request))).flatten()
    }
}

/// A page's notice that it shows the content as it was on a past date.
#[derive(Debug, Clone)]
pub struct AsOf {
    /// The date, `YYYY-MM-DD`.
    pub date: String,
    /// Why history could not be read, when it could not: the page then shows today's content.
    pub unavailable: Option<String>,
    /// The address of today's version of the page, when there is one.
    pub today: Option<String>,
}

impl AsOf {
    /// The notice for `date`; `unavailable` is why history could not be read, if it could not.
    pub fn new(date: Date, unavailable: Option<&str>) -> AsOf {
        AsOf { date: date.to_string(), unavailable: unavailable.map(str::to_owned), today: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_variants_of_a_query_share_one_cache_entry() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/valid");
        let site = Site::build(indexer::load::load(&root).0).unwrap().with_search_cache(1 << 20);
        let word = "tumorigenicity";
        for variant in 0..2000u32 {
            let query: String = word
                .chars()
                .enumerate()
                .map(|(i, c)| if variant >> i & 1 == 1 { c.to_ascii_uppercase() } else { c })
                .collect();
            let request = SearchRequest { query: query.clone(), ..SearchRequest::default() };
            let answer = site.search(&request).unwrap();
            assert!(
                answer.results.total > 0
                    && answer.json(&query).starts_with(format!(r#"{{"query":"{query}""#).as_bytes())
            );
        }
        let (entries, bytes) = site.searches.usage();
        assert_eq!(entries, 1, "2,000 spellings of one word are one search");
        assert!(bytes < 64 * 1024, "{bytes} bytes");
    }
}
