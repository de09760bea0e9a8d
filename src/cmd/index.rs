//! `regkb index`: write the search index to disk, for `regkb serve --index`.

use std::path::Path;

use indexer::SearchIndex;

use crate::cli::ContentArg;

pub fn run(content: &ContentArg, out: &Path) -> anyhow::Result<()> {
    let loaded = super::load(content)?;
    super::fresh_output(out, "meta.json")?;
    SearchIndex::write(&loaded, out)?;
    println!("indexed {} records into {}", loaded.records.len(), out.display());
    Ok(())
}
