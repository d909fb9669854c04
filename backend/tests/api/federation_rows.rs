//! The register's rows split by owner (docs/federation.md): a note is its
//! sender's and its receipt the receiver's, an instrument's shared fields
//! are the recording party's and each side its party's, and a shared
//! document's bytes travel in `document_blobs`. Two nodes (PostgreSQL, a
//! cluster of the test's own, like `federation.rs`) driven over their HTTP
//! APIs; then, on one node and both databases, the bytes restored from the
//! database and the migrations' down and up steps.

use chrono::{NaiveDate, Utc};
use concord_migrations::{Migrator, MigratorTrait};
use concord_shared::api::{DocumentOwner, InstrumentSide, NewNotification, NotificationReceipt};
use concord_shared::{Party, Role};
use sea_orm::{ConnectionTrait, Database};
use sha2::{Digest, Sha256};

use crate::authorities::note;
use crate::cluster::{Cluster, pg_bin};
use crate::documents::pdf;
use crate::federation::{count, eventually, federation, refused};
use crate::helpers::{TestApp, YEAR, back_before, draft, on_postgres, spawn_app, spawn_app_with};
use crate::instruments::protocol;

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn sha256(bytes: &[u8]) -> String {
    concord_backend::audit::hex(&Sha256::digest(bytes))
}

/// A PDF unlike `pdf()` (another SHA-256).
fn other_pdf(tag: &str) -> Vec<u8> {
    let mut bytes = pdf();
    bytes.extend_from_slice(format!("% {tag}\n").as_bytes());
    bytes
}

