//! Two sovereign nodes (docs/federation.md) on a PostgreSQL cluster of the
//! test's own with `wal_level=logical`: AZ's node and GE's node, each its
//! own database, `concord federation init` and `connect` run on both, then
//! driven through their HTTP APIs. What one party owns and shares reaches
//! the other's database; its drafts, internal notes, users, sessions and
//! tokens never do (each database queried directly); the replicated rows
//! cannot be changed on the node that holds a copy.
//!
//! Runs in the PostgreSQL pass, like `pg_restart.rs`.

use std::process::Command;
use std::time::{Duration, Instant};

use concord_backend::auth::AuthUser;
use concord_backend::models::comment_rows;
use concord_client::NEW_TEXT;
use concord_shared::api::{ConsentDecision, ConsentRequest, DocumentOwner, NewToken, TextInput};
use concord_shared::{Lang, Party, Role};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};

use crate::cluster::{Cluster, pg_bin};
use crate::documents::pdf;
use crate::helpers::{TestApp, YEAR, draft, on_postgres, shared, spawn_app_with};

/// `concord ARGS` as an operator runs it, against one node: a federation's
/// node of `party`, or a single node (`None`).
pub fn concord(app: &TestApp, party: Option<Party>, args: &[&str]) -> Result<String, String> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_concord"));
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("CONCORD_DATABASE_URL", &app.state.settings.database_url)
        .env("CONCORD_DATA_DIR", &app.state.settings.data_dir);
    if let Some(party) = party {
        command.env("CONCORD_NODE_PARTY", party.code());
    }
    let output = command.output().expect("concord runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    if output.status.success() {
        Ok(stdout)
    } else {
        Err(format!("{stdout}{}", String::from_utf8_lossy(&output.stderr)))
    }
}

/// `concord federation …` as an operator runs it, against one node.
pub fn federation(app: &TestApp, party: Party, args: &[&str]) -> Result<String, String> {
    let args: Vec<&str> = std::iter::once("federation").chain(args.iter().copied()).collect();
    concord(app, Some(party), &args)
}

/// Two nodes, AZ's and GE's, each its own database on a cluster of the
/// test's own with `wal_level=logical`; the databases' URLs.
pub async fn two_nodes() -> (Cluster, TestApp, TestApp, String, String) {
    let bin = pg_bin().expect("Debian's PostgreSQL server binaries (initdb, pg_ctl)");
    let cluster = Cluster::create(bin, &["wal_level=logical"]);
    let admin = Database::connect(cluster.url("postgres"))
        .await
        .expect("the cluster answers");
    for name in ["concord_az", "concord_ge"] {
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create database");
    }
    admin.close().await.expect("close");
    let (az_url, ge_url) = (cluster.url("concord_az"), cluster.url("concord_ge"));
    let az = spawn_app_with(&[("CONCORD_DATABASE_URL", az_url.as_str()), ("CONCORD_NODE_PARTY", "az")]).await;
    let ge = spawn_app_with(&[("CONCORD_DATABASE_URL", ge_url.as_str()), ("CONCORD_NODE_PARTY", "ge")]).await;
    (cluster, az, ge, az_url, ge_url)
}

/// What `sql` counts on `db`.
pub async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .expect("a row")
        .try_get_by_index::<i64>(0)
        .expect("a count")
}

