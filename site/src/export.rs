//! The static export: every page of the site as files, with relative links to explicit
//! `.html` files, the assets, and the client index, so it works from `file://`, a USB stick
//! or any static host under any path. The same content gives byte-identical files.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path};

use crate::Site;
use crate::assets;
use crate::changelog::ChangesParams;
use crate::formats::table::Book;
use crate::formats::{CiteFormat, TableFormat};
use crate::i18n::Lang;
use crate::links::Links;
use crate::pages::{self, Frame};
use crate::references::Reference;
use crate::tables::{self, Stamp};
use crate::views::approvals::ApprovalsView;
use crate::views::product::ProductFilter;
use crate::views::{self, CompareParams, CompareView, RegulatorView, TopicView};
use indexer::date::Date;

/// The export as `path -> bytes`, in path order.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Renders the site into memory: its pages in `langs` (each under its folder, English at the
/// root; `Lang::ALL` for the whole site), and the files all languages share.
pub fn render(site: &Site, langs: &[Lang]) -> askama::Result<Files> {
    let mut files = Files::new();
    for &lang in langs {
        pages_in(site, lang, langs, &mut files)?;
    }
    shared(site, &mut files)?;
    Ok(files)
}

/// The pages in `lang`, under its folder; `langs` are the languages they link to.
fn pages_in(site: &Site, lang: Lang, langs: &[Lang], files: &mut Files) -> askama::Result<()> {
    let vocabulary = site.vocabulary(lang);
    let content = &*vocabulary.content;
    let mut page = |path: String, render: &dyn Fn(&Frame) -> askama::Result<String>| -> askama::Result<()> {
        let links = Links::export(lang.dir().len().min(1) + path.matches('/').count()).in_lang(lang);
        let frame = Frame {
            links: &links,
            notices: &[],
            repository: None,
            live: false,
            today: None,
            as_of: site.as_of.as_ref(),
            lang,
            here: &path,
            langs,
            suggest: None,
            untranslated: &vocabulary.untranslated,
        };
        files.insert(format!("{}{path}", lang.dir()), render(&frame)?.into_bytes());
        Ok(())
    };
    page("index.html".into(), &|f| pages::home(f, content))?;
    page("compare.html".into(), &|f| pages::compare(f, content, &CompareParams::default()))?;
    page("glossary.html".into(), &|f| pages::glossary(f, content))?;
    page("definitions.html".into(), &|f| pages::definitions(f, content))?;
    page("changes.html".into(), &|f| pages::changes(f, content, &site.history, &ChangesParams::default()))?;
    page("products.html".into(), &|f| pages::products(f, content, &ProductFilter::default()))?;
    page("approvals.html".into(), &|f| pages::approvals(f, content, &ProductFilter::default()))?;
    page("404.html".into(), &|f| pages::error(f, &f.t("error-not-found"), &f.t("error-not-found-message")))?;
    let scripts = indexer::client::scripts(&site.index);
    let names: Vec<&str> = scripts.iter().map(|(name, _)| name.as_str()).collect();
    page("search.html".into(), &|f| pages::search_shell(f, names.iter().map(|n| f.links.asset(n)).collect()))?;
    for t in &content.topics {
        page(format!("topics/{}.html", t.id.value), &|f| pages::topic(f, TopicView::of(content, t, "")))?;
    }
    for g in &content.regulators {
        page(format!("regulators/{}.html", g.id.value), &|f| pages::regulator(f, RegulatorView::of(content, g)))?;
    }
    for r in &content.records {
        page(format!("records/{}.html", r.id), &|f| pages::record(f, content, &site.history, r))?;
    }
    for p in &content.products {
        page(format!("products/{}.html", p.id), &|f| pages::product(f, content, p))?;
    }
    Ok(())
}

/// The files every language shares: citations, feeds, downloads, history, scripts, schemas.
fn shared(site: &Site, files: &mut Files) -> askama::Result<()> {
    let content = &site.content;
    for r in &content.records {
        let references = Reference::of_record_and_sources(content, r, None);
        for format in CiteFormat::ALL {
            files.insert(format!("records/{}.{}", r.id, format.ext()), format.write(&references));
        }
    }
    for scope in crate::feeds::scopes(content) {
        let path = scope.path();
        let links = Links::export(path.matches('/').count());
        let xml = crate::feeds::render(content, &site.history, &scope, &links).expect("the scope exists")?;
        files.insert(path, xml.into_bytes());
    }
    downloads(site, files).map_err(|e| askama::Error::Custom(Box::new(e)))?;
    // The records' history as data, for readers who compare it with other tools.
    files.insert("history.json".into(), serde_json::to_vec_pretty(&*site.history).expect("history is JSON"));
    for (name, text) in indexer::client::scripts(&site.index) {
        files.insert(format!("static/{name}"), text.into_bytes());
    }
    let api = serde_json::to_string_pretty(&crate::formats::openapi::document()).expect("a JSON document");
    files.insert("api/openapi.json".to_owned(), api.into_bytes());
    for (name, schema) in indexer::schema::schemas() {
        files.insert(format!("schemas/{name}"), schema.into_bytes());
    }
    for name in ["style.css", "app.js", "offline.js"] {
        let (text, _) = assets::get(name).expect("a built-in asset");
        files.insert(format!("static/{name}"), text.as_bytes().to_vec());
    }
    Ok(())
}

/// The compare matrix, each topic and each regulator as CSV and XLSX. Their date is the day
/// the content last changed, so that equal content gives equal files.
fn downloads(site: &Site, files: &mut Files) -> Result<(), rust_xlsxwriter::XlsxError> {
    let content = &site.content;
    let date = views::newest_first(content.records.iter()).first().map_or_else(Date::today, |r| r.front.updated.value);
    let mut add = |page: String, book: &dyn Fn(&Links, &Stamp) -> Book| -> Result<(), rust_xlsxwriter::XlsxError> {
        // Links are relative to the file, as Excel resolves them.
        let links = Links::export(page.matches('/').count());
        let stamp = Stamp { address: format!("{page}.html"), date, version: &site.version };
        let book = book(&links, &stamp);
        for format in TableFormat::ALL {
            files.insert(format!("{page}.{}", format.ext()), format.write(&book, date)?);
        }
        Ok(())
    };
    let compare = CompareView::of(content, &CompareParams::default());
    add("compare".into(), &|links, stamp| tables::compare(content, &compare, links, stamp))?;
    let approvals = ApprovalsView::of(content, &ProductFilter::default());
    add("approvals".into(), &|links, stamp| tables::approvals(content, &approvals, links, stamp))?;
    for t in &content.topics {
        let view = TopicView::of(content, t, "");
        add(format!("topics/{}", t.id.value), &|links, stamp| tables::topic(content, &view, links, stamp))?;
    }
    for g in &content.regulators {
        let view = RegulatorView::of(content, g);
        add(format!("regulators/{}", g.id.value), &|links, stamp| tables::regulator(content, &view, links, stamp))?;
    }
    Ok(())
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
