//! Activities replicate between two sovereign nodes (issue 18, step 1,
//! docs/federation.md): the proposer's substance, each party's side and the
//! host's execution status are rows of their owners, and each node keeps
//! the activity row's consents, sides and status as a cache of its own,
//! derived again when the replication apply worker writes a row
//! (`federation::apply`). Also, on either database: migration 000180 makes
//! the side and execution rows from the activity's columns, down and up.

use std::time::{Duration, Instant};

use concord_backend::entities::{activity, activity_execution, activity_side};
use concord_client::Client;
use concord_migrations::{Migrator, MigratorTrait};
use concord_shared::api::{
    Activity, ActivityPatch, ConsentDecision, ConsentRequest, ExecutionStatus, ExecutionUpdate, SideInput,
};
use concord_shared::plan::{ConsentState, PartyConsent};
use concord_shared::{Party, Role};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, Statement};

use crate::federation::{federation, two_nodes};
use crate::helpers::{YEAR, back_before, draft, on_postgres, shared, spawn_app, spawn_app_with};

async fn text(db: &DatabaseConnection, sql: &str) -> Option<String> {
    db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .map(|row| row.try_get_by_index::<String>(0).expect("a text"))
}

/// Waits until the activity `id`, read through `client` (another node's
/// API), is as `want` says (replication and the cache are asynchronous).
async fn until(client: &Client, id: i64, what: &str, want: impl Fn(&Activity) -> bool) -> Activity {
    let start = Instant::now();
    loop {
        if let Ok(got) = client.activity(id).await
            && want(&got.value)
        {
            return got.value;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "{what}: never");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn sides_of(db: &DatabaseConnection) -> Vec<(Party, Option<i32>, String, bool)> {
    let rows = activity_side::Entity::find().all(db).await.expect("sides");
    rows.into_iter()
        .map(|r| (r.party, r.participants, r.unit, r.shared))
        .collect()
}

async fn decide(client: &Client, id: i64, decision: ConsentDecision) -> Activity {
    let current = client.activity(id).await.expect("activity");
    let comment = match decision {
        ConsentDecision::Accept => String::new(),
        _ => "Please move it to the autumn".to_owned(),
    };
    client
        .consent(id, current.version, &ConsentRequest { decision, comment })
        .await
        .expect("decided")
        .value
}

/// The SQL error code of a refused statement, or none.
async fn refusal(db: &DatabaseConnection, sql: &str) -> Option<String> {
    match db.execute_unprepared(sql).await {
        Ok(_) => None,
        Err(err) => Some(
            concord_backend::db::foreign_row(&err)
                .unwrap_or_else(|| panic!("{sql}: {err}"))
                .code()
                .to_owned(),
        ),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_activity_its_sides_consents_and_execution_replicate_and_each_node_keeps_its_cache() {
    if !on_postgres() {
        return; // Logical replication is PostgreSQL's.
    }
    let (cluster, az, ge, az_url, ge_url) = two_nodes().await;
    for (app, party) in [(&az, Party::Az), (&ge, Party::Ge)] {
        federation(app, party, &["init"]).expect("init");
    }
    federation(&az, Party::Az, &["connect", "--peer", &ge_url]).expect("AZ subscribes to GE");
    federation(&ge, Party::Ge, &["connect", "--peer", &az_url]).expect("GE subscribes to AZ");
    let (az_db, ge_db) = (&az.state.db, &ge.state.db);
    // Until a table's first copy is done, the apply worker skips its rows
    // (the copy brings them): wait for every table to be ready on both.
    for db in [az_db, ge_db] {
        let start = Instant::now();
        while text(
            db,
            "SELECT COUNT(*)::text FROM pg_subscription_rel WHERE srsubstate <> 'r'",
        )
        .await
        .as_deref()
            != Some("0")
        {
            assert!(start.elapsed() < Duration::from_secs(60), "the first copy never ends");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    let az_coordinator = az.login_as(Party::Az, Role::Coordinator).await;
    let az_planner = az.login_as(Party::Az, Role::Planner).await;
    let ge_coordinator = ge.login_as(Party::Ge, Role::Coordinator).await;
    let ge_planner = ge.login_as(Party::Ge, Role::Planner).await;
    az_coordinator.create_plan(YEAR).await.expect("AZ's plan");
    // Temporary, until plans replicate (the next split): AZ's plan row is
    // copied into GE's database with the same id, as replication will.
    let plan = text(
        az_db,
        &format!("SELECT row_to_json(p)::text FROM plans p WHERE year = {YEAR}"),
    )
    .await
    .expect("AZ's plan row");
    ge_db
        .execute_unprepared(&format!(
            "INSERT INTO plans SELECT * FROM json_populate_record(NULL::plans, '{plan}')"
        ))
        .await
        .expect("the plan on GE's node");

    // A draft stays home; sharing sends it.
    let created = az_planner
        .create_activity(YEAR, &draft("Staff talks in Baku"))
        .await
        .expect("drafted");
    let id = created.value.id;
    let home = az_planner
        .create_activity(YEAR, &draft("AZ draft never leaves home"))
        .await
        .expect("drafted")
        .value
        .id;
    az_planner.share_activity(id, created.version).await.expect("shared");
    let seen = until(&ge_planner, id, "GE sees AZ's shared activity, derived", |a| {
        a.consent == ConsentState::Pending
    })
    .await;
    assert_eq!(seen.title, "Staff talks in Baku");
    for public_id in [home, id] {
        let on_ge = activity::Entity::find()
            .filter(activity::Column::PublicId.eq(public_id))
            .one(ge_db)
            .await
            .expect("query");
        assert_eq!(
            on_ge.is_some(),
            public_id == id,
            "only the shared one is in GE's database"
        );
    }
    // The cache columns are not replicated: the row arrived with their
    // defaults (the creator is a user of AZ's node) and GE derived the rest.
    let row = |db: &'static str| format!("SELECT {db} FROM activities WHERE public_id = {id}");
    assert_eq!(text(ge_db, &row("created_by::text")).await.as_deref(), Some("0"));
    assert_eq!(
        text(ge_db, &row("search_text")).await,
        text(az_db, &row("search_text")).await,
        "derived on GE's node from the substance"
    );

    // GE requests changes: AZ's node shows GE's decision.
    decide(&ge_coordinator, id, ConsentDecision::RequestChanges).await;
    until(&az_planner, id, "AZ sees GE's request", |a| {
        a.consent_ge == PartyConsent::ChangesRequested
    })
    .await;

    // AZ edits the substance (GE to host it): GE sees the new substance and
    // its own earlier decision stale.
    let current = az_planner.activity(id).await.expect("activity");
    let patch = ActivityPatch {
        title: Some("Staff talks in Tbilisi".to_owned()),
        location: Some("Tbilisi".to_owned()),
        host_party: Some(Party::Ge),
        ..ActivityPatch::default()
    };
    az_planner
        .update_activity(id, current.version, &patch)
        .await
        .expect("AZ edits");
    // (GE's decision stale: derived on GE's node from the new revision.)
    let edited = until(&ge_planner, id, "GE sees AZ's edit, its decision stale", |a| {
        a.title == "Staff talks in Tbilisi" && a.consent_ge == PartyConsent::Pending
    })
    .await;
    assert_eq!(edited.host_party, Party::Ge);
    let on_ge = ge_coordinator.activity(id).await.expect("activity");

    // GE writes its side: AZ sees it; AZ's substance on GE is untouched.
    let side = SideInput {
        participants: Some(12),
        responsible_unit: "GE Training Command".to_owned(),
        point_of_contact: "Maj. Beridze".to_owned(),
    };
    let patch = ActivityPatch {
        own_side: Some(side.clone()),
        ..ActivityPatch::default()
    };
    let written = ge_planner
        .update_activity(id, on_ge.version, &patch)
        .await
        .expect("GE writes its side");
    assert_eq!(written.value.ge.responsible_unit, "GE Training Command");
    let on_az = until(&az_planner, id, "AZ sees GE's side", |a| a.ge.participants == Some(12)).await;
    assert_eq!(on_az.ge.point_of_contact, "Maj. Beridze");
    let rows = activity_side::Entity::find()
        .filter(activity_side::Column::Party.eq(Party::Ge))
        .all(az_db)
        .await
        .expect("sides");
    assert_eq!(rows.len(), 1, "GE's side row reached AZ's database");

    // Both accept: both nodes show the activity agreed.
    decide(&az_coordinator, id, ConsentDecision::Accept).await;
    // GE decides on what it has seen (else its If-Match is rightly stale).
    until(&ge_coordinator, id, "GE sees AZ's acceptance", |a| {
        a.consent_az == PartyConsent::Accepted
    })
    .await;
    decide(&ge_coordinator, id, ConsentDecision::Accept).await;
    for client in [&az_planner, &ge_planner] {
        until(client, id, "agreed on both nodes", |a| {
            a.consent == ConsentState::Accepted
        })
        .await;
    }

    // The host (GE) reports it confirmed once the plan is signed. Plans do
    // not replicate yet: both nodes' plan rows are signed by SQL.
    for db in [az_db, ge_db] {
        db.execute_unprepared(&format!(
            "UPDATE plans SET state = 'signed', signed_version = 1 WHERE year = {YEAR}"
        ))
        .await
        .expect("plan signed");
    }
    let current = ge_planner.activity(id).await.expect("activity");
    ge_planner
        .set_execution(
            id,
            current.version,
            &ExecutionUpdate {
                status: ExecutionStatus::Confirmed,
                reason: None,
            },
        )
        .await
        .expect("GE confirms");
    until(&az_planner, id, "AZ sees GE's report", |a| {
        a.execution == ExecutionStatus::Confirmed
    })
    .await;
    let reports = activity_execution::Entity::find().all(az_db).await.expect("rows");
    assert_eq!(
        reports.iter().map(|r| (r.party, r.status)).collect::<Vec<_>>(),
        vec![(Party::Ge, ExecutionStatus::Confirmed)]
    );

    // On GE's node AZ's row is a copy: its substance cannot be written
    // there, its cache can (and GE's node derives it again later).
    let on = format!("WHERE public_id = {id}");
    assert_eq!(
        refusal(ge_db, &format!("UPDATE activities SET title = 'forged' {on}"))
            .await
            .as_deref(),
        Some("az")
    );
    assert_eq!(
        refusal(ge_db, &format!("DELETE FROM activities {on}")).await.as_deref(),
        Some("az")
    );
    assert_eq!(
        refusal(
            ge_db,
            "UPDATE activity_consents SET state = 'rejected' WHERE party = 'az'"
        )
        .await
        .as_deref(),
        Some("az")
    );
    assert_eq!(
        refusal(
            ge_db,
            &format!("UPDATE activities SET ge_unit = 'cache', version = version + 1 {on}")
        )
        .await,
        None,
        "the cache is the node's own"
    );
    // The updates applied since the row arrived left the columns the
    // publication does not carry as they were: GE's `created_by` is still
    // the default, not AZ's user.
    let creator = row("created_by::text");
    assert_eq!(text(ge_db, &creator).await.as_deref(), Some("0"));
    assert_ne!(text(az_db, &creator).await.as_deref(), Some("0"));
    // Each change that arrived is on GE's log, which its live stream follows.
    let announced = text(
        ge_db,
        &format!("SELECT COUNT(*)::text FROM audit_log WHERE action = 'activity.replicated' AND entity_id = '{id}'"),
    )
    .await;
    assert!(announced.as_deref().is_some_and(|n| n != "0"), "{announced:?}");
    // And GE's side on AZ's node is GE's.
    assert_eq!(
        refusal(az_db, "UPDATE activity_sides SET unit = 'forged' WHERE party = 'ge'")
            .await
            .as_deref(),
        Some("ge")
    );
    drop((az, ge));
    drop(cluster);
}

#[tokio::test]
async fn the_migration_makes_each_written_side_and_reported_status_a_row_and_goes_down_and_up_again() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let planner = app.login_as(Party::Az, Role::Planner).await;
    app.login_as(Party::Az, Role::Coordinator)
        .await
        .create_plan(YEAR)
        .await
        .expect("plan");
    let with_side = planner
        .create_activity(
            YEAR,
            &concord_shared::api::NewActivity {
                own_side: Some(SideInput {
                    participants: Some(4),
                    responsible_unit: "AZ unit".to_owned(),
                    point_of_contact: String::new(),
                }),
                ..draft("With AZ's side")
            },
        )
        .await
        .expect("drafted")
        .value
        .id;
    let without = shared(&planner, "Nobody's side").await;
    let ids = |public_id: i64| format!("(SELECT id FROM activities WHERE public_id = {public_id})");
    // A status reported before 000180 (by SQL: a signed plan is long to make).
    db.execute_unprepared(&format!(
        "UPDATE activities SET execution = 'postponed', execution_reason = 'Floods' WHERE id = {}",
        ids(without)
    ))
    .await
    .expect("status");
    let want = vec![(Party::Az, Some(4), "AZ unit".to_owned(), false)];
    assert_eq!(sides_of(db).await, want, "written with the draft");

    back_before(db, "m20261203_000180_activity_sides_execution").await;
    Migrator::up(db, None).await.expect("up");
    assert_eq!(sides_of(db).await, want);
    let reports = activity_execution::Entity::find().all(db).await.expect("rows");
    assert_eq!(
        reports
            .iter()
            .map(|r| (r.party, r.status, r.reason.clone()))
            .collect::<Vec<_>>(),
        vec![(Party::Az, ExecutionStatus::Postponed, Some("Floods".to_owned()))]
    );
    // Writing goes on from the migrated rows, and sharing marks the side.
    let current = planner.activity(with_side).await.expect("activity");
    let shared_now = planner
        .share_activity(with_side, current.version)
        .await
        .expect("shared");
    let patch = ActivityPatch {
        own_side: Some(SideInput {
            participants: Some(5),
            responsible_unit: "AZ unit".to_owned(),
            point_of_contact: "Col. Aliyev".to_owned(),
        }),
        ..ActivityPatch::default()
    };
    let after = planner
        .update_activity(with_side, shared_now.version, &patch)
        .await
        .expect("side");
    assert_eq!(after.value.az.participants, Some(5));
    let row = activity_side::Entity::find()
        .one(db)
        .await
        .expect("side")
        .expect("a row");
    assert_eq!((row.participants, row.shared, row.version), (Some(5), true, 2));
}

/// A row applied while the node's app was not listening (down, or its
/// listening connection lost) is not lost: the app sweeps when it starts
/// listening, and derives every disagreeing cache again.
#[tokio::test]
async fn a_party_node_derives_a_stale_cache_again_when_it_starts() {
    if !on_postgres() {
        return; // The listener and its sweep are PostgreSQL's.
    }
    let first = spawn_app_with(&[("CONCORD_NODE_PARTY", "az")]).await;
    let url = first.state.settings.database_url.clone();
    let planner = first.login_as(Party::Az, Role::Planner).await;
    first
        .login_as(Party::Az, Role::Coordinator)
        .await
        .create_plan(YEAR)
        .await
        .expect("plan");
    let id = shared(&planner, "Swept").await;
    let before = planner.activity(id).await.expect("activity");
    // As a replicated row would leave it: the cache not derived.
    first
        .state
        .db
        .execute_unprepared(&format!(
            "UPDATE activities SET consent = 'draft', search_text = '' WHERE public_id = {id}"
        ))
        .await
        .expect("stale cache");
    // A second app on the same database, as after a restart (the first
    // one's listener heard nothing: no row was applied by replication).
    let again = spawn_app_with(&[("CONCORD_DATABASE_URL", url.as_str()), ("CONCORD_NODE_PARTY", "az")]).await;
    let planner = again.login_as(Party::Az, Role::Planner).await;
    let swept = until(&planner, id, "the cache derived again", |a| {
        a.consent == ConsentState::Pending
    })
    .await;
    assert!(swept.version > before.value.version, "a new version of the node's row");
    assert_eq!(
        text(
            &again.state.db,
            &format!("SELECT search_text FROM activities WHERE public_id = {id}")
        )
        .await,
        Some(concord_backend::models::search::fold(&format!(
            "{} Swept Staff talks on the annual exercise programme. Baku  ",
            swept.reference.as_deref().unwrap_or_default()
        )))
    );
    drop((again, first));
}
