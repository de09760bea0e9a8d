//! The data release: `regkb export --data` writes the content as one JSON document that its own
//! schema accepts, a CSV file per table that a CSV parser reads back, and the same bytes each time.

mod common;

use std::fs;
use std::path::Path;

use common::regkb;

fn release(dir: &Path) {
    let run = regkb(&["export", "--data", dir.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

#[test]
fn the_release_validates_against_its_schema_and_its_tables_read_back() {
    let dir = tempfile::tempdir().unwrap();
    release(dir.path());
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&fs::read(dir.path().join(name)).unwrap()).unwrap()
    };
    let (document, schema) = (read("regkb.json"), read("regkb.schema.json"));
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> =
        validator.iter_errors(&document).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let mut broken = document.clone();
    broken["records"][0]["stance"] = serde_json::Value::Null;
    assert!(!validator.is_valid(&broken), "the schema says what a record must have");

    let (content, _) = indexer::load::load(Path::new("content"));
    assert_eq!(document["format"], "1.0");
    assert_eq!(document["records"].as_array().unwrap().len(), content.records.len());
    assert_eq!(document["sources"].as_array().unwrap().len(), content.sources.len());
    assert_eq!(document["glossary"].as_array().unwrap().len(), content.glossary.len());
    for (table, rows) in
        [("records", content.records.len()), ("sources", content.sources.len()), ("topics", content.topics.len())]
    {
        let bytes = fs::read(dir.path().join(format!("{table}.csv"))).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap().strip_prefix('\u{feff}').expect("a byte-order mark");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(&reader.headers().unwrap()[0], "id");
        let ids: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
        assert_eq!(ids.len(), rows, "{table}");
        let json_ids: Vec<&str> =
            document[table].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, json_ids, "{table}.csv lists what regkb.json lists");
    }
}

#[test]
fn the_release_is_the_same_each_time() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    release(&a.path().join("data"));
    release(&b.path().join("data"));
    let names: Vec<_> = fs::read_dir(a.path().join("data")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(names.len() >= 9);
    for name in names {
        assert_eq!(
            fs::read(a.path().join("data").join(&name)).unwrap(),
            fs::read(b.path().join("data").join(&name)).unwrap()
        );
    }
}
