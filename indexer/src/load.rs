//! Reading a content tree from disk into the model, turning every unreadable file into a
//! diagnostic rather than a failure: one bad file never hides the others' problems.
//! Only regular files and folders inside the content directory are read: a symbolic link
//! that leads out of it, a device, a FIFO or a socket is refused (`outside-content`).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Content, FrontMatter, Product, Record, Regulator, Source};
use crate::yaml;

/// Front-matter YAML starts on the second line of a record or product file, below the opening `---`.
pub(crate) const FRONT_MATTER_OFFSET: u64 = 1;

/// Files larger than this are refused unread; no honest content file comes near it.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Loads `root`, returning what could be read and the problems met on the way.
/// Paths in the model and in diagnostics are relative to `root`.
pub fn load(root: &Path) -> (Content, Vec<Diagnostic>) {
    let root = &Tree::new(root);
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
        match root.resolve(&dir) {
            Ok(Some(Entry::Dir(_))) => {}
            Err(d) if d.code == OUTSIDE => {
                problems.push(d);
                continue;
            }
            _ => {
                match misplaced_record(root, &dir, &content.regulators) {
                    Some(d) => problems.push(d),
                    None => problems.push(unexpected(&dir, "a folder named after a regulator")),
                }
                continue;
            }
        }
        // A folder may hold thousands of records: they are read and parsed in parallel, and
        // kept, with their problems, in file order.
        let files = files_in(root, &dir, &mut problems);
        let read: Vec<_> = files.par_iter().map(|rel| record_file(root, rel)).collect();
        for (record, found) in read {
            problems.extend(found);
            content.records.extend(record.map(Arc::new));
        }
    }
    for rel in files_in(root, "products", &mut problems) {
        if rel.ends_with(".md") {
            content.products.extend(product_file(root, &rel, &mut problems));
        } else {
            problems.push(unexpected(&rel, "a `.md` product"));
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
    let (front, body, body_line) = parse_document::<FrontMatter>(rel, text, "record")?;
    Ok(Record { id, file: rel.to_owned(), front, body: body.into(), body_line })
}

/// Parses a product from its text, as a record: front matter, then Markdown.
/// `rel` is `products/<id>.md`; the id is the file stem. On failure, every problem found.
pub fn parse_product(rel: &str, text: &str) -> Result<Product, Vec<Diagnostic>> {
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    let id = stem.strip_prefix("products/").unwrap_or(stem).to_owned();
    let (front, body, body_line) = parse_document(rel, text, "product")?;
    Ok(Product { id, file: rel.to_owned(), front, body: body.into(), body_line })
}

/// Splits a Markdown file with front matter and reads the front matter as `T`: returns it,
/// the body, and the line on which the body starts. `what` names the kind of file in errors.
fn parse_document<'t, T: DeserializeOwned>(
    rel: &str,
    text: &'t str,
    what: &str,
) -> Result<(T, &'t str, usize), Vec<Diagnostic>> {
    let (yaml, body, body_line) = split_front_matter(text).ok_or_else(|| {
        vec![Diagnostic::error(
            rel,
            (1, 1),
            "front-matter",
            format!("no front matter; a {what} starts with a `---` line, its YAML fields, and a closing `---` line"),
        )]
    })?;
    Ok((yaml::parse(rel, yaml, FRONT_MATTER_OFFSET)?, body, body_line))
}

/// The record in file `rel` of a regulator's folder, if it is one, and what is wrong with it.
fn record_file(root: &Tree, rel: &str) -> (Option<Record>, Vec<Diagnostic>) {
    if !rel.ends_with(".md") {
        return (None, vec![unexpected(rel, "a `.md` record")]);
    }
    let text = match read_text(root, rel) {
        Ok(text) => text,
        Err(d) => return (None, vec![d]),
    };
    let mut problems = Vec::new();
    if let Some((yaml, _, _)) = split_front_matter(&text) {
        problems.extend(yaml::cut_by_comment(rel, yaml, FRONT_MATTER_OFFSET));
    }
    (parse_record(rel, &text).map_err(|d| problems.extend(d)).ok(), problems)
}

/// Folders below the content root that hold their own kind of file, searched for nothing else.
const OWN_FOLDERS: [&str; 3] = ["records", "sources", "products"];

/// How deep below the content root a stray record is looked for.
const STRAY_DEPTH: usize = 3;

