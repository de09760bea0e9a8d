//! The client-side index of the static export: what a browser needs to search without a
//! server, written as classic scripts that register themselves (no fetch, modules or WASM,
//! which fail on `file://`).
//!
//! Terms come from the same analyzer as the server's index, concept terms included. The browser
//! cannot stem, so the index carries `forms`, every Latin word of the corpus (folded and spelt the
//! US way) with the term it analyses to; the browser folds a query word, applies the same spelling
//! rules, and looks it up. Postings hold each field's term frequency and documents each field's
//! length, so that the browser scores as tantivy does (BM25 per field, times the field's boost);
//! phrases are matched as all their terms. The query rules (concept
//! spellings and false friends, particles, framing words, script clues, regulators' languages)
//! ship in the metadata so that the browser reads a query as the server does.

use std::collections::BTreeMap;

use serde::Serialize;

use tantivy::tokenizer::{TokenStream, Tokenizer};

use crate::analysis::{RegkbTokenizer, SCRIPT_CLUES, analyze, normalize_word, spelling_rules_json};
use crate::index::{
    Facet, SearchIndex, context_text, product_context, product_summary, product_title, record_title, scope_terms,
};
use crate::model::{Content, Stance};
use crate::search::{FRAMING_WORDS, KOREAN_PARTICLES, LANGUAGE_LIFT, PARTICLES, UNKNOWN_WEIGHT};

/// A shard holds postings up to about this many bytes of JSON.
const SHARD_BYTES: usize = 512 * 1024;
/// How much of a body the client keeps for snippets.
const EXCERPT_CHARS: usize = 600;

/// One record as the client lists it.
#[derive(Serialize)]
struct Doc {
    /// `record` or `product`.
    kind: &'static str,
    id: String,
    title: String,
    regulator: String,
    topic: String,
    domain: String,
    modalities: Vec<String>,
    stance: String,
    status: String,
    summary: String,
    excerpt: String,
    /// The number of terms of each field (`Fields::weighted` order), for BM25 length normalisation.
    lengths: [u32; FIELDS],
}

#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    shards: usize,
    docs: Vec<Doc>,
    concepts: &'a [Vec<Vec<String>>],
    /// Spellings (tokens) that are not the listed concepts, though they contain their spellings.
    false_friends: Vec<(Vec<&'a str>, &'a [usize])>,
    rules: Rules,
    forms: BTreeMap<String, String>,
    spelling: serde_json::Value,
    /// Display names of facet values: `labels.regulator.pmda == "PMDA"`.
    labels: BTreeMap<&'static str, BTreeMap<String, String>>,
}

/// The searched fields: title, summary, context, body, scope.
const FIELDS: usize = 5;

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
    /// Each field's boost, in the order of the documents' `lengths`.
    boosts: [f32; FIELDS],
}

