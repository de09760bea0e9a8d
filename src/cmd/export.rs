//! `regkb export`: the whole site as static files that work offline.

use std::path::{Path, PathBuf};
use std::time::Instant;

use site::{Site, export};

use crate::cli::ContentArg;

pub fn run(content: &ContentArg, out: &Path, zip: Option<PathBuf>) -> anyhow::Result<()> {
    let started = Instant::now();
    let site = Site::build(super::load(content)?)?.with_version(indexer::version::of(&content.content));
    let files = export::render(&site)?;
    super::fresh_output(out, "static/search-index.js")?;
    export::write(&files, out)?;
    if let Some(zip) = &zip {
        export::zip(&files, zip)?;
    }
    let bytes: usize = files.values().map(Vec::len).sum();
    println!(
        "exported {} files ({:.1} MB) for {} records to {} in {:.2} s{}; open {}",
        files.len(),
        bytes as f64 / 1e6,
        site.content.records.len(),
        out.display(),
        started.elapsed().as_secs_f64(),
        zip.map(|z| format!(", and {}", z.display())).unwrap_or_default(),
        out.join("index.html").display()
    );
    Ok(())
}
