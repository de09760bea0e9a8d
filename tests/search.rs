//! Relevance and robustness of `regkb search --json`, on `tests/fixtures/search`: a tree in
//! which each record spells a concept one way only (tumourigenicity, 造腫瘍性, 致瘤性 …).

mod common;

use common::regkb;
use serde_json::Value;

const CONTENT: &str = "tests/fixtures/search";

fn search(args: &[&str]) -> Value {
    let mut all = vec!["search", "--json", "--limit", "50", "--content", CONTENT];
    all.extend_from_slice(args);
    let out = regkb(&all);
    assert!(out.status.success(), "regkb {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

fn ids(doc: &Value) -> Vec<String> {
    let mut ids: Vec<String> =
        doc["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_owned()).collect();
    ids.sort();
    ids
}

const SAFETY: [&str; 5] = [
    "hsa/nonclinical.safety",
    "mfds/nonclinical.safety",
    "nmpa/nonclinical.safety",
    "pmda/nonclinical.safety",
    "tfda/nonclinical.safety",
];
const MONITORING: [&str; 5] = [
    "hsa/clinical.monitoring",
    "mfds/clinical.monitoring",
    "nmpa/clinical.monitoring",
    "pmda/clinical.monitoring",
    "tfda/clinical.monitoring",
];

/// (query, records that must be found, records that must not)
const TABLE: &[(&str, &[&str], &[&str])] = &[
    ("tumorigenicity", &SAFETY, &[]),
    ("tumourigenicity", &SAFETY, &[]),
    ("造腫瘍性", &SAFETY, &[]),
    ("致瘤性", &SAFETY, &[]),
    ("종양원성", &SAFETY, &[]),
    ("TUMOURIGENICITY", &SAFETY, &[]),
    ("LTFU", &MONITORING, &SAFETY),
    ("long-term follow-up", &MONITORING, &SAFETY),
    ("long term follow up", &MONITORING, &SAFETY),
    ("長期フォローアップ", &MONITORING, &[]),
    ("长期随访", &MONITORING, &[]),
    ("장기추적조사", &MONITORING, &[]),
    // Modality aliases reach records through their modalities.
    ("iPS細胞由来", &["pmda/cmc.banking"], &["hsa/cmc.banking"]),
    ("hiPSC-derived", &["pmda/cmc.banking"], &["hsa/cmc.banking"]),
    ("adeno-associated virus", &["hsa/cmc.banking"], &["pmda/cmc.banking"]),
    // Phrases keep word order; bare words do not need it.
    ("\"cell bank\"", &["pmda/cmc.banking"], &["hsa/cmc.banking"]),
    ("bank cell", &["pmda/cmc.banking", "hsa/cmc.banking"], &[]),
    // UK and US spellings, and stems.
    ("characterisation", &["tfda/nonclinical.safety", "pmda/cmc.banking"], &["hsa/cmc.banking"]),
    ("submit", &["tfda/clinical.monitoring"], &["hsa/clinical.monitoring"]),
    ("lists", &["tfda/nonclinical.safety"], &["hsa/nonclinical.safety"]),
    // "tumor" is not "tumorigenicity": it finds only the record that says tumour necrosis.
    ("tumor", &["hsa/nonclinical.safety"], &["tfda/nonclinical.safety", "pmda/nonclinical.safety"]),
    // Partial CJK words match through bigrams.
    ("腫瘍", &["pmda/nonclinical.safety"], &["mfds/nonclinical.safety"]),
];

#[test]
fn queries_find_what_they_must_and_not_what_they_must_not() {
    let mut failures = Vec::new();
    for (query, must, must_not) in TABLE {
        let found = ids(&search(&[query]));
        let missing: Vec<_> = must.iter().filter(|id| !found.iter().any(|f| f == *id)).collect();
        let wrong: Vec<_> = must_not.iter().filter(|id| found.iter().any(|f| f == *id)).collect();
        if !missing.is_empty() || !wrong.is_empty() {
            failures.push(format!("{query}: missing {missing:?}, unwanted {wrong:?}, got {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_five_spellings_find_the_same_records() {
    let sets: Vec<Vec<String>> = ["tumorigenicity", "tumourigenicity", "造腫瘍性", "致瘤性", "종양원성"]
        .iter()
        .map(|q| ids(&search(&[q])))
        .collect();
    assert!(sets.windows(2).all(|w| w[0] == w[1]), "{sets:?}");
    assert_eq!(sets[0], SAFETY);
}

#[test]
fn filters_narrow_and_or_within_a_facet() {
    assert_eq!(ids(&search(&["--regulator", "pmda", "tumorigenicity"])), ["pmda/nonclinical.safety"]);
    assert_eq!(
        ids(&search(&["--regulator", "pmda", "--regulator", "hsa", "tumorigenicity"])),
        ["hsa/nonclinical.safety", "pmda/nonclinical.safety"]
    );
    assert_eq!(ids(&search(&["--stance", "case-by-case", "tumorigenicity"])), ["nmpa/nonclinical.safety"]);
    assert_eq!(ids(&search(&["--domain", "cmc"])), ["hsa/cmc.banking", "pmda/cmc.banking"]);
    assert_eq!(ids(&search(&["--topic", "clinical.monitoring", "--regulator", "tfda"])), ["tfda/clinical.monitoring"]);
    assert_eq!(ids(&search(&["--modality", "aav", "--domain", "cmc"])), ["hsa/cmc.banking"]);
}

#[test]
fn facet_counts_ignore_their_own_filter_only() {
    let doc = search(&["--regulator", "pmda", "tumorigenicity"]);
    assert_eq!(doc["total"], 1);
    // Other regulators stay countable, so a reader can widen the filter.
    assert_eq!(doc["facets"]["regulator"]["hsa"], 1);
    assert_eq!(doc["facets"]["regulator"]["pmda"], 1);
    // Other facets count within the regulator filter.
    assert_eq!(doc["facets"]["stance"]["required"], 1);
    assert!(doc["facets"]["stance"].get("expected").is_none());
}

#[test]
fn empty_query_with_filters_lists_records() {
    let doc = search(&["--regulator", "mfds"]);
    assert_eq!(doc["total"], 2);
}

#[test]
fn all_words_required_with_ranked_fallback() {
    let strict = search(&["tumorigenicity", "zebra"]);
    assert_eq!(strict["relaxed"], true);
    assert_eq!(ids(&strict), SAFETY);
    assert_eq!(search(&["tumorigenicity", "immunodeficient"])["total"], 1);
}

#[test]
fn results_have_the_api_shape_and_safe_snippets() {
    let doc = search(&["tumourigenicity"]);
    for key in ["query", "total", "hits", "facets"] {
        assert!(doc.get(key).is_some(), "{key}");
    }
    let hit = doc["hits"].as_array().unwrap().iter().find(|h| h["id"] == "hsa/nonclinical.safety").unwrap();
    for key in [
        "id",
        "url",
        "title",
        "regulator",
        "topic",
        "domain",
        "modalities",
        "stance",
        "status",
        "summary",
        "snippet",
        "score",
    ] {
        assert!(hit.get(key).is_some(), "{key}");
    }
    assert_eq!(hit["url"], "/records/hsa/nonclinical.safety");
    assert!(hit["snippet"].as_str().unwrap().contains("<mark>tumourigenicity</mark>"), "{}", hit["snippet"]);
    for facet in ["regulator", "domain", "topic", "modality", "stance"] {
        assert!(doc["facets"][facet].is_object(), "{facet}");
    }
}

#[test]
fn hostile_queries_never_crash() {
    let long = "a".repeat(501);
    let queries = [
        "\"",
        "\"\"\"",
        "((",
        "*",
        "AND OR NOT",
        ":",
        "title:x",
        "-",
        "🙂",
        "\u{202e}abc",
        "<script>alert(1)</script>",
        "a\"b\"c\"",
        "   ",
        "ｔｕｍｏｒ",
    ];
    for q in queries.iter().copied().chain([long.as_str()]) {
        let out = regkb(&["search", "--json", "--content", CONTENT, q]);
        let code = out.status.code();
        assert!(
            code == Some(0) || code == Some(2),
            "query {q:?} exited with {code:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if code == Some(0) {
            let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
            for hit in doc["hits"].as_array().unwrap() {
                assert!(!hit["snippet"].as_str().unwrap().contains("<script"), "unescaped input in {hit}");
            }
        }
    }
    let out = regkb(&["search", "--content", CONTENT, &long]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("limit is 500"));
}

/// A tree built to reproduce the defects of issue 14: concepts that overlap, hide inside other
/// words or straddle a block, snippets from the wrong paragraph, unspaced scripts.
const DEFECTS: &str = "tests/fixtures/search-defects";

fn search_in(content: &str, args: &[&str]) -> Value {
    let mut all = vec!["search", "--json", "--limit", "50", "--content", content];
    all.extend_from_slice(args);
    let out = regkb(&all);
    assert!(out.status.success(), "regkb {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

#[test]
fn unspaced_queries_find_what_spaced_ones_find() {
    for (unspaced, spaced) in [
        ("iPS細胞の造腫瘍性", "iPS細胞 造腫瘍性"),
        ("造腫瘍性試験", "造腫瘍性 試験"),
        ("iPS細胞由来製品の造腫瘍性", "iPS細胞由来製品 造腫瘍性"),
    ] {
        let doc = search_in(DEFECTS, &[unspaced]);
        let expected = ids(&search_in(DEFECTS, &[spaced]));
        assert!(expected.contains(&"pmda/cmc.banking".to_owned()), "{spaced}: {expected:?}");
        // Everything the spaced query finds, first; a word glued to a concept ranks but is not required.
        let found: Vec<String> =
            doc["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_owned()).collect();
        let mut first = found[..expected.len()].to_vec();
        first.sort();
        assert_eq!(first, expected, "{unspaced}: {found:?}");
        assert_eq!(doc["relaxed"], false, "{unspaced}");
    }
}

#[test]
fn every_concept_a_text_spells_is_found_overlapping_ones_too() {
    for query in ["allogeneic", "allogeneic CAR-T", "再生医療", "regenerative medicine", "再生医療等製品"] {
        assert_eq!(ids(&search_in(DEFECTS, &[query])), ["pmda/cmc.banking"], "{query}");
    }
}

#[test]
fn concepts_match_whole_words_within_one_block() {
    // "Non-clinical studies", 非臨床試験 and 비임상시험 are not clinical trials.
    assert_eq!(search_in(DEFECTS, &["clinical trial"])["total"], 0);
    assert_eq!(ids(&search_in(DEFECTS, &["non-clinical study"])), ["hsa/nonclinical.safety"]);
    // 자가면역 is autoimmune, not autologous; 同種同効品 is a similar product, not allogeneic.
    assert_eq!(search_in(DEFECTS, &["autologous"])["total"], 0);
    assert!(!ids(&search_in(DEFECTS, &["allogeneic"])).contains(&"mfds/clinical.monitoring".to_owned()));
    // A heading ending "tumor" and the paragraph after it, "Formation ...", are not "tumor formation".
    assert!(!ids(&search_in(DEFECTS, &["tumorigenicity"])).contains(&"tfda/nonclinical.safety".to_owned()));
}

#[test]
fn filters_apply_before_the_fallback_is_decided() {
    let doc = search_in(DEFECTS, &["--regulator", "hsa", "consultation animals"]);
    assert_eq!(ids(&doc), ["hsa/nonclinical.safety"]);
    assert_eq!(doc["relaxed"], true);
    assert_eq!(doc["dropped"], serde_json::json!(["animals"]));
    assert_eq!(doc["hits"][0]["missing"], serde_json::json!(["animals"]));
}

#[test]
fn snippets_come_from_the_paragraph_with_the_words_counted_in_characters() {
    let doc = search_in(DEFECTS, &["tumorigenicity"]);
    let snippet = |id: &str| {
        let hit = doc["hits"].as_array().unwrap().iter().find(|h| h["id"] == id).expect(id);
        hit["snippet"].as_str().unwrap().to_owned()
    };
    assert!(snippet("nmpa/clinical.monitoring").starts_with("<mark>Tumorigenicity</mark> of the product"));
    let japanese = snippet("pmda/nonclinical.safety");
    assert!(japanese.contains("<mark>造腫瘍性</mark>"), "{japanese}");
    let shown = japanese.replace("<mark>", "").replace("</mark>", "").chars().count();
    assert_eq!(shown, 220, "{japanese}");
}

#[test]
fn single_letters_thai_and_symbols() {
    assert_eq!(ids(&search_in(DEFECTS, &["癌"])), ["nmpa/clinical.monitoring"]);
    assert_eq!(ids(&search_in(DEFECTS, &["มะเร็ง"])), ["tfda/nonclinical.safety"]);
    for nothing in ["😀", "—", "!!"] {
        let doc = search_in(DEFECTS, &[nothing]);
        assert_eq!(doc["total"], 0, "{nothing}");
        assert_eq!(doc["analysable"], false, "{nothing}");
    }
    assert_eq!(search_in(DEFECTS, &[""])["total"], 8);
}
