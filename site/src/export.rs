//! The static export: every page of the site as files, with relative links to explicit
//! `.html` files, the assets, and the client index, so it works from `file://`, a USB stick
//! or any static host under any path. The same content gives byte-identical files.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::Site;
use crate::assets;
use crate::changelog::ChangesParams;
use crate::formats::table::Book;
use crate::formats::{CiteFormat, TableFormat};
use crate::i18n::{Lang, Vocabulary};
use crate::links::Links;
use crate::pages::{self, Frame};
use crate::references::Reference;
use crate::tables::{self, Stamp};
use crate::views::approvals::ApprovalsView;
use crate::views::product::ProductFilter;
use crate::views::{self, CompareParams, CompareView, RegulatorView, TopicView};
use indexer::date::Date;
use indexer::model::Content;

/// Files as `path -> bytes`, in path order: what [`write`] writes at once.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Why an export failed: a template, a workbook or the file system.
pub type Failure = Box<dyn std::error::Error + Send + Sync>;

/// One exported page: its path in its language's folder, and how to render it.
type Page<'a> = (String, Box<dyn Fn(&Frame) -> askama::Result<String> + Send + Sync + 'a>);

/// Where an export's files go: each is written under the directory as soon as it is rendered, so
/// that memory does not grow with the site; their paths are kept for the zip archive.
pub struct Output {
    dir: PathBuf,
    written: Mutex<Vec<String>>,
    bytes: AtomicU64,
}

impl Output {
    /// Files written under `dir`, which should be a new or empty directory.
    pub fn new(dir: &Path) -> Output {
        Output { dir: dir.to_owned(), written: Mutex::default(), bytes: AtomicU64::new(0) }
    }

    /// Writes file `path` (relative, `/` between folders). A path that would land outside the
    /// directory (absolute, or with `..`) is refused.
    pub fn put(&self, path: String, bytes: &[u8]) -> std::io::Result<()> {
        inside(&path, &self.dir)?;
        let file = self.dir.join(&path);
        if let Err(e) = std::fs::write(&file, bytes) {
            if e.kind() != std::io::ErrorKind::NotFound {
                return Err(e);
            }
            std::fs::create_dir_all(file.parent().expect("files are below the root"))?;
            std::fs::write(&file, bytes)?;
        }
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        self.written.lock().expect("no writer panicked").push(path);
        Ok(())
    }

    /// How many files and bytes have been written.
    pub fn totals(&self) -> (usize, u64) {
        (self.written.lock().expect("no writer panicked").len(), self.bytes.load(Ordering::Relaxed))
    }

    /// Writes the files written so far, read back one at a time, as a zip archive in path order
    /// with fixed timestamps, so that equal exports give equal archives.
    pub fn zip(&self, out: &Path) -> zip::result::ZipResult<()> {
        let mut paths = self.written.lock().expect("no writer panicked").clone();
        paths.sort_unstable();
        let mut archive = zip::ZipWriter::new(std::fs::File::create(out)?);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        for path in paths {
            archive.start_file(format!("regkb/{path}"), options)?;
            std::io::copy(&mut std::fs::File::open(self.dir.join(&path))?, &mut archive)?;
        }
        archive.finish()?;
        Ok(())
    }
}

/// Refuses a path that would land outside `dir`.
fn inside(path: &str, dir: &Path) -> std::io::Result<()> {
    if Path::new(path).components().all(|c| matches!(c, Component::Normal(_))) {
        return Ok(());
    }
    let message = format!("{path}: error[outside-content]: this file would be written outside {}", dir.display());
    Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, message))
}

/// Renders the site into `out`: its pages in `langs` (each under its folder, English at the
/// root; `Lang::ALL` for the whole site), the files all languages share, and the client index
/// beside them.
pub fn render(site: &Site, langs: &[Lang], out: &Output) -> Result<(), Failure> {
    let put = |name: &str, text: &str| out.put(format!("static/{name}"), text.as_bytes());
    // The client index adds its documents' terms in order, on one thread, and the downloads
    // follow it there: everything else runs beside them, on the cores that leaves.
    let (indexed, rendered) = rayon::join(
        || {
            indexer::client::scripts(&site.content, &put)?;
            downloads(site, out)
        },
        || {
            // Every language's vocabulary at once: a copy of the content shares its records.
            let vocabularies: Vec<_> = langs.iter().map(|&lang| Vocabulary::of(&site.content, lang)).collect();
            record_pages(site, &vocabularies, langs, out)?;
            vocabularies.iter().try_for_each(|words| language(site, words, langs, out))?;
            shared(site, out)
        },
    );
    indexed?;
    rendered
}

/// Writes each record's page in every language of `vocabularies`, its body sanitised once for
/// all of them (sanitising is a fifth of a record page's work, and bodies are not translated).
fn record_pages(site: &Site, vocabularies: &[Vocabulary], langs: &[Lang], out: &Output) -> Result<(), Failure> {
    site.content.records.par_iter().enumerate().try_for_each(|(ord, r)| {
        let body = indexer::markdown::to_html(&r.body);
        let path = format!("records/{}.html", r.id);
        vocabularies.iter().try_for_each(|words| {
            // A language's copy keeps the records in their order, so `ord` names the same one.
            let content = &*words.content;
            let page = |f: &Frame| pages::record(f, content, &site.history, &content.records[ord], &body);
            Ok::<_, Failure>(
                out.put(format!("{}{path}", words.lang.dir()), &render_page(site, words, langs, &path, &page)?)?,
            )
        })
    })
}

