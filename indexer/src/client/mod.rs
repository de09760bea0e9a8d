//! The client-side index of the static export: what a browser needs to search without a
//! server, written as classic scripts that register themselves (no fetch, modules or WASM,
//! which fail on `file://`).
//!
//! The index comes in several kinds of file, so that a query reads only what it needs:
//! - the head (`search-index.js`), always loaded: the query rules, concepts, spelling rules,
//!   facet labels, every document's facet values and each field's average length;
//! - postings shards (`search-shard-N.js`, [`shards`]), each holding the terms whose stable hash
//!   falls in it, with the documents and fields that have them and how often, and the bigrams
//!   each letter of an unspaced script occurs in; a term with long postings has a file of its own
//!   (`search-term-N.js`);
//! - positions shards (`search-positions-N.js`), partitioned the same way, which only a phrase
//!   reads (so that phrases match as phrases and score as tantivy scores them);
//! - the field lengths of every document (`search-lengths.js`), read with the first shard;
//! - fragments (`search-docs-N.js`, [`fragments`]): what a hit shows (title, summary, paragraphs
//!   for the snippet), for a range of documents, loaded only for the hits on screen.
//!
//! Terms come from the same analyzer as the server's index, concept terms included; the browser
//! folds and stems a word as it does (`offline.js` has the same English Snowball stemmer), so a
//! query's terms are known before any file loads. The query rules (concept spellings and false
//! friends, particles, framing words, script clues, regulators' languages, which words are not
//! stemmed) ship in the head so that the browser reads a query as the server does.

mod fragments;
mod shards;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io;
use std::sync::Arc;

use rayon::prelude::*;

use serde::Serialize;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::tokenizer::{TokenStream, Tokenizer};

use crate::analysis::{MIN_STEMMED_CHARS, RegkbTokenizer, SCRIPT_CLUES, spelling_rules_json};
use crate::index::{
    BOOSTS, Facet, FacetTable, PlainTexts, context_text, product_context, product_summary, product_title, record_title,
    scope_terms,
};
use crate::model::{Content, Stance};
use crate::search::{FRAMING_WORDS, KOREAN_PARTICLES, LANGUAGE_LIFT, PARTICLES, UNKNOWN_WEIGHT};
use crate::synonyms::Synonyms;

pub use shards::shard_of;

/// The searched fields: title, summary, context, body, scope.
const FIELDS: usize = 5;

/// The always-loaded part of the index.
#[derive(Serialize)]
struct Head<'a> {
    version: u32,
    /// How many postings shards (and positions shards, partitioned the same way) there are; a
    /// term's shard is [`shard_of`] it.
    shards: u32,
    /// How many documents one fragment file holds.
    fragment_docs: usize,
    /// How many documents there are; records come first, then products.
    docs: usize,
    records: usize,
    /// Each field's average length in terms, for BM25, in the order of `rules.boosts`.
    average_lengths: [f64; FIELDS],
    /// Each facet's value names, and every document's values as ids ([`facet_column`]).
    values: BTreeMap<&'static str, Vec<String>>,
    columns: BTreeMap<&'static str, String>,
    concepts: &'a [Vec<Vec<String>>],
    /// Spellings (tokens) that are not the listed concepts, though they contain their spellings.
    false_friends: Vec<(Vec<&'a str>, &'a [usize])>,
    rules: Rules,
    spelling: serde_json::Value,
    /// Display names of facet values: `labels.regulator.pmda == "PMDA"`.
    labels: BTreeMap<&'static str, BTreeMap<String, String>>,
}

