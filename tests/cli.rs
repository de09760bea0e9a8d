//! The `regkb` binary's contract: exit codes and output formats of `check`, hostile files,
//! `new`, and the shipped content and schemas.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{copy_tree, regkb};

fn fixture_with(edit: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    edit(dir.path());
    dir
}

fn run_check(tree: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["check", "--as-of", "2026-11-01", "--content", tree.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = regkb(&args);
    (out.status.code().expect("exited, not killed"), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn shipped_content_passes_with_warnings_denied() {
    let out = regkb(&["check", "--deny-warnings"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn exit_codes_follow_errors_and_deny_warnings() {
    let clean = fixture_with(|_| {});
    assert_eq!(run_check(clean.path(), &[]).0, 0);
    let warned = fixture_with(|d| {
        let p = d.join("sources/hsa.yaml");
        fs::write(&p, fs::read_to_string(&p).unwrap().replace("  no_url: The fixture names no address.\n", ""))
            .unwrap();
    });
    assert_eq!(run_check(warned.path(), &[]).0, 0);
    assert_eq!(run_check(warned.path(), &["--deny-warnings"]).0, 1);
    let broken = fixture_with(|d| fs::write(d.join("domains.yaml"), "- id: [\n").unwrap());
    assert_eq!(run_check(broken.path(), &[]).0, 1);
    assert_eq!(regkb(&["check", "--content", "/nonexistent/tree"]).status.code(), Some(2));
}

#[test]
fn text_github_and_json_formats() {
    let tree = fixture_with(|d| {
        let p = d.join("records/hsa/clinical.long-term-follow-up.md");
        fs::write(&p, fs::read_to_string(&p).unwrap().replace("stance: unknown", "stance: requird")).unwrap();
    });
    let (_, text) = run_check(tree.path(), &[]);
    let first = text.lines().next().unwrap();
    assert!(first.ends_with("(did you mean `required`?)"), "{first}");
    assert!(
        first.contains("records/hsa/clinical.long-term-follow-up.md:4:9: error[invalid-value]: `stance` is `requird`"),
        "{first}"
    );
    assert!(text.lines().last().unwrap().starts_with("failed: 1 error, 0 warnings"));
    let (_, github) = run_check(tree.path(), &["--format", "github"]);
    assert!(github.starts_with("::error file="), "{github}");
    assert!(github.contains(",line=4,col=9,title=invalid-value::`stance` is `requird`"), "{github}");
    let (_, json) = run_check(tree.path(), &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["errors"], 1);
    let d = &doc["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64(), d["code"].as_str()),
        (Some(4), Some(9), Some("invalid-value"))
    );
}

#[test]
fn hostile_files_get_clear_errors_not_panics() {
    // A "billion laughs": ten levels of ten aliases each.
    let mut bomb = String::from("- id: x\n  ja: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        let refs = vec![format!("*l{}", level - 1); 10].join(", ");
        bomb.push_str(&format!("- id: y{level}\n  en: &l{level} [{refs}]\n"));
    }
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("glossary.yaml", bomb.as_bytes().to_vec(), "glossary.yaml:"),
        ("domains.yaml", Vec::new(), "error[empty-file]"),
        ("modalities.yaml", (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(), "modalities.yaml:"),
        ("topics.yaml", format!("- id: {}\n", "x".repeat(200_000)).into_bytes(), "topics.yaml:"),
        ("regulators.yaml", vec![b'-'; 30 * 1024 * 1024], "error[too-large]"),
        (
            "records/hsa/clinical.long-term-follow-up.md",
            b"---\nregulator: hsa\n\ttopic: x\n---\n".to_vec(),
            "error[yaml]: found a tab character",
        ),
    ];
    for (file, bytes, expected) in cases {
        let tree = fixture_with(|d| fs::write(d.join(file), &bytes).unwrap());
        let (code, out) = run_check(tree.path(), &[]);
        assert_eq!(code, 1, "{file}: {out}");
        assert!(out.contains(expected), "{file}: expected {expected} in\n{out}");
    }
}

#[test]
fn new_writes_a_valid_draft_and_refuses_duplicates() {
    let tree = fixture_with(|_| {});
    let content = tree.path().to_str().unwrap();
    let made = new_msc_record(content);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let path = tree.path().join("records/hsa/nonclinical.tumorigenicity--msc.md");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("yaml-language-server: $schema=") && text.contains("in_vivo_study"));
    let (code, out) = regkb_check_today(content);
    assert_eq!(code, 0, "{out}");
    let again = new_msc_record(content);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("nonclinical.tumorigenicity--msc.md already exists"));
    let overlap = regkb(&[
        "new",
        "--content",
        content,
        "--regulator",
        "hsa",
        "--topic",
        "clinical.long-term-follow-up",
        "--modality",
        "msc",
    ]);
    assert!(
        String::from_utf8_lossy(&overlap.stderr).contains("records/hsa/clinical.long-term-follow-up.md already covers")
    );
    let unknown = regkb(&["new", "--content", content, "--regulator", "hsa", "--topic", "nope"]);
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("there is no topic `nope`"));
}

fn new_msc_record(content: &str) -> std::process::Output {
    let args = ["new", "--regulator", "hsa", "--topic", "nonclinical.tumorigenicity", "--modality", "msc", "--content"];
    regkb(&[&args[..], &[content]].concat())
}

/// `new` dates a draft today, so it is checked as of today.
fn regkb_check_today(content: &str) -> (i32, String) {
    let out = regkb(&["check", "--content", content]);
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn shipped_schemas_match_the_model() {
    let out = tempfile::tempdir().unwrap();
    assert!(regkb(&["schemas", "--out", out.path().to_str().unwrap()]).status.success());
    for entry in fs::read_dir(out.path()).unwrap() {
        let entry = entry.unwrap();
        let shipped = fs::read_to_string(Path::new("schemas").join(entry.file_name())).unwrap_or_default();
        assert_eq!(
            shipped,
            fs::read_to_string(entry.path()).unwrap(),
            "run `regkb schemas` to update {:?}",
            entry.file_name()
        );
    }
}

#[test]
fn diff_reports_stance_changes_additions_and_removals() {
    let old = fixture_with(|_| {});
    let new = fixture_with(|d| {
        let p = d.join("records/pmda/nonclinical.tumorigenicity--msc.md");
        fs::write(&p, fs::read_to_string(&p).unwrap().replace("stance: case-by-case", "stance: required")).unwrap();
        fs::remove_file(d.join("records/hsa/clinical.long-term-follow-up.md")).unwrap();
    });
    let out = regkb(&["diff", old.path().to_str().unwrap(), new.path().to_str().unwrap()]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("1 changed, 0 added, 1 removed"), "{md}");
    assert!(
        md.contains(
            "**PMDA × Tumorigenicity** (`pmda/nonclinical.tumorigenicity--msc`): stance case-by-case → required"
        ),
        "{md}"
    );
    assert!(md.contains("`hsa/clinical.long-term-follow-up`"));
    let json = regkb(&["diff", "--format", "json", old.path().to_str().unwrap(), new.path().to_str().unwrap()]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let changed = doc.as_array().unwrap().iter().find(|c| c["kind"] == "changed").unwrap();
    assert_eq!(changed["changes"][0]["field"], "stance");
    assert_eq!(changed["changes"][0]["after"], "required");
}

#[test]
fn stats_report_coverage_and_citations() {
    let out = regkb(&["stats", "--json", "--content", "tests/fixtures/valid"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["records"], 3);
    assert_eq!(doc["records_citing_a_url"], 2);
    assert_eq!(doc["by_stance"]["unknown"], 1);
    let pmda_nonclinical = doc["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["regulator"] == "pmda" && c["domain"] == "nonclinical")
        .unwrap();
    assert_eq!((pmda_nonclinical["researched"].as_u64(), pmda_nonclinical["topics"].as_u64()), (Some(1), Some(1)));
}

#[test]
fn output_directories_are_replaced_only_when_regkb_wrote_them() {
    let dir = tempfile::tempdir().unwrap();
    let precious = dir.path().join("precious.txt");
    fs::write(&precious, "keep me").unwrap();
    let out = dir.path().to_str().unwrap();
    for command in [&["export", "--out", out][..], &["index", "--out", out][..]] {
        let run = regkb(command);
        assert!(!run.status.success(), "{command:?}");
        assert!(String::from_utf8_lossy(&run.stderr).contains("was not written by regkb"));
        assert!(precious.exists(), "{command:?} deleted a file it did not write");
    }
    let site = dir.path().join("site");
    for _ in 0..2 {
        assert!(regkb(&["export", "--out", site.to_str().unwrap()]).status.success(), "an earlier export is replaced");
    }
}

/// A tree whose every way out is tried: a record and a folder linked to places outside it, a link
/// to a device, a FIFO and a socket among the sources. The outside record is valid and says
/// `OUTSIDE-SECRET`, so following the link would publish it.
#[cfg(unix)]
fn tree_with_ways_out() -> (tempfile::TempDir, tempfile::TempDir) {
    use std::os::unix::fs::symlink;
    let elsewhere = tempfile::tempdir().unwrap();
    let record = "records/hsa/clinical.long-term-follow-up.md";
    let text = fs::read_to_string(Path::new("tests/fixtures/valid").join(record)).unwrap();
    fs::write(elsewhere.path().join("secret.md"), format!("{text}\nOUTSIDE-SECRET\n")).unwrap();
    fs::create_dir(elsewhere.path().join("pmda")).unwrap();
    let tree = fixture_with(|d| {
        fs::remove_file(d.join(record)).unwrap();
        symlink(elsewhere.path().join("secret.md"), d.join(record)).unwrap();
        symlink(elsewhere.path().join("pmda"), d.join("records/linked")).unwrap();
        symlink("/dev/zero", d.join("sources/zero.yaml")).unwrap();
        let fifo = Command::new("mkfifo").arg(d.join("sources/fifo.yaml")).status().unwrap();
        assert!(fifo.success());
        std::os::unix::net::UnixListener::bind(d.join("sources/socket.yaml")).unwrap();
    });
    (tree, elsewhere)
}

#[cfg(unix)]
#[test]
fn nothing_is_read_from_outside_the_content_directory() {
    let (tree, _elsewhere) = tree_with_ways_out();
    let refused = [
        "records/hsa/clinical.long-term-follow-up.md",
        "records/linked",
        "sources/zero.yaml",
        "sources/fifo.yaml",
        "sources/socket.yaml",
    ];
    let (code, out) = run_check(tree.path(), &[]);
    assert_eq!(code, 1, "{out}");
    for rel in refused {
        assert!(out.contains(&format!("{rel}:0:0: error[outside-content]")), "{rel} not refused:\n{out}");
    }
    assert!(out.contains("a FIFO") && out.contains("a socket") && out.contains("outside the content directory"));
    let content = tree.path().to_str().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("out");
    let out = out.to_str().unwrap();
    for command in [
        &["index", "--content", content, "--out", out][..],
        &["export", "--content", content, "--out", out][..],
        &["serve", "--content", content, "--addr", "127.0.0.1:0"][..],
    ] {
        let run = regkb(command);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(
            !run.status.success() && stderr.matches("error[outside-content]").count() == refused.len(),
            "{command:?}: {stderr}"
        );
        assert!(!Path::new(out).exists(), "{command:?} wrote output");
    }
}