/// The `.md` files below `rel` outside the folders of the layout: a record saved there would
/// otherwise vanish from the site without a word.
fn stray_markdown(root: &Tree, rel: &str, depth: usize) -> Vec<String> {
    let Ok(entries) = fs::read_dir(root.root.join(rel)) else { return Vec::new() };
    let mut found = Vec::new();
    for name in entries.filter_map(Result::ok).filter_map(|e| e.file_name().into_string().ok()) {
        let path = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
        if name.starts_with('.') || (depth == 0 && OWN_FOLDERS.contains(&name.as_str())) {
            continue;
        }
        if matches!(root.resolve(&path), Ok(Some(Entry::Dir(_)))) {
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
fn misplaced_record(root: &Tree, rel: &str, regulators: &[Regulator]) -> Option<Diagnostic> {
    let text = read_text(root, rel).ok()?;
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
fn regulator_named<'r>(name: &str, regulators: &'r [Regulator]) -> Option<&'r str> {
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

fn product_file(root: &Tree, rel: &str, problems: &mut Vec<Diagnostic>) -> Option<Product> {
    let text = read_text(root, rel).map_err(|d| problems.push(d)).ok()?;
    if let Some((yaml, _, _)) = split_front_matter(&text) {
        problems.extend(yaml::cut_by_comment(rel, yaml, FRONT_MATTER_OFFSET));
    }
    parse_product(rel, &text).map_err(|d| problems.extend(d)).ok()
}

/// Reads a YAML file holding a list of entries; a missing or broken file gives no entries.
fn list_file<T: DeserializeOwned>(root: &Tree, rel: &str, problems: &mut Vec<Diagnostic>) -> Vec<T> {
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

/// The code of every refusal to read something that is not a plain file or folder inside the tree.
const OUTSIDE: &str = "outside-content";

/// A content directory, with its real location for telling what lies inside it.
struct Tree {
    root: PathBuf,
    real: PathBuf,
}

/// What a path below the root is, once symbolic links are followed: its real location.
enum Entry {
    File(PathBuf),
    Dir(PathBuf),
}

impl Tree {
    fn new(root: &Path) -> Tree {
        Tree { root: root.to_owned(), real: root.canonicalize().unwrap_or_else(|_| root.to_owned()) }
    }

    /// Resolves `rel`: `None` when nothing is there, an `outside-content` error when it leads out
    /// of the tree or is neither a regular file nor a folder (reading a FIFO would hang, and a
    /// device has no end).
    fn resolve(&self, rel: &str) -> Result<Option<Entry>, Diagnostic> {
        let path = self.root.join(rel);
        let outside = |message: String| Err(Diagnostic::error(rel, (0, 0), OUTSIDE, message));
        if fs::symlink_metadata(&path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
            return Ok(None);
        }
        let Ok(real) = path.canonicalize() else {
            return outside(
                "a symbolic link that leads nowhere; content is read only from inside the content directory".to_owned(),
            );
        };
        if !real.starts_with(&self.real) {
            return outside(format!(
                "this leads to {}, outside the content directory; content is read only from inside it",
                real.display()
            ));
        }
        let kind = fs::metadata(&real).map_err(|e| io_error(rel, &e))?.file_type();
        if kind.is_file() {
            Ok(Some(Entry::File(real)))
        } else if kind.is_dir() {
            Ok(Some(Entry::Dir(real)))
        } else {
            outside(format!("this is {}, not a regular file; content is plain files only", special(kind)))
        }
    }
}

/// Names a file type that is neither a file, a folder nor a link.
fn special(kind: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        } else if kind.is_socket() {
            return "a socket";
        } else if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    let _ = kind;
    "a special file"
}

fn io_error(rel: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(rel, (0, 0), "io", format!("cannot read the file: {e}"))
}

/// Reads a file as UTF-8 text, refusing huge, binary and mis-encoded files with a diagnostic.
fn read_text(root: &Tree, rel: &str) -> Result<String, Diagnostic> {
    let path = match root.resolve(rel)? {
        Some(Entry::File(path)) => path,
        Some(Entry::Dir(_)) => return Err(io_error(rel, &std::io::Error::from(std::io::ErrorKind::IsADirectory))),
        None => return Err(io_error(rel, &std::io::Error::from(std::io::ErrorKind::NotFound))),
    };
    let io = |e: std::io::Error| io_error(rel, &e);
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
fn files_in(root: &Tree, rel: &str, problems: &mut Vec<Diagnostic>) -> Vec<String> {
    let dir = match root.resolve(rel) {
        Ok(Some(Entry::Dir(dir))) => dir,
        Ok(_) => return Vec::new(),
        Err(d) => {
            problems.push(d);
            return Vec::new();
        }
    };
    let Ok(entries) = fs::read_dir(dir) else {
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
