//! RIS, the tagged format reference managers (Zotero, EndNote, Mendeley) import: one entry per
//! reference, `TAG  - value` lines ending in CRLF, each entry closed by `ER  - `.

use crate::references::{Reference, Work};

/// The media type of RIS files.
pub const MEDIA_TYPE: &str = "application/x-research-info-systems; charset=utf-8";

/// `references` as one RIS file.
pub fn write(references: &[Reference]) -> String {
    let mut out = String::new();
    for r in references {
        entry(&mut out, r);
    }
    out
}

fn entry(out: &mut String, r: &Reference) {
    let mut tag = |tag: &str, value: &str| {
        // A value is one line: RIS has no escape for line breaks.
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!("{tag}  - {value}\r\n"));
    };
    let kind = match r.work {
        Work::Legislation => "STAT",
        Work::Document => "GOVDOC",
        Work::Page => "ELEC",
    };
    tag("TY", kind);
    tag("ID", &r.key);
    tag("AU", &r.author);
    tag("TI", &r.title);
    if let Some(local) = &r.local_title {
        tag("TT", local);
    }
    tag("PY", &r.issued.year.to_string());
    let part = |p: Option<i8>| p.map(|v| format!("{v:02}")).unwrap_or_default();
    tag("DA", &format!("{:04}/{}/{}/", r.issued.year, part(r.issued.month), part(r.issued.day)));
    if let Some(n) = &r.number {
        tag("M1", n);
    }
    if let Some(l) = &r.language {
        tag("LA", l);
    }
    if let Some(u) = &r.url {
        tag("UR", u);
    }
    if let Some(d) = &r.accessed {
        tag("Y2", &d.to_string());
    }
    if let Some(n) = &r.note {
        tag("N1", n);
    }
    tag("PB", &r.author);
    out.push_str("ER  - \r\n");
}
