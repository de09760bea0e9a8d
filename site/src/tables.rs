//! Views as tables for the download formats: the compare matrix, a topic's answers and a
//! regulator's records, each with a sheet of the documents cited and one about the download.
//! This module knows the content; `formats` knows CSV and XLSX.

use indexer::date::Date;
use indexer::model::{Citation as CitedAs, Content};

use crate::formats::table::{Book, Cell, Column, Table};
use crate::i18n::{self, Lang};
use crate::links::Links;
use crate::views::approvals::ApprovalsView;
use crate::views::{self, CellRecord, Citation, CompareView, RecordLine, RegulatorView, TopicView};

/// What a download says about itself on its "About" sheet.
pub struct Stamp<'a> {
    /// The address of the page it comes from.
    pub address: String,
    /// The day it was made.
    pub date: Date,
    /// The content's version (a git commit, or "unknown").
    pub version: &'a str,
}

/// The compare matrix: a row per topic, a column per regulator.
pub fn compare(content: &Content, view: &CompareView, links: &Links, stamp: &Stamp) -> Book {
    let mut columns = vec![Column::new("Domain", 18.0), Column::new("Topic", 30.0)];
    columns.extend(view.regulators.iter().map(|(_, short)| Column::new(short.as_str(), 36.0)));
    let mut table = Table::new("Compare", columns);
    for group in &view.groups {
        for row in &group.rows {
            let mut cells =
                vec![Cell::text(&group.domain), Cell::text(&row.topic).linked(Some(links.topic(&row.topic_id)))];
            cells.extend(row.cells.iter().map(|c| compare_cell(&c.records, c.differs, links)));
            table.rows.push(cells);
        }
    }
    let ids = view.groups.iter().flat_map(|g| &g.rows).flat_map(|r| &r.cells).flat_map(|c| &c.records);
    let about = about(stamp, "Compare regulators", &view.filters);
    book(table, content, records_cited(content, ids.map(|r| r.line.id.as_str())), about)
}

/// What a matrix cell says: each record's stance, attributes and summary; the first one's
/// stance colours the cell and its page is the cell's link.
fn compare_cell(records: &[CellRecord], differs: bool, links: &Links) -> Cell {
    let Some(first) = records.first() else { return Cell::text("No record") };
    let text: Vec<String> = records
        .iter()
        .map(|r| {
            let mut lines = vec![stance_words(&r.line)];
            lines.extend(r.attributes.iter().map(|a| match &a.note {
                Some(note) => format!("{}: {} ({note})", a.label, a.value),
                None => format!("{}: {}", a.label, a.value),
            }));
            lines.push(r.line.summary.clone());
            lines.join("\n")
        })
        .collect();
    let text = text.join("\n\n");
    let text = if differs { format!("Δ {text}") } else { text };
    Cell::text(text).linked(Some(links.record(&first.line.id))).stance(first.line.badge.stance)
}

/// A stance as words, with "(draft)" for a record not yet reviewed.
fn stance_words(line: &RecordLine) -> String {
    if line.draft { format!("{} (draft)", line.badge.label) } else { line.badge.label.to_owned() }
}

/// A topic's answers: a row per record, and a row for each regulator without one.
pub fn topic(content: &Content, view: &TopicView, links: &Links, stamp: &Stamp) -> Book {
    let mut columns = vec![Column::new("Regulator", 12.0), Column::new("Record", 36.0), Column::new("Stance", 16.0)];
    columns.extend(view.attribute_columns.iter().map(|c| Column::new(c.heading(), 18.0)));
    columns.extend([Column::new("Summary", 60.0), Column::new("Sources", 50.0)]);
    let mut table = Table::new("Topic", columns);
    for answer in &view.answers {
        if answer.records.is_empty() {
            let mut row = vec![Cell::text(&answer.regulator), Cell::default(), Cell::text("No record")];
            row.resize(table.columns.len(), Cell::default());
            table.rows.push(row);
        }
        for r in &answer.records {
            let mut row = vec![
                Cell::text(&answer.regulator),
                Cell::text(&r.line.title).linked(Some(links.record(&r.line.id))),
                Cell::text(stance_words(&r.line)).stance(r.line.badge.stance),
            ];
            row.extend(view.attribute_columns.iter().map(|c| {
                let value = r.attributes.iter().find(|a| a.id == c.id);
                Cell::text(value.map(|a| a.value.clone()).unwrap_or_default())
            }));
            let cited: Vec<&str> = r.citations.iter().map(|c| c.title.as_str()).collect();
            row.extend([Cell::text(&r.line.summary), Cell::text(cited.join("; "))]);
            table.rows.push(row);
        }
    }
    let ids = view.answers.iter().flat_map(|a| &a.records).map(|r| r.line.id.as_str());
    book(table, content, records_cited(content, ids), about(stamp, &view.title, &[]))
}

