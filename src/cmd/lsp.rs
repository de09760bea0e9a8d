//! `regkb lsp`: a language server on standard input and output, for editors. It publishes the
//! diagnostics of `regkb check` for every content file when a file is opened or saved, and in a
//! record's front matter completes the values of `stance`, `status`, `regulator`, `topic`,
//! `modalities` and a citation's `id`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use indexer::date::Date;
use indexer::model::{Stance, Status};
use lsp_server::{Connection, Message, Notification, Request, Response};
use serde_json::{Value, json};

/// Serves until the editor shuts the server down.
pub fn run(content: &Path) -> anyhow::Result<()> {
    super::existing_dir(content)?;
    let root = content.canonicalize()?;
    let (connection, io) = Connection::stdio();
    let capabilities = json!({
        "textDocumentSync": { "openClose": true, "change": 1, "save": true },
        "completionProvider": { "triggerCharacters": [" ", "[", ","] },
    });
    connection.initialize(capabilities)?;
    let mut server = Server { root, open: HashMap::new(), published: HashSet::new(), content: Default::default() };
    server.publish(&connection)?;
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    break;
                }
                connection.sender.send(Message::Response(server.answer(request)))?;
            }
            Message::Notification(notification) => server.notified(&connection, notification)?,
            Message::Response(_) => {}
        }
    }
    // The writer thread ends when the last sender is gone.
    drop(connection);
    io.join()?;
    Ok(())
}

struct Server {
    root: PathBuf,
    /// The text of each open document, by URI, as the editor last sent it.
    open: HashMap<String, String>,
    /// The URIs diagnostics were last published for, to clear them once fixed.
    published: HashSet<String>,
    content: indexer::Content,
}

impl Server {
    fn notified(&mut self, connection: &Connection, n: Notification) -> anyhow::Result<()> {
        let document = &n.params["textDocument"];
        let uri = document["uri"].as_str().unwrap_or_default().to_owned();
        match n.method.as_str() {
            "textDocument/didOpen" => {
                self.open.insert(uri, document["text"].as_str().unwrap_or_default().to_owned());
                self.publish(connection)?;
            }
            "textDocument/didChange" => {
                if let Some(text) = n.params["contentChanges"].as_array().and_then(|c| c.last()) {
                    self.open.insert(uri, text["text"].as_str().unwrap_or_default().to_owned());
                }
            }
            "textDocument/didSave" => self.publish(connection)?,
            "textDocument/didClose" => {
                self.open.remove(&uri);
            }
            _ => {}
        }
        Ok(())
    }

    /// Checks the tree on disk and publishes each file's diagnostics, clearing those of files now clean.
    fn publish(&mut self, connection: &Connection) -> anyhow::Result<()> {
        let checked = indexer::check(&self.root, Date::today());
        let mut by_file: HashMap<String, Vec<Value>> = HashMap::new();
        for d in &checked.diagnostics {
            let at = json!({ "line": d.line.saturating_sub(1), "character": d.column.saturating_sub(1) });
            let severity = if d.severity == indexer::Severity::Error { 1 } else { 2 };
            by_file.entry(uri_of(Path::new(&d.path))).or_default().push(json!({
                "range": { "start": at, "end": at },
                "severity": severity,
                "code": d.code,
                "source": "regkb",
                "message": d.message,
            }));
        }
        for uri in self.published.difference(&by_file.keys().cloned().collect()).cloned().collect::<Vec<_>>() {
            by_file.insert(uri, Vec::new());
        }
        for (uri, diagnostics) in &by_file {
            let params = json!({ "uri": uri, "diagnostics": diagnostics });
            let note = Notification::new("textDocument/publishDiagnostics".to_owned(), params);
            connection.sender.send(Message::Notification(note))?;
        }
        self.published = by_file.into_iter().filter(|(_, d)| !d.is_empty()).map(|(uri, _)| uri).collect();
        self.content = checked.content;
        Ok(())
    }

    fn answer(&self, request: Request) -> Response {
        if request.method != "textDocument/completion" {
            let message = format!("regkb lsp does not answer {}", request.method);
            return Response::new_err(request.id, lsp_server::ErrorCode::MethodNotFound as i32, message);
        }
        let uri = request.params["textDocument"]["uri"].as_str().unwrap_or_default();
        let position = &request.params["position"];
        let line = position["line"].as_u64().unwrap_or(0) as usize;
        let character = position["character"].as_u64().unwrap_or(0) as usize;
        let text = self.open.get(uri).map(String::as_str).unwrap_or_default();
        let before: String = text.lines().nth(line).unwrap_or_default().chars().take(character).collect();
        let items: Vec<Value> = self
            .values(field_of(&before), regulator_folder(uri))
            .into_iter()
            .map(|(label, detail)| json!({ "label": label, "detail": detail }))
            .collect();
        Response::new_ok(request.id, json!({ "isIncomplete": false, "items": items }))
    }

    /// The values `field` takes, with a short description each; a citation's ids are those of
    /// the record's regulator.
    fn values(&self, field: Option<&str>, regulator: Option<&str>) -> Vec<(String, String)> {
        let c = &self.content;
        match field {
            Some("stance") => Stance::ALL.iter().map(|s| (s.as_str().to_owned(), s.label().to_owned())).collect(),
            Some("status") => Status::ALL.iter().map(|s| (s.as_str().to_owned(), String::new())).collect(),
            Some("regulator") => c.regulators.iter().map(|r| (r.id.value.clone(), r.name.clone())).collect(),
            Some("topic") => c.topics.iter().map(|t| (t.id.value.clone(), t.title.clone())).collect(),
            Some("modalities") => c.modalities.iter().map(|m| (m.id.value.clone(), m.title.clone())).collect(),
            Some("id") => c
                .sources
                .iter()
                .filter(|s| regulator.is_none_or(|r| s.regulator.value == r))
                .map(|s| (s.id.value.clone(), s.title.clone()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The field whose value the text before the cursor is in: `stance: ` → `stance`, `  - id: ` → `id`.
fn field_of(before: &str) -> Option<&str> {
    let rest = before.trim_start();
    let rest = rest.strip_prefix("- ").unwrap_or(rest);
    let (key, _) = rest.split_once(':')?;
    key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_').then_some(key)
}

/// The regulator folder of a record's URI (`…/records/pmda/x.md` → `pmda`).
fn regulator_folder(uri: &str) -> Option<&str> {
    let (_, rest) = uri.rsplit_once("/records/")?;
    rest.split_once('/').map(|(folder, _)| folder)
}

/// The `file://` URI of a path, with the characters a URI path cannot hold percent-encoded.
fn uri_of(path: &Path) -> String {
    let mut uri = String::from("file://");
    for b in path.display().to_string().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}
