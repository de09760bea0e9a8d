//! The definitions page: what each stance, route answer, review status, document status and
//! attribute means, over the model's own vocabularies, in the page's language; the page and
//! the badges' titles read the same messages.

use indexer::model::{AttributeKind, Content, SourceStatus, Status, TopicKind};
use serde::Serialize;

use crate::i18n::{self, Lang};
use crate::views::{Badge, topics_in_order};

/// One defined term: its anchor on the page, its words, the value as content files write it,
/// and what it means.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub anchor: String,
    pub label: String,
    pub code: String,
    pub definition: String,
    /// The badge a stance shows as.
    pub badge: Option<Badge>,
}

/// A topic's attribute, as the definitions page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct AttributeTerm {
    pub anchor: String,
    pub topic_id: String,
    pub topic: String,
    pub label: String,
    /// The type as content files write it (`enum`), and in words.
    pub kind: String,
    pub kind_label: String,
    /// The values an enum allows, as content files write them, each with its words in the page's
    /// language when the topic gives them.
    pub values: Vec<(String, Option<String>)>,
    /// The unit of a number.
    pub unit: Option<String>,
}

/// Everything the definitions page shows.
#[derive(Debug, Clone, Serialize)]
pub struct DefinitionsView {
    /// Per kind of topic: its name, what it asks, and the answers its records take.
    pub kinds: Vec<(String, String, Vec<Term>)>,
    pub statuses: Vec<Term>,
    pub document_statuses: Vec<Term>,
    pub value_types: Vec<Term>,
    pub attributes: Vec<AttributeTerm>,
}

impl DefinitionsView {
    /// The definitions in `lang`, with the attributes `content`'s topics declare.
    pub fn of(content: &Content, lang: Lang) -> DefinitionsView {
        // A value's words are message `<key>`, what it means `<key>-definition`.
        let term = |anchor: String, code: &str, key: String| Term {
            anchor,
            label: i18n::t(lang, &key),
            code: code.to_owned(),
            definition: i18n::t(lang, &format!("{key}-definition")),
            badge: None,
        };
        // `unknown` answers both kinds; its second definition needs an anchor of its own.
        let mut defined = std::collections::HashSet::new();
        let kinds = [TopicKind::Requirement, TopicKind::Route]
            .into_iter()
            .map(|kind| {
                let answers = kind
                    .stances()
                    .iter()
                    .map(|&s| {
                        let badge = Badge::of(s);
                        let anchor = if defined.insert(s) { badge.anchor() } else { format!("{kind}-{s}") };
                        let key = format!("stance-{}", badge.class);
                        Term { badge: Some(badge), ..term(anchor, s.as_str(), key) }
                    })
                    .collect();
                let name = i18n::t(lang, &format!("topic-kind-{kind}"));
                (name, i18n::t(lang, &format!("topic-kind-{kind}-definition")), answers)
            })
            .collect();
        let attributes = topics_in_order(content)
            .into_iter()
            .flat_map(|t| t.attributes.iter().map(move |a| (t, a)))
            .map(|(t, a)| AttributeTerm {
                anchor: format!("attribute-{}-{}", t.id.value, a.id.value),
                topic_id: t.id.value.clone(),
                topic: t.title.clone(),
                label: a.label.clone(),
                kind: a.kind.to_string(),
                kind_label: i18n::t(lang, &format!("value-type-{}", a.kind)),
                values: a
                    .values
                    .iter()
                    .map(|v| (v.clone(), a.values_i18n.get(v).and_then(|words| words.get(lang.tag())).cloned()))
                    .collect(),
                unit: a.unit.clone(),
            })
            .collect();
        DefinitionsView {
            kinds,
            // Record pages link `#status-<status>`.
            statuses: Status::ALL
                .iter()
                .map(|&s| term(format!("status-{s}"), s.as_str(), format!("review-status-{s}")))
                .collect(),
            document_statuses: SourceStatus::ALL
                .iter()
                .map(|&s| term(format!("document-{s}"), s.as_str(), format!("document-status-{s}")))
                .collect(),
            value_types: AttributeKind::ALL
                .iter()
                .map(|&k| term(format!("type-{k}"), k.as_str(), format!("value-type-{k}")))
                .collect(),
            attributes,
        }
    }
}
