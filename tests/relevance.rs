//! Ranking measured on the shipped content: the judged queries of `tests/relevance/queries.yaml`
//! are searched in-process, and success@3, MRR and nDCG@5 per language must stay above floors
//! set from measurement. `make relevance` prints the table.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use indexer::index::SearchIndex;
use indexer::search::SearchRequest;
use serde::Deserialize;

/// One judged query: the records an expert expects, graded 3 (the answer), 2 (relevant), 1 (related).
#[derive(Deserialize)]
struct Judged {
    query: String,
    language: String,
    expected: HashMap<String, u32>,
}

/// Grades at or above this make a record relevant for success@3 and MRR.
const RELEVANT: u32 = 2;

/// Floors, per language and overall: (success@3, MRR, nDCG@5), from the figures in BENCHMARKS.md
/// less a margin for content that grows.
const FLOORS: &[(&str, [f64; 3])] = &[
    ("all", [0.95, 0.85, 0.82]),
    ("en", [0.95, 0.88, 0.85]),
    ("ja", [0.95, 0.82, 0.80]),
    ("ko", [0.85, 0.80, 0.78]),
    ("zh-Hans", [0.70, 0.75, 0.72]),
    ("zh-Hant", [0.95, 0.80, 0.80]),
    ("id", [0.90, 0.80, 0.75]),
    ("ms", [0.90, 0.70, 0.75]),
];

#[derive(Default)]
struct Score {
    queries: usize,
    success: f64,
    reciprocal: f64,
    ndcg: f64,
    zero: usize,
}

impl Score {
    fn add(&mut self, judged: &Judged, ranked: &[String]) {
        let grade = |id: &String| judged.expected.get(id).copied().unwrap_or(0);
        let first = ranked.iter().take(10).position(|id| grade(id) >= RELEVANT);
        self.queries += 1;
        self.success += f64::from(u8::from(first.is_some_and(|r| r < 3)));
        self.reciprocal += first.map_or(0.0, |r| 1.0 / (r as f64 + 1.0));
        self.ndcg += ndcg(ranked.iter().take(5).map(grade), judged.expected.values().copied());
        self.zero += usize::from(ranked.is_empty());
    }

    fn figures(&self) -> [f64; 3] {
        let n = self.queries.max(1) as f64;
        [self.success / n, self.reciprocal / n, self.ndcg / n]
    }
}

fn ndcg(found: impl Iterator<Item = u32>, expected: impl Iterator<Item = u32>) -> f64 {
    let gain = |(i, g): (usize, u32)| (2f64.powi(g as i32) - 1.0) / (i as f64 + 2.0).log2();
    let dcg: f64 = found.enumerate().map(gain).sum();
    let mut ideal: Vec<u32> = expected.collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best: f64 = ideal.into_iter().take(5).enumerate().map(gain).sum();
    if best == 0.0 { 0.0 } else { dcg / best }
}

fn judged() -> Vec<Judged> {
    let text = std::fs::read_to_string("tests/relevance/queries.yaml").expect("the judged set");
    serde_saphyr::from_str(&text).expect("queries.yaml is a list of judged queries")
}

#[test]
fn judged_queries_rank_above_the_floors() {
    let content = indexer::load_clean(Path::new("content")).expect("the shipped content is valid");
    let known: Vec<&str> = content.records.iter().map(|r| r.id.as_str()).collect();
    let judged = judged();
    assert!(judged.len() >= 80, "the judged set has {} queries", judged.len());
    let unknown: Vec<String> = judged
        .iter()
        .flat_map(|j| {
            j.expected.keys().filter(|id| !known.contains(&id.as_str())).map(move |id| format!("{}: {id}", j.query))
        })
        .collect();
    assert!(unknown.is_empty(), "judged records that the content does not have:\n{}", unknown.join("\n"));

    let index = SearchIndex::build(Arc::new(content)).unwrap();
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut zero = Vec::new();
    for j in &judged {
        let request = SearchRequest { query: j.query.clone(), limit: Some(10), ..SearchRequest::default() };
        let ranked: Vec<String> = index.search(&request).unwrap().hits.into_iter().map(|h| h.id.to_string()).collect();
        if ranked.is_empty() {
            zero.push(j.query.clone());
        }
        if std::env::var_os("RELEVANCE_MISSES").is_some() && Score::default().tap(j, &ranked) < 1.0 {
            println!("{} [{}]: {:?}", j.query, j.language, &ranked[..ranked.len().min(5)]);
        }
        scores.entry(j.language.clone()).or_default().add(j, &ranked);
        scores.entry("all".into()).or_default().add(j, &ranked);
    }
    println!("\n{:<8} {:>7} {:>10} {:>6} {:>7} {:>5}", "language", "queries", "success@3", "MRR", "nDCG@5", "zero");
    for (language, s) in &scores {
        let [success, mrr, ndcg] = s.figures();
        println!("{language:<8} {:>7} {success:>10.3} {mrr:>6.3} {ndcg:>7.3} {:>5}", s.queries, s.zero);
    }
    assert!(zero.is_empty(), "queries without results: {zero:?}");
    let mut low = Vec::new();
    for (language, floor) in FLOORS {
        let figures = scores.get(*language).map_or([0.0; 3], Score::figures);
        for ((name, got), want) in ["success@3", "MRR", "nDCG@5"].iter().zip(figures).zip(floor) {
            if got < *want {
                low.push(format!("{language} {name}: {got:.3} < {want}"));
            }
        }
    }
    assert!(low.is_empty(), "below the floors:\n{}", low.join("\n"));
}

impl Score {
    /// This one query's MRR, to list the queries that miss.
    fn tap(mut self, judged: &Judged, ranked: &[String]) -> f64 {
        self.add(judged, ranked);
        self.figures()[1]
    }
}
