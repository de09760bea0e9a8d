//! The static export: every link and asset resolves, and the same content gives the same bytes.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::regkb;

fn export(out: &Path, zip: &Path) {
    let run = regkb(&["export", "--out", out.to_str().unwrap(), "--zip", zip.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.strip_prefix(root).unwrap().to_path_buf(), fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// Every `href="…"` and `src="…"` value of a page.
fn references(html: &str) -> Vec<String> {
    let mut refs = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap();
            refs.push(rest[..end].replace("&amp;", "&"));
        }
    }
    refs
}

#[test]
fn every_internal_link_and_asset_resolves() {
    let all = files(&common::shipped_export().join("site"));
    let pages: Vec<_> = all.keys().filter(|p| p.extension().is_some_and(|e| e == "html")).collect();
    assert!(pages.len() > 150, "{} pages", pages.len());
    let mut broken = Vec::new();
    let mut checked = 0;
    for page in pages {
        let html = String::from_utf8(all[page].clone()).unwrap();
        for link in references(&html) {
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with("mailto:")
                || link.starts_with('#')
            {
                continue;
            }
            assert!(!link.starts_with('/'), "{}: absolute link {link} breaks under a sub-path", page.display());
            let path = link.split(['?', '#']).next().unwrap();
            let target = page.parent().unwrap().join(path);
            let normal: PathBuf = target.components().fold(PathBuf::new(), |mut acc, c| {
                match c {
                    std::path::Component::ParentDir => {
                        acc.pop();
                    }
                    std::path::Component::CurDir => {}
                    other => acc.push(other),
                }
                acc
            });
            checked += 1;
            if !all.contains_key(&normal) {
                broken.push(format!("{} -> {link}", page.display()));
            }
        }
    }
    assert!(checked > 1000);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_same_content_gives_identical_files() {
    let (a, b) = (common::shipped_export(), tempfile::tempdir().unwrap());
    export(&b.path().join("site"), &b.path().join("site.zip"));
    assert_eq!(files(&a.join("site")), files(&b.path().join("site")));
    assert_eq!(fs::read(a.join("site.zip")).unwrap(), fs::read(b.path().join("site.zip")).unwrap());
}
