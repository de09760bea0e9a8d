//! Postings shards: every term's postings, with positions, partitioned by a stable hash of the
//! term, so that a query reads only the shards of its own terms.
//!
//! A term's postings are one string of numbers ([`push_number`]) in entries, one for each
//! document and field that has it, in document order: the document's ord minus the previous
//! entry's; `(frequency - 1) * 5 + field`; the field's length in terms; then the term's positions,
//! each minus the one before, except for concept terms (`~c…`), which are never part of a phrase.

use std::collections::BTreeMap;

use crate::analysis::is_unspaced;

/// A shard holds postings of about this many bytes of JSON (fewer shards for small content).
const SHARD_BYTES: usize = 64 * 1024;
/// A term whose postings are longer than this has a file of its own, so that the terms that
/// share its shard are read without it.
const OWN_FILE_BYTES: usize = 24 * 1024;
/// A forms file holds about this many bytes: a query reads one for each Latin word.
const FORMS_BYTES: usize = 16 * 1024;

/// Which of `shards` shards holds `key` (a term, a folded word or a letter): FNV-1a over its
/// UTF-16 code units, as `offline.js` computes it.
pub fn shard_of(key: &str, shards: u32) -> u32 {
    let hash = key.encode_utf16().fold(0x811c_9dc5u32, |h, unit| (h ^ u32::from(unit)).wrapping_mul(0x0100_0193));
    hash % shards
}

/// Postings and word forms as documents are added.
#[derive(Default)]
pub struct Postings {
    terms: BTreeMap<String, List>,
    forms: BTreeMap<String, String>,
}

#[derive(Default)]
struct List {
    code: String,
    last_doc: u32,
}

impl Postings {
    /// Adds field `field` of document `doc` (documents in increasing order), `length` terms long
    /// as BM25 counts it, as its terms with their positions.
    pub fn add(&mut self, doc: u32, field: u32, length: u32, terms: Vec<(String, u32)>) {
        let mut positions: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (term, position) in terms {
            positions.entry(term).or_default().push(position);
        }
        for (term, mut at) in positions {
            at.sort_unstable();
            let phrased = !term.starts_with('~');
            let list = self.terms.entry(term).or_default();
            for n in [doc - list.last_doc, (at.len() as u32 - 1) * super::FIELDS as u32 + field, length] {
                push_number(&mut list.code, n);
            }
            list.last_doc = doc;
            let mut previous = 0;
            for p in at.into_iter().filter(|_| phrased) {
                push_number(&mut list.code, p - previous);
                previous = p;
            }
        }
    }

    /// Remembers the term a word as written analyses to, when the browser could not work it out.
    pub fn note_form(&mut self, piece: &str, term: &str) {
        if let Some(folded) = super::form(piece, term) {
            self.forms.entry(folded).or_insert_with(|| term.to_owned());
        }
    }

    /// Remembers folded words with their terms ([`super::form`]); the first term of a word stays.
    pub fn add_forms(&mut self, forms: Vec<(String, String)>) {
        for (folded, term) in forms {
            self.forms.entry(folded).or_insert(term);
        }
    }

