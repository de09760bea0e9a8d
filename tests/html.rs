//! Pages judged by an outside validator: the W3C Nu HTML Checker (npm `vnu-jar`, run with Java).
//! `make test` installs it and sets `VNU_JAR`; without it this test says so and checks nothing.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Server, regkb};

#[test]
fn every_page_is_valid_html5() {
    let Ok(jar) = std::env::var("VNU_JAR") else {
        eprintln!("VNU_JAR is not set: HTML validation skipped (make test runs it)");
        return;
    };
    let out = tempfile::tempdir().unwrap();
    // Every page in English; in the other languages, the main pages (their templates are the same).
    assert!(regkb(&["export", "--out", out.path().to_str().unwrap(), "--lang", "en"]).status.success());
    // Server-only states: results with facets, and a compare matrix with a baseline.
    let server = Server::start(Path::new("content"), &[]);
    let mut pages = vec![
        ("search.html".to_owned(), "/search?q=tumourigenicity&regulator=pmda".to_owned()),
        ("compare.html".to_owned(), "/compare?regulators=pmda,hsa&baseline=pmda&diff=only".to_owned()),
        ("empty-search.html".to_owned(), "/search?q=".to_owned()),
    ];
    for lang in ["ja", "zh-Hant", "zh-Hans", "ko"] {
        for (name, path) in [
            ("home", ""),
            ("compare", "compare?regulator=pmda&regulator=hsa&baseline=pmda"),
            ("search", "search?q=%E9%80%A0%E8%85%AB%E7%98%8D%E6%80%A7"),
            ("topic", "topics/nonclinical.tumorigenicity"),
            ("record", "records/pmda/framework.legal-basis"),
            ("definitions", "definitions"),
            ("changes", "changes"),
        ] {
            pages.push((format!("{lang}-{name}.html"), format!("/{lang}/{path}")));
        }
    }
    for (name, path) in pages {
        std::fs::write(out.path().join(format!("server-{name}")), server.get(&path).body).unwrap();
    }
    // Product pages: the shipped content may have none yet, so the fixture's are judged too.
    let fixture = out.path().join("fixture");
    let export = regkb(&["export", "--content", "tests/fixtures/valid", "--out", fixture.to_str().unwrap()]);
    assert!(export.status.success());
    let fixture_server = Server::start(Path::new("tests/fixtures/valid"), &[]);
    for lang in ["", "ja/", "zh-Hant/", "zh-Hans/", "ko/"] {
        for (name, path) in [
            ("products", "products?regulator=pmda&sort=first"),
            ("approvals", "approvals?modality=msc"),
            ("product", "products/stromacel"),
            ("regulator", "regulators/pmda"),
        ] {
            let page = fixture_server.get(&format!("/{lang}{path}")).body;
            std::fs::write(out.path().join(format!("server-{}{name}.html", lang.replace('/', "-"))), page).unwrap();
        }
    }
    let run = Command::new("java")
        .args(["-jar", &jar, "--errors-only", "--skip-non-html"])
        .arg(out.path())
        .output()
        .expect("java runs the validator");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}