/// A cluster with `wal_level=logical`, AZ's and GE's nodes on two of its
/// databases, each initialised and subscribed to the other.
async fn two_nodes() -> (Cluster, TestApp, TestApp) {
    let cluster = Cluster::create(pg_bin().expect("PostgreSQL's binaries"), &["wal_level=logical"]);
    let admin = Database::connect(cluster.url("postgres")).await.expect("cluster");
    for name in ["rows_az", "rows_ge"] {
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("database");
    }
    admin.close().await.expect("close");
    let urls = [cluster.url("rows_az"), cluster.url("rows_ge")];
    let mut apps = Vec::new();
    for (url, party) in urls.iter().zip([Party::Az, Party::Ge]) {
        let app = spawn_app_with(&[("CONCORD_DATABASE_URL", url), ("CONCORD_NODE_PARTY", party.code())]).await;
        federation(&app, party, &["init"]).expect("init");
        apps.push(app);
    }
    let (ge, az) = (apps.pop().expect("GE"), apps.pop().expect("AZ"));
    federation(&az, Party::Az, &["connect", "--peer", &urls[1]]).expect("AZ subscribes");
    federation(&ge, Party::Ge, &["connect", "--peer", &urls[0]]).expect("GE subscribes");
    (cluster, az, ge)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_receipts_instruments_and_shared_documents_bytes_reach_the_other_node_from_their_owners() {
    if !on_postgres() {
        return; // Logical replication is PostgreSQL's.
    }
    let (cluster, az, ge) = two_nodes().await;
    let (az_db, ge_db) = (&az.state.db, &ge.state.db);
    let az_coord = az.login_as(Party::Az, Role::Coordinator).await;
    let ge_coord = ge.login_as(Party::Ge, Role::Coordinator).await;

    // The Agreement is Azerbaijan's row: GE's node holds AZ's copy.
    // (Each table is copied on its own: wait for both.)
    eventually(ge_db, "SELECT COUNT(*) FROM instrument_sides WHERE party = 'az'", 1).await;
    eventually(ge_db, "SELECT COUNT(*) FROM instruments WHERE recorded_party = 'az'", 1).await;
    let agreement = ge_coord.instrument(1).await.expect("the Agreement on GE's node");
    assert_eq!(agreement.value, az_coord.instrument(1).await.expect("on AZ's").value);

    // AZ sends a note; GE records its receipt; each node shows both.
    let sent = az_coord.record_notification(&note("AZ-1")).await.expect("note");
    eventually(
        ge_db,
        "SELECT COUNT(*) FROM notifications WHERE note_number = 'AZ-1'",
        1,
    )
    .await;
    let seen = ge_coord.notification(sent.value.id).await.expect("on GE's node");
    assert_eq!(seen.value, sent.value);
    let receipt = NotificationReceipt {
        received_on: Some(today()),
        acknowledged_on: Some(today()),
        acknowledgement: Some("GE-9".to_owned()),
    };
    let received = ge_coord
        .record_receipt(sent.value.id, seen.version, &receipt)
        .await
        .expect("GE's receipt");
    eventually(
        az_db,
        "SELECT COUNT(*) FROM notification_receipts WHERE party = 'ge'",
        1,
    )
    .await;
    let on_az = az_coord.notification(sent.value.id).await.expect("on AZ's node");
    assert_eq!((on_az.value.clone(), on_az.version), (received.value.clone(), 2));
    assert_eq!(on_az.value.acknowledgement.as_deref(), Some("GE-9"));
    // The receipt is GE's row: AZ's node does not write it, even with its note.
    let with_receipt = NewNotification {
        received_on: Some(today()),
        ..note("AZ-2")
    };
    let err = az_coord.record_notification(&with_receipt).await.expect_err("GE's row");
    assert_eq!((err.status, err.code.as_str()), (409, "foreign_row"));

    // An instrument AZ records, each side written on its party's node.
    let created = az_coord
        .create_instrument(&protocol("Protocol on staff talks"))
        .await
        .expect("instrument");
    let id = created.value.id;
    eventually(
        ge_db,
        &format!("SELECT COUNT(*) FROM instrument_sides WHERE instrument_id = {id}"),
        1,
    )
    .await;
    let read = ge_coord.instrument(id).await.expect("on GE's node");
    assert_eq!(read.value, created.value);
    let mut input = protocol("Protocol on staff talks");
    input.ge = InstrumentSide {
        signatory: Some("Chief of General Staff".to_owned()),
        ..Default::default()
    };
    let both = ge_coord
        .update_instrument(id, read.version, &input)
        .await
        .expect("GE's side");
    assert_eq!(both.version, 2);
    eventually(az_db, "SELECT COUNT(*) FROM instrument_sides WHERE party = 'ge'", 1).await;
    assert_eq!(az_coord.instrument(id).await.expect("on AZ's node").value, both.value);
    // The shared fields are AZ's, AZ's side too: refused on GE's node.
    input.title = "Renamed on GE's node".to_owned();
    let err = ge_coord
        .update_instrument(id, both.version, &input)
        .await
        .expect_err("AZ's row");
    assert_eq!((err.status, err.code.as_str()), (409, "foreign_row"));
    input.title = "Protocol on staff talks".to_owned();
    input.az.signatory = Some("Forged".to_owned());
    let err = ge_coord
        .update_instrument(id, both.version, &input)
        .await
        .expect_err("AZ's side");
    assert_eq!((err.status, err.code.as_str()), (409, "foreign_row"));

    // A draft's document's bytes stay home; a shared one's reach GE's node.
    az_coord.create_plan(YEAR).await.expect("plan");
    let az_planner = az.login_as(Party::Az, Role::Planner).await;
    let drafted = az_planner
        .create_activity(YEAR, &draft("AZ draft"))
        .await
        .expect("draft");
    let private = other_pdf("draft");
    az_planner
        .upload_document(
            DocumentOwner::Activity,
            drafted.value.id,
            "draft.pdf",
            "application/pdf",
            private.clone(),
        )
        .await
        .expect("draft's document");
    let bytes = other_pdf("note");
    let document = az_coord
        .upload_document(
            DocumentOwner::Notification,
            sent.value.id,
            "note.pdf",
            "application/pdf",
            bytes.clone(),
        )
        .await
        .expect("note's document");
    let blob = |sha: &str| format!("SELECT COUNT(*) FROM document_blobs WHERE sha256 = '{sha}'");
    eventually(ge_db, &blob(&document.sha256), 1).await;
    eventually(
        ge_db,
        &format!("SELECT COUNT(*) FROM documents WHERE public_id = {}", document.id),
        1,
    )
    .await;
    assert_eq!(count(az_db, &blob(&sha256(&private))).await, 1, "kept at home");
    assert_eq!(count(ge_db, &blob(&sha256(&private))).await, 0, "never sent");
    let downloaded = ge_coord.download_document(document.id).await.expect("GE downloads");
    assert_eq!(sha256(&downloaded), sha256(&bytes));
    assert_eq!(sha256(&downloaded), document.sha256);
    // Kept in GE's store from then on.
    let stored = ge.state.store.open(&document.sha256).await.expect("store");
    assert!(stored.is_some(), "cached in GE's blob store");

    // The database refuses the other party's rows, whatever writes them.
    for (db, sql, owner) in [
        (
            az_db,
            "UPDATE notification_receipts SET acknowledgement = 'forged'",
            "ge",
        ),
        (
            az_db,
            "UPDATE instrument_sides SET signatory = 'forged' WHERE party = 'ge'",
            "ge",
        ),
        (ge_db, "UPDATE notifications SET subject = 'forged'", "az"),
        (ge_db, "UPDATE instruments SET title = 'forged' WHERE id = 1", "az"),
        (ge_db, "DELETE FROM document_blobs", "az"),
    ] {
        assert_eq!(refused(db, sql).await, owner, "{sql}");
    }
    drop((az, ge));
    drop(cluster);
}

#[tokio::test]
async fn a_party_nodes_bytes_come_back_from_the_database_checked_against_their_sha256() {
    let app = spawn_app_with(&[("CONCORD_NODE_PARTY", "az")]).await;
    let coord = app.login_as(Party::Az, Role::Coordinator).await;
    let sent = coord.record_notification(&note("AZ-3")).await.expect("note");
    let bytes = other_pdf("restored");
    let document = coord
        .upload_document(
            DocumentOwner::Notification,
            sent.value.id,
            "n.pdf",
            "application/pdf",
            bytes.clone(),
        )
        .await
        .expect("document");
    let db = &app.state.db;
    let sql = format!(
        "SELECT COUNT(*) FROM document_blobs WHERE shared AND party = 'az' AND sha256 = '{}'",
        document.sha256
    );
    assert_eq!(count_any(db, &sql).await, 1);
    // The store loses the file: the database has it.
    app.state.store.remove(&document.sha256).await.expect("removed");
    assert_eq!(coord.download_document(document.id).await.expect("restored"), bytes);
    // Damaged bytes in the database are never served.
    app.state.store.remove(&document.sha256).await.expect("removed");
    db.execute_unprepared(&format!(
        "UPDATE document_blobs SET bytes = {} WHERE sha256 = '{}'",
        if app.database == "sqlite" {
            "X'00'"
        } else {
            "'\\x00'::bytea"
        },
        document.sha256
    ))
    .await
    .expect("damaged");
    let err = coord.download_document(document.id).await.expect_err("damaged");
    assert_eq!((err.status, err.code.as_str()), (500, "document_damaged"));
}

#[tokio::test]
async fn a_single_node_keeps_its_bytes_in_the_store_alone() {
    let app = spawn_app().await;
    let coord = app.login_as(Party::Az, Role::Coordinator).await;
    let sent = coord.record_notification(&note("AZ-4")).await.expect("note");
    coord
        .upload_document(
            DocumentOwner::Notification,
            sent.value.id,
            "n.pdf",
            "application/pdf",
            pdf(),
        )
        .await
        .expect("document");
    assert_eq!(count_any(&app.state.db, "SELECT COUNT(*) FROM document_blobs").await, 0);
}

/// What `sql` counts, on either database.
async fn count_any(db: &sea_orm::DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect(sql)
        .expect("a row");
    row.try_get_by_index::<i64>(0).expect("a count")
}

#[tokio::test]
async fn the_migrations_split_notes_and_instruments_by_owner_and_go_down_and_up_again() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    let ge = app.login_as(Party::Ge, Role::Coordinator).await;
    let unanswered = az.record_notification(&note("AZ-5")).await.expect("note").value.id;
    let answered_with = az
        .record_notification(&NewNotification {
            received_on: Some(today()),
            ..note("AZ-6")
        })
        .await
        .expect("note")
        .value
        .id;
    let later = ge.record_notification(&note("GE-1")).await.expect("note");
    let receipt = NotificationReceipt {
        received_on: Some(today()),
        acknowledged_on: None,
        acknowledgement: Some("AZ-7".to_owned()),
    };
    az.record_receipt(later.value.id, later.version, &receipt)
        .await
        .expect("receipt");
    let created = ge.create_instrument(&protocol("Minutes")).await.expect("instrument");
    let mut input = protocol("Minutes");
    input.ge.procedures = Some("Ratified".to_owned());
    ge.update_instrument(created.value.id, created.version, &input)
        .await
        .expect("GE's side");
    let notes = [unanswered, answered_with, later.value.id];
    let snapshot = || async {
        let mut views = Vec::new();
        for id in notes {
            let n = az.notification(id).await.expect("note");
            views.push(serde_json::json!([n.value, n.version]));
        }
        for id in [1, created.value.id] {
            let i = az.instrument(id).await.expect("instrument");
            views.push(serde_json::json!([i.value, i.version]));
        }
        views
    };
    let before = snapshot().await;
    let db = &app.state.db;
    back_before(db, "m20261203_000190_notification_receipts").await;
    assert_eq!(
        count_any(db, "SELECT COUNT(*) FROM notifications WHERE received_on IS NOT NULL").await,
        2,
        "the receipts are back in the notes"
    );
    assert_eq!(
        count_any(db, "SELECT COUNT(*) FROM instruments WHERE ge_procedures = 'Ratified'").await,
        1,
        "the sides are back in the instruments"
    );
    Migrator::up(db, None).await.expect("up");
    assert_eq!(snapshot().await, before);
    assert_eq!(count_any(db, "SELECT COUNT(*) FROM notification_receipts").await, 2);
    let owner = format!(
        "SELECT COUNT(*) FROM instruments WHERE recorded_party = 'ge' AND id = {}",
        created.value.id
    );
    assert_eq!(
        count_any(db, &owner).await,
        1,
        "the recording party, from the audit log"
    );
    // Writing goes on from the migrated rows.
    let current = az.notification(later.value.id).await.expect("note");
    let again = az
        .record_receipt(later.value.id, current.version, &receipt)
        .await
        .expect("again");
    assert_eq!(again.version, current.version + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writes_of_two_rows_under_one_version_let_one_win_and_answer_the_others_412() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    let ge = app.login_as(Party::Ge, Role::Coordinator).await;
    // The first receipt makes its row: six at once, one wins.
    let sent = az.record_notification(&note("AZ-8")).await.expect("note");
    let receipt = NotificationReceipt {
        received_on: Some(today()),
        acknowledged_on: None,
        acknowledgement: None,
    };
    let answers =
        futures_util::future::join_all((0..6).map(|_| ge.record_receipt(sent.value.id, sent.version, &receipt))).await;
    let statuses: Vec<u16> = answers
        .iter()
        .map(|a| a.as_ref().map_or_else(|e| e.status, |_| 200))
        .collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 412), "{statuses:?}");
    // Each party's side at once, at the same version: one wins, the other is told.
    let created = az.create_instrument(&protocol("Concurrent")).await.expect("instrument");
    let mut az_input = protocol("Concurrent");
    az_input.az.procedures = Some("Approved".to_owned());
    let mut ge_input = protocol("Concurrent");
    ge_input.ge.procedures = Some("Ratified".to_owned());
    let (a, g) = tokio::join!(
        az.update_instrument(created.value.id, created.version, &az_input),
        ge.update_instrument(created.value.id, created.version, &ge_input),
    );
    let statuses = [&a, &g].map(|r| r.as_ref().map_or_else(|e| e.status, |_| 200));
    assert!(statuses == [200, 412] || statuses == [412, 200], "{statuses:?}");
    let now = az.instrument(created.value.id).await.expect("instrument");
    assert_eq!(now.version, 2);
}