    /// The index files as `(name, JSON)`: the shards, objects of `postings` and `letters` (a
    /// letter of an unspaced script -> the terms that hold it), each keyed by its shard; the long
    /// postings, each `{"term", "postings"}` in file `search-term-N.js`, whose number `N` its
    /// shard's `postings` holds instead of them; then the forms files, `{"forms"}` (folded word -> term) partitioned the
    /// same way, as `search-forms-N.js`.
    pub fn into_files(self) -> Vec<(String, String)> {
        let mut letters: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for term in self.terms.keys().filter(|t| t.chars().all(is_unspaced)) {
            for c in term.chars() {
                let holders = letters.entry(c.to_string()).or_default();
                if holders.last() != Some(&term.as_str()) {
                    holders.push(term);
                }
            }
        }
        let mut postings: Vec<(&String, String)> =
            self.terms.iter().map(|(t, list)| (t, format!("\"{}\"", list.code))).collect();
        let mut own = Vec::new();
        for (term, list) in postings.iter_mut().filter(|(_, list)| list.len() > OWN_FILE_BYTES) {
            let name = format!("search-term-{}.js", own.len());
            let json = format!(r#"{{"term":{},"postings":{list}}}"#, serde_json::to_string(term).expect("a string"));
            *list = own.len().to_string();
            own.push((name, json));
        }
        let bytes: usize = postings.iter().map(|(t, list)| t.len() + list.len()).sum();
        let n = bytes.div_ceil(SHARD_BYTES).max(1) as u32;
        let mut parts = vec![[String::new(), String::new()]; n as usize];
        for (term, list) in &postings {
            put(&mut parts[shard_of(term, n) as usize][0], term, list);
        }
        for (letter, terms) in &letters {
            put(&mut parts[shard_of(letter, n) as usize][1], letter, &serde_json::to_string(terms).expect("strings"));
        }
        let forms: Vec<(&String, String)> =
            self.forms.iter().map(|(f, t)| (f, serde_json::to_string(t).expect("a string"))).collect();
        let bytes: usize = forms.iter().map(|(f, t)| f.len() + t.len() + 4).sum();
        let m = bytes.div_ceil(FORMS_BYTES).max(1) as u32;
        let mut form_parts = vec![String::new(); m as usize];
        for (folded, term) in &forms {
            put(&mut form_parts[shard_of(folded, m) as usize], folded, term);
        }
        let shards = parts.into_iter().enumerate().map(|(i, [p, l])| {
            (format!("search-shard-{i}.js"), format!(r#"{{"shard":{i},"postings":{{{p}}},"letters":{{{l}}}}}"#))
        });
        let forms = form_parts
            .into_iter()
            .enumerate()
            .map(|(i, f)| (format!("search-forms-{i}.js"), format!(r#"{{"forms":{{{f}}}}}"#)));
        shards.chain(own).chain(forms).collect()
    }
}

/// Appends `"key":value` to a JSON object's members.
fn put(members: &mut String, key: &str, value: &str) {
    if !members.is_empty() {
        members.push(',');
    }
    members.push_str(&serde_json::to_string(key).expect("a string"));
    members.push(':');
    members.push_str(value);
}

/// Appends `n` in base 64 ([`super::DIGITS`]), five bits a digit, least significant first: a
/// digit of 32 or more has more digits after it. Numbers below 32 take one character.
fn push_number(out: &mut String, mut n: u32) {
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

    #[test]
    fn a_term_always_falls_in_the_same_shard() {
        // The values offline.js computes for the same keys; a change here breaks every export's search.
        assert_eq!(shard_of("tumorigen", 1000), shard_of("tumorigen", 1000));
        assert_eq!(shard_of("", 7), 0x811c_9dc5 % 7);
        assert_eq!(shard_of("a", u32::MAX), 0xe40c_292c);
        assert_eq!(shard_of("造腫", u32::MAX), shard_of("造腫", u32::MAX));
    }

    #[test]
    fn postings_hold_lengths_frequencies_and_positions_as_deltas() {
        let mut p = Postings::default();
        let words = |ws: &[&str]| ws.iter().enumerate().map(|(i, w)| (w.to_string(), i as u32)).collect();
        p.add(0, 3, 3, words(&["cell", "therapy", "cell", "~c7"]));
        p.add(2, 0, 1, words(&["cell"]));
        p.add(40_000, 3, 700, words(&["~c7", "cell"]));
        assert_eq!(numbers(&p.terms["cell"].code), [0, 8, 3, 0, 2, 2, 0, 1, 0, 39_998, 3, 700, 1]);
        assert_eq!(numbers(&p.terms["~c7"].code), [0, 3, 3, 40_000, 3, 700], "concepts have no positions");
        let files = p.into_files();
        assert_eq!(files.len(), 2);
        let json: serde_json::Value = serde_json::from_str(&files[0].1).unwrap();
        assert_eq!(numbers(json["postings"]["therapy"].as_str().unwrap()), [0, 3, 3, 1]);
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

    #[test]
    fn a_long_list_has_its_own_file_that_its_shard_names() {
        let mut p = Postings::default();
        for doc in 0..20_000 {
            p.add(doc, 3, 1, vec![("cell".to_owned(), 0)]);
        }
        p.add(0, 0, 1, vec![("rare".to_owned(), 0)]);
        let files = p.into_files();
        let (_, own) = files.iter().find(|(name, _)| name == "search-term-0.js").unwrap();
        let own: serde_json::Value = serde_json::from_str(own).unwrap();
        assert_eq!(own["term"], "cell");
        assert_eq!(numbers(own["postings"].as_str().unwrap()).len(), 20_000 * 4);
        let shard: serde_json::Value = serde_json::from_str(&files[0].1).unwrap();
        assert_eq!(shard["postings"]["cell"], 0);
        assert_eq!(numbers(shard["postings"]["rare"].as_str().unwrap()), [0, 0, 1, 0]);
    }
}
