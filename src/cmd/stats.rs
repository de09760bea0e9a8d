//! `regkb stats`: how much of the matrix is researched, and how well it is cited.

use std::io::Write;

use indexer::stats::stats;

use crate::cli::ContentArg;

pub fn run(content: &ContentArg, json: bool) -> anyhow::Result<()> {
    let loaded = super::load(content)?;
    let s = stats(&loaded);
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&s)?)?;
        return Ok(());
    }
    let domains = loaded.domains_in_order();
    writeln!(out, "Coverage: topics with a researched record (stance other than unknown) / topics\n")?;
    write!(out, "{:<10}", "")?;
    for d in &domains {
        write!(out, "{:>14}", d.id.value)?;
    }
    writeln!(out)?;
    for g in &loaded.regulators {
        write!(out, "{:<10}", g.id.value)?;
        for c in s.coverage.iter().filter(|c| c.regulator == g.id.value) {
            write!(out, "{:>14}", format!("{}/{}", c.researched, c.topics))?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "\nEvidence: researched topics; researched records citing a source with a URL; sources lacking language or local title\n"
    )?;
    for e in &s.evidence {
        writeln!(
            out,
            "{:<10}{:>8}{:>14}{:>10}",
            e.regulator,
            format!("{}/{}", e.researched_topics, e.topics),
            format!(
                "{}/{} ({:.0}%)",
                e.researched_citing_a_url,
                e.researched_records,
                percent(e.researched_citing_a_url, e.researched_records)
            ),
            format!("{}/{}", e.sources_missing_local_title, e.sources)
        )?;
    }
    let share = percent(s.records_citing_a_url, s.records);
    writeln!(
        out,
        "\n{} records, {} sources; {} records ({share:.0}%) cite a source with a URL",
        s.records, s.sources, s.records_citing_a_url
    )?;
    let list = |m: &std::collections::BTreeMap<String, usize>| {
        m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
    };
    writeln!(out, "By stance: {}", list(&s.by_stance))?;
    writeln!(out, "By status: {}", list(&s.by_status))?;
    writeln!(
        out,
        "Oldest updates: {}",
        s.oldest.iter().map(|(id, d)| format!("{id} ({d})")).collect::<Vec<_>>().join(", ")
    )?;
    Ok(())
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { 100.0 * part as f64 / whole as f64 }
}