/// A regulator's records, by domain.
pub fn regulator(content: &Content, view: &RegulatorView, links: &Links, stamp: &Stamp) -> Book {
    let columns = vec![
        Column::new("Domain", 18.0),
        Column::new("Record", 40.0),
        Column::new("Stance", 16.0),
        Column::new("Updated", 11.0),
        Column::new("Summary", 70.0),
    ];
    let mut table = Table::new("Records", columns);
    for (domain, lines) in &view.domains {
        for line in lines {
            table.rows.push(vec![
                Cell::text(domain),
                Cell::text(&line.title).linked(Some(links.record(&line.id))),
                Cell::text(stance_words(line)).stance(line.badge.stance),
                Cell::text(&line.updated),
                Cell::text(&line.summary),
            ]);
        }
    }
    let ids = view.domains.iter().flat_map(|(_, lines)| lines).map(|l| l.id.as_str());
    book(table, content, records_cited(content, ids), about(stamp, &view.name, &[]))
}

/// The approvals matrix: a row per product, a column per regulator, each cell the approval
/// date with the lag behind the first approval anywhere, as the page shows them.
pub fn approvals(content: &Content, view: &ApprovalsView, links: &Links, stamp: &Stamp) -> Book {
    let mut columns = vec![Column::new("Product", 30.0), Column::new("Modality", 14.0)];
    columns.extend(view.regulators.iter().map(|(_, short)| Column::new(short.as_str(), 14.0)));
    let mut table = Table::new("Approvals", columns);
    for row in &view.rows {
        let mut cells = vec![Cell::text(&row.name).linked(Some(links.product(&row.id))), Cell::text(&row.modality)];
        cells.extend(row.cells.iter().map(|c| {
            let Some(date) = &c.date else { return Cell::default() };
            let lag = if c.first {
                "first".to_owned()
            } else {
                c.lag.as_deref().map_or_else(String::new, |l| format!("+{l} mo"))
            };
            let ended = c.ended.as_ref().map_or_else(String::new, |e| {
                format!("\n{} {}", i18n::t(Lang::En, &format!("approval-status-{}", e.status)), e.date)
            });
            Cell::text(format!("{date}\n{lag}{ended}"))
        }));
        table.rows.push(cells);
    }
    let cited = view.rows.iter().filter_map(|r| content.product(&r.id)).flat_map(|p| &p.front.approvals);
    let mut about = about(stamp, "Approvals and lag", &view.filter.in_words(content));
    about.rows.insert(4, vec![Cell::text("Lag rule"), Cell::text(&view.rule)]);
    book(table, content, cited.flat_map(|a| &a.sources), about)
}

/// The citations of the records `ids`, in their order.
fn records_cited<'a>(
    content: &'a Content,
    ids: impl IntoIterator<Item = &'a str>,
) -> impl Iterator<Item = &'a CitedAs> {
    ids.into_iter().filter_map(|id| content.record(id)).flat_map(|r| &r.front.sources)
}

/// `table`, then the documents cited, then what the download is.
fn book<'a>(table: Table, content: &Content, cited: impl IntoIterator<Item = &'a CitedAs>, about: Table) -> Book {
    Book { tables: vec![table, sources(&views::documents_cited(content, cited)), about] }
}

/// The documents cited, one row each.
fn sources(citations: &[Citation]) -> Table {
    let columns = vec![
        Column::new("Title", 50.0),
        Column::new("Local title", 40.0),
        Column::new("Number", 18.0),
        Column::new("Language", 9.0),
        Column::new("Issuer", 14.0),
        Column::new("Issued", 11.0),
        Column::new("URL", 50.0),
    ];
    let mut table = Table::new("Sources", columns);
    for c in citations {
        let text = |v: &Option<String>| Cell::text(v.clone().unwrap_or_default());
        table.rows.push(vec![
            Cell::text(&c.title).linked(c.url.clone()),
            text(&c.local_title),
            text(&c.number),
            text(&c.language),
            Cell::text(&c.issuer),
            Cell::text(&c.issued),
            text(&c.url).linked(c.url.clone()),
        ]);
    }
    table
}

/// What the download is: its title, where it comes from, its date and content version, the
/// filters it was made with, and the draft warning.
fn about(stamp: &Stamp, title: &str, filters: &[(&'static str, String)]) -> Table {
    let mut table = Table::new("About", vec![Column::new("Field", 18.0), Column::new("Value", 100.0)]);
    let mut row = |field: &str, value: Cell| table.rows.push(vec![Cell::text(field), value]);
    row("Title", Cell::text(title));
    row("Address", Cell::text(&stamp.address).linked(Some(stamp.address.clone())));
    row("Date", Cell::text(stamp.date.to_string()));
    row("Content version", Cell::text(stamp.version));
    for (name, value) in filters {
        row(name, Cell::text(value));
    }
    row("Warning", Cell::text(views::DRAFT_WARNING));
    table
}
