//! Postings shards: every term's postings partitioned by a stable hash of the term, so that a
//! query reads only the shards of its own terms, and their positions partitioned the same way in
//! files of their own, which only a phrase reads.
//!
//! A term's postings are one string of numbers ([`push_number`]) in entries, one for each
//! document and field that has it, in document order: the document's ord minus the previous
//! entry's, then `(frequency - 1) * 5 + field`. Its positions are another string, with the
//! positions of each entry in the same order, each minus the one before; concept terms (`~c…`),
//! which are never part of a phrase, have none.

use std::collections::BTreeMap;
use std::io;

use rustc_hash::FxHashMap;

use crate::analysis::is_unspaced;

/// A shard holds postings of about this many bytes of JSON (fewer shards for small content): a
/// one-word query reads one.
const SHARD_BYTES: usize = 32 * 1024;
/// A term whose postings are longer than this has a file of its own, so that the terms that
/// share its shard are read without it.
const OWN_FILE_BYTES: usize = 24 * 1024;

/// Which of `shards` shards holds `key` (a term or a letter): FNV-1a over its UTF-16 code units,
/// as `offline.js` computes it.
pub fn shard_of(key: &str, shards: u32) -> u32 {
    let hash = key.encode_utf16().fold(0x811c_9dc5u32, |h, unit| (h ^ u32::from(unit)).wrapping_mul(0x0100_0193));
    hash % shards
}

/// Postings as documents are added.
#[derive(Default)]
pub struct Postings {
    terms: FxHashMap<String, List>,
}

/// A term of one field of a document: how often it occurs there, and its positions coded as
/// deltas (none for concept terms).
pub struct Occurrences {
    term: String,
    count: u32,
    positions: String,
}

/// A field's terms with their positions, gathered as a document is analysed (in parallel, before
/// [`Postings::add`] takes them one document after another).
#[derive(Default)]
pub struct FieldTerms {
    at: FxHashMap<String, Vec<u32>>,
    count: u32,
}

impl FieldTerms {
    /// Adds an occurrence of `term` at `position`; a term is copied the first time only.
    pub fn push(&mut self, term: &str, position: u32) {
        match self.at.get_mut(term) {
            Some(positions) => positions.push(position),
            None => {
                self.at.insert(term.to_owned(), vec![position]);
            }
        }
        self.count += 1;
    }

    /// How many terms the field has, repeats included.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Each term once, as [`Postings::add`] takes it.
    pub fn occurrences(self) -> Vec<Occurrences> {
        // Their order does not matter: each term's list is its own.
        self.at
            .into_iter()
            .map(|(term, mut positions)| {
                let count = positions.len() as u32;
                let mut coded = String::new();
                if !term.starts_with('~') {
                    positions.sort_unstable();
                    let mut previous = 0;
                    for p in positions {
                        push_number(&mut coded, p - previous);
                        previous = p;
                    }
                }
                Occurrences { term, count, positions: coded }
            })
            .collect()
    }
}

#[derive(Default)]
struct List {
    code: String,
    positions: String,
    last_doc: u32,
}

impl Postings {
    /// Adds field `field` of document `doc` (documents in increasing order): its terms'
    /// [`occurrences`].
    pub fn add(&mut self, doc: u32, field: u32, terms: Vec<Occurrences>) {
        for o in terms {
            let list = self.terms.entry(o.term).or_default();
            for n in [doc - list.last_doc, (o.count - 1) * super::FIELDS as u32 + field] {
                push_number(&mut list.code, n);
            }
            list.last_doc = doc;
            list.positions.push_str(&o.positions);
        }
    }

    /// Writes the index files through `put(name, JSON)`, one at a time, each list moved into its
    /// file rather than copied, so that memory holds the postings and one file at most: the
    /// postings shards `search-shard-N.js`, objects of `postings` and `letters` (a letter of an
    /// unspaced script -> the terms that hold it); the positions shards `search-positions-N.js`,
    /// objects of `positions`, partitioned the same way; the long lists in files of their own
    /// ([`Partition`]). Returns how many shards there are.
    pub fn write(self, put: &mut Write) -> io::Result<u32> {
        let mut terms: Vec<_> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        write_postings(terms, put)
    }
}

/// Where files go: `put(name, JSON)`.
pub type Write<'a> = dyn FnMut(&str, &str) -> io::Result<()> + 'a;

