//! `regkb index`: write the search index to disk, for `regkb serve --index`.

use std::path::Path;
use std::sync::Arc;

use indexer::SearchIndex;

use crate::cli::ContentArg;

pub fn run(content: &ContentArg, out: &Path) -> anyhow::Result<()> {
    let loaded = Arc::new(super::load(content)?);
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    SearchIndex::build(loaded.clone(), Some(out))?;
    println!("indexed {} records into {}", loaded.records.len(), out.display());
    Ok(())
}
