//! The import of a planner's spreadsheet: the template read back with
//! calamine; a preview naming each fault by row and column and writing
//! nothing; the import all or none (an error in the last row leaves the
//! plan unchanged); bad files refused with clear codes.

use std::io::Cursor;

use calamine::{Reader, Xlsx, open_workbook_from_rs};
use concord_client::{ActivityFilter, Client};
use concord_shared::plan::ConsentState;
use concord_shared::{CooperationArea, CooperationForm, Lang, Party, Role};
use rust_xlsxwriter::{Workbook, Worksheet};

use crate::helpers::{YEAR, board, spawn_app};

const HEADER: [&str; 12] = [
    "Activity",
    "Description",
    "Area of co-operation",
    "Form of co-operation",
    "Host party",
    "Place",
    "First day",
    "Last day",
    "Month",
    "Cost arrangement",
    "Participants",
    "Responsible unit",
];

/// A row: title, first day (text) and month; the rest fixed.
fn row(title: &str, start: &str, month: &str) -> [String; 12] {
    [
        title,
        "Talks",
        CooperationArea::MilitaryEducationTrainingExercises.code(),
        CooperationForm::OfficialVisitsStaffMeetings.label(Lang::En),
        Party::Ge.label(Lang::En),
        "Tbilisi",
        start,
        "",
        month,
        "sending party pays",
        "4",
        "J5",
    ]
    .map(str::to_owned)
}

fn workbook(header: &[&str], rows: &[[String; 12]], extra: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in header.iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(c).expect("col"), *h)
            .expect("header");
    }
    for (r, values) in rows.iter().enumerate() {
        for (c, v) in values.iter().enumerate() {
            if !v.is_empty() {
                let (r, c) = (u32::try_from(r + 1).expect("row"), u16::try_from(c).expect("col"));
                match v.parse::<f64>() {
                    Ok(n) => sheet.write_number(r, c, n).expect("number"),
                    Err(_) => sheet.write_string(r, c, v).expect("text"),
                };
            }
        }
    }
    extra(sheet);
    book.save_to_buffer().expect("saved")
}

async fn count(client: &Client) -> usize {
    client
        .activities(YEAR, &ActivityFilter::default())
        .await
        .expect("list")
        .items
        .len()
}

#[tokio::test]
async fn the_template_has_the_columns_lists_and_a_sheet_explaining_them() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let bytes = b.ge_planner.import_template(YEAR, "ka").await.expect("template");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("XLSX");
    assert_eq!(
        book.sheet_names(),
        vec!["ღონისძიებები".to_owned(), "სვეტები".to_owned()]
    );
    let header = book.worksheet_range("ღონისძიებები").expect("sheet");
    assert_eq!(
        header.get((0, 0)).map(ToString::to_string).as_deref(),
        Some("ღონისძიება")
    );
    let help = book.worksheet_range("სვეტები").expect("help");
    assert!(help.rows().count() >= 13, "a line per column");
}

#[tokio::test]
async fn a_fault_in_the_last_row_is_named_and_leaves_the_plan_unchanged_then_all_rows_import_as_drafts() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut rows = vec![
        row("Imported staff talks 1", "2027-03-09", ""),
        row("Imported staff talks 2", "", "6"),
        row("Imported staff talks 3", "2027-10-01", ""),
    ];
    rows.push(row("Imported staff talks 4", "2027-02-30", ""));
    let bad = workbook(&HEADER, &rows, |_| {});
    let before = count(&b.ge_planner).await;

    let preview = b
        .ge_planner
        .import_preview(YEAR, "en", bad.clone())
        .await
        .expect("preview");
    assert_eq!(preview.rows.len(), 3, "the three sound rows as they would be created");
    assert_eq!(preview.errors.len(), 1, "{:?}", preview.errors);
    let fault = &preview.errors[0];
    assert_eq!((fault.row, fault.column.as_str()), (5, "First day"));
    assert_eq!(fault.message, "2027-02-30 is not a date");
    // A code and the cell as found, for the web app to word in any language.
    assert_eq!(
        (fault.field.as_str(), fault.code.as_str()),
        ("start_date", "not_a_date")
    );
    assert_eq!(fault.value.as_deref(), Some("2027-02-30"));
    assert_eq!(count(&b.ge_planner).await, before, "a preview writes nothing");

    let err = b
        .ge_planner
        .import_activities(YEAR, "en", bad)
        .await
        .expect_err("refused");
    assert_eq!(err.status, 422);
    assert_eq!(err.errors[0].field, "row 5, First day");
    assert_eq!(err.errors[0].code, "not_a_date");
    assert_eq!(count(&b.ge_planner).await, before, "nothing half-imported");

    rows[3] = row("Imported staff talks 4", "2027-02-28", "");
    let good = workbook(&HEADER, &rows, |_| {});
    let done = b
        .ge_planner
        .import_activities(YEAR, "en", good)
        .await
        .expect("imported");
    assert_eq!(done.created.len(), 4);
    let listed = b
        .ge_planner
        .activities(YEAR, &ActivityFilter::default())
        .await
        .expect("list")
        .items;
    assert_eq!(listed.len(), before + 4);
    for a in listed.iter().filter(|a| a.title.starts_with("Imported")) {
        assert_eq!(a.consent, ConsentState::Draft);
        assert_eq!(a.proposing_party, Party::Ge);
        assert_eq!(a.ge.responsible_unit, "J5");
    }
    assert_eq!(count(&b.az_planner).await, 0, "the other party sees no drafts");
}

