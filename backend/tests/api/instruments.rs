//! The instruments register: the Agreement seeded, instruments recorded by
//! coordinators with their status derived from the dates, versioned edits.

use chrono::NaiveDate;
use concord_client::InstrumentFilter;
use concord_shared::api::{InstrumentInput, InstrumentKind, InstrumentSide, InstrumentStatus};
use concord_shared::{Party, Role};

use crate::helpers::spawn_app;

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A protocol signed in Tbilisi, not yet in force.
pub fn protocol(title: &str) -> InstrumentInput {
    InstrumentInput {
        kind: InstrumentKind::Protocol,
        title: title.to_owned(),
        number: Some("P-1".to_owned()),
        signed_on: day(2025, 3, 14),
        signed_at: Some("Tbilisi".to_owned()),
        az: InstrumentSide {
            signatory: Some("Deputy Minister".to_owned()),
            ..Default::default()
        },
        ge: InstrumentSide::default(),
        in_force_on: None,
        terminated_on: None,
        related: vec![1],
    }
}

#[tokio::test]
async fn the_agreement_is_in_the_register_with_the_facts_of_its_signature_and_approval() {
    let app = spawn_app().await;
    let viewer = app.login_as(Party::Ge, Role::Viewer).await;

    let register = viewer
        .instruments(&Default::default())
        .await
        .expect("instruments")
        .items;

    assert_eq!(register.len(), 1);
    let agreement = &register[0];
    assert_eq!(agreement.kind, InstrumentKind::BaseAgreement);
    assert!(
        agreement
            .title
            .starts_with("Agreement on cooperation in the field of defence")
    );
    assert_eq!(agreement.signed_on, day(2023, 4, 24));
    assert_eq!(agreement.signed_at.as_deref(), Some("Baku"));
    assert_eq!(agreement.az.procedures_completed_on, day(2023, 10, 2));
    assert_eq!(
        agreement.status,
        InstrumentStatus::Signed,
        "no entry into force recorded"
    );
    let one = viewer.instrument(agreement.id).await.expect("one");
    assert_eq!(&one.value, agreement);
    assert_eq!(one.version, 1);
}

#[tokio::test]
async fn coordinators_record_instruments_and_the_status_follows_the_dates() {
    let app = spawn_app().await;
    let ge = app.login_as(Party::Ge, Role::Coordinator).await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;

    let created = ge
        .create_instrument(&protocol("Protocol on staff talks"))
        .await
        .expect("created");
    assert_eq!(created.version, 1);
    assert_eq!(created.value.status, InstrumentStatus::Signed);
    assert_eq!(created.value.related, vec![1]);

    let mut input = protocol("Protocol on staff talks");
    input.in_force_on = day(2025, 4, 1);
    let in_force = az
        .update_instrument(created.value.id, created.version, &input)
        .await
        .expect("updated");
    assert_eq!(in_force.value.status, InstrumentStatus::InForce);
    assert_eq!(in_force.version, 2);
    input.terminated_on = day(2026, 1, 1);
    let stale = ge
        .update_instrument(created.value.id, created.version, &input)
        .await
        .expect_err("stale");
    assert_eq!((stale.status, stale.current_version), (412, Some(2)));
    let ended = ge
        .update_instrument(created.value.id, in_force.version, &input)
        .await
        .expect("terminated");
    assert_eq!(ended.value.status, InstrumentStatus::Terminated);
    assert_eq!(
        app.login_as(Party::Az, Role::Viewer)
            .await
            .instruments(&Default::default())
            .await
            .expect("list")
            .items
            .len(),
        2,
        "everyone reads"
    );
}

#[tokio::test]
async fn recording_instruments_needs_a_coordinator_and_sound_dates_and_kinds() {
    let app = spawn_app().await;
    let planner = app.login_as(Party::Az, Role::Planner).await;
    let coord = app.login_as(Party::Az, Role::Coordinator).await;
    assert_eq!(
        planner
            .create_instrument(&protocol("P"))
            .await
            .expect_err("planner")
            .status,
        403
    );

    let mut base = protocol("Another agreement");
    base.kind = InstrumentKind::BaseAgreement;
    let err = coord.create_instrument(&base).await.expect_err("base");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "kind"));

    let mut bad = protocol("Bad dates");
    bad.signed_on = day(2020, 1, 1);
    bad.in_force_on = day(2019, 1, 1);
    bad.ge.procedures_completed_on = day(2019, 6, 1);
    bad.related = vec![999];
    let err = coord.create_instrument(&bad).await.expect_err("bad");
    let fields: Vec<_> = err.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(err.status, 422);
    for field in ["signed_on", "in_force_on", "ge.procedures_completed_on", "related[0]"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }

    let mut unsigned = protocol("Unsigned");
    unsigned.signed_on = None;
    unsigned.in_force_on = day(2025, 1, 1);
    let err = coord.create_instrument(&unsigned).await.expect_err("in force unsigned");
    assert_eq!(err.errors[0].field, "in_force_on");

    // The Agreement stays the Agreement.
    let agreement = coord.instrument(1).await.expect("agreement");
    let mut edit = protocol("Renamed");
    edit.signed_on = day(2023, 4, 24);
    let err = coord
        .update_instrument(1, agreement.version, &edit)
        .await
        .expect_err("kind");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "kind"));
    assert_eq!(coord.instrument(4242).await.expect_err("none").status, 404);
}

