//! `regkb lsp` spoken to as an editor would: JSON-RPC over the process's stdin and stdout.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{ChildStdout, Command, Stdio};

use serde_json::{Value, json};

fn send(to: &mut impl Write, message: Value) {
    let body = message.to_string();
    write!(to, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    to.flush().unwrap();
}

fn receive(from: &mut BufReader<ChildStdout>) -> Value {
    let mut length = 0;
    loop {
        let mut header = String::new();
        from.read_line(&mut header).unwrap();
        if header.trim().is_empty() {
            break;
        }
        if let Some(n) = header.trim().strip_prefix("Content-Length: ") {
            length = n.parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    from.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

/// Reads messages until one satisfies `wanted`.
fn until(from: &mut BufReader<ChildStdout>, wanted: impl Fn(&Value) -> bool) -> Value {
    loop {
        let message = receive(from);
        if wanted(&message) {
            return message;
        }
    }
}

#[test]
fn publishes_check_diagnostics_and_completes_values() {
    let tree = tempfile::tempdir().unwrap();
    common::copy_tree(Path::new("tests/fixtures/valid"), tree.path());
    let record = tree.path().join("records/hsa/clinical.long-term-follow-up.md");
    let text = std::fs::read_to_string(&record).unwrap().replace("stance: unknown", "stance: expectd");
    std::fs::write(&record, &text).unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_regkb"))
        .args(["lsp", "--content", tree.path().to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut input, mut output) = (server.stdin.take().unwrap(), BufReader::new(server.stdout.take().unwrap()));
    send(&mut input, json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } }));
    let init = until(&mut output, |m| m["id"] == 1);
    assert!(init["result"]["capabilities"]["completionProvider"].is_object(), "{init}");
    send(&mut input, json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));

    let uri = format!("file://{}", record.canonicalize().unwrap().display());
    let open = json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } });
    send(&mut input, json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": open }));
    let published =
        until(&mut output, |m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri.as_str());
    let diagnostic = &published["params"]["diagnostics"][0];
    assert_eq!(diagnostic["code"], "invalid-value", "{published}");
    assert_eq!(diagnostic["range"]["start"], json!({ "line": 3, "character": 8 }));
    assert!(diagnostic["message"].as_str().unwrap().contains("did you mean `expected`?"));

    let at = |line: u64, character: u64| json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } });
    send(&mut input, json!({ "jsonrpc": "2.0", "id": 2, "method": "textDocument/completion", "params": at(3, 8) }));
    let stances = until(&mut output, |m| m["id"] == 2);
    let labels: Vec<&str> =
        stances["result"]["items"].as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"case-by-case") && labels.contains(&"unknown"), "{labels:?}");
    send(&mut input, json!({ "jsonrpc": "2.0", "id": 3, "method": "textDocument/completion", "params": at(2, 7) }));
    let topics = until(&mut output, |m| m["id"] == 3);
    assert!(topics.to_string().contains("nonclinical.tumorigenicity"), "{topics}");

    // Fixed and saved: the file's diagnostics are cleared.
    std::fs::write(&record, text.replace("stance: expectd", "stance: unknown")).unwrap();
    send(
        &mut input,
        json!({ "jsonrpc": "2.0", "method": "textDocument/didSave", "params": { "textDocument": { "uri": uri } } }),
    );
    let cleared =
        until(&mut output, |m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri.as_str());
    assert_eq!(cleared["params"]["diagnostics"], json!([]));

    send(&mut input, json!({ "jsonrpc": "2.0", "id": 4, "method": "shutdown", "params": null }));
    until(&mut output, |m| m["id"] == 4);
    send(&mut input, json!({ "jsonrpc": "2.0", "method": "exit", "params": null }));
    assert!(server.wait().unwrap().success());
}
