//! Cross-language terms: every term of a glossary entry, and every name and alias of a
//! modality, stands for one concept. The index marks each occurrence of any spelling with
//! the concept's own term (see [`Synonyms::term`]), so a query for a concept is one term,
//! whichever spelling the record used.

use std::collections::{HashMap, HashSet};

use crate::analysis::terms;
use crate::model::Content;

/// Separates the tokens of a spelling in lookup keys; the analyzer never emits it.
const SEPARATOR: char = '\u{1}';

/// Analysed spellings and the concepts they belong to.
#[derive(Debug, Default)]
pub struct Synonyms {
    /// Spelling (tokens joined by `SEPARATOR`) -> concept.
    concept_of: HashMap<String, usize>,
    /// Each concept's spellings, analysed.
    concepts: Vec<Vec<Vec<String>>>,
    /// The first token of every spelling: most tokens are not, and are passed over at once.
    starts: HashSet<String>,
    /// The longest spelling, in tokens: how far a match may reach.
    longest: usize,
}

impl Synonyms {
    /// Collects the glossary and the modalities of `content`. Entries that share a spelling merge.
    pub fn new(content: &Content) -> Synonyms {
        let mut synonyms = Synonyms::default();
        for entry in &content.glossary {
            synonyms.add(entry.terms());
        }
        for m in &content.modalities {
            let names = [m.id.value.as_str(), m.title.as_str()].into_iter();
            synonyms.add(names.chain(m.aliases.iter().map(String::as_str)));
        }
        synonyms
    }

    fn add<'a>(&mut self, spellings: impl Iterator<Item = &'a str>) {
        let analysed: Vec<Vec<String>> = spellings.map(terms).filter(|t| !t.is_empty()).collect();
        let existing = analysed.iter().find_map(|t| self.concept_of.get(&key(t)).copied());
        let concept = existing.unwrap_or_else(|| {
            self.concepts.push(Vec::new());
            self.concepts.len() - 1
        });
        for t in analysed {
            self.longest = self.longest.max(t.len());
            self.starts.insert(t[0].clone());
            if self.concept_of.insert(key(&t), concept).is_none() {
                self.concepts[concept].push(t);
            }
        }
    }

    /// The concept whose spelling is exactly `tokens`, if any.
    pub fn concept<S: AsRef<str>>(&self, tokens: &[S]) -> Option<usize> {
        if tokens.is_empty() || tokens.len() > self.longest {
            return None;
        }
        self.concept_of.get(&key(tokens)).copied()
    }

    /// The longest spelling that `tokens` starts with: its concept and its length in tokens.
    /// `key` is scratch space, so that indexing allocates nothing per token.
    pub fn longest_match(&self, tokens: &[&str], key: &mut String) -> Option<(usize, usize)> {
        if !tokens.first().is_some_and(|t| self.starts.contains(*t)) {
            return None;
        }
        key.clear();
        let mut found = None;
        for (n, t) in tokens.iter().take(self.longest).enumerate() {
            key.push_str(t);
            key.push(SEPARATOR);
            if let Some(&concept) = self.concept_of.get(key.as_str()) {
                found = Some((concept, n + 1));
            }
        }
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
