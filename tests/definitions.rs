//! The definitions page and the links to it: every stance, route answer and status is defined
//! once, and legends and badges point there.

mod common;

use std::path::Path;

use common::Server;
use indexer::model::{Stance, Status};
use site::i18n::{Lang, t};

#[test]
fn every_answer_and_status_is_defined_and_linked() {
    let server = Server::start(Path::new("tests/fixtures/valid"), &[]);
    let page = server.get("/definitions");
    assert_eq!(page.status, 200);
    for &s in Stance::ALL {
        let anchor = format!(r#"<dt id="stance-{}">"#, s.as_str());
        assert!(page.body.contains(&anchor), "{anchor}");
        assert!(page.body.contains(s.definition()), "{s}");
    }
    for &s in Status::ALL {
        let (label, definition) =
            (t(Lang::En, &format!("review-status-{s}")), t(Lang::En, &format!("review-status-{s}-definition")));
        let term = format!(r#"<dt id="status-{s}">{label} <code>{s}</code></dt><dd>{definition}</dd>"#);
        assert!(page.body.contains(&term), "{s}");
    }
    // In another language, the words are translated and the value stays as content files write it.
    let japanese = server.get("/ja/definitions").body;
    let draft = format!(r#"<dt id="document-draft">{} <code>draft</code></dt>"#, t(Lang::Ja, "document-status-draft"));
    assert!(japanese.contains(&draft), "{draft}");
    let number = format!(r##"<a href="#type-number">{}</a> <code>number</code>"##, t(Lang::Ja, "value-type-number"));
    assert!(japanese.contains(&number), "{number}");
    assert!(page.body.contains(r#"<tr id="attribute-nonclinical.tumorigenicity-duration_weeks">"#));
    assert!(
        page.body.contains("<code>required</code>, <code>case-by-case</code>, <code>not-required</code>"),
        "an enum's values"
    );

    let compare = server.get("/compare").body;
    assert!(
        compare.contains(r#"<a href="/definitions">What the answers mean</a>"#),
        "the legend links the definitions"
    );
    assert!(
        compare.contains(&format!(r#"<span class="badge stance-required" title="{}">"#, Stance::Required.definition()))
    );

    let record = server.get("/records/pmda/nonclinical.tumorigenicity--msc").body;
    assert!(record.contains(&format!(
        r#"<a class="define" href="/definitions#stance-case-by-case">{}</a>"#,
        Stance::CaseByCase.definition()
    )));
    assert!(record.contains(r#"<a href="/definitions#status-draft">Draft</a>"#));
}

#[test]
fn value_tables_explain_empty_cells() {
    let server = Server::start(Path::new("tests/fixtures/valid"), &[]);
    let page = server.get("/topics/clinical.long-term-follow-up").body;
    let row = page.split("<tr>").find(|r| r.contains("/records/hsa/clinical.long-term-follow-up")).expect("HSA's row");
    assert!(
        row.contains(r#"<span aria-hidden="true">—</span><span class="visually-hidden">not given</span>"#),
        "{row}"
    );
    assert!(page.contains("— means the record gives no such value"));
    assert!(page.contains(r##"<a href="/definitions#values-h">About values</a>"##));
}