/// Writes the other pages, search page and feeds of `words`' language under its folder; `langs`
/// are the languages they link to.
fn language(site: &Site, words: &Vocabulary, langs: &[Lang], out: &Output) -> Result<(), Failure> {
    let (lang, content) = (words.lang, &*words.content);
    page_list(site, content).into_par_iter().try_for_each(|(path, render)| {
        let page = render_page(site, words, langs, &path, &*render)?;
        Ok::<_, Failure>(out.put(format!("{}{path}", lang.dir()), &page)?)
    })?;
    // The page loads the index's head; offline.js loads the shards and fragments a query needs.
    let shell = |f: &Frame| pages::search_shell(f, content, vec![f.links.asset(indexer::client::HEAD)]);
    out.put(format!("{}search.html", lang.dir()), &render_page(site, words, langs, "search.html", &shell)?)?;
    feeds_in(site, words, out)
}

/// Renders page `path` in `words`' language with the export's links.
fn render_page(
    site: &Site,
    words: &Vocabulary,
    langs: &[Lang],
    path: &str,
    render: &(dyn Fn(&Frame) -> askama::Result<String> + Sync),
) -> askama::Result<Vec<u8>> {
    let lang = words.lang;
    let links = Links::export(lang.dir().len().min(1) + path.matches('/').count()).in_lang(lang);
    let plain = Frame::plain(&links, lang, path, langs, &words.untranslated);
    let frame = Frame { as_of: site.as_of.as_ref(), ..plain };
    Ok(render(&frame)?.into_bytes())
}

/// The Atom feeds in `words`' language, under its folder.
fn feeds_in(site: &Site, words: &Vocabulary, out: &Output) -> Result<(), Failure> {
    let (lang, content) = (words.lang, &*words.content);
    for scope in crate::feeds::scopes(content) {
        let path = format!("{}{}", lang.dir(), scope.path());
        let links = Links::export(path.matches('/').count()).in_lang(lang);
        let xml = crate::feeds::render(content, &site.history, &scope, &links, lang).expect("the scope exists")?;
        out.put(path, xml.as_bytes())?;
    }
    Ok(())
}

/// The files every language shares but the downloads: citations, history, schemas, assets.
fn shared(site: &Site, out: &Output) -> Result<(), Failure> {
    let content = &site.content;
    content.records.par_iter().try_for_each(|r| {
        let references = Reference::of_record_and_sources(content, r, None);
        CiteFormat::ALL
            .iter()
            .try_for_each(|format| out.put(format!("records/{}.{}", r.id, format.ext()), &format.write(&references)))
    })?;
    // The records' history as data, for readers who compare it with other tools.
    out.put("history.json".into(), &serde_json::to_vec_pretty(&*site.history).expect("history is JSON"))?;
    let api = serde_json::to_string_pretty(&crate::formats::openapi::document()).expect("a JSON document");
    out.put("api/openapi.json".to_owned(), api.as_bytes())?;
    for (name, schema) in indexer::schema::schemas() {
        out.put(format!("schemas/{name}"), schema.as_bytes())?;
    }
    for name in ["style.css", "app.js", "offline.js"] {
        let (text, _) = assets::get(name).expect("a built-in asset");
        out.put(format!("static/{name}"), text.as_bytes())?;
    }
    Ok(())
}

/// Every page of the export but the search page, which needs the client index's names, and the
/// records' pages ([`record_pages`]).
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
    for p in &content.products {
        list.push((format!("products/{}.html", p.id), Box::new(move |f| pages::product(f, content, p))));
    }
    list
}

/// A download: its page's path, and how its tables are made.
type Download<'a> = (String, Box<dyn Fn(&Links, &Stamp) -> Book + Send + Sync + 'a>);

/// The compare matrix, each topic and each regulator as CSV and XLSX, written in parallel. Their
/// date is the day the content last changed, so that equal content gives equal files.
fn downloads(site: &Site, out: &Output) -> Result<(), Failure> {
    let content = &site.content;
    let date = views::newest_first(content.records.iter().map(Arc::as_ref))
        .first()
        .map_or_else(Date::today, |r| r.front.updated.value);
    let mut list: Vec<Download> = vec![
        (
            "compare".into(),
            Box::new(|links, stamp| {
                tables::compare(content, &CompareView::of(content, &CompareParams::default()), links, stamp)
            }),
        ),
        (
            "approvals".into(),
            Box::new(|links, stamp| {
                tables::approvals(content, &ApprovalsView::of(content, &ProductFilter::default()), links, stamp)
            }),
        ),
    ];
    list.extend(content.topics.iter().map(|t| -> Download {
        (
            format!("topics/{}", t.id.value),
            Box::new(|links, stamp| tables::topic(content, &TopicView::of(content, t, ""), links, stamp)),
        )
    }));
    list.extend(content.regulators.iter().map(|g| -> Download {
        (
            format!("regulators/{}", g.id.value),
            Box::new(|links, stamp| tables::regulator(content, &RegulatorView::of(content, g), links, stamp)),
        )
    }));
    list.into_par_iter().try_for_each(|(page, book)| {
        // Links are relative to the file, as Excel resolves them.
        let links = Links::export(page.matches('/').count());
        let stamp = Stamp { address: format!("{page}.html"), date, version: &site.version };
        let book = book(&links, &stamp);
        TableFormat::ALL.iter().try_for_each(|format| {
            Ok::<_, Failure>(out.put(format!("{page}.{}", format.ext()), &format.write(&book, date)?)?)
        })
    })
}

/// Writes the files under `out`, which should be a new or empty directory. A path that would
/// land outside `out` (absolute, or with `..`) is refused before anything is written.
pub fn write(files: &Files, out: &Path) -> std::io::Result<()> {
    files.keys().try_for_each(|path| inside(path, out))?;
    let output = Output::new(out);
    // Tens of thousands of small files: the file system's work is what takes the time.
    files.par_iter().try_for_each(|(path, bytes)| output.put(path.clone(), bytes))
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
