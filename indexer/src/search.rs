//! Queries over the index: words and quoted phrases, cross-language synonyms, all words
//! required with a ranked fallback, facet filters with counts, and highlighted snippets.
//!
//! The result is the document `regkb search --json` prints and `/api/search` serves.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RegexQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::{TokenStream, Tokenizer};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use crate::analysis::{RegkbTokenizer, analyze, is_unspaced, joints, languages_of, terms};
use crate::index::{Facet, SearchIndex, product_summary, product_title, record_title};
use crate::model::Stance;
use crate::synonyms::Synonyms;

/// Longer queries are refused: no honest query needs more, and each word costs a clause.
pub const MAX_QUERY_CHARS: usize = 500;
/// The most hits one page may ask for.
pub const MAX_LIMIT: usize = 100;
/// Results per page when a request names no `limit`.
pub const DEFAULT_LIMIT: usize = 20;
/// A snippet's length, in characters.
const SNIPPET_CHARS: usize = 220;
/// How many characters a snippet shows before the first highlighted word.
const SNIPPET_LEAD_CHARS: usize = 40;
/// How much of a body the highlighter reads.
const SNIPPET_SCAN_BYTES: usize = 6000;
/// The quotation marks that enclose a phrase.
const QUOTES: [char; 5] = ['"', '“', '”', '「', '」'];
/// A record whose stance is `unknown` ranks below a researched one of similar relevance.
pub const UNKNOWN_WEIGHT: f32 = 0.6;
/// The records of regulators that work in the query's language rank higher.
pub const LANGUAGE_LIFT: f32 = 2.5;

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
    /// True when no record had every word, so records with most of them are shown.
    pub relaxed: bool,
    /// False when the query has text but nothing in it can be searched (symbols, emoji): no
    /// record is returned for it.
    pub analysable: bool,
    /// The words of the query that no record (within the filters) has, left out of the search.
    pub dropped: Vec<String>,
    /// Queries to try instead when nothing was found: the query with its words replaced by the
    /// nearest glossary terms, modality names and topic titles.
    pub suggestions: Vec<String>,
    pub hits: Vec<Hit>,
    /// For each facet, how many results each value would give with the other facets' filters.
    pub facets: BTreeMap<&'static str, BTreeMap<String, usize>>,
}

impl SearchResults {
    /// What a reader should know besides the count, as sentences: which words no record has, and
    /// a query to try instead.
    pub fn notes(&self) -> String {
        let mut notes = Vec::new();
        if !self.dropped.is_empty() {
            notes.push(format!("No record has {}.", quoted_list(&self.dropped)));
        }
        if let Some(s) = self.suggestions.first() {
            notes.push(format!("Did you mean “{s}”?"));
        }
        notes.join(" ")
    }
}

fn quoted_list(words: &[String]) -> String {
    words.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>().join(", ")
}

/// One matching record or product.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Hit {
    /// `record` or `product`.
    pub kind: &'static str,
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
    /// In a relaxed search, the words of the query this record lacks.
    pub missing: Vec<String>,
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

/// A part of a query that must match, with the query text it came from.
struct Unit {
    kind: Kind,
    text: String,
    /// A word that only frames a question ("how", "must"), left out when the query has others.
    framing: bool,
    /// Written without a space against a concept (試験 in 造腫瘍性試験): it ranks, but a record
    /// need not have it, since an unspaced run cannot tell a modifier from a separate word.
    optional: bool,
}

enum Kind {
    /// A glossary or modality concept, whichever way it is spelt.
    Concept(usize),
    /// A word, or a phrase whose words must follow each other.
    Words(Vec<String>),
    /// One character of an unspaced script, found inside the words that hold it.
    Char(char),
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

    /// Whether record `ord` passes every facet's filter.
    fn admit(&self, index: &SearchIndex, ord: u64) -> bool {
        Facet::ALL.iter().all(|&f| self.passes(index, ord as usize, f))
    }
}

