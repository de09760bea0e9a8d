//! `regkb new`: a draft record at the right path, every field explained, that passes `regkb check`.

use std::fmt::Write;

use indexer::date::Date;
use indexer::model::{Content, Topic};
use indexer::schema::modeline;

use crate::cli::ContentArg;

pub fn run(content: &ContentArg, regulator: &str, topic: &str, modality: Option<&str>) -> anyhow::Result<()> {
    let loaded = super::load(content)?;
    anyhow::ensure!(loaded.regulator(regulator).is_some(), "there is no regulator `{regulator}`; see regulators.yaml");
    let topic_def =
        loaded.topic(topic).ok_or_else(|| anyhow::anyhow!("there is no topic `{topic}`; see topics.yaml"))?;
    if let Some(m) = modality {
        anyhow::ensure!(loaded.modality(m).is_some(), "there is no modality `{m}`; see modalities.yaml");
    }
    let stem = match modality {
        Some(m) => format!("{topic}--{m}"),
        None => topic.to_owned(),
    };
    let rel = format!("records/{regulator}/{stem}.md");
    let path = content.content.join(&rel);
    anyhow::ensure!(!path.exists(), "{} already exists; edit it instead", path.display());
    if let Some(existing) = overlapping(&loaded, regulator, topic, modality) {
        anyhow::bail!(
            "{} already covers {regulator} × {topic}{}; edit it, or give each record its own modality",
            content.content.join(existing).display(),
            modality.map(|m| format!(" for {m}")).unwrap_or_default()
        );
    }
    std::fs::create_dir_all(path.parent().expect("a record has a folder"))?;
    std::fs::write(&path, draft(regulator, topic_def, modality))?;
    println!("wrote {}; fill it in, then run `regkb check`", path.display());
    Ok(())
}

/// The record of this regulator and topic that already claims `modality` (any, if none is given).
fn overlapping<'a>(content: &'a Content, regulator: &str, topic: &str, modality: Option<&str>) -> Option<&'a str> {
    content
        .records
        .iter()
        .filter(|r| r.regulator() == regulator && r.topic() == topic)
        .find(|r| {
            let claims = content.record_modalities(r);
            claims.is_empty() || modality.is_none_or(|m| claims.contains(&m))
        })
        .map(|r| r.file.as_str())
}

fn draft(regulator: &str, topic: &Topic, modality: Option<&str>) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "---\n{}", modeline("record.schema.json", 2));
    let _ =
        writeln!(w, "# A draft record. Every field is explained; see CONTRIBUTING.md. Delete comments as you like.");
    let _ = writeln!(w, "regulator: {regulator}            # the folder's regulator; do not change");
    let _ = writeln!(w, "topic: {}    # {}", topic.id.value, topic.question);
    if let Some(m) = modality {
        let _ = writeln!(w, "modalities: [{m}]                # the products this record covers; absent = the topic's");
    }
    let _ = writeln!(w, "# stance: required | expected | case-by-case | not-required | no-guidance | unknown");
    let _ = writeln!(w, "# `unknown` makes no claim and needs no source; any other stance needs at least one source.");
    let _ = writeln!(w, "stance: unknown");
    let _ =
        writeln!(w, "summary: Not yet researched.   # one or two sentences that claim no more than the sources say");
    if !topic.attributes.is_empty() {
        let _ = writeln!(
            w,
            "# attributes: values this topic compares; a bare value, or {{ value: ..., note: \"qualifier\" }}"
        );
        let _ = writeln!(w, "# attributes:");
        for a in &topic.attributes {
            let allowed = if a.values.is_empty() { a.kind.to_string() } else { a.values.join(" | ") };
            let unit = a.unit.as_deref().map(|u| format!(", in {u}")).unwrap_or_default();
            let _ = writeln!(w, "#   {}: ...    # {} ({allowed}{unit})", a.id.value, a.label);
        }
    }
    let _ = writeln!(w, "# sources: documents from sources/{regulator}.yaml that the record rests on");
    let _ = writeln!(w, "# sources:");
    let _ = writeln!(w, "#   - id: {regulator}-...       # the source's id");
    let _ = writeln!(w, "#     section: \"...\"           # optional: section, page or article");
    let _ = writeln!(
        w,
        "#     quote: \"...\"             # optional: the passage relied on, verbatim, in its own language"
    );
    let _ = writeln!(
        w,
        "status: draft                  # draft | reviewed | regulator-confirmed (the last two need reviewed and reviewed_by)"
    );
    let _ = writeln!(w, "updated: {}              # the date of the last change of substance", Date::today());
    let _ = writeln!(
        w,
        "---\n\n## What is required\n\nNot yet researched.\n\n## Open questions\n\nWhich documents to read, and where to look."
    );
    out
}