/// How a query is read and ranked, as `search.rs` does it.
#[derive(Serialize)]
struct Rules {
    particles: &'static str,
    korean_particles: &'static str,
    framing: &'static [&'static str],
    clues: Vec<(&'static str, &'static [&'static str])>,
    languages: BTreeMap<String, Vec<String>>,
    unknown_weight: f32,
    language_lift: f32,
    /// Each field's boost.
    boosts: [f32; FIELDS],
    /// Shorter Latin words, and those with a digit, are not stemmed.
    min_stemmed_chars: usize,
}

/// One document's searchable texts, and what a hit on it shows besides them.
struct Document<'a> {
    kind: &'static str,
    id: &'a str,
    status: String,
    title: String,
    summary: String,
    context: String,
    body: Cow<'a, str>,
    /// Concept terms of the scope field.
    scope: Vec<String>,
}

impl Document<'_> {
    /// The texts of the fields before scope, in `Fields::weighted` order.
    fn fields(&self) -> [&str; FIELDS - 1] {
        [&self.title, &self.summary, &self.context, &self.body]
    }
}

/// What the client index is made from, derived from the content as the server's index derives it:
/// concepts, facet values by document, and each document's plain text.
struct Corpus {
    content: Arc<Content>,
    synonyms: Arc<Synonyms>,
    facets: FacetTable,
    texts: PlainTexts,
}

impl Corpus {
    fn of(content: &Arc<Content>) -> Corpus {
        Corpus {
            synonyms: Arc::new(Synonyms::new(content)),
            facets: FacetTable::new(content),
            texts: PlainTexts::new(content.clone()),
            content: content.clone(),
        }
    }
}

/// A document's field lengths as tantivy's BM25 reads them: tantivy keeps a length in one byte,
/// exact up to 40 terms and rounded above, and the browser scores with the same.
fn field_norms(doc: &Analysed) -> [u32; FIELDS] {
    doc.lengths.map(|n| FieldNormReader::id_to_fieldnorm(FieldNormReader::fieldnorm_to_id(n)))
}

/// Documents analysed together before their postings are added; an eighth of it, what a thread
/// analyses, is a multiple of `fragments::DOCS_PER_FILE`, so that each thread writes whole files.
const BATCH_DOCS: usize = 512;

/// A document's terms, field by field (scope last): how many, and each term's occurrences.
struct Analysed {
    ord: u32,
    lengths: [u32; FIELDS],
    fields: [Vec<shards::Occurrences>; FIELDS],
}

/// Analyses documents `ords`; writes their fragment files on the way, since nothing else needs them.
fn analyse(corpus: &Corpus, ords: &[usize], put: &Put) -> io::Result<Vec<Analysed>> {
    let mut tokenizer = RegkbTokenizer::with_concepts(corpus.synonyms.clone());
    let mut shown = Vec::with_capacity(ords.len());
    let mut docs = Vec::with_capacity(ords.len());
    for &ord in ords {
        let doc = document(corpus, ord);
        let mut fields: [shards::FieldTerms; FIELDS] = Default::default();
        for (f, text) in doc.fields().into_iter().enumerate() {
            let mut stream = tokenizer.token_stream(text);
            while let Some(token) = stream.next() {
                fields[f].push(&token.text, token.position as u32);
            }
        }
        doc.scope.iter().zip(0..).for_each(|(term, position)| fields[FIELDS - 1].push(term, position));
        let lengths = fields.each_ref().map(shards::FieldTerms::count);
        docs.push(Analysed { ord: ord as u32, lengths, fields: fields.map(shards::FieldTerms::occurrences) });
        shown.push(fragments::Fragment::of(&doc));
    }
    fragments::write(ords[0], shown, put)?;
    Ok(docs)
}

/// The file of every document's field lengths as BM25 reads them, which a query with terms reads
/// with its shards: `{"lengths"}`, five numbers a document in the postings' coding.
const LENGTHS: &str = "search-lengths.js";

