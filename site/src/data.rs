//! The data release: the whole content as one versioned JSON document, with its JSON Schema
//! and a CSV file per table, for tools that build on regkb without scraping its pages. Equal
//! content gives equal files.

use std::collections::BTreeMap;

use indexer::model::{Content, Stance};
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::formats::table::{Cell, Column, Table};

/// The version of the release's format; it changes when a field changes meaning or goes.
pub const FORMAT: &str = "1.0";

/// The whole content.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Release {
    /// The release format's version.
    pub format: &'static str,
    /// The content's version: the git commit of the content directory, or "unknown".
    pub content_version: String,
    pub regulators: Vec<Regulator>,
    pub domains: Vec<Domain>,
    pub topics: Vec<Topic>,
    pub modalities: Vec<Modality>,
    /// The stances a record may take.
    pub stances: Vec<Term>,
    pub glossary: Vec<GlossaryEntry>,
    pub sources: Vec<Source>,
    pub records: Vec<Record>,
}

/// A value of a closed vocabulary and its words.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Term {
    pub id: String,
    pub label: String,
}

/// A medicines regulator.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Regulator {
    pub id: String,
    pub short: String,
    pub name: String,
    pub local_name: Option<String>,
    pub jurisdiction: String,
    pub country: String,
    pub url: Option<String>,
    /// A regulator compared against (FDA, EMA), not one of the Asian ones.
    pub reference: bool,
}

/// A group of topics.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Domain {
    pub id: String,
    pub title: String,
    pub order: i64,
}

/// A question every regulator answers.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Topic {
    pub id: String,
    pub domain: String,
    pub title: String,
    pub question: String,
    /// `requirement` or `route`.
    pub kind: String,
    /// Attribute ids a record of the topic may give a value for.
    pub attributes: Vec<String>,
}

/// A kind of product (iPSC-derived, AAV, CAR-T, …).
#[derive(Debug, Serialize, JsonSchema)]
pub struct Modality {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
}

/// A concept in four languages.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GlossaryEntry {
    pub id: String,
    pub en: Vec<String>,
    pub ja: Vec<String>,
    pub zh: Vec<String>,
    pub ko: Vec<String>,
    pub definition: Option<String>,
}

/// A document records cite.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Source {
    pub id: String,
    pub regulator: String,
    pub title: String,
    pub local_title: Option<String>,
    pub number: Option<String>,
    pub language: Option<String>,
    pub issuer: Option<String>,
    pub kind: String,
    pub issued: String,
    pub status: Option<String>,
    pub url: Option<String>,
    pub retrieved: Option<String>,
    pub superseded_by: Option<String>,
}

/// One regulator's answer on one topic.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Record {
    pub id: String,
    pub regulator: String,
    pub topic: String,
    pub modalities: Vec<String>,
    pub stance: String,
    pub summary: String,
    /// Attribute values as written, with their qualifiers.
    pub attributes: BTreeMap<String, String>,
    /// Cited source ids, in order.
    pub sources: Vec<String>,
    /// `draft` or `reviewed`.
    pub status: String,
    pub reviewed: Option<String>,
    pub updated: String,
    /// The body, in Markdown.
    pub body: String,
}

