//! Figures about a content tree: coverage of regulators × domains, citation quality,
//! stances, review status, the oldest records, products and approvals. Shown by `regkb stats`
//! and the home page.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use serde::Serialize;

use crate::model::{Content, Record, Source, Stance};

/// How many of a domain's topics a regulator has a researched record on (stance not `unknown`).
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub regulator: String,
    pub domain: String,
    pub researched: usize,
    pub topics: usize,
}

/// Coverage for every regulator (in file order) and domain (in domain order).
pub fn coverage(content: &Content) -> Vec<Coverage> {
    let domains = content.domains_in_order();
    // The researched regulator × topic pairs, in one pass over the records.
    let researched: HashSet<(&str, &str)> =
        content.records.iter().filter(|r| r.stance() != Stance::Unknown).map(|r| (r.regulator(), r.topic())).collect();
    let mut out = Vec::new();
    for g in &content.regulators {
        for d in &domains {
            let topics: Vec<&str> = content.topics_of(&d.id.value).map(|t| t.id.value.as_str()).collect();
            let researched = topics.iter().filter(|&&t| researched.contains(&(g.id.value.as_str(), t))).count();
            out.push(Coverage {
                regulator: g.id.value.clone(),
                domain: d.id.value.clone(),
                researched,
                topics: topics.len(),
            });
        }
    }
    out
}

/// How well one regulator's column rests on documents.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub regulator: String,
    /// Topics with a researched record, of all topics.
    pub researched_topics: usize,
    pub topics: usize,
    /// Records whose stance is not `unknown`.
    pub researched_records: usize,
    /// Researched records citing at least one source that has a `url`.
    pub researched_citing_a_url: usize,
    pub sources: usize,
    /// Sources not in English that lack their `local_title` or say no `language`.
    pub sources_missing_local_title: usize,
}

/// Evidence figures for every regulator, in file order.
pub fn evidence(content: &Content) -> Vec<Evidence> {
    let coverage = coverage(content);
    content
        .regulators
        .iter()
        .map(|g| {
            let id = g.id.value.as_str();
            let researched: Vec<&Record> = content
                .records
                .iter()
                .map(Arc::as_ref)
                .filter(|r| r.regulator() == id && r.stance() != Stance::Unknown)
                .collect();
            let sources: Vec<&Source> = content.sources.iter().filter(|s| s.regulator.value == id).collect();
            let of_regulator = coverage.iter().filter(|c| c.regulator == id);
            Evidence {
                regulator: id.to_owned(),
                researched_topics: of_regulator.clone().map(|c| c.researched).sum(),
                topics: of_regulator.map(|c| c.topics).sum(),
                researched_records: researched.len(),
                researched_citing_a_url: researched.iter().filter(|r| cites_url(content, r)).count(),
                sources: sources.len(),
                sources_missing_local_title: sources.iter().filter(|s| lacks_local_title(s)).count(),
            }
        })
        .collect()
}

fn cites_url(content: &Content, r: &Record) -> bool {
    r.front.sources.iter().any(|c| content.source(&c.id.value).is_some_and(|s| s.url.is_some()))
}

/// Whether a source says no `language`, or is in a language other than English without its `local_title`.
fn lacks_local_title(s: &Source) -> bool {
    match s.language.as_ref().map(|l| l.value.as_str()) {
        Some(l) if l == "en" || l.starts_with("en-") => false,
        Some(_) => s.local_title.is_none(),
        None => true,
    }
}

/// Everything `regkb stats` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub records: usize,
    pub sources: usize,
    pub products: usize,
    /// Approvals over all products; one product approved by three regulators counts three.
    pub approvals: usize,
    /// Approvals per regulator id.
    pub approvals_by_regulator: BTreeMap<String, usize>,
    pub coverage: Vec<Coverage>,
    pub evidence: Vec<Evidence>,
    /// Records citing at least one source that has a `url`.
    pub records_citing_a_url: usize,
    pub by_stance: BTreeMap<String, usize>,
    pub by_status: BTreeMap<String, usize>,
    /// The least recently updated records, oldest first: `(id, updated)`.
    pub oldest: Vec<(String, String)>,
}

/// Computes the figures for `content`.
pub fn stats(content: &Content) -> Stats {
    let mut by_stance: BTreeMap<String, usize> = Stance::ALL.iter().map(|s| (s.to_string(), 0)).collect();
    let mut by_status = BTreeMap::new();
    for r in &content.records {
        *by_stance.entry(r.stance().to_string()).or_default() += 1;
        *by_status.entry(r.status().to_string()).or_default() += 1;
    }
    let mut approvals_by_regulator = BTreeMap::new();
    for a in content.products.iter().flat_map(|p| &p.front.approvals) {
        *approvals_by_regulator.entry(a.regulator().to_owned()).or_default() += 1;
    }
    let mut by_age: Vec<&Record> = content.records.iter().map(Arc::as_ref).collect();
    by_age.sort_by(|a, b| a.front.updated.value.cmp(&b.front.updated.value).then(a.id.cmp(&b.id)));
    Stats {
        records: content.records.len(),
        sources: content.sources.len(),
        products: content.products.len(),
        approvals: approvals_by_regulator.values().sum(),
        approvals_by_regulator,
        coverage: coverage(content),
        evidence: evidence(content),
        records_citing_a_url: content.records.iter().filter(|r| cites_url(content, r)).count(),
        by_stance,
        by_status,
        oldest: by_age.into_iter().take(5).map(|r| (r.id.clone(), r.front.updated.value.to_string())).collect(),
    }
}