/// Waits until `sql` counts `want` on `db` (replication is asynchronous).
pub async fn eventually(db: &DatabaseConnection, sql: &str, want: i64) {
    let start = Instant::now();
    loop {
        let got = count(db, sql).await;
        if got == want {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "{sql}: {got}, not {want}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The party a statement refused by the trigger names as the row's owner.
pub async fn refused(db: &DatabaseConnection, sql: &str) -> String {
    let err = db.execute_unprepared(sql).await.expect_err(sql);
    let Some(code) = concord_backend::db::foreign_row(&err) else {
        panic!("{sql}: not refused as another party's row: {err}");
    };
    code.code().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_replicate_what_each_party_owns_and_shares_and_nothing_private() {
    if !on_postgres() {
        return; // Logical replication is PostgreSQL's.
    }
    let (cluster, az, ge, az_url, ge_url) = two_nodes().await;

    // The operators: init on both, then each subscribes to the other.
    for (app, party) in [(&az, Party::Az), (&ge, Party::Ge)] {
        let printed = federation(app, party, &["init"]).expect("init");
        assert!(
            printed.contains(&format!("publication:        concord_{}", party.code())),
            "{printed}"
        );
        assert!(printed.contains("public key:"), "{printed}");
        assert!(!printed.contains("Warning"), "wal_level is logical: {printed}");
        // Safe to repeat; the key is kept.
        let again = federation(app, party, &["init"]).expect("init again");
        assert!(again.contains("The node's key: kept"), "{again}");
    }
    federation(&az, Party::Az, &["connect", "--peer", &ge_url]).expect("AZ subscribes to GE");
    federation(&ge, Party::Ge, &["connect", "--peer", &az_url]).expect("GE subscribes to AZ");
    let (az_db, ge_db) = (&az.state.db, &ge.state.db);

    // The seeded authority entries came from their owners with the first copy.
    eventually(
        ge_db,
        "SELECT COUNT(*) FROM competent_authorities WHERE party = 'az'",
        1,
    )
    .await;
    eventually(
        az_db,
        "SELECT COUNT(*) FROM competent_authorities WHERE party = 'ge'",
        1,
    )
    .await;

    // Each node works for its own party: a plan, a draft, a shared activity
    // with a comment and an internal note. (The plan and the activities are
    // not replicated yet: their rows have two writers until the split.)
    let az_coordinator = az.login_as(Party::Az, Role::Coordinator).await;
    let az_planner = az.login_as(Party::Az, Role::Planner).await;
    az_coordinator.create_plan(YEAR).await.expect("AZ's plan");
    let az_draft = az_planner
        .create_activity(YEAR, &draft("AZ draft never leaves home"))
        .await
        .expect("draft");
    az_planner
        .add_note(az_draft.value.id, "A note on our draft")
        .await
        .expect("note");
    let az_shared = shared(&az_planner, "AZ shared activity").await;
    let az_comment = az_planner
        .add_comment(az_shared, "AZ comment for both")
        .await
        .expect("comment");
    let az_note = az_planner.add_note(az_shared, "AZ internal note").await.expect("note");
    let az_admin = az.login_as(Party::Az, Role::Administrator).await;
    let az_token = az_admin
        .create_token(&NewToken {
            name: "AZ reporting".into(),
            role: Role::Viewer,
            expires_at: None,
        })
        .await
        .expect("token");

    let ge_coordinator = ge.login_as(Party::Ge, Role::Coordinator).await;
    let ge_planner = ge.login_as(Party::Ge, Role::Planner).await;
    ge_coordinator.create_plan(YEAR).await.expect("GE's plan");
    let ge_shared = shared(&ge_planner, "GE shared activity").await;
    let ge_comment = ge_planner
        .add_comment(ge_shared, "GE comment for both")
        .await
        .expect("comment");
    let ge_note = ge_planner.add_note(ge_shared, "GE internal note").await.expect("note");

    // Texts and documents: a draft's stay home; those written on a draft
    // leave with its sharing, those written on a shared activity at once.
    let az_text = |title: &str| TextInput {
        title: title.to_owned(),
        description: String::new(),
    };
    let later = az_planner
        .create_activity(YEAR, &draft("AZ shared later"))
        .await
        .expect("draft")
        .value
        .id;
    let mut documents = Vec::new();
    for (id, title) in [(later, "AZ shared later, az"), (az_draft.value.id, "AZ draft, az")] {
        az_planner
            .put_activity_text(id, Lang::Az, NEW_TEXT, &az_text(title))
            .await
            .expect("AZ's text");
        let document = az_planner
            .upload_document(DocumentOwner::Activity, id, "programme.pdf", "application/pdf", pdf())
            .await
            .expect("document");
        documents.push(document.id);
    }
    let (later_document, draft_document) = (documents[0], documents[1]);
    let version = az_planner.activity(later).await.expect("activity").version;
    az_planner.share_activity(later, version).await.expect("shared");
    let shared_document = az_planner
        .upload_document(
            DocumentOwner::Activity,
            az_shared,
            "after.pdf",
            "application/pdf",
            pdf(),
        )
        .await
        .expect("document")
        .id;
    let text = |title: &str| format!("SELECT COUNT(*) FROM activity_texts WHERE title = '{title}'");
    let document = |id: i64| format!("SELECT COUNT(*) FROM documents WHERE public_id = {id}");
    eventually(ge_db, &text("AZ shared later"), 1).await;
    eventually(ge_db, &text("AZ shared later, az"), 1).await;
    eventually(ge_db, &text("AZ shared activity"), 1).await;
    eventually(ge_db, &document(later_document), 1).await;
    eventually(ge_db, &document(shared_document), 1).await;
    eventually(az_db, &text("GE shared activity"), 1).await;

    // GE's consent is GE's own row: it reaches AZ's node.
    let current = ge_coordinator.activity(ge_shared).await.expect("activity");
    let accept = ConsentRequest {
        decision: ConsentDecision::Accept,
        comment: String::new(),
    };
    ge_coordinator
        .consent(ge_shared, current.version, &accept)
        .await
        .expect("GE accepts");
    eventually(
        az_db,
        "SELECT COUNT(*) FROM activity_consents WHERE party = 'ge' AND state = 'accepted'",
        1,
    )
    .await;

    // GE's shared comment reaches AZ's database, and AZ's reaches GE's.
    let has = |id: i64| format!("SELECT COUNT(*) FROM comments WHERE public_id = {id}");
    eventually(az_db, &has(ge_comment.id), 1).await;
    eventually(ge_db, &has(az_comment.id), 1).await;
    // Ids never collide: AZ's rows odd, GE's even, on either node.
    for db in [az_db, ge_db] {
        assert_eq!(
            count(db, "SELECT COUNT(*) FROM comments WHERE party = 'az' AND id % 2 = 0").await,
            0
        );
        assert_eq!(
            count(db, "SELECT COUNT(*) FROM comments WHERE party = 'ge' AND id % 2 = 1").await,
            0
        );
    }

    // A later row is replicated too, then what never leaves home is checked
    // (a marker written after the private rows: replication is in order).
    let marker = az_planner.add_comment(az_shared, "AZ marker").await.expect("comment");
    eventually(ge_db, &has(marker.id), 1).await;
    assert_eq!(count(ge_db, &has(az_note.id)).await, 0, "AZ's internal note stays home");
    assert_eq!(count(az_db, &has(ge_note.id)).await, 0, "GE's internal note stays home");
    assert_eq!(
        count(ge_db, &document(draft_document)).await,
        0,
        "AZ's draft's document stays home"
    );
    assert_eq!(
        count(ge_db, "SELECT COUNT(*) FROM comments WHERE internal AND party = 'az'").await,
        0
    );
    assert_eq!(
        count(ge_db, "SELECT COUNT(*) FROM activities WHERE title LIKE 'AZ draft%'").await
            + count(
                ge_db,
                "SELECT COUNT(*) FROM activity_texts WHERE title LIKE 'AZ draft%'"
            )
            .await,
        0,
        "AZ's draft stays home"
    );
    assert_eq!(count(ge_db, "SELECT COUNT(*) FROM users WHERE party = 'az'").await, 0);
    assert!(count(az_db, "SELECT COUNT(*) FROM sessions").await >= 3);
    // GE's sessions and tokens are GE's users' alone.
    assert_eq!(
        count(
            ge_db,
            "SELECT COUNT(*) FROM sessions s LEFT JOIN users u ON u.id = s.user_id \
             WHERE u.party IS DISTINCT FROM 'ge'"
        )
        .await,
        0
    );
    assert_eq!(
        count(ge_db, "SELECT COUNT(*) FROM api_tokens WHERE party = 'az'").await,
        0
    );
    assert_eq!(
        count(
            ge_db,
            &format!(
                "SELECT COUNT(*) FROM api_tokens WHERE token_hash = '{}'",
                concord_backend::auth::secrets::digest(&az_token.token)
            )
        )
        .await,
        0
    );
    assert_eq!(
        count(ge_db, "SELECT COUNT(*) FROM audit_log WHERE party = 'az'").await,
        0
    );

    // A replicated row is read-only where it is a copy: the trigger refuses
    // it (and did not stop the replication worker from writing it).
    let ge_row = format!("public_id = {}", ge_comment.id);
    assert_eq!(
        refused(az_db, &format!("UPDATE comments SET body = 'forged' WHERE {ge_row}")).await,
        "ge"
    );
    assert_eq!(
        refused(az_db, &format!("DELETE FROM comments WHERE {ge_row}")).await,
        "ge"
    );
    assert_eq!(
        refused(
            az_db,
            &format!("UPDATE comments SET party = 'ge' WHERE public_id = {}", az_comment.id)
        )
        .await,
        "ge",
        "AZ's node cannot hand its row to GE either"
    );
    assert_eq!(
        refused(
            az_db,
            "UPDATE competent_authorities SET name_en = 'forged' WHERE party = 'ge'"
        )
        .await,
        "ge"
    );
    // The node's own rows stay writable.
    az_db
        .execute_unprepared(&format!(
            "UPDATE comments SET body = 'AZ comment, corrected' WHERE public_id = {}",
            az_comment.id
        ))
        .await
        .expect("AZ's own row");
    eventually(
        ge_db,
        &format!(
            "SELECT COUNT(*) FROM comments WHERE public_id = {} AND body = 'AZ comment, corrected'",
            az_comment.id
        ),
        1,
    )
    .await;

    // The model layer refuses it before the database does.
    let ge_caller = AuthUser {
        party: Party::Ge,
        role: Role::Planner,
        display_name: "GE planner".to_owned(),
        user_id: None,
        token_id: None,
        session_id: None,
        expires_at: None,
    };
    let az_activity = count(az_db, "SELECT MIN(id)::bigint FROM activities").await;
    let err = comment_rows::insert(
        az_db,
        &az.state.settings,
        &ge_caller,
        i32::try_from(az_activity).expect("id"),
        "forged",
        "comment",
        false,
    )
    .await
    .expect_err("GE's comment written on AZ's node");
    assert_eq!(err.code(), "foreign_row");

    // The operator sees the link.
    let status = federation(&az, Party::Az, &["status"]).expect("status");
    assert!(
        status.contains("Subscription concord_from_ge: enabled, receiving."),
        "{status}"
    );
    assert!(status.contains("table comments: ready"), "{status}");
    assert!(status.contains("outgoing concord_az_to_ge: connected"), "{status}");
    assert!(!status.contains("last message received:  never"), "{status}");
    println!("{status}");
    drop((az, ge));
    drop(cluster);
}

#[tokio::test]
async fn federation_needs_postgresql_and_a_party() {
    let app = spawn_app_with(&[]).await;
    if app.database == "sqlite" {
        let refused = federation(&app, Party::Az, &["init"]).expect_err("SQLite");
        assert!(refused.contains("federation needs PostgreSQL"), "{refused}");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["federation", "status"])
        .env_clear()
        .env("CONCORD_DATABASE_URL", &app.state.settings.database_url)
        .env("CONCORD_DATA_DIR", &app.state.settings.data_dir)
        .output()
        .expect("concord runs");
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("CONCORD_NODE_PARTY") || said.contains("federation needs PostgreSQL"),
        "{said}"
    );
}
