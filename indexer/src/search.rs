//! Queries over the index: words and quoted phrases, cross-language synonyms, all words
//! required with a ranked fallback, facet filters with counts, and highlighted snippets.
//!
//! The result is the document `regkb search --json` prints and `/api/search` serves.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::{Snippet, SnippetGenerator};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use crate::analysis::{each_term, terms};
use crate::index::{Facet, SearchIndex, record_title};
use crate::synonyms::Synonyms;

/// Longer queries are refused: no honest query needs more, and each word costs a clause.
pub const MAX_QUERY_CHARS: usize = 500;
/// The most hits one page may ask for.
pub const MAX_LIMIT: usize = 100;
/// Results per page when a request names no `limit`.
pub const DEFAULT_LIMIT: usize = 20;
const SNIPPET_CHARS: usize = 220;
/// How much of a paragraph the highlighter reads.
const SNIPPET_SCAN_BYTES: usize = 2000;

/// What to search for. Several values of one facet match any of them; facets combine with AND.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SearchRequest {
    #[serde(default, rename = "q")]
    pub query: String,
    #[serde(default)]
    pub regulator: Vec<String>,
    #[serde(default)]
    pub domain: Vec<String>,
    #[serde(default)]
    pub topic: Vec<String>,
    #[serde(default)]
    pub modality: Vec<String>,
    #[serde(default)]
    pub stance: Vec<String>,
    pub limit: Option<usize>,
    #[serde(default)]
    pub offset: usize,
}

impl SearchRequest {
    /// The values asked for of facet `f`.
    pub fn filter(&self, f: Facet) -> &[String] {
        [&self.regulator, &self.domain, &self.topic, &self.modality, &self.stance][f as usize]
    }

    /// Results per page: `limit` as the search applies it.
    pub fn page_size(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
    }

    /// The values asked for of facet `f`, to change them.
    pub fn filter_mut(&mut self, f: Facet) -> &mut Vec<String> {
        match f {
            Facet::Regulator => &mut self.regulator,
            Facet::Domain => &mut self.domain,
            Facet::Topic => &mut self.topic,
            Facet::Modality => &mut self.modality,
            Facet::Stance => &mut self.stance,
        }
    }
}

/// One page of results, with facet counts over all of them.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SearchResults {
    pub query: String,
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
    /// True when no record had every word, so records with some of them are shown.
    pub relaxed: bool,
    pub hits: Vec<Hit>,
    /// For each facet, how many results each value would give with the other facets' filters.
    pub facets: BTreeMap<&'static str, BTreeMap<String, usize>>,
}

/// One matching record.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Hit {
    pub id: String,
    pub url: String,
    pub title: String,
    pub regulator: String,
    pub topic: String,
    pub domain: String,
    pub modalities: Vec<String>,
    pub stance: String,
    pub status: String,
    pub summary: String,
    /// HTML: the matched words in `<mark>`, everything else escaped.
    pub snippet: String,
    pub score: f32,
}

/// Why a search could not run.
#[derive(Debug)]
pub enum SearchError {
    TooLong { chars: usize },
    Index(tantivy::TantivyError),
}

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SearchError::TooLong { chars } => {
                write!(f, "the query is {chars} characters long; the limit is {MAX_QUERY_CHARS}")
            }
            // What went wrong inside tantivy is for the operator's log, not for readers.
            SearchError::Index(_) => f.write_str("the search index could not be read; please try again"),
        }
    }
}

impl std::error::Error for SearchError {}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Index(e)
    }
}

/// A part of a query that must match.
enum Unit {
    /// A glossary or modality concept, whichever way it is spelt.
    Concept(usize),
    /// A word, or a phrase whose words must follow each other.
    Words(Vec<String>),
}

/// Facet filters as value ids: for each facet, `None` when it is not filtered.
struct Filters([Option<Vec<u32>>; 5]);

impl Filters {
    fn new(index: &SearchIndex, request: &SearchRequest) -> Filters {
        Filters(Facet::ALL.map(|f| {
            let names = request.filter(f);
            (!names.is_empty()).then(|| index.facets.ids(f, names))
        }))
    }

    /// Whether record `ord` has one of the wanted values of facet `f`.
    fn passes(&self, index: &SearchIndex, ord: usize, f: Facet) -> bool {
        self.0[f as usize].as_ref().is_none_or(|wanted| index.facets.values(ord, f).iter().any(|v| wanted.contains(v)))
    }
}

