//! Atom feeds of changes: every committed change to a record (from the content's history) and
//! every product by its `updated` date; all of them, per regulator (its records and the products it
//! approved) and per topic, newest first, for readers who follow what changes between conferences.
//! Each language has its own feeds, under its folder as its pages are (`/ja/feeds/all.xml`), with
//! titles and entries in its words.

use askama::Template;
use indexer::history::{Event, History};
use indexer::load::is_text_char;
use indexer::model::{Content, Product};

use crate::changelog::EventLine;
use crate::i18n::{self, Lang};
use crate::links::Links;

/// The most entries a feed holds.
const ENTRIES: usize = 50;

#[derive(Template)]
#[template(path = "feed.xml")]
struct Feed<'a> {
    lang: Lang,
    title: String,
    key: String,
    updated: String,
    /// Why the feed has no entries, when history is unavailable, in words.
    unavailable: Option<String>,
    author: String,
    links: &'a Links,
    entries: Vec<Entry>,
}

/// One entry: a record's change or a product, with its time as Atom needs it.
struct Entry {
    title: String,
    /// Unique within the feed: `change:<commit>:<record>` or `product:<id>:<date>`.
    id: String,
    href: String,
    summary: String,
    /// RFC 3339, so that entries of both kinds sort by it.
    updated: String,
}

impl Entry {
    fn change(content: &Content, e: &Event, links: &Links, lang: Lang) -> Entry {
        let line = EventLine::of(content, e);
        let details = if line.lines.is_empty() { String::new() } else { format!(" — {}", line.details(lang)) };
        Entry {
            title: line.headline(lang),
            id: format!("change:{}:{}", line.commit, line.record),
            href: links.record(&line.record),
            summary: format!("{}{details}", line.message),
            updated: line.time,
        }
    }

    fn product(content: &Content, p: &Product, links: &Links, lang: Lang) -> Entry {
        let approvals: Vec<String> = p
            .front
            .approvals
            .iter()
            .map(|a| {
                let g = content.regulator(a.regulator()).map_or(a.regulator(), |g| g.short.as_str());
                format!("{g} {}", a.date())
            })
            .collect();
        let day = p.front.updated.value.first_day();
        Entry {
            title: i18n::t_args(lang, "feed-product", &[("name", p.name().into())]),
            id: format!("product:{}:{day}", p.id),
            href: links.product(&p.id),
            summary: i18n::t_args(lang, "feed-product-approved", &[("approvals", approvals.join(", ").into())]),
            updated: format!("{day}T00:00:00Z"),
        }
    }
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

    fn includes(&self, e: &Event) -> bool {
        match self {
            Scope::All => true,
            Scope::Regulator(id) => e.regulator == *id,
            Scope::Topic(id) => e.topic == *id,
        }
    }

    fn includes_product(&self, p: &Product) -> bool {
        match self {
            Scope::All => true,
            Scope::Regulator(id) => p.approval(id).is_some(),
            Scope::Topic(_) => false,
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

/// The Atom document of a feed in `lang`, over `content` with its vocabulary in `lang`; `None` for
/// a regulator or topic that does not exist.
pub fn render(
    content: &Content,
    history: &History,
    scope: &Scope,
    links: &Links,
    lang: Lang,
) -> Option<askama::Result<String>> {
    let (title, key) = match scope {
        Scope::All => (i18n::t(lang, "feed-title-all"), "all".to_owned()),
        Scope::Regulator(id) => {
            let short = content.regulator(id)?.short.as_str();
            (i18n::t_args(lang, "feed-title-regulator", &[("regulator", short.into())]), format!("regulator:{id}"))
        }
        Scope::Topic(id) => {
            let title = content.topic(id)?.title.as_str();
            (i18n::t_args(lang, "feed-title-topic", &[("topic", title.into())]), format!("topic:{id}"))
        }
    };
    // Each language's feed is a feed of its own: English keeps the ids it always had.
    let key = format!("{}{key}", lang.dir());
    let changes = history.events.iter().filter(|e| scope.includes(e)).map(|e| Entry::change(content, e, links, lang));
    let products =
        content.products.iter().filter(|p| scope.includes_product(p)).map(|p| Entry::product(content, p, links, lang));
    let mut entries: Vec<Entry> = changes.chain(products).collect();
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
    entries.truncate(ENTRIES);
    let updated = entries.first().map_or_else(|| "2000-01-01T00:00:00Z".to_owned(), |e| e.updated.clone());
    let unavailable = history
        .unavailable
        .as_deref()
        .map(|reason| i18n::t_args(lang, "history-unavailable", &[("reason", reason.into())]));
    let author = i18n::t(lang, "feed-author");
    // `check` refuses the characters XML 1.0 forbids; a tree that skipped it must still give a feed that parses.
    Some(
        Feed { lang, title, key, updated, unavailable, author, links, entries }
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
        let (content, _) = indexer::load::load(&root);
        let record = content.records.first().unwrap();
        let event = Event {
            commit: "0123456789abcdef".into(),
            time: "2026-01-01T00:00:00Z".into(),
            date: "2026-01-01".parse().unwrap(),
            message: "Ctl\u{1}char form\u{c}feed \u{fffe}end & <b>".into(),
            record: record.id.clone(),
            title: "T".into(),
            regulator: record.regulator().into(),
            topic: record.topic().into(),
            kind: indexer::diff::Kind::Added,
            changes: Vec::new(),
            sources_added: Vec::new(),
            sources_removed: Vec::new(),
            attributes: Vec::new(),
            version: None,
        };
        let history = History { events: vec![event], unavailable: None };
        let xml = render(&content, &history, &Scope::All, &Links::server(), Lang::En).unwrap().unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("not XML ({e}):\n{xml}"));
        let is_change = |n: &roxmltree::Node| {
            n.children().any(|c| c.has_tag_name("id") && c.text().is_some_and(|t| t.starts_with("urn:regkb:change:")))
        };
        let entry = doc.descendants().find(|n| n.has_tag_name("entry") && is_change(n)).expect("the event's entry");
        let summary = entry.children().find(|c| c.has_tag_name("summary")).and_then(|s| s.text()).unwrap();
        assert_eq!(summary, "Ctlchar formfeed end & <b>");
    }
}
