//! CSV as RFC 4180 says (CRLF line ends, fields quoted when they need it), in UTF-8 with a
//! byte-order mark, without which Excel reads UTF-8 as a legacy code page and garbles CJK.

use super::table::Table;

/// The media type of the files this module writes.
pub const MEDIA_TYPE: &str = "text/csv; charset=utf-8; header=present";

const BOM: &[u8] = "\u{feff}".as_bytes();

/// `table` as CSV: a heading row, then one line per row; a cell's link is not written.
pub fn write(table: &Table) -> Vec<u8> {
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(BOM.to_vec());
    let written = out
        .write_record(table.columns.iter().map(|c| c.heading.as_str()))
        .and_then(|()| table.rows.iter().try_for_each(|row| out.write_record(row.iter().map(|c| c.text.as_str()))));
    written.expect("writing to memory does not fail");
    out.into_inner().expect("writing to memory does not fail")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::table::{Cell, Column};

    #[test]
    fn quotes_what_needs_quoting_and_starts_with_a_bom() {
        let mut table = Table::new("t", vec![Column::new("a", 1.0), Column::new("b", 1.0)]);
        table.rows.push(vec![Cell::text("造腫瘍性, \"x\""), Cell::text("two\nlines")]);
        let text = String::from_utf8(write(&table)).unwrap();
        assert_eq!(text, "\u{feff}a,b\r\n\"造腫瘍性, \"\"x\"\"\",\"two\nlines\"\r\n");
    }
}