impl SearchIndex {
    /// Runs a search. Malformed syntax (a lone quote, stray symbols) is read as plain words.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        let chars = request.query.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(SearchError::TooLong { chars });
        }
        let limit = request.page_size();
        let units = self.units(&request.query);
        let searcher = self.reader.searcher();
        let (mut matches, query, relaxed) = if units.is_empty() {
            let all = (0..self.content.records.len() as u64).map(|ord| (ord, 0.0)).collect();
            (all, None, false)
        } else {
            let strict = self.query(&units, Occur::Must);
            let found = searcher.search(&strict, &Matches)?;
            if found.is_empty() && units.len() > 1 {
                let loose = self.query(&units, Occur::Should);
                (searcher.search(&loose, &Matches)?, Some(loose), true)
            } else {
                (found, Some(strict), false)
            }
        };
        let filters = Filters::new(self, request);
        let facets = self.count_facets(&matches, &filters);
        matches.retain(|&(ord, _)| Facet::ALL.iter().all(|&f| filters.passes(self, ord as usize, f)));
        let total = matches.len();
        // An offset past the end is the end: no hits, and no arithmetic that can overflow.
        let offset = request.offset.min(total);
        let page = top(&mut matches, offset + limit).iter().skip(offset);
        let snippets = match &query {
            Some(q) => Some(Snippets::new(&searcher, q.as_ref(), self, &units)?),
            None => None,
        };
        let hits = page.map(|&(ord, score)| self.hit(ord, score, snippets.as_ref())).collect();
        Ok(SearchResults { query: request.query.clone(), total, limit, offset, relaxed, hits, facets })
    }

    /// Splits a query into units: quoted phrases and words, with runs of words that spell a
    /// glossary or modality term taken together as that concept.
    fn units(&self, text: &str) -> Vec<Unit> {
        let segments = segments(text);
        let mut units = Vec::new();
        let mut i = 0;
        while i < segments.len() {
            let reach = (i + self.synonyms.longest()).min(segments.len());
            let concept = (i + 1..=reach).rev().find_map(|j| {
                let span = &segments[i..j];
                if j > i + 1 && span.iter().any(|s| s.quoted) {
                    return None;
                }
                let tokens: Vec<&String> = span.iter().flat_map(|s| &s.tokens).collect();
                self.synonyms.concept(&tokens).map(|c| (j, c))
            });
            match concept {
                Some((j, c)) => {
                    units.push(Unit::Concept(c));
                    i = j;
                }
                None => {
                    units.push(Unit::Words(segments[i].tokens.clone()));
                    i += 1;
                }
            }
        }
        units
    }

    /// The tantivy query for the units, each one `occur` (Must: all words; Should: any).
    fn query(&self, units: &[Unit], occur: Occur) -> Box<dyn Query> {
        let clauses = units.iter().map(|unit| (occur, self.unit_query(unit))).collect();
        Box::new(BooleanQuery::new(clauses))
    }

    fn unit_query(&self, unit: &Unit) -> Box<dyn Query> {
        let clauses = self
            .fields
            .weighted()
            .into_iter()
            .map(|(field, boost)| {
                let term = |t: &str| Term::from_field_text(field, t);
                let q: Box<dyn Query> = match unit {
                    Unit::Concept(c) => {
                        Box::new(TermQuery::new(term(&Synonyms::term(*c)), IndexRecordOption::WithFreqs))
                    }
                    Unit::Words(words) if words.len() == 1 => {
                        Box::new(TermQuery::new(term(&words[0]), IndexRecordOption::WithFreqs))
                    }
                    Unit::Words(words) => Box::new(PhraseQuery::new(words.iter().map(|w| term(w)).collect())),
                };
                (Occur::Should, Box::new(BoostQuery::new(q, boost)) as Box<dyn Query>)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// Counts, for each facet, the values of matches that pass every *other* facet's filter,
    /// so a reader sees what choosing another value would give.
    fn count_facets(
        &self,
        matches: &[(u64, Score)],
        filters: &Filters,
    ) -> BTreeMap<&'static str, BTreeMap<String, usize>> {
        let mut counts = Facet::ALL.map(|f| vec![0usize; self.facets.count(f)]);
        for &(ord, _) in matches {
            let ord = ord as usize;
            let passing = Facet::ALL.map(|f| filters.passes(self, ord, f));
            let failing = passing.iter().filter(|p| !**p).count();
            for (i, f) in Facet::ALL.into_iter().enumerate() {
                // Count when every other facet passes: none fails, or only this one does.
                if failing == 0 || (failing == 1 && !passing[i]) {
                    self.facets.values(ord, f).iter().for_each(|&v| counts[i][v as usize] += 1);
                }
            }
        }
        Facet::ALL
            .into_iter()
            .zip(counts)
            .map(|(f, bucket)| {
                let named = bucket.into_iter().enumerate().filter(|(_, n)| *n > 0);
                (f.name(), named.map(|(v, n)| (self.facets.name(f, v as u32).to_owned(), n)).collect())
            })
            .collect()
    }

    fn hit(&self, ord: u64, score: Score, snippets: Option<&Snippets>) -> Hit {
        let ord = ord as usize;
        let record = &self.content.records[ord];
        let summary = record.front.summary.clone();
        let snippet =
            snippets.and_then(|s| s.for_record(&self.texts[ord], &summary)).unwrap_or_else(|| escape(&summary));
        Hit {
            id: record.id.clone(),
            url: format!("/records/{}", record.id),
            title: record_title(&self.content, record),
            regulator: self.facets.name_of(ord, Facet::Regulator),
            topic: self.facets.name_of(ord, Facet::Topic),
            domain: self.facets.name_of(ord, Facet::Domain),
            modalities: self.content.record_modalities(record).into_iter().map(str::to_owned).collect(),
            stance: record.stance().to_string(),
            status: record.status().to_string(),
            summary,
            snippet,
            score: (score * 1000.0).round() / 1000.0,
        }
    }
}

/// The best `n` matches, by score and then record order, sorted; the rest are left unsorted.
fn top(matches: &mut [(u64, Score)], n: usize) -> &[(u64, Score)] {
    let order = |a: &(u64, Score), b: &(u64, Score)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let n = n.min(matches.len());
    if n < matches.len() {
        matches.select_nth_unstable_by(n, order);
    }
    matches[..n].sort_unstable_by(order);
    &matches[..n]
}

/// A word or quoted phrase of a query, analysed.
struct Segment {
    tokens: Vec<String>,
    quoted: bool,
}

/// Splits on white space outside quotes; a quote left open runs to the end.
fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut push = |piece: &str, quoted: bool| {
        let tokens = terms(piece);
        if !tokens.is_empty() {
            out.push(Segment { tokens, quoted });
        }
    };
    for (i, part) in text.split(['"', '“', '”', '「', '」']).enumerate() {
        if i % 2 == 1 {
            push(part, true);
        } else {
            part.split_whitespace().for_each(|word| push(word, false));
        }
    }
    out
}

