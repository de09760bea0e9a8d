//! `regkb new`: a draft record or product at the right path, every field explained, that
//! passes `regkb check`.

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

/// Writes a draft product `products/<id>.md`; `regulator`, if given, fills in the example
/// approval entry.
pub fn product(content: &ContentArg, id: &str, modality: &str, regulator: Option<&str>) -> anyhow::Result<()> {
    let loaded = super::load(content)?;
    anyhow::ensure!(
        !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "the product id `{id}` must be lower-case ascii letters, digits and `-`, e.g. `tisagenlecleucel`"
    );
    anyhow::ensure!(loaded.modality(modality).is_some(), "there is no modality `{modality}`; see modalities.yaml");
    if let Some(g) = regulator {
        anyhow::ensure!(loaded.regulator(g).is_some(), "there is no regulator `{g}`; see regulators.yaml");
    }
    let path = content.content.join(format!("products/{id}.md"));
    anyhow::ensure!(!path.exists(), "{} already exists; edit it instead", path.display());
    std::fs::create_dir_all(path.parent().expect("a product has a folder"))?;
    std::fs::write(&path, product_draft(id, modality, regulator.unwrap_or("fda")))?;
    println!("wrote {}; fill it in, then run `regkb check`", path.display());
    Ok(())
}

fn product_draft(id: &str, modality: &str, regulator: &str) -> String {
    let (modeline, today) = (modeline("product.schema.json", 1), Date::today());
    format!(
        r#"---
{modeline}
# A draft product. Every field is explained; see CONTRIBUTING.md. Delete comments as you like.
name: {id}                     # the INN, or the code name when there is no INN
# other_names: [CODE-123]        # optional: codes, former names
# brands:                        # optional: brand name per regulator id, in the local script as marketed
#   {regulator}: Brand
sponsor: Not yet researched.
modality: {modality}                 # an id from modalities.yaml
indication: Not yet researched.
# approvals: one entry per regulator; each cites at least one source from sources/<regulator>.yaml
approvals: []
#   - regulator: {regulator}
#     date: 2017-08-30           # YYYY-MM-DD, YYYY-MM or YYYY, as precisely as known
#     route: full                # full | conditional | conditional-time-limited | accelerated | exceptional-circumstances | other | unknown
#     priority: true             # optional: a priority review, breakthrough, RMAT or SAKIGAKE designation applied
#     indication: "..."          # optional, when narrower than the product's
#     number: "..."              # optional: the approval or licence number, as written
#     status: approved           # approved | withdrawn | lapsed | refused-confirmation
#     status_date: 2024-07       # required unless status is approved
#     sources:
#       - id: {regulator}-...
#         quote: "..."           # optional: only verbatim text you read
status: draft                  # draft | reviewed | regulator-confirmed (the last two need reviewed and reviewed_by)
updated: {today}              # the date of the last change of substance
---

Notes: conditions of approval, what lapsed and why, secondary evidence named.
"#
    )
}

/// Text as one line, for a YAML comment: a line break would end the comment and turn the rest
/// into fields.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
