//! Each unit of a query (a word, phrase, concept or letter) matched over the whole index: every
//! record that has it, in record order, with the unit's score there. A query's records are the
//! intersection of its units' lists; a unit's list is kept for the next query with that unit.
//!
//! Kept lists turn the usual query into merging a few sorted arrays. Intersecting tantivy's
//! scorers instead seeks through every weighted field's postings at each candidate and scores
//! every match on five fields: at 10,000 records that was half of a search request, since the
//! words of ordinary queries are each in hundreds to thousands of records (and every match is
//! needed, for the total and the facet counts). Memory is bounded: past `budget` matches in all,
//! lists are made for each query and not kept.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;
use tantivy::Score;

/// A record (its `ord`) and a unit's score in it.
pub(crate) type Match = (u32, Score);

/// The lists of the units searched for so far.
pub(crate) struct UnitMatches {
    lists: RwLock<FxHashMap<String, Arc<[Match]>>>,
    /// How many more matches may be kept.
    room: AtomicUsize,
}

impl UnitMatches {
    /// Keeps up to `budget` matches in all; two searches that make one list at once may both count it.
    pub(crate) fn new(budget: usize) -> UnitMatches {
        UnitMatches { lists: RwLock::default(), room: AtomicUsize::new(budget) }
    }

    /// The list of the unit `key`, made by `find` (in any order) unless it is kept.
    pub(crate) fn get_or_find(
        &self,
        key: &str,
        find: impl FnOnce() -> tantivy::Result<Vec<Match>>,
    ) -> tantivy::Result<Arc<[Match]>> {
        // A poisoned lock only means a search panicked while holding it; the map is still whole.
        if let Some(list) = self.lists.read().unwrap_or_else(|e| e.into_inner()).get(key) {
            return Ok(list.clone());
        }
        let mut found = find()?;
        found.sort_unstable_by_key(|m| m.0);
        let list: Arc<[Match]> = found.into();
        let kept = self.room.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |room| room.checked_sub(list.len()));
        if kept.is_ok() {
            self.lists.write().unwrap_or_else(|e| e.into_inner()).insert(key.to_owned(), list.clone());
        }
        Ok(list)
    }
}

/// The records in every list marked `required`, each with the sum of its scores in all the lists
/// that have it (an optional list adds to a record's score but does not decide whether it is in),
/// added in the lists' order. When no list is required, every one is.
pub(crate) fn intersect(lists: &[Arc<[Match]>], required: &[bool]) -> Vec<(u64, Score)> {
    let required: Vec<bool> = if required.contains(&true) { required.to_vec() } else { vec![true; lists.len()] };
    let Some(driver) = (0..lists.len()).filter(|&u| required[u]).min_by_key(|&u| lists[u].len()) else {
        return Vec::new();
    };
    let mut cursors = vec![0; lists.len()];
    let mut out = Vec::new();
    'records: for &(ord, _) in lists[driver].iter() {
        let mut score = 0.0;
        for (u, list) in lists.iter().enumerate() {
            let at = &mut cursors[u];
            *at += gallop(&list[*at..], ord);
            match list.get(*at) {
                Some(&(o, s)) if o == ord => score += s,
                _ if required[u] => continue 'records,
                _ => {}
            }
        }
        out.push((u64::from(ord), score));
    }
    out
}

/// How many of `list`'s first matches are of records before `ord`: searched from the start in
/// doubling steps, since the next record is usually near.
fn gallop(list: &[Match], ord: u32) -> usize {
    let mut end = 1;
    while end < list.len() && list[end - 1].0 < ord {
        end *= 2;
    }
    let end = end.min(list.len());
    let start = end / 2;
    start + list[start..end].partition_point(|m| m.0 < ord)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(ords: &[u32]) -> Arc<[Match]> {
        ords.iter().map(|&o| (o, o as Score)).collect()
    }

    #[test]
    fn gallop_counts_the_records_before() {
        let l = list(&[1, 3, 5, 7, 9, 11, 13]);
        for ord in 0..16 {
            assert_eq!(gallop(&l, ord), l.iter().filter(|m| m.0 < ord).count(), "ord {ord}");
        }
        assert_eq!(gallop(&[], 4), 0);
    }

    #[test]
    fn intersects_required_lists_and_adds_optional_scores() {
        let lists = [list(&[1, 2, 4, 8, 9]), list(&[2, 3, 4, 9]), list(&[4, 5])];
        assert_eq!(intersect(&lists, &[true, true, false]), vec![(2, 4.0), (4, 12.0), (9, 18.0)]);
        assert_eq!(intersect(&lists, &[true, true, true]), vec![(4, 12.0)]);
        assert_eq!(intersect(&lists, &[false, false, false]), vec![(4, 12.0)]);
        assert_eq!(intersect(&lists[..1], &[true]), vec![(1, 1.0), (2, 2.0), (4, 4.0), (8, 8.0), (9, 9.0)]);
    }

    #[test]
    fn keeps_lists_within_the_budget() {
        let known = UnitMatches::new(3);
        let calls = std::cell::Cell::new(0);
        let get = |key: &str| {
            let found = known.get_or_find(key, || {
                calls.set(calls.get() + 1);
                Ok(vec![(2, 1.0), (1, 1.0)])
            });
            found.unwrap().iter().map(|m| m.0).collect::<Vec<_>>()
        };
        assert_eq!(get("a"), vec![1, 2], "sorted by record");
        get("a");
        get("b");
        get("b");
        assert_eq!(calls.get(), 3, "a kept, b past the budget");
    }
}