/// Highlighters for a query on the body and the summary.
struct Snippets {
    body: SnippetGenerator,
    summary: SnippetGenerator,
    /// The terms a passage must hold to be worth highlighting: the query's words, and every
    /// word of every spelling of its concepts.
    wanted: HashSet<String>,
}

impl Snippets {
    fn new(
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        index: &SearchIndex,
        units: &[Unit],
    ) -> tantivy::Result<Snippets> {
        let make = |field| {
            let mut g = SnippetGenerator::create(searcher, query, field)?;
            g.set_max_num_chars(SNIPPET_CHARS);
            Ok::<_, tantivy::TantivyError>(g)
        };
        let wanted = units
            .iter()
            .flat_map(|u| match u {
                Unit::Concept(c) => index.synonyms.concepts()[*c].concat(),
                Unit::Words(words) => words.clone(),
            })
            .collect();
        Ok(Snippets { body: make(index.fields.body)?, summary: make(index.fields.summary)?, wanted })
    }

    /// The best highlighted passage of the body's first paragraph that holds a query term,
    /// else of the summary. Only that paragraph is highlighted: tokenizing whole bodies for
    /// every hit would cost most of a query's time.
    fn for_record(&self, body: &str, summary: &str) -> Option<String> {
        let holds_a_term = |p: &&str| {
            let mut found = false;
            each_term(p, |t| found = found || self.wanted.contains(t));
            found
        };
        let paragraph = body.split('\n').find(holds_a_term);
        let from_body = paragraph.map(|p| self.body.snippet(&p[..p.floor_char_boundary(SNIPPET_SCAN_BYTES)]));
        let snippet = match from_body {
            Some(s) if !s.highlighted().is_empty() => s,
            _ => self.summary.snippet(summary),
        };
        (!snippet.highlighted().is_empty()).then(|| highlight(&snippet))
    }
}

/// The snippet's fragment as HTML: highlighted ranges in `<mark>`, the rest escaped.
fn highlight(snippet: &Snippet) -> String {
    let text = snippet.fragment();
    let mut html = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for range in merged(snippet.highlighted()) {
        html.push_str(&escape(&text[at..range.start]));
        html.push_str("<mark>");
        html.push_str(&escape(&text[range.clone()]));
        html.push_str("</mark>");
        at = range.end;
    }
    html.push_str(&escape(&text[at..]));
    html
}

/// Highlighted ranges sorted and merged: CJK bigrams overlap (造腫, 腫瘍), and one mark
/// should cover the word.
fn merged(ranges: &[std::ops::Range<usize>]) -> Vec<std::ops::Range<usize>> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Collects every matching document's `ord` and score.
struct Matches;

struct SegmentMatches {
    ords: Column<u64>,
    found: Vec<(u64, Score)>,
}

impl Collector for Matches {
    type Fruit = Vec<(u64, Score)>;
    type Child = SegmentMatches;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentMatches> {
        Ok(SegmentMatches { ords: segment.fast_fields().u64("ord")?, found: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(u64, Score)>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<(u64, Score)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(ord) = self.ords.first(doc) {
            self.found.push((ord, score));
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}
