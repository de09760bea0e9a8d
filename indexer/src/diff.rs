//! What changed between two content trees, in the words a reviewer uses: per record, the
//! stance and status before and after, the old and new summary, citations added and removed,
//! attribute changes; per source, the documents added, removed and changed, field by field;
//! and a new record's every field.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Content, Record, Source};

/// How an entry differs between the two trees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Removed,
    Changed,
}

/// One field's change; an added entry lists every field with an empty `before`.
#[derive(Debug, Clone, Serialize)]
pub struct FieldChange {
    /// The field: `stance`, `summary`, `attribute gene_therapy_years`, `source fda-ltfu-2020`, …
    pub field: String,
    pub before: String,
    pub after: String,
}

/// One record's or source's change.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// A record's id (`pmda/nonclinical.tumorigenicity--msc`) or a source's.
    pub id: String,
    /// "HSA × Tumorigenicity (MSC)" for a record; the title for a source.
    pub title: String,
    /// The file, relative to the content root, in the newer tree where it exists there.
    pub file: String,
    pub kind: Kind,
    pub changes: Vec<FieldChange>,
}

/// Every change between two trees.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Changes {
    pub records: Vec<Change>,
    pub sources: Vec<Change>,
}

/// A record's fields as compared, each rendered as text; attributes and citations one per entry.
fn record_fields(content: &Content, r: &Record) -> Vec<(String, String)> {
    let f = &r.front;
    let mut fields = vec![
        ("stance".to_owned(), r.stance().to_string()),
        ("status".to_owned(), r.status().to_string()),
        ("modalities".to_owned(), content.record_modalities(r).join(", ")),
        ("summary".to_owned(), f.summary.clone()),
    ];
    for (k, v) in &f.attributes {
        let value = match v.value.note() {
            Some(note) => format!("{} ({note})", v.value.value()),
            None => v.value.value().to_string(),
        };
        fields.push((format!("attribute {k}"), value));
    }
    for c in &f.sources {
        let mut cited = c.section.as_deref().map(|s| format!("§ {s}")).unwrap_or_else(|| "cited".to_owned());
        if let Some(quote) = &c.quote {
            cited.push_str(&format!(": \"{quote}\""));
        }
        fields.push((format!("source {}", c.id.value), cited));
    }
    let date = |d: &Option<crate::model::Spanned<crate::date::Date>>| {
        d.as_ref().map(|d| d.value.to_string()).unwrap_or_default()
    };
    fields.extend([
        ("reviewed".to_owned(), date(&f.reviewed)),
        ("reviewed_by".to_owned(), f.reviewed_by.clone().unwrap_or_default()),
        ("updated".to_owned(), f.updated.value.to_string()),
        // Line endings are not content: a file saved with CRLF has not changed.
        ("body".to_owned(), r.body.replace("\r\n", "\n").trim().to_owned()),
    ]);
    fields
}

