//! What the history of records looks like on pages and in feeds: a change event as a line of
//! the change log, its field changes in a reader's words, and the change log's filters.

use indexer::diff::FieldChange;
use indexer::history::{AttributeChange, ChangeKind, Event, History};
use indexer::model::{Content, Stance};
use serde::Serialize;

use crate::i18n::{self, Lang};
use crate::views::Badge;

/// One field's change as shown: "Stance: ◐ Expected → ● Required".
#[derive(Debug, Clone, Serialize)]
pub struct ChangeLine {
    /// The field in English, as feeds name it.
    pub label: String,
    /// The message that names the field on pages; `None` for an attribute, named by its topic.
    pub key: Option<&'static str>,
    /// The value before, when worth showing.
    pub before: Option<String>,
    /// The value after, when worth showing.
    pub after: Option<String>,
    /// The message that an empty value before or after reads as: "(none)", or for an attribute
    /// "(not given)".
    pub empty: &'static str,
    /// For a stance: the badges before and after.
    pub stance: Option<(Badge, Badge)>,
}

impl ChangeLine {
    fn of(change: &FieldChange) -> ChangeLine {
        let shown = |s: &str| Some(s.to_owned());
        let badge = |s: &str| Badge::of(s.parse().unwrap_or(Stance::Unknown));
        let (key, before, after) = match change.field.as_str() {
            "stance" => {
                let stance = Some((badge(&change.before), badge(&change.after)));
                return ChangeLine { stance, ..ChangeLine::named("change-field-stance", None, None) };
            }
            "body" => ("change-field-body", None, None),
            "summary" => ("change-field-summary", shown(&change.before), shown(&change.after)),
            "modalities" => ("change-field-modalities", shown(&change.before), shown(&change.after)),
            "status" => ("change-field-status", shown(&change.before), shown(&change.after)),
            "reviewed" => ("change-field-reviewed", shown(&change.before), shown(&change.after)),
            "reviewed_by" => ("change-field-reviewed-by", shown(&change.before), shown(&change.after)),
            // A citation whose section or quote changed: `source <id>`.
            _ => ("change-field-citation", shown(&change.before), shown(&change.after)),
        };
        ChangeLine::named(key, before, after)
    }

    /// A line whose field the message `key` names.
    fn named(key: &'static str, before: Option<String>, after: Option<String>) -> ChangeLine {
        ChangeLine { label: i18n::t(Lang::En, key), key: Some(key), before, after, empty: "change-none", stance: None }
    }

    /// An attribute's change, under the attribute's label as its topic declares it.
    fn attribute(content: &Content, topic: &str, change: &AttributeChange) -> ChangeLine {
        let def = content.topic(topic).and_then(|t| t.attributes.iter().find(|a| a.id.value == change.id));
        let label = def.map_or(change.id.clone(), |d| d.label.clone());
        let shown = |v: &Option<String>| Some(v.clone().unwrap_or_default());
        let (before, after) = (shown(&change.before), shown(&change.after));
        ChangeLine { label, key: None, before, after, empty: "change-not-given", stance: None }
    }

    fn sources(key: &'static str, content: &Content, ids: &[String]) -> Option<ChangeLine> {
        let titles: Vec<&str> =
            ids.iter().map(|id| content.source(id).map_or(id.as_str(), |s| s.title.as_str())).collect();
        (!titles.is_empty()).then(|| ChangeLine::named(key, None, Some(titles.join("; "))))
    }

    /// The field's name in `lang`: its message, or an attribute's label as the content gives it.
    pub fn name(&self, lang: Lang) -> String {
        self.key.map_or_else(|| self.label.clone(), |key| i18n::t(lang, key))
    }

    /// A value before or after as `lang` reads it: an empty one in words.
    pub fn value(&self, lang: Lang, value: &str) -> String {
        if value.is_empty() { i18n::t(lang, self.empty) } else { value.to_owned() }
    }

    /// The line as plain text in `lang`, for feeds.
    pub fn text(&self, lang: Lang) -> String {
        let name = self.name(lang);
        let stance = |b: &Badge| i18n::t(lang, &format!("stance-{}", b.class));
        match (&self.stance, &self.before, &self.after) {
            (Some((a, b)), _, _) => format!("{name}: {} → {}", stance(a), stance(b)),
            (None, Some(before), Some(after)) => {
                format!("{name}: {} → {}", self.value(lang, before), self.value(lang, after))
            }
            (None, None, Some(after)) => format!("{name}: {}", self.value(lang, after)),
            _ => name,
        }
    }
}

/// A change event as the change log, a record's history and the feeds show it.
#[derive(Debug, Clone, Serialize)]
pub struct EventLine {
    pub record: String,
    pub title: String,
    pub regulator: String,
    pub topic: String,
    pub date: String,
    pub time: String,
    pub message: String,
    /// The commit's first seven hex digits.
    pub commit: String,
    /// The kinds of change, stance first: URL value and label.
    pub kinds: Vec<(&'static str, &'static str)>,
    pub stance_changed: bool,
    pub lines: Vec<ChangeLine>,
}

