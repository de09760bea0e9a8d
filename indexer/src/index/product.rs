//! Products as documents of the one index: found by any of their names, in any script, by
//! sponsor, indication and the regulators that approved them. Their `ord`s follow the records'.

use std::collections::BTreeSet;

use tantivy::{IndexWriter, TantivyDocument, doc};

use super::Fields;
use crate::markdown;
use crate::model::{Content, Product};

/// A product's title in results: its name, then its other names and brands.
pub fn product_title(p: &Product) -> String {
    let others: Vec<&str> = p.all_names().skip(1).collect::<BTreeSet<_>>().into_iter().collect();
    if others.is_empty() {
        format!("Product: {}", p.name())
    } else {
        format!("Product: {} ({})", p.name(), others.join(", "))
    }
}

/// A product's summary in results: modality, sponsor, indication and approvals.
pub fn product_summary(content: &Content, p: &Product) -> String {
    let modality = content.modality(p.modality()).map_or(p.modality(), |m| m.title.as_str());
    let approvals: Vec<String> = p
        .front
        .approvals
        .iter()
        .map(|a| {
            format!("{} {}", content.regulator(a.regulator()).map_or(a.regulator(), |g| g.short.as_str()), a.date())
        })
        .collect();
    format!("{modality}; {}; {}. Approved: {}.", p.front.sponsor, p.front.indication, approvals.join(", "))
}

/// The words a product is found by besides its own: its approving regulators' names and its
/// modality's aliases.
pub(crate) fn product_context(content: &Content, p: &Product) -> String {
    let mut parts: BTreeSet<&str> = BTreeSet::new();
    for g in p.front.approvals.iter().filter_map(|a| content.regulator(a.regulator())) {
        parts.extend([g.short.as_str(), g.name.as_str()]);
        parts.extend(g.local_name.as_deref());
    }
    if let Some(m) = content.modality(p.modality()) {
        parts.insert(&m.title);
        parts.extend(m.aliases.iter().map(String::as_str));
    }
    parts.into_iter().collect::<Vec<_>>().join("\n")
}

/// Adds every product to the index being written, after the records.
pub(super) fn add_products(content: &Content, writer: &mut IndexWriter, f: &Fields) -> tantivy::Result<()> {
    for (i, p) in content.products.iter().enumerate() {
        let document: TantivyDocument = doc!(
            f.ord => (content.records.len() + i) as u64,
            f.id => format!("products/{}", p.id),
            f.title => product_title(p),
            f.summary => product_summary(content, p),
            f.body => markdown::to_text(&p.body),
            f.context => product_context(content, p),
        );
        writer.add_document(document)?;
    }
    Ok(())
}

/// A product's facet values: the regulators that approved it and its modality.
pub(super) fn product_facets(p: &Product) -> [Vec<&str>; 5] {
    let regulators = p.front.approvals.iter().map(|a| a.regulator()).collect();
    [regulators, Vec::new(), Vec::new(), vec![p.modality()], Vec::new()]
}
