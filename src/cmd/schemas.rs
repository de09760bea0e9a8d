//! `regkb schemas`: write the content files' JSON Schemas (the repository ships them in `schemas/`).

use std::path::Path;

pub fn run(out: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(out)?;
    for (name, text) in indexer::schema::schemas() {
        std::fs::write(out.join(name), text)?;
    }
    println!("wrote the content schemas to {}", out.display());
    Ok(())
}
