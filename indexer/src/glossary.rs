//! How well the glossary fits the records: entries that no record spells, and phrases that
//! many records use but no entry names (names of laws, committees, acronyms), for `regkb stats
//! --glossary`.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;
use tantivy::tokenizer::{TokenStream, Tokenizer};

use crate::analysis::{RegkbTokenizer, terms};
use crate::index::{context_text, record_title};
use crate::markdown;
use crate::model::Content;
use crate::synonyms::Synonyms;

/// A phrase is listed when at least this many records use it.
const MIN_RECORDS: usize = 3;
/// At most this many phrases are listed.
const MAX_PHRASES: usize = 40;
/// Small words allowed inside a name: "Act on the Safety of Regenerative Medicine".
const JOINERS: &[&str] = &["of", "for", "on", "and", "the", "in", "to"];

/// Words that start sentences with a capital, not names.
const STARTERS: &[&str] = &[
    "the", "a", "an", "no", "this", "these", "its", "since", "under", "in", "for", "after", "before", "until", "both",
    "each", "only", "from", "on", "and", "of", "to",
];

/// The glossary against the records.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryUse {
    /// Glossary entries (ids) whose terms no record spells.
    pub unused: Vec<String>,
    /// Names and acronyms that records use and no entry spells: (phrase, records using it).
    pub missing: Vec<(String, usize)>,
}

/// Checks every record's texts against the glossary.
pub fn glossary_use(content: &Content) -> GlossaryUse {
    let synonyms = std::sync::Arc::new(Synonyms::new(content));
    let mut tokenizer = RegkbTokenizer::with_concepts(synonyms.clone());
    let mut spelt = HashSet::new();
    let mut phrases: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (ord, record) in content.records.iter().enumerate() {
        let body = markdown::to_text(&record.body);
        let own = [record.front.summary.clone(), body];
        let around = [record_title(content, record), context_text(content, record)];
        for text in own.iter().chain(&around) {
            let mut stream = tokenizer.token_stream(text);
            while let Some(token) = stream.next() {
                if token.text.starts_with('~') {
                    spelt.insert(token.text.clone());
                }
            }
        }
        // Names from the record's own words: the context repeats every regulator's names.
        for phrase in own.iter().flat_map(|t| names(t)) {
            phrases.entry(phrase).or_default().insert(ord);
        }
    }
    let unused = content
        .glossary
        .iter()
        .filter(|entry| {
            let concept = entry.terms().find_map(|t| synonyms.concept(&terms(t)));
            concept.is_none_or(|c| !spelt.contains(&Synonyms::term(c)))
        })
        .map(|entry| entry.id.value.clone())
        .collect();
    let mut missing: Vec<(String, usize)> = phrases
        .into_iter()
        .filter(|(phrase, records)| records.len() >= MIN_RECORDS && !names_a_concept(content, &synonyms, phrase))
        .map(|(phrase, records)| (phrase, records.len()))
        .collect();
    missing.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    missing.truncate(MAX_PHRASES);
    GlossaryUse { unused, missing }
}

/// Whether some part of `phrase` is a glossary or modality spelling, or a regulator's name.
fn names_a_concept(content: &Content, synonyms: &Synonyms, phrase: &str) -> bool {
    let regulator = |r: &crate::model::Regulator| [&r.short, &r.name].iter().any(|n| phrase.contains(n.as_str()));
    if content.regulators.iter().any(regulator) {
        return true;
    }
    let tokens = terms(phrase);
    (0..tokens.len()).any(|i| (i + 1..=tokens.len()).any(|j| synonyms.concept(&tokens[i..j]).is_some()))
}

/// Names in `text`: acronyms (GMAC, NDCT) and runs of capitalised words, with small joining
/// words inside (Standards for Biological Raw Materials).
fn names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for sentence in text.split(['\n', '.', ';', ':', '(', ')', ',']) {
        let words: Vec<&str> =
            sentence.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
        let mut run: Vec<&str> = Vec::new();
        for word in words.iter().copied().chain([""]) {
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            if capital || (!run.is_empty() && JOINERS.contains(&word)) {
                run.push(word);
                continue;
            }
            while run.last().is_some_and(|w| JOINERS.contains(w)) {
                run.pop();
            }
            // A capital that starts a sentence ("The ...") is not part of the name.
            while run.first().is_some_and(|w| STARTERS.contains(&w.to_lowercase().as_str())) {
                run.remove(0);
            }
            if run.len() >= 2 || run.first().is_some_and(|w| is_acronym(w)) {
                out.push(run.join(" "));
            }
            run.clear();
        }
    }
    out
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_and_acronyms() {
        let found = names("The Standards for Biological Raw Materials apply. GMAC reviews it; the Cures Act too.");
        assert_eq!(found, ["Standards for Biological Raw Materials", "GMAC", "Cures Act"]);
        assert!(names("plain words only").is_empty());
    }
}
