//! The static export: every page of the site as files, with relative links to explicit
//! `.html` files, the assets, and the client index, so it works from `file://`, a USB stick
//! or any static host under any path. The same content gives byte-identical files.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Component, Path};

use rayon::prelude::*;

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
use indexer::model::Content;

/// The export as `path -> bytes`, in path order.
pub type Files = BTreeMap<String, Vec<u8>>;

/// One exported page: its path in its language's folder, and how to render it.
type Page<'a> = (String, Box<dyn Fn(&Frame) -> askama::Result<String> + Send + Sync + 'a>);

/// Renders the site into memory: its pages in `langs` (each under its folder, English at the
/// root; `Lang::ALL` for the whole site) in parallel, the client index beside them, and the
/// files all languages share.
pub fn render(site: &Site, langs: &[Lang]) -> askama::Result<Files> {
    let (scripts, rendered) = rayon::join(
        || indexer::client::scripts(&site.index),
        || langs.par_iter().map(|&lang| pages_in(site, lang, langs)).collect::<askama::Result<Vec<Files>>>(),
    );
    let mut files: Files = rendered?.into_iter().flatten().collect();
    // The page loads the index's head; offline.js loads the shards and fragments a query needs.
    let head = &scripts[0].0;
    for &lang in langs {
        let content = &site.vocabulary(lang).content;
        let shell = |f: &Frame| pages::search_shell(f, content, vec![f.links.asset(head)]);
        files.insert(format!("{}search.html", lang.dir()), render_page(site, lang, langs, "search.html", &shell)?);
    }
    for &lang in langs {
        feeds_in(site, lang, &mut files)?;
    }
    for (name, text) in scripts {
        files.insert(format!("static/{name}"), text.into_bytes());
    }
    shared(site, &mut files)?;
    Ok(files)
}

/// The pages in `lang` but the search page, under its folder; `langs` are the languages they
/// link to.
fn pages_in(site: &Site, lang: Lang, langs: &[Lang]) -> askama::Result<Files> {
    page_list(site, &site.vocabulary(lang).content)
        .into_par_iter()
        .map(|(path, render)| Ok((format!("{}{path}", lang.dir()), render_page(site, lang, langs, &path, &*render)?)))
        .collect()
}

/// Renders page `path` in `lang` with the export's links.
fn render_page(
    site: &Site,
    lang: Lang,
    langs: &[Lang],
    path: &str,
    render: &(dyn Fn(&Frame) -> askama::Result<String> + Sync),
) -> askama::Result<Vec<u8>> {
    let links = Links::export(lang.dir().len().min(1) + path.matches('/').count()).in_lang(lang);
    let plain = Frame::plain(&links, lang, path, langs, &site.vocabulary(lang).untranslated);
    let frame = Frame { as_of: site.as_of.as_ref(), ..plain };
    Ok(render(&frame)?.into_bytes())
}

/// The Atom feeds in `lang`, under its folder.
fn feeds_in(site: &Site, lang: Lang, files: &mut Files) -> askama::Result<()> {
    let content = &site.vocabulary(lang).content;
    for scope in crate::feeds::scopes(content) {
        let path = format!("{}{}", lang.dir(), scope.path());
        let links = Links::export(path.matches('/').count()).in_lang(lang);
        let xml = crate::feeds::render(content, &site.history, &scope, &links, lang).expect("the scope exists")?;
        files.insert(path, xml.into_bytes());
    }
    Ok(())
}

/// The files every language shares: citations, downloads, history, schemas, assets.
fn shared(site: &Site, files: &mut Files) -> askama::Result<()> {
    let content = &site.content;
    for r in &content.records {
        let references = Reference::of_record_and_sources(content, r, None);
        for format in CiteFormat::ALL {
            files.insert(format!("records/{}.{}", r.id, format.ext()), format.write(&references));
        }
    }
    downloads(site, files).map_err(|e| askama::Error::Custom(Box::new(e)))?;
    // The records' history as data, for readers who compare it with other tools.
    files.insert("history.json".into(), serde_json::to_vec_pretty(&*site.history).expect("history is JSON"));
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

/// Every page of the export but the search page, which needs the client index's names.
fn page_list<'a>(site: &'a Site, content: &'a Content) -> Vec<Page<'a>> {
    let mut list: Vec<Page> = vec![
        ("index.html".into(), Box::new(move |f| pages::home(f, content))),
        ("compare.html".into(), Box::new(move |f| pages::compare(f, content, &CompareParams::default()))),
        ("glossary.html".into(), Box::new(move |f| pages::glossary(f, content))),
        ("definitions.html".into(), Box::new(move |f| pages::definitions(f, content))),
        (
            "changes.html".into(),
            Box::new(move |f| pages::changes(f, content, &site.history, &ChangesParams::default())),
        ),
        ("products.html".into(), Box::new(move |f| pages::products(f, content, &ProductFilter::default()))),
        ("approvals.html".into(), Box::new(move |f| pages::approvals(f, content, &ProductFilter::default()))),
        (
            "404.html".into(),
            Box::new(move |f| pages::error(f, &f.t("error-not-found"), &f.t("error-not-found-message"))),
        ),
    ];
    for t in &content.topics {
        list.push((
            format!("topics/{}.html", t.id.value),
            Box::new(move |f| pages::topic(f, TopicView::of(content, t, ""))),
        ));
    }
    for g in &content.regulators {
        list.push((
            format!("regulators/{}.html", g.id.value),
            Box::new(move |f| pages::regulator(f, RegulatorView::of(content, g))),
        ));
    }
    for r in &content.records {
        list.push((format!("records/{}.html", r.id), Box::new(move |f| pages::record(f, content, &site.history, r))));
    }
    for p in &content.products {
        list.push((format!("products/{}.html", p.id), Box::new(move |f| pages::product(f, content, p))));
    }
    list
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
    let dirs: BTreeSet<&Path> =
        files.keys().map(|p| Path::new(p).parent().expect("files are below the root")).collect();
    for dir in dirs {
        std::fs::create_dir_all(out.join(dir))?;
    }
    // Tens of thousands of small files: the file system's work is what takes the time.
    files.par_iter().try_for_each(|(path, bytes)| std::fs::write(out.join(path), bytes))
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
