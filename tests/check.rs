//! End-to-end tests of `regkb check`: the binary run on fixture trees.
//!
//! `tests/fixtures/valid` is a clean tree. Each `tests/fixtures/rules/<case>/` holds an
//! `overlay/` of files that replace or add to it, an optional `delete` list, and `expected`:
//! the exact diagnostics (`path:line:column: severity[code]`) the case must produce, each
//! optionally followed by ` ~ text` that its message must contain (the fix it must name).

mod common;

use std::fs;
use std::path::Path;

use common::{copy_tree, regkb};

const AS_OF: &str = "2026-11-01";

/// Builds the valid tree with a case's overlay applied, in a temporary directory.
fn tree_for(case: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    if case.join("overlay").exists() {
        copy_tree(&case.join("overlay"), dir.path());
    }
    if let Ok(list) = fs::read_to_string(case.join("delete")) {
        list.lines().for_each(|rel| fs::remove_file(dir.path().join(rel)).unwrap());
    }
    dir
}

/// The diagnostics of a check as `path:line:column: severity[code]` and the message, paths relative to the tree.
fn diagnostics(tree: &Path) -> (Vec<(String, String)>, i32) {
    let out = regkb(&["check", "--format", "json", "--as-of", AS_OF, "--content", tree.to_str().unwrap()]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("check --format json prints JSON");
    let prefix = format!("{}/", tree.display());
    let lines = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap().trim_start_matches(&prefix);
            let place = format!(
                "{path}:{}:{}: {}[{}]",
                d["line"],
                d["column"],
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap()
            );
            (place, d["message"].as_str().unwrap().to_owned())
        })
        .collect();
    (lines, out.status.code().unwrap())
}

#[test]
fn valid_tree_is_clean() {
    let (lines, code) = diagnostics(Path::new("tests/fixtures/valid"));
    assert_eq!(lines, Vec::<(String, String)>::new());
    assert_eq!(code, 0);
}

#[test]
fn every_rule_case_reports_exactly_its_diagnostics() {
    let mut failures = Vec::new();
    let mut cases: Vec<_> = fs::read_dir("tests/fixtures/rules").unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 30, "a fixture per rule");
    for case in cases {
        let tree = tree_for(&case);
        let (got, code) = diagnostics(tree.path());
        let expected: Vec<String> =
            fs::read_to_string(case.join("expected")).unwrap().lines().map(str::to_owned).collect();
        let want_code = if expected.iter().any(|l| l.contains(": error[")) { 1 } else { 0 };
        let matches = got.len() == expected.len()
            && got.iter().zip(&expected).all(|((place, message), want)| match want.split_once(" ~ ") {
                Some((want_place, text)) => place == want_place && message.contains(text),
                None => place == want,
            });
        if !matches || code != want_code {
            failures.push(format!(
                "{}:\n  expected {expected:?} (exit {want_code})\n  got      {got:?} (exit {code})",
                case.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
