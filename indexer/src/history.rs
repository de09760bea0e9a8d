//! What changed in each record over time, read from the content's git history: one event per
//! commit and record, with the commit's date and message and the field-level change as
//! `diff` words it ("stance case-by-case → required"). The same history gives the content as it
//! was on a past date.
//!
//! Two git processes read it all, whatever the number of records: `git log --raw` lists the
//! blobs each commit changed below `records/`, and one `git cat-file --batch` reads them.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use serde::Serialize;

use crate::date::Date;
use crate::diff::{self, FieldChange, Kind};
use crate::load::parse_record;
use crate::model::{Content, Record};

/// The record history of a content tree, or why there is none.
#[derive(Debug, Clone, Default, Serialize)]
pub struct History {
    /// Every change, newest first.
    pub events: Vec<Event>,
    /// Why history could not be read (no git repository, a shallow clone); `None` when it was.
    pub unavailable: Option<String>,
}

/// One commit's change to one record.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    /// The commit's full hash.
    pub commit: String,
    /// When the commit was made, RFC 3339 with the committer's offset.
    pub time: String,
    /// The day of `time`, in the committer's time zone.
    pub date: Date,
    /// The first line of the commit message.
    pub message: String,
    /// The record's id (`pmda/nonclinical.tumorigenicity`).
    pub record: String,
    /// "PMDA × Tumorigenicity", in today's names.
    pub title: String,
    pub regulator: String,
    pub topic: String,
    pub kind: Kind,
    /// The fields that changed, as `diff` reports them, but for attributes and added or removed
    /// citations (below) and `updated`; empty for an added or removed record.
    pub changes: Vec<FieldChange>,
    /// Cited source ids that the change added and removed.
    pub sources_added: Vec<String>,
    pub sources_removed: Vec<String>,
    /// Each attribute whose value changed, by id: before and after (`None` when not given).
    pub attributes: Vec<AttributeChange>,
    /// The record after the change; `None` when the change removed it.
    #[serde(skip)]
    pub version: Option<Record>,
}

/// One attribute's change: "in_vivo_study: case-by-case → required".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributeChange {
    pub id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// What kind of change an event makes, for filtering; stance first, since it matters most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    Stance,
    Attributes,
    Sources,
    Summary,
    Modalities,
    Review,
    Text,
    Added,
    Removed,
}

impl ChangeKind {
    /// Every kind, in the order filters list them.
    pub const ALL: [ChangeKind; 9] = [
        ChangeKind::Stance,
        ChangeKind::Attributes,
        ChangeKind::Sources,
        ChangeKind::Summary,
        ChangeKind::Modalities,
        ChangeKind::Review,
        ChangeKind::Text,
        ChangeKind::Added,
        ChangeKind::Removed,
    ];

    /// The kind as written in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Stance => "stance",
            ChangeKind::Attributes => "attributes",
            ChangeKind::Sources => "sources",
            ChangeKind::Summary => "summary",
            ChangeKind::Modalities => "modalities",
            ChangeKind::Review => "review",
            ChangeKind::Text => "text",
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
        }
    }

    /// How a filter names the kind.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Stance => "Stance changed",
            ChangeKind::Attributes => "Values changed",
            ChangeKind::Sources => "Sources changed",
            ChangeKind::Summary => "Summary changed",
            ChangeKind::Modalities => "Modalities changed",
            ChangeKind::Review => "Review status changed",
            ChangeKind::Text => "Detail text changed",
            ChangeKind::Added => "Record added",
            ChangeKind::Removed => "Record removed",
        }
    }

    /// The kind a `diff` field change belongs to.
    fn of_field(field: &str) -> ChangeKind {
        match field {
            "stance" => ChangeKind::Stance,
            "summary" => ChangeKind::Summary,
            "modalities" => ChangeKind::Modalities,
            "body" => ChangeKind::Text,
            f if f.starts_with("attribute ") => ChangeKind::Attributes,
            f if f.starts_with("source ") => ChangeKind::Sources,
            _ => ChangeKind::Review,
        }
    }
}

impl std::str::FromStr for ChangeKind {
    type Err = ();

    fn from_str(s: &str) -> Result<ChangeKind, ()> {
        ChangeKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or(())
    }
}

impl Event {
    /// The kinds of change this event makes, stance first.
    pub fn kinds(&self) -> Vec<ChangeKind> {
        let kinds: BTreeSet<ChangeKind> = match self.kind {
            Kind::Added => [ChangeKind::Added].into(),
            Kind::Removed => [ChangeKind::Removed].into(),
            Kind::Changed => {
                let mut kinds: BTreeSet<ChangeKind> =
                    self.changes.iter().map(|c| ChangeKind::of_field(&c.field)).collect();
                if !self.attributes.is_empty() {
                    kinds.insert(ChangeKind::Attributes);
                }
                if !self.sources_added.is_empty() || !self.sources_removed.is_empty() {
                    kinds.insert(ChangeKind::Sources);
                }
                kinds
            }
        };
        kinds.into_iter().collect()
    }

