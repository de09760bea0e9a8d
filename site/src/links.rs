//! URLs between pages. The server uses absolute paths; the static export uses paths relative
//! to the page and explicit `.html` files, so it works from `file://` and under any sub-path.
//! Pages and feeds in a language other than English live under its folder (`ja/…`); assets and
//! downloads are shared by all languages and stay at the root.

use crate::i18n::Lang;

/// How one page links to the others.
#[derive(Debug, Clone)]
pub struct Links {
    /// The way from the current page to the site root: `/` on the server, `../` … in the export.
    root: String,
    /// `""` on the server, `.html` in the export.
    suffix: &'static str,
    /// The language of the pages linked to.
    lang: Lang,
}

impl Links {
    /// Links for pages served over HTTP.
    pub fn server() -> Links {
        Links { root: "/".into(), suffix: "", lang: Lang::En }
    }

    /// Links for an exported page `depth` folders below the export's root.
    pub fn export(depth: usize) -> Links {
        let root = if depth == 0 { "./".to_owned() } else { "../".repeat(depth) };
        Links { root, suffix: ".html", lang: Lang::En }
    }

    /// Links from outside the site, as in a downloaded workbook: absolute addresses under `base`.
    pub fn absolute(base: &str) -> Links {
        Links { root: format!("{}/", base.trim_end_matches('/')), suffix: "", lang: Lang::En }
    }

    /// These links, to the pages in `lang`.
    pub fn in_lang(&self, lang: Lang) -> Links {
        Links { lang, ..self.clone() }
    }

    /// The root of the pages in this language: `/ja/` on the server, `../ja/` in the export.
    pub fn pages_root(&self) -> String {
        [self.root.as_str(), self.lang.dir()].concat()
    }

    /// The page at `here` (a path from the pages' root) in `lang`.
    pub fn in_lang_at(&self, lang: Lang, here: &str) -> String {
        [self.root.as_str(), lang.dir(), here].concat()
    }

    /// Whether these are links of the static export.
    pub fn is_export(&self) -> bool {
        !self.suffix.is_empty()
    }

    /// The page at `path`, given in parts; a page shows many links, each made in one allocation.
    fn page(&self, path: &[&str]) -> String {
        let mut url = String::with_capacity(64);
        url.push_str(&self.root);
        url.push_str(self.lang.dir());
        path.iter().for_each(|part| url.push_str(part));
        url.push_str(self.suffix);
        url
    }

    pub fn home(&self) -> String {
        if self.is_export() { self.page(&["index"]) } else { self.pages_root() }
    }

    pub fn search(&self) -> String {
        self.page(&["search"])
    }

    pub fn compare(&self) -> String {
        self.page(&["compare"])
    }

    pub fn glossary(&self) -> String {
        self.page(&["glossary"])
    }

    pub fn changes(&self) -> String {
        self.page(&["changes"])
    }

    /// The definitions page, or one definition on it (`anchor` as `DefinitionsView` names it).
    pub fn definitions(&self) -> String {
        self.page(&["definitions"])
    }

    /// One definition on the definitions page.
    pub fn definition(&self, anchor: &str) -> String {
        format!("{}#{anchor}", self.definitions())
    }

    pub fn topic(&self, id: &str) -> String {
        self.page(&["topics/", id])
    }

    pub fn record(&self, id: &str) -> String {
        self.page(&["records/", id])
    }

    pub fn regulator(&self, id: &str) -> String {
        self.page(&["regulators/", id])
    }

    pub fn products(&self) -> String {
        self.page(&["products"])
    }

    pub fn product(&self, id: &str) -> String {
        self.page(&["products/", id])
    }

    pub fn approvals(&self) -> String {
        self.page(&["approvals"])
    }

    /// The Atom feed of all changes, in this language.
    pub fn feed_all(&self) -> String {
        format!("{}feeds/all.xml", self.pages_root())
    }

    /// The Atom feed of one regulator's or topic's changes, in this language: `kind` is
    /// `regulators` or `topics`.
    pub fn feed(&self, kind: &str, id: &str) -> String {
        format!("{}feeds/{kind}/{id}.xml", self.pages_root())
    }

    /// The page at `path` (`compare`, `topics/<id>`, …) as a download of type `ext` (`csv`, `xlsx`).
    pub fn download(&self, path: &str, ext: &str) -> String {
        format!("{}{path}.{ext}", self.root)
    }

    /// Record `id` as a file of type `ext` (`ris`, `csl.json`).
    pub fn record_file(&self, id: &str, ext: &str) -> String {
        self.download(&format!("records/{id}"), ext)
    }

    /// A file under `static/` (stylesheet, script, client index).
    pub fn asset(&self, name: &str) -> String {
        format!("{}static/{name}", self.root)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_and_export_links() {
        assert_eq!(Links::server().record("pmda/x"), "/records/pmda/x");
        assert_eq!(Links::server().home(), "/");
        assert_eq!(Links::export(2).record("pmda/x"), "../../records/pmda/x.html");
        assert_eq!(Links::export(0).home(), "./index.html");
        assert_eq!(Links::export(1).asset("style.css"), "../static/style.css");
        assert_eq!(Links::absolute("https://x.org/kb/").record("a/b"), "https://x.org/kb/records/a/b");
        assert_eq!(Links::export(1).download("topics/t", "csv"), "../topics/t.csv");
        assert_eq!(Links::server().download("compare", "xlsx"), "/compare.xlsx");
        let ja = Links::export(2).in_lang(Lang::Ja);
        assert_eq!(
            (ja.record("pmda/x"), ja.asset("app.js")),
            ("../../ja/records/pmda/x.html".into(), "../../static/app.js".into())
        );
        assert_eq!(Links::server().in_lang(Lang::ZhHant).home(), "/zh-Hant/");
    }
}
