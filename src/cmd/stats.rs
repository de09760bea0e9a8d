//! `regkb stats`: how much of the matrix is researched, and how well it is cited.

use indexer::stats::stats;

use crate::cli::ContentArg;

pub fn run(content: &ContentArg, json: bool) -> anyhow::Result<()> {
    let loaded = super::load(content)?;
    let s = stats(&loaded);
    if json {
        println!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(());
    }
    let domains = loaded.domains_in_order();
    println!("Coverage: topics with a researched record (stance other than unknown) / topics\n");
    print!("{:<10}", "");
    for d in &domains {
        print!("{:>14}", d.id.value);
    }
    println!();
    for g in &loaded.regulators {
        print!("{:<10}", g.id.value);
        for c in s.coverage.iter().filter(|c| c.regulator == g.id.value) {
            print!("{:>14}", format!("{}/{}", c.researched, c.topics));
        }
        println!();
    }
    let share = if s.records == 0 { 0.0 } else { 100.0 * s.records_citing_a_url as f64 / s.records as f64 };
    println!(
        "\n{} records, {} sources; {} records ({share:.0}%) cite a source with a URL",
        s.records, s.sources, s.records_citing_a_url
    );
    let list = |m: &std::collections::BTreeMap<String, usize>| {
        m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
    };
    println!("By stance: {}", list(&s.by_stance));
    println!("By status: {}", list(&s.by_status));
    println!("Oldest updates: {}", s.oldest.iter().map(|(id, d)| format!("{id} ({d})")).collect::<Vec<_>>().join(", "));
    Ok(())
}
