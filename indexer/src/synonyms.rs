//! Cross-language terms: every term of a glossary entry, and every name and alias of a
//! modality, stands for one concept; a query for any of them searches for all of them.

use std::collections::HashMap;

use crate::analysis::terms;
use crate::model::Content;

/// Analysed term sequences and the concepts they belong to.
#[derive(Debug, Default)]
pub struct Synonyms {
    concept_of: HashMap<Vec<String>, usize>,
    /// Each concept's spellings, analysed.
    concepts: Vec<Vec<Vec<String>>>,
    /// The longest spelling, in tokens: how far a query match may reach.
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
        let existing = analysed.iter().find_map(|t| self.concept_of.get(t).copied());
        let concept = existing.unwrap_or_else(|| {
            self.concepts.push(Vec::new());
            self.concepts.len() - 1
        });
        for t in analysed {
            self.longest = self.longest.max(t.len());
            if self.concept_of.insert(t.clone(), concept).is_none() {
                self.concepts[concept].push(t);
            }
        }
    }

    /// The spellings of the concept whose spelling is exactly `tokens`, if any.
    pub fn lookup(&self, tokens: &[String]) -> Option<&[Vec<String>]> {
        self.concept_of.get(tokens).map(|&c| self.concepts[c].as_slice())
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
