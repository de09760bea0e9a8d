//! Reading a content tree from disk into the model, turning every unreadable file into a
//! diagnostic rather than a failure: one bad file never hides the others' problems.

use std::fs;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Content, FrontMatter, Record, Regulator, Source};
use crate::yaml;

/// Front-matter YAML starts on the second line of a record file, below the opening `---`.
pub(crate) const FRONT_MATTER_OFFSET: u64 = 1;

/// Files larger than this are refused unread; no honest content file comes near it.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Loads `root`, returning what could be read and the problems met on the way.
/// Paths in the model and in diagnostics are relative to `root`.
pub fn load(root: &Path) -> (Content, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut content = Content {
        regulators: list_file(root, "regulators.yaml", &mut problems),
        domains: list_file(root, "domains.yaml", &mut problems),
        topics: list_file(root, "topics.yaml", &mut problems),
        modalities: list_file(root, "modalities.yaml", &mut problems),
        glossary: list_file(root, "glossary.yaml", &mut problems),
        ..Content::default()
    };
    for rel in files_in(root, "sources", &mut problems) {
        if rel.ends_with(".yaml") {
            let mut sources: Vec<Source> = list_file(root, &rel, &mut problems);
            sources.iter_mut().for_each(|s| s.file = rel.clone());
            content.sources.extend(sources);
        } else {
            problems.push(unexpected(&rel, "a `.yaml` file"));
        }
    }
    for dir in files_in(root, "records", &mut problems) {
        if !root.join(&dir).is_dir() {
            match misplaced_record(root, &dir, &content.regulators) {
                Some(d) => problems.push(d),
                None => problems.push(unexpected(&dir, "a folder named after a regulator")),
            }
            continue;
        }
        for rel in files_in(root, &dir, &mut problems) {
            if rel.ends_with(".md") {
                content.records.extend(record_file(root, &rel, &mut problems));
            } else {
                problems.push(unexpected(&rel, "a `.md` record"));
            }
        }
    }
    for rel in stray_markdown(root, "", 0) {
        problems.extend(misplaced_record(root, &rel, &content.regulators));
    }
    content.unreadable = problems.iter().filter(|d| d.severity == Severity::Error).map(|d| d.path.clone()).collect();
    (content, problems)
}

/// Parses a record from its text: front matter between `---` lines, then Markdown.
/// `rel` is the path below the content root, used for the id and in diagnostics.
/// On failure, every problem found in the front matter.
pub fn parse_record(rel: &str, text: &str) -> Result<Record, Vec<Diagnostic>> {
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    let id = stem.strip_prefix("records/").unwrap_or(stem).to_owned();
    let (yaml, body, body_line) = split_front_matter(text).ok_or_else(|| {
        vec![Diagnostic::error(
            rel,
            (1, 1),
            "front-matter",
            "no front matter; a record starts with a `---` line, its YAML fields, and a closing `---` line",
        )]
    })?;
    let front: FrontMatter = yaml::parse(rel, yaml, FRONT_MATTER_OFFSET)?;
    Ok(Record { id, file: rel.to_owned(), front, body: body.to_owned(), body_line })
}

fn record_file(root: &Path, rel: &str, problems: &mut Vec<Diagnostic>) -> Option<Record> {
    let text = read_text(root, rel).map_err(|d| problems.push(d)).ok()?;
    if let Some((yaml, _, _)) = split_front_matter(&text) {
        problems.extend(yaml::cut_by_comment(rel, yaml, FRONT_MATTER_OFFSET));
    }
    parse_record(rel, &text).map_err(|d| problems.extend(d)).ok()
}

/// Folders below the content root that hold their own kind of file, searched for nothing else.
const OWN_FOLDERS: [&str; 3] = ["records", "sources", "products"];

/// How deep below the content root a stray record is looked for.
const STRAY_DEPTH: usize = 3;

/// The `.md` files below `rel` outside the folders of the layout: a record saved there would
/// otherwise vanish from the site without a word.
fn stray_markdown(root: &Path, rel: &str, depth: usize) -> Vec<String> {
    let Ok(entries) = fs::read_dir(root.join(rel)) else { return Vec::new() };
    let mut found = Vec::new();
    for name in entries.filter_map(Result::ok).filter_map(|e| e.file_name().into_string().ok()) {
        let path = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
        if name.starts_with('.') || (depth == 0 && OWN_FOLDERS.contains(&name.as_str())) {
            continue;
        }
        if root.join(&path).is_dir() {
            if depth < STRAY_DEPTH {
                found.extend(stray_markdown(root, &path, depth + 1));
            }
        } else if name.ends_with(".md") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The fields that say where a record belongs, read leniently from a misplaced file.
#[derive(serde::Deserialize, Default)]
struct Placement {
    regulator: Option<String>,
    topic: Option<String>,
}

/// An error for a record (a `.md` file with front matter) outside `records/<regulator>/`,
/// saying where to move it: the folder of its `regulator`, or of the regulator its current
/// folder names (`korea/` → `mfds`). `None` for a Markdown file that is not a record.
fn misplaced_record(root: &Path, rel: &str, regulators: &[Regulator]) -> Option<Diagnostic> {
    let text = fs::read_to_string(root.join(rel)).ok()?;
    let (yaml, _, _) = split_front_matter(text.trim_start_matches('\u{feff}'))?;
    let placement: Placement = serde_saphyr::from_str(yaml).unwrap_or_default();
    let known = |id: &str| regulators.iter().any(|r| r.id.value == id);
    let regulator = placement
        .regulator
        .filter(|r| known(r))
        .or_else(|| rel.split('/').find_map(|part| regulator_named(part, regulators)).map(str::to_owned));
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let file = match (&placement.topic, name.split_once("--")) {
        (Some(topic), Some((_, modality))) => format!("{topic}--{modality}"),
        (Some(topic), None) => format!("{topic}.md"),
        (None, _) => name.to_owned(),
    };
    let target = match regulator {
        Some(r) => format!("move it to `records/{r}/{file}`"),
        None => "move it to `records/<regulator>/`, the folder named after its regulator's id (e.g. `records/pmda/`)"
            .to_owned(),
    };
    let message = format!("this record is outside `records/<regulator>/`, so it is not part of the site; {target}");
    Some(Diagnostic::error(rel, (0, 0), "misplaced-record", message))
}

/// The regulator a folder name means: its id, short name or country code, or a word of its
/// jurisdiction (`korea`, `japan`, `singapore`).
pub(crate) fn regulator_named<'r>(name: &str, regulators: &'r [Regulator]) -> Option<&'r str> {
    let name = name.to_lowercase();
    let word_of = |s: &str| name.len() > 2 && s.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| w == name);
    regulators
        .iter()
        .find(|r| {
            [r.id.value.as_str(), r.short.as_str(), r.country.value.as_str(), r.jurisdiction.as_str()]
                .iter()
                .any(|n| n.to_lowercase() == name)
                || word_of(&r.jurisdiction)
        })
        .map(|r| r.id.value.as_str())
}

