//! CSL-JSON, the citation data Zotero, Mendeley and citeproc processors read: an array of items.

use indexer::date::Date;
use serde_json::{Value, json};

use crate::references::{Reference, Work};

/// The media type of CSL-JSON files.
pub const MEDIA_TYPE: &str = "application/vnd.citationstyles.csl+json";

/// `references` as a CSL-JSON array.
pub fn write(references: &[Reference]) -> Value {
    Value::Array(references.iter().map(item).collect())
}

fn item(r: &Reference) -> Value {
    let kind = match r.work {
        Work::Legislation => "legislation",
        Work::Document => "report",
        Work::Page => "webpage",
    };
    let mut item = json!({
        "id": r.key,
        "type": kind,
        "title": r.title,
        "author": [{ "literal": r.author }],
        "publisher": r.author,
        "issued": date(&r.issued),
    });
    let optional = [
        ("original-title", r.local_title.clone().map(Value::from)),
        ("number", r.number.clone().map(Value::from)),
        ("language", r.language.clone().map(Value::from)),
        ("URL", r.url.clone().map(Value::from)),
        ("accessed", r.accessed.as_ref().map(date)),
        ("note", r.note.clone().map(Value::from)),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            item[key] = value;
        }
    }
    item
}

/// A date as CSL writes it: `{"date-parts": [[year, month, day]]}`, as far as it is known.
fn date(d: &Date) -> Value {
    let mut parts = vec![i64::from(d.year)];
    parts.extend(d.month.map(i64::from));
    parts.extend(d.month.and(d.day).map(i64::from));
    json!({ "date-parts": [parts] })
}
