//! Printing the compare matrix from Chromium: A4 landscape, the heading row and the page's
//! provenance (address, date, filters, legend, draft warning) on every page, and no more pages
//! than the matrix needs. Chromium prints to PDF; lopdf reads it back.

mod common;

use std::path::Path;
use std::process::Command;

use common::Server;

/// `url` printed to PDF by headless Chromium, with the browser's own header and footer off.
fn print(url: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("page.pdf");
    let out = Command::new("chromium")
        .args(["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url)
        .output()
        .expect("chromium is installed (make test installs Debian's chromium)");
    assert!(pdf.exists(), "no PDF: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(pdf).unwrap()
}

/// Each page's size in points and its text.
fn pages(pdf: &[u8]) -> Vec<((f32, f32), String)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .into_iter()
        .map(|(number, id)| {
            let page = doc.get_dictionary(id).unwrap();
            let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let size = |i: usize| media[i].as_float().unwrap_or_else(|_| media[i].as_i64().unwrap() as f32);
            let text = doc.extract_text(&[number]).unwrap();
            ((size(2) - size(0), size(3) - size(1)), text.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

/// Text without spaces, hyphens or soft hyphens, and with ligatures spelled out: how it reads,
/// however the lines broke and the font drew it.
fn joined(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !['-', '\u{ad}', '\u{2010}'].contains(c))
        .map(|c| match c {
            'ﬀ' => "ff".to_owned(),
            'ﬁ' => "fi".to_owned(),
            'ﬂ' => "fl".to_owned(),
            'ﬃ' => "ffi".to_owned(),
            'ﬄ' => "ffl".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

#[test]
fn a_four_regulator_comparison_prints_legibly_on_a4_landscape() {
    let server = Server::start(Path::new("content"), &[]);
    let query = "regulators=pmda%2Chsa%2Cmfds%2Ctfda";
    let url = format!("{}/compare?{query}", server.base);
    let view = server.get(&format!("/api/v1/compare?{query}")).json();
    let rows: Vec<&serde_json::Value> =
        view["groups"].as_array().unwrap().iter().flat_map(|g| g["rows"].as_array().unwrap()).collect();
    let pages: Vec<((f32, f32), String)> = pages(&print(&url));

    // A4 landscape, and as few pages as the rows need: on average three topics a page at least.
    assert!(pages.len() >= 2, "the matrix spans pages, so repetition is tested");
    assert!(pages.len() <= rows.len().div_ceil(3), "{} pages for {} topics", pages.len(), rows.len());
    let today = server.get("/compare").body.split("data-page-date>").nth(1).unwrap()[..10].to_owned();
    for (n, ((w, h), text)) in pages.iter().enumerate() {
        assert!((w - 842.0).abs() < 2.0 && (h - 595.0).abs() < 2.0, "page {} is {w}×{h} pt", n + 1);
        // Every page carries the heading row, the address, the date, the filters, the legend and the warning.
        for expected in [
            "Topic PMDA HSA TFDA MFDS",
            &url,
            &format!("printed {today}"),
            "Regulators: PMDA, HSA, TFDA, MFDS; Domain: all domains",
            "● Required ◐ Expected",
            "have not been reviewed by a working group",
        ] {
            assert!(text.contains(expected), "page {} lacks {expected:?}: {text}", n + 1);
        }
    }

    // No cell is cut across pages: each record's summary starts and ends on the same page.
    let texts: Vec<String> = pages.iter().map(|(_, t)| joined(t)).collect();
    let mut checked = 0;
    for row in &rows {
        for cell in row["cells"].as_array().unwrap() {
            for record in cell["records"].as_array().unwrap() {
                let summary: Vec<char> = joined(record["line"]["summary"].as_str().unwrap()).chars().collect();
                if summary.len() < 120 {
                    continue;
                }
                let head: String = summary[..60].iter().collect();
                let tail: String = summary[summary.len() - 60..].iter().collect();
                // lopdf reads Latin text back; Korean and Chinese glyphs it may not map.
                if !head.is_ascii() || !tail.is_ascii() {
                    continue;
                }
                let page = texts.iter().position(|t| t.contains(&head)).unwrap_or_else(|| panic!("{head} is printed"));
                assert!(texts[page].contains(&tail), "the cell starting {head} is cut after page {}", page + 1);
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "{checked} cells checked");
}