#[tokio::test]
async fn an_instrument_edit_without_the_version_read_is_refused_with_428() {
    let app = spawn_app().await;
    let coord = app.login_as(Party::Ge, Role::Coordinator).await;
    let created = coord.create_instrument(&protocol("Minutes")).await.expect("created");
    let user = app.user(Party::Ge, Role::Coordinator).await;
    let http = reqwest::Client::builder().cookie_store(true).build().expect("client");
    http.post(format!("{}/api/v1/auth/login", app.address))
        .header("x-concord-csrf", "1")
        .header("origin", &app.address)
        .json(&serde_json::json!({"username": user.username, "password": crate::helpers::PASSWORD}))
        .send()
        .await
        .expect("login");

    let status = http
        .put(format!("{}/api/v1/instruments/{}", app.address, created.value.id))
        .header("x-concord-csrf", "1")
        .header("origin", &app.address)
        .json(&protocol("Minutes"))
        .send()
        .await
        .expect("sent")
        .status();

    assert_eq!(status, 428);
}

#[tokio::test]
async fn the_register_is_filtered_and_paged_on_the_server_with_its_total() {
    let app = spawn_app().await;
    let coordinator = app.login_as(Party::Az, Role::Coordinator).await;
    for n in 1..=4 {
        coordinator
            .create_instrument(&protocol(&format!("Protocol on logistics {n}")))
            .await
            .expect("recorded");
    }
    let mut minutes = protocol("Minutes of the staff talks");
    minutes.kind = InstrumentKind::Minutes;
    minutes.signed_on = day(2024, 6, 1);
    coordinator.create_instrument(&minutes).await.expect("minutes");
    let viewer = app.login_as(Party::Ge, Role::Viewer).await;

    let page = viewer
        .instruments(&InstrumentFilter {
            limit: Some(2),
            ..Default::default()
        })
        .await
        .expect("first page");
    assert_eq!((page.total, page.limit), (6, 2));
    assert_eq!(page.items[0].kind, InstrumentKind::BaseAgreement, "the Agreement first");
    let rest = viewer
        .instruments(&InstrumentFilter {
            offset: Some(4),
            limit: Some(2),
            ..Default::default()
        })
        .await
        .expect("last page");
    assert_eq!(rest.items.len(), 2);
    assert_eq!(rest.items[1].title, "Minutes of the staff talks");

    let found = viewer
        .instruments(&InstrumentFilter {
            q: Some("LOGISTICS".into()),
            kind: Some(InstrumentKind::Protocol),
            status: Some(InstrumentStatus::Signed),
            year: Some(2025),
            limit: Some(3),
            ..Default::default()
        })
        .await
        .expect("filtered");
    assert_eq!((found.total, found.items.len()), (4, 3));
    let in_2024 = viewer
        .instruments(&InstrumentFilter {
            year: Some(2024),
            ..Default::default()
        })
        .await
        .expect("by year");
    assert_eq!(in_2024.items.len(), 1);
    assert_eq!(in_2024.items[0].kind, InstrumentKind::Minutes);

    // A wrong filter is named.
    let user = app.user(Party::Ge, Role::Viewer).await;
    let http = reqwest::Client::builder().cookie_store(true).build().expect("client");
    http.post(format!("{}/api/v1/auth/login", app.address))
        .header("x-concord-csrf", "1")
        .header("origin", &app.address)
        .json(&serde_json::json!({"username": user.username, "password": crate::helpers::PASSWORD}))
        .send()
        .await
        .expect("login");
    let base = &app.address;
    for (query, field) in [
        ("kind=treaty", "kind"),
        ("status=valid", "status"),
        ("year=soon", "year"),
    ] {
        let res = http
            .get(format!("{base}/api/v1/instruments?{query}"))
            .send()
            .await
            .expect("sent");
        assert_eq!(res.status(), 422, "{query}");
        let body: serde_json::Value = res.json().await.expect("problem");
        assert_eq!(body["errors"][0]["field"], field, "{query}");
    }
}
