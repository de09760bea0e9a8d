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

/// The shipped content has no errors and no warnings, except staleness, which depends on the
/// day the tests run: a code change must not fail because records have aged.
#[test]
fn shipped_content_passes_with_warnings_denied() {
    let out = regkb(&["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems: Vec<&serde_json::Value> =
        doc["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] != "stale-record").collect();
    assert!(problems.is_empty(), "{problems:#?}");
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

#[test]
fn new_writes_a_valid_draft_product() {
    let tree = fixture_with(|_| {});
    let content = tree.path().to_str().unwrap();
    let args =
        ["new", "--content", content, "--product", "tisagenlecleucel", "--modality", "msc", "--regulator", "pmda"];
    let made = regkb(&args);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let text = fs::read_to_string(tree.path().join("products/tisagenlecleucel.md")).unwrap();
    assert!(text.contains("$schema=../../schemas/product.schema.json") && text.contains("#   - regulator: pmda"));
    let (code, out) = regkb_check_today(content);
    assert_eq!(code, 0, "{out}");
    assert!(!regkb(&args).status.success(), "a second draft would overwrite the first");
    let bad = regkb(&["new", "--content", content, "--product", "Kymriah", "--modality", "msc"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("must be lower-case"));
}

/// A multi-line question or label stays inside its comment, and a modality the topic does not
/// cover, or a misspelt id, is refused with the fix.
#[test]
fn new_keeps_multi_line_questions_in_comments_and_refuses_uncovered_modalities() {
    let tree = fixture_with(|root| {
        let topics = fs::read_to_string(root.join("topics.yaml")).unwrap().replace(
            "  question: How long must patients be followed after gene therapy?",
            "  question: |\n    How long must patients be followed?\n    stance: and how?",
        );
        fs::write(root.join("topics.yaml"), topics).unwrap();
        let modalities = fs::read_to_string(root.join("modalities.yaml")).unwrap();
        fs::write(root.join("modalities.yaml"), modalities + "- id: aav\n  title: AAV gene therapy\n").unwrap();
    });
    let content = tree.path().to_str().unwrap();
    fs::remove_file(tree.path().join("records/hsa/clinical.long-term-follow-up.md")).unwrap();
    let made = regkb(&["new", "--content", content, "--regulator", "hsa", "--topic", "clinical.long-term-follow-up"]);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let (code, out) = regkb_check_today(content);
    assert_eq!(code, 0, "{out}");
    let args = ["new", "--content", content, "--regulator", "pmda", "--topic", "nonclinical.tumorigenicity"];
    let uncovered = regkb(&[&args[..], &["--modality", "aav"]].concat());
    assert!(String::from_utf8_lossy(&uncovered.stderr).contains("covers only msc, ipsc-derived"));
    let typo = regkb(&["new", "--content", content, "--regulator", "hsx", "--topic", "clinical.long-term-follow-up"]);
    assert!(String::from_utf8_lossy(&typo.stderr).contains("(did you mean `hsa`?)"));
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
fn diff_reports_product_approvals() {
    let old = fixture_with(|_| {});
    let new = fixture_with(|d| {
        let p = d.join("products/iprocel.md");
        let text = fs::read_to_string(&p).unwrap().replace("date: 2026-02", "date: 2026-03");
        fs::write(&p, text).unwrap();
        fs::remove_file(d.join("products/stromacel.md")).unwrap();
    });
    let out = regkb(&["diff", old.path().to_str().unwrap(), new.path().to_str().unwrap()]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("Products: 1 changed, 0 added, 1 removed."), "{md}");
    assert!(
        md.contains("| approval fda | 2026-02 accelerated, approved; sources fda-approved-products | 2026-03 accelerated, approved; sources fda-approved-products |"),
        "{md}"
    );
    assert!(md.contains("#### stromacel (`stromacel`)"), "{md}");
}

#[test]
fn stats_report_coverage_and_citations() {
    let out = regkb(&["stats", "--json", "--content", "tests/fixtures/valid"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["records"], 3);
    assert_eq!(doc["records_citing_a_url"], 2);
    assert_eq!(doc["by_stance"]["unknown"], 1);
    assert_eq!((doc["products"].as_u64(), doc["approvals"].as_u64()), (Some(2), Some(5)));
    assert_eq!(doc["approvals_by_regulator"]["pmda"], 2);
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
        let run = regkb(&["export", "--content", "tests/fixtures/valid", "--out", site.to_str().unwrap()]);
        assert!(run.status.success(), "an earlier export is replaced");
    }
}

/// `serve --index` with content (here: the glossary) other than the index was built from.
fn serve_refuses(content: &Path, index: &Path) -> String {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_regkb"))
        .args(["serve", "--addr", "127.0.0.1:0", "--content", content.to_str().unwrap()])
        .args(["--index", index.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..200 {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(!status.success());
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            return err;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    child.kill().unwrap();
    panic!("regkb serve started on an index built from other content");
}

#[test]
fn an_index_is_refused_for_other_content_or_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("content");
    fs::create_dir(&tree).unwrap();
    copy_tree(Path::new("tests/fixtures/search"), &tree);
    let index = dir.path().join("index");
    assert!(regkb(&["index", "--content", tree.to_str().unwrap(), "--out", index.to_str().unwrap()]).status.success());
    // The same number of records, but a glossary entry more shifts every concept after it.
    let glossary = tree.join("glossary.yaml");
    let old = fs::read_to_string(&glossary).unwrap();
    fs::write(&glossary, format!("- {{ id: aaa-new, en: [zebrafish] }}\n{old}")).unwrap();
    assert!(serve_refuses(&tree, &index).contains("rebuild it with `regkb index`"));
    // A body edited in place changes the fingerprint too.
    fs::write(&glossary, old).unwrap();
    let record = tree.join("records/hsa/cmc.banking.md");
    let text = fs::read_to_string(&record).unwrap();
    fs::write(&record, text.replace("adventitious agents", "adventitious viruses")).unwrap();
    serve_refuses(&tree, &index);
}

#[test]
fn stats_glossary_names_unused_entries() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/search"), dir.path());
    let glossary = dir.path().join("glossary.yaml");
    let old = fs::read_to_string(&glossary).unwrap();
    fs::write(&glossary, format!("{old}- {{ id: zebrafish, en: [zebrafish] }}\n")).unwrap();
    let out = regkb(&["stats", "--glossary", "--json", "--content", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["unused"], serde_json::json!(["zebrafish"]));
    assert!(report["missing"].is_array());
}

/// `--changed-since`: warnings in files a change does not touch do not fail it; errors anywhere do.
#[test]
fn changed_since_limits_warnings_to_changed_files() {
    let tree = fixture_with(|_| {});
    let root = tree.path();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git").arg("-C").arg(root).args(args).output().unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base"]);
    // Years later every record is stale; none was touched.
    let later = ["--as-of", "2030-01-01", "--deny-warnings"];
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--content", root.to_str().unwrap()];
        args.extend_from_slice(&later);
        args.extend_from_slice(extra);
        let out = regkb(&args);
        (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
    };
    assert_eq!(check(&[]).0, 1);
    let (code, out) = check(&["--changed-since", "HEAD"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("3 warnings in unchanged files not shown"), "{out}");
    // A touched record's warning counts, and so does a new file's.
    let hsa = root.join("records/hsa/clinical.long-term-follow-up.md");
    fs::write(&hsa, fs::read_to_string(&hsa).unwrap() + "\nMore.\n").unwrap();
    let (code, out) = check(&["--changed-since", "HEAD"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("hsa/clinical.long-term-follow-up.md:7:10: warning[stale-record]"), "{out}");
    git(&["checkout", "-q", "--", "."]);
    fs::write(root.join("records/x.md"), "---\nregulator: hsa\n---\n").unwrap();
    let (code, out) = check(&["--changed-since", "HEAD"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[misplaced-record]"), "{out}");
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
