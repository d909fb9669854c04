//! Each party's joint actions as a signed hash chain on a single node
//! (docs/federation.md, "Proof that both hold the same record"): the chain
//! grows per party with each joint action and not with private ones,
//! concurrent actions keep it linear, `concord federation verify` checks it
//! and names a forged entry, and a signed version exported from the API
//! verifies offline with `concord verify-version`.

use std::time::Instant;

use concord_backend::audit;
use concord_backend::federation::{chain, keys};
use concord_migrations::MigratorTrait;
use concord_shared::Party;
use concord_shared::api::{ConsentDecision, ConsentRequest};
use concord_shared::rules::Scope;
use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::helpers::{TestApp, YEAR, board, draft, shared, spawn_app};
use crate::versions::{agreed, sign};

/// `concord ARGS` as an operator of this single node runs it.
fn concord(app: &TestApp, args: &[&str]) -> Result<String, String> {
    crate::federation::concord(app, None, args)
}

/// The kinds of a party's chain, in order, after checking it is linear
/// and every entry holds against the node's key.
async fn kinds(app: &TestApp, party: Party) -> Vec<String> {
    let key = app.state.node_key.as_ref().expect("the node's key").verifying_key();
    let entries = chain::entries(&app.state.db, party).await.expect("chain");
    let mut prev = chain::GENESIS.to_owned();
    for (seq, row) in (1..).zip(&entries) {
        assert_eq!(chain::fault(row, seq, &prev, Some(&key)), None, "{row:?}");
        prev.clone_from(&row.entry_sha256);
    }
    entries.into_iter().map(|e| e.kind).collect()
}

async fn execute(db: &DatabaseConnection, sql: &str) {
    db.execute_unprepared(sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

#[tokio::test]
async fn each_party_s_chain_grows_with_its_joint_actions_only_and_verify_names_a_forged_entry() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let draft_id = b
        .az_planner
        .create_activity(YEAR, &draft("AZ's draft"))
        .await
        .expect("draft")
        .value
        .id;
    b.az_planner.add_note(draft_id, "Ours alone").await.expect("note");
    assert!(
        kinds(&app, Party::Az).await.is_empty(),
        "a draft and a note are AZ's own"
    );

    let a = shared(&b.az_planner, "Staff talks in Baku").await;
    b.ge_planner.add_comment(a, "Which dates?").await.expect("comment");
    b.ge_planner.add_note(a, "Internal: ask J7").await.expect("note");
    let current = b.ge_coord.activity(a).await.expect("activity");
    let request = ConsentRequest {
        decision: ConsentDecision::RequestChanges,
        comment: "Move it to May".to_owned(),
    };
    b.ge_coord.consent(a, current.version, &request).await.expect("GE asks");
    assert_eq!(kinds(&app, Party::Az).await, ["activity.share"]);
    let ge = kinds(&app, Party::Ge).await;
    assert!(ge.starts_with(&["activity.comment".to_owned()]), "{ge:?}");
    assert_eq!(ge.last().map(String::as_str), Some("activity.consent"), "{ge:?}");
    assert!(!ge.iter().any(|k| k == "activity.note"), "{ge:?}");

    let report = concord(&app, &["federation", "verify"]).expect("the record holds");
    assert!(report.contains("ok    AZ's chain: 1 entries, intact"), "{report}");
    assert!(report.contains("The joint record holds."), "{report}");

    // An operator rewrites GE's comment's entry: verify names it.
    let entries = chain::entries(&app.state.db, Party::Ge).await.expect("chain");
    execute(
        &app.state.db,
        &format!(
            "UPDATE joint_entries SET subject = 'activity:1' WHERE id = {}",
            entries[0].id
        ),
    )
    .await;
    let failed = concord(&app, &["federation", "verify"]).expect_err("forged");
    assert!(
        failed.contains("FAIL  GE's chain, entry 1 (activity.comment activity:1"),
        "{failed}"
    );
    assert!(failed.contains("its content does not match its hash"), "{failed}");
    assert!(failed.contains("ok    AZ's chain"), "AZ's chain still holds: {failed}");
}

#[tokio::test]
async fn concurrent_joint_actions_keep_each_chain_linear() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let a = shared(&b.az_planner, "Staff talks in Baku").await;
    let comments = (0..8).map(|i| {
        let client = if i % 2 == 0 { &b.az_planner } else { &b.ge_planner };
        async move { client.add_comment(a, &format!("Comment {i}")).await }
    });
    for done in futures_util::future::join_all(comments).await {
        done.expect("no comment fails");
    }
    // 1 share + 4 comments, 4 comments: linear, gap-free, every link holding.
    assert_eq!(kinds(&app, Party::Az).await.len(), 5);
    assert_eq!(kinds(&app, Party::Ge).await.len(), 4);
}

