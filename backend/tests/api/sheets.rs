//! The lists as files: the activity list, the instruments register and the
//! notification log as XLSX (read back with `calamine`) and CSV, every cell
//! compared with what the API lists, in the caller's visibility.

use std::io::Cursor;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use concord_client::{ActivityFilter, Client};
use concord_shared::api::{Activity, Instrument, Notification, SideInput};
use concord_shared::paper::lists::{ListText, consent_label, instrument_status_label, kind_label};
use concord_shared::paper::{Text, cost_label, status_label};
use concord_shared::{Lang, Party, Role};

use crate::helpers::{YEAR, board, draft, shared, spawn_app};

/// A cell as the API's value would be written: text, a number or a day.
#[derive(Debug, Clone, PartialEq)]
enum V {
    S(String),
    N(f64),
    D(NaiveDate),
    E,
}

fn s(v: &str) -> V {
    if v.is_empty() { V::E } else { V::S(v.to_owned()) }
}

fn n(v: Option<impl Into<f64>>) -> V {
    v.map_or(V::E, |v| V::N(v.into()))
}

fn d(v: Option<NaiveDate>) -> V {
    v.map_or(V::E, V::D)
}

/// The workbook's one sheet: its name and its rows, cells typed.
fn sheet(bytes: &[u8]) -> (String, Vec<Vec<V>>) {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an XLSX workbook");
    let names = book.sheet_names();
    assert_eq!(names.len(), 1, "one sheet");
    let range = book.worksheet_range(&names[0]).expect("the sheet");
    let rows = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(t) => V::S(t.clone()),
                    Data::Float(f) => V::N(*f),
                    #[allow(clippy::cast_precision_loss)]
                    Data::Int(i) => V::N(*i as f64),
                    Data::DateTime(_) => V::D(cell.as_date().expect("a day")),
                    Data::Empty => V::E,
                    other => panic!("unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect();
    (names[0].clone(), rows)
}

/// A CSV file's records (RFC 4180, after the byte order mark), as texts.
fn csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8");
    let text = text.strip_prefix('\u{FEFF}').expect("a byte order mark");
    crate::paper::csv_records(text)
}

/// A typed row as CSV writes it.
fn texts(row: &[V]) -> Vec<String> {
    row.iter()
        .map(|v| match v {
            V::S(t) => t.clone(),
            V::N(f) => format!("{f}"),
            V::D(d) => d.to_string(),
            V::E => String::new(),
        })
        .collect()
}

fn activity_row(a: &Activity, lang: Lang) -> Vec<V> {
    let with_other = |label: &str, other: &Option<String>| match other {
        Some(o) if !o.is_empty() => format!("{label}: {o}"),
        _ => label.to_owned(),
    };
    vec![
        s(a.reference.as_deref().unwrap_or_default()),
        s(a.text_in(lang).title),
        s(a.text_in(lang).lang.code()),
        s(&with_other(a.area.label(lang), &a.area_other)),
        s(&with_other(a.form.label(lang), &a.form_other)),
        s(a.host_party.label(lang)),
        s(&a.location),
        d(a.start_date),
        d(a.end_date),
        n(a.month),
        s(cost_label(a.cost, lang)),
        s(consent_label(a.consent, lang)),
        s(status_label(a.execution, lang)),
        n(a.az.participants),
        s(&a.az.responsible_unit),
        n(a.ge.participants),
        s(&a.ge.responsible_unit),
    ]
}

async fn dated(client: &Client, title: &str) -> i64 {
    let mut new = draft(title);
    new.month = None;
    new.start_date = NaiveDate::from_ymd_opt(YEAR, 3, 9);
    new.end_date = NaiveDate::from_ymd_opt(YEAR, 3, 13);
    new.own_side = Some(SideInput {
        participants: Some(12),
        responsible_unit: "Staff college".to_owned(),
        point_of_contact: String::new(),
    });
    let created = client.create_activity(YEAR, &new).await.expect("drafted");
    client
        .share_activity(created.value.id, created.version)
        .await
        .expect("shared")
        .value
        .id
}