    /// Whether this event changed the record's stance.
    pub fn changes_stance(&self) -> bool {
        self.changes.iter().any(|c| c.field == "stance")
    }
}

impl Event {
    /// Files one of `diff`'s field changes under what it changes: an attribute, a citation added
    /// or removed, or another field. A new `updated` date alone is no change of substance, and
    /// the detail text's change is noted without the texts, which stay in git.
    fn file(&mut self, f: FieldChange) {
        let side = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        if let Some(id) = f.field.strip_prefix("attribute ") {
            let (before, after) = (side(&f.before), side(&f.after));
            self.attributes.push(AttributeChange { id: id.to_owned(), before, after });
        } else if let Some(id) = f.field.strip_prefix("source ").filter(|_| f.before.is_empty()) {
            self.sources_added.push(id.to_owned());
        } else if let Some(id) = f.field.strip_prefix("source ").filter(|_| f.after.is_empty()) {
            self.sources_removed.push(id.to_owned());
        } else if f.field == "body" {
            self.changes.push(FieldChange { before: String::new(), after: String::new(), ..f });
        } else if f.field != "updated" {
            self.changes.push(f);
        }
    }

    /// Whether the event records no change of substance.
    fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.attributes.is_empty()
            && self.sources_added.is_empty()
            && self.sources_removed.is_empty()
    }
}

impl History {
    /// A history that could not be read, and why.
    pub fn unavailable(reason: impl Into<String>) -> History {
        History { events: Vec::new(), unavailable: Some(reason.into()) }
    }

    /// The changes to one record, newest first.
    pub fn of_record<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
        self.events.iter().filter(move |e| e.record == id)
    }

    /// The history up to and including `date`.
    pub fn until(&self, date: Date) -> History {
        let events = self.events.iter().filter(|e| e.date <= date).cloned().collect();
        History { events, unavailable: self.unavailable.clone() }
    }

    /// `content` with its records as they were committed on `date`: each record's last version
    /// of that day or before, and no record that did not exist yet. Regulators, topics and
    /// sources stay as they are now. `None` when history is unavailable.
    pub fn content_as_of(&self, content: &Content, date: Date) -> Option<Content> {
        if self.unavailable.is_some() {
            return None;
        }
        let mut latest: BTreeMap<&str, &Event> = BTreeMap::new();
        for e in self.events.iter().filter(|e| e.date <= date) {
            latest.entry(e.record.as_str()).or_insert(e);
        }
        let records = latest.into_values().filter_map(|e| e.version.clone().map(Arc::new)).collect();
        // Other records: the lookups by id are made again for them.
        Some(Content { records, at: Default::default(), ..content.clone() })
    }
}

/// Reads the history of the records under `root` (a content tree in a git work tree), naming
/// records with `content`'s regulators and topics. A tree outside git, a shallow clone, or a
/// machine without git gives a history that says it is unavailable.
pub fn read(root: &Path, content: &Content) -> History {
    match commits(root).and_then(|commits| events(root, content, commits)) {
        Ok(events) => History { events, unavailable: None },
        Err(reason) => History::unavailable(reason),
    }
}

/// A commit and the record files it changed: (path, blob before, blob after).
struct Commit {
    hash: String,
    time: String,
    date: Date,
    message: String,
    files: Vec<(String, Option<String>, Option<String>)>,
}

/// Runs git in `root`, returning its output.
fn git(root: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["-c", "core.quotePath=false"])
        .args(args)
        .output()
        .map_err(|e| format!("git could not be run ({e})"))?;
    if !out.status.success() {
        return Err(format!("git {} failed: {}", args[0], String::from_utf8_lossy(&out.stderr).trim()));
    }
    String::from_utf8(out.stdout).map_err(|_| "git printed text that is not UTF-8".to_owned())
}

/// The commits that changed records, newest first.
fn commits(root: &Path) -> Result<Vec<Commit>, String> {
    git(root, &["rev-parse", "--is-inside-work-tree"]).map_err(|e| {
        if e.starts_with("git could not be run") {
            e
        } else {
            "the content is not in a git repository that git can read, so its history is unknown".to_owned()
        }
    })?;
    if git(root, &["rev-parse", "--is-shallow-repository"])?.trim() == "true" {
        return Err("the content's git repository is a shallow clone; fetch its full history to see changes".into());
    }
    let log = git(
        root,
        &[
            "log",
            "--raw",
            "--no-renames",
            "--no-abbrev",
            "--relative",
            "--format=%x1e%H%x1f%cI%x1f%cs%x1f%s",
            "--",
            "records",
        ],
    )?;
    Ok(log.split('\x1e').filter_map(commit).collect())
}

