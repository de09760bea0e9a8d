//! The client-side index of the static export: what a browser needs to search without a
//! server, written as classic scripts that register themselves (no fetch, modules or WASM,
//! which fail on `file://`).
//!
//! Terms come from the same analyzer as the server's index. The browser cannot stem, so the
//! index carries `forms`, every Latin word of the corpus (folded and spelt the US way) with the
//! term it analyses to; the browser folds a query word, applies the same spelling rules, and
//! looks it up. Postings hold a weighted term frequency (title and summary over body), enough
//! for BM25; phrases are matched as all their terms.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::{analyze, normalize_word, spelling_rules_json};
use crate::index::{Facet, SearchIndex, context_text, product_context, product_summary, product_title, record_title};
use crate::model::{Content, Stance};

/// A shard holds postings up to about this many bytes of JSON.
const SHARD_BYTES: usize = 512 * 1024;
/// How much of a body the client keeps for snippets.
const EXCERPT_CHARS: usize = 600;

/// One record or product as the client lists it.
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
    /// The weighted number of terms, for BM25 length normalisation.
    length: u32,
}

#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    shards: usize,
    docs: Vec<Doc>,
    concepts: &'a [Vec<Vec<String>>],
    forms: BTreeMap<String, String>,
    spelling: serde_json::Value,
    /// Display names of facet values: `labels.regulator.pmda == "PMDA"`.
    labels: BTreeMap<&'static str, BTreeMap<String, String>>,
}

/// Postings and word forms as the documents are added.
#[derive(Default)]
struct Terms {
    postings: BTreeMap<String, Vec<(u32, u32)>>,
    forms: BTreeMap<String, String>,
}

impl Terms {
    /// Adds document `ord`'s weighted fields; returns its weighted length.
    fn add(&mut self, ord: usize, fields: [(&str, u32); 4]) -> u32 {
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        let mut length = 0;
        for (text, weight) in fields {
            for token in analyze(text) {
                let piece = &text[token.offset_from..token.offset_to];
                let folded = normalize_word(piece);
                if folded != token.text && piece.chars().all(char::is_alphanumeric) {
                    self.forms.entry(folded).or_insert_with(|| token.text.clone());
                }
                *counts.entry(token.text).or_default() += weight;
                length += weight;
            }
        }
        for (term, tf) in counts {
            self.postings.entry(term).or_default().push((ord as u32, tf));
        }
        length
    }
}

/// The index as script files: `(name, contents)`, the metadata first, then postings shards.
pub fn scripts(index: &SearchIndex) -> Vec<(String, String)> {
    let content = &index.content;
    let mut terms = Terms::default();
    let mut docs = Vec::with_capacity(content.records.len() + content.products.len());
    for (ord, record) in content.records.iter().enumerate() {
        let body: &str = &index.texts[ord];
        let title = record_title(content, record);
        let context = context_text(content, record);
        let fields = [(title.as_str(), 3), (record.front.summary.as_str(), 2), (context.as_str(), 1), (body, 1)];
        let length = terms.add(ord, fields);
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
            length,
        });
    }
    for (i, p) in content.products.iter().enumerate() {
        let ord = content.records.len() + i;
        let body: &str = &index.texts[ord];
        let (title, summary, context) = (product_title(p), product_summary(content, p), product_context(content, p));
        let length = terms.add(ord, [(title.as_str(), 3), (summary.as_str(), 2), (context.as_str(), 1), (body, 1)]);
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
            length,
        });
    }
    let shards = shard(terms.postings);
    let spelling = serde_json::from_str(&spelling_rules_json()).expect("the rules are JSON");
    let meta = Meta {
        version: 1,
        shards: shards.len(),
        docs,
        concepts: index.synonyms.concepts(),
        forms: terms.forms,
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

/// Splits postings into JSON objects of about `SHARD_BYTES`, terms in order.
fn shard(postings: BTreeMap<String, Vec<(u32, u32)>>) -> Vec<String> {
    let mut shards = Vec::new();
    let mut current = serde_json::Map::new();
    let mut size = 0;
    for (term, list) in postings {
        let flat: Vec<u32> = list.into_iter().flat_map(|(d, tf)| [d, tf]).collect();
        size += term.len() + flat.len() * 4;
        current.insert(term, flat.into());
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
