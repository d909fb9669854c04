//! A crash in the middle of a write load: `kill -9` of a real `concord`
//! process while planners create and edit activities. After a restart,
//! every write that was answered 2xx is there (or, for the one write per
//! writer in flight at the kill, its successor), nothing is half-written
//! (each activity's version equals its audit entries) and `concord audit
//! verify` finds the chain intact. SQLite (WAL) in the SQLite pass,
//! PostgreSQL in the PostgreSQL pass.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use concord_client::Client;
use concord_shared::api::ActivityPatch;
use sea_orm::{ColumnTrait, Database, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{PASSWORD, YEAR, draft, on_postgres, spawn_app};
use crate::mail::free_port;

const WRITERS: usize = 4;

/// `concord` with the test's database and data directory.
fn concord(database_url: &str, data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_concord"));
    command
        .env("CONCORD_DATABASE_URL", database_url)
        .env("CONCORD_DATA_DIR", data)
        .env("RUST_LOG", "warn");
    command
}

fn serve(database_url: &str, data: &Path, static_dir: &Path, port: u16) -> Child {
    concord(database_url, data)
        .arg("serve")
        .env("CONCORD_BIND", format!("127.0.0.1:{port}"))
        .env("CONCORD_STATIC_DIR", static_dir)
        .env("CONCORD_PUBLIC_ORIGIN", format!("http://127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("concord starts")
}

async fn ready(base: &str) {
    let start = Instant::now();
    let http = reqwest::Client::new();
    loop {
        let answer = http.get(format!("{base}/api/v1/ready")).send().await;
        if answer.is_ok_and(|a| a.status().is_success()) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "concord did not come up at {base}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn create_user(database_url: &str, data: &Path, role: &str) -> String {
    let username = format!("az.{role}");
    let mut child = concord(database_url, data)
        .args([
            "user",
            "create",
            "--party",
            "az",
            "--role",
            role,
            "--username",
            &username,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("concord user create");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{PASSWORD}\n").as_bytes())
        .expect("password");
    assert!(child.wait().expect("user create ends").success(), "user create");
    username
}

/// What each writer last had acknowledged, per activity: version and title.
type Acknowledged = Arc<Mutex<HashMap<i64, (i64, String)>>>;

/// Creates and edits activities until the server goes away; every 2xx is
/// recorded. Any failure before the kill fails the test.
async fn write_until_gone(
    client: Client,
    writer: usize,
    acked: Acknowledged,
    count: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
) {
    for round in 0.. {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let title = format!("Writer {writer} activity {round}");
        let created = match client.create_activity(YEAR, &draft(&title)).await {
            Ok(created) => created,
            Err(_) if stop.load(Ordering::SeqCst) => return,
            Err(problem) => panic!("create: {problem:?}"),
        };
        let (id, mut version) = (created.value.id, created.version);
        acked.lock().expect("lock").insert(id, (version, title));
        count.fetch_add(1, Ordering::Relaxed);
        for edit in 0..3 {
            let title = format!("Writer {writer} activity {round} edit {edit}");
            let patch = ActivityPatch {
                title: Some(title.clone()),
                ..ActivityPatch::default()
            };
            match client.update_activity(id, version, &patch).await {
                Ok(updated) => {
                    version = updated.version;
                    acked.lock().expect("lock").insert(id, (version, title));
                    count.fetch_add(1, Ordering::Relaxed);
                }
                Err(_) if stop.load(Ordering::SeqCst) => return,
                Err(problem) => panic!("update: {problem:?}"),
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_kill_9_under_write_load_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    // PostgreSQL: a fresh database made (and dropped) by the harness; SQLite:
    // a file no other process opens.
    let app = if on_postgres() { Some(spawn_app().await) } else { None };
    let database_url = app.as_ref().map_or_else(
        || format!("sqlite://{}?mode=rwc", dir.path().join("crash.sqlite3").display()),
        |app| app.state.settings.database_url.clone(),
    );
    let (data, static_dir) = (dir.path().join("data"), dir.path().join("dist"));
    std::fs::create_dir_all(&static_dir).expect("dist");
    std::fs::write(static_dir.join("index.html"), "<!doctype html><title>Concord</title>").expect("index");
    let migrated = concord(&database_url, &data).arg("migrate").status().expect("migrate");
    assert!(migrated.success());
    let planner = create_user(&database_url, &data, "planner");
    let coordinator = create_user(&database_url, &data, "coordinator");

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = serve(&database_url, &data, &static_dir, port);
    ready(&base).await;
    let chief = Client::new(base.clone());
    chief.login(&coordinator, PASSWORD).await.expect("coordinator");
    chief.create_plan(YEAR).await.expect("plan");

    let acked: Acknowledged = Arc::default();
    let count = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = tokio::task::JoinSet::new();
    for writer in 0..WRITERS {
        let client = Client::new(base.clone());
        client.login(&planner, PASSWORD).await.expect("planner");
        writers.spawn(write_until_gone(
            client,
            writer,
            acked.clone(),
            count.clone(),
            stop.clone(),
        ));
    }
    let start = Instant::now();
    while count.load(Ordering::Relaxed) < 80 && start.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Said before it happens, so that a writer knows its failure is the kill.
    stop.store(true, Ordering::SeqCst);
    server.kill().expect("kill -9");
    server.wait().expect("reaped");
    while let Some(done) = writers.join_next().await {
        done.expect("a writer ends without a wrong answer");
    }
    let acked = std::mem::take(&mut *acked.lock().expect("lock"));
    println!(
        "killed after {} acknowledged writes on {} activities ({:.1} s)",
        count.load(Ordering::Relaxed),
        acked.len(),
        start.elapsed().as_secs_f64()
    );
    assert!(count.load(Ordering::Relaxed) >= 20, "the load ran before the kill");

    // Restarted on the same database: every acknowledged write is there.
    let mut server = serve(&database_url, &data, &static_dir, port);
    ready(&base).await;
    let reader = Client::new(base.clone());
    reader.login(&planner, PASSWORD).await.expect("planner again");
    let mut in_flight = 0;
    for (id, (version, title)) in &acked {
        let now = reader.activity(*id).await.expect("an acknowledged activity is there");
        if now.version == *version {
            assert_eq!(&now.value.title, title, "activity {id} at version {version}");
        } else {
            // The one write this writer had sent when the process died may
            // have committed without its answer: one version on, never more.
            assert_eq!(now.version, version + 1, "activity {id}: acknowledged {version}");
            in_flight += 1;
        }
    }
    assert!(
        in_flight <= WRITERS,
        "{in_flight} activities past their acknowledged version"
    );
    server.kill().expect("stop");
    server.wait().expect("reaped");

    // Nothing half-written: each activity's version is its audit entries
    // (one create, one per edit), in one transaction with them.
    let db = Database::connect(&database_url).await.expect("database");
    use concord_backend::entities::{activity, audit_log};
    let rows = activity::Entity::find().all(&db).await.expect("activities");
    assert!(rows.len() >= acked.len());
    for row in &rows {
        let entries = audit_log::Entity::find()
            .filter(audit_log::Column::EntityType.eq("activity"))
            .filter(audit_log::Column::EntityId.eq(row.public_id.to_string()))
            .count(&db)
            .await
            .expect("audit entries");
        assert_eq!(
            entries,
            u64::try_from(row.version).expect("version"),
            "activity {}",
            row.public_id
        );
    }
    db.close().await.expect("close");
    let verified = concord(&database_url, &data)
        .args(["audit", "verify"])
        .output()
        .expect("audit verify");
    let said = String::from_utf8_lossy(&verified.stdout);
    assert!(
        verified.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&verified.stderr)
    );
    println!(
        "after restart: {} activities, {in_flight} one version on, {said}",
        rows.len()
    );
    drop(app);
}
