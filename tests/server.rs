//! The real server on a loopback port, over HTTP: every page and API for the shipped content,
//! security headers, errors that show no internals, and sanitised record bodies.

mod common;

use std::path::Path;

use common::{Server, copy_tree};

fn shipped() -> Server {
    Server::start(Path::new("content"), &[])
}

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[test]
fn every_page_renders_for_every_record_topic_and_regulator() {
    let server = shipped();
    let (content, _) = indexer::load::load(Path::new("content"));
    let mut paths: Vec<String> = [
        "/",
        "/search",
        "/search?q=tumorigenicity",
        "/compare",
        "/compare?diff=only&baseline=pmda",
        "/glossary",
        "/changes",
    ]
    .map(String::from)
    .to_vec();
    paths.extend(content.topics.iter().map(|t| format!("/topics/{}", t.id.value)));
    paths.extend(content.records.iter().map(|r| format!("/records/{}", r.id)));
    paths.extend(content.regulators.iter().map(|r| format!("/regulators/{}", r.id.value)));
    assert!(paths.len() > 150);
    for path in &paths {
        let page = server.get(path);
        assert_eq!(page.status, 200, "{path}");
        assert!(page.body.starts_with("<!DOCTYPE html>"), "{path}");
        assert!(page.header("content-type").unwrap().starts_with("text/html"), "{path}");
    }
    for r in &content.records {
        let api = server.get(&format!("/api/records/{}", r.id));
        assert_eq!(api.status, 200);
        assert_eq!(api.json()["line"]["id"], r.id.as_str());
    }
}

#[test]
fn record_pages_show_draft_banner_sources_and_citation() {
    let server = shipped();
    let page = server.get("/records/pmda/framework.legal-basis");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Draft — not yet reviewed by a working group"));
    assert!(page.body.contains("Cite this record"));
    assert!(page.body.contains("<ol class=\"sources\">"));
    assert!(page.body.contains("content/records/pmda/framework.legal-basis.md"));
}

/// Checks the headers the README promises on every response.
fn assert_security_headers(r: &common::Response, what: &str) {
    let csp = r.header("content-security-policy").unwrap_or_else(|| panic!("CSP on {what}"));
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{what}: {csp}"
    );
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{what}");
    assert_eq!(r.header("x-frame-options"), Some("DENY"), "{what}");
    assert!(r.header("referrer-policy").is_some(), "{what}");
    assert_eq!(r.header("cross-origin-opener-policy"), Some("same-origin"), "{what}");
}

#[test]
fn security_headers_on_pages_and_api() {
    let server = shipped();
    for path in ["/", "/api/search?q=aav", "/nope", "/static/style.css"] {
        assert_security_headers(&server.get(path), path);
    }
}

#[test]
fn refused_bodies_carry_the_security_headers_too() {
    let server = shipped();
    let body = vec![b'x'; 20 * 1024];
    for (method, path) in [("POST", "/"), ("GET", "/"), ("GET", "/api/search?q=aav")] {
        let r = common::send(&format!("{}{path}", server.base), method, &body);
        assert_eq!(r.status, 413, "{method} {path} with a 20 KB body");
        assert_security_headers(&r, &format!("{method} {path} (413)"));
    }
}

#[test]
fn unknown_addresses_get_a_plain_404() {
    let server = shipped();
    for path in [
        "/nope",
        "/records/pmda/nope",
        "/topics/nope",
        "/regulators/nope",
        "/static/nope.js",
        "/records/../../etc/passwd",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(r.body.contains("Page not found"), "{path}");
    }
    let api = server.get("/api/records/pmda/nope");
    assert_eq!(api.status, 404);
    assert!(api.json()["error"].as_str().unwrap().contains("pmda/nope"));
}

#[test]
fn search_api_serves_the_cli_document() {
    let server = shipped();
    let doc = server.get(&format!("/api/search?q={}&regulator=pmda", encode("造腫瘍性"))).json();
    assert!(doc["total"].as_u64().unwrap() >= 1);
    assert!(doc["hits"].as_array().unwrap().iter().all(|h| h["regulator"] == "pmda"));
    let cli = common::regkb(&["search", "--json", "--regulator", "pmda", "--limit", "20", "造腫瘍性"]);
    let cli: serde_json::Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(cli["hits"], doc["hits"]);
    assert_eq!(cli["facets"], doc["facets"]);
}