/// Writes the postings and positions shards and the long lists' own files; returns how many
/// shards of each there are.
fn write_postings(terms: Vec<(String, List)>, put: &mut Write) -> io::Result<u32> {
    let n = shard_count(&terms);
    let letters = letters(&terms, n);
    let mut postings = Partition::new(n, "postings", "search-shard", "search-term");
    let mut positions = Partition::new(n, "positions", "search-positions", "search-term-positions");
    for (term, list) in terms {
        if !list.positions.is_empty() {
            positions.add(term.clone(), list.positions, put)?;
        }
        postings.add(term, list.code, put)?;
    }
    postings.write(&letters.into_iter().map(|l| format!(r#","letters":{{{l}}}"#)).collect::<Vec<_>>(), put)?;
    positions.write(&vec![String::new(); n as usize], put)?;
    Ok(n)
}

/// One kind of list (postings or positions) partitioned by term: shards `{shard}-N.js`, objects
/// `{"shard": N, "{key}": {term: list}}`, and each list longer than `OWN_FILE_BYTES` in a file of
/// its own, `{own}-K.js`, an object `{"term", "{key}"}`, whose number `K` its shard holds instead.
struct Partition {
    key: &'static str,
    shard: &'static str,
    own: &'static str,
    parts: Vec<Vec<(String, String)>>,
    owned: usize,
}

impl Partition {
    fn new(shards: u32, key: &'static str, shard: &'static str, own: &'static str) -> Partition {
        Partition { key, shard, own, parts: (0..shards).map(|_| Vec::new()).collect(), owned: 0 }
    }

    /// Adds `term`'s list, written at once to its own file when it is long.
    fn add(&mut self, term: String, list: String, put: &mut Write) -> io::Result<()> {
        let value = if list.len() > OWN_FILE_BYTES {
            let json = format!(r#"{{"term":{},"{}":"{list}"}}"#, json_string(&term), self.key);
            put(&format!("{}-{}.js", self.own, self.owned), &json)?;
            self.owned += 1;
            (self.owned - 1).to_string()
        } else {
            format!("\"{list}\"")
        };
        let n = self.parts.len() as u32;
        self.parts[shard_of(&term, n) as usize].push((term, value));
        Ok(())
    }

    /// Writes the shards, each with its members of `extra` after its lists.
    fn write(self, extra: &[String], put: &mut Write) -> io::Result<()> {
        for (i, (terms, extra)) in self.parts.into_iter().zip(extra).enumerate() {
            let mut lists = String::new();
            for (term, value) in terms {
                put_member(&mut lists, &term, &value);
            }
            put(&format!("{}-{i}.js", self.shard), &format!(r#"{{"shard":{i},"{}":{{{lists}}}{extra}}}"#, self.key))?;
        }
        Ok(())
    }
}

/// How many shards the postings need: each term with its value (the quoted postings, or the
/// number of its own file) counts; positions are partitioned the same way.
fn shard_count(terms: &[(String, List)]) -> u32 {
    let mut own = 0;
    let mut bytes = 0;
    for (term, list) in terms {
        bytes += term.len();
        if list.code.len() > OWN_FILE_BYTES {
            bytes += own.to_string().len();
            own += 1;
        } else {
            bytes += list.code.len() + 2;
        }
    }
    bytes.div_ceil(SHARD_BYTES).max(1) as u32
}

/// Each shard's `letters` members: a letter of an unspaced script -> the terms that hold it.
fn letters(terms: &[(String, List)], shards: u32) -> Vec<String> {
    let mut letters: BTreeMap<char, Vec<&str>> = BTreeMap::new();
    for (term, _) in terms.iter().filter(|(t, _)| t.chars().all(is_unspaced)) {
        for c in term.chars() {
            let holders = letters.entry(c).or_default();
            if holders.last() != Some(&term.as_str()) {
                holders.push(term);
            }
        }
    }
    let mut parts = vec![String::new(); shards as usize];
    for (letter, holders) in letters {
        let letter = letter.to_string();
        let holders = serde_json::to_string(&holders).expect("strings");
        put_member(&mut parts[shard_of(&letter, shards) as usize], &letter, &holders);
    }
    parts
}

/// `text` as a JSON string.
fn json_string(text: &str) -> String {
    serde_json::to_string(text).expect("a string")
}

/// Appends `"key":value` to a JSON object's members.
fn put_member(members: &mut String, key: &str, value: &str) {
    if !members.is_empty() {
        members.push(',');
    }
    members.push_str(&serde_json::to_string(key).expect("a string"));
    members.push(':');
    members.push_str(value);
}

/// Appends `n` in base 64 ([`super::DIGITS`]), five bits a digit, least significant first: a
/// digit of 32 or more has more digits after it. Numbers below 32 take one character.
pub(super) fn push_number(out: &mut String, mut n: u32) {
    while n >= 32 {
        out.push(super::DIGITS[32 + (n % 32) as usize] as char);
        n /= 32;
    }
    out.push(super::DIGITS[n as usize] as char);
}

/// The numbers of a string [`push_number`] wrote.
#[cfg(test)]
fn numbers(code: &str) -> Vec<u32> {
    let (mut out, mut n, mut scale) = (Vec::new(), 0, 1);
    for c in code.bytes() {
        let digit = super::DIGITS.iter().position(|&d| d == c).expect("a digit") as u32;
        if digit >= 32 {
            n += (digit - 32) * scale;
            scale *= 32;
        } else {
            out.push(n + digit * scale);
            (n, scale) = (0, 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files `p` writes, by name.
    fn files(p: Postings) -> BTreeMap<String, serde_json::Value> {
        let mut files = BTreeMap::new();
        let mut put = |name: &str, json: &str| {
            files.insert(name.to_owned(), serde_json::from_str(json).unwrap());
            Ok(())
        };
        p.write(&mut put).unwrap();
        files
    }

    #[test]
    fn a_term_always_falls_in_the_same_shard() {
        // The values offline.js computes for the same keys; a change here breaks every export's search.
        assert_eq!(shard_of("tumorigen", 1000), shard_of("tumorigen", 1000));
        assert_eq!(shard_of("", 7), 0x811c_9dc5 % 7);
        assert_eq!(shard_of("a", u32::MAX), 0xe40c_292c);
        assert_eq!(shard_of("造腫", u32::MAX), shard_of("造腫", u32::MAX));
    }

    #[test]
    fn postings_hold_frequencies_and_positions_apart_as_deltas() {
        let mut p = Postings::default();
        let words = |ws: &[&str]| {
            let mut terms = FieldTerms::default();
            ws.iter().zip(0..).for_each(|(w, i)| terms.push(w, i));
            terms.occurrences()
        };
        p.add(0, 3, words(&["cell", "therapy", "cell", "~c7"]));
        p.add(2, 0, words(&["cell"]));
        p.add(40_000, 3, words(&["~c7", "cell"]));
        assert_eq!(numbers(&p.terms["cell"].code), [0, 8, 2, 0, 39_998, 3]);
        assert_eq!(numbers(&p.terms["cell"].positions), [0, 2, 0, 1]);
        assert_eq!(numbers(&p.terms["~c7"].code), [0, 3, 40_000, 3]);
        assert!(p.terms["~c7"].positions.is_empty(), "concepts have no positions");
        let files = files(p);
        let names = ["search-positions-0.js", "search-shard-0.js"];
        assert_eq!(files.keys().collect::<Vec<_>>(), names);
        assert_eq!(numbers(files["search-shard-0.js"]["postings"]["therapy"].as_str().unwrap()), [0, 3]);
        assert_eq!(numbers(files["search-positions-0.js"]["positions"]["therapy"].as_str().unwrap()), [1]);
        assert!(files["search-positions-0.js"]["positions"].get("~c7").is_none());
    }

    #[test]
    fn numbers_below_32_take_one_digit() {
        let mut code = String::new();
        for n in [0, 31, 32, 1023, 1024, u32::MAX] {
            push_number(&mut code, n);
        }
        assert_eq!(&code[..2], "0V");
        assert_eq!(numbers(&code), [0, 31, 32, 1023, 1024, u32::MAX]);
    }

    /// A field of one term.
    fn one(term: &str) -> Vec<Occurrences> {
        let mut terms = FieldTerms::default();
        terms.push(term, 0);
        terms.occurrences()
    }

    #[test]
    fn a_long_list_has_its_own_file_that_its_shard_names() {
        let mut p = Postings::default();
        for doc in 0..20_000 {
            p.add(doc, 3, one("cell"));
        }
        p.add(0, 0, one("rare"));
        let files = files(p);
        let own = &files["search-term-0.js"];
        assert_eq!(own["term"], "cell");
        assert_eq!(numbers(own["postings"].as_str().unwrap()).len(), 20_000 * 2);
        let shard = &files["search-shard-0.js"];
        assert_eq!(shard["postings"]["cell"], 0);
        assert_eq!(numbers(shard["postings"]["rare"].as_str().unwrap()), [0, 0]);
        assert_eq!(files["search-positions-0.js"]["positions"]["rare"], "0");
    }
}
