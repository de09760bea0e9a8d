//! Citations: the record page's lines, and the RIS and CSL-JSON downloads a reference manager
//! imports, read back by their structure.

mod common;

use std::path::Path;

use common::Server;

/// RIS entries as lists of (tag, value), checking every line's shape and the CRLF line ends.
fn ris_entries(text: &str) -> Vec<Vec<(String, String)>> {
    assert!(text.ends_with("ER  - \r\n"));
    let mut entries = vec![Vec::new()];
    for line in text.strip_suffix("\r\n").unwrap().split("\r\n") {
        assert!(!line.contains('\n'), "one line per tag: {line:?}");
        let (tag, value) = line.split_once("  - ").unwrap_or_else(|| panic!("not a RIS line: {line:?}"));
        assert!(tag.len() == 2 && tag.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()), "{tag}");
        if tag == "ER" {
            entries.push(Vec::new());
        } else {
            entries.last_mut().unwrap().push((tag.to_owned(), value.to_owned()));
        }
    }
    entries.pop();
    entries
}

fn value<'a>(entry: &'a [(String, String)], tag: &str) -> Option<&'a str> {
    entry.iter().find(|(t, _)| t == tag).map(|(_, v)| v.as_str())
}

#[test]
fn a_record_can_be_cited_and_imported_with_its_sources() {
    let server = Server::start(Path::new("content"), &["--base-url", "https://kb.example.org"]);
    let id = "pmda/framework.legal-basis";
    let record = server.get(&format!("/api/v1/records/{id}")).json();
    let citations = record["citations"].as_array().unwrap();
    assert!(!citations.is_empty());
    let page = server.get(&format!("/records/{id}")).body;
    assert!(page.contains(&format!("href=\"/records/{id}.ris\"")));
    assert!(page.contains(&format!("href=\"/records/{id}.csl.json\"")));
    for c in citations {
        let line = c["cite"].as_str().unwrap();
        assert!(line.starts_with(&format!("{}. {}", c["issuer"].as_str().unwrap(), c["title"].as_str().unwrap())));
        assert!(line.contains(c["issued"].as_str().unwrap()));
        assert!(page.contains(&line.replace('&', "&#38;").replace('"', "&#34;").replace('\'', "&#39;")), "{line}");
    }

    let ris = server.get(&format!("/records/{id}.ris"));
    assert_eq!(ris.status, 200);
    assert!(ris.header("content-type").unwrap().starts_with("application/x-research-info-systems"));
    let entries = ris_entries(&ris.body);
    assert_eq!(entries.len(), 1 + citations.len());
    assert_eq!(entries[0][0], ("TY".to_owned(), "ELEC".to_owned()));
    assert_eq!(value(&entries[0], "TI"), record["line"]["title"].as_str());
    assert_eq!(value(&entries[0], "UR"), Some(format!("https://kb.example.org/records/{id}").as_str()));
    for (entry, c) in entries[1..].iter().zip(citations) {
        assert!(["STAT", "GOVDOC"].contains(&entry[0].1.as_str()), "{entry:?}");
        assert_eq!(value(entry, "TI"), c["title"].as_str());
        assert_eq!(value(entry, "AU"), c["issuer"].as_str());
        assert_eq!(value(entry, "PY"), Some(&c["issued"].as_str().unwrap()[..4]));
        assert_eq!(value(entry, "UR"), c["url"].as_str());
    }

    let csl = server.get(&format!("/records/{id}.csl.json"));
    assert!(csl.header("content-type").unwrap().starts_with("application/vnd.citationstyles.csl+json"));
    let items = csl.json();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 1 + citations.len());
    assert_eq!(items[0]["type"], "webpage");
    assert_eq!(items[0]["id"], id);
    for (item, c) in items[1..].iter().zip(citations) {
        assert_eq!(item["title"], c["title"]);
        assert_eq!(item["author"][0]["literal"], c["issuer"]);
        let year = item["issued"]["date-parts"][0][0].as_i64().unwrap();
        assert_eq!(year.to_string(), c["issued"].as_str().unwrap()[..4]);
        if let Some(local) = c["local_title"].as_str() {
            assert_eq!(item["original-title"], local);
        }
    }
    assert_eq!(server.get("/records/pmda/nothing.ris").status, 404);
}
