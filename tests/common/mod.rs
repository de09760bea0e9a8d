//! What the end-to-end tests share: running the binary and copying fixture trees.
#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Runs the `regkb` binary built for these tests.
pub fn regkb(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regkb")).args(args).output().expect("regkb runs")
}

/// The shipped content exported once per test binary (into `site/`, with `site.zip` beside it),
/// for tests that only read the export: an unoptimised export takes seconds. The folder is named
/// after the test binary under cargo's scratch directory and rewritten on each run.
pub fn shipped_export() -> &'static Path {
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let binary = std::env::current_exe().unwrap();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(binary.file_name().unwrap());
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let (site, zip) = (dir.join("site"), dir.join("site.zip"));
        let run = regkb(&["export", "--out", site.to_str().unwrap(), "--zip", zip.to_str().unwrap()]);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        dir
    })
}

/// Copies `from` into `to`, replacing files that exist.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`.
pub fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let paths = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path());
    paths.flat_map(|p| if p.is_dir() { files_under(&p) } else { vec![p] }).collect()
}

/// A `regkb serve` process on a free loopback port, stopped when dropped.
pub struct Server {
    child: std::process::Child,
    pub base: String,
}

impl Server {
    /// Starts the real server on `content` with extra arguments, and waits until it listens.
    pub fn start(content: &Path, extra: &[&str]) -> Server {
        use std::io::{BufRead, BufReader};
        let mut child = Command::new(env!("CARGO_BIN_EXE_regkb"))
            .args(["serve", "--addr", "127.0.0.1:0", "--content", content.to_str().unwrap()])
            .args(extra)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::inherit())
            .spawn()
            .expect("regkb serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let start = line.find("http://").unwrap_or_else(|| panic!("no URL in {line:?}"));
        let base = line[start..].split_whitespace().next().unwrap().trim_end_matches('/').to_owned();
        Server { child, base }
    }

    /// GETs a path; returns the status, the headers (lower-case names) and the body.
    pub fn get(&self, path: &str) -> Response {
        get(&format!("{}{path}", self.base))
    }

    /// The host and port it listens on.
    pub fn host(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    /// Sends SIGINT, as Ctrl-C does; true if the process then exits within `within`.
    pub fn interrupt(&mut self, within: std::time::Duration) -> bool {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
        let start = std::time::Instant::now();
        while start.elapsed() < within {
            if self.child.try_wait().unwrap().is_some() {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response as the tests see it.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The body as sent, for files that are not text.
    pub bytes: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// A plain HTTP/1.1 GET over a TCP socket: the tests talk to the server as any client would.
pub fn get(url: &str) -> Response {
    send(url, "GET", b"")
}

/// An HTTP/1.1 request with `method` and `body` over a TCP socket.
pub fn send(url: &str, method: &str, body: &[u8]) -> Response {
    request(url, method, &[], body)
}

/// An HTTP/1.1 request with `method`, extra `headers` and `body` over a TCP socket.
pub fn request(url: &str, method: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").expect("http URL");
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = if path.is_empty() { "/" } else { path };
    let mut stream = std::net::TcpStream::connect(host).expect("server accepts connections");
    let length = if body.is_empty() { String::new() } else { format!("Content-Length: {}\r\n", body.len()) };
    let extra: String = headers.iter().map(|(name, value)| format!("{name}: {value}\r\n")).collect();
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: {host}\r\n{length}{extra}Connection: close\r\n\r\n").unwrap();
    // The server may answer (413) before reading the body, and close.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    // A server that refuses a body closes without reading it, which may end in a reset.
    let _ = stream.read_to_end(&mut raw);
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").map_or(raw.len(), |at| at + 4);
    let (head, bytes) = raw.split_at(split);
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Response { status, headers, body: String::from_utf8_lossy(bytes).into_owned(), bytes: bytes.to_vec() }
}

/// Commits the tree at `root` as it is now, dated `when` (RFC 3339), with `message`.
pub fn commit_all(root: &Path, when: &str, message: &str) {
    for args in [&["add", "-A"][..], &["-c", "commit.gpgsign=false", "commit", "-q", "-m", message]] {
        let status = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .env("GIT_AUTHOR_DATE", when)
            .env("GIT_COMMITTER_DATE", when)
            .env("GIT_AUTHOR_NAME", "Working group")
            .env("GIT_AUTHOR_EMAIL", "wg@example.org")
            .env("GIT_COMMITTER_NAME", "Working group")
            .env("GIT_COMMITTER_EMAIL", "wg@example.org")
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }
}

/// A content repository with four dated commits, ending as `tests/fixtures/valid`:
/// - 2025-03-01 "First PMDA records": PMDA iPSC tumorigenicity `expected` (in vivo study
///   `case-by-case`), PMDA MSC tumorigenicity with an earlier summary;
/// - 2025-06-15 "HSA follow-up: first record": the HSA record added;
/// - 2025-10-01 "PMDA iPSC tumorigenicity is required": stance and in vivo study `required`;
/// - 2026-02-01 "MSC summary wording": the MSC record's summary.
///
/// Returns the temporary directory; the content is its `content/` folder.
pub fn history_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    fs::create_dir_all(&root).unwrap();
    let status = Command::new("git").args(["init", "-q"]).arg(&root).status().expect("git runs");
    assert!(status.success());
    copy_tree(Path::new("tests/fixtures/valid"), &root);
    let ipsc = root.join("records/pmda/nonclinical.tumorigenicity--ipsc-derived.md");
    let msc = root.join("records/pmda/nonclinical.tumorigenicity--msc.md");
    let hsa = root.join("records/hsa/clinical.long-term-follow-up.md");
    let (ipsc_now, msc_now, hsa_now) =
        (fs::read_to_string(&ipsc).unwrap(), fs::read_to_string(&msc).unwrap(), fs::read_to_string(&hsa).unwrap());
    let edit = |path: &Path, from: &str, to: &str| {
        let text = fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{from} in {}", path.display());
        fs::write(path, text.replace(from, to)).unwrap();
    };
    edit(&ipsc, "stance: required", "stance: expected");
    edit(&ipsc, "in_vivo_study: required", "in_vivo_study: case-by-case");
    edit(&msc, "summary: For MSC products the need", "summary: The need");
    fs::remove_file(&hsa).unwrap();
    commit_all(&root, "2025-03-01T09:00:00Z", "First PMDA records");
    fs::write(&hsa, hsa_now).unwrap();
    commit_all(&root, "2025-06-15T09:00:00Z", "HSA follow-up: first record");
    fs::write(&ipsc, ipsc_now).unwrap();
    commit_all(&root, "2025-10-01T09:00:00Z", "PMDA iPSC tumorigenicity is required");
    fs::write(&msc, msc_now).unwrap();
    commit_all(&root, "2026-02-01T09:00:00Z", "MSC summary wording");
    dir
}
