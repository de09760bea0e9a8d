//! Reading YAML into the model with errors a contributor can act on: every problem of a file
//! rather than only the first, each in plain words with its fix ("put the text in double
//! quotes", "write a list"), never the parser's or Rust's vocabulary.

use serde::de::DeserializeOwned;

use crate::diagnostic::Diagnostic;
use crate::suggest::nearest;

/// More problems than this in one file are not reported: the rest are likely consequences.
const MAX_PROBLEMS_PER_FILE: usize = 20;

/// Deserializes `yaml`, or reports every problem in it. `line_offset` is the number of file
/// lines above the YAML text (the front matter's opening `---`).
///
/// After a problem, the field it is in is blanked out (its lines kept, empty, so positions stay
/// right) and the text read again, until it reads or no field is left to blank. A field blanked
/// this way is not then reported missing.
pub(crate) fn parse<T: DeserializeOwned>(rel: &str, yaml: &str, line_offset: u64) -> Result<T, Vec<Diagnostic>> {
    let mut text = yaml.to_owned();
    let mut problems = Vec::new();
    let mut blanked: Vec<String> = Vec::new();
    while problems.len() < MAX_PROBLEMS_PER_FILE {
        let error = match read::<T>(&text) {
            Ok(value) if problems.is_empty() => return Ok(value),
            Ok(_) => break,
            Err(e) => e,
        };
        let raw = raw_message(&error);
        if missing_field(&raw).is_some_and(|field| blanked.iter().any(|b| b == field)) {
            break;
        }
        let line = error.location().map(|l| l.line() as usize).filter(|&l| l > 0);
        problems.push(diagnostic(rel, &text, line_offset, &error, &raw));
        // A missing field is reported once the rest has been read: nothing is left to find.
        if missing_field(&raw).is_some() {
            break;
        }
        // Tabs are reported once, then read as the spaces they should be.
        if raw.contains("found a tab") {
            text = text.lines().map(|l| format!("{}\n", untab(l))).collect();
            continue;
        }
        match line.and_then(|l| blank_field(&mut text, l)) {
            Some(field) => blanked.push(field),
            None => break,
        }
    }
    Err(problems)
}

fn read<T: DeserializeOwned>(text: &str) -> Result<T, serde_saphyr::Error> {
    let options = serde_saphyr::options! { with_snippet: false };
    serde_saphyr::from_str_with_options(text, options)
}

/// The parser's message without the location it gives separately.
fn raw_message(e: &serde_saphyr::Error) -> String {
    let text = e.without_snippet().to_string();
    let first = text.lines().next().unwrap_or("invalid YAML");
    let trimmed = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    trimmed.trim().trim_end_matches(':').to_owned()
}

/// The field a "missing field `x`" message names.
fn missing_field(raw: &str) -> Option<&str> {
    raw.strip_prefix("missing field `")?.split('`').next()
}

/// The parser's error as a diagnostic in plain words, with its code.
fn diagnostic(rel: &str, text: &str, line_offset: u64, e: &serde_saphyr::Error, raw: &str) -> Diagnostic {
    let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
    // The parser points at the scalar a tab interrupts; point at the indenting tab itself.
    if raw.contains("found a tab")
        && let Some((tab_line, tab_column)) = indenting_tab(text)
    {
        let message = "found a tab character; YAML indents with spaces only: replace the tab with spaces";
        return Diagnostic::error(rel, (tab_line + line_offset, tab_column), "yaml", message);
    }
    let lines: Vec<&str> = text.lines().collect();
    let at = (line as usize).checked_sub(1).filter(|&i| i < lines.len());
    let key = at.and_then(|i| owner_key(&lines, i));
    let value = at.and_then(|i| value_of(lines[i])).unwrap_or_default();
    let (code, message) = match at.and_then(|i| continued(&lines, i)) {
        Some(above) if raw.contains("mapping values are not allowed") => (
            "yaml",
            format!(
                "this line is indented, so YAML reads it as more of `{above}` above; start `{}` at the same column as `{above}`",
                key.unwrap_or("it")
            ),
        ),
        _ => plain_words(raw, key, value),
    };
    let line = if line == 0 { 0 } else { line + line_offset };
    Diagnostic::error(rel, (line, column), code, message)
}

