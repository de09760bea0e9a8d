//! What a citation of a record or of a source document says: who issued it, its title, number,
//! date and address. The citation line, RIS and CSL-JSON all render a [`Reference`].

use indexer::date::Date;
use indexer::index::record_title;
use indexer::model::{Content, Record, Source, SourceKind};

/// What kind of work is cited, as reference managers tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// A statute or regulation.
    Legislation,
    /// A guideline, notification or Q&A a regulator issued.
    Document,
    /// A page of this site.
    Page,
}

/// A citable work.
#[derive(Debug, Clone)]
pub struct Reference {
    /// A key for reference managers: the record's or source's id.
    pub key: String,
    pub work: Work,
    /// Who issued it: the regulator (its short name) or `regkb`.
    pub author: String,
    pub title: String,
    /// The title in the issuer's language, when it differs.
    pub local_title: Option<String>,
    /// The issuer's reference number.
    pub number: Option<String>,
    /// BCP 47 tag of its language.
    pub language: Option<String>,
    pub issued: Date,
    /// Its web address, when it has one (a record's only when the site's address is known).
    pub url: Option<String>,
    /// When the address was read.
    pub accessed: Option<Date>,
    /// What a reader should know: a record's review status, a document's standing.
    pub note: Option<String>,
}

impl Reference {
    /// The reference of record `r`; `url` is its page's address, if known absolutely.
    pub fn of_record(content: &Content, r: &Record, url: Option<String>) -> Reference {
        let status = match r.front.reviewed.as_ref() {
            Some(d) => format!("{}, reviewed {}", r.status(), d.value),
            None => r.status().to_string(),
        };
        Reference {
            key: r.id.clone(),
            work: Work::Page,
            author: "regkb".to_owned(),
            title: record_title(content, r),
            local_title: None,
            number: Some(format!("record {}", r.id)),
            language: Some("en".to_owned()),
            issued: r.front.updated.value,
            url,
            accessed: None,
            note: Some(format!("status: {status}")),
        }
    }

    /// The reference of source document `s`.
    pub fn of_source(content: &Content, s: &Source) -> Reference {
        let issuer = s.issuer.clone().or_else(|| content.regulator(&s.regulator.value).map(|g| g.short.clone()));
        let work = match s.kind {
            SourceKind::Law | SourceKind::Regulation => Work::Legislation,
            _ => Work::Document,
        };
        Reference {
            key: s.id.value.clone(),
            work,
            author: issuer.unwrap_or_else(|| s.regulator.value.clone()),
            title: s.title.clone(),
            local_title: s.local_title.clone(),
            number: s.number.clone(),
            language: s.language.as_ref().map(|l| l.value.clone()),
            issued: s.issued.value,
            url: s.url.clone().filter(|u| indexer::validate::is_web_address(u)),
            accessed: s.retrieved.as_ref().map(|d| d.value),
            note: crate::views::standing(content, s),
        }
    }

    /// The references a record page offers: the record, then each document it cites.
    pub fn of_record_and_sources(content: &Content, r: &Record, url: Option<String>) -> Vec<Reference> {
        let sources = r.front.sources.iter().filter_map(|c| content.source(&c.id.value));
        std::iter::once(Reference::of_record(content, r, url))
            .chain(sources.map(|s| Reference::of_source(content, s)))
            .collect()
    }
}
