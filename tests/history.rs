//! Record history from git, end to end: a content repository with dated commits, served by the
//! real binary, checked against known answers on the record pages, the change log and the feeds.

mod common;

use std::path::Path;

use common::{Server, copy_tree, history_repo, regkb};

const IPSC: &str = "/records/pmda/nonclinical.tumorigenicity--ipsc-derived";

/// The text of a page's `<main>`, tags removed and spaces collapsed, for reading like a person.
fn text(html: &str) -> String {
    let main = html.split("<main").nth(1).and_then(|m| m.split_once('>')).map_or(html, |(_, rest)| rest);
    let mut out = String::new();
    let mut in_tag = false;
    for c in main.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The record changes an Atom feed carries: title, time and link of each (products, which feeds carry
/// too, left out).
fn entries(xml: &str) -> Vec<(String, String, String)> {
    let doc = roxmltree::Document::parse(xml).expect("the feed is XML");
    let child_text = |n: roxmltree::Node, name: &str| {
        n.children().find(|c| c.has_tag_name(name)).and_then(|c| c.text()).unwrap_or_default().to_owned()
    };
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .filter(|e| !child_text(*e, "id").starts_with("urn:regkb:product:"))
        .map(|e| {
            let link = e.children().find(|c| c.has_tag_name("link")).and_then(|l| l.attribute("href")).unwrap();
            (child_text(e, "title"), child_text(e, "updated"), link.to_owned())
        })
        .collect()
}

#[test]
fn a_record_page_shows_each_committed_change() {
    let repo = history_repo();
    let server = Server::start(&repo.path().join("content"), &[]);
    let page = text(&server.get(IPSC).body);
    let history = &page[page.find("History").expect("a history section")..page.find("Cite this record").unwrap()];
    assert_eq!(
        history,
        "History 2025-10-01 · Stance changed, Values changed \
         Stance: ◐ Expected → ● Required In vivo tumorigenicity study: case-by-case → required \
         “PMDA iPSC tumorigenicity is required” · 2025-10-01 · commit "
            .to_owned()
            + &history[history.find("commit ").unwrap() + 7..]
    );
    assert!(history.contains("2025-03-01 · Record added"), "{history}");
    assert!(history.find("2025-10-01").unwrap() < history.find("2025-03-01").unwrap(), "newest first");
}

#[test]
fn the_change_log_lists_events_newest_first_and_filters_them() {
    let repo = history_repo();
    let server = Server::start(&repo.path().join("content"), &[]);
    let all = text(&server.get("/changes").body);
    assert!(all.contains("5 of 5 changes."), "{all}");
    let days: Vec<usize> =
        ["2026-02-01", "2025-10-01", "2025-06-15", "2025-03-01"].iter().map(|d| all.find(d).unwrap()).collect();
    assert!(days.windows(2).all(|w| w[0] < w[1]), "newest first: {days:?}");
    assert!(all.contains("PMDA × Tumorigenicity (Mesenchymal stromal cells) Summary changed Summary: The need"));
    assert!(all.contains("“MSC summary wording”"));

    let stance = text(&server.get("/changes?kind=stance").body);
    assert!(stance.contains("1 of 5 changes."), "{stance}");
    assert!(stance.contains("Stance: ◐ Expected → ● Required"));
    let hsa = text(&server.get("/changes?regulator=hsa").body);
    assert!(hsa.contains("1 of 5 changes.") && hsa.contains("HSA × Long-term follow-up Record added"), "{hsa}");
    let topic = text(&server.get("/changes?topic=nonclinical.tumorigenicity&kind=added").body);
    assert!(topic.contains("2 of 5 changes."), "{topic}");
    let none = text(&server.get("/changes?regulator=hsa&kind=stance").body);
    assert!(none.contains("0 of 5 changes.") && none.contains("No change matches these filters."));
}

#[test]
fn feeds_carry_the_same_events() {
    let repo = history_repo();
    let server = Server::start(&repo.path().join("content"), &[]);
    let all = entries(&server.get("/feeds/all.xml").body);
    let updated: Vec<&str> = all.iter().map(|(_, u, _)| u.as_str()).collect();
    assert_eq!(
        updated,
        [
            "2026-02-01T09:00:00Z",
            "2025-10-01T09:00:00Z",
            "2025-06-15T09:00:00Z",
            "2025-03-01T09:00:00Z",
            "2025-03-01T09:00:00Z"
        ]
    );
    assert_eq!(all[1].0, "PMDA × Tumorigenicity (iPSC-derived cell therapy): Stance: Expected → Required");
    assert_eq!(all[1].2, IPSC);
    let hsa = entries(&server.get("/feeds/regulators/hsa.xml").body);
    assert_eq!(hsa.len(), 1);
    assert_eq!(hsa[0].0, "HSA × Long-term follow-up: Record added");
    assert_eq!(entries(&server.get("/feeds/topics/nonclinical.tumorigenicity.xml").body).len(), 4);
}

#[test]
fn without_git_the_site_says_history_is_unavailable() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), dir.path());
    let server = Server::start(dir.path(), &[]);
    let changes = text(&server.get("/changes").body);
    assert!(changes.contains("History is unavailable: the content is not in a git repository"), "{changes}");
    assert!(text(&server.get(IPSC).body).contains("History is unavailable"));
    let feed = server.get("/feeds/all.xml").body;
    assert!(entries(&feed).is_empty());
    assert!(feed.contains("<subtitle>History is unavailable"));
    let past = text(&server.get("/compare?as_of=2025-09-01").body);
    assert!(past.starts_with("As of 2025-09-01: history is unavailable"), "{past}");
}

