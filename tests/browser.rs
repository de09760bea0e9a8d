//! Headless Chromium, driven through WebDriver (Debian's `chromium` and `chromium-driver`,
//! which `make test` installs): the reader's way through the live site and the offline export.

mod common;

use std::collections::BTreeMap;
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
    let out = common::shipped_export().join("site");
    let root = format!("file://{}", out.display());
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
    b.c().goto(&format!("{root}/search.html?q=*")).await.unwrap();
    let summary = b.c().wait().for_element(Locator::Css("#result-count")).await.unwrap().text().await.unwrap();
    assert!(summary.starts_with("“*” has no searchable words"), "{summary}");
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

/// The rows of the approvals matrix a reader sees: product ids.
async fn visible_matrix_rows(b: &Browser) -> Vec<String> {
    let script = "return Array.from(document.querySelectorAll('#approval-matrix tbody tr')).filter(r => !r.hidden && r.offsetParent !== null).map(r => r.dataset.product)";
    serde_json::from_value(b.c().execute(script, vec![]).await.unwrap()).unwrap()
}

/// Opens a product from the matrix and reads its timeline: the chart's title and description,
/// and the date beside each mark.
async fn open_product_and_read_timeline(b: &Browser, name: &str) -> (String, Vec<String>) {
    click_link_containing(b, "#approval-matrix", name).await;
    b.c().wait().for_element(Locator::Css("figure.timeline svg")).await.unwrap();
    let h1 = b.c().find(Locator::Css("article.product h1")).await.unwrap().text().await.unwrap();
    assert_eq!(h1, name);
    let desc = b.c().execute("return document.getElementById('timeline-title').textContent + ' / ' + document.getElementById('timeline-desc').textContent", vec![]).await.unwrap();
    let dates = b
        .c()
        .execute(
            "return Array.from(document.querySelectorAll('figure.timeline text.date')).map(t => t.textContent)",
            vec![],
        )
        .await
        .unwrap();
    (desc.as_str().unwrap().to_owned(), serde_json::from_value(dates).unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn approvals_matrix_filters_and_product_timeline() {
    let fixture = Path::new("tests/fixtures/valid");
    let server = Server::start(fixture, &[]);
    let b = Browser::start().await;
    b.c().goto(&format!("{}/approvals", server.base)).await.unwrap();
    assert_eq!(visible_matrix_rows(&b).await, ["iprocel", "stromacel"]);
    b.c()
        .find(Locator::Css("#product-filter select[name=modality]"))
        .await
        .unwrap()
        .select_by_value("msc")
        .await
        .unwrap();
    b.c().find(Locator::Css("#product-filter button")).await.unwrap().click().await.unwrap();
    wait_for_url(&b, |u| u.contains("modality=msc")).await;
    assert_eq!(visible_matrix_rows(&b).await, ["stromacel"]);
    let (desc, dates) = open_product_and_read_timeline(&b, "stromacel").await;
    assert!(desc.contains("PMDA: approved 2019-03-26; Lapsed 2024-07."), "{desc}");
    assert_eq!(dates, ["2017-08-30 (first)", "2019-03-26 (+19 mo)", "2020 (+29–40 mo)"]);
    // The export, from file://: the same filter, done by offline.js from the URL.
    let out = tempfile::tempdir().unwrap();
    let export = common::regkb(&["export", "--content", "tests/fixtures/valid", "--out", out.path().to_str().unwrap()]);
    assert!(export.status.success());
    b.c().goto(&format!("file://{}/approvals.html?modality=ipsc-derived", out.path().display())).await.unwrap();
    b.c().wait().for_element(Locator::Css("#approval-matrix")).await.unwrap();
    assert_eq!(visible_matrix_rows(&b).await, ["iprocel"]);
    let selected =
        b.c().find(Locator::Css("#product-filter select[name=modality]")).await.unwrap().prop("value").await.unwrap();
    assert_eq!(selected.as_deref(), Some("ipsc-derived"));
    let (_, dates) = open_product_and_read_timeline(&b, "iprocel").await;
    assert_eq!(dates, ["2025-06-15 (first)", "2026-02 (+8 mo)"]);
    assert!(b.c().current_url().await.unwrap().as_str().ends_with("products/iprocel.html"));
    // The offline search finds a product by its Japanese brand name and links to its page.
    b.c()
        .goto(&format!(
            "file://{}/search.html?q=%E3%82%B9%E3%83%88%E3%83%AD%E3%83%9E%E3%83%93%E3%82%A2",
            out.path().display()
        ))
        .await
        .unwrap();
    b.c().wait().for_element(Locator::Css("ol.hits li")).await.unwrap();
    assert_eq!(b.texts("ol.hits h2").await, ["Product: stromacel (STR-101, Stromavia, ストロマビア)"]);
    b.c().find(Locator::Css("ol.hits h2 a")).await.unwrap().click().await.unwrap();
    let h1 = b.c().wait().for_element(Locator::Css("article.product h1")).await.unwrap().text().await.unwrap();
    assert_eq!(h1, "stromacel");
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
    let fixture = Server::start(Path::new("tests/fixtures/valid"), &[]);
    let b = Browser::start().await;
    let mut problems = Vec::new();
    // Product pages on the fixture, which has products whatever the shipped content holds.
    let products = ["/products?regulator=pmda", "/products/stromacel", "/approvals", "/regulators/pmda"];
    let pages = products.map(|p| (&fixture, p.to_owned())).into_iter().chain(
        [
            "/",
            "/search?q=tumorigenicity&regulator=pmda",
            "/compare?regulators=pmda,hsa,tfda&baseline=pmda&diff=only",
            "/topics/clinical.long-term-follow-up",
            "/records/pmda/framework.expedited-approval",
            "/regulators/mfds",
            "/glossary",
            "/definitions",
            "/changes?kind=stance",
            "/compare?as_of=2026-11-23",
        ]
        .map(|p| (&server, p.to_owned())),
    );
    // The other languages share the templates: each kind of page in one of them, and each of them
    // on its compare page (the most interface text).
    let languages = [
        (&server, "/ja/"),
        (&server, "/zh-Hant/records/pmda/framework.expedited-approval"),
        (&server, "/zh-Hans/definitions"),
        (&server, "/ko/changes?kind=stance"),
        (&fixture, "/ja/approvals"),
        (&fixture, "/ko/products/stromacel"),
    ]
    .map(|(on, p)| (on, p.to_owned()))
    .into_iter()
    .chain(
        ["ja", "zh-Hant", "zh-Hans", "ko"]
            .map(|lang| (&server, format!("/{lang}/compare?regulator=pmda&regulator=hsa&baseline=pmda"))),
    );
    let pages = pages.chain(languages);
    for (on, path) in pages {
        b.c().goto(&format!("{}{path}", on.base)).await.unwrap();
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

/// The regulators ticked in the compare form.
async fn ticked_regulators(b: &Browser) -> Vec<String> {
    let js = "return [...document.querySelectorAll('input[name=regulator]:checked')].map(e => e.value)";
    serde_json::from_value(b.c().execute(js, vec![]).await.unwrap()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn switching_language_on_compare_keeps_the_selection() {
    let server = Server::start(Path::new("content"), &[]);
    let b = Browser::start().await;
    b.c().goto(&format!("{}/compare?regulator=pmda&regulator=hsa&regulator=mfds", server.base)).await.unwrap();
    // The form rewrites the address in place (app.js); the switcher must follow it.
    b.c().find(Locator::Css("input[name=regulator][value=hsa]")).await.unwrap().click().await.unwrap();
    wait_for_url(&b, |u| u.contains("regulator=mfds") && !u.contains("regulator=hsa")).await;
    b.c().find(Locator::Css("select[name=baseline]")).await.unwrap().select_by_value("pmda").await.unwrap();
    b.c().find(Locator::Css("#compare-form button")).await.unwrap().click().await.unwrap();
    wait_for_url(&b, |u| u.contains("baseline=pmda")).await;
    let before = ticked_regulators(&b).await;
    for (tag, heading) in [("ja", "規制当局の比較"), ("ko", "규제기관 비교"), ("en", "Compare regulators")]
    {
        b.c().find(Locator::Css(&format!("nav.languages a[hreflang={tag}]"))).await.unwrap().click().await.unwrap();
        wait_for_url(&b, |u| (tag == "en") != u.contains(&format!("/{tag}/compare?"))).await;
        let h1 = b.c().wait().for_element(Locator::Css("main h1")).await.unwrap().text().await.unwrap();
        assert_eq!(h1, heading);
        let lang: String =
            serde_json::from_value(b.c().execute("return document.documentElement.lang", vec![]).await.unwrap())
                .unwrap();
        assert_eq!(lang, tag);
        assert_eq!(ticked_regulators(&b).await, before, "{tag} keeps the regulators");
        let baseline = b.c().find(Locator::Css("select[name=baseline]")).await.unwrap().prop("value").await.unwrap();
        assert_eq!(baseline.as_deref(), Some("pmda"), "{tag} keeps the baseline");
    }
    assert_eq!(before, ["pmda", "mfds"]);
    b.close().await;
}

/// With Debian's Noto CJK fonts (`make browser-deps` installs them), every character of the
/// CJK pages renders as a glyph: each is drawn in the font its element uses and compared with
/// the drawing of a character no font has (the "tofu" box).
#[tokio::test(flavor = "multi_thread")]
async fn cjk_pages_show_no_missing_glyphs() {
    let fonts = Command::new("fc-list").arg(":lang=ja").output().map(|o| o.stdout).unwrap_or_default();
    if !String::from_utf8_lossy(&fonts).contains("Noto Sans CJK") {
        eprintln!("fonts-noto-cjk is not installed: glyph check skipped (make browser-deps installs it)");
        return;
    }
    let server = Server::start(Path::new("content"), &[]);
    let b = Browser::start().await;
    let check = r"
        const tofu = '\u{10FFFD}';
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 40;
        const g = canvas.getContext('2d');
        const draw = (font, c) => {
          g.clearRect(0, 0, 40, 40); g.font = '28px ' + font; g.fillText(c, 4, 32);
          return g.getImageData(0, 0, 40, 40).data.join();
        };
        const missing = new Set();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const font = getComputedStyle(n.parentElement).fontFamily;
          const box = draw(font, tofu);
          for (const c of n.data.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) || []) {
            if (!missing.has(c) && draw(font, c) === box) missing.add(c);
          }
        }
        return [...missing].join('');";
    let mut problems = Vec::new();
    for lang in ["ja", "zh-Hant", "zh-Hans", "ko"] {
        for page in ["", "compare", "glossary", "records/pmda/framework.legal-basis"] {
            b.c().goto(&format!("{}/{lang}/{page}", server.base)).await.unwrap();
            let missing: String = serde_json::from_value(b.c().execute(check, vec![]).await.unwrap()).unwrap();
            if !missing.is_empty() {
                problems.push(format!("/{lang}/{page}: {missing}"));
            }
        }
    }
    b.close().await;
    assert!(problems.is_empty(), "characters without a glyph:\n{}", problems.join("\n"));
}

/// The value and form of the focused element: `("fda", true)` for FDA's box in the compare form.
async fn focused(b: &Browser) -> (String, bool) {
    let js = "const e = document.activeElement; return [e.value || e.tagName, !!e.closest('#compare-form')]";
    serde_json::from_value(b.c().execute(js, vec![]).await.unwrap()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn compare_filters_by_keyboard_keep_focus_on_the_form() {
    let server = Server::start(Path::new("content"), &[]);
    let b = Browser::start().await;
    b.c().goto(&format!("{}/compare", server.base)).await.unwrap();
    b.c().execute("document.querySelector('input[name=regulator][value=bpom]').focus()", vec![]).await.unwrap();
    let scrolled = "return Math.round(window.scrollY)";
    let before = b.c().execute(scrolled, vec![]).await.unwrap();
    // Space ticks the focused box off; Tab moves to the next one: BPOM, NPRA, then FDA.
    for (i, id) in ["bpom", "npra", "fda"].into_iter().enumerate() {
        if i > 0 {
            b.c().active_element().await.unwrap().send_keys("\u{E004}").await.unwrap();
        }
        b.c().active_element().await.unwrap().send_keys(" ").await.unwrap();
        wait_for_url(&b, |u| u.contains("regulator=pmda") && !u.contains(&format!("regulator={id}"))).await;
        b.c().wait().for_element(Locator::Css(&format!("#matrix:not(:has(th[data-regulator={id}]))"))).await.unwrap();
        assert_eq!(focused(&b).await, (id.to_owned(), true), "focus stays on {id}'s box");
    }
    assert_eq!(b.c().execute(scrolled, vec![]).await.unwrap(), before, "the page did not jump");
    let columns: Vec<String> = serde_json::from_value(
        b.c().execute("return Array.from(document.querySelectorAll('#matrix thead th[data-regulator]')).map(e => e.dataset.regulator)", vec![]).await.unwrap(),
    )
    .unwrap();
    assert_eq!(columns, ["pmda", "hsa", "tfda", "nmpa", "cdsco", "mfds", "ema"]);
    let status = b.c().execute("return document.getElementById('compare-status').textContent", vec![]).await.unwrap();
    assert!(status.as_str().unwrap().ends_with("for 7 regulators."), "a screen reader hears the change: {status}");
    b.close().await;
}

/// Screenshots of the full compare page at a phone's, a laptop's and a wide screen's width, in
/// `target/screenshots/`: no inner box scrolls the matrix; on the widest screen every column
/// fits; on a phone nothing scrolls sideways.
#[tokio::test(flavor = "multi_thread")]
async fn compare_uses_the_page_width_on_any_screen() {
    let server = Server::start(Path::new("content"), &[]);
    let b = Browser::start().await;
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    for width in [390u32, 1280, 1920] {
        b.c().set_window_size(width, 1000).await.unwrap();
        b.c().goto(&format!("{}/compare", server.base)).await.unwrap();
        b.c().wait().for_element(Locator::Css("#matrix")).await.unwrap();
        // No element between the matrix and the page clips or scrolls it.
        let boxes = "const out = []; for (let e = document.getElementById('matrix').parentElement; e !== document.body; e = e.parentElement) {
                const s = getComputedStyle(e); if (s.overflowX !== 'visible' || s.overflowY !== 'visible') out.push(e.className || e.tagName); }
            return out;";
        let boxes: Vec<String> = serde_json::from_value(b.c().execute(boxes, vec![]).await.unwrap()).unwrap();
        assert!(boxes.is_empty(), "{width}px: the matrix scrolls inside {boxes:?}");
        let geometry = "const t = document.getElementById('matrix');
            return [Math.round(t.getBoundingClientRect().right), window.innerWidth, document.documentElement.scrollWidth];";
        let [right, viewport, page]: [i64; 3] =
            serde_json::from_value(b.c().execute(geometry, vec![]).await.unwrap()).unwrap();
        if width == 1920 {
            assert!(right <= viewport, "{width}px: the last column ends at {right}px, past {viewport}px");
        }
        if width == 390 {
            assert!(page <= viewport, "{width}px: the page scrolls sideways ({page}px wide)");
            let to_matrix = "const top = document.querySelector('#matrix tbody').getBoundingClientRect().top;
                window.scrollTo({ top: top + window.scrollY, behavior: 'instant' });";
            b.c().execute(to_matrix, vec![]).await.unwrap();
        }
        std::fs::write(out.join(format!("compare-{width}.png")), b.c().screenshot().await.unwrap()).unwrap();
    }
    b.close().await;
}

/// The judged queries of `tests/relevance/queries.yaml`, only their text.
fn judged_queries() -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Judged {
        query: String,
    }
    let text = std::fs::read_to_string("tests/relevance/queries.yaml").unwrap();
    let judged: Vec<Judged> = serde_saphyr::from_str(&text).unwrap();
    judged.into_iter().map(|j| j.query).collect()
}

/// The offline search of the export answers the judged queries, and a few phrases, as the server
/// does: the same totals and facet counts, nearly always the same top 10 in the same order, and on
/// average at least 90 % of each top 10 the same records; with facet filters too.
#[tokio::test(flavor = "multi_thread")]
async fn the_export_answers_the_judged_queries_as_the_server_does() {
    let out = common::shipped_export().join("site");
    let content = indexer::load_clean(Path::new("content")).expect("the shipped content is valid");
    let index = indexer::index::SearchIndex::build(std::sync::Arc::new(content)).unwrap();
    let b = Browser::start().await;
    b.c().goto(&format!("file://{}/search.html", out.display())).await.unwrap();
    b.c().wait().for_element(Locator::Css("#result-count")).await.unwrap();
    let mut queries = judged_queries();
    // Phrases match as phrases: in order, the words next to each other.
    queries.extend(["\"gene therapy\"", "\"therapy gene\"", "\"follow-up long-term\"", ""].map(String::from));
    let mut overlap = 0.0;
    let mut differ = Vec::new();
    let mut facets = Vec::new();
    let mut totals = Vec::new();
    let mut reordered = 0;
    // Filtered: one regulator; one regulator and one stance (a facet's counts leave its own filter out).
    let filtered = [("cell therapy", "pmda", ""), ("tumorigenicity", "mfds", ""), ("gene therapy", "fda", "required")];
    let requests: Vec<_> = queries.iter().map(|q| (q.as_str(), "", "")).chain(filtered).collect();
    let list = |value: &str| if value.is_empty() { vec![] } else { vec![value.to_string()] };
    for &(query, regulator, stance) in &requests {
        let (regulators, stances) = (list(regulator), list(stance));
        let request = indexer::search::SearchRequest {
            query: query.to_string(),
            limit: Some(10),
            regulator: regulators.clone(),
            stance: stances.clone(),
            ..Default::default()
        };
        let results = index.search(&request).unwrap();
        let server: Vec<String> = results.hits.iter().map(|h| h.id.to_string()).collect();
        let filters = serde_json::json!({ "regulator": regulators, "stance": stances });
        let script = "return window.regkbSearch(arguments[0], 10, arguments[1]);";
        let found = b.c().execute(script, vec![query.into(), filters]).await.unwrap();
        let offline: Vec<String> = serde_json::from_value(found["ids"].clone()).unwrap();
        let total = found["total"].as_u64().unwrap() as usize;
        let query = format!("{query} [{regulator} {stance}]");
        if total != results.total {
            totals.push(format!("{query}: server {}, offline {total}", results.total));
        }
        let counts: BTreeMap<String, BTreeMap<String, usize>> =
            serde_json::from_value(found["facets"].clone()).unwrap();
        let server_counts: BTreeMap<String, BTreeMap<String, usize>> = results
            .facets
            .iter()
            .map(|(f, values)| (f.to_string(), values.iter().map(|(v, n)| (v.to_string(), *n)).collect()))
            .collect();
        if counts != server_counts {
            facets.push(format!("{query}:\n  server  {server_counts:?}\n  offline {counts:?}"));
        }
        if offline != server {
            reordered += 1;
        }
        let shared = offline.iter().filter(|id| server.contains(id)).count();
        let share = if server.is_empty() && offline.is_empty() {
            1.0
        } else {
            shared as f64 / server.len().max(offline.len()) as f64
        };
        if share < 0.9 {
            differ.push(format!("{query}: {share:.2}\n  server  {server:?}\n  offline {offline:?}"));
        }
        overlap += share;
    }
    let mean = overlap / requests.len() as f64;
    println!("mean top-10 overlap {mean:.3}; {reordered} in another order; below 0.9:\n{}", differ.join("\n"));
    println!("totals that differ:\n{}", totals.join("\n"));
    assert!(mean >= 0.9, "mean top-10 overlap {mean:.3}:\n{}", differ.join("\n"));
    assert!(totals.is_empty(), "totals differ:\n{}", totals.join("\n"));
    assert!(facets.is_empty(), "facet counts differ:\n{}", facets.join("\n"));
    // The same scores give the same order; f32 on the server and f64 in the browser may still
    // break a near tie the other way.
    assert!(reordered <= 3, "{reordered} queries' top 10 in another order");
    b.close().await;
}

/// On the export's search page a query, a facet and the way back are answered in place: the
/// address changes, the page and the index it has loaded stay.
#[tokio::test(flavor = "multi_thread")]
async fn the_exported_search_answers_in_place() {
    let out = common::shipped_export().join("site");
    let b = Browser::start().await;
    b.c().goto(&format!("file://{}/search.html?q=tumorigenicity", out.display())).await.unwrap();
    b.c().wait().for_element(Locator::Css("#results[data-index-files]")).await.unwrap();
    let first = b.texts("ol.hits h2").await;
    // Each answer stamps #results with how long it took: the stamp is cleared before each asking.
    let unstamp = "document.getElementById('results').removeAttribute('data-answer-ms');";
    b.c().execute(&format!("window.samePage = true; {unstamp}"), vec![]).await.unwrap();
    let input = b.c().find(Locator::Css("#q")).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys("long-term follow-up\n").await.unwrap();
    b.c().wait().for_element(Locator::Css("#results[data-answer-ms]")).await.unwrap();
    wait_for_url(&b, |url| url.contains("q=long-term+follow-up")).await;
    let second = b.texts("ol.hits h2").await;
    assert!(!second.is_empty() && second != first, "{second:?}");
    let state =
        "return [window.samePage === true, document.querySelectorAll('script[src$=\"search-index.js\"]').length];";
    assert_eq!(b.c().execute(state, vec![]).await.unwrap(), serde_json::json!([true, 1]));
    // A facet: the hits of one regulator, and reading goes on from the count.
    b.c().execute(unstamp, vec![]).await.unwrap();
    click_link_containing(&b, "#facets", "PMDA").await;
    b.c().wait().for_element(Locator::Css("#results[data-answer-ms]")).await.unwrap();
    wait_for_url(&b, |url| url.contains("regulator=pmda")).await;
    let filtered = b.texts("ol.hits h2").await;
    // PMDA's records, and the products it approved.
    let pmda = |t: &String| t.starts_with("PMDA") || t.starts_with("Product:");
    assert!(filtered.iter().any(|t| t.starts_with("PMDA")) && filtered.iter().all(pmda), "{filtered:?}");
    let focused = b.c().execute("return document.activeElement.id;", vec![]).await.unwrap();
    assert_eq!(focused, "result-count");
    // Back: the answer before the facet, still on the same page.
    b.c().execute(&format!("{unstamp} history.back();"), vec![]).await.unwrap();
    b.c().wait().for_element(Locator::Css("#results[data-answer-ms]")).await.unwrap();
    assert_eq!(b.texts("ol.hits h2").await, second);
    assert_eq!(b.c().execute(state, vec![]).await.unwrap(), serde_json::json!([true, 1]));
    // Busy only while an answer is on its way.
    let busy = "return document.getElementById('results').getAttribute('aria-busy');";
    assert_eq!(b.c().execute(busy, vec![]).await.unwrap(), serde_json::Value::Null);
    b.close().await;
}

/// The export analyses text as the server does, the English stemmer included: every content file
/// of the shipped content, and its English words with the endings the stemmer takes off, give the
/// same terms in the browser as in `indexer::analysis`.
#[tokio::test(flavor = "multi_thread")]
async fn the_export_analyses_text_as_the_server_does() {
    let out = common::shipped_export().join("site");
    let files = common::files_under(Path::new("content"));
    let mut texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    let mut words: Vec<String> = texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.dedup();
    let endings = [
        "s", "es", "ies", "ed", "ing", "ingly", "edly", "ly", "ness", "ational", "ization", "fulness", "ement", "ive",
        "ous", "er", "e", "y", "li", "ogi",
    ];
    // Words that are names of Object.prototype's members too, and letters beyond the BMP (Gothic).
    texts.push(
        "constructor toString valueOf __proto__ hasOwnProperty \u{10330}bcdies b\u{10330}yed \u{10330}ies".into(),
    );
    texts.extend(words.chunks(200).map(|ws| ws.iter().flat_map(|w| endings.map(|e| format!("{w}{e} "))).collect()));
    let b = Browser::start().await;
    b.c().goto(&format!("file://{}/search.html", out.display())).await.unwrap();
    b.c().wait().for_element(Locator::Css("#result-count")).await.unwrap();
    let mut differ = Vec::new();
    for chunk in texts.chunks(20) {
        let ours = b.c().execute("return arguments[0].map(window.regkbTerms);", vec![chunk.into()]).await.unwrap();
        let ours: Vec<Vec<String>> = serde_json::from_value(ours).unwrap();
        for (text, ours) in chunk.iter().zip(ours) {
            let server = indexer::analysis::terms(text);
            let (a, b) = (server.iter(), ours.iter());
            differ
                .extend(a.zip(b).filter(|(s, o)| s != o).take(3).map(|(s, o)| format!("server {s:?}, offline {o:?}")));
            if server.len() != ours.len() {
                differ.push(format!("{} terms on the server, {} offline: {:.80}", server.len(), ours.len(), text));
            }
        }
    }
    assert!(differ.is_empty(), "{} differences:\n{}", differ.len(), differ[..differ.len().min(40)].join("\n"));
    b.close().await;
}

/// A query reads the index's head, the shards of its terms and the fragments of the hits on
/// screen, not the whole index; the next query on the page keeps what it has.
#[tokio::test(flavor = "multi_thread")]
async fn the_exported_search_reads_only_what_a_query_needs() {
    let out = common::shipped_export().join("site");
    let names: Vec<String> =
        std::fs::read_dir(out.join("static")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    let shards = names.iter().filter(|n| n.starts_with("search-shard-")).count();
    // Even the shipped content is split, so that reading one or two shards is reading a fraction.
    assert!(shards >= 5, "{shards} shards");
    let b = Browser::start().await;
    b.c().goto(&format!("file://{}/search.html?q=tumorigenicity", out.display())).await.unwrap();
    b.c().wait().for_element(Locator::Css("#results[data-index-files]")).await.unwrap();
    let read = b.c().execute("return document.getElementById('results').dataset.indexFiles;", vec![]).await.unwrap();
    let read: Vec<&str> = read.as_str().unwrap().split(' ').collect();
    let of = |prefix: &str| read.iter().filter(|n| n.starts_with(prefix)).count();
    assert_eq!(of("search-index.js"), 1, "{read:?}");
    assert!((1..=2).contains(&of("search-shard-")), "{read:?}");
    assert_eq!(of("search-lengths.js"), 1, "{read:?}");
    assert_eq!(of("search-positions-") + of("search-term-positions-"), 0, "a word needs no positions: {read:?}");
    let hits = b.texts("ol.hits h2").await.len();
    assert_eq!(of("search-docs-"), hits, "{read:?}");
    // By the first results, only the first five hits' fragments were read, besides the terms'.
    let first = b.c().execute("return document.getElementById('results').dataset.readyFiles;", vec![]).await.unwrap();
    let first: Vec<&str> = first.as_str().unwrap().split(' ').collect();
    assert!(first.iter().all(|f| read.contains(f)), "{first:?} / {read:?}");
    assert_eq!(first.iter().filter(|n| n.starts_with("search-docs-")).count(), hits.min(5), "{first:?}");
    assert!(first.iter().any(|n| n.starts_with("search-shard-")), "{first:?}");
    // A second search on the page loads only what it lacks: nothing, for the same query.
    let again = "return window.regkbSearch('tumorigenicity', 10).then(r => [r.total, document.querySelectorAll('script[src*=\"search-\"]').length]);";
    let before: usize = serde_json::from_value(
        b.c().execute("return document.querySelectorAll('script[src*=\"search-\"]').length;", vec![]).await.unwrap(),
    )
    .unwrap();
    let after: (usize, usize) = serde_json::from_value(b.c().execute(again, vec![]).await.unwrap()).unwrap();
    assert!(after.0 >= hits, "{after:?}");
    assert_eq!(after.1, before);
    // A phrase reads its words' positions too.
    let phrase = "return window.regkbSearch('\"therapy gene\"', 10).then(r => [r.total, document.querySelectorAll('script[src*=\"positions-\"]').length]);";
    let phrased: (usize, usize) = serde_json::from_value(b.c().execute(phrase, vec![]).await.unwrap()).unwrap();
    assert!(phrased.1 >= 1, "{phrased:?}");
    // Only asked for, the page stamps when each step of the query ended, in order.
    let phases = "return document.getElementById('results').dataset.phases || null;";
    assert_eq!(b.c().execute(phases, vec![]).await.unwrap(), serde_json::Value::Null);
    b.c().goto(&format!("file://{}/search.html?q=tumorigenicity&timing", out.display())).await.unwrap();
    b.c().wait().for_element(Locator::Css("#results[data-phases]")).await.unwrap();
    let stamped = b.c().execute(phases, vec![]).await.unwrap();
    let stamped: Vec<(&str, u64)> = stamped
        .as_str()
        .unwrap()
        .split(' ')
        .map(|p| p.split_once('=').map(|(name, ms)| (name, ms.parse().unwrap())).unwrap())
        .collect();
    let names: Vec<&str> = stamped.iter().map(|(name, _)| *name).filter(|n| *n != "round").collect();
    assert_eq!(names, ["loaded", "head", "columns", "searched", "fragments", "rest"], "{stamped:?}");
    assert!(stamped.iter().any(|(name, _)| *name == "round"), "{stamped:?}");
    assert!(stamped.windows(2).all(|w| w[0].1 <= w[1].1), "{stamped:?}");
    b.close().await;
}

/// How many elements match `css` and are on screen.
async fn visible(b: &Browser, css: &str) -> usize {
    let script =
        "return Array.from(document.querySelectorAll(arguments[0])).filter(e => e.getClientRects().length > 0).length";
    serde_json::from_value(b.c().execute(script, vec![css.into()]).await.unwrap()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_exported_compare_page_agrees_with_the_server() {
    let out = common::shipped_export().join("site");
    let server = Server::start(Path::new("content"), &[]);
    let b = Browser::start().await;
    let open = |query: &str| format!("file://{}/compare.html?{query}", out.display());
    let on_server = |query: &str| server.get(&format!("/compare?{query}")).body;
    for query in ["baseline=zzz", "baseline=PMDA", "regulators=pmda,hsa&baseline=fda", "modality=car-t", "domain=zzz"] {
        b.c().goto(&open(query)).await.unwrap();
        b.c().wait().for_element(Locator::Css("#matrix")).await.unwrap();
        let served = on_server(query);
        assert_eq!(visible(&b, "td.differs").await, served.matches("class=\"differs\"").count(), "{query}: Δ cells");
        let no_record = served.matches("<span class=\"muted no-record\">No record</span>").count();
        assert_eq!(visible(&b, ".no-record").await, no_record, "{query}: cells with no record");
        assert_eq!(visible(&b, "tr[data-agrees]").await, served.matches("<tr data-agrees").count(), "{query}: rows");
        let baseline = b.c().find(Locator::Css("select[name=baseline]")).await.unwrap();
        assert_eq!(baseline.prop("value").await.unwrap().as_deref(), Some(""), "{query}: the baseline shows None");
        assert_eq!(visible(&b, ".no-match").await, 0, "{query}");
    }
    assert!(on_server("modality=car-t").contains("<span class=\"muted no-record\">No record</span>"));
    let offered = "return Array.from(document.querySelector('select[name=baseline]').options).filter(o => !o.hidden).map(o => o.value)";
    b.c().goto(&open("regulators=pmda,hsa&baseline=fda")).await.unwrap();
    let offered: Vec<String> = serde_json::from_value(b.c().execute(offered, vec![]).await.unwrap()).unwrap();
    assert_eq!(offered, ["", "pmda", "hsa"], "the baseline offers only the regulators compared");
    b.c().goto(&open("regulators=pmda&diff=only")).await.unwrap();
    b.c().wait().for_element(Locator::Css("#matrix")).await.unwrap();
    let none = b.texts(".no-match").await;
    assert_eq!(
        none,
        ["No topic matches: with “differences only”, every selected regulator agrees on every topic shown."]
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn scripts_write_the_page_language() {
    use site::i18n::{Lang, t_args};
    let server = Server::start(Path::new("content"), &[]);
    let b = Browser::start().await;
    b.c().goto(&format!("{}/ja/compare?regulator=pmda&regulator=hsa&regulator=mfds", server.base)).await.unwrap();
    b.c().find(Locator::Css("input[name=regulator][value=hsa]")).await.unwrap().click().await.unwrap();
    wait_for_url(&b, |u| u.contains("regulator=mfds") && !u.contains("regulator=hsa")).await;
    let read = "return document.getElementById('compare-status').textContent";
    let mut status = String::new();
    for _ in 0..50 {
        status = serde_json::from_value(b.c().execute(read, vec![]).await.unwrap()).unwrap();
        if !status.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let regulators = t_args(Lang::Ja, "compare-status-regulators", &[("n", 2.into())]);
    assert!(status.contains(&regulators) && !status.contains("Showing"), "{status}");

    let out = common::shipped_export().join("site");
    let page = |path: &str| format!("file://{}/{path}", out.display());
    let query = "長期フォローアップ";
    let q: String = form_urlencoded::byte_serialize(query.as_bytes()).collect();
    b.c().goto(&page(&format!("ja/search.html?q={q}"))).await.unwrap();
    b.c().wait().for_element(Locator::Css("ol.hits li")).await.unwrap();
    let summary = b.c().find(Locator::Css("#result-count")).await.unwrap().text().await.unwrap();
    let hits: usize = summary.rsplit('：').next().unwrap().trim_end_matches(" 件").parse().expect(&summary);
    assert_eq!(summary, t_args(Lang::Ja, "search-matches", &[("n", hits.into()), ("query", query.into())]));
    let facets = b.texts("#facets h2").await;
    assert_eq!(facets[0], site::i18n::t(Lang::Ja, "facet-regulator"), "{facets:?}");
    let stances = b.texts("#facets section:last-child a").await;
    assert!(stances.iter().any(|s| s.contains(&site::i18n::t(Lang::Ja, "stance-required"))), "{stances:?}");
    // The product filter's count, which the page writes for every product and the script for
    // those the address filters to.
    let numbers = |text: &str| -> Vec<usize> {
        text.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).map(|n| n.parse().unwrap()).collect()
    };
    b.c().goto(&page("products.html?modality=car-t")).await.unwrap();
    let count = b.c().wait().for_element(Locator::Css("#product-count")).await.unwrap().text().await.unwrap();
    let [shown, total] = numbers(&count)[..] else { panic!("{count}") };
    assert!(shown < total && count == format!("{shown} of {total} products"), "{count}");
    b.c().goto(&page("ja/products.html?modality=car-t")).await.unwrap();
    let count = b.c().wait().for_element(Locator::Css("#product-count")).await.unwrap().text().await.unwrap();
    let shown_total = [("shown", shown.into()), ("total", total.into())];
    assert_eq!(count, t_args(Lang::Ja, "products-count", &shown_total));
    b.close().await;
}