/// The index as script files: `(name, contents)`, the metadata first, then postings shards.
pub fn scripts(index: &SearchIndex) -> Vec<(String, String)> {
    let content = &index.content;
    let mut postings: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut forms = BTreeMap::new();
    let mut docs = Vec::with_capacity(content.records.len() + content.products.len());
    let mut tokenizer = RegkbTokenizer::with_concepts(index.synonyms.clone());
    let mut add = |ord: usize, texts: [&str; 4], scope: Vec<String>| -> [u32; FIELDS] {
        let mut counts: BTreeMap<String, [u32; FIELDS]> = BTreeMap::new();
        let mut lengths = [0; FIELDS];
        for (f, text) in texts.into_iter().enumerate() {
            let mut stream = tokenizer.token_stream(text);
            while let Some(token) = stream.next() {
                note_form(&mut forms, &text[token.offset_from..token.offset_to], &token.text);
                counts.entry(token.text.clone()).or_default()[f] += 1;
                lengths[f] += 1;
            }
        }
        for term in scope {
            counts.entry(term).or_default()[FIELDS - 1] += 1;
            lengths[FIELDS - 1] += 1;
        }
        for (term, tfs) in counts {
            let list = postings.entry(term).or_default();
            for (f, tf) in tfs.into_iter().enumerate().filter(|(_, tf)| *tf > 0) {
                list.extend([ord as u32, f as u32, tf]);
            }
        }
        lengths
    };
    for (ord, record) in content.records.iter().enumerate() {
        let body: &str = &index.texts[ord];
        let title = record_title(content, record);
        let context = context_text(content, record);
        let scope = scope_terms(content, &index.synonyms, record);
        let lengths = add(ord, [title.as_str(), record.front.summary.as_str(), context.as_str(), body], scope);
        docs.push(Doc {
            kind: "record",
            id: record.id.clone(),
            title,
            regulator: index.facets.name_of(ord, Facet::Regulator),
            domain: index.facets.name_of(ord, Facet::Domain),
            topic: index.facets.name_of(ord, Facet::Topic),
            modalities: index.facets.names_of(ord, Facet::Modality),
            stance: record.stance().to_string(),
            status: record.status().to_string(),
            summary: record.front.summary.clone(),
            excerpt: body.chars().take(EXCERPT_CHARS).collect(),
            lengths,
        });
    }
    // Products follow the records, as in the tantivy index.
    for (i, p) in content.products.iter().enumerate() {
        let ord = content.records.len() + i;
        let body: &str = &index.texts[ord];
        let (title, summary, context) = (product_title(p), product_summary(content, p), product_context(content, p));
        let lengths = add(ord, [title.as_str(), summary.as_str(), context.as_str(), body], Vec::new());
        docs.push(Doc {
            kind: "product",
            id: p.id.clone(),
            title,
            regulator: index.facets.name_of(ord, Facet::Regulator),
            domain: String::new(),
            topic: String::new(),
            modalities: index.facets.names_of(ord, Facet::Modality),
            stance: String::new(),
            status: p.front.status.value.to_string(),
            summary,
            excerpt: body.chars().take(EXCERPT_CHARS).collect(),
            lengths,
        });
    }
    // Glossary spellings are query words too, whether or not a record uses them.
    let spellings = content.glossary.iter().flat_map(|g| g.terms());
    for spelling in spellings.chain(content.modalities.iter().flat_map(|m| m.aliases.iter().map(String::as_str))) {
        for token in analyze(spelling) {
            note_form(&mut forms, &spelling[token.offset_from..token.offset_to], &token.text);
        }
    }
    let shards = shard(postings);
    let spelling = serde_json::from_str(&spelling_rules_json()).expect("the rules are JSON");
    let meta = Meta {
        version: 1,
        shards: shards.len(),
        docs,
        concepts: index.synonyms.concepts(),
        false_friends: false_friends(index),
        rules: Rules {
            particles: PARTICLES,
            korean_particles: KOREAN_PARTICLES,
            framing: FRAMING_WORDS,
            clues: SCRIPT_CLUES.to_vec(),
            languages: content.regulators.iter().map(|r| (r.id.value.clone(), r.languages.clone())).collect(),
            unknown_weight: UNKNOWN_WEIGHT,
            language_lift: LANGUAGE_LIFT,
            boosts: index.fields.weighted().map(|(_, boost)| boost),
        },
        forms,
        spelling,
        labels: labels(content),
    };
    let mut files =
        vec![("search-index.js".to_owned(), register(&serde_json::to_string(&meta).expect("serialisable")))];
    files.extend(shards.into_iter().enumerate().map(|(i, s)| (format!("search-index-{i}.js"), register(&s))));
    files
}

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
fn false_friends(index: &SearchIndex) -> Vec<(Vec<&str>, &[usize])> {
    let mut all: Vec<_> = index
        .synonyms
        .false_friends()
        .map(|(key, concepts)| (key.split('\u{1}').filter(|t| !t.is_empty()).collect(), concepts))
        .collect();
    all.sort();
    all
}

/// Remembers the term a word as written analyses to, when the browser could not work it out.
fn note_form(forms: &mut BTreeMap<String, String>, piece: &str, term: &str) {
    let folded = normalize_word(piece);
    if !term.starts_with('~') && folded != term && piece.chars().all(char::is_alphanumeric) {
        forms.entry(folded).or_insert_with(|| term.to_owned());
    }
}

/// Splits postings into JSON objects of about `SHARD_BYTES`, terms in order.
fn shard(postings: BTreeMap<String, Vec<u32>>) -> Vec<String> {
    let mut shards = Vec::new();
    let mut current = serde_json::Map::new();
    let mut size = 0;
    for (term, list) in postings {
        size += term.len() + list.len() * 3;
        current.insert(term, list.into());
        if size > SHARD_BYTES {
            shards.push(serde_json::json!({ "postings": current }).to_string());
            current = serde_json::Map::new();
            size = 0;
        }
    }
    shards.push(serde_json::json!({ "postings": current }).to_string());
    shards
}

/// A classic script that hands its part of the index to the page.
fn register(json: &str) -> String {
    format!("(window.regkbIndex = window.regkbIndex || []).push({json});\n")
}
