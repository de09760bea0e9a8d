//! `regkb diff`: the change summary a reviewer approves from, on two small trees and on git.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{copy_tree, regkb};

const MSC: &str = "records/pmda/nonclinical.tumorigenicity--msc.md";

fn tree(edit: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    edit(dir.path());
    dir
}

fn replace(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    fs::write(&path, text.replace(from, to)).unwrap();
}

/// The newer tree: a record's stance, summary, attributes, citations and date changed; a source's
/// date and address changed and a source added; a record added; one removed; one re-saved with
/// CRLF line endings only.
fn edited() -> tempfile::TempDir {
    tree(|d| {
        replace(d, MSC, "stance: case-by-case", "stance: required");
        replace(
            d,
            MSC,
            "summary: For MSC products the need for in vivo studies is decided per product.",
            "summary: In vivo studies are required.\nattributes:\n  duration_weeks: { value: 16, note: \"at least\" }",
        );
        replace(
            d,
            MSC,
            "  - id: pmda-tumorigenicity-points\n",
            "  - id: pmda-tumorigenicity-points\n    quote: \"造腫瘍性\"\n  - id: pmda-msc-2012\n",
        );
        replace(d, MSC, "updated: 2026-05-01", "updated: 2026-10-01");
        replace(d, "sources/pmda.yaml", "issued: 2019-06-27", "issued: 2019-06-28");
        replace(
            d,
            "sources/pmda.yaml",
            "https://example.org/pmda-tumorigenicity",
            "https://example.org/pmda-tumorigenicity-2",
        );
        let added_source = "- id: pmda-msc-2012\n  regulator: pmda\n  title: Guideline on MSC products\n  kind: guideline\n  issued: 2012-09-07\n  no_url: Not seen.\n";
        let sources = fs::read_to_string(d.join("sources/pmda.yaml")).unwrap() + added_source;
        fs::write(d.join("sources/pmda.yaml"), sources).unwrap();
        let ipsc = fs::read_to_string(d.join("records/pmda/nonclinical.tumorigenicity--ipsc-derived.md")).unwrap();
        fs::write(d.join("records/pmda/nonclinical.tumorigenicity--ipsc-derived.md"), ipsc.replace('\n', "\r\n"))
            .unwrap();
        fs::remove_file(d.join("records/hsa/clinical.long-term-follow-up.md")).unwrap();
        let added = "---\nregulator: hsa\ntopic: nonclinical.tumorigenicity\nstance: unknown\nsummary: Not yet researched.\nstatus: draft\nupdated: 2026-10-01\n---\n\nOpen.\n";
        fs::write(d.join("records/hsa/nonclinical.tumorigenicity.md"), added).unwrap();
        replace(
            d,
            "topics.yaml",
            "  question: How long must patients be followed after gene therapy?\n",
            "  question: How long must patients be followed after gene therapy?\n  modalities: [msc]\n",
        );
        let hsa = "---\nregulator: hsa\ntopic: clinical.long-term-follow-up\nstance: unknown\nsummary: Not yet researched.\nstatus: draft\nupdated: 2026-10-01\n---\n";
        fs::write(
            d.join("records/hsa/clinical.long-term-follow-up--msc.md"),
            hsa.replace("stance:", "modalities: [msc]\nstance:"),
        )
        .unwrap();
    })
}

fn diff(old: &Path, new: &Path, format: &str) -> String {
    let out = regkb(&["diff", "--format", format, old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn markdown_shows_what_a_reviewer_needs() {
    let (old, new) = (tree(|_| {}), edited());
    let md = diff(old.path(), new.path(), "md");
    assert!(md.contains("Records: 1 changed, 2 added, 1 removed. Sources: 1 changed, 1 added, 0 removed."), "{md}");
    // The changed record: title with its modality, stance and summary before and after, citations, attributes, date.
    assert!(
        md.contains("#### PMDA × Tumorigenicity (Mesenchymal stromal cells) (`pmda/nonclinical.tumorigenicity--msc`)"),
        "{md}"
    );
    assert!(md.contains("| stance | case-by-case | required |"), "{md}");
    assert!(md.contains("| summary | For MSC products the need for in vivo studies is decided per product. | In vivo studies are required. |"), "{md}");
    assert!(md.contains("| attribute duration_weeks | (none) | 16 (at least) |"), "{md}");
    assert!(md.contains("| source pmda-tumorigenicity-points | cited | cited: \"造腫瘍性\" |"), "{md}");
    assert!(md.contains("| source pmda-msc-2012 | (none) | cited |"), "{md}");
    assert!(md.contains("| updated | 2026-05-01 | 2026-10-01 |"), "{md}");
    // A new record with every field; a source changed field by field, and one added.
    let added = md.split("#### HSA × Tumorigenicity (`hsa/nonclinical.tumorigenicity`)").nth(1).expect(&md);
    for row in
        ["| stance | unknown |", "| status | draft |", "| summary | Not yet researched. |", "| updated | 2026-10-01 |"]
    {
        assert!(added.contains(row), "{row} in {md}");
    }
    assert!(md.contains("| issued | 2019-06-27 | 2019-06-28 |"), "{md}");
    assert!(
        md.contains("| url | https://example.org/pmda-tumorigenicity | https://example.org/pmda-tumorigenicity-2 |"),
        "{md}"
    );
    assert!(md.contains("#### Guideline on MSC products (`pmda-msc-2012`)"), "{md}");
    // Line endings alone are no change; the removed record is listed.
    assert!(!md.contains("ipsc-derived`)"), "{md}");
    assert!(md.contains("### Removed records") && md.contains("(`hsa/clinical.long-term-follow-up`)"), "{md}");
}

#[test]
fn json_lists_records_and_sources_field_by_field() {
    let (old, new) = (tree(|_| {}), edited());
    let doc: serde_json::Value = serde_json::from_str(&diff(old.path(), new.path(), "json")).unwrap();
    let changed = doc["records"].as_array().unwrap().iter().find(|c| c["kind"] == "changed").unwrap();
    assert_eq!(changed["changes"][0]["field"], "stance");
    assert_eq!(changed["changes"][0]["after"], "required");
    let source = doc["sources"].as_array().unwrap().iter().find(|c| c["kind"] == "changed").unwrap();
    let fields: Vec<&str> =
        source["changes"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["issued", "url"]);
}

#[test]
fn a_tree_with_errors_is_refused() {
    let old = tree(|_| {});
    let broken = tree(|d| replace(d, MSC, "modalities: [msc]", "modalities: [msc, ipsc-derived]"));
    let out = regkb(&["diff", old.path().to_str().unwrap(), broken.path().to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("duplicate-modality") && err.contains("fix them first"), "{err}");
}

#[test]
fn git_diff_works_with_the_content_at_the_repository_root() {
    let repo = tree(|_| {});
    let git = |args: &[&str]| {
        let out = Command::new("git").arg("-C").arg(repo.path()).args(args).output().unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base"]);
    replace(repo.path(), MSC, "stance: case-by-case", "stance: required");
    let out = regkb(&["diff", "--git", "HEAD", "--content", repo.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("| stance | case-by-case | required |"));
}