/// One commit of the log: its header line, then a `--raw` line per changed file.
fn commit(text: &str) -> Option<Commit> {
    let mut lines = text.lines();
    let mut head = lines.next()?.split('\x1f');
    let (hash, time, day, message) = (head.next()?, head.next()?, head.next()?, head.next().unwrap_or(""));
    let blob = |b: &str| (!b.bytes().all(|c| c == b'0')).then(|| b.to_owned());
    let files = lines
        .filter_map(|line| {
            // :100644 100644 <before> <after> M\t<path>
            let (meta, path) = line.strip_prefix(':')?.split_once('\t')?;
            let parts: Vec<&str> = meta.split(' ').collect();
            let is_record = path.starts_with("records/") && path.ends_with(".md");
            (parts.len() == 5 && is_record).then(|| (path.to_owned(), blob(parts[2]), blob(parts[3])))
        })
        .collect();
    Some(Commit {
        hash: hash.to_owned(),
        time: time.to_owned(),
        date: day.parse().ok()?,
        message: message.to_owned(),
        files,
    })
}

/// The text of each blob, read by one `git cat-file --batch`.
fn blobs(root: &Path, ids: &BTreeSet<&str>) -> Result<BTreeMap<String, String>, String> {
    let failed = |e: std::io::Error| format!("git cat-file failed ({e})");
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(failed)?;
    let request: String = ids.iter().map(|id| format!("{id}\n")).collect();
    let mut stdin = child.stdin.take().expect("piped");
    // Write from another thread: git answers while it reads, and both pipes are bounded.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().expect("piped"));
    let mut texts = BTreeMap::new();
    for id in ids {
        let mut header = String::new();
        out.read_line(&mut header).map_err(failed)?;
        let size: usize = match header.split(' ').collect::<Vec<_>>()[..] {
            [_, "blob", size] => size.trim().parse().map_err(|_| format!("git cat-file: bad header {header:?}"))?,
            _ => return Err(format!("git cat-file: no blob {id}")),
        };
        let mut bytes = vec![0; size + 1];
        out.read_exact(&mut bytes).map_err(failed)?;
        bytes.pop();
        texts.insert((*id).to_owned(), String::from_utf8_lossy(&bytes).into_owned());
    }
    writer.join().expect("the writer does not panic").map_err(failed)?;
    child.wait().map_err(failed)?;
    Ok(texts)
}

/// Parses a blob as the record at `path`; a version that no longer parses is skipped.
fn version(texts: &BTreeMap<String, String>, path: &str, blob: &Option<String>) -> Option<Record> {
    let text = texts.get(blob.as_ref()?)?;
    parse_record(path, text.strip_prefix('\u{feff}').unwrap_or(text)).ok()
}

/// Each commit's record changes, compared field by field with `diff`.
fn events(root: &Path, content: &Content, commits: Vec<Commit>) -> Result<Vec<Event>, String> {
    let ids: BTreeSet<&str> =
        commits.iter().flat_map(|c| &c.files).flat_map(|(_, a, b)| [a, b]).flatten().map(String::as_str).collect();
    let texts = blobs(root, &ids)?;
    // Today's names for titles and topic modalities; the records are the commit's own.
    let names = Content {
        regulators: content.regulators.clone(),
        topics: content.topics.clone(),
        modalities: content.modalities.clone(),
        ..Content::default()
    };
    let mut events = Vec::new();
    for c in commits {
        let mut before = names.clone();
        let mut after = names.clone();
        let mut unreadable = BTreeSet::new();
        for (path, old, new) in &c.files {
            let (a, b) = (version(&texts, path, old), version(&texts, path, new));
            // A side that exists but does not parse would look like an addition or removal.
            if (old.is_some() && a.is_none()) || (new.is_some() && b.is_none()) {
                unreadable.insert(path.clone());
            }
            before.records.extend(a.map(Arc::new));
            after.records.extend(b.map(Arc::new));
        }
        for change in diff::diff(&before, &after).records {
            let record = after.record(&change.id).or_else(|| before.record(&change.id)).expect("diffed");
            if unreadable.contains(&record.file) {
                continue;
            }
            let mut event = Event {
                commit: c.hash.clone(),
                time: c.time.clone(),
                date: c.date,
                message: c.message.clone(),
                regulator: record.regulator().to_owned(),
                topic: record.topic().to_owned(),
                title: change.title,
                kind: change.kind,
                changes: Vec::new(),
                sources_added: Vec::new(),
                sources_removed: Vec::new(),
                attributes: Vec::new(),
                version: after.record(&change.id).cloned(),
                record: change.id,
            };
            // An added record's fields are all new; its page shows them.
            if event.kind == Kind::Changed {
                change.changes.into_iter().for_each(|f| event.file(f));
            }
            if event.kind != Kind::Changed || !event.is_empty() {
                events.push(event);
            }
        }
    }
    // Newest first; git lists commits so, but side branches interleave by date.
    events.sort_by_cached_key(|e| std::cmp::Reverse(jiff_time(&e.time)));
    Ok(events)
}