#[tokio::test]
async fn each_file_gives_the_title_in_its_language_or_the_fallback_with_its_language_named() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Joint staff exercise").await;
    let ka = concord_shared::api::TextInput {
        title: "ერთობლივი საშტაბო სწავლება".into(),
        description: String::new(),
    };
    b.ge_planner
        .put_activity_text(id, Lang::Ka, concord_client::NEW_TEXT, &ka)
        .await
        .expect("Georgian text");
    for (lang, title, written_in) in [
        (Lang::Ka, "ერთობლივი საშტაბო სწავლება", "ka"),
        (Lang::En, "Joint staff exercise", "en"),
        (Lang::Az, "Joint staff exercise", "en"),
    ] {
        let (_, rows) = sheet(&b.az_coord.activities_xlsx(YEAR, lang.code(), "").await.expect("XLSX"));
        assert_eq!(
            (&rows[1][1], &rows[1][2]),
            (&V::S(title.into()), &V::S(written_in.into())),
            "{lang:?}"
        );
        let records = csv(&b.az_coord.activities_csv(YEAR, lang.code(), "").await.expect("CSV"));
        assert_eq!((records[1][1].as_str(), records[1][2].as_str()), (title, written_in));
    }
}

#[tokio::test]
async fn the_activity_list_exports_as_xlsx_with_typed_cells_translated_labels_and_the_lists_visibility() {
    let app = spawn_app().await;
    let b = board(&app).await;
    dated(&b.az_planner, "Seminar, \"Caucasus\" edition").await;
    shared(&b.ge_planner, "სამთო მომზადება საჩხერეში").await;
    b.ge_planner
        .create_activity(YEAR, &draft("GE private draft X9"))
        .await
        .expect("draft");

    for (client, lang, sees_draft) in [(&b.az_planner, Lang::Az, false), (&b.ge_planner, Lang::Ka, true)] {
        let filter = ActivityFilter {
            sort: Some("title".into()),
            ..Default::default()
        };
        let listed = client.activities(YEAR, &filter).await.expect("list").items;
        assert_eq!(listed.len(), if sees_draft { 3 } else { 2 });
        let bytes = client
            .activities_xlsx(YEAR, lang.code(), "sort=title")
            .await
            .expect("XLSX");
        let (name, rows) = sheet(&bytes);
        assert_eq!(name, ListText::SheetActivities.get(lang));
        assert_eq!(rows[0][0], V::S(Text::ColReference.get(lang).to_owned()));
        assert_eq!(rows[0][2], V::S(Text::ColTextLang.get(lang).to_owned()));
        assert_eq!(rows[0][11], V::S(Text::ColConsent.get(lang).to_owned()));
        assert_eq!(rows.len() - 1, listed.len(), "every row the list shows, no other");
        for (row, activity) in rows[1..].iter().zip(&listed) {
            assert_eq!(row, &activity_row(activity, lang), "{}", activity.title);
        }
        let titles: Vec<&V> = rows.iter().map(|r| &r[1]).collect();
        assert_eq!(titles.contains(&&V::S("GE private draft X9".into())), sees_draft);

        // The CSV holds the same cells as text.
        let records = csv(&client
            .activities_csv(YEAR, lang.code(), "sort=title")
            .await
            .expect("CSV"));
        assert_eq!(records.len(), rows.len());
        for (record, row) in records[1..].iter().zip(&rows[1..]) {
            assert_eq!(record, &texts(row));
        }
    }
    let dated_row = &sheet(
        &b.az_planner
            .activities_xlsx(YEAR, "en", "proposer=az")
            .await
            .expect("XLSX"),
    )
    .1;
    assert_eq!(dated_row.len(), 2, "the header and the one AZ activity");
    assert_eq!(dated_row[1][7], V::D(NaiveDate::from_ymd_opt(YEAR, 3, 9).expect("day")));
    assert_eq!(dated_row[1][13], V::N(12.0), "participants as a number");
    assert_eq!(dated_row[1][11], V::S("awaiting consent".into()));

    for (lang, query, field) in [
        ("ru", "", "lang"),
        ("en", "colour=red", "colour"),
        ("en", "month=13x", "month"),
        // A list has one language: a parallel text is a PDF's alone.
        ("az,ka", "", "lang"),
        // Declared, so checked, though an export is every page.
        ("en", "offset=9223372036854775808", "offset"),
        ("en", "limit=0", "limit"),
    ] {
        let err = b
            .az_planner
            .activities_xlsx(YEAR, lang, query)
            .await
            .expect_err("refused");
        assert_eq!(err.status, 422, "{lang} {query}");
        assert_eq!(err.errors[0].field, field);
    }
    assert_eq!(
        b.az_planner
            .activities_xlsx(1999, "en", "")
            .await
            .expect_err("no plan")
            .status,
        404
    );
}

