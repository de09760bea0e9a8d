//! The tantivy parts a search is made of besides tantivy's own queries: a unit's match in any of
//! the weighted fields, and the collector of every match.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use crate::unit_matches::Match;

/// Matches any of its queries, scored by the sum of the scores of those that match: a unit looked
/// for in each weighted field. tantivy's `BooleanQuery` scores the same union through a
/// 4,096-document window that it allocates and fills for every union scorer it makes (on the
/// shipped content, an eighth of a search request's work); the few fields here are merged
/// document by document instead.
#[derive(Debug)]
pub(crate) struct AnyOf(pub(crate) Vec<Box<dyn Query>>);

impl Clone for AnyOf {
    fn clone(&self) -> Self {
        AnyOf(self.0.iter().map(|q| q.box_clone()).collect())
    }
}

impl Query for AnyOf {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self.0.iter().map(|q| q.weight(scoring)).collect::<tantivy::Result<_>>()?;
        Ok(Box::new(AnyOfWeight(weights)))
    }
}

struct AnyOfWeight(Vec<Box<dyn Weight>>);

impl Weight for AnyOfWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorers = Vec::with_capacity(self.0.len());
        for weight in &self.0 {
            let scorer = weight.scorer(reader, boost)?;
            if scorer.doc() != TERMINATED {
                scorers.push(scorer);
            }
        }
        Ok(match scorers.len() {
            0 => Box::new(EmptyScorer),
            1 => scorers.pop().expect("one scorer"),
            _ => Box::new(Sum::new(scorers)),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let parts: Vec<Explanation> = self.0.iter().filter_map(|w| w.explain(reader, doc).ok()).collect();
        if parts.is_empty() {
            return Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} does not match")));
        }
        let mut sum = Explanation::new("sum of the fields that match", parts.iter().fold(0.0, |s, p| s + p.value()));
        parts.into_iter().for_each(|p| sum.add_detail(p));
        Ok(sum)
    }
}

/// The union of a few scorers, none of them empty: at each document, the sum of the scores of
/// those on it, added in their order (as tantivy's union adds them, so scores are the same).
/// Each scorer's document is kept beside it: asking a boxed scorer for it is a call through a
/// pointer, and a union asks at every step.
struct Sum {
    scorers: Vec<Box<dyn Scorer>>,
    docs: Vec<DocId>,
    doc: DocId,
}

impl Sum {
    fn new(scorers: Vec<Box<dyn Scorer>>) -> Sum {
        let docs: Vec<DocId> = scorers.iter().map(|s| s.doc()).collect();
        let doc = docs.iter().copied().min().unwrap_or(TERMINATED);
        Sum { scorers, docs, doc }
    }

    fn settle(&mut self) -> DocId {
        self.doc = self.docs.iter().copied().min().unwrap_or(TERMINATED);
        self.doc
    }
}

impl DocSet for Sum {
    fn advance(&mut self) -> DocId {
        for (scorer, doc) in self.scorers.iter_mut().zip(&mut self.docs) {
            if *doc == self.doc {
                *doc = scorer.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        for (scorer, doc) in self.scorers.iter_mut().zip(&mut self.docs) {
            if *doc < target {
                *doc = scorer.seek(target);
            }
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.scorers.iter().map(|s| s.size_hint()).max().unwrap_or(0)
    }
}

impl Scorer for Sum {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let on = self.scorers.iter_mut().zip(&self.docs).filter(|(_, d)| **d == doc);
        on.fold(0.0, |sum, (s, _)| sum + s.score())
    }
}

/// Collects every match: its record's order (`ord`) and score.
pub(crate) struct Matches;

pub(crate) struct SegmentMatches {
    ords: Column<u64>,
    found: Vec<Match>,
}

impl Collector for Matches {
    type Fruit = Vec<Match>;
    type Child = SegmentMatches;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentMatches> {
        Ok(SegmentMatches { ords: segment.fast_fields().u64("ord")?, found: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Match>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<Match>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(ord) = self.ords.first(doc) {
            // Records and products number far fewer than 2^32.
            self.found.push((ord as u32, score));
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}
