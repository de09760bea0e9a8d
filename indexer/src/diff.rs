//! What changed between two content trees, record by record, in the words a reader uses:
//! "HSA × Tumorigenicity: stance case-by-case → required".

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Content, Record};

/// How a record differs between the two trees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Removed,
    Changed,
}

/// One field's change.
#[derive(Debug, Clone, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// One record's change.
#[derive(Debug, Clone, Serialize)]
pub struct RecordChange {
    pub id: String,
    /// "HSA × Tumorigenicity", from the newer tree where the record exists there.
    pub title: String,
    pub kind: Kind,
    pub changes: Vec<FieldChange>,
}

/// The record's fields as compared, each rendered as text.
fn fields(content: &Content, r: &Record) -> Vec<(&'static str, String)> {
    let f = &r.front;
    let attributes: Vec<String> = f
        .attributes
        .iter()
        .map(|(k, v)| match v.value.note() {
            Some(note) => format!("{k}: {} ({note})", v.value.value()),
            None => format!("{k}: {}", v.value.value()),
        })
        .collect();
    let sources: Vec<String> = f
        .sources
        .iter()
        .map(|c| match &c.section {
            Some(section) => format!("{} §{section}", c.id.value),
            None => c.id.value.clone(),
        })
        .collect();
    vec![
        ("stance", r.stance().to_string()),
        ("modalities", content.record_modalities(r).join(", ")),
        ("attributes", attributes.join("; ")),
        ("summary", f.summary.clone()),
        ("sources", sources.join(", ")),
        ("status", r.status().to_string()),
        ("reviewed", f.reviewed.as_ref().map(|d| d.value.to_string()).unwrap_or_default()),
        ("reviewed_by", f.reviewed_by.clone().unwrap_or_default()),
        ("body", r.body.trim().to_owned()),
    ]
}

fn title(content: &Content, r: &Record) -> String {
    let (regulator, topic) = content.names(r);
    format!("{regulator} × {topic}")
}

/// Compares two trees: records added, removed, and changed (with their changed fields).
pub fn diff(old: &Content, new: &Content) -> Vec<RecordChange> {
    let before: BTreeMap<&str, &Record> = old.records.iter().map(|r| (r.id.as_str(), r)).collect();
    let after: BTreeMap<&str, &Record> = new.records.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut out = Vec::new();
    for (id, r) in &after {
        let change = match before.get(id) {
            None => Some((Kind::Added, Vec::new())),
            Some(old_r) => {
                let changes: Vec<FieldChange> = fields(old, old_r)
                    .into_iter()
                    .zip(fields(new, r))
                    .filter(|((_, a), (_, b))| a != b)
                    .map(|((field, before), (_, after))| FieldChange { field, before, after })
                    .collect();
                (!changes.is_empty()).then_some((Kind::Changed, changes))
            }
        };
        if let Some((kind, changes)) = change {
            out.push(RecordChange { id: id.to_string(), title: title(new, r), kind, changes });
        }
    }
    for (id, r) in before.iter().filter(|(id, _)| !after.contains_key(*id)) {
        out.push(RecordChange { id: id.to_string(), title: title(old, r), kind: Kind::Removed, changes: Vec::new() });
    }
    out
}

/// The changes as Markdown, for a pull-request comment.
pub fn markdown(changes: &[RecordChange]) -> String {
    let count = |k: Kind| changes.iter().filter(|c| c.kind == k).count();
    let mut md = format!(
        "## Content changes\n\n{} changed, {} added, {} removed.\n",
        count(Kind::Changed),
        count(Kind::Added),
        count(Kind::Removed)
    );
    for (kind, heading) in [(Kind::Changed, "Changed"), (Kind::Added, "Added"), (Kind::Removed, "Removed")] {
        let of_kind: Vec<&RecordChange> = changes.iter().filter(|c| c.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        md.push_str(&format!("\n### {heading}\n\n"));
        for c in of_kind {
            let details: Vec<String> = c
                .changes
                .iter()
                .map(|f| match f.field {
                    "summary" | "body" => format!("{} changed", f.field),
                    _ => format!("{} {} → {}", f.field, or_none(&f.before), or_none(&f.after)),
                })
                .collect();
            let sep = if details.is_empty() { "" } else { ": " };
            md.push_str(&format!("- **{}** (`{}`){sep}{}\n", c.title, c.id, details.join("; ")));
        }
    }
    md
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "(none)" } else { s }
}
