//! XLSX workbooks: one sheet per table, the heading row frozen and bold, columns sized, text
//! wrapped, links as hyperlinks, and a stance as a fill colour beside its words (the colours
//! of the site's badges, so a printout in grey still reads).

use indexer::date::Date;
use indexer::model::Stance;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Url, Workbook, Worksheet, XlsxError,
};

use super::table::{Book, Cell, Table};

/// The media type of the files this module writes.
pub const MEDIA_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The most characters Excel keeps in a cell.
const CELL_LIMIT: usize = 32_767;

/// `book` as an XLSX workbook dated `date` (its creation date, fixed so equal books give equal files).
pub fn write(book: &Book, date: Date) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(
        date.year.try_into().unwrap_or(2000),
        date.month.unwrap_or(1).try_into().unwrap_or(1),
        date.day.unwrap_or(1).try_into().unwrap_or(1),
    )?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    for table in &book.tables {
        sheet(workbook.add_worksheet(), table)?;
    }
    workbook.save_to_buffer()
}

fn sheet(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    sheet.set_name(&table.name)?;
    let heading = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xE4EBF2))
        .set_border_bottom(FormatBorder::Medium);
    for (col, column) in (0u16..).zip(&table.columns) {
        sheet.set_column_width(col, column.width)?;
        sheet.write_string_with_format(0, col, &column.heading, &heading)?;
    }
    for (row, cells) in (1u32..).zip(&table.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            write_cell(sheet, row, col, cell)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    if !table.rows.is_empty() {
        let last = u16::try_from(table.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
        sheet.autofilter(0, 0, u32::try_from(table.rows.len()).unwrap_or(u32::MAX), last)?;
    }
    Ok(())
}

fn write_cell(sheet: &mut Worksheet, row: u32, col: u16, cell: &Cell) -> Result<(), XlsxError> {
    let mut format = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    if let Some(stance) = cell.stance {
        format = format.set_background_color(Color::RGB(fill(stance)));
    }
    let text: String = cell.text.chars().take(CELL_LIMIT).collect();
    if let Some(link) = &cell.link {
        let url = Url::new(excel_address(link)).set_text(&text);
        let linked =
            format.clone().set_font_color(Color::RGB(0x0A58A8)).set_underline(rust_xlsxwriter::FormatUnderline::Single);
        // Excel refuses some addresses (too long, odd characters): the text then stands alone.
        if sheet.write_url_with_format(row, col, url, &linked).is_ok() {
            return Ok(());
        }
    }
    sheet.write_string_with_format(row, col, &text, &format)?;
    Ok(())
}

/// A link as Excel wants it: web addresses as they are, a relative path as a file link,
/// which Excel resolves against the workbook's own place.
fn excel_address(link: &str) -> String {
    if link.contains("://") { link.to_owned() } else { format!("file:///{link}") }
}

/// The fill of a stance: the background of its badge on the site.
fn fill(stance: Stance) -> u32 {
    match stance {
        Stance::Required => 0xE1EBFA,
        Stance::Expected => 0xE2F3E8,
        Stance::CaseByCase => 0xFDF0D6,
        Stance::NotRequired => 0xF1E8F8,
        Stance::NoGuidance => 0xEEF0F2,
        Stance::Available => 0xDFF3F1,
        Stance::NotAvailable => 0xFBE6E4,
        Stance::Unknown => 0xFFFFFF,
    }
}
