//! Cross-language terms: every term of a glossary entry, and every name and alias of a
//! modality, stands for one concept. The index marks each occurrence of any spelling with
//! the concept's own term (see [`Synonyms::term`]), so a query for a concept is one term,
//! whichever spelling the record used.
//!
//! A spelling is found only as whole words ([`Joint`]): never as the tail of a hyphenated word
//! (`non-clinical study` is not *clinical study*), never across a paragraph or sentence break,
//! and never inside a longer word that the glossary says means something else (`not:`).
//! Every concept a text spells is found, overlapping ones included.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::{Joint, terms};
use crate::model::Content;

/// Separates the tokens of a spelling in lookup keys; the analyzer never emits it.
const SEPARATOR: char = '\u{1}';

/// Analysed spellings and the concepts they belong to. The maps hash with FxHash: their keys
/// come from the content, and every token of every text searched or shown is looked up.
#[derive(Debug, Default)]
pub struct Synonyms {
    /// Spelling (tokens joined by `SEPARATOR`) -> concept.
    concept_of: FxHashMap<String, usize>,
    /// Spelling -> the concepts it is a false friend of (a glossary entry's `not`).
    blocks: FxHashMap<String, Vec<usize>>,
    /// Each concept's spellings, analysed.
    concepts: Vec<Vec<Vec<String>>>,
    /// Each concept's first spelling as written, to name it.
    names: Vec<String>,
    /// Every spelling's first tokens (1, 2, … all), as keys: most tokens begin none, and a
    /// match stops growing at the first run of tokens that no spelling begins with.
    prefixes: FxHashSet<String>,
    /// The longest spelling, in tokens: how far a match may reach.
    longest: usize,
}

/// One place a text spells a concept: tokens `tokens` of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelt {
    pub concept: usize,
    pub tokens: Range<usize>,
}

impl Synonyms {
    /// Collects the glossary and the modalities of `content`. Entries that share a spelling merge.
    pub fn new(content: &Content) -> Synonyms {
        let mut synonyms = Synonyms::default();
        for entry in &content.glossary {
            let concept = synonyms.add(entry.terms());
            if let Some(concept) = concept {
                synonyms.block(concept, entry.not.iter().map(String::as_str));
            }
        }
        for m in &content.modalities {
            let names = [m.id.value.as_str(), m.title.as_str()].into_iter();
            synonyms.add(names.chain(m.aliases.iter().map(String::as_str)));
        }
        synonyms
    }

    fn add<'a>(&mut self, spellings: impl Iterator<Item = &'a str>) -> Option<usize> {
        let spellings: Vec<&str> = spellings.collect();
        let analysed: Vec<Vec<String>> = spellings.iter().map(|s| terms(s)).filter(|t| !t.is_empty()).collect();
        let first = analysed.first()?;
        let existing = analysed.iter().find_map(|t| self.concept_of.get(&key(t)).copied());
        let concept = existing.unwrap_or_else(|| {
            self.concepts.push(Vec::new());
            self.names.push(spellings.iter().find(|s| terms(s) == *first).map_or(String::new(), |s| s.to_string()));
            self.concepts.len() - 1
        });
        for t in analysed {
            self.note_spelling(&t);
            if self.concept_of.insert(key(&t), concept).is_none() {
                self.concepts[concept].push(t);
            }
        }
        Some(concept)
    }

    fn block<'a>(&mut self, concept: usize, spellings: impl Iterator<Item = &'a str>) {
        for t in spellings.map(terms).filter(|t| !t.is_empty()) {
            self.note_spelling(&t);
            self.blocks.entry(key(&t)).or_default().push(concept);
        }
    }

    fn note_spelling(&mut self, tokens: &[String]) {
        self.longest = self.longest.max(tokens.len());
        self.prefixes.extend((1..=tokens.len()).map(|n| key(&tokens[..n])));
    }

    /// The concept whose spelling is exactly `tokens`, if any.
    pub fn concept<S: AsRef<str>>(&self, tokens: &[S]) -> Option<usize> {
        if tokens.is_empty() || tokens.len() > self.longest {
            return None;
        }
        self.concept_of.get(&key(tokens)).copied()
    }

    /// Every place `tokens` spell a concept, in order of start then length. `joints[i]` is how
    /// token `i` joins token `i + 1` in the text ([`Joint`]); `key` is scratch space.
    pub fn find(&self, tokens: &[&str], joints: &[Joint], key: &mut String) -> Vec<Spelt> {
        let mut found = Vec::new();
        let mut blocked: Vec<(usize, Range<usize>)> = Vec::new();
        for i in 0..tokens.len() {
            // A spelling starts a word: not after a hyphen inside a Latin word.
            if i > 0 && joints[i - 1] == Joint::Hyphen {
                continue;
            }
            key.clear();
            for (n, t) in tokens[i..].iter().enumerate() {
                if n > 0 && joints[i + n - 1] == Joint::Break {
                    break;
                }
                key.push_str(t);
                key.push(SEPARATOR);
                if !self.prefixes.contains(key.as_str()) {
                    break;
                }
                if let Some(&concept) = self.concept_of.get(key.as_str()) {
                    found.push(Spelt { concept, tokens: i..i + n + 1 });
                }
                if let Some(concepts) = self.blocks.get(key.as_str()) {
                    blocked.extend(concepts.iter().map(|&c| (c, i..i + n + 1)));
                }
            }
        }
        found.retain(|s| {
            !blocked.iter().any(|(c, r)| *c == s.concept && r.start <= s.tokens.start && s.tokens.end <= r.end)
        });
        found
    }

    /// The term that marks concept `id` in the index. The analyzer never emits `~`, so no
    /// word can collide with it.
    pub fn term(id: usize) -> String {
        format!("~c{id}")
    }

    /// Every concept's analysed spellings.
    pub fn concepts(&self) -> &[Vec<Vec<String>>] {
        &self.concepts
    }

    /// Concept `id`'s first spelling as written.
    pub fn name(&self, id: usize) -> &str {
        &self.names[id]
    }

    /// Every spelling that marks a false friend, analysed, with the concepts it is not.
    pub fn false_friends(&self) -> impl Iterator<Item = (&str, &[usize])> {
        self.blocks.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// The most tokens one spelling has.
    pub fn longest(&self) -> usize {
        self.longest
    }
}

fn key<S: AsRef<str>>(tokens: &[S]) -> String {
    let mut key = String::with_capacity(tokens.iter().map(|t| t.as_ref().len() + 1).sum());
    for t in tokens {
        key.push_str(t.as_ref());
        key.push(SEPARATOR);
    }
    key
}