#[tokio::test]
async fn a_signed_version_verifies_offline_and_fails_when_one_byte_or_a_key_changes() {
    let app = spawn_app().await;
    let b = board(&app).await;
    agreed(&b).await;
    sign(&b.az_coord, "Z. Hasanov").await.expect("AZ signs");
    sign(&b.ge_coord, "I. Chikovani").await.expect("GE signs");
    let version = b.ge_planner.plan_version(YEAR, 1).await.expect("version 1");
    let node = keys::public_hex(app.state.node_key.as_ref().expect("key"));
    for s in &version.info.signatures {
        assert!(s.node_signature.is_some(), "{s:?}");
    }
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("plan-2027-v1.json");
    let text = serde_json::to_string_pretty(&version).expect("json");
    std::fs::write(&file, &text).expect("file");
    let path = file.display().to_string();
    // A single node signs for both parties: its key twice.
    let both = format!("{node},{node}");
    let held = concord(&app, &["verify-version", &path, "--keys", &both]).expect("holds");
    assert!(held.contains(&format!("Plan {YEAR} version 1 holds")), "{held}");

    // One byte of the snapshot changed.
    let forged = text.replacen("Staff talks in Baku", "Staff talks in Bakv", 1);
    assert_ne!(forged, text);
    std::fs::write(&file, &forged).expect("file");
    let failed = concord(&app, &["verify-version", &path, "--keys", &both]).expect_err("forged");
    assert!(failed.contains("not to the claimed"), "{failed}");
    std::fs::write(&file, &text).expect("file");

    // Another key.
    let other = keys::public_hex(&ed25519_dalek::SigningKey::from_bytes(&[9; 32]));
    let failed = concord(&app, &["verify-version", &path, "--keys", &format!("{node},{other}")]).expect_err("key");
    assert!(
        failed.contains("GE's node signed with key") && !failed.contains("AZ's node"),
        "{failed}"
    );

    // The node's own check finds the version the chains name.
    let report = concord(&app, &["federation", "verify"]).expect("holds");
    assert!(
        report.contains(&format!("ok    plan {YEAR} version 1: SHA-256 {}", version.info.sha256)),
        "{report}"
    );
    let ge = kinds(&app, Party::Ge).await;
    assert_eq!(ge.last().map(String::as_str), Some("plan.signed"), "{ge:?}");
}

/// What a joint entry costs: audit entries appended in one transaction
/// (the commit's own cost aside), joint ones (an audit entry, and a chain entry signed with
/// the node's key) against private ones (an audit entry only).
#[tokio::test]
async fn a_joint_entry_costs_little() {
    let app = spawn_app().await;
    let actor = audit::Actor {
        user_id: None,
        token_id: None,
        label: "AZ planner".to_owned(),
        party: Some(Party::Az),
    };
    let n = 200u32;
    let mut times = Vec::new();
    for joint in [false, true, false, true] {
        let tx = app.state.write().await.expect("tx");
        let start = Instant::now();
        for i in 0..n {
            let event = audit::Event {
                actor: &actor,
                action: "activity.comment",
                entity_type: "activity",
                entity_id: Some(i.to_string()),
                scope: if joint { Scope::Joint } else { Scope::Private(Party::Az) },
                before: None,
                after: Some(serde_json::json!({"body": format!("Comment {i}")})),
            };
            app.state.signing(audit::append(&*tx, event)).await.expect("appended");
        }
        times.push((if joint { "joint" } else { "private" }, start.elapsed() / n));
        tx.commit().await.expect("commit");
    }
    println!("{}: per audited action: {times:?}", app.database);
    assert_eq!(kinds(&app, Party::Az).await.len(), 2 * n as usize);
}

#[tokio::test]
async fn the_migrations_down_drop_the_chain_and_the_node_signatures_and_up_again() {
    let app = spawn_app().await;
    let b = board(&app).await;
    shared(&b.az_planner, "Staff talks in Baku").await;
    let db = &app.state.db;
    crate::helpers::back_before(db, "m20261203_000210_joint_entries").await;
    assert!(db.execute_unprepared("SELECT 1 FROM joint_entries").await.is_err());
    assert!(
        db.execute_unprepared("SELECT node_signature FROM plan_signatures")
            .await
            .is_err()
    );
    concord_migrations::Migrator::up(db, None).await.expect("up");
    shared(&b.az_planner, "Mountain training").await;
    assert_eq!(kinds(&app, Party::Az).await, ["activity.share"], "a new chain");
}