fn lengths(norms: &[[u32; FIELDS]]) -> String {
    let mut code = String::new();
    norms.iter().flatten().for_each(|&n| shards::push_number(&mut code, n));
    format!(r#"{{"lengths":"{code}"}}"#)
}

/// Where the index's files go: `put(name, contents)` writes one as soon as it is ready.
pub type Put<'a> = dyn Fn(&str, &str) -> io::Result<()> + Sync + 'a;

/// The name of the head, which the search page loads.
pub const HEAD: &str = "search-index.js";

/// Writes the index of `content` as script files through `put`: the fragments as their documents
/// are analysed, then the postings shards and long postings, then the head ([`HEAD`]).
pub fn scripts(content: &Arc<Content>, put: &Put) -> io::Result<()> {
    let corpus = Corpus::of(content);
    let mut postings = shards::Postings::default();
    let mut totals = [0u64; FIELDS];
    let mut norms = Vec::with_capacity(corpus.texts.len());
    let ords: Vec<usize> = (0..corpus.texts.len()).collect();
    // Documents are analysed in parallel, a batch at a time so that memory stays bounded, and
    // added in order, so that the files do not depend on the threads.
    for batch in ords.chunks(BATCH_DOCS) {
        let analysed: Vec<_> =
            batch.par_chunks(BATCH_DOCS / 8).map(|ords| analyse(&corpus, ords, put)).collect::<io::Result<_>>()?;
        for docs in analysed {
            for doc in docs {
                norms.push(field_norms(&doc));
                for (f, terms) in doc.fields.into_iter().enumerate() {
                    totals[f] += u64::from(doc.lengths[f]);
                    postings.add(doc.ord, f as u32, terms);
                }
            }
        }
    }
    let docs = corpus.texts.len();
    let shards = postings.write(&mut |name, json| put(name, &register(json)))?;
    put(LENGTHS, &register(&lengths(&norms)))?;
    let head = Head {
        version: 4,
        shards,
        fragment_docs: fragments::DOCS_PER_FILE,
        docs,
        records: content.records.len(),
        average_lengths: totals.map(|t| if docs == 0 { 1.0 } else { t as f64 / docs as f64 }),
        values: Facet::ALL
            .into_iter()
            .map(|f| {
                (f.name(), (0..corpus.facets.count(f) as u32).map(|v| corpus.facets.name(f, v).to_owned()).collect())
            })
            .collect(),
        columns: Facet::ALL.into_iter().map(|f| (f.name(), facet_column(&corpus.facets, docs, f))).collect(),
        concepts: corpus.synonyms.concepts(),
        false_friends: false_friends(&corpus.synonyms),
        rules: Rules {
            particles: PARTICLES,
            korean_particles: KOREAN_PARTICLES,
            framing: FRAMING_WORDS,
            clues: SCRIPT_CLUES.to_vec(),
            languages: content.regulators.iter().map(|r| (r.id.value.clone(), r.languages.clone())).collect(),
            unknown_weight: UNKNOWN_WEIGHT,
            language_lift: LANGUAGE_LIFT,
            boosts: BOOSTS,
            min_stemmed_chars: MIN_STEMMED_CHARS,
        },
        spelling: serde_json::from_str(&spelling_rules_json()).expect("the rules are JSON"),
        labels: labels(content),
    };
    put(HEAD, &register(&serde_json::to_string(&head).expect("serialisable")))
}

/// Document `ord`: records first, then products, as in the tantivy index.
fn document(corpus: &Corpus, ord: usize) -> Document<'_> {
    let content = &corpus.content;
    let body = corpus.texts.once(ord);
    match content.records.get(ord) {
        Some(record) => Document {
            kind: "record",
            id: &record.id,
            status: record.status().to_string(),
            title: record_title(content, record),
            summary: record.front.summary.clone(),
            context: context_text(content, record),
            body,
            scope: scope_terms(content, &corpus.synonyms, record),
        },
        None => {
            let p = &content.products[ord - content.records.len()];
            Document {
                kind: "product",
                id: &p.id,
                status: p.front.status.value.to_string(),
                title: product_title(p),
                summary: product_summary(content, p),
                context: product_context(content, p),
                body,
                scope: Vec::new(),
            }
        }
    }
}

