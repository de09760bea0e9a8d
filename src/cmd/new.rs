//! `regkb new`: a draft record at the right path, every field explained, that passes `regkb check`.

use indexer::date::Date;
use indexer::model::{Content, Topic};
use indexer::schema::modeline;
use indexer::suggest::nearest;

use crate::cli::ContentArg;

pub fn run(content: &ContentArg, regulator: &str, topic: &str, modality: Option<&str>) -> anyhow::Result<()> {
    let loaded = super::load(content)?;
    let ids = |ids: Vec<&str>, found: &str, kind: &str, file: &str| -> anyhow::Result<()> {
        if ids.contains(&found) {
            return Ok(());
        }
        match nearest(found, ids.iter().copied()) {
            Some(n) => anyhow::bail!("there is no {kind} `{found}` (did you mean `{n}`?); see {file}"),
            None => anyhow::bail!("there is no {kind} `{found}`; see {file}"),
        }
    };
    ids(loaded.regulators.iter().map(|r| r.id.value.as_str()).collect(), regulator, "regulator", "regulators.yaml")?;
    ids(loaded.topics.iter().map(|t| t.id.value.as_str()).collect(), topic, "topic", "topics.yaml")?;
    let topic_def = loaded.topic(topic).expect("checked above");
    if let Some(m) = modality {
        ids(loaded.modalities.iter().map(|m| m.id.value.as_str()).collect(), m, "modality", "modalities.yaml")?;
        if let Some(covered) = &topic_def.modalities {
            let covered: Vec<&str> = covered.iter().map(|c| c.value.as_str()).collect();
            anyhow::ensure!(
                covered.contains(&m),
                "topic `{topic}` covers only {}; a record for `{m}` has no place there",
                covered.join(", ")
            );
        }
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
    let modeline = modeline("record.schema.json", 2);
    let (topic_id, question, today) = (&topic.id.value, one_line(&topic.question), Date::today());
    let modalities = modality
        .map(|m| format!("modalities: [{m}]                # the products this record covers; absent = the topic's\n"))
        .unwrap_or_default();
    let attributes = attribute_lines(topic);
    let stances: Vec<&str> = topic.kind.stances().iter().map(|s| s.as_str()).collect();
    let stances = format!("# stance ({}): {}", topic.kind, stances.join(" | "));
    format!(
        r#"---
{modeline}
# A draft record. Every field is explained; see CONTRIBUTING.md. Delete comments as you like.
regulator: {regulator}            # the folder's regulator; do not change
topic: {topic_id}    # {question}
{modalities}{stances}
# `unknown` makes no claim and needs no source; any other stance needs at least one source.
stance: unknown
summary: Not yet researched.   # one or two sentences that claim no more than the sources say
{attributes}# sources: documents from sources/{regulator}.yaml that the record rests on
# sources:
#   - id: {regulator}-...       # the source's id
#     section: "..."           # optional: section, page or article
#     quote: "..."             # optional: the passage relied on, verbatim, in its own language
status: draft                  # draft | reviewed | regulator-confirmed (the last two need reviewed and reviewed_by)
updated: {today}              # the date of the last change of substance
---

## What is required

Not yet researched.

## Open questions

Which documents to read, and where to look.
"#
    )
}

/// The topic's attributes as commented-out lines, with their types and units.
fn attribute_lines(topic: &Topic) -> String {
    if topic.attributes.is_empty() {
        return String::new();
    }
    let mut lines = String::from(
        "# attributes: values this topic compares; a bare value, or { value: ..., note: \"qualifier\" }\n# attributes:\n",
    );
    for a in &topic.attributes {
        let allowed = if a.values.is_empty() { a.kind.to_string() } else { a.values.join(" | ") };
        let unit = a.unit.as_deref().map(|u| format!(", in {u}")).unwrap_or_default();
        lines.push_str(&format!("#   {}: ...    # {} ({allowed}{unit})\n", a.id.value, one_line(&a.label)));
    }
    lines
}

/// Text as one line, for a YAML comment: a line break would end the comment and turn the rest
/// into fields.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