#[test]
fn hostile_requests_never_fail_the_server() {
    let server = shipped();
    let long = "x".repeat(600);
    let queries = [
        "%00",
        "%FF%FE",
        "%22",
        "%22%22%22tumor",
        "((((",
        "*%3A*",
        &long,
        "q%5B%5D=1",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ];
    for q in queries {
        let page = server.get(&format!("/search?q={q}"));
        assert_eq!(page.status, 200, "{q}");
        assert!(!page.body.contains("<script>alert"), "{q} is reflected unescaped");
        let api = server.get(&format!("/api/search?q={q}&offset=99999999&limit=999999"));
        assert!(api.status == 200 || api.status == 400, "{q}: {}", api.status);
        assert!(api.header("content-type").unwrap().starts_with("application/json"));
    }
    for path in ["/api/search?q=cell&offset=18446744073709551615", "/search?q=cell&offset=18446744073709551615"] {
        assert_eq!(server.get(path).status, 200, "{path}");
    }
    let all = server.get("/api/search?q=cell").json()["total"].clone();
    assert_eq!(
        server.get("/api/search?q=cell&domain=&regulator=").json()["total"],
        all,
        "empty filters filter nothing"
    );
    let too_long = server.get(&format!("/api/search?q={long}"));
    assert_eq!(too_long.status, 400);
    assert!(too_long.json()["error"].as_str().unwrap().contains("limit is 500"));
    assert_eq!(server.get("/compare?regulators=%FF,,,zz&baseline=%00&diff=only").status, 200);
    assert_eq!(server.get("/").status, 200, "still serving");
}

#[test]
fn compare_marks_differences_from_the_baseline_and_hides_agreement() {
    let server = shipped();
    let all = server.get("/api/compare?regulators=pmda,hsa,tfda&baseline=pmda").json();
    let mut differing = 0;
    for group in all["groups"].as_array().unwrap() {
        for row in group["rows"].as_array().unwrap() {
            let cells = row["cells"].as_array().unwrap();
            let base = cells.iter().find(|c| c["regulator"] == "pmda").unwrap()["signature"].clone();
            for c in cells {
                assert_eq!(c["differs"].as_bool().unwrap(), c["signature"] != base, "{row}");
                differing += usize::from(c["differs"].as_bool().unwrap());
            }
        }
    }
    assert!(differing > 0);
    let only = server.get("/api/compare?regulators=pmda,hsa,tfda&baseline=pmda&diff=only").json();
    let rows: Vec<_> =
        only["groups"].as_array().unwrap().iter().flat_map(|g| g["rows"].as_array().unwrap().clone()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["agrees"] == false));
    let html = server.get("/compare?regulators=pmda,hsa,tfda&baseline=pmda&diff=only");
    assert!(html.body.contains("class=\"differs\""));
    assert!(html.body.contains("<th scope=\"col\""));
}

#[test]
fn malicious_markdown_is_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    let record = dir.path().join("records/hsa/clinical.long-term-follow-up.md");
    let text = std::fs::read_to_string(&record)
        .unwrap()
        .replace("summary: Not yet researched.", "summary: \"<script>alert('summary')</script>\"");
    let body = "\n<script>alert('body')</script>\n\n<img src=x onerror=\"alert('img')\">\n\n[click](javascript:alert('link'))\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<a href=\"#\" onclick=\"alert('a')\">a</a>\n";
    std::fs::write(&record, format!("{text}{body}")).unwrap();
    let server = Server::start(dir.path(), &[]);
    let page = server.get("/records/hsa/clinical.long-term-follow-up");
    assert_eq!(page.status, 200);
    for bad in ["<script>alert", "onerror", "javascript:", "<iframe", "onclick"] {
        assert!(!page.body.contains(bad), "{bad} reached the page");
    }
    assert!(page.body.contains("&#60;script&#62;alert("), "the summary is shown, escaped");
}

#[test]
fn footnotes_in_a_body_link_to_their_notes() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    let record = dir.path().join("records/hsa/clinical.long-term-follow-up.md");
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(&record, format!("{text}\nText[^note].\n\n[^note]: The note.\n")).unwrap();
    let page = Server::start(dir.path(), &[]).get("/records/hsa/clinical.long-term-follow-up").body;
    assert!(page.contains("<a href=\"#fn-1\""), "the reference links to the note");
    assert_eq!(page.matches("id=\"fn-1\"").count(), 1, "exactly one element is the note");
}

#[test]
fn atom_feeds_for_all_regulators_and_topics() {
    let server = shipped();
    for path in ["/feeds/all.xml", "/feeds/regulators/pmda.xml", "/feeds/topics/clinical.long-term-follow-up.xml"] {
        let feed = server.get(path);
        assert_eq!(feed.status, 200, "{path}");
        assert!(feed.header("content-type").unwrap().starts_with("application/atom+xml"));
        assert!(
            feed.body.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">") && feed.body.contains("<entry>"),
            "{path}"
        );
    }
    assert!(!server.get("/feeds/regulators/pmda.xml").body.contains("<title>HSA"));
    for path in ["/feeds/regulators/zz.xml", "/feeds/other/pmda.xml", "/feeds/topics/cmc.gmp"] {
        assert_eq!(server.get(path).status, 404, "{path}");
    }
}