/// The code and plain-words message for a parser message `raw`, about field `key` whose text
/// on the line is `value`.
fn plain_words(raw: &str, key: Option<&str>, value: &str) -> (&'static str, String) {
    let field = key.map_or_else(|| "this value".to_owned(), |k| format!("`{k}`"));
    let k = key.unwrap_or("field");
    let empty = value.is_empty() || value == "null" || value == "~";
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        return ("unknown-field", unknown_field(rest));
    }
    if let Some(name) = missing_field(raw) {
        return ("missing-field", format!("missing field `{name}`; add a line `{name}: …`"));
    }
    if empty && (raw.contains("null") || raw.contains("empty") || raw.contains("untagged enum")) {
        return ("empty-field", format!("{field} is empty; write a value after `{k}:`, or remove the line"));
    }
    if raw.starts_with("date") {
        return ("invalid-date", raw.to_owned());
    }
    if raw.contains("; expected one of") {
        return ("invalid-value", raw.to_owned());
    }
    let message = if raw.contains("mapping values are not allowed") {
        format!(
            "{field} contains `: `, which YAML reads as the start of another field; put the whole text in double quotes: `{k}: \"…\"`"
        )
    } else if raw.contains("expected mapping start") && k == "attributes" {
        "`attributes` takes one `name: value` line per attribute, indented below `attributes:`".to_owned()
    } else if raw.contains("expected mapping start") {
        format!(
            "{field} takes one entry per line, each starting `- id:`, indented below `{k}:` (for example `{k}:` then `  - id: pmda-…`), not `[id]`"
        )
    } else if raw.contains("expected sequence start") {
        format!("{field} is a list; write it in square brackets: `{k}: [{value}]`")
    } else if raw.contains("did not find expected") || raw.contains("could not find expected") {
        "this line is not indented like the lines around it; start each field at the same column as the others (a record's fields at the start of the line), and list entries with `- `".to_owned()
    } else if let Some(fix) = raw.strip_prefix("text expected, but ") {
        format!("{field} is text, but {fix}: `{k}: \"{value}\"`")
    } else {
        format!("{raw}; see the YAML tips in CONTRIBUTING.md")
    };
    ("yaml", message)
}

/// "unknown field `x`, expected one of a, b" with the nearest allowed name suggested.
fn unknown_field(rest: &str) -> String {
    let (name, allowed) = rest.split_once('`').unwrap_or((rest, ""));
    let allowed: Vec<&str> = allowed
        .trim_start_matches(", expected one of ")
        .trim_start_matches(", expected ")
        .split(", ")
        .map(|a| a.trim_matches('`'))
        .filter(|a| !a.is_empty())
        .collect();
    let mut message = format!("unknown field `{name}`");
    if let Some(n) = nearest(name, allowed.iter().copied()) {
        message.push_str(&format!(" (did you mean `{n}`?)"));
    }
    if !allowed.is_empty() {
        message.push_str(&format!("; the fields here are {}", allowed.join(", ")));
    }
    message.push_str("; check the spelling and the indentation");
    message
}

/// The field whose text line `i` is read as a continuation of: line `i` is indented more
/// than the line above it, which holds a field with a value on its own line.
fn continued<'a>(lines: &[&'a str], i: usize) -> Option<&'a str> {
    let above = lines[..i].iter().rev().find(|l| !is_blank(l))?;
    let has_value = value_of(above).is_some_and(|v| !v.is_empty());
    (indent(lines[i]) > indent_of_key(above) && has_value).then(|| key_of(above)).flatten()
}

/// The field name a line starts with (`summary:`, `- id:`), if it does.
fn key_of(line: &str) -> Option<&str> {
    let rest = line.trim_start();
    let rest = rest.strip_prefix("- ").unwrap_or(rest).trim_start();
    let (key, after) = rest.split_once(':')?;
    let is_key = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    (is_key && (after.is_empty() || after.starts_with([' ', '\t']))).then_some(key)
}

/// The value after a line's `key:`, without a trailing comment.
fn value_of(line: &str) -> Option<&str> {
    let key = key_of(line)?;
    let after = &line[line.find(&format!("{key}:"))? + key.len() + 1..];
    let after = after.find(" #").map_or(after, |i| &after[..i]);
    Some(after.trim())
}

/// The field that line `i` belongs to: its own key, else that of the nearest line above
/// indented less.
fn owner_key<'a>(lines: &[&'a str], i: usize) -> Option<&'a str> {
    if let Some(key) = key_of(lines[i]) {
        return Some(key);
    }
    let indent = indent(lines[i]);
    lines[..i].iter().rev().filter(|l| !is_blank(l) && indent_of_key(l) < indent).find_map(|l| key_of(l))
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Where a line's key starts: after the indentation and a list item's `- `.
fn indent_of_key(line: &str) -> usize {
    let i = indent(line);
    let rest = line[i..].trim_end();
    if rest == "-" || rest.starts_with("- ") { i + 2 } else { i }
}

