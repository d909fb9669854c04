//! A planner's spreadsheet of 1,000 rows imported through the API (issue
//! 14): the XLSX made as a planner's spreadsheet program would, sent to the
//! release server, all rows created as drafts in one transaction. Gated
//! under 3 s.

use std::time::Instant;

use anyhow::bail;
use hyper::{Method, StatusCode};

use super::report::Gate;
use super::{Server, fetch, login, write};

/// Rows in the file.
pub const ROWS: u32 = 1000;

fn workbook(year: i32) -> anyhow::Result<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    // The template's own headers, as a planner's filled-in copy has them.
    for (c, h) in (0u16..).zip(concord_backend::paper::import::headers(concord_shared::Lang::En)) {
        sheet.write_string(0, c, h)?;
    }
    for r in 1..=ROWS {
        let month = 1 + r % 12;
        let values = [
            format!("Imported staff talks {r}"),
            "Staff talks on the annual exercise programme.".to_owned(),
            "military_education_training_exercises".to_owned(),
            "official_visits_staff_meetings".to_owned(),
            if r % 2 == 0 { "az" } else { "ge" }.to_owned(),
            if r % 2 == 0 { "Baku" } else { "Tbilisi" }.to_owned(),
            format!("{year}-{month:02}-{:02}", 1 + r % 27),
            String::new(),
            String::new(),
            "sending_party_pays".to_owned(),
            (2 + r % 20).to_string(),
            "J5".to_owned(),
        ];
        for (c, v) in (0u16..).zip(values) {
            if !v.is_empty() {
                sheet.write_string(r, c, v)?;
            }
        }
    }
    Ok(book.save_to_buffer()?)
}

/// Imports the file once as GE's planner; the time from sending to the answer.
pub async fn gate(database: &str, server: &Server, year: i32) -> anyhow::Result<Gate> {
    let planner = login(server.addr, "ge.planner").await?;
    let file = workbook(year)?;
    let size = file.len();
    let path = format!("/api/v1/plans/{year}/import?lang=en");
    let request = write(&path, Method::POST, &planner, None, "application/octet-stream", file)?;
    let started = Instant::now();
    let (status, _, body) = fetch(server.addr, request).await?;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if status != StatusCode::CREATED {
        bail!(
            "the import answered {status}: {}",
            String::from_utf8_lossy(&body).chars().take(300).collect::<String>()
        );
    }
    let created: serde_json::Value = serde_json::from_slice(&body)?;
    let count = created["created"].as_array().map_or(0, Vec::len);
    if count != ROWS as usize {
        bail!("the import created {count} activities, not {ROWS}");
    }
    println!("   import: {ROWS} rows ({size} bytes of XLSX) created in {ms:.0} ms");
    Ok(Gate {
        name: format!("{database}: import of {ROWS} rows (XLSX) under 3 s"),
        value: ms,
        bound: 3000.0,
        below: true,
        unit: "ms",
    })
}