/// Reads a YAML file holding a list of entries; a missing or broken file gives no entries.
fn list_file<T: DeserializeOwned>(root: &Path, rel: &str, problems: &mut Vec<Diagnostic>) -> Vec<T> {
    let text = match read_text(root, rel) {
        Ok(text) => text,
        Err(d) => {
            problems.push(d);
            return Vec::new();
        }
    };
    if text.trim().is_empty() {
        problems.push(Diagnostic::error(
            rel,
            (1, 1),
            "empty-file",
            "the file is empty; expected a YAML list of entries (`- id: ...`)",
        ));
        return Vec::new();
    }
    problems.extend(yaml::cut_by_comment(rel, &text, 0));
    yaml::parse(rel, &text, 0).unwrap_or_else(|d| {
        problems.extend(d);
        Vec::new()
    })
}

/// Splits `---\n<yaml>\n---\n<body>`, returning the YAML, the body and the body's first line.
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let body = &rest[offset + line.len()..];
            return Some((&rest[..offset], body, i + 3));
        }
        offset += line.len();
    }
    None
}

/// Reads a file as UTF-8 text, refusing huge, binary and mis-encoded files with a diagnostic.
fn read_text(root: &Path, rel: &str) -> Result<String, Diagnostic> {
    let path = root.join(rel);
    let io = |e: std::io::Error| Diagnostic::error(rel, (0, 0), "io", format!("cannot read the file: {e}"));
    let size = fs::metadata(&path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        let message = format!("the file is {size} bytes; content files must be under {MAX_FILE_BYTES} bytes (4 MiB)");
        return Err(Diagnostic::error(rel, (1, 1), "too-large", message));
    }
    let bytes = fs::read(&path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let at = position(std::str::from_utf8(valid).unwrap_or_default());
        Diagnostic::error(rel, at, "encoding", "the file is not valid UTF-8 text; save it as UTF-8")
    })?;
    if let Some(nul) = text.find('\0') {
        return Err(Diagnostic::error(
            rel,
            position(&text[..nul]),
            "encoding",
            "the file contains a NUL byte; content files are plain text",
        ));
    }
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| !is_text_char(c)) {
        let message = format!(
            "the file contains the invisible control character U+{:04X} here, which pages and feeds cannot show; delete it",
            c as u32
        );
        return Err(Diagnostic::error(rel, position(&text[..at]), "control-character", message));
    }
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}

/// Whether `c` may appear in content: anything XML 1.0 allows (feeds are XML), so no control
/// characters but tab and line ends, and no non-characters U+FFFE and U+FFFF.
pub fn is_text_char(c: char) -> bool {
    !matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// The 1-based line and column just after `before`.
pub(crate) fn position(before: &str) -> (u64, u64) {
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
    (line, column)
}

/// The entries of a directory below the root, as sorted relative paths. A missing
/// `sources/` or `records/` is simply empty.
fn files_in(root: &Path, rel: &str, problems: &mut Vec<Diagnostic>) -> Vec<String> {
    let Ok(entries) = fs::read_dir(root.join(rel)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| match e.file_name().into_string() {
            Ok(name) => Some(name),
            Err(name) => {
                problems.push(unexpected(&format!("{rel}/{}", name.to_string_lossy()), "a file name in UTF-8"));
                None
            }
        })
        .filter(|name| !name.starts_with('.'))
        .map(|name| format!("{rel}/{name}"))
        .collect();
    names.sort();
    names
}

fn unexpected(rel: &str, expected: &str) -> Diagnostic {
    Diagnostic::warning(
        rel,
        (0, 0),
        "unexpected-file",
        format!("this file is not part of the content format and is ignored; expected {expected}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_body_line() {
        let (yaml, body, line) = split_front_matter("---\na: 1\nb: 2\n---\n\nBody\n").unwrap();
        assert_eq!(yaml, "a: 1\nb: 2\n");
        assert_eq!(body, "\nBody\n");
        assert_eq!(line, 5);
        assert!(split_front_matter("a: 1\n").is_none());
        assert!(split_front_matter("---\na: 1\n").is_none());
    }

    #[test]
    fn positions_are_one_based() {
        assert_eq!(position(""), (1, 1));
        assert_eq!(position("ab\nc"), (2, 2));
    }
}
