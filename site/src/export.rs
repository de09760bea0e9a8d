//! The static export: every page of the site as files, with relative links to explicit
//! `.html` files, the assets, and the client index, so it works from `file://`, a USB stick
//! or any static host under any path. The same content gives byte-identical files.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path};

use crate::Site;
use crate::assets;
use crate::links::Links;
use crate::pages::{self, Frame};
use crate::views::{CompareParams, RegulatorView, TopicView};

/// The export as `path -> bytes`, in path order.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Renders the whole site into memory.
pub fn render(site: &Site) -> askama::Result<Files> {
    let content = &site.content;
    let mut files = Files::new();
    let mut page = |path: String, render: &dyn Fn(&Frame) -> askama::Result<String>| -> askama::Result<()> {
        let links = Links::export(path.matches('/').count());
        let frame = Frame { links: &links, notices: &[], repository: None, live: false };
        files.insert(path, render(&frame)?.into_bytes());
        Ok(())
    };
    page("index.html".into(), &|f| pages::home(f, content))?;
    page("compare.html".into(), &|f| pages::compare(f, content, &CompareParams::default()))?;
    page("glossary.html".into(), &|f| pages::glossary(f, content))?;
    page("changes.html".into(), &|f| pages::changes(f, content))?;
    page("404.html".into(), &|f| pages::error(f, "Page not found", "There is no page at this address."))?;
    let scripts = indexer::client::scripts(&site.index);
    let names: Vec<&str> = scripts.iter().map(|(name, _)| name.as_str()).collect();
    page("search.html".into(), &|f| pages::search_shell(f, names.iter().map(|n| f.links.asset(n)).collect()))?;
    for t in &content.topics {
        page(format!("topics/{}.html", t.id.value), &|f| pages::topic(f, TopicView::of(content, t)))?;
    }
    for g in &content.regulators {
        page(format!("regulators/{}.html", g.id.value), &|f| pages::regulator(f, RegulatorView::of(content, g)))?;
    }
    for r in &content.records {
        page(format!("records/{}.html", r.id), &|f| pages::record(f, content, r))?;
    }
    for scope in crate::feeds::scopes(content) {
        let path = scope.path();
        let links = Links::export(path.matches('/').count());
        let xml = crate::feeds::render(content, &scope, &links).expect("the scope exists")?;
        files.insert(path, xml.into_bytes());
    }
    for (name, text) in scripts {
        files.insert(format!("static/{name}"), text.into_bytes());
    }
    for (name, schema) in indexer::schema::schemas() {
        files.insert(format!("schemas/{name}"), schema.into_bytes());
    }
    for name in ["style.css", "app.js", "offline.js"] {
        let (text, _) = assets::get(name).expect("a built-in asset");
        files.insert(format!("static/{name}"), text.as_bytes().to_vec());
    }
    Ok(files)
}

/// Writes the files under `out`, which should be a new or empty directory. A path that would
/// land outside `out` (absolute, or with `..`) is refused before anything is written.
pub fn write(files: &Files, out: &Path) -> std::io::Result<()> {
    if let Some(path) = files.keys().find(|p| !Path::new(p).components().all(|c| matches!(c, Component::Normal(_)))) {
        let message = format!("{path}: error[outside-content]: this file would be written outside {}", out.display());
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, message));
    }
    for (path, bytes) in files {
        let target = out.join(path);
        std::fs::create_dir_all(target.parent().expect("files are below the root"))?;
        std::fs::write(target, bytes)?;
    }
    Ok(())
}

/// Writes the files as a zip archive with fixed timestamps, so equal exports give equal archives.
pub fn zip(files: &Files, out: &Path) -> zip::result::ZipResult<()> {
    let mut archive = zip::ZipWriter::new(std::fs::File::create(out)?);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (path, bytes) in files {
        archive.start_file(format!("regkb/{path}"), options)?;
        archive.write_all(bytes)?;
    }
    archive.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_writes_outside_the_output_directory() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        for escape in ["../escaped.html", "/tmp/escaped.html", "records/../../escaped.html"] {
            let files = Files::from([("index.html".to_owned(), b"ok".to_vec()), (escape.to_owned(), b"x".to_vec())]);
            let e = write(&files, &out).unwrap_err();
            assert!(e.to_string().contains("error[outside-content]"), "{e}");
            assert!(!dir.path().join("escaped.html").exists() && !out.join("index.html").exists());
        }
    }
}