fn is_blank(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// Blanks the field that 1-based `line` is in, and what is nested below it, returning the
/// field's name; `None` when nothing is left to blank. Fields are those of the document's
/// top mapping, or of each entry of a top-level list.
fn blank_field(text: &mut String, line: usize) -> Option<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let level = lines.iter().find(|l| !is_blank(l)).map_or(0, |l| indent_of_key(l));
    let start =
        (0..line.min(lines.len())).rev().find(|&i| !is_blank(&lines[i]) && indent_of_key(&lines[i]) == level)?;
    let key = key_of(&lines[start]).unwrap_or_default().to_owned();
    // An entry's first field shares its line with the entry's `- `: keep the `-`.
    let first = &lines[start];
    let entry = first.trim_start();
    lines[start] =
        if entry == "-" || entry.starts_with("- ") { format!("{}-", &first[..indent(first)]) } else { String::new() };
    for l in lines.iter_mut().skip(start + 1).take_while(|l| is_blank(l) || indent(l) > level) {
        l.clear();
    }
    let blanked = lines.join("\n") + "\n";
    (blanked != *text).then(|| {
        *text = blanked;
        key
    })
}

/// A line with the tabs of its indentation as two spaces each.
fn untab(line: &str) -> String {
    let rest = line.trim_start_matches([' ', '\t']);
    let indent = &line[..line.len() - rest.len()];
    indent.replace('\t', "  ") + rest
}

/// The 1-based line and column of the first tab in a line's indentation, the one place YAML forbids tabs.
fn indenting_tab(yaml: &str) -> Option<(u64, u64)> {
    yaml.lines().enumerate().find_map(|(i, line)| {
        let spaces = indent(line);
        line[spaces..].starts_with('\t').then_some((i as u64 + 1, spaces as u64 + 1))
    })
}

/// Warnings for text YAML silently cut at ` #` (`summary: asks #RCR for…` reads as "asks"):
/// a `#` after a space starts a comment, and a comment's `#` is followed by a space by
/// convention, so a `#` right before a word is taken for text that was lost.
pub(crate) fn cut_by_comment(rel: &str, yaml: &str, line_offset: u64) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, line) in yaml.lines().enumerate() {
        let Some(key) = key_of(line) else { continue };
        let start = line.find(&format!("{key}:")).unwrap_or(0) + key.len() + 1;
        let value = line[start..].trim_start();
        if value.starts_with(['"', '\'', '[', '{', '|', '>', '#']) {
            continue;
        }
        let Some(hash) = value.find(" #").map(|h| h + 1) else { continue };
        if value[hash + 1..].starts_with(|c: char| !c.is_whitespace()) {
            let lost: String = value[hash..].chars().take(20).collect();
            let column = line[..line.len() - value.len() + hash].chars().count() as u64 + 1;
            let message = format!(
                "`{key}` ends before `{lost}`: YAML reads ` #` as the start of a comment and drops the rest; put the whole text in double quotes"
            );
            out.push(Diagnostic::warning(rel, (i as u64 + 1 + line_offset, column), "comment-in-text", message));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_a_field_and_what_is_nested_below_it() {
        let mut text = "a: 1\nb:\n  - x\n  - y\nc: 2\n".to_owned();
        assert_eq!(blank_field(&mut text, 3).as_deref(), Some("b"));
        assert_eq!(text, "a: 1\n\n\n\nc: 2\n");
        let mut list = "- id: a\n  kind: x\n- id: b\n".to_owned();
        assert_eq!(blank_field(&mut list, 1).as_deref(), Some("id"));
        assert_eq!(list, "-\n  kind: x\n- id: b\n");
        assert_eq!(blank_field(&mut list, 1), None);
    }

    #[test]
    fn finds_the_field_a_line_belongs_to() {
        let lines = ["sources:", "  - pmda-x", "summary: a"];
        assert_eq!(owner_key(&lines, 1), Some("sources"));
        assert_eq!(key_of("  - id: x"), Some("id"));
        assert_eq!(key_of("https://x"), None);
        assert_eq!(value_of("modalities: car-t   # note"), Some("car-t"));
    }

    #[test]
    fn warns_of_text_cut_at_a_hash_but_not_of_comments() {
        let yaml = "summary: asks #RCR for lots\nstance: unknown   # a comment\nquote: \"a #b\"\n";
        let found = cut_by_comment("r.md", yaml, 1);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].column), (2, 15));
    }
}