/// A CSV file as a spreadsheet program in Baku writes it: UTF-8 with a byte
/// order mark, semicolons, the template's headers in Azerbaijani, a quoted
/// field holding the separator.
fn csv_az(rows: &[[String; 12]]) -> Vec<u8> {
    let header: Vec<String> = concord_backend::paper::import::headers(Lang::Az);
    let quote = |v: &str| {
        if v.contains([';', '"', '\n']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v.to_owned()
        }
    };
    let mut out = String::from("\u{FEFF}");
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for row in rows {
        let line: Vec<String> = row.iter().map(|v| quote(v)).collect();
        out.push_str(&line.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

#[tokio::test]
async fn a_csv_file_imports_like_a_workbook_and_its_faults_are_coded() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut rows = vec![
        row("CSV talks; first round", "2027-03-09", ""),
        row("CSV talks 2", "", "6"),
        row("CSV talks 3", "2027-13-01", ""),
    ];
    let preview = b
        .ge_planner
        .import_preview(YEAR, "az", csv_az(&rows))
        .await
        .expect("preview");
    assert_eq!(preview.rows.len(), 2);
    assert_eq!(preview.rows[0].activity.title, "CSV talks; first round");
    let fault = &preview.errors[0];
    assert_eq!((fault.row, fault.code.as_str()), (4, "not_a_date"));
    assert_eq!(fault.value.as_deref(), Some("2027-13-01"));

    rows[2] = row("CSV talks 3", "2027-12-01", "");
    let before = count(&b.ge_planner).await;
    let done = b
        .ge_planner
        .import_activities(YEAR, "az", csv_az(&rows))
        .await
        .expect("imported");
    assert_eq!(done.created.len(), 3);
    assert_eq!(count(&b.ge_planner).await, before + 3);
}

#[tokio::test]
async fn bad_files_are_refused_with_clear_codes() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let one = [row("Imported", "2027-03-09", "")];
    let field_code = |e: &concord_client::ClientError| (e.status, e.errors[0].field.clone(), e.errors[0].code.clone());

    // Neither a workbook nor text: an image, a broken ZIP.
    for bytes in [
        b"\x89PNG\r\n\x1a\n\xff\xfe".to_vec(),
        b"PK\x03\x04 not a workbook".to_vec(),
    ] {
        let err = b.ge_planner.import_preview(YEAR, "en", bytes).await.expect_err("415");
        assert_eq!(field_code(&err), (415, "file".into(), "not_a_spreadsheet".into()));
    }
    // Text is read as CSV, and must have the template's columns.
    let err = b
        .ge_planner
        .import_preview(YEAR, "en", b"not a workbook".to_vec())
        .await
        .expect_err("unknown column");
    assert_eq!(field_code(&err), (422, "file".into(), "unknown_column".into()));

    let mut odd = HEADER.to_vec();
    odd[11] = "Colour";
    let err = b
        .ge_planner
        .import_preview(YEAR, "en", workbook(&odd, &one, |_| {}))
        .await
        .expect_err("unknown column");
    assert_eq!(field_code(&err), (422, "file".into(), "unknown_column".into()));

    let formula = workbook(&HEADER, &one, |s| {
        s.write_formula(1, 10, "=2+2").expect("formula");
    });
    let err = b
        .ge_planner
        .import_preview(YEAR, "en", formula)
        .await
        .expect_err("formula");
    assert_eq!(field_code(&err), (422, "file".into(), "formula".into()));

    let twice = [one[0].clone(), one[0].clone()];
    let err = b
        .ge_planner
        .import_preview(YEAR, "en", workbook(&HEADER, &twice, |_| {}))
        .await
        .expect_err("duplicate");
    assert_eq!(field_code(&err), (422, "file".into(), "duplicate_row".into()));

    let many: Vec<[String; 12]> = (0..2001).map(|i| row(&format!("Row {i}"), "", "5")).collect();
    let err = b
        .ge_planner
        .import_preview(YEAR, "en", workbook(&HEADER, &many, |_| {}))
        .await
        .expect_err("too many");
    assert_eq!(field_code(&err), (422, "file".into(), "too_many_rows".into()));

    let viewer = app.login_as(Party::Ge, Role::Viewer).await;
    let err = viewer
        .import_activities(YEAR, "en", workbook(&HEADER, &one, |_| {}))
        .await
        .expect_err("viewer");
    assert_eq!(err.status, 403);
}
