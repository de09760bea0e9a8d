//! A table as the download formats see it: headings, and rows of cells that carry text, an
//! optional link and an optional stance. CSV writes a book's first table; XLSX writes every
//! table as a sheet.

use indexer::model::Stance;

/// A column: its heading and a width in characters, for formats that size columns.
#[derive(Debug, Clone)]
pub struct Column {
    pub heading: String,
    pub width: f64,
}

impl Column {
    /// A column headed `heading`, `width` characters wide.
    pub fn new(heading: impl Into<String>, width: f64) -> Column {
        Column { heading: heading.into(), width }
    }
}

/// A cell: text, where it links to, and the stance it shows (drawn as a fill colour).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub link: Option<String>,
    pub stance: Option<Stance>,
}

impl Cell {
    /// A cell of plain text.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), ..Cell::default() }
    }

    /// This cell, linking to `url` when there is one.
    pub fn linked(self, url: Option<String>) -> Cell {
        Cell { link: url, ..self }
    }

    /// This cell, showing `stance`.
    pub fn stance(self, stance: Stance) -> Cell {
        Cell { stance: Some(stance), ..self }
    }
}

/// A named table: a sheet of a workbook, or the whole of a CSV file.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn new(name: impl Into<String>, columns: Vec<Column>) -> Table {
        Table { name: name.into(), columns, rows: Vec::new() }
    }
}

/// Tables that travel together: the first is the content, the others describe it.
#[derive(Debug, Clone)]
pub struct Book {
    pub tables: Vec<Table>,
}

impl Book {
    /// The table a single-table format (CSV) writes.
    pub fn main(&self) -> &Table {
        &self.tables[0]
    }
}
