//! Headless Chromium, driven through WebDriver (Debian's `chromium` and `chromium-driver`,
//! which `make test` installs): the reader's way through the live site and the offline export.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{Server, copy_tree};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

/// A chromedriver process and a browser session, closed when dropped.
struct Browser {
    driver: Child,
    client: Option<Client>,
    _profile: tempfile::TempDir,
}

impl Browser {
    async fn start() -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed (make test installs Debian's chromium-driver)");
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1280,1000",
            &format!("--user-data-dir={}", profile.path().display()),
        ];
        let caps = serde_json::json!({ "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args } });
        let caps: fantoccini::wd::Capabilities = caps.as_object().unwrap().clone();
        let url = format!("http://127.0.0.1:{port}");
        let mut last = None;
        for _ in 0..100 {
            match ClientBuilder::new(HttpConnector::new()).capabilities(caps.clone()).connect(&url).await {
                Ok(client) => return Browser { driver, client: Some(client), _profile: profile },
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no WebDriver session: {last:?}");
    }

    fn c(&self) -> &Client {
        self.client.as_ref().unwrap()
    }

    async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.c().find_all(Locator::Css(css)).await.unwrap() {
            out.push(e.text().await.unwrap());
        }
        out
    }

    async fn close(mut self) {
        if let Some(c) = self.client.take() {
            let _ = c.close().await;
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

async fn click_link_containing(b: &Browser, scope: &str, text: &str) {
    for a in b.c().find_all(Locator::Css(&format!("{scope} a"))).await.unwrap() {
        if a.text().await.unwrap().contains(text) {
            // Centre it first, so that a sticky header cannot cover it.
            let arg = serde_json::to_value(&a).unwrap();
            b.c().execute("arguments[0].scrollIntoView({block: 'center'})", vec![arg]).await.unwrap();
            return a.click().await.unwrap();
        }
    }
    panic!("no link with {text:?} in {scope}");
}

/// Checks a compare matrix with a baseline and "differences only": only the chosen columns,
/// and every row shown has a cell marked as differing.
async fn check_diff_only_matrix(b: &Browser, regulators: &[&str]) {
    let shown = b.c().execute("return Array.from(document.querySelectorAll('#matrix thead th[data-regulator]')).filter(e => !e.hidden && e.offsetParent !== null).map(e => e.dataset.regulator)", vec![]).await.unwrap();
    let shown: Vec<String> = serde_json::from_value(shown).unwrap();
    assert_eq!(shown, regulators);
    let rows = b.c().execute("return Array.from(document.querySelectorAll('#matrix tr[data-agrees]')).filter(r => r.offsetParent !== null).map(r => r.querySelectorAll('td.differs').length)", vec![]).await.unwrap();
    let rows: Vec<usize> = serde_json::from_value(rows).unwrap();
    assert!(!rows.is_empty(), "some topics differ");
    assert!(rows.iter().all(|&n| n > 0), "a row where all agree is shown: {rows:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn search_filter_record_compare_on_the_server() {
    let server = Server::start(Path::new("content"), &[]);
    let b = Browser::start().await;
    b.c().goto(&format!("{}/", server.base)).await.unwrap();
    let input = b.c().find(Locator::Css("#q-home")).await.unwrap();
    input.send_keys("tumourigenicity").await.unwrap();
    b.c().find(Locator::Css(".big-search button")).await.unwrap().click().await.unwrap();
    b.c().wait().for_element(Locator::Css("ol.hits li")).await.unwrap();
    assert!(b.texts("ol.hits h2").await.len() >= 5);
    click_link_containing(&b, "#facets", "PMDA").await;
    b.c().wait().for_element(Locator::Css("#facets a.checked")).await.unwrap();
    let titles = b.texts("ol.hits h2").await;
    assert!(!titles.is_empty() && titles.iter().all(|t| t.starts_with("PMDA")), "{titles:?}");
    b.c().find(Locator::Css("ol.hits h2 a")).await.unwrap().click().await.unwrap();
    let h1 = b.c().wait().for_element(Locator::Css("article.record h1")).await.unwrap().text().await.unwrap();
    assert!(h1.starts_with("PMDA"));
    assert!(!b.texts("ol.sources li").await.is_empty());
    click_link_containing(&b, "header nav", "Compare").await;
    b.c().wait().for_element(Locator::Css("#compare-form")).await.unwrap();
    // A checkbox submits the form at once (app.js); a select waits for Update.
    for id in ["bpom", "npra", "cdsco", "fda", "ema"] {
        b.c().find(Locator::Css(&format!("input[name=regulator][value={id}]"))).await.unwrap().click().await.unwrap();
        wait_for_url(&b, |u| u.contains("regulator=pmda") && !u.contains(&format!("regulator={id}"))).await;
    }
    b.c().find(Locator::Css("select[name=baseline]")).await.unwrap().select_by_value("pmda").await.unwrap();
    b.c().find(Locator::Css("#compare-form button")).await.unwrap().click().await.unwrap();
    wait_for_url(&b, |u| u.contains("baseline=pmda")).await;
    b.c().find(Locator::Css("input[name=diff]")).await.unwrap().click().await.unwrap();
    wait_for_url(&b, |u| u.contains("diff=only")).await;
    b.c().wait().for_element(Locator::Css("#matrix")).await.unwrap();
    check_diff_only_matrix(&b, &["pmda", "hsa", "tfda", "nmpa", "mfds"]).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn route_topics_read_as_routes_on_compare() {
    let server = Server::start(Path::new("content"), &[]);
    let b = Browser::start().await;
    b.c().goto(&format!("{}/compare", server.base)).await.unwrap();
    let legend = b.texts("p.legend").await.join(" ");
    assert!(legend.contains("Requirements:") && legend.contains("Required"), "{legend}");
    assert!(legend.contains("Routes:") && legend.contains("Available") && legend.contains("Not available"), "{legend}");
    let badges = b.c().execute(
        "return Array.from(document.querySelectorAll('#matrix tr[data-agrees]')).filter(r => r.querySelector('th a[href$=\"framework.expedited-approval\"]')).flatMap(r => Array.from(r.querySelectorAll('td .badge')).map(e => e.textContent.trim()))",
        vec![],
    ).await.unwrap();
    let badges: Vec<String> = serde_json::from_value(badges).unwrap();
    assert!(
        badges.iter().any(|t| t.ends_with("Available")),
        "some regulator offers a conditional or expedited route: {badges:?}"
    );
    let route_answers = ["✓ Available", "✕ Not available", "? Unknown"];
    assert!(
        badges.iter().all(|t| route_answers.contains(&t.as_str())),
        "a route row shows only route answers: {badges:?}"
    );
    b.close().await;
}

/// Waits until the browser's address satisfies `wanted` (after a form submits).
async fn wait_for_url(b: &Browser, wanted: impl Fn(&str) -> bool) {
    for _ in 0..100 {
        if wanted(b.c().current_url().await.unwrap().as_str()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the browser stayed at {}", b.c().current_url().await.unwrap());
}

/// A tree whose record body tries every way to run script.
fn hostile_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    let record = dir.path().join("records/hsa/clinical.long-term-follow-up.md");
    let body = "\n<script>window.pwned = 'script'</script>\n\n<img src=x onerror=\"window.pwned = 'img'\">\n\n[x](javascript:window.pwned='link')\n\n<svg onload=\"window.pwned = 'svg'\"></svg>\n";
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(&record, format!("{text}{body}")).unwrap();
    dir
}

async fn assert_no_script_ran(b: &Browser) {
    b.c().wait().for_element(Locator::Css("article.record")).await.unwrap();
    for link in b.c().find_all(Locator::Css("article.record a")).await.unwrap() {
        assert!(!link.attr("href").await.unwrap().unwrap_or_default().starts_with("javascript"));
    }
    let pwned = b.c().execute("return window.pwned === undefined ? null : window.pwned", vec![]).await.unwrap();
    assert_eq!(pwned, serde_json::Value::Null, "script from a record body ran");
}

#[tokio::test(flavor = "multi_thread")]
async fn script_in_a_record_body_never_runs() {
    let tree = hostile_tree();
    let server = Server::start(tree.path(), &[]);
    let b = Browser::start().await;
    b.c().goto(&format!("{}/records/hsa/clinical.long-term-follow-up", server.base)).await.unwrap();
    assert_no_script_ran(&b).await;
    let out = tempfile::tempdir().unwrap();
    let export =
        common::regkb(&["export", "--content", tree.path().to_str().unwrap(), "--out", out.path().to_str().unwrap()]);
    assert!(export.status.success());
    b.c()
        .goto(&format!("file://{}/records/hsa/clinical.long-term-follow-up.html", out.path().display()))
        .await
        .unwrap();
    assert_no_script_ran(&b).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_export_works_from_file_urls() {
    let out = tempfile::tempdir().unwrap();
    let export = common::regkb(&["export", "--out", out.path().to_str().unwrap()]);
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    let root = format!("file://{}", out.path().display());
    let b = Browser::start().await;
    b.c().goto(&format!("{root}/index.html")).await.unwrap();
    let input = b.c().find(Locator::Css("#q-home")).await.unwrap();
    input.send_keys("long-term follow-up").await.unwrap();
    b.c().find(Locator::Css(".big-search button")).await.unwrap().click().await.unwrap();
    b.c().wait().for_element(Locator::Css("ol.hits li")).await.unwrap();
    let english = b.texts("ol.hits h2").await;
    assert!(english.len() >= 8, "{english:?}");
    // Japanese, Chinese and Korean find the same concept through the glossary.
    for query in ["長期フォローアップ", "长期随访", "장기추적조사", "LTFU"] {
        let q: String = form_urlencoded::byte_serialize(query.as_bytes()).collect();
        b.c().goto(&format!("{root}/search.html?q={q}")).await.unwrap();
        b.c().wait().for_element(Locator::Css("ol.hits li")).await.unwrap();
        let titles = b.texts("ol.hits h2").await;
        assert_eq!(titles.len(), english.len().min(20), "{query}: {titles:?}");
    }
    b.c().goto(&format!("{root}/search.html?q=%E9%80%A0%E8%85%AB%E7%98%8D%E6%80%A7")).await.unwrap();
    b.c().wait().for_element(Locator::Css("ol.hits li")).await.unwrap();
    click_link_containing(&b, "#facets", "MFDS").await;
    b.c().wait().for_element(Locator::Css("#facets a.checked")).await.unwrap();
    let titles = b.texts("ol.hits h2").await;
    assert!(!titles.is_empty() && titles.iter().all(|t| t.starts_with("MFDS")), "{titles:?}");
    b.c().find(Locator::Css("ol.hits h2 a")).await.unwrap().click().await.unwrap();
    let h1 = b.c().wait().for_element(Locator::Css("article.record h1")).await.unwrap().text().await.unwrap();
    assert!(h1.starts_with("MFDS"), "{h1}");
    assert!(b.c().current_url().await.unwrap().as_str().ends_with(".html"));
    b.c()
        .goto(&format!("{root}/compare.html?regulators=pmda,hsa,tfda,nmpa,mfds&baseline=pmda&diff=only"))
        .await
        .unwrap();
    b.c().wait().for_element(Locator::Css("#matrix")).await.unwrap();
    check_diff_only_matrix(&b, &["pmda", "hsa", "tfda", "nmpa", "mfds"]).await;
    b.close().await;
}

/// axe-core (npm), which `make test` installs and names in `AXE_JS`: WCAG 2 A and AA rules,
/// contrast included, on the main pages. Without it this test says so and checks nothing.
#[tokio::test(flavor = "multi_thread")]
async fn main_pages_pass_axe_wcag_aa() {
    let Ok(axe) = std::env::var("AXE_JS").map(|path| std::fs::read_to_string(path).expect("AXE_JS is readable")) else {
        eprintln!("AXE_JS is not set: accessibility check skipped (make test runs it)");
        return;
    };
    let server = Server::start(Path::new("content"), &[]);
    let b = Browser::start().await;
    let mut problems = Vec::new();
    for path in [
        "/",
        "/search?q=tumorigenicity&regulator=pmda",
        "/compare?regulators=pmda,hsa,tfda&baseline=pmda&diff=only",
        "/topics/clinical.long-term-follow-up",
        "/records/pmda/framework.expedited-approval",
        "/regulators/mfds",
        "/glossary",
    ] {
        b.c().goto(&format!("{}{path}", server.base)).await.unwrap();
        b.c().execute(&axe, vec![]).await.unwrap();
        let run = "const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })
               .then(r => done(r.violations.map(v => v.impact + ' ' + v.id + ': ' + v.nodes.length + ' × ' + v.help)));";
        let violations: Vec<String> = serde_json::from_value(b.c().execute_async(run, vec![]).await.unwrap()).unwrap();
        problems.extend(violations.into_iter().map(|v| format!("{path}: {v}")));
    }
    b.close().await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
