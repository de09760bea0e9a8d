//! Figures about a content tree: coverage of regulators × domains, citation quality,
//! stances, review status, the oldest records, products and approvals. Shown by `regkb stats`
//! and the home page.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Content, Record, Stance};

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
    let mut out = Vec::new();
    for g in &content.regulators {
        for d in &domains {
            let topics: Vec<&str> = content.topics_of(&d.id.value).map(|t| t.id.value.as_str()).collect();
            let researched = topics
                .iter()
                .filter(|t| {
                    content
                        .records
                        .iter()
                        .any(|r| r.regulator() == g.id.value && r.topic() == **t && r.stance() != Stance::Unknown)
                })
                .count();
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
    /// Records citing at least one source that has a `url`.
    pub records_citing_a_url: usize,
    pub by_stance: BTreeMap<String, usize>,
    pub by_status: BTreeMap<String, usize>,
    /// The least recently updated records, oldest first: `(id, updated)`.
    pub oldest: Vec<(String, String)>,
}

/// Computes the figures for `content`.
pub fn stats(content: &Content) -> Stats {
    let cites_url =
        |r: &Record| r.front.sources.iter().any(|c| content.source(&c.id.value).is_some_and(|s| s.url.is_some()));
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
    let mut by_age: Vec<&Record> = content.records.iter().collect();
    by_age.sort_by(|a, b| a.front.updated.value.cmp(&b.front.updated.value).then(a.id.cmp(&b.id)));
    Stats {
        records: content.records.len(),
        sources: content.sources.len(),
        products: content.products.len(),
        approvals: approvals_by_regulator.values().sum(),
        approvals_by_regulator,
        coverage: coverage(content),
        records_citing_a_url: content.records.iter().filter(|r| cites_url(r)).count(),
        by_stance,
        by_status,
        oldest: by_age.into_iter().take(5).map(|r| (r.id.clone(), r.front.updated.value.to_string())).collect(),
    }
}
