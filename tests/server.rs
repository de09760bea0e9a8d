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
    paths.extend(content.products.iter().map(|p| format!("/products/{}", p.id)));
    paths.extend(["/products", "/approvals"].map(String::from));
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
    for p in &content.products {
        let api = server.get(&format!("/api/products/{}", p.id));
        assert_eq!(api.status, 200);
        assert_eq!(api.json()["line"]["id"], p.id.as_str());
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
            feed.body.contains(r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">"#)
                && feed.body.contains("<entry>"),
            "{path}"
        );
    }
    assert!(!server.get("/feeds/regulators/pmda.xml").body.contains("<title>HSA"));
    for path in ["/feeds/regulators/zz.xml", "/feeds/other/pmda.xml", "/feeds/topics/cmc.gmp"] {
        assert_eq!(server.get(path).status, 404, "{path}");
    }
}

fn fixture() -> Server {
    Server::start(Path::new("tests/fixtures/valid"), &[])
}

#[test]
fn products_api_lists_filters_and_sorts() {
    let server = fixture();
    let all = server.get("/api/products").json();
    assert_eq!(all["total"], 2);
    let names: Vec<&str> = all["products"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["iprocel", "stromacel"]);
    let first = &all["products"][1];
    assert_eq!((first["first_date"].as_str(), first["first_regulator"].as_str()), (Some("2017-08-30"), Some("FDA")));
    assert_eq!(first["brands"][1], serde_json::json!(["PMDA", "ストロマビア"]));
    let by_first = server.get("/api/products?sort=first").json();
    assert_eq!(by_first["products"][0]["id"], "stromacel");
    let hsa = server.get("/api/products?regulator=hsa").json();
    assert_eq!(hsa["products"].as_array().unwrap().len(), 1);
    // Regulator, route and year must meet in one approval: PMDA approved nothing fully.
    assert_eq!(server.get("/api/products?regulator=pmda&route=full").json()["products"], serde_json::json!([]));
    assert_eq!(server.get("/api/products?modality=ipsc-derived&year=2025").json()["products"][0]["id"], "iprocel");
}

#[test]
fn product_api_gives_approvals_lags_and_timeline() {
    let server = fixture();
    let p = server.get("/api/products/stromacel").json();
    let approvals = p["approvals"].as_array().unwrap();
    let lags: Vec<(&str, &str)> =
        approvals.iter().map(|a| (a["regulator_id"].as_str().unwrap(), a["lag"].as_str().unwrap())).collect();
    assert_eq!(lags, [("fda", "0"), ("pmda", "19"), ("hsa", "29–40")]);
    assert_eq!(approvals[1]["status"], "Lapsed");
    assert_eq!(approvals[1]["status_date"], "2024-07");
    assert_eq!(approvals[1]["citations"][0]["quote"], "条件及び期限付承認");
    assert_eq!(p["timeline"]["rows"].as_array().unwrap().len(), 3);
    assert!(p["timeline"]["description"].as_str().unwrap().contains("PMDA: approved 2019-03-26; Lapsed 2024-07."));
    let missing = server.get("/api/products/nope");
    assert_eq!(missing.status, 404);
    assert!(missing.json()["error"].as_str().unwrap().contains("nope"));
}

