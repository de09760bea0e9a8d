//! The citation line: one style for records and documents alike —
//! `Author. Title [local title]. Number. Date. Address (read date). Note.`

use crate::references::Reference;

/// `reference` as one line of text to paste into a report.
pub fn line(reference: &Reference) -> String {
    let title = match &reference.local_title {
        Some(local) => format!("{} [{local}]", reference.title),
        None => reference.title.clone(),
    };
    let url = reference.url.as_ref().map(|u| match &reference.accessed {
        Some(d) => format!("{u} (read {d})"),
        None => u.clone(),
    });
    let parts = [
        Some(reference.author.clone()),
        Some(title),
        reference.number.clone(),
        Some(reference.issued.to_string()),
        url,
        reference.note.clone(),
    ];
    let mut out = String::new();
    for part in parts.into_iter().flatten().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&part);
        if !part.ends_with(['.', '?', '!']) {
            out.push('.');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::references::Work;

    #[test]
    fn writes_the_parts_in_order_and_skips_the_missing() {
        let r = Reference {
            key: "k".into(),
            work: Work::Document,
            author: "PMDA".into(),
            title: "Guideline".into(),
            local_title: Some("指針".into()),
            number: Some("No. 1".into()),
            language: Some("ja".into()),
            issued: "2019-02".parse().unwrap(),
            url: Some("https://www.pmda.go.jp/x".into()),
            accessed: Some("2026-01-05".parse().unwrap()),
            note: None,
        };
        assert_eq!(line(&r), "PMDA. Guideline [指針]. No. 1. 2019-02. https://www.pmda.go.jp/x (read 2026-01-05).");
    }
}
