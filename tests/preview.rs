//! Live preview (`regkb serve --watch`): a broken file keeps the last good site serving and
//! puts its error in every page's banner; fixing it clears the banner and shows the change.

mod common;

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
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

/// A reader of `/preview/events`, as an open page's EventSource is.
struct ReloadStream {
    stream: TcpStream,
    seen: String,
}

impl ReloadStream {
    /// Connects, and waits for the response head so that the stream is surely subscribed.
    fn open(server: &Server) -> ReloadStream {
        let mut stream = TcpStream::connect(server.host()).unwrap();
        write!(stream, "GET /preview/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n", server.host())
            .unwrap();
        let mut reader = ReloadStream { stream, seen: String::new() };
        let start = Instant::now();
        while !reader.seen.contains("\r\n\r\n") && start.elapsed() < Duration::from_secs(5) {
            reader.read_for(Duration::from_millis(100));
        }
        assert!(reader.seen.starts_with("HTTP/1.1 200"), "{}", reader.seen);
        reader
    }

    /// Reads what arrives during `window`.
    fn read_for(&mut self, window: Duration) {
        let end = Instant::now() + window;
        let mut buf = [0; 4096];
        while let Some(left) = end.checked_duration_since(Instant::now()).filter(|d| !d.is_zero()) {
            self.stream.set_read_timeout(Some(left)).unwrap();
            match self.stream.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => {}
            }
        }
    }

    /// The reload events received during the next `window`.
    fn reloads_during(&mut self, window: Duration) -> usize {
        self.seen.clear();
        self.read_for(window);
        self.seen.matches("event: reload").count()
    }
}

#[test]
fn an_idle_site_never_reloads_and_one_edit_reloads_once() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    let server = Server::start(dir.path(), &["--watch"]);
    let mut events = ReloadStream::open(&server);
    assert_eq!(events.reloads_during(Duration::from_secs(3)), 0, "reloads with nothing edited");
    let record = dir.path().join("records/hsa/clinical.long-term-follow-up.md");
    let text = fs::read_to_string(&record).unwrap();
    fs::write(&record, text.replace("Not yet researched.", "Researched once.")).unwrap();
    assert_eq!(events.reloads_during(Duration::from_secs(3)), 1, "reloads after one edit");
    assert!(server.get("/records/hsa/clinical.long-term-follow-up").body.contains("Researched once."));
}

#[test]
fn ctrl_c_stops_a_watched_server_with_a_page_listening() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    let mut server = Server::start(dir.path(), &["--watch"]);
    let _listening = ReloadStream::open(&server);
    assert!(server.interrupt(Duration::from_secs(3)), "still running 3 s after SIGINT");
}

#[test]
fn pages_of_a_watched_site_listen_for_reloads() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    let watched = Server::start(dir.path(), &["--watch"]);
    assert!(watched.get("/").body.contains("<meta name=\"regkb-live\" content=\"/preview/events\">"));
    let plain = Server::start(dir.path(), &[]);
    assert!(!plain.get("/").body.contains("regkb-live"));
    assert_eq!(plain.get("/preview/events").status, 404, "no reload stream without --watch");
}
