//! `regkb export`: the whole site as static files that work offline, and the content as data.

use std::path::{Path, PathBuf};
use std::time::Instant;

use indexer::date::Date;
use indexer::history::History;
use site::i18n::Lang;
use site::{AsOf, Site, data, export};

use crate::cli::ContentArg;

pub fn run(
    content: &ContentArg,
    out: Option<&Path>,
    zip: Option<PathBuf>,
    data: Option<&Path>,
    as_of: Option<Date>,
    langs: &[Lang],
) -> anyhow::Result<()> {
    let started = Instant::now();
    let version = indexer::version::of(&content.content);
    let loaded = super::load(content)?;
    if let Some(dir) = data {
        write_data(&loaded, &version, dir)?;
    }
    let Some(out) = out else { return Ok(()) };
    let history = indexer::history::read(&content.content, &loaded);
    let site = match as_of {
        None => Site::unindexed(loaded).with_history(history),
        Some(date) => past(loaded, history, date)?,
    }
    .with_version(version);
    let langs = if langs.is_empty() { &Lang::ALL[..] } else { langs };
    super::fresh_output(out, "static/search-index.js")?;
    let output = export::Output::new(out);
    if let Err(e) = export::render(&site, langs, &output) {
        // Files are written as they are rendered: a failed export leaves none, so that the next
        // may reuse the directory.
        std::fs::remove_dir_all(out)?;
        return Err(anyhow::anyhow!(e));
    }
    if let Some(zip) = &zip {
        output.zip(zip)?;
    }
    let (files, bytes) = output.totals();
    println!(
        "exported {} files ({:.1} MB) for {} records and {} products to {} in {:.2} s{}; open {}",
        files,
        bytes as f64 / 1e6,
        site.content.records.len(),
        site.content.products.len(),
        out.display(),
        started.elapsed().as_secs_f64(),
        zip.map(|z| format!(", and {}", z.display())).unwrap_or_default(),
        out.join(langs[0].dir()).join("index.html").display()
    );
    Ok(())
}

/// Writes the data release of `content` to `dir`.
fn write_data(content: &indexer::Content, version: &str, dir: &Path) -> anyhow::Result<()> {
    let files = data::files(&data::Release::of(content, version));
    super::fresh_output(dir, "regkb.schema.json")?;
    export::write(&files, dir)?;
    println!("wrote the data release ({} files, format {}) to {}", files.len(), data::FORMAT, dir.display());
    Ok(())
}

/// The site as it was on `date`: its records and their history until then.
fn past(content: indexer::Content, history: History, date: Date) -> anyhow::Result<Site> {
    let past = history.content_as_of(&content, date).ok_or_else(|| {
        anyhow::anyhow!("cannot export as of {date}: {}", history.unavailable.as_deref().unwrap_or_default())
    })?;
    let mut site = Site::unindexed(past).with_history(history.until(date));
    site.as_of = Some(AsOf::new(date, None));
    Ok(site)
}