/// A commit time as an instant, for ordering across time zones.
fn jiff_time(time: &str) -> Option<jiff::Timestamp> {
    time.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(stance: &str, sources: &[&str]) -> String {
        let cited: String = sources.iter().map(|s| format!("  - id: {s}\n")).collect();
        format!(
            "---\nregulator: pmda\ntopic: nonclinical.tumorigenicity\nstance: {stance}\nsummary: S.\nsources:\n{cited}status: draft\nupdated: 2025-01-01\n---\nBody.\n"
        )
    }

    /// Commits `files` (path, text or `None` to delete) at `when`, in the repository at `root`.
    fn commit(root: &Path, when: &str, message: &str, files: &[(&str, Option<String>)]) {
        for (path, text) in files {
            let file = root.join(path);
            match text {
                Some(text) => {
                    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                    std::fs::write(file, text).unwrap();
                }
                None => std::fs::remove_file(file).unwrap(),
            }
        }
        let run = |args: &[&str]| {
            let status = Command::new("git")
                .arg("-C")
                .arg(root)
                .args(args)
                .env("GIT_AUTHOR_DATE", when)
                .env("GIT_COMMITTER_DATE", when)
                .env("GIT_AUTHOR_NAME", "t")
                .env("GIT_AUTHOR_EMAIL", "t@example.org")
                .env("GIT_COMMITTER_NAME", "t")
                .env("GIT_COMMITTER_EMAIL", "t@example.org")
                .status()
                .unwrap();
            assert!(status.success(), "git {args:?}");
        };
        run(&["add", "-A"]);
        run(&["commit", "-q", "-m", message]);
    }

    #[test]
    fn reads_field_changes_from_each_commit_and_rebuilds_past_content() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("content");
        std::fs::create_dir_all(&root).unwrap();
        Command::new("git").args(["init", "-q"]).arg(dir.path()).status().unwrap();
        let path = "records/pmda/nonclinical.tumorigenicity.md";
        commit(&root, "2025-03-01T09:00:00Z", "First record", &[(path, Some(record("expected", &["a"])))]);
        commit(&root, "2025-04-01T09:00:00Z", "Unrelated", &[("regulators.yaml", Some("[]\n".into()))]);
        commit(&root, "2025-10-01T09:00:00+09:00", "Now required", &[(path, Some(record("required", &["a", "b"])))]);
        commit(
            &root,
            "2025-11-01T09:00:00Z",
            "Only the date",
            &[(path, Some(record("required", &["a", "b"]).replace("2025-01-01", "2025-11-01")))],
        );
        commit(&root, "2026-01-05T09:00:00Z", "Withdrawn", &[(path, None)]);

        let history = read(&root, &Content::default());
        assert_eq!(history.unavailable, None);
        let summary: Vec<(String, &str, Kind, Vec<ChangeKind>)> =
            history.events.iter().map(|e| (e.date.to_string(), e.message.as_str(), e.kind, e.kinds())).collect();
        assert_eq!(
            summary,
            [
                ("2026-01-05".to_owned(), "Withdrawn", Kind::Removed, vec![ChangeKind::Removed]),
                ("2025-10-01".to_owned(), "Now required", Kind::Changed, vec![ChangeKind::Stance, ChangeKind::Sources]),
                ("2025-03-01".to_owned(), "First record", Kind::Added, vec![ChangeKind::Added]),
            ]
        );
        let stance = &history.events[1].changes[0];
        assert_eq!(
            (stance.field.as_str(), stance.before.as_str(), stance.after.as_str()),
            ("stance", "expected", "required")
        );
        assert_eq!(history.events[1].sources_added, ["b"]);
        assert!(history.events[1].sources_removed.is_empty());
        assert_eq!(history.events[1].time, "2025-10-01T09:00:00+09:00");

        let stance_on = |day: &str| {
            let past = history.content_as_of(&Content::default(), day.parse().unwrap()).unwrap();
            past.records.first().map(|r| r.stance().to_string())
        };
        assert_eq!(stance_on("2025-02-28"), None);
        assert_eq!(stance_on("2025-09-01"), Some("expected".into()));
        assert_eq!(stance_on("2025-10-01"), Some("required".into()));
        assert_eq!(stance_on("2026-01-05"), None);
    }

    #[test]
    fn outside_git_history_is_unavailable() {
        let dir = tempfile::tempdir().unwrap();
        let history = read(dir.path(), &Content::default());
        assert!(history.events.is_empty());
        assert!(history.unavailable.unwrap().contains("not in a git repository"));
    }
}
