//! Postings shards: every term's postings, with positions, partitioned by a stable hash of the
//! term, so that a query reads only the shards of its own terms.
//!
//! A term's postings are one string of numbers ([`push_number`]) in entries, one for each
//! document and field that has it, in document order: the document's ord minus the previous
//! entry's; `(frequency - 1) * 5 + field`; the field's length in terms; then the term's positions,
//! each minus the one before, except for concept terms (`~c…`), which are never part of a phrase.

use std::collections::BTreeMap;
use std::io;

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

    /// Writes the index files through `put(name, JSON)`, one at a time, each list moved into its
    /// file rather than copied, so that memory holds the postings and one file at most: the
    /// shards, objects of `postings` and `letters` (a letter of an unspaced script -> the terms
    /// that hold it), each keyed by its shard; the long postings, each `{"term", "postings"}` in
    /// file `search-term-N.js`, whose number `N` its shard's `postings` holds instead of them;
    /// then the forms files, `{"forms"}` (folded word -> term) partitioned the same way, as
    /// `search-forms-N.js`. Returns how many shards and forms files there are.
    pub fn write(self, put: &mut dyn FnMut(&str, &str) -> io::Result<()>) -> io::Result<(u32, u32)> {
        let shards = write_postings(self.terms, put)?;
        Ok((shards, write_forms(&self.forms, put)?))
    }
}

/// Writes the postings shards and the long postings' own files; returns how many shards there are.
fn write_postings(terms: BTreeMap<String, List>, put: &mut dyn FnMut(&str, &str) -> io::Result<()>) -> io::Result<u32> {
    let n = shard_count(&terms);
    let letters = letters(&terms, n);
    let mut shards: Vec<Vec<(String, String)>> = (0..n).map(|_| Vec::new()).collect();
    let mut own = 0;
    for (term, list) in terms {
        let value = if list.is_long() {
            let json = format!(r#"{{"term":{},"postings":"{}"}}"#, json_string(&term), list.code);
            let number = own;
            own += 1;
            put(&format!("search-term-{number}.js"), &json)?;
            number.to_string()
        } else {
            format!("\"{}\"", list.code)
        };
        shards[shard_of(&term, n) as usize].push((term, value));
    }
    for (i, (terms, letters)) in shards.into_iter().zip(letters).enumerate() {
        let mut postings = String::new();
        for (term, value) in terms {
            put_member(&mut postings, &term, &value);
        }
        put(
            &format!("search-shard-{i}.js"),
            &format!(r#"{{"shard":{i},"postings":{{{postings}}},"letters":{{{letters}}}}}"#),
        )?;
    }
    Ok(n)
}

/// Writes the forms files; returns how many there are.
fn write_forms(forms: &BTreeMap<String, String>, put: &mut dyn FnMut(&str, &str) -> io::Result<()>) -> io::Result<u32> {
    let bytes: usize = forms.iter().map(|(f, t)| f.len() + json_string(t).len() + 4).sum();
    let m = bytes.div_ceil(FORMS_BYTES).max(1) as u32;
    let mut parts = vec![String::new(); m as usize];
    for (folded, term) in forms {
        put_member(&mut parts[shard_of(folded, m) as usize], folded, &json_string(term));
    }
    for (i, part) in parts.into_iter().enumerate() {
        put(&format!("search-forms-{i}.js"), &format!(r#"{{"forms":{{{part}}}}}"#))?;
    }
    Ok(m)
}

impl List {
    /// Whether this list is long enough to have a file of its own.
    fn is_long(&self) -> bool {
        self.code.len() > OWN_FILE_BYTES
    }
}

/// How many shards the postings need: each term with its value (the quoted postings, or the
/// number of its own file) counts.
fn shard_count(terms: &BTreeMap<String, List>) -> u32 {
    let mut own = 0;
    let mut bytes = 0;
    for (term, list) in terms {
        bytes += term.len();
        if list.is_long() {
            bytes += own.to_string().len();
            own += 1;
        } else {
            bytes += list.code.len() + 2;
        }
    }
    bytes.div_ceil(SHARD_BYTES).max(1) as u32
}

/// Each shard's `letters` members: a letter of an unspaced script -> the terms that hold it.
fn letters(terms: &BTreeMap<String, List>, shards: u32) -> Vec<String> {
    let mut letters: BTreeMap<char, Vec<&str>> = BTreeMap::new();
    for term in terms.keys().filter(|t| t.chars().all(is_unspaced)) {
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

    /// The files `p` writes, by name.
    fn files(p: Postings) -> BTreeMap<String, serde_json::Value> {
        let mut files = BTreeMap::new();
        p.write(&mut |name, json| Ok(drop(files.insert(name.to_owned(), serde_json::from_str(json).unwrap()))))
            .unwrap();
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
    fn postings_hold_lengths_frequencies_and_positions_as_deltas() {
        let mut p = Postings::default();
        let words = |ws: &[&str]| ws.iter().enumerate().map(|(i, w)| (w.to_string(), i as u32)).collect();
        p.add(0, 3, 3, words(&["cell", "therapy", "cell", "~c7"]));
        p.add(2, 0, 1, words(&["cell"]));
        p.add(40_000, 3, 700, words(&["~c7", "cell"]));
        assert_eq!(numbers(&p.terms["cell"].code), [0, 8, 3, 0, 2, 2, 0, 1, 0, 39_998, 3, 700, 1]);
        assert_eq!(numbers(&p.terms["~c7"].code), [0, 3, 3, 40_000, 3, 700], "concepts have no positions");
        let files = files(p);
        assert_eq!(files.keys().collect::<Vec<_>>(), ["search-forms-0.js", "search-shard-0.js"]);
        assert_eq!(numbers(files["search-shard-0.js"]["postings"]["therapy"].as_str().unwrap()), [0, 3, 3, 1]);
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
        let files = files(p);
        let own = &files["search-term-0.js"];
        assert_eq!(own["term"], "cell");
        assert_eq!(numbers(own["postings"].as_str().unwrap()).len(), 20_000 * 4);
        let shard = &files["search-shard-0.js"];
        assert_eq!(shard["postings"]["cell"], 0);
        assert_eq!(numbers(shard["postings"]["rare"].as_str().unwrap()), [0, 0, 1, 0]);
    }
}
