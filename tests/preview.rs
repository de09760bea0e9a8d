//! Live preview (`regkb serve --watch`): a broken file keeps the last good site serving and
//! puts its error in every page's banner; fixing it clears the banner and shows the change.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{Server, copy_tree};

/// Polls `path` until its body satisfies `ready`, for at most ten seconds.
fn wait_for(server: &Server, path: &str, ready: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let page = server.get(path);
        if ready(&page.body) {
            return page.body;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{path} never became ready:\n{}", page.body);
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_broken_file_keeps_the_site_and_shows_the_error_until_fixed() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    let server = Server::start(dir.path(), &["--watch"]);
    let record = dir.path().join("records/hsa/clinical.long-term-follow-up.md");
    let page = "/records/hsa/clinical.long-term-follow-up";
    let good = fs::read_to_string(&record).unwrap();
    assert!(server.get(page).body.contains("Not yet researched."));
    assert!(!server.get("/").body.contains("notice-errors"));
    assert_eq!(server.get("/api/search?q=zanzibar").json()["total"], 0, "and that answer is now cached");

    fs::write(&record, good.replace("stance: unknown", "stance: unknwon")).unwrap();
    let broken = wait_for(&server, "/", |body| body.contains("notice-errors"));
    assert!(broken.contains("clinical.long-term-follow-up.md:4:9: error[invalid-value]"), "{broken}");
    let still = server.get(page);
    assert_eq!(still.status, 200, "the last good site keeps serving");
    assert!(still.body.contains("Not yet researched.") && still.body.contains("notice-errors"));

    fs::write(&record, good.replace("Not yet researched.", "Researched at last, in Zanzibar.")).unwrap();
    let fixed = wait_for(&server, page, |body| body.contains("Researched at last"));
    assert!(!fixed.contains("notice-errors"), "the banner goes when the file is fixed");
    assert_eq!(server.get("/api/search?q=zanzibar").json()["total"], 1, "a rebuild does not answer from an old cache");
}

#[test]
fn pages_of_a_watched_site_listen_for_reloads() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    let watched = Server::start(dir.path(), &["--watch"]);
    assert!(watched.get("/").body.contains("<meta name=\"regkb-live\" content=\"/preview/events\">"));
    let plain = Server::start(dir.path(), &[]);
    assert!(!plain.get("/").body.contains("regkb-live"));
}