#[test]
fn the_export_keeps_the_history() {
    let repo = history_repo();
    let out = repo.path().join("site");
    let content = repo.path().join("content");
    let status = regkb(&["export", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("history.json")).unwrap()).unwrap();
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), 5);
    assert_eq!(events[1]["changes"][0]["field"], "stance");
    assert_eq!(events[1]["changes"][0]["after"], "required");
    let page = text(&std::fs::read_to_string(out.join("changes.html")).unwrap());
    assert!(page.contains("5 of 5 changes."));
}

/// The stance labels of a regulator's cell on a topic in `/api/compare`'s answer.
fn cell(compare: &serde_json::Value, topic: &str, regulator: &str) -> Vec<String> {
    let rows = compare["groups"].as_array().unwrap().iter().flat_map(|g| g["rows"].as_array().unwrap());
    let row = rows.into_iter().find(|r| r["topic_id"] == topic).expect("the topic's row");
    let cell = row["cells"].as_array().unwrap().iter().find(|c| c["regulator"] == regulator).unwrap();
    cell["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["line"]["badge"]["label"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn compare_topic_and_record_pages_show_the_content_as_of_a_date() {
    let repo = history_repo();
    let server = Server::start(&repo.path().join("content"), &[]);
    let compare = |query: &str| server.get(&format!("/api/compare?{query}")).json();
    let today = compare("");
    assert_eq!(cell(&today, "nonclinical.tumorigenicity", "pmda"), ["Required", "Case by case"]);
    let september = compare("as_of=2025-09-01");
    assert_eq!(cell(&september, "nonclinical.tumorigenicity", "pmda"), ["Expected", "Case by case"]);
    assert_eq!(cell(&september, "clinical.long-term-follow-up", "hsa"), ["Unknown"]);
    let may = compare("as_of=2025-05-01");
    assert!(cell(&may, "clinical.long-term-follow-up", "hsa").is_empty(), "not yet written");
    assert!(cell(&compare("as_of=2025-02-28"), "nonclinical.tumorigenicity", "pmda").is_empty());
    assert_eq!(cell(&compare("as_of=2025-10-01"), "nonclinical.tumorigenicity", "pmda"), ["Required", "Case by case"]);

    let page = server.get("/compare?regulator=pmda&as_of=2025-09-01");
    let shown = text(&page.body);
    assert!(shown.starts_with("As of 2025-09-01: records as they were committed by the end of that day"), "{shown}");
    assert!(page.body.contains(r#"<a href="/compare?regulator=pmda">Show today&#39;s version</a>"#));
    assert!(page.body.contains(r#"name="as_of" value="2025-09-01""#), "the form keeps the date");
    assert!(!text(&server.get("/compare?regulator=pmda").body).starts_with("As of"));
    let japanese = server.get("/ja/compare?regulator=pmda&as_of=2025-09-01").body;
    assert!(japanese.contains(&site::i18n::t(site::i18n::Lang::Ja, "as-of-past")), "the notice in the page's language");

    let topic = text(&server.get("/topics/nonclinical.tumorigenicity?as_of=2025-09-01").body);
    assert!(topic.contains("PMDA — Tumorigenicity (iPSC-derived cell therapy) ◐ Expected case-by-case"), "{topic}");
    let record = text(&server.get(&format!("{IPSC}?as_of=2025-09-01")).body);
    assert!(record.contains("Stance ◐ Expected"), "{record}");
    assert!(record.contains("2025-03-01 · Record added") && !record.contains("2025-10-01"), "history until then");
    assert_eq!(server.get("/records/hsa/clinical.long-term-follow-up?as_of=2025-05-01").status, 404);
}

#[test]
fn the_export_can_be_built_as_of_a_date() {
    let repo = history_repo();
    let out = repo.path().join("site");
    let content = repo.path().join("content");
    let run = regkb(&[
        "export",
        "--content",
        content.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--as-of",
        "2025-09-01",
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
    let record = text(&read("records/pmda/nonclinical.tumorigenicity--ipsc-derived.html"));
    assert!(record.starts_with("As of 2025-09-01:") && record.contains("Stance ◐ Expected"), "{record}");
    assert!(text(&read("compare.html")).starts_with("As of 2025-09-01:"));
    let json: serde_json::Value = serde_json::from_str(&read("history.json")).unwrap();
    assert_eq!(json["events"].as_array().unwrap().len(), 3, "the changes until then");

    let outside = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/valid"), outside.path());
    let refused = regkb(&[
        "export",
        "--content",
        outside.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--as-of",
        "2025-09-01",
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("cannot export as of 2025-09-01"));
}