/// A source's fields as compared.
fn source_fields(s: &Source) -> Vec<(String, String)> {
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    [
        ("regulator", s.regulator.value.clone()),
        ("title", s.title.clone()),
        ("local_title", text(&s.local_title)),
        ("number", text(&s.number)),
        ("language", s.language.as_ref().map(|l| l.value.clone()).unwrap_or_default()),
        ("issuer", text(&s.issuer)),
        ("kind", s.kind.to_string()),
        ("issued", s.issued.value.to_string()),
        ("status", s.status.map(|st| st.to_string()).unwrap_or_default()),
        ("url", text(&s.url)),
        ("retrieved", s.retrieved.as_ref().map(|d| d.value.to_string()).unwrap_or_default()),
        ("no_url", text(&s.no_url)),
        ("superseded_by", s.superseded_by.as_ref().map(|n| n.value.clone()).unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// "PMDA × Tumorigenicity (Mesenchymal stromal cells)": a record's modalities are in its title,
/// so the records of one regulator and topic can be told apart.
fn record_title(content: &Content, r: &Record) -> String {
    let (regulator, topic) = content.names(r);
    let own: Vec<&str> = r
        .front
        .modalities
        .iter()
        .flatten()
        .map(|m| content.modality(&m.value).map_or(m.value.as_str(), |d| d.title.as_str()))
        .collect();
    if own.is_empty() {
        format!("{regulator} × {topic}")
    } else {
        format!("{regulator} × {topic} ({})", own.join(", "))
    }
}

/// The fields that differ between two renderings, matched by name; a field on one side only
/// is compared with empty text.
fn field_changes(before: Vec<(String, String)>, after: Vec<(String, String)>) -> Vec<FieldChange> {
    let old: BTreeMap<&str, &str> = before.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let new: BTreeMap<&str, &str> = after.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let order =
        after.iter().map(|(k, _)| k).chain(before.iter().map(|(k, _)| k).filter(|k| !new.contains_key(k.as_str())));
    order
        .filter_map(|field| {
            let (b, a) =
                (old.get(field.as_str()).copied().unwrap_or(""), new.get(field.as_str()).copied().unwrap_or(""));
            (a != b).then(|| FieldChange { field: field.clone(), before: b.to_owned(), after: a.to_owned() })
        })
        .collect()
}

/// Compares two keyed collections: entries added (every field), removed, and changed.
fn compare<'a, T>(
    old: BTreeMap<&'a str, &'a T>,
    new: BTreeMap<&'a str, &'a T>,
    fields: impl Fn(&'a T, bool) -> Vec<(String, String)>,
    describe: impl Fn(&'a T, bool) -> (String, String),
) -> Vec<Change> {
    let mut out = Vec::new();
    for (id, entry) in &new {
        let (kind, changes) = match old.get(id) {
            None => (Kind::Added, field_changes(Vec::new(), fields(entry, true))),
            Some(before) => (Kind::Changed, field_changes(fields(before, false), fields(entry, true))),
        };
        if kind == Kind::Added || !changes.is_empty() {
            let (title, file) = describe(entry, true);
            out.push(Change { id: id.to_string(), title, file, kind, changes });
        }
    }
    for (id, entry) in old.iter().filter(|(id, _)| !new.contains_key(*id)) {
        let (title, file) = describe(entry, false);
        out.push(Change { id: id.to_string(), title, file, kind: Kind::Removed, changes: Vec::new() });
    }
    out
}

/// Compares two trees: records and sources added, removed and changed.
pub fn diff(old: &Content, new: &Content) -> Changes {
    let tree = |newer: bool| if newer { new } else { old };
    let records = compare(
        old.records.iter().map(|r| (r.id.as_str(), r)).collect(),
        new.records.iter().map(|r| (r.id.as_str(), r)).collect(),
        |r, newer| record_fields(tree(newer), r),
        |r, newer| (record_title(tree(newer), r), r.file.clone()),
    );
    let sources = compare(
        old.sources.iter().map(|s| (s.id.value.as_str(), s)).collect(),
        new.sources.iter().map(|s| (s.id.value.as_str(), s)).collect(),
        |s, _| source_fields(s),
        |s, _| (s.title.clone(), s.file.clone()),
    );
    Changes { records, sources }
}

/// The changes as Markdown, for a pull-request comment: a reviewer can approve from it.
pub fn markdown(changes: &Changes) -> String {
    let count = |of: &[Change], k: Kind| of.iter().filter(|c| c.kind == k).count();
    let (r, s) = (&changes.records, &changes.sources);
    let mut md = format!(
        "## Content changes\n\nRecords: {} changed, {} added, {} removed. Sources: {} changed, {} added, {} removed.\n",
        count(r, Kind::Changed),
        count(r, Kind::Added),
        count(r, Kind::Removed),
        count(s, Kind::Changed),
        count(s, Kind::Added),
        count(s, Kind::Removed),
    );
    for (of, noun) in [(r, "records"), (s, "sources")] {
        for (kind, heading) in [(Kind::Changed, "Changed"), (Kind::Added, "Added"), (Kind::Removed, "Removed")] {
            let of_kind: Vec<&Change> = of.iter().filter(|c| c.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            md.push_str(&format!("\n### {heading} {noun}\n"));
            for c in of_kind {
                md.push_str(&entry(c));
            }
        }
    }
    md
}

/// One entry: its heading, then its fields (after only, for an added one) as a table.
fn entry(c: &Change) -> String {
    let mut md = format!("\n#### {} (`{}`)\n\n`{}`\n", cell(&c.title), c.id, c.file);
    match c.kind {
        Kind::Removed => {}
        Kind::Added => {
            md.push_str("\n| field | value |\n|---|---|\n");
            for f in &c.changes {
                md.push_str(&format!("| {} | {} |\n", f.field, cell(&f.after)));
            }
        }
        Kind::Changed => {
            md.push_str("\n| field | before | after |\n|---|---|---|\n");
            for f in &c.changes {
                md.push_str(&format!("| {} | {} | {} |\n", f.field, cell(&f.before), cell(&f.after)));
            }
        }
    }
    md
}

/// Text as one Markdown table cell: pipes and `<` escaped, line breaks as `<br>`, long bodies cut
/// (the file's diff has the rest), empty as "(none)".
fn cell(text: &str) -> String {
    const MAX_CHARS: usize = 600;
    if text.is_empty() {
        return "(none)".to_owned();
    }
    let mut t: String = text.chars().take(MAX_CHARS).collect();
    if t.len() < text.len() {
        t.push_str(" …");
    }
    t.replace('&', "&amp;").replace('<', "&lt;").replace('|', "\\|").replace("\r\n", "\n").replace('\n', "<br>")
}
