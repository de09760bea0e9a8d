//! Atom feeds of record changes: all records, per regulator and per topic, newest first by
//! `updated`, for readers who follow what changes between conferences.

use askama::Template;
use indexer::load::is_text_char;
use indexer::model::{Content, Record};

use crate::links::Links;
use crate::views::{RecordLine, newest_first};

/// The most entries a feed holds.
const ENTRIES: usize = 50;

#[derive(Template)]
#[template(path = "feed.xml")]
struct Feed<'a> {
    title: String,
    key: String,
    updated: String,
    links: &'a Links,
    entries: Vec<Entry>,
}

/// A record in a feed, with its date as Atom needs it (a full date, even when `updated` is a month).
struct Entry {
    line: RecordLine,
    updated: String,
}

/// Which records a feed follows.
pub enum Scope<'a> {
    All,
    Regulator(&'a str),
    Topic(&'a str),
}

impl Scope<'_> {
    /// The scope of `feeds/<kind>/<id>.xml`, if `kind` is one.
    pub fn of<'a>(kind: &str, id: &'a str) -> Option<Scope<'a>> {
        match kind {
            "regulators" => Some(Scope::Regulator(id)),
            "topics" => Some(Scope::Topic(id)),
            _ => None,
        }
    }

    /// The feed's path below the site root.
    pub fn path(&self) -> String {
        match self {
            Scope::All => "feeds/all.xml".into(),
            Scope::Regulator(id) => format!("feeds/regulators/{id}.xml"),
            Scope::Topic(id) => format!("feeds/topics/{id}.xml"),
        }
    }

    fn includes(&self, r: &Record) -> bool {
        match self {
            Scope::All => true,
            Scope::Regulator(id) => r.regulator() == *id,
            Scope::Topic(id) => r.topic() == *id,
        }
    }
}

/// Every feed the site offers.
pub fn scopes(content: &Content) -> Vec<Scope<'_>> {
    let mut all = vec![Scope::All];
    all.extend(content.regulators.iter().map(|g| Scope::Regulator(&g.id.value)));
    all.extend(content.topics.iter().map(|t| Scope::Topic(&t.id.value)));
    all
}

/// The Atom document of a feed; `None` for a regulator or topic that does not exist.
pub fn render(content: &Content, scope: &Scope, links: &Links) -> Option<askama::Result<String>> {
    let (title, key) = match scope {
        Scope::All => ("regkb: all record changes".to_owned(), "all".to_owned()),
        Scope::Regulator(id) => (format!("regkb: {} records", content.regulator(id)?.short), format!("regulator:{id}")),
        Scope::Topic(id) => (format!("regkb: {}", content.topic(id)?.title), format!("topic:{id}")),
    };
    let records = newest_first(content.records.iter().filter(|r| scope.includes(r)));
    let updated = records.first().map(|r| r.front.updated.value.first_day()).unwrap_or_else(|| "2000-01-01".into());
    let entries = records
        .into_iter()
        .take(ENTRIES)
        .map(|r| Entry { line: RecordLine::of(content, r), updated: r.front.updated.value.first_day() })
        .collect();
    // `check` refuses the characters XML 1.0 forbids; a tree that skipped it must still give a feed that parses.
    Some(
        Feed { title, key, updated, links, entries }
            .render()
            .map(|xml| xml.chars().filter(|&c| is_text_char(c)).collect()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_forbids_are_dropped_and_the_feed_parses() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/valid");
        let (mut content, _) = indexer::load::load(&root);
        let record = content.records.first_mut().unwrap();
        record.front.summary = "Ctl\u{1}char form\u{c}feed \u{fffe}end & <b>".into();
        let id = record.id.clone();
        let xml = render(&content, &Scope::All, &Links::server()).unwrap().unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("not XML ({e}):\n{xml}"));
        let entry = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .find(|e| e.children().any(|c| c.has_tag_name("id") && c.text().is_some_and(|t| t.contains(&id))))
            .expect("the record's entry");
        let summary = entry.children().find(|c| c.has_tag_name("summary")).and_then(|s| s.text()).unwrap();
        assert!(summary.ends_with(": Ctlchar formfeed end & <b>"), "{summary}");
    }
}