#[test]
fn approvals_api_gives_the_matrix_and_the_gaps() {
    let server = fixture();
    let a = server.get("/api/approvals").json();
    let regulators: Vec<&str> = a["regulators"].as_array().unwrap().iter().map(|r| r[0].as_str().unwrap()).collect();
    assert_eq!(regulators, ["pmda", "hsa", "fda"]);
    let stromacel = a["rows"].as_array().unwrap().iter().find(|r| r["id"] == "stromacel").unwrap();
    let cells: Vec<(&str, bool)> = stromacel["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["lag"].as_str().unwrap_or("-"), c["first"].as_bool().unwrap()))
        .collect();
    assert_eq!(cells, [("19", false), ("29–40", false), ("0", true)]);
    assert_eq!(
        a["gaps"],
        serde_json::json!([{ "regulator_id": "hsa", "regulator": "HSA", "products": [["iprocel", "iprocel", 2]] }])
    );
    assert!(a["rule"].as_str().unwrap().contains("year"));
    let msc = server.get("/api/approvals?modality=msc").json();
    assert_eq!(msc["rows"].as_array().unwrap().len(), 1);
}

#[test]
fn product_pages_regulator_summary_and_feeds() {
    let server = fixture();
    for path in ["/products", "/products/stromacel", "/approvals", "/products?sort=first&regulator=pmda"] {
        let page = server.get(path);
        assert_eq!(page.status, 200, "{path}");
        assert!(page.body.starts_with("<!DOCTYPE html>"), "{path}");
    }
    assert_eq!(server.get("/products/nope").status, 404);
    let product = server.get("/products/stromacel").body;
    assert!(product.contains("<svg role=\"img\" aria-labelledby=\"timeline-title timeline-desc\""));
    assert!(product.contains("<td class=\"lag\">29–40</td>"));
    let pmda = server.get("/regulators/pmda").body;
    // The median of 19 (stromacel) and 0 (iprocel, approved first in Japan).
    assert!(pmda.contains("<dt>Median lag</dt><dd>9.5 months"), "{pmda}");
    assert!(pmda.contains("<dt>Median lag, products also approved elsewhere</dt><dd>9.5 months"), "{pmda}");
    let hsa = server.get("/regulators/hsa").body;
    assert!(hsa.contains("(1 with a year-only date left out)") && hsa.contains(">iprocel</a>"));
    // A record links the products its regulator approved in the record's modalities.
    let record = server.get("/records/pmda/nonclinical.tumorigenicity--ipsc-derived").body;
    assert!(record.contains("<a href=\"/products/iprocel\">iprocel</a>") && !record.contains("/products/stromacel"));
    let feed = server.get("/feeds/regulators/hsa.xml").body;
    assert!(feed.contains("<title>Product: stromacel</title>") && !feed.contains("iprocel"));
}

#[test]
fn search_finds_products_by_any_name_in_any_script() {
    let server = fixture();
    for (query, id) in [
        ("ストロマビア", "stromacel"),
        ("Stromavia", "stromacel"),
        ("STR-101", "stromacel"),
        ("アイプロセル", "iprocel"),
    ] {
        let results = server.get(&format!("/api/search?q={}", encode(query))).json();
        let hit = &results["hits"][0];
        assert_eq!((hit["kind"].as_str(), hit["id"].as_str()), (Some("product"), Some(id)), "{query}");
        assert_eq!(hit["url"], format!("/products/{id}"));
    }
    // A stance filter leaves products out: they have none.
    let filtered = server.get("/api/search?q=stromacel&stance=required").json();
    assert_eq!(filtered["total"], 0);
    let page = server.get(&format!("/search?q={}", encode("ストロマビア"))).body;
    assert!(page.contains("href=\"/products/stromacel\"") && page.contains("stance-product"), "{page}");
}

/// GETs `path` from the loopback address `from`, so that the server sees another client.
async fn get_from(from: [u8; 4], server: std::net::SocketAddr, path: &str) -> (u16, std::time::Duration) {
    use std::io::{Read, Write};
    let started = std::time::Instant::now();
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind((std::net::Ipv4Addr::from(from), 0).into()).unwrap();
    let mut stream = socket.connect(server).await.unwrap().into_std().unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    let raw = tokio::task::spawn_blocking(move || {
        stream.set_nonblocking(false).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        raw
    })
    .await
    .unwrap();
    let status =
        String::from_utf8_lossy(&raw[..12.min(raw.len())]).split_whitespace().nth(1).and_then(|s| s.parse().ok());
    (status.unwrap_or(0), started.elapsed())
}

/// The median time of `n` distinct searches, one after another, from `from`.
async fn median_search(from: [u8; 4], server: std::net::SocketAddr, n: usize, tag: &str) -> std::time::Duration {
    let mut times = Vec::new();
    for i in 0..n {
        let (status, took) = get_from(from, server, &format!("/api/search?q=cell+{tag}{i}")).await;
        assert_eq!(status, 200);
        times.push(took);
    }
    times.sort();
    times[n / 2]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooding_client_does_not_slow_down_another() {
    let server = Server::start(Path::new("content"), &["--search-cache", "0"]);
    let addr: std::net::SocketAddr = server.base.trim_start_matches("http://").parse().unwrap();
    let usual = median_search([127, 0, 0, 2], addr, 15, "usual").await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flood: Vec<_> = (0..32)
        .map(|n| {
            let stop = stop.clone();
            tokio::spawn(async move {
                let mut statuses = Vec::new();
                for i in 0.. {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) {
                        break;
                    }
                    statuses.push(get_from([127, 0, 0, 1], addr, &format!("/api/search?q=therapy+f{n}x{i}")).await);
                }
                statuses
            })
        })
        .collect();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let flooded = median_search([127, 0, 0, 2], addr, 15, "flooded").await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut answers = Vec::new();
    for task in flood {
        answers.extend(task.await.unwrap());
    }
    assert!(answers.len() > 32, "the flood ran");
    assert!(answers.iter().all(|&(s, _)| s == 200 || s == 429), "{answers:?}");
    let mut flood_times: Vec<_> = answers.iter().map(|&(_, took)| took).collect();
    flood_times.sort();
    let flooder = flood_times[flood_times.len() / 2];
    // Without fair shares, both clients queue alike behind 32 searches under way (about 35 times
    // the usual time here); with them, the flooder waits in its own queue and the other does not.
    let message = format!("usually {usual:?}; under a flood {flooded:?}, the flooder {flooder:?}");
    assert!(flooded * 2 < flooder, "{message}");
    assert!(flooded < usual * 10 + std::time::Duration::from_millis(50), "{message}");
}

#[test]
fn a_values_table_read_for_one_class_marks_that_class_columns() {
    let server = shipped();
    let path = "/topics/clinical.long-term-follow-up";
    let every = server.get(path).body;
    assert!(!every.contains(r#"class="for""#) && !every.contains(r#"class="other""#));
    assert!(
        every.contains("<li>Follow-up for cell therapy products (years): for Mesenchymal"),
        "the classes of each column"
    );
    assert!(every.contains(r#"<option value="aav">"#), "the page offers the classes");

    let aav = server.get(&format!("{path}?modality=aav")).body;
    assert!(aav.contains(r#"<th scope="col" class="for">Follow-up for gene therapy products"#), "{aav}");
    assert!(aav.contains(r#"<th scope="col" class="other">Follow-up for cell therapy products"#));
    assert!(aav.contains(r#"<option value="aav" selected>"#));
    let rows = aav.matches("<tr><th scope=\"row\">").count();
    assert!(rows > 3);
    assert_eq!(aav.matches(r#"<td class="for">"#).count(), rows, "one marked cell per row");

    let msc = server.get(&format!("{path}?modality=msc")).body;
    assert!(msc.contains(r#"<th scope="col" class="for">Follow-up for cell therapy products"#));
    // The compare page read for a class links its topics read for that class.
    let compare = server.get("/compare?modality=aav").body;
    assert!(compare.contains(&format!(r#"href="{path}?modality=aav""#)));
    // An unknown class marks nothing, as the compare page ignores it.
    assert_eq!(server.get(&format!("{path}?modality=nope")).body.matches(r#"class="for""#).count(), 0);
}
