//! Queries over the index: words and quoted phrases, cross-language synonyms, all words
//! required with a ranked fallback, facet filters with counts, and highlighted snippets.
//!
//! The result is the document `regkb search --json` prints and `/api/search` serves.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use tantivy::query::{BoostQuery, PhraseQuery, Query, RegexQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Score, Term};

use crate::analysis::{analyze, is_unspaced, joints, languages_of, terms};
use crate::index::{Facet, SearchIndex, product_summary, product_title, record_title};
use crate::model::Stance;
use crate::scoring::{AnyOf, Matches};
use crate::snippets::{Snippets, escape};
use crate::synonyms::Synonyms;
use crate::unit_matches::{self, Match};

/// Longer queries are refused: no honest query needs more, and each word costs a clause.
pub const MAX_QUERY_CHARS: usize = 500;
/// The most hits one page may ask for.
pub const MAX_LIMIT: usize = 100;
/// Results per page when a request names no `limit`.
pub const DEFAULT_LIMIT: usize = 20;
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
    pub facets: BTreeMap<&'static str, BTreeMap<Arc<str>, usize>>,
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

    /// These results as JSON, the same as `serde_json` writes them, faster: the fields of each
    /// hit that no query changes were written when the index was built. As the bytes a response
    /// sends: made of UTF-8 pieces, they need no second look as a `String`.
    pub fn to_json(&self) -> Vec<u8> {
        // The hits' length and room for the rest (the facets' few kilobytes): written without growing.
        let hits: usize = self.hits.iter().map(|h| h.card_json.len() + h.snippet.len() + 128).sum();
        let mut out = Vec::with_capacity(hits + 8 * 1024);
        out.extend_from_slice(br#"{"query":"#);
        json_into(&mut out, &self.query);
        let flags = format!(
            r#","total":{},"limit":{},"offset":{},"relaxed":{},"analysable":{},"dropped":"#,
            self.total, self.limit, self.offset, self.relaxed, self.analysable
        );
        out.extend_from_slice(flags.as_bytes());
        json_into(&mut out, &self.dropped);
        out.extend_from_slice(br#","suggestions":"#);
        json_into(&mut out, &self.suggestions);
        out.extend_from_slice(br#","hits":["#);
        for (i, hit) in self.hits.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"{" } else { b",{" });
            out.extend_from_slice(hit.card_json.as_bytes());
            out.extend_from_slice(br#","snippet":"#);
            json_str_into(&mut out, &hit.snippet);
            out.extend_from_slice(br#","missing":"#);
            json_into(&mut out, &hit.missing);
            out.extend_from_slice(br#","score":"#);
            json_into(&mut out, &hit.score);
            out.push(b'}');
        }
        out.extend_from_slice(br#"],"facets":"#);
        json_into(&mut out, &self.facets);
        out.push(b'}');
        out
    }
}

/// Appends `value` as JSON.
fn json_into<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    serde_json::to_writer(out, value).expect("search results are JSON");
}

/// Appends `text` as a JSON string, as `json_into` does. Most text needs no escaping (a snippet's
/// HTML has no quote; a backslash or control character is rare): that is checked in one pass
/// without branches, which the compiler makes wide, and the text copied whole.
fn json_str_into(out: &mut Vec<u8>, text: &str) {
    let special = text.bytes().fold(false, |special, b| special | (b < 0x20) | (b == b'"') | (b == b'\\'));
    if special {
        return json_into(out, text);
    }
    out.push(b'"');
    out.extend_from_slice(text.as_bytes());
    out.push(b'"');
}

fn quoted_list(words: &[String]) -> String {
    words.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>().join(", ")
}

/// One matching record or product. The fields from `kind` to `summary`, its card, are the same in
/// every search: shared with the index, not copied into each hit.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Hit {
    /// `record` or `product`.
    pub kind: &'static str,
    pub id: Arc<str>,
    pub url: Arc<str>,
    pub title: Arc<str>,
    pub regulator: Arc<str>,
    pub topic: Arc<str>,
    pub domain: Arc<str>,
    pub modalities: Arc<[String]>,
    pub stance: Arc<str>,
    pub status: Arc<str>,
    pub summary: Arc<str>,
    /// HTML: the matched words in `<mark>`, everything else escaped.
    pub snippet: String,
    /// In a relaxed search, the words of the query this record lacks.
    pub missing: Vec<String>,
    pub score: f32,
    /// The JSON of the fields from `kind` to `summary`, which no query changes: written once,
    /// when the index is built, for `SearchResults::to_json`.
    #[serde(skip)]
    #[schemars(skip)]
    card_json: Arc<str>,
}

/// What ends the JSON of a card: the fields a search fills in, empty.
const CARD_JSON_END: &str = r#","snippet":"","missing":[],"score":0.0}"#;

impl Hit {
    /// This hit, a card, with the JSON of its card fields made.
    pub(crate) fn with_card_json(mut self) -> Hit {
        let json = serde_json::to_string(&self).expect("a hit is JSON");
        let fields = json.strip_prefix('{').and_then(|j| j.strip_suffix(CARD_JSON_END));
        self.card_json = fields.expect("a card's JSON ends with its empty search fields").into();
        self
    }
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

impl Unit {
    /// What the unit looks for, as the key of its kept matches.
    fn key(&self) -> String {
        match &self.kind {
            Kind::Concept(c) => format!("c{c}"),
            Kind::Words(words) => format!("w{}", words.join("\u{1}")),
            Kind::Char(c) => format!("l{c}"),
        }
    }
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

    /// Whether any facet is filtered: most searches filter none, and then every match counts.
    fn any(&self) -> bool {
        self.0.iter().any(Option::is_some)
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

/// Records found, with scores and, in a relaxed search, which units each has.
struct Found {
    matches: Vec<(u64, Score)>,
    /// In a relaxed search, for each document `ord` and unit `u`, whether `has[ord * units + u]`.
    has: Vec<bool>,
    dropped: Vec<usize>,
    relaxed: bool,
}

impl Found {
    fn strict(matches: Vec<(u64, Score)>) -> Found {
        Found { matches, has: Vec::new(), dropped: Vec::new(), relaxed: false }
    }

    /// The units of `units` that document `ord` lacks: none unless the search was relaxed.
    fn missing(&self, ord: u64, units: usize) -> Vec<usize> {
        let at = ord as usize * units;
        let has = self.has.get(at..at + units).unwrap_or_default();
        has.iter().enumerate().filter(|(_, h)| !**h).map(|(u, _)| u).collect()
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
        let filters = Filters::new(self, request);
        let browsing = request.query.trim().is_empty();
        let mut found = if units.is_empty() {
            // Nothing to search for: a blank query lists every record; symbols find none.
            let all =
                if browsing { (0..self.content.records.len() as u64).map(|ord| (ord, 0.0)).collect() } else { vec![] };
            Found::strict(all)
        } else {
            self.find(&searcher, &units, &filters)?
        };
        self.weigh(&mut found.matches, &request.query);
        let facets = self.count_facets(&found.matches, &filters);
        let mut matches = std::mem::take(&mut found.matches);
        if filters.any() {
            matches.retain(|&(ord, _)| filters.admit(self, ord));
        }
        let total = matches.len();
        // An offset past the end is the end: no hits, and no arithmetic that can overflow.
        let offset = request.offset.min(total);
        let page = top(&mut matches, offset + limit).iter().skip(offset);
        let snippets = self.snippets(&units);
        let name = |ids: &[usize]| ids.iter().map(|&u| units[u].text.clone()).collect::<Vec<_>>();
        let hits = page
            .map(|&(ord, score)| {
                let mut hit = self.hit(ord, score, &snippets);
                hit.missing = name(&found.missing(ord, units.len()));
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
        let lists = units.iter().map(|u| self.matches_of(searcher, u)).collect::<tantivy::Result<Vec<_>>>()?;
        let required: Vec<bool> = units.iter().map(|u| !u.optional).collect();
        let matches = unit_matches::intersect(&lists, &required);
        if required.iter().filter(|r| **r).count() <= 1 || matches.iter().any(|&(ord, _)| filters.admit(self, ord)) {
            return Ok(Found::strict(matches));
        }
        // Dense by document: a long question can match every record.
        let (docs, n) = (self.texts.len(), units.len());
        let mut scores = vec![0.0; docs];
        let mut has = vec![false; docs * n];
        let mut dropped = Vec::new();
        for (u, list) in lists.iter().enumerate() {
            if !list.iter().any(|&(ord, _)| filters.admit(self, u64::from(ord))) {
                dropped.push(u);
            }
            for &(ord, score) in list.iter() {
                scores[ord as usize] += score;
                has[ord as usize * n + u] = true;
            }
        }
        let matches = (0..docs)
            .filter_map(|ord| {
                let count = has[ord * n..(ord + 1) * n].iter().filter(|h| **h).count();
                // Coordination: a record with more of the words ranks above one with fewer.
                let coord = count as f32 / n as f32;
                (count > 0).then(|| (ord as u64, scores[ord] * coord * coord))
            })
            .collect();
        Ok(Found { matches, has, dropped, relaxed: true })
    }

    /// Every record with `unit`, in record order, with its score there.
    fn matches_of(&self, searcher: &tantivy::Searcher, unit: &Unit) -> tantivy::Result<Arc<[Match]>> {
        self.unit_matches.get_or_find(&unit.key(), || searcher.search(&*self.unit_query(unit), &Matches))
    }

    /// Ranks by what a reader of regulations needs besides the words: researched records over
    /// `unknown` ones, and the records of regulators that work in the query's language.
    fn weigh(&self, matches: &mut [(u64, Score)], query: &str) {
        let languages = languages_of(query);
        let speaks = |r: &&crate::model::Regulator| r.languages.iter().any(|l| languages.contains(&l.as_str()));
        let speaking: Vec<String> = self.content.regulators.iter().filter(speaks).map(|r| r.id.value.clone()).collect();
        let speaking = self.facets.ids(Facet::Regulator, &speaking);
        for (ord, score) in matches.iter_mut() {
            // Products (after the records) have no stance and many regulators: they keep their score.
            let Some(record) = self.content.records.get(*ord as usize) else { continue };
            if record.stance() == Stance::Unknown {
                *score *= UNKNOWN_WEIGHT;
            }
            if self.facets.values(*ord as usize, Facet::Regulator).iter().any(|g| speaking.contains(g)) {
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
                Box::new(BoostQuery::new(q, boost)) as Box<dyn Query>
            })
            .collect();
        Box::new(AnyOf(clauses))
    }

    /// The query with each word that matched nothing replaced by the nearest known term.
    fn suggestions(&self, query: &str, units: &[Unit]) -> Vec<String> {
        let known = |word: &str| {
            let lower = word.to_lowercase();
            let chars = lower.chars().count();
            let allowed = (chars / 4).max(1);
            let distance = |(l, _): &&(String, String)| strsim::damerau_levenshtein(&lower, l);
            // Terms whose length or letters differ by more than the allowed edits cannot be near:
            // skip them cheaply.
            let letters = Letters::of(&lower);
            let close = |(l, _): &&(String, String)| {
                *l != lower && l.chars().count().abs_diff(chars) <= allowed && letters.edits_from(l) <= allowed
            };
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
    ) -> BTreeMap<&'static str, BTreeMap<Arc<str>, usize>> {
        let mut counts = Facet::ALL.map(|f| vec![0usize; self.facets.count(f)]);
        for &(ord, _) in matches {
            let ord = ord as usize;
            let passing = if filters.any() { Facet::ALL.map(|f| filters.passes(self, ord, f)) } else { [true; 5] };
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
                (f.name(), named.map(|(v, n)| (self.facets.shared_name(f, v as u32), n)).collect())
            })
            .collect()
    }

    /// Highlighters for the query's words, concepts and letters.
    fn snippets(&self, units: &[Unit]) -> Snippets {
        let mut wanted = FxHashSet::default();
        let mut letters = Vec::new();
        for unit in units {
            match &unit.kind {
                Kind::Concept(c) => drop(wanted.insert(Synonyms::term(*c))),
                Kind::Words(words) => wanted.extend(words.iter().cloned()),
                Kind::Char(c) => letters.push(*c),
            }
        }
        Snippets::new(self.synonyms.clone(), wanted, letters)
    }

    /// The hit of document `ord`, its snippet for this query.
    fn hit(&self, ord: u64, score: Score, snippets: &Snippets) -> Hit {
        let ord = ord as usize;
        let card = &self.cards[ord];
        let snippet = snippets
            .for_text(&self.texts[ord], &card.summary, &self.paragraphs[ord])
            .unwrap_or_else(|| escape(&card.summary));
        Hit { snippet, score: (score * 1000.0).round() / 1000.0, ..card.clone() }
    }

    /// What every hit of document `ord` shows, whatever the query: all but its snippet, the
    /// words it lacks and its score.
    pub(crate) fn card(&self, ord: usize) -> Hit {
        let Some(record) = self.content.records.get(ord) else {
            return self.product_card(ord);
        };
        Hit {
            kind: "record",
            id: record.id.as_str().into(),
            url: format!("/records/{}", record.id).into(),
            title: record_title(&self.content, record).into(),
            regulator: self.facets.name_of(ord, Facet::Regulator).into(),
            topic: self.facets.name_of(ord, Facet::Topic).into(),
            domain: self.facets.name_of(ord, Facet::Domain).into(),
            modalities: self.content.record_modalities(record).into_iter().map(str::to_owned).collect(),
            stance: record.stance().to_string().into(),
            status: record.status().to_string().into(),
            summary: record.front.summary.as_str().into(),
            snippet: String::new(),
            missing: Vec::new(),
            score: 0.0,
            card_json: Arc::default(),
        }
    }

    /// The card of a product: its documents follow the records'.
    fn product_card(&self, ord: usize) -> Hit {
        let p = &self.content.products[ord - self.content.records.len()];
        Hit {
            kind: "product",
            id: p.id.as_str().into(),
            url: format!("/products/{}", p.id).into(),
            title: product_title(p).into(),
            regulator: self.facets.name_of(ord, Facet::Regulator).into(),
            topic: "".into(),
            domain: "".into(),
            modalities: [p.modality().to_owned()].into(),
            stance: "".into(),
            status: p.front.status.value.to_string().into(),
            summary: product_summary(&self.content, p).into(),
            snippet: String::new(),
            missing: Vec::new(),
            score: 0.0,
            card_json: Arc::default(),
        }
    }
}

/// How many of each letter a word has, counted in 64 buckets: a cheap bound on the edits between
/// two words.
struct Letters([u8; 64]);

impl Letters {
    fn of(word: &str) -> Letters {
        let mut counts = [0u8; 64];
        word.chars().for_each(|c| counts[c as usize % 64] = counts[c as usize % 64].saturating_add(1));
        Letters(counts)
    }

    /// At most the Damerau-Levenshtein distance to `word`: an insertion or deletion changes one
    /// bucket's count by one, a substitution two counts, a transposition none; so half the
    /// difference in counts, rounded up.
    fn edits_from(&self, word: &str) -> usize {
        let other = Letters::of(word);
        let difference: usize = self.0.iter().zip(other.0).map(|(a, b)| usize::from(a.abs_diff(b))).sum();
        difference.div_ceil(2)
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

/// Collects every matching document's `ord` and score.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_copied_whole_or_escaped_are_what_serde_writes() {
        for text in
            ["", "plain <mark>x</mark> &amp;", "a \"quote\"", "back\\slash", "tab\there", "\u{1}", "造腫瘍性 \u{7f}"]
        {
            let mut out = Vec::new();
            json_str_into(&mut out, text);
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }

    #[test]
    fn results_json_is_what_serde_writes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let content = crate::load_clean(&dir).unwrap_or_else(|e| panic!("the shipped content loads: {e:?}"));
        let index = SearchIndex::build(Arc::new(content)).expect("an index");
        let queries =
            ["cell potency", "造腫瘍性", "Kymriah CAR-T", "tumorigenicity \"<b>\" shedding", "tumorgenicity", ""];
        let (mut hits, mut relaxed) = (0, 0);
        for q in queries {
            for regulator in [vec![], vec!["pmda".to_owned(), "mfds".to_owned()]] {
                let request = SearchRequest { query: q.into(), regulator, offset: 1, ..Default::default() };
                let results = index.search(&request).expect("a search");
                assert_eq!(results.to_json(), serde_json::to_vec(&results).unwrap(), "{q}");
                hits += results.hits.len();
                relaxed += usize::from(results.relaxed);
            }
        }
        assert!(hits > 20 && relaxed > 0, "the queries give hits ({hits}), relaxed ones too ({relaxed})");
    }

    #[test]
    fn kept_lists_answer_as_a_first_search_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let content = Arc::new(crate::load_clean(&dir).unwrap_or_else(|e| panic!("the shipped content loads: {e:?}")));
        let queries = [
            "cell potency",
            "potency cell",
            "\"cell therapy\" potency",
            "CAR-T follow-up",
            "造腫瘍性試験",
            "細",
            "tumorigenicity xyzzy",
            "potency",
        ];
        let answers = |index: &SearchIndex, q: &str| {
            let request = SearchRequest { query: q.into(), regulator: vec!["pmda".into()], ..Default::default() };
            let filtered = index.search(&request).expect("a search").to_json();
            let all = index.search(&SearchRequest { query: q.into(), ..Default::default() }).expect("a search");
            (filtered, all.to_json())
        };
        // Each query on an index that has kept the lists of all of them, and first on its own.
        let warm = SearchIndex::build(content.clone()).expect("an index");
        queries.iter().rev().for_each(|q| drop(answers(&warm, q)));
        for q in queries {
            let fresh = SearchIndex::build(content.clone()).expect("an index");
            assert_eq!(answers(&warm, q), answers(&fresh, q), "{q}");
        }
    }

    #[test]
    fn letter_counts_never_exceed_the_edit_distance_and_tell_far_words_apart() {
        let words =
            ["tumour", "tumor", "toumor", "mutour", "造腫瘍性", "造腫瘍", "potency", "", "cell bank", "bank cell"];
        for a in words {
            for b in words {
                let bound = Letters::of(a).edits_from(b);
                assert!(bound <= strsim::damerau_levenshtein(a, b), "{a} {b}: {bound}");
            }
        }
        assert_eq!(Letters::of("tumour").edits_from("mutour"), 0);
        assert_eq!(Letters::of("abc").edits_from("xyz"), 3);
        assert_eq!(Letters::of("abc").edits_from("abcd"), 1);
    }
}