impl Release {
    /// The release of `content` at `version`.
    pub fn of(content: &Content, version: &str) -> Release {
        let ids = |v: &Option<Vec<indexer::model::Spanned<String>>>| {
            v.iter().flatten().map(|m| m.value.clone()).collect::<Vec<_>>()
        };
        Release {
            format: FORMAT,
            content_version: version.to_owned(),
            regulators: content
                .regulators
                .iter()
                .map(|g| Regulator {
                    id: g.id.value.clone(),
                    short: g.short.clone(),
                    name: g.name.clone(),
                    local_name: g.local_name.clone(),
                    jurisdiction: g.jurisdiction.clone(),
                    country: g.country.value.clone(),
                    url: g.url.clone(),
                    reference: g.reference,
                })
                .collect(),
            domains: content
                .domains
                .iter()
                .map(|d| Domain { id: d.id.value.clone(), title: d.title.clone(), order: d.order })
                .collect(),
            topics: content
                .topics
                .iter()
                .map(|t| Topic {
                    id: t.id.value.clone(),
                    domain: t.domain.value.clone(),
                    title: t.title.clone(),
                    question: t.question.clone(),
                    kind: t.kind.to_string(),
                    attributes: t.attributes.iter().map(|a| a.id.value.clone()).collect(),
                })
                .collect(),
            modalities: content
                .modalities
                .iter()
                .map(|m| Modality { id: m.id.value.clone(), title: m.title.clone(), aliases: m.aliases.clone() })
                .collect(),
            stances: Stance::ALL.iter().map(|s| Term { id: s.to_string(), label: s.label().to_owned() }).collect(),
            glossary: content
                .glossary
                .iter()
                .map(|e| GlossaryEntry {
                    id: e.id.value.clone(),
                    en: e.en.clone(),
                    ja: e.ja.clone(),
                    zh: e.zh.clone(),
                    ko: e.ko.clone(),
                    definition: e.definition.clone(),
                })
                .collect(),
            sources: content
                .sources
                .iter()
                .map(|s| Source {
                    id: s.id.value.clone(),
                    regulator: s.regulator.value.clone(),
                    title: s.title.clone(),
                    local_title: s.local_title.clone(),
                    number: s.number.clone(),
                    language: s.language.as_ref().map(|l| l.value.clone()),
                    issuer: s.issuer.clone(),
                    kind: s.kind.to_string(),
                    issued: s.issued.value.to_string(),
                    status: s.status.map(|st| st.to_string()),
                    url: s.url.clone(),
                    retrieved: s.retrieved.as_ref().map(|d| d.value.to_string()),
                    superseded_by: s.superseded_by.as_ref().map(|n| n.value.clone()),
                })
                .collect(),
            records: content
                .records
                .iter()
                .map(|r| Record {
                    id: r.id.clone(),
                    regulator: r.regulator().to_owned(),
                    topic: r.topic().to_owned(),
                    modalities: ids(&r.front.modalities),
                    stance: r.stance().to_string(),
                    summary: r.front.summary.clone(),
                    attributes: r
                        .front
                        .attributes
                        .iter()
                        .map(|(k, v)| {
                            let value = match v.value.note() {
                                Some(note) => format!("{} ({note})", v.value.value()),
                                None => v.value.value().to_string(),
                            };
                            (k.clone(), value)
                        })
                        .collect(),
                    sources: r.front.sources.iter().map(|c| c.id.value.clone()).collect(),
                    status: r.status().to_string(),
                    reviewed: r.front.reviewed.as_ref().map(|d| d.value.to_string()),
                    updated: r.front.updated.value.to_string(),
                    body: r.body.to_string(),
                })
                .collect(),
        }
    }
}

/// The JSON Schema of the release document.
pub fn schema() -> Value {
    let settings = schemars::generate::SchemaSettings::draft2020_12()
        .with(|s| s.contract = schemars::generate::Contract::Serialize);
    serde_json::to_value(settings.into_generator().into_root_schema_for::<Release>()).expect("a JSON schema")
}

/// The release as files: `regkb.json`, `regkb.schema.json`, and `<table>.csv` per list in it.
pub fn files(release: &Release) -> BTreeMap<String, Vec<u8>> {
    let document = serde_json::to_value(release).expect("the release is JSON");
    let mut files = BTreeMap::new();
    // From the struct, not the value: the fields keep the order they are declared in.
    let mut json = serde_json::to_vec_pretty(release).expect("the release is JSON");
    json.push(b'\n');
    files.insert("regkb.json".to_owned(), json);
    files.insert("regkb.schema.json".to_owned(), pretty(&schema()));
    for (name, rows) in document.as_object().expect("an object") {
        if let Some(rows) = rows.as_array() {
            files.insert(format!("{name}.csv"), crate::formats::csv::write(&table(name, rows)));
        }
    }
    files
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(value).expect("JSON");
    text.push('\n');
    text.into_bytes()
}

/// A list of objects as a table: `id` first, then the other fields in name order; a list in a
/// field is written as its items joined by "; ", a map as JSON.
fn table(name: &str, rows: &[Value]) -> Table {
    let mut keys: Vec<&str> =
        rows.first().and_then(Value::as_object).map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
    keys.sort_by_key(|k| (*k != "id", *k));
    let mut table = Table::new(name, keys.iter().map(|k| Column::new(*k, 20.0)).collect());
    for row in rows {
        table.rows.push(keys.iter().map(|k| Cell::text(text(&row[*k]))).collect());
    }
    table
}

fn text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}