/// Every document's value ids of facet `f`, as text: each document's ids in base 64
/// ([`DIGITS`]), each `width` digits long, then `.`; a run of documents with the same ids is
/// written once, its length after a `*` (`A*139.B*139.`), since neighbouring records share values.
fn facet_column(facets: &FacetTable, docs: usize, f: Facet) -> String {
    let width = digits_for(facets.count(f));
    let mut column = String::new();
    let mut ords = (0..docs).peekable();
    while let Some(ord) = ords.next() {
        let ids = facets.values(ord, f);
        let mut run = 1;
        while ords.next_if(|&next| facets.values(next, f) == ids).is_some() {
            run += 1;
        }
        for &id in ids {
            push_id(&mut column, id as usize, width);
        }
        if run > 1 {
            column.push_str(&format!("*{run}"));
        }
        column.push('.');
    }
    column
}

/// How many base-64 digits the ids below `count` need.
fn digits_for(count: usize) -> usize {
    let mut width = 1;
    while 64usize.pow(width as u32) < count {
        width += 1;
    }
    width
}

/// Appends `id` as `width` base-64 digits, most significant first.
fn push_id(out: &mut String, id: usize, width: usize) {
    for d in (0..width).rev() {
        out.push(DIGITS[id / 64usize.pow(d as u32) % 64] as char);
    }
}

/// The digits of facet columns, as `offline.js` reads them.
const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

fn labels(content: &Content) -> BTreeMap<&'static str, BTreeMap<String, String>> {
    let pairs = |items: Vec<(&String, &String)>| items.into_iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    BTreeMap::from([
        (Facet::Regulator.name(), pairs(content.regulators.iter().map(|r| (&r.id.value, &r.short)).collect())),
        (Facet::Domain.name(), pairs(content.domains.iter().map(|d| (&d.id.value, &d.title)).collect())),
        (Facet::Topic.name(), pairs(content.topics.iter().map(|t| (&t.id.value, &t.title)).collect())),
        (Facet::Modality.name(), pairs(content.modalities.iter().map(|m| (&m.id.value, &m.title)).collect())),
        (Facet::Stance.name(), Stance::ALL.iter().map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect()),
    ])
}

/// The glossary's false friends as tokens, in a fixed order so that an export is reproducible.
fn false_friends(synonyms: &Synonyms) -> Vec<(Vec<&str>, &[usize])> {
    let mut all: Vec<_> = synonyms
        .false_friends()
        .map(|(key, concepts)| (key.split('\u{1}').filter(|t| !t.is_empty()).collect(), concepts))
        .collect();
    all.sort();
    all
}

/// A classic script that hands its part of the index to the page.
fn register(json: &str) -> String {
    format!("(window.regkbIndex = window.regkbIndex || []).push({json});\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::SearchIndex;

    /// The lengths the browser scores with, counted from its own analysis, are the ones tantivy
    /// keeps for the server, document by document and field by field.
    #[test]
    fn field_lengths_are_tantivys() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let content = Arc::new(crate::load::load(&root).0);
        let index = SearchIndex::build(content.clone()).unwrap();
        let mut tantivys = vec![[0; FIELDS]; index.texts.len()];
        for segment in index.reader.searcher().segment_readers() {
            let ords = segment.fast_fields().u64("ord").unwrap();
            let readers = index.fields.weighted().map(|(field, _)| segment.get_fieldnorms_reader(field).unwrap());
            for doc in 0..segment.max_doc() {
                tantivys[ords.first(doc).unwrap() as usize] = readers.each_ref().map(|r| r.fieldnorm(doc));
            }
        }
        let corpus = Corpus::of(&content);
        let ords: Vec<usize> = (0..corpus.texts.len()).collect();
        let docs = analyse(&corpus, &ords, &|_, _| Ok(())).unwrap();
        let ours: Vec<_> = docs.iter().map(field_norms).collect();
        assert!(ours.iter().any(|lengths| lengths.iter().any(|&n| n > 40)), "some lengths are rounded");
        assert_eq!(ours, tantivys);
    }
}
