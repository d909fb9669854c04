//! A list as an XLSX workbook (`rust_xlsxwriter`): one named sheet, typed
//! cells (numbers as numbers, days as dates), the header row bold and
//! frozen, an autofilter over the whole list, and columns as wide as what
//! they hold.

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::table::{Cell, Table};
use crate::error::AppError;

/// Narrowest and widest column, in characters.
const WIDTH: (usize, usize) = (8, 60);

fn failed(e: XlsxError) -> AppError {
    AppError::Internal(anyhow::anyhow!("writing XLSX: {e}"))
}

/// The workbook's bytes.
pub fn write(table: &Table) -> Result<Vec<u8>, AppError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(table.sheet).map_err(failed)?;
    let bold = Format::new().set_bold();
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let mut widths: Vec<usize> = table.headers.iter().map(|h| h.chars().count()).collect();
    for (c, header) in table.headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, col(c), header, &bold)
            .map_err(failed)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| AppError::Internal(anyhow::anyhow!("too many rows")))?;
        for (c, cell) in row.iter().enumerate() {
            let width = match cell {
                Cell::Text(s) if !s.is_empty() => {
                    sheet.write_string(r, col(c), s).map_err(failed)?;
                    s.lines().map(|l| l.chars().count()).max().unwrap_or_default()
                }
                // Whole numbers a sheet holds exactly (participants, months).
                #[allow(clippy::cast_precision_loss)]
                Cell::Int(n) => {
                    sheet.write_number(r, col(c), *n as f64).map_err(failed)?;
                    n.to_string().len()
                }
                Cell::Date(d) => {
                    let date = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        u8::try_from(d.month()).unwrap_or(1),
                        u8::try_from(d.day()).unwrap_or(1),
                    )
                    .map_err(failed)?;
                    sheet
                        .write_datetime_with_format(r, col(c), &date, &day)
                        .map_err(failed)?;
                    10
                }
                Cell::Text(_) | Cell::Empty => 0,
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
    let last_col = col(table.headers.len().saturating_sub(1));
    sheet.autofilter(0, 0, last_row, last_col).map_err(failed)?;
    for (c, w) in widths.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let width = (*w).clamp(WIDTH.0, WIDTH.1) as f64 + 2.0;
        sheet.set_column_width(col(c), width).map_err(failed)?;
    }
    workbook.save_to_buffer().map_err(failed)
}

/// A column index as the writer takes it (lists have a few dozen columns).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
