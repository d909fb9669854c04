//! The joint record across two sovereign nodes (docs/federation.md, "Proof
//! that both hold the same record"), on a PostgreSQL cluster of the test's
//! own with `wal_level=logical`: both parties act on their own nodes, each
//! party's signed chain reaches the other node, `concord federation verify`
//! holds on both; an entry forged in one node's copy of the other party's
//! chain makes that node's `verify` fail, naming the entry.
//!
//! Runs in the PostgreSQL pass, like `federation.rs`.

use std::time::{Duration, Instant};

use concord_shared::api::{ConsentDecision, ConsentRequest};
use concord_shared::{Party, Role};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

use crate::federation::{federation, two_nodes};
use crate::helpers::{TestApp, YEAR, on_postgres, shared};

async fn entries(db: &DatabaseConnection, party: Party) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM joint_entries WHERE party = '{}'", party.code());
    db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .expect("count")
        .expect("a row")
        .try_get_by_index::<i64>(0)
        .expect("a count")
}

/// Waits until `party`'s chain on `copy` is as long as on its owner's node.
async fn replicated(owner: &DatabaseConnection, copy: &DatabaseConnection, party: Party) -> i64 {
    let want = entries(owner, party).await;
    let start = Instant::now();
    while entries(copy, party).await != want {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{}'s chain not replicated",
            party.short()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    want
}

/// The node's public key as `init` printed it.
fn public_key(printed: &str) -> String {
    printed
        .lines()
        .find_map(|l| l.trim().strip_prefix("public key:"))
        .expect("init prints the public key")
        .trim()
        .to_owned()
}

/// A party's planner shares an activity and comments on it; its
/// coordinator accepts it.
async fn act(app: &TestApp, party: Party) {
    let coordinator = app.login_as(party, Role::Coordinator).await;
    let planner = app.login_as(party, Role::Planner).await;
    coordinator.create_plan(YEAR).await.expect("plan");
    let id = shared(&planner, &format!("{} shared activity", party.short())).await;
    planner.add_comment(id, "For both").await.expect("comment");
    planner.add_note(id, "Ours alone").await.expect("note");
    let current = coordinator.activity(id).await.expect("activity");
    let accept = ConsentRequest {
        decision: ConsentDecision::Accept,
        comment: String::new(),
    };
    coordinator
        .consent(id, current.version, &accept)
        .await
        .expect("accepted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_chains_replicate_verify_holds_on_both_nodes_and_a_forged_copy_is_named() {
    if !on_postgres() {
        return; // Logical replication is PostgreSQL's.
    }
    let (cluster, az, ge, az_url, ge_url) = two_nodes().await;

    // The operators exchange the printed public keys and connect with them.
    let az_key = public_key(&federation(&az, Party::Az, &["init"]).expect("init"));
    let ge_key = public_key(&federation(&ge, Party::Ge, &["init"]).expect("init"));
    let connected =
        federation(&az, Party::Az, &["connect", "--peer", &ge_url, "--peer-key", &ge_key]).expect("connect");
    assert!(
        connected.contains("The peer's key recorded: fingerprint"),
        "{connected}"
    );
    federation(&ge, Party::Ge, &["connect", "--peer", &az_url, "--peer-key", &az_key]).expect("connect");

    act(&az, Party::Az).await;
    act(&ge, Party::Ge).await;
    let (az_db, ge_db) = (&az.state.db, &ge.state.db);
    // Share, comment, consent at least; the note is not joint.
    assert!(replicated(az_db, ge_db, Party::Az).await >= 3);
    assert!(replicated(ge_db, az_db, Party::Ge).await >= 3);
    assert_eq!(entries(az_db, Party::Ge).await, entries(ge_db, Party::Ge).await);

    for (app, party) in [(&az, Party::Az), (&ge, Party::Ge)] {
        let report = federation(app, party, &["verify"]).expect("the joint record holds");
        assert!(
            report.contains("ok    AZ's chain:") && report.contains("ok    GE's chain:"),
            "{report}"
        );
        assert!(report.contains("The joint record holds."), "{report}");
    }
    let status = federation(&az, Party::Az, &["status"]).expect("status");
    assert!(status.contains("joint record:           verified at"), "{status}");

    // AZ's operator forges GE's first entry in AZ's copy (the trigger off).
    az_db
        .execute_unprepared(
            "ALTER TABLE joint_entries DISABLE TRIGGER concord_owned_rows; \
             UPDATE joint_entries SET subject = 'activity:0' WHERE party = 'ge' AND seq = 1; \
             ALTER TABLE joint_entries ENABLE TRIGGER concord_owned_rows",
        )
        .await
        .expect("forged");
    let failed = federation(&az, Party::Az, &["verify"]).expect_err("AZ's copy is forged");
    assert!(failed.contains("FAIL  GE's chain, entry 1 ("), "{failed}");
    assert!(failed.contains("its content does not match its hash"), "{failed}");
    assert!(failed.contains("ok    AZ's chain:"), "{failed}");
    let status = federation(&az, Party::Az, &["status"]).expect("status");
    assert!(status.contains("joint record:           FAILED at"), "{status}");
    // GE's node holds its own chain untouched.
    let report = federation(&ge, Party::Ge, &["verify"]).expect("GE's record holds");
    assert!(report.contains("The joint record holds."), "{report}");
    drop((az, ge));
    drop(cluster);
}