/// Records found, with scores and, in a relaxed search, the units each lacks.
struct Found {
    matches: Vec<(u64, Score)>,
    missing: HashMap<u64, Vec<usize>>,
    dropped: Vec<usize>,
    relaxed: bool,
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
        let filters = Filters::new(self, request);
        let browsing = request.query.trim().is_empty();
        let mut found = if units.is_empty() {
            // Nothing to search for: a blank query lists every record; symbols find none.
            let all =
                if browsing { (0..self.content.records.len() as u64).map(|ord| (ord, 0.0)).collect() } else { vec![] };
            Found { matches: all, missing: HashMap::new(), dropped: vec![], relaxed: false }
        } else {
            self.find(&searcher, &units, &filters)?
        };
        self.weigh(&mut found.matches, &request.query);
        let facets = self.count_facets(&found.matches, &filters);
        let mut matches = found.matches;
        matches.retain(|&(ord, _)| filters.admit(self, ord));
        let total = matches.len();
        // An offset past the end is the end: no hits, and no arithmetic that can overflow.
        let offset = request.offset.min(total);
        let page = top(&mut matches, offset + limit).iter().skip(offset);
        let snippets = Snippets::new(self, &units);
        let name = |ids: &[usize]| ids.iter().map(|&u| units[u].text.clone()).collect::<Vec<_>>();
        let hits = page
            .map(|&(ord, score)| {
                let mut hit = self.hit(ord, score, &snippets);
                hit.missing = found.missing.get(&ord).map(|m| name(m)).unwrap_or_default();
                hit
            })
            .collect();
        let stuck = total == 0 || !found.dropped.is_empty();
        let suggestions = if stuck && !units.is_empty() { self.suggestions(&request.query, &units) } else { vec![] };
        Ok(SearchResults {
            query: request.query.clone(),
            total,
            limit,
            offset,
            relaxed: found.relaxed,
            analysable: browsing || !units.is_empty(),
            dropped: name(&found.dropped),
            suggestions,
            hits,
            facets,
        })
    }

    /// Records with every unit; when none passes the filters, records with most of them,
    /// ranked by how many they have, and the units that no record has.
    fn find(&self, searcher: &tantivy::Searcher, units: &[Unit], filters: &Filters) -> tantivy::Result<Found> {
        let strict = self.query(units, Occur::Must);
        let matches = searcher.search(&strict, &Matches)?;
        let required = units.iter().filter(|u| !u.optional).count();
        if required <= 1 || matches.iter().any(|&(ord, _)| filters.admit(self, ord)) {
            return Ok(Found { matches, missing: HashMap::new(), dropped: vec![], relaxed: false });
        }
        let mut scores: HashMap<u64, (Score, Vec<bool>)> = HashMap::new();
        let mut dropped = Vec::new();
        for (u, unit) in units.iter().enumerate() {
            let found = searcher.search(&self.query(std::slice::from_ref(unit), Occur::Must), &Matches)?;
            if !found.iter().any(|&(ord, _)| filters.admit(self, ord)) {
                dropped.push(u);
            }
            for (ord, score) in found {
                let entry = scores.entry(ord).or_insert_with(|| (0.0, vec![false; units.len()]));
                entry.0 += score;
                entry.1[u] = true;
            }
        }
        let n = units.len() as f32;
        let mut missing = HashMap::new();
        let matches = scores
            .into_iter()
            .map(|(ord, (score, has))| {
                let lacks: Vec<usize> = (0..units.len()).filter(|&u| !has[u]).collect();
                // Coordination: a record with more of the words ranks above one with fewer.
                let coord = (n - lacks.len() as f32) / n;
                missing.insert(ord, lacks);
                (ord, score * coord * coord)
            })
            .collect();
        Ok(Found { matches, missing, dropped, relaxed: true })
    }

    /// Ranks by what a reader of regulations needs besides the words: researched records over
    /// `unknown` ones, and the records of regulators that work in the query's language.
    fn weigh(&self, matches: &mut [(u64, Score)], query: &str) {
        let languages = languages_of(query);
        for (ord, score) in matches.iter_mut() {
            // Products (after the records) have no stance and many regulators: they keep their score.
            let Some(record) = self.content.records.get(*ord as usize) else { continue };
            if record.stance() == Stance::Unknown {
                *score *= UNKNOWN_WEIGHT;
            }
            let speaks = |r: &crate::model::Regulator| r.languages.iter().any(|l| languages.contains(&l.as_str()));
            if self.content.regulator(record.regulator()).is_some_and(speaks) {
                *score *= LANGUAGE_LIFT;
            }
        }
    }

    /// Splits a query into units: quoted phrases, and in the rest every glossary or modality
    /// term it spells (as the index marks them, so a run typed without spaces is found as its
    /// words are) and the words between them.
    fn units(&self, text: &str) -> Vec<Unit> {
        let mut units = Vec::new();
        for (i, part) in text.split(QUOTES).enumerate() {
            if i % 2 == 1 {
                self.quoted(part, &mut units);
            } else {
                self.unquoted(part, &mut units);
            }
        }
        if units.iter().any(|u| !u.framing) {
            units.retain(|u| !u.framing);
        }
        units
    }

    fn quoted(&self, part: &str, units: &mut Vec<Unit>) {
        let tokens = terms(part);
        if tokens.is_empty() {
            return;
        }
        let kind = self.synonyms.concept(&tokens).map_or(Kind::Words(tokens), Kind::Concept);
        units.push(Unit { kind, text: part.trim().to_owned(), framing: false, optional: false });
    }

    fn unquoted(&self, part: &str, units: &mut Vec<Unit>) {
        let tokens = analyze(part);
        let offsets: Vec<Range<usize>> = tokens.iter().map(|t| t.offset_from..t.offset_to).collect();
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        let spelt = self.synonyms.find(&words, &joints(part, &offsets), &mut String::new());
        let mut at = 0;
        let mut reached = 0;
        // The longest spelling at each start, left to right, without overlaps.
        for (i, s) in spelt.iter().enumerate() {
            let longest = spelt.get(i + 1).is_none_or(|next| next.tokens.start != s.tokens.start);
            if !longest || s.tokens.start < reached {
                continue;
            }
            let bytes = offsets[s.tokens.start].start..offsets[s.tokens.end - 1].end;
            leftovers(&part[at..bytes.start.max(at)], false, [at > 0, true], units);
            let text = part[bytes.clone()].to_owned();
            units.push(Unit { kind: Kind::Concept(s.concept), text, framing: false, optional: false });
            at = bytes.end;
            reached = s.tokens.end;
        }
        leftovers(&part[at..], spelt.is_empty(), [at > 0, false], units);
    }

    /// The tantivy query for the units, each one `occur` (Must: all words; Should: any); an
    /// optional unit is always Should.
    fn query(&self, units: &[Unit], occur: Occur) -> Box<dyn Query> {
        let clauses = units
            .iter()
            .map(|unit| (if unit.optional { Occur::Should } else { occur }, self.unit_query(unit)))
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    fn unit_query(&self, unit: &Unit) -> Box<dyn Query> {
        let clauses = self
            .fields
            .weighted()
            .into_iter()
            // The scope field holds concept terms only.
            .filter(|(field, _)| *field != self.fields.scope || matches!(unit.kind, Kind::Concept(_)))
            .map(|(field, boost)| {
                let term = |t: &str| Term::from_field_text(field, t);
                let q: Box<dyn Query> = match &unit.kind {
                    Kind::Concept(c) => {
                        Box::new(TermQuery::new(term(&Synonyms::term(*c)), IndexRecordOption::WithFreqs))
                    }
                    Kind::Words(words) if words.len() == 1 => {
                        Box::new(TermQuery::new(term(&words[0]), IndexRecordOption::WithFreqs))
                    }
                    Kind::Words(words) => Box::new(PhraseQuery::new(words.iter().map(|w| term(w)).collect())),
                    Kind::Char(c) => Box::new(
                        RegexQuery::from_pattern(&format!("{c}|{c}.|.{c}"), field)
                            .expect("one letter of an unspaced script is a literal"),
                    ),
                };
                (Occur::Should, Box::new(BoostQuery::new(q, boost)) as Box<dyn Query>)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// The query with each word that matched nothing replaced by the nearest known term.
    fn suggestions(&self, query: &str, units: &[Unit]) -> Vec<String> {
        let known = |word: &str| {
            let lower = word.to_lowercase();
            let chars = lower.chars().count();
            let allowed = (chars / 4).max(1);
            let distance = |(l, _): &&(String, String)| strsim::damerau_levenshtein(&lower, l);
            // Terms whose length differs by more than the allowed edits cannot be near: skip them cheaply.
            let close = |(l, _): &&(String, String)| *l != lower && l.chars().count().abs_diff(chars) <= allowed;
            let near = self.vocabulary.iter().filter(close).min_by_key(distance);
            near.filter(|v| distance(v) <= allowed).map(|(_, v)| v.clone())
        };
        if let Some(whole) = known(query.trim()) {
            return vec![whole];
        }
        let mut suggestion = query.to_owned();
        let mut changed = false;
        for unit in units {
            if let Some(better) = known(&unit.text) {
                suggestion = suggestion.replacen(&unit.text, &better, 1);
                changed = true;
            }
        }
        if changed { vec![suggestion] } else { vec![] }
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

    fn hit(&self, ord: u64, score: Score, snippets: &Snippets) -> Hit {
        let ord = ord as usize;
        let Some(record) = self.content.records.get(ord) else {
            return self.product_hit(ord, score, snippets);
        };
        let summary = record.front.summary.clone();
        let snippet = snippets.for_record(&self.texts[ord], &summary).unwrap_or_else(|| escape(&summary));
        Hit {
            kind: "record",
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
            missing: Vec::new(),
            score: (score * 1000.0).round() / 1000.0,
        }
    }
}

impl SearchIndex {
    /// The hit of a product: its documents follow the records'.
    fn product_hit(&self, ord: usize, score: Score, snippets: &Snippets) -> Hit {
        let p = &self.content.products[ord - self.content.records.len()];
        let summary = product_summary(&self.content, p);
        let snippet = snippets.for_record(&self.texts[ord], &summary).unwrap_or_else(|| escape(&summary));
        Hit {
            kind: "product",
            id: p.id.clone(),
            url: format!("/products/{}", p.id),
            title: product_title(p),
            regulator: self.facets.name_of(ord, Facet::Regulator),
            topic: String::new(),
            domain: String::new(),
            modalities: vec![p.modality().to_owned()],
            stance: String::new(),
            status: p.front.status.value.to_string(),
            summary,
            snippet,
            missing: Vec::new(),
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

/// The words between the concepts of an unquoted part of a query, as units: each word
/// separated by spaces, or in unspaced scripts by particles (の, 的, 의 ...), is one unit.
/// `alone` says the part spells no concept; `concept_around` whether a concept comes just
/// before and just after `text`.
fn leftovers(text: &str, alone: bool, concept_around: [bool; 2], units: &mut Vec<Unit>) {
    let glued_first = concept_around[0] && !text.starts_with(char::is_whitespace);
    let glued_last = concept_around[1] && !text.ends_with(char::is_whitespace);
    let count = text.split_whitespace().count();
    for (w, word) in text.split_whitespace().enumerate() {
        let glued = (w == 0 && glued_first) || (w + 1 == count && glued_last);
        // A query of particles only is searched as it is: さきがけ is all hiragana.
        let all_particles = word.chars().all(|c| is_particle(c) || !is_unspaced(c));
        let pieces: Vec<&str> = if all_particles && alone { vec![word] } else { word.split(is_particle).collect() };
        for piece in pieces {
            let tokens = terms(piece);
            let mut letters = piece.chars().filter(|c| is_unspaced(*c));
            let kind = match (tokens.as_slice(), letters.next(), letters.next()) {
                ([], ..) => continue,
                ([_], Some(c), None) if tokens.len() == 1 && piece.trim().chars().count() == 1 => {
                    if KOREAN_PARTICLES.contains(c) {
                        continue;
                    }
                    Kind::Char(c)
                }
                _ => Kind::Words(tokens),
            };
            let framing = FRAMING_WORDS.contains(&piece.to_lowercase().as_str());
            let optional = glued && piece.chars().all(is_unspaced);
            units.push(Unit { kind, text: piece.to_owned(), framing, optional });
        }
    }
}

/// Hiragana, and the Chinese characters that join words (的, 与, 和, 及, 或, 之): a run typed
/// without spaces is split at them.
fn is_particle(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}') || PARTICLES.contains(c)
}

/// The Chinese characters that join words.
pub const PARTICLES: &str = "的与與和及或之";

/// English words that frame a question rather than say what it is about.
pub const FRAMING_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "for",
    "in",
    "on",
    "to",
    "by",
    "with",
    "and",
    "or",
    "is",
    "are",
    "be",
    "been",
    "do",
    "does",
    "did",
    "can",
    "must",
    "should",
    "shall",
    "may",
    "what",
    "which",
    "when",
    "where",
    "who",
    "why",
    "how",
    "there",
    "any",
    "need",
    "needed",
    "required",
    "requirement",
    "requirements",
];

/// Korean particles that follow a noun; one alone after a concept is not searched.
pub const KOREAN_PARTICLES: &str = "의을를은는이가에와과로도및";

/// Highlighters for a query's units: which terms of a text are the query's.
struct Snippets {
    tokenizer: RegkbTokenizer,
    /// The query's words and concept terms.
    wanted: HashSet<String>,
    /// The query's single letters of unspaced scripts, found inside bigrams.
    letters: Vec<char>,
}

impl Snippets {
    fn new(index: &SearchIndex, units: &[Unit]) -> Snippets {
        let mut wanted = HashSet::new();
        let mut letters = Vec::new();
        for unit in units {
            match &unit.kind {
                Kind::Concept(c) => drop(wanted.insert(Synonyms::term(*c))),
                Kind::Words(words) => wanted.extend(words.iter().cloned()),
                Kind::Char(c) => letters.push(*c),
            }
        }
        Snippets { tokenizer: RegkbTokenizer::with_concepts(index.synonyms.clone()), wanted, letters }
    }

    fn wants(&self, term: &str) -> bool {
        self.wanted.contains(term) || (!term.starts_with('~') && self.letters.iter().any(|&c| term.contains(c)))
    }

    /// The query's terms in `text`: how many different ones, and where.
    fn matched(&self, text: &str) -> (usize, Vec<Range<usize>>) {
        let mut distinct = HashSet::new();
        let mut ranges = Vec::new();
        let mut stream = self.tokenizer.clone().token_stream(text);
        while let Some(token) = stream.next() {
            if self.wants(&token.text) {
                distinct.insert(token.text.clone());
                ranges.push(token.offset_from..token.offset_to);
            }
        }
        (distinct.len(), ranges)
    }

    /// The passage of the body's paragraph that holds most of the query's terms, else of the
    /// summary, highlighted; `SNIPPET_CHARS` characters long.
    fn for_record(&self, body: &str, summary: &str) -> Option<String> {
        let mut best: Option<(usize, &str, Vec<Range<usize>>)> = None;
        let mut scanned = 0;
        for paragraph in body.split('\n') {
            if scanned >= SNIPPET_SCAN_BYTES {
                break;
            }
            let paragraph = &paragraph[..paragraph.floor_char_boundary(SNIPPET_SCAN_BYTES - scanned)];
            scanned += paragraph.len() + 1;
            let (count, ranges) = self.matched(paragraph);
            if count > best.as_ref().map_or(0, |b| b.0) {
                best = Some((count, paragraph, ranges));
            }
        }
        let (text, ranges) = match best {
            Some((_, p, r)) => (p, r),
            None => {
                let (count, ranges) = self.matched(summary);
                if count == 0 {
                    return None;
                }
                (summary, ranges)
            }
        };
        Some(window(text, &merged(&ranges)))
    }
}

/// The `SNIPPET_CHARS` characters of `text` that hold the most highlighted ranges, a little
/// lead-in before the first, as HTML.
fn window(text: &str, ranges: &[Range<usize>]) -> String {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let chars = bounds.len() - 1;
    let char_at = |byte: usize| bounds.partition_point(|&b| b < byte);
    let span = |anchor: &Range<usize>| {
        let start = char_at(anchor.start).saturating_sub(SNIPPET_LEAD_CHARS);
        let start = start.min(chars.saturating_sub(SNIPPET_CHARS));
        bounds[start]..bounds[(start + SNIPPET_CHARS).min(chars)]
    };
    let covered = |w: &Range<usize>| ranges.iter().filter(|r| w.start <= r.start && r.end <= w.end).count();
    let best = ranges.iter().map(span).fold(None::<(usize, Range<usize>)>, |best, w| {
        let n = covered(&w);
        if best.as_ref().is_some_and(|(m, _)| *m >= n) { best } else { Some((n, w)) }
    });
    let frame = best.map_or(0..bounds[SNIPPET_CHARS.min(chars)], |(_, w)| w);
    let inside: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| r.start < frame.end && r.end > frame.start)
        .map(|r| r.start.max(frame.start) - frame.start..r.end.min(frame.end) - frame.start)
        .collect();
    highlight(&text[frame], &inside)
}

/// `text` as HTML: `ranges` in `<mark>`, the rest escaped.
fn highlight(text: &str, ranges: &[Range<usize>]) -> String {
    let mut html = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for range in ranges {
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
