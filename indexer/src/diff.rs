//! What changed between two content trees, record by record and product by product, in the
//! words a reader uses: "HSA × Tumorigenicity: stance case-by-case → required".

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Citation, Content, Product, Record};

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
    /// The field: `stance`, `summary`, …; for a product's approval, `approval <regulator>`.
    pub field: String,
    pub before: String,
    pub after: String,
}

/// One record's or product's change.
#[derive(Debug, Clone, Serialize)]
pub struct RecordChange {
    /// A record's id (`pmda/nonclinical.tumorigenicity`), or `products/<id>` for a product.
    pub id: String,
    /// "HSA × Tumorigenicity", or a product's name, from the newer tree where it exists there.
    pub title: String,
    pub kind: Kind,
    pub changes: Vec<FieldChange>,
}

/// A record or product as compared: its title and its fields, each rendered as text.
struct Entry {
    title: String,
    fields: Vec<(String, String)>,
}

/// The record's fields as compared.
fn record_fields(content: &Content, r: &Record) -> Vec<(String, String)> {
    let f = &r.front;
    let attributes: Vec<String> = f
        .attributes
        .iter()
        .map(|(k, v)| match v.value.note() {
            Some(note) => format!("{k}: {} ({note})", v.value.value()),
            None => format!("{k}: {}", v.value.value()),
        })
        .collect();
    let fields = [
        ("stance", r.stance().to_string()),
        ("modalities", content.record_modalities(r).join(", ")),
        ("attributes", attributes.join("; ")),
        ("summary", f.summary.clone()),
        ("sources", citations(&f.sources)),
        ("status", r.status().to_string()),
        ("reviewed", f.reviewed.as_ref().map(|d| d.value.to_string()).unwrap_or_default()),
        ("reviewed_by", f.reviewed_by.clone().unwrap_or_default()),
        ("body", r.body.trim().to_owned()),
    ];
    fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

fn citations(sources: &[Citation]) -> String {
    let cited: Vec<String> = sources
        .iter()
        .map(|c| match &c.section {
            Some(section) => format!("{} §{section}", c.id.value),
            None => c.id.value.clone(),
        })
        .collect();
    cited.join(", ")
}

/// The product's fields as compared: one per approval, named after its regulator.
fn product_fields(p: &Product) -> Vec<(String, String)> {
    let f = &p.front;
    let brands: Vec<String> = p.brands().map(|(g, n)| format!("{g}: {n}")).collect();
    let mut fields: Vec<(String, String)> = [
        ("name", f.name.clone()),
        ("other_names", f.other_names.join(", ")),
        ("brands", brands.join("; ")),
        ("sponsor", f.sponsor.clone()),
        ("modality", p.modality().to_owned()),
        ("indication", f.indication.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    for a in &f.approvals {
        let ended = a.status_date.as_ref().map(|d| format!(" {}", d.value)).unwrap_or_default();
        let approval =
            format!("{} {}, {}{ended}; sources {}", a.date(), a.route.value, a.status.value, citations(&a.sources));
        fields.push((format!("approval {}", a.regulator()), approval));
    }
    fields.push(("status".to_owned(), f.status.value.to_string()));
    fields.push(("body".to_owned(), p.body.trim().to_owned()));
    fields
}

fn entries(content: &Content) -> BTreeMap<String, Entry> {
    let records = content.records.iter().map(|r| {
        let (regulator, topic) = content.names(r);
        (r.id.clone(), Entry { title: format!("{regulator} × {topic}"), fields: record_fields(content, r) })
    });
    let products = content
        .products
        .iter()
        .map(|p| (format!("products/{}", p.id), Entry { title: p.name().to_owned(), fields: product_fields(p) }));
    records.chain(products).collect()
}

/// The fields that differ, in the newer order, then those only the older entry has.
fn changed_fields(old: &Entry, new: &Entry) -> Vec<FieldChange> {
    let value = |e: &Entry, field: &str| e.fields.iter().find(|(k, _)| k == field).map(|(_, v)| v.clone());
    let removed = old.fields.iter().filter(|(k, _)| value(new, k).is_none()).map(|(k, _)| k);
    new.fields
        .iter()
        .map(|(k, _)| k)
        .chain(removed)
        .map(|k| FieldChange {
            field: k.clone(),
            before: value(old, k).unwrap_or_default(),
            after: value(new, k).unwrap_or_default(),
        })
        .filter(|c| c.before != c.after)
        .collect()
}

/// Compares two trees: records and products added, removed, and changed (with their changed fields).
pub fn diff(old: &Content, new: &Content) -> Vec<RecordChange> {
    let before = entries(old);
    let after = entries(new);
    let mut out = Vec::new();
    for (id, e) in &after {
        let change = match before.get(id) {
            None => Some((Kind::Added, Vec::new())),
            Some(old_e) => {
                let changes = changed_fields(old_e, e);
                (!changes.is_empty()).then_some((Kind::Changed, changes))
            }
        };
        if let Some((kind, changes)) = change {
            out.push(RecordChange { id: id.clone(), title: e.title.clone(), kind, changes });
        }
    }
    for (id, e) in before.iter().filter(|(id, _)| !after.contains_key(*id)) {
        out.push(RecordChange { id: id.clone(), title: e.title.clone(), kind: Kind::Removed, changes: Vec::new() });
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
                .map(|f| match f.field.as_str() {
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
