//! A signature names the SHA-256 of the content it signed: a change of the
//! plan makes a partial signature stale instead of deleting it, so a party's
//! node never deletes the other party's signature (docs/federation.md), and
//! a party signing again replaces only its own stale row.

use concord_migrations::MigratorTrait;
use concord_shared::api::ActivityPatch;
use concord_shared::plan::PlanState;
use concord_shared::{Party, Role};
use sea_orm::{ConnectionTrait, Statement};

use crate::federation::federation;
use crate::helpers::{YEAR, board, on_postgres, spawn_app, spawn_app_with};
use crate::versions::{agreed, sign, step};

async fn signature_rows(db: &sea_orm::DatabaseConnection, party: &str) -> i64 {
    db.query_one_raw(Statement::from_string(
        db.get_database_backend(),
        format!("SELECT COUNT(*) AS n FROM plan_signatures WHERE party = '{party}'"),
    ))
    .await
    .expect("query")
    .expect("a row")
    .try_get_by_index::<i64>(0)
    .expect("a count")
}

#[tokio::test]
async fn a_change_makes_a_partial_signature_stale_and_its_party_signs_again() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let (a, _) = agreed(&b).await;
    sign(&b.ge_coord, "G. Gelashvili").await.expect("GE signs");
    let current = b.az_planner.activity(a).await.expect("activity");
    let patch = ActivityPatch {
        title: Some("Staff talks in Ganja".into()),
        ..Default::default()
    };
    b.az_planner
        .update_activity(a, current.version, &patch)
        .await
        .expect("a change reopens the plan");
    let plan = b.az_coord.plan(YEAR).await.expect("plan").value;
    assert_eq!(plan.state, PlanState::Negotiation);
    assert!(plan.signatures.is_empty(), "GE's signature no longer holds");
    assert_eq!(signature_rows(&app.state.db, "ge").await, 1, "stale, not deleted");

    crate::versions::accept_both(&b, a).await;
    step(&b.ge_coord, &b.az_coord, PlanState::Agreed).await;
    sign(&b.ge_coord, "G. Gelashvili").await.expect("GE signs again");
    assert_eq!(
        signature_rows(&app.state.db, "ge").await,
        1,
        "its own stale row replaced"
    );
    let signed = sign(&b.az_coord, "Z. Hasanov").await.expect("AZ signs");
    assert_eq!(signed.state, PlanState::Signed);
}

#[tokio::test]
async fn on_a_party_node_a_change_leaves_the_other_partys_signature_stale_never_deleted() {
    if !on_postgres() {
        return; // The node's triggers are PostgreSQL's.
    }
    // GE's signature in the database, as replication would bring it ...
    let single = spawn_app().await;
    let b = board(&single).await;
    let (a, _) = agreed(&b).await;
    sign(&b.ge_coord, "G. Gelashvili").await.expect("GE signs");
    // ... then the database as AZ's node, refusing to write GE's rows.
    let url = single.state.settings.database_url.clone();
    let az = spawn_app_with(&[("CONCORD_DATABASE_URL", url.as_str()), ("CONCORD_NODE_PARTY", "az")]).await;
    federation(&az, Party::Az, &["init"]).expect("init");
    let planner = az.login_as(Party::Az, Role::Planner).await;
    let current = planner.activity(a).await.expect("activity");
    let patch = ActivityPatch {
        title: Some("Staff talks in Ganja".into()),
        ..Default::default()
    };
    planner
        .update_activity(a, current.version, &patch)
        .await
        .expect("AZ changes its activity (was foreign_row: GE's signature deleted)");
    let plan = planner.plan(YEAR).await.expect("plan").value;
    assert!(plan.signatures.is_empty(), "GE's signature no longer holds");
    assert_eq!(signature_rows(&az.state.db, "ge").await, 1, "GE's row untouched");
}

#[tokio::test]
async fn the_migration_down_drops_partial_signatures_and_up_makes_old_ones_stale() {
    let app = spawn_app().await;
    let b = board(&app).await;
    agreed(&b).await;
    sign(&b.ge_coord, "G. Gelashvili").await.expect("GE signs");
    let db = &app.state.db;
    crate::helpers::back_before(db, "m20261203_000170_signature_content").await;
    assert_eq!(
        signature_rows(db, "ge").await,
        0,
        "a partial signature cannot be checked without its hash"
    );
    concord_migrations::Migrator::up(db, None).await.expect("up");
    assert!(b.az_coord.plan(YEAR).await.expect("plan").value.signatures.is_empty());
    sign(&b.ge_coord, "G. Gelashvili").await.expect("GE signs again");
    let signed = sign(&b.az_coord, "Z. Hasanov").await.expect("AZ signs");
    assert_eq!(signed.state, PlanState::Signed);
    assert_eq!(signed.signatures.len(), 2);
}