impl EventLine {
    /// The line of event `e`; source ids are named by `content`'s titles.
    pub fn of(content: &Content, e: &Event) -> EventLine {
        let mut lines: Vec<ChangeLine> = e.changes.iter().map(ChangeLine::of).collect();
        lines.extend(e.attributes.iter().map(|a| ChangeLine::attribute(content, &e.topic, a)));
        lines.extend(ChangeLine::sources("change-sources-added", content, &e.sources_added));
        lines.extend(ChangeLine::sources("change-sources-removed", content, &e.sources_removed));
        EventLine {
            record: e.record.clone(),
            title: e.title.clone(),
            regulator: e.regulator.clone(),
            topic: e.topic.clone(),
            date: e.date.to_string(),
            time: e.time.clone(),
            message: e.message.clone(),
            commit: e.commit.chars().take(7).collect(),
            kinds: e.kinds().into_iter().map(|k| (k.as_str(), k.label())).collect(),
            stance_changed: e.changes_stance(),
            lines,
        }
    }

    /// "PMDA × Tumorigenicity: stance Expected → Required" in `lang`, for a feed entry's title.
    pub fn headline(&self, lang: Lang) -> String {
        let what = match self.lines.first() {
            Some(line) if self.stance_changed => line.text(lang),
            _ => self
                .kinds
                .iter()
                .map(|(id, _)| i18n::t(lang, &format!("change-kind-{id}")))
                .collect::<Vec<_>>()
                .join(", "),
        };
        format!("{}: {what}", self.title)
    }

    /// Every field change as one line of text in `lang`.
    pub fn details(&self, lang: Lang) -> String {
        self.lines.iter().map(|l| l.text(lang)).collect::<Vec<_>>().join("; ")
    }
}

/// The change log's filters, all of them in the URL.
#[derive(Debug, Clone, Default)]
pub struct ChangesParams {
    pub regulator: String,
    pub topic: String,
    pub kind: String,
}

/// The change log: events newest first, grouped by day, after the filters.
#[derive(Debug, Clone, Serialize)]
pub struct ChangesView {
    /// Why history is unavailable, when it is.
    pub unavailable: Option<String>,
    pub regulators: Vec<(String, String)>,
    pub topics: Vec<(String, String)>,
    pub kinds: Vec<(&'static str, &'static str)>,
    pub regulator: String,
    pub topic: String,
    pub kind: String,
    /// How many events pass the filters, and how many there are.
    pub shown: usize,
    pub total: usize,
    pub days: Vec<(String, Vec<EventLine>)>,
}

impl ChangesView {
    /// The change log of `history` for the filters in `params`.
    pub fn of(content: &Content, history: &History, params: &ChangesParams) -> ChangesView {
        let kind: Option<ChangeKind> = params.kind.parse().ok();
        let mut days: Vec<(String, Vec<EventLine>)> = Vec::new();
        let passing = history.events.iter().filter(|e| {
            (params.regulator.is_empty() || e.regulator == params.regulator)
                && (params.topic.is_empty() || e.topic == params.topic)
                && kind.is_none_or(|k| e.kinds().contains(&k))
        });
        let mut shown = 0;
        for e in passing {
            shown += 1;
            let line = EventLine::of(content, e);
            match days.last_mut() {
                Some((day, lines)) if *day == line.date => lines.push(line),
                _ => days.push((line.date.clone(), vec![line])),
            }
        }
        ChangesView {
            unavailable: history.unavailable.clone(),
            regulators: crate::views::regulators_in_order(content)
                .into_iter()
                .map(|g| (g.id.value.clone(), g.short.clone()))
                .collect(),
            topics: crate::views::topics_in_order(content)
                .into_iter()
                .map(|t| (t.id.value.clone(), t.title.clone()))
                .collect(),
            kinds: ChangeKind::ALL.iter().map(|k| (k.as_str(), k.label())).collect(),
            regulator: params.regulator.clone(),
            topic: params.topic.clone(),
            kind: kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
            shown,
            total: history.events.len(),
            days,
        }
    }
}

/// A record's history, newest first, for its page.
#[derive(Debug, Clone, Serialize)]
pub struct RecordHistory {
    pub unavailable: Option<String>,
    pub events: Vec<EventLine>,
}

impl RecordHistory {
    /// The history of record `id`.
    pub fn of(content: &Content, history: &History, id: &str) -> RecordHistory {
        RecordHistory {
            unavailable: history.unavailable.clone(),
            events: history.of_record(id).map(|e| EventLine::of(content, e)).collect(),
        }
    }
}