fn instrument_row(i: &Instrument, lang: Lang) -> Vec<V> {
    let o = |v: &Option<String>| s(v.as_deref().unwrap_or_default());
    vec![
        s(kind_label(i.kind, lang)),
        s(&i.title),
        o(&i.number),
        d(i.signed_on),
        o(&i.signed_at),
        d(i.in_force_on),
        d(i.terminated_on),
        s(instrument_status_label(i.status, lang)),
        o(&i.az.signatory),
        d(i.az.procedures_completed_on),
        o(&i.ge.signatory),
        d(i.ge.procedures_completed_on),
    ]
}

fn notification_row(x: &Notification, lang: Lang) -> Vec<V> {
    vec![
        s(x.sending_party.label(lang)),
        s(&x.note_number),
        s(&x.subject),
        V::D(x.sent_on),
        d(x.received_on),
        d(x.acknowledged_on),
        s(x.acknowledgement.as_deref().unwrap_or_default()),
        d(x.effective_on),
    ]
}

#[tokio::test]
async fn the_register_and_the_notification_log_export_as_xlsx_and_csv_cell_for_cell() {
    let app = spawn_app().await;
    let coord = app.login_as(Party::Ge, Role::Coordinator).await;
    let viewer = app.login_as(Party::Az, Role::Viewer).await;
    coord
        .create_instrument(&crate::instruments::protocol("Protocol on staff talks, 2026"))
        .await
        .expect("protocol");
    coord
        .record_notification(&crate::authorities::note("GE/2026/77"))
        .await
        .expect("note");

    let register = viewer.instruments(&Default::default()).await.expect("register").items;
    assert_eq!(register.len(), 2, "the Agreement and the protocol");
    let log = viewer.notifications(0, 50).await.expect("log").items;
    for lang in Lang::ALL {
        let (name, rows) = sheet(&viewer.instruments_file("xlsx", lang.code(), "").await.expect("XLSX"));
        assert_eq!(name, ListText::SheetInstruments.get(lang));
        assert_eq!(rows[0][0], V::S(ListText::Kind.get(lang).to_owned()));
        let expected: Vec<Vec<V>> = register.iter().map(|i| instrument_row(i, lang)).collect();
        assert_eq!(rows[1..], expected[..]);
        let records = csv(&viewer.instruments_file("csv", lang.code(), "").await.expect("CSV"));
        let expected_texts: Vec<Vec<String>> = expected.iter().map(|r| texts(r)).collect();
        assert_eq!(records[1..], expected_texts[..]);

        let (name, rows) = sheet(&viewer.notifications_file("xlsx", lang.code()).await.expect("XLSX"));
        assert_eq!(name, ListText::SheetNotifications.get(lang));
        let expected: Vec<Vec<V>> = log.iter().map(|x| notification_row(x, lang)).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1..], expected[..]);
        let records = csv(&viewer.notifications_file("csv", lang.code()).await.expect("CSV"));
        let expected_texts: Vec<Vec<String>> = expected.iter().map(|r| texts(r)).collect();
        assert_eq!(records[1..], expected_texts[..]);
    }
    let protocols = sheet(
        &viewer
            .instruments_file("xlsx", "en", "kind=protocol")
            .await
            .expect("XLSX"),
    )
    .1;
    assert_eq!(protocols.len(), 2, "the header and the protocol");
    assert_eq!(protocols[1][1], V::S("Protocol on staff talks, 2026".into()));
    let err = viewer
        .instruments_file("csv", "en", "kind=treaty")
        .await
        .expect_err("kind");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "kind"));
    let err = viewer
        .instruments_file("xlsx", "en", "offset=9223372036854775808")
        .await
        .expect_err("offset");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "offset"));
    let err = viewer
        .notifications_file("xlsx", "en&offset=3")
        .await
        .expect_err("paging");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "offset"));
}
