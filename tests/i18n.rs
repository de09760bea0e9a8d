//! The site in five languages over HTTP and in the export: each language's pages under its
//! prefix with the right `lang`, `hreflang` alternates, a switcher that keeps the page and its
//! query, and `Accept-Language` that suggests but never redirects.

mod common;

use std::path::Path;

use common::{Server, regkb, request};
use site::i18n::{Lang, t};

const COMPARE: &str = "compare?regulator=pmda&regulator=hsa&baseline=pmda";

#[test]
fn every_language_serves_its_pages_under_its_prefix() {
    let server = Server::start(Path::new("content"), &[]);
    for lang in Lang::ALL {
        let root = format!("/{}", lang.dir());
        let page = server.get(&format!("{root}{COMPARE}"));
        assert_eq!(page.status, 200, "{root}{COMPARE}");
        assert!(page.body.contains(&format!(r#"<html lang="{}">"#, lang.tag())), "{root}");
        assert!(page.body.contains(&format!("<h1>{}</h1>", t(lang, "title-compare"))), "{root}");
        let query = COMPARE.replace('&', "&#38;");
        for other in Lang::ALL {
            let href = format!("/{}{query}", other.dir());
            let alternate = format!(r#"<link rel="alternate" hreflang="{}" href="{href}">"#, other.tag());
            assert!(page.body.contains(&alternate), "{root}: no {alternate}");
            let switch = format!(r#"<a href="{href}" hreflang="{}" lang="{}""#, other.tag(), other.tag());
            assert!(page.body.contains(&switch), "{root}: the switcher lacks {switch}");
        }
        assert!(page.body.contains(r#"<link rel="alternate" hreflang="x-default" href="/compare?"#));
        // Pages link within their language; assets are shared.
        assert!(page.body.contains(&format!(r#"href="{root}regulators/pmda""#)), "{root}");
        assert!(page.body.contains(r#"href="/static/style.css""#));
        let record = server.get(&format!("{root}records/pmda/framework.legal-basis"));
        assert_eq!(record.status, 200);
        assert!(record.body.contains(&t(lang, "record-cite")), "{root}");
    }
    for home in ["/ja", "/ja/", "/zh-Hant/", "/ko"] {
        let page = server.get(home);
        assert_eq!(page.status, 200, "{home}");
        assert!(page.body.contains(&t(Lang::from_prefix(home.trim_matches('/')).unwrap(), "home-heading")));
    }
}

#[test]
fn vocabulary_shows_its_translation_or_english_marked_as_such() {
    let server = Server::start(Path::new("content"), &[]);
    let (content, _) = indexer::load::load(Path::new("content"));
    let topic = content.topic("nonclinical.tumorigenicity").unwrap();
    let page = server.get("/ja/topics/nonclinical.tumorigenicity");
    assert!(page.body.contains(&format!("<h1>{}</h1>", topic.title_i18n["ja"])));
    assert!(page.body.contains(&format!(r#"<p class="question">{}"#, topic.question_i18n["ja"])));
    // A tree without translations shows its words in English, marked.
    let bare = Server::start(Path::new("tests/fixtures/valid"), &[]);
    let (fixture, _) = indexer::load::load(Path::new("tests/fixtures/valid"));
    let untranslated = &fixture.topics[0];
    let fallback = bare.get(&format!("/ja/topics/{}", untranslated.id.value)).body;
    let question =
        format!(r#"<p class="question"><span lang="en">{}</span> <small class="lang-fallback""#, untranslated.question);
    assert!(fallback.contains(&question), "no marked English question");
    assert!(page.body.contains(&t(Lang::Ja, "translation-draft")));
    let home = server.get("/ko/").body;
    assert!(home.contains(&format!("<h3>{}</h3>", content.domain("nonclinical").unwrap().title_i18n["ko"])));
    let english = server.get("/topics/nonclinical.tumorigenicity").body;
    assert!(english.contains(&format!("<h1>{}</h1>", topic.title)) && !english.contains("lang-fallback"));
    assert!(!english.contains(&t(Lang::En, "translation-draft")));
}

#[test]
fn attribute_labels_and_values_show_their_translation_or_english_marked() {
    let server = Server::start(Path::new("content"), &[]);
    let (content, _) = indexer::load::load(Path::new("content"));
    let topic = content.topic("framework.expedited-approval").unwrap();
    let basis = topic.attributes.iter().find(|a| a.id.value == "basis").unwrap();
    let page = server.get("/ja/topics/framework.expedited-approval").body;
    assert!(page.contains(&format!(r#"<th scope="col">{}</th>"#, basis.label_i18n["ja"])), "no Japanese label");
    assert!(page.contains(&format!("<td>{}", basis.values_i18n["law"]["ja"])), "no Japanese value");
    assert!(!page.contains("<td>law"), "an English value on the Japanese page");
    let years = &topic.attributes.iter().find(|a| a.id.value == "max_conditional_years").unwrap().unit_i18n["ja"];
    assert!(page.contains(&format!(" ({years})</th>")), "no Japanese unit");
    let glp = server.get("/ko/topics/nonclinical.glp").body;
    assert!(glp.contains(&format!("<td>{}", t(Lang::Ko, "attribute-yes"))), "yes is not in Korean");
    // A tree without translations shows labels and values in English, marked.
    let bare = Server::start(Path::new("tests/fixtures/valid"), &[]);
    let fallback = bare.get("/zh-Hant/topics/clinical.long-term-follow-up").body;
    assert!(fallback.contains(r#"<span lang="en">Gene therapy follow-up</span> <small class="lang-fallback""#));
    let english = server.get("/topics/framework.expedited-approval").body;
    assert!(english.contains(r#"<th scope="col">Set by</th>"#) && english.contains("<td>law"));
}

#[test]
fn a_missing_page_says_so_in_its_language() {
    let server = Server::start(Path::new("content"), &[]);
    let page = server.get("/ko/records/pmda/no-such-record");
    assert_eq!(page.status, 404);
    assert!(page.body.contains(r#"<html lang="ko">"#) && page.body.contains(&t(Lang::Ko, "error-not-found")));
    assert!(server.get("/fr/compare").body.contains(r#"<html lang="en">"#));
}

#[test]
fn accept_language_suggests_a_language_and_never_redirects() {
    let server = Server::start(Path::new("content"), &[]);
    let url = format!("{}/", server.base);
    let japanese = request(&url, "GET", &[("Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5")], b"");
    assert_eq!(japanese.status, 200);
    assert!(japanese.body.contains(r#"<html lang="en">"#));
    let banner = format!(r#"<a href="/ja/" hreflang="ja">{}</a>"#, t(Lang::Ja, "suggest-language"));
    assert!(japanese.body.contains(&banner), "no suggestion of Japanese");
    assert!(japanese.header("vary").is_some_and(|v| v.to_ascii_lowercase().contains("accept-language")));
    for (path, accept) in [("/", "en-GB,en"), ("/", "fr"), ("/ja/", "ko")] {
        let page = request(&format!("{}{path}", server.base), "GET", &[("Accept-Language", accept)], b"");
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("banner-language"), "{path} with {accept} suggests a language");
    }
}

#[test]
fn the_export_has_every_language_or_the_one_asked_for() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("ja-only");
    let run = regkb(&["export", "--content", "tests/fixtures/valid", "--out", dir.to_str().unwrap(), "--lang", "ja"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let compare = std::fs::read_to_string(dir.join("ja/compare.html")).unwrap();
    assert!(compare.contains(r#"<html lang="ja">"#) && compare.contains(r#"href="../static/style.css""#));
    assert!(compare.contains(r#"href="../ja/search.html""#), "pages link within their language");
    assert!(!dir.join("compare.html").exists() && !dir.join("ko").exists(), "only the language asked for");
    assert!(dir.join("ja/search.html").exists() && dir.join("static/offline.js").exists());
    let wrong = regkb(&["export", "--content", "tests/fixtures/valid", "--out", dir.to_str().unwrap(), "--lang", "fr"]);
    assert!(!wrong.status.success() && String::from_utf8_lossy(&wrong.stderr).contains("zh-Hant"));
}

#[test]
fn each_language_has_its_own_feeds_and_pages_link_them() {
    let server = Server::start(Path::new("content"), &[]);
    let atom = "http://www.w3.org/2005/Atom";
    let title = |xml: &roxmltree::Document| {
        let root = xml.root_element();
        assert!(root.has_tag_name((atom, "feed")), "not an Atom feed");
        root.children().find(|n| n.has_tag_name((atom, "title"))).and_then(|n| n.text()).unwrap().to_owned()
    };
    let japanese = server.get("/ja/feeds/all.xml");
    assert_eq!(japanese.status, 200);
    assert!(japanese.header("content-type").unwrap().starts_with("application/atom+xml"));
    let doc = roxmltree::Document::parse(&japanese.body).expect("the feed is XML");
    assert_eq!(title(&doc), t(Lang::Ja, "feed-title-all"));
    assert_eq!(doc.root_element().attribute(("http://www.w3.org/XML/1998/namespace", "lang")), Some("ja"));
    let id = |doc: &roxmltree::Document| {
        doc.root_element().children().find(|n| n.has_tag_name((atom, "id"))).and_then(|n| n.text()).unwrap().to_owned()
    };
    let english = server.get("/feeds/all.xml").body;
    let english = roxmltree::Document::parse(&english).unwrap();
    assert_eq!(title(&english), t(Lang::En, "feed-title-all"));
    assert_ne!(id(&doc), id(&english), "two languages, two feeds");
    // Entries link to the pages in the feed's language, and a topic's feed has its title in it.
    let link = doc.descendants().find(|n| n.has_tag_name((atom, "entry"))).unwrap();
    let href = link.children().find(|n| n.has_tag_name((atom, "link"))).unwrap().attribute("href").unwrap();
    assert!(href.starts_with("/ja/"), "{href}");
    let (content, _) = indexer::load::load(Path::new("content"));
    let topic = content.topic("nonclinical.tumorigenicity").unwrap();
    let feed = server.get("/ko/feeds/topics/nonclinical.tumorigenicity.xml").body;
    let feed = roxmltree::Document::parse(&feed).unwrap();
    assert!(title(&feed).contains(&topic.title_i18n["ko"]), "{}", title(&feed));
    let page = server.get("/ja/topics/nonclinical.tumorigenicity").body;
    assert!(page.contains(r#"href="/ja/feeds/topics/nonclinical.tumorigenicity.xml""#));
    assert_eq!(server.get("/ja/feeds/regulators/zz.xml").status, 404);
    // The export writes each language's feeds beside its pages.
    let out = tempfile::tempdir().unwrap();
    let run = regkb(&["export", "--content", "tests/fixtures/valid", "--out", out.path().to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let exported = std::fs::read_to_string(out.path().join("zh-Hant/feeds/all.xml")).unwrap();
    assert_eq!(title(&roxmltree::Document::parse(&exported).unwrap()), t(Lang::ZhHant, "feed-title-all"));
    let changes = std::fs::read_to_string(out.path().join("zh-Hant/changes.html")).unwrap();
    assert!(changes.contains(r#"href="../zh-Hant/feeds/all.xml""#), "the page links its language's feed");
    assert!(out.path().join("feeds/all.xml").exists());
}

/// `text` as the pages escape it.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;").replace('\'', "&#39;").replace('"', "&#34;")
}

#[test]
fn product_approval_definition_and_change_pages_speak_the_page_language() {
    let server = Server::start(Path::new("content"), &[]);
    let (content, _) = indexer::load::load(Path::new("content"));
    let product = content.products.iter().find(|p| p.front.approvals.len() > 1).unwrap();
    let route = product.front.approvals[0].route.value;
    let pages: [(String, Vec<String>); 5] = [
        ("products".into(), vec!["products-intro".into(), "col-first-approval".into(), "filter-by-first".into()]),
        ("approvals".into(), vec!["lag-rule".into(), "approvals-gaps-heading".into(), "approvals-caption".into()]),
        (format!("products/{}", product.id), vec!["product-indication".into(), format!("route-{route}")]),
        ("definitions".into(), vec!["definitions-answers-heading".into(), "review-status-draft-definition".into()]),
        ("changes".into(), vec!["changes-intro".into(), "changes-feed-all".into()]),
    ];
    for lang in Lang::ALL {
        for (page, keys) in &pages {
            let url = format!("/{}{page}", lang.dir());
            let body = server.get(&url).body;
            for key in keys {
                assert!(body.contains(&escaped(&t(lang, key))), "{url} lacks {key} in {}", lang.tag());
            }
            if lang != Lang::En {
                assert!(!body.contains(&escaped(&t(Lang::En, "lag-rule"))), "{url} states the lag rule in English");
            }
        }
    }
}
