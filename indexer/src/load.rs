//! Reading a content tree from disk into the model, turning every unreadable file into a
//! diagnostic rather than a failure: one bad file never hides the others' problems.
//! Only regular files and folders inside the content directory are read: a symbolic link
//! that leads out of it, a device, a FIFO or a socket is refused (`outside-content`).

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Content, FrontMatter, Record, Source};

/// Front-matter YAML starts on the second line of a record file, below the opening `---`.
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
                problems.push(unexpected(&dir, "a folder named after a regulator"));
                continue;
            }
        }
        for rel in files_in(root, &dir, &mut problems) {
            if rel.ends_with(".md") {
                content.records.extend(record_file(root, &rel, &mut problems));
            } else {
                problems.push(unexpected(&rel, "a `.md` record"));
            }
        }
    }
    content.unreadable = problems.iter().filter(|d| d.severity == Severity::Error).map(|d| d.path.clone()).collect();
    (content, problems)
}

/// Parses a record from its text: front matter between `---` lines, then Markdown.
/// `rel` is the path below the content root, used for the id and in diagnostics.
pub fn parse_record(rel: &str, text: &str) -> Result<Record, Diagnostic> {
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    let id = stem.strip_prefix("records/").unwrap_or(stem).to_owned();
    let (yaml, body, body_line) = split_front_matter(text).ok_or_else(|| {
        Diagnostic::error(
            rel,
            (1, 1),
            "front-matter",
            "no front matter; a record starts with a `---` line, its YAML fields, and a closing `---` line",
        )
    })?;
    let front: FrontMatter = parse_yaml(rel, yaml, FRONT_MATTER_OFFSET)?;
    Ok(Record { id, file: rel.to_owned(), front, body: body.to_owned(), body_line })
}

fn record_file(root: &Tree, rel: &str, problems: &mut Vec<Diagnostic>) -> Option<Record> {
    let text = read_text(root, rel).map_err(|d| problems.push(d)).ok()?;
    parse_record(rel, &text).map_err(|d| problems.push(d)).ok()
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
    parse_yaml(rel, &text, 0).unwrap_or_else(|d| {
        problems.push(d);
        Vec::new()
    })
}

/// Deserializes YAML, mapping the parser's error to a diagnostic. `line_offset` is the
/// number of file lines above the YAML text (the front matter's opening `---`).
fn parse_yaml<T: DeserializeOwned>(rel: &str, yaml: &str, line_offset: u64) -> Result<T, Diagnostic> {
    let options = serde_saphyr::options! { with_snippet: false };
    serde_saphyr::from_str_with_options(yaml, options).map_err(|e| {
        let mut at = e.location().map_or((0, 0), |l| (l.line() + line_offset, l.column()));
        let mut message = yaml_message(&e);
        // The parser points at the scalar a tab interrupts; point at the indenting tab itself.
        if message.contains("found a tab")
            && let Some(i) = indenting_tab(yaml)
        {
            let (line, column) = position(&yaml[..i]);
            at = (line + line_offset, column);
            message = "found a tab character; YAML indents with spaces only".to_owned();
        }
        let code = if message.starts_with("unknown field") {
            "unknown-field"
        } else if message.starts_with("missing field") {
            "missing-field"
        } else if message.starts_with("date") {
            "invalid-date"
        } else if message.contains("; expected one of") {
            "invalid-value"
        } else {
            "yaml"
        };
        Diagnostic::error(rel, at, code, message)
    })
}

/// The parser's message without the location it already gave us separately.
fn yaml_message(e: &serde_saphyr::Error) -> String {
    let text = e.without_snippet().to_string();
    let first = text.lines().next().unwrap_or("invalid YAML");
    let trimmed = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    trimmed.trim().trim_end_matches(':').to_owned()
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

/// The byte offset of the first tab in a line's indentation, the one place YAML forbids tabs.
fn indenting_tab(yaml: &str) -> Option<usize> {
    let mut start = 0;
    for line in yaml.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if line[indent..].starts_with('\t') {
            return Some(start + indent);
        }
        start += line.len();
    }
    None
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
