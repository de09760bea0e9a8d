//! Download formats. Each module knows one format and nothing of the content: the tabular
//! ones write a [`table::Book`] that `tables` builds from a view, the citation ones write a
//! [`crate::references::Reference`], and `openapi` describes the JSON the API serves.

pub mod citation;
pub mod csl;
pub mod csv;
pub mod openapi;
pub mod ris;
pub mod table;
pub mod xlsx;

use indexer::date::Date;

/// A format a table can be downloaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

impl TableFormat {
    /// Both, in the order pages offer them.
    pub const ALL: [TableFormat; 2] = [TableFormat::Csv, TableFormat::Xlsx];

    /// The file name extension, without the dot.
    pub fn ext(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Xlsx => "xlsx",
        }
    }

    /// The format a file name extension names.
    pub fn of_ext(ext: &str) -> Option<TableFormat> {
        TableFormat::ALL.into_iter().find(|f| f.ext() == ext)
    }

    /// The media type of its files.
    pub fn media_type(self) -> &'static str {
        match self {
            TableFormat::Csv => csv::MEDIA_TYPE,
            TableFormat::Xlsx => xlsx::MEDIA_TYPE,
        }
    }

    /// `book` in this format, made on `date`: CSV holds the first table, XLSX all of them.
    pub fn write(self, book: &table::Book, date: Date) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        match self {
            TableFormat::Csv => Ok(csv::write(book.main())),
            TableFormat::Xlsx => xlsx::write(book, date),
        }
    }
}

/// `path` without a download extension, and the format that extension names, if it has one.
pub fn split_download(path: &str) -> Option<(&str, TableFormat)> {
    let (stem, ext) = path.rsplit_once('.')?;
    Some((stem, TableFormat::of_ext(ext)?))
}

/// A format references can be downloaded in, for reference managers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiteFormat {
    Ris,
    CslJson,
}

impl CiteFormat {
    /// Both, in the order pages offer them.
    pub const ALL: [CiteFormat; 2] = [CiteFormat::Ris, CiteFormat::CslJson];

    /// The file name extension, without the dot.
    pub fn ext(self) -> &'static str {
        match self {
            CiteFormat::Ris => "ris",
            CiteFormat::CslJson => "csl.json",
        }
    }

    /// The media type of its files.
    pub fn media_type(self) -> &'static str {
        match self {
            CiteFormat::Ris => ris::MEDIA_TYPE,
            CiteFormat::CslJson => csl::MEDIA_TYPE,
        }
    }

    /// `references` in this format.
    pub fn write(self, references: &[crate::references::Reference]) -> Vec<u8> {
        match self {
            CiteFormat::Ris => ris::write(references).into_bytes(),
            CiteFormat::CslJson => serde_json::to_vec_pretty(&csl::write(references)).expect("a JSON document"),
        }
    }
}
