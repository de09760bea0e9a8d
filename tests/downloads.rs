//! Downloads over HTTP: the compare matrix, a topic and a regulator as CSV and XLSX, read back
//! with a CSV parser and calamine, hold the cells the page and its JSON show.

mod common;

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Reader, Xlsx};
use common::{Response, Server};

const BOM: &str = "\u{feff}";

/// The rows of a CSV download, heading first, after checking its type and byte-order mark.
fn csv_rows(response: &Response) -> Vec<Vec<String>> {
    assert_eq!(response.status, 200);
    assert!(response.header("content-type").unwrap().starts_with("text/csv; charset=utf-8"));
    let text = response.body.strip_prefix(BOM).expect("a byte-order mark for Excel");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

/// A sheet of an XLSX download as text cells.
fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("an XLSX workbook");
    let range = book.worksheet_range(name).unwrap_or_else(|e| panic!("sheet {name}: {e}"));
    range.rows().map(|row| row.iter().map(|c| c.to_string()).collect()).collect()
}

/// A file inside the workbook's zip archive.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

fn escaped(text: &str) -> String {
    // As askama escapes.
    text.replace('&', "&#38;").replace('<', "&#60;").replace('>', "&#62;").replace('"', "&#34;").replace('\'', "&#39;")
}

#[test]
fn the_compare_downloads_hold_the_cells_of_the_page() {
    let server = Server::start(Path::new("content"), &[]);
    let query = "regulators=pmda,hsa,mfds&domain=nonclinical&baseline=pmda";
    let page = server.get(&format!("/compare?{query}")).body;
    let view = server.get(&format!("/api/compare?{query}")).json();
    let csv = csv_rows(&server.get(&format!("/compare.csv?{query}")));
    let xlsx = server.get(&format!("/compare.xlsx?{query}"));
    assert!(xlsx.header("content-type").unwrap().contains("spreadsheetml"));
    assert!(xlsx.header("content-disposition").unwrap().contains("regkb-compare.xlsx"));

    // The page links its downloads with its own filters.
    assert!(page.contains(&format!("href=\"/compare.csv?{}\"", escaped(&query.replace(',', "%2C")))), "{page}");

    let shorts: Vec<&str> = view["regulators"].as_array().unwrap().iter().map(|r| r[1].as_str().unwrap()).collect();
    assert_eq!(csv[0], ["Domain", "Topic", "PMDA", "HSA", "MFDS"]);
    assert_eq!(csv[0][2..], shorts[..]);
    let rows: Vec<&serde_json::Value> =
        view["groups"].as_array().unwrap().iter().flat_map(|g| g["rows"].as_array().unwrap()).collect();
    assert_eq!(csv.len() - 1, rows.len());
    assert_eq!(page.matches("<tr data-agrees=").count(), rows.len());
    let mut at = 0;
    for (line, row) in csv[1..].iter().zip(&rows) {
        assert_eq!(line[0], "Non-clinical");
        assert_eq!(line[1], row["topic"].as_str().unwrap());
        // The page shows the same topics in the same order.
        at += page[at..].find(&format!(">{}</a></th>", escaped(&line[1]))).expect("the topic is on the page");
        for (text, cell) in line[2..].iter().zip(row["cells"].as_array().unwrap()) {
            let records = cell["records"].as_array().unwrap();
            let Some(first) = records.first() else {
                assert_eq!(text, "No record");
                continue;
            };
            let differs = cell["differs"].as_bool().unwrap();
            assert_eq!(text.starts_with("Δ "), differs, "{text}");
            let text = text.trim_start_matches("Δ ");
            assert!(text.starts_with(first["line"]["badge"]["label"].as_str().unwrap()), "{text}");
            for r in records {
                assert!(text.contains(r["line"]["summary"].as_str().unwrap()));
            }
        }
    }

    // The workbook's first sheet holds exactly the CSV's cells.
    assert_eq!(sheet(&xlsx.bytes, "Compare"), csv);
    let sources = sheet(&xlsx.bytes, "Sources");
    assert_eq!(sources[0], ["Title", "Local title", "Number", "Language", "Issuer", "Issued", "URL"]);
    assert!(sources.len() > 5, "{} sources", sources.len());
    assert!(sources[1..].iter().any(|s| s[1].chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c))));
    let about = sheet(&xlsx.bytes, "About");
    let field = |name: &str| about.iter().find(|r| r[0] == name).map(|r| r[1].clone()).unwrap_or_default();
    assert_eq!(field("Address"), format!("/compare?{}", query.replace(',', "%2C")));
    assert_eq!(field("Regulators"), "PMDA, HSA, MFDS");
    assert_eq!(field("Baseline"), "PMDA");
    let version = field("Content version");
    assert!(version == "unknown" || version.len() == 40, "{version}");
    assert!(field("Warning").contains("not been reviewed"));
    assert_eq!(field("Date").len(), 10);

    // Frozen heading row, hyperlinks to record pages (by path: no base URL given) and fills.
    let first = part(&xlsx.bytes, "xl/worksheets/sheet1.xml");
    assert!(first.contains(r#"ySplit="1""#) && first.contains(r#"state="frozen""#));
    assert!(first.contains("<hyperlink "));
    let rels = part(&xlsx.bytes, "xl/worksheets/_rels/sheet1.xml.rels");
    assert!(rels.contains(r#"Target="/records/pmda/"#), "{rels}");
    assert!(part(&xlsx.bytes, "xl/styles.xml").contains("FFE2F3E8"), "the fill of Expected");
    assert!(part(&xlsx.bytes, "xl/worksheets/_rels/sheet2.xml.rels").contains(r#"Target="https://"#));
}

#[test]
fn with_a_base_url_workbooks_link_absolutely() {
    let server = Server::start(Path::new("content"), &["--base-url", "https://kb.example.org/regkb/"]);
    let xlsx = server.get("/regulators/pmda.xlsx");
    let rels = part(&xlsx.bytes, "xl/worksheets/_rels/sheet1.xml.rels");
    assert!(rels.contains(r#"Target="https://kb.example.org/regkb/records/pmda/"#), "{rels}");
    let about = sheet(&xlsx.bytes, "About");
    assert!(about.iter().any(|r| r[1] == "https://kb.example.org/regkb/regulators/pmda"));
}

#[test]
fn topic_and_regulator_downloads_list_their_records() {
    let server = Server::start(Path::new("content"), &[]);
    let (content, _) = indexer::load::load(Path::new("content"));
    let topic = "nonclinical.tumorigenicity";
    let csv = csv_rows(&server.get(&format!("/topics/{topic}.csv")));
    let page = server.get(&format!("/topics/{topic}")).body;
    assert!(page.contains(&format!("href=\"/topics/{topic}.xlsx\"")));
    let records: Vec<_> = content.records.iter().filter(|r| r.topic() == topic).collect();
    let without = content.regulators.iter().filter(|g| !records.iter().any(|r| r.regulator() == g.id.value)).count();
    assert_eq!(csv.len() - 1, records.len() + without);
    assert_eq!(csv[0][..3], ["Regulator", "Record", "Stance"]);
    for line in &csv[1..] {
        let summary = &line[line.len() - 2];
        if line[2] != "No record" {
            assert!(page.contains(&escaped(summary)), "{summary} is on the page");
        }
    }
    let xlsx = server.get(&format!("/topics/{topic}.xlsx"));
    assert_eq!(sheet(&xlsx.bytes, "Topic"), csv);

    let csv = csv_rows(&server.get("/regulators/hsa.csv"));
    let hsa = content.records.iter().filter(|r| r.regulator() == "hsa").count();
    assert_eq!(csv.len() - 1, hsa);
    assert!(server.get("/regulators/hsa").body.contains("href=\"/regulators/hsa.csv\""));
    for missing in ["/topics/nope.csv", "/regulators/nope.xlsx", "/topics/nonclinical.tumorigenicity.pdf"] {
        assert_eq!(server.get(missing).status, 404, "{missing}");
    }
}

#[test]
fn the_approvals_downloads_hold_the_cells_of_the_matrix() {
    let server = Server::start(Path::new("content"), &[]);
    let query = "modality=car-t&sort=first";
    let view = server.get(&format!("/api/approvals?{query}")).json();
    let page = server.get(&format!("/approvals?{query}")).body;
    assert!(page.contains(&format!("href=\"/approvals.xlsx?{}\"", escaped(query))), "the page links its own filter");
    let csv = csv_rows(&server.get(&format!("/approvals.csv?{query}")));

    let regulators: Vec<&str> = view["regulators"].as_array().unwrap().iter().map(|r| r[1].as_str().unwrap()).collect();
    assert_eq!(csv[0][..2], ["Product", "Modality"]);
    assert_eq!(csv[0][2..], regulators[..]);
    let rows = view["rows"].as_array().unwrap();
    assert!(rows.len() >= 3, "CAR-T products approved somewhere");
    assert_eq!(csv.len() - 1, rows.len());
    for (line, row) in csv[1..].iter().zip(rows) {
        assert_eq!(line[0], row["name"].as_str().unwrap());
        assert_eq!(line[1], row["modality"].as_str().unwrap());
        for (text, cell) in line[2..].iter().zip(row["cells"].as_array().unwrap()) {
            match cell["date"].as_str() {
                None => assert_eq!(text, ""),
                Some(date) if cell["first"].as_bool().unwrap() => assert!(text.starts_with(&format!("{date}\nfirst"))),
                Some(date) => {
                    let lag = cell["lag"].as_str().unwrap();
                    assert!(text.starts_with(&format!("{date}\n+{lag} mo")), "{text}");
                }
            }
        }
    }

    let xlsx = server.get(&format!("/approvals.xlsx?{query}"));
    assert_eq!(sheet(&xlsx.bytes, "Approvals"), csv);
    let sources = sheet(&xlsx.bytes, "Sources");
    assert!(sources.len() > 3, "the approvals cite their documents: {sources:?}");
    let about = sheet(&xlsx.bytes, "About");
    let field = |name: &str| about.iter().find(|r| r[0] == name).map(|r| r[1].clone()).unwrap_or_default();
    assert_eq!(field("Address"), format!("/approvals?{query}"));
    assert_eq!(field("Modality"), rows[0]["modality"].as_str().unwrap());
    assert_eq!(field("Regulator"), "all");
    assert!(field("Lag rule").starts_with("Lag is the number of calendar months"));
}
