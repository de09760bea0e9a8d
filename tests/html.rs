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
    assert!(regkb(&["export", "--out", out.path().to_str().unwrap()]).status.success());
    // Server-only states: results with facets, and a compare matrix with a baseline.
    let server = Server::start(Path::new("content"), &[]);
    for (name, path) in [
        ("search.html", "/search?q=tumourigenicity&regulator=pmda"),
        ("compare.html", "/compare?regulators=pmda,hsa&baseline=pmda&diff=only"),
        ("empty-search.html", "/search?q="),
    ] {
        std::fs::write(out.path().join(format!("server-{name}")), server.get(path).body).unwrap();
    }
    // Product pages: the shipped content may have none yet, so the fixture's are judged too.
    let fixture = out.path().join("fixture");
    let export = regkb(&["export", "--content", "tests/fixtures/valid", "--out", fixture.to_str().unwrap()]);
    assert!(export.status.success());
    let fixture_server = Server::start(Path::new("tests/fixtures/valid"), &[]);
    for (name, path) in
        [("products.html", "/products?regulator=pmda&sort=first"), ("approvals.html", "/approvals?modality=msc")]
    {
        std::fs::write(out.path().join(format!("server-{name}")), fixture_server.get(path).body).unwrap();
    }
    let run = Command::new("java")
        .args(["-jar", &jar, "--errors-only", "--skip-non-html"])
        .arg(out.path())
        .output()
        .expect("java runs the validator");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}
