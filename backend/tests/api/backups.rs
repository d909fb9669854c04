//! `concord backup` and `concord restore`, run as the real binary: a backup
//! taken while writes go on restores to a database whose audit chain
//! verifies and whose documents are all there; a quiet backup restores to
//! an exact copy of every table and document; a changed backup is refused,
//! and so is a target that holds data.

use std::path::Path;
use std::process::Command;

use concord_shared::api::DocumentOwner;
use concord_shared::{Party, Role};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, FromQueryResult, JsonValue, Statement};

use crate::helpers::{TestApp, YEAR, board, draft, on_postgres, spawn_app};

/// A database no app has touched, and its URL.
async fn fresh_target(dir: &Path, name: &str) -> String {
    if on_postgres() {
        let server = std::env::var("CONCORD_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
            .trim_end_matches('/')
            .to_owned();
        let unique = format!("restore_{}_{}", name, std::process::id());
        let admin = Database::connect(format!("{server}/postgres")).await.expect("admin");
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{unique}\""))
            .await
            .expect("drop");
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{unique}\""))
            .await
            .expect("create");
        admin.close().await.expect("close");
        format!("{server}/{unique}")
    } else {
        format!("sqlite://{}?mode=rwc", dir.join(format!("{name}.sqlite3")).display())
    }
}

fn concord(url: &str, data: &Path, args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(args)
        .env("CONCORD_DATABASE_URL", url)
        .env("CONCORD_DATA_DIR", data)
        .env("RUST_LOG", "warn")
        .output()
        .expect("concord runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

/// Every row of every table, as JSON, in a fixed order.
async fn tables(db: &DatabaseConnection) -> Vec<(String, Vec<JsonValue>)> {
    let backend = db.get_database_backend();
    let list = if on_postgres() {
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1"
    };
    let names = JsonValue::find_by_statement(Statement::from_string(backend, list))
        .all(db)
        .await
        .expect("tables");
    let mut out = Vec::new();
    for name in names {
        let name = name["name"].as_str().expect("a name").to_owned();
        let rows = JsonValue::find_by_statement(Statement::from_string(
            backend,
            format!("SELECT * FROM \"{name}\" ORDER BY 1"),
        ))
        .all(db)
        .await
        .expect("rows");
        out.push((name, rows));
    }
    out
}

fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n == "staging") {
                    continue;
                }
                out.extend(files_under(&path));
            } else {
                out.push((path.display().to_string(), std::fs::read(&path).expect("read")));
            }
        }
    }
    out.sort();
    out
}

fn relative(files: Vec<(String, Vec<u8>)>, root: &Path) -> Vec<(String, Vec<u8>)> {
    let prefix = root.display().to_string();
    files
        .into_iter()
        .map(|(p, b)| (p.trim_start_matches(&prefix).to_owned(), b))
        .collect()
}

async fn arrange(app: &TestApp) {
    let clients = board(app).await;
    for i in 0..5 {
        clients
            .az_planner
            .create_activity(YEAR, &draft(&format!("Activity {i}")))
            .await
            .expect("drafted");
    }
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    for i in 0..3 {
        let bytes =
            format!("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n% copy {i}\n");
        az.upload_document(
            DocumentOwner::Instrument,
            1,
            &format!("copy {i}.pdf"),
            "application/pdf",
            bytes.into_bytes(),
        )
        .await
        .expect("uploaded");
    }
}

#[tokio::test]
async fn a_backup_taken_under_writes_restores_whole_and_a_quiet_one_restores_exactly() {
    let app = spawn_app().await;
    arrange(&app).await;
    let url = app.state.settings.database_url.clone();
    let data = app.state.settings.data_dir.clone();
    let work = tempfile::tempdir().expect("temp dir");

    // Writes go on while the first backup is taken.
    let writer = app.login_as(Party::Ge, Role::Planner).await;
    let load = tokio::spawn(async move {
        let mut written = 0;
        for i in 0..40 {
            if writer
                .create_activity(YEAR, &draft(&format!("During {i}")))
                .await
                .is_ok()
            {
                written += 1;
            }
        }
        written
    });
    let busy = work.path().join("busy");
    let (ok, said) = {
        let (url, data, busy) = (url.clone(), data.clone(), busy.clone());
        tokio::task::spawn_blocking(move || concord(&url, &data, &["backup", "--to", busy.to_str().expect("utf-8")]))
            .await
            .expect("joined")
    };
    assert!(ok, "{said}");
    let written = load.await.expect("load");
    assert_eq!(written, 40, "the writes went on");
    println!("{said}");

    let busy_target = fresh_target(work.path(), "busy").await;
    let busy_data = work.path().join("busy-data");
    let (ok, said) = concord(
        &busy_target,
        &busy_data,
        &["restore", "--from", busy.to_str().expect("utf-8")],
    );
    assert!(ok, "{said}");
    assert!(said.contains("the audit chain is intact"), "{said}");
    let restored = Database::connect(&busy_target).await.expect("restored db");
    let listed = JsonValue::find_by_statement(Statement::from_string(
        restored.get_database_backend(),
        "SELECT sha256 FROM documents",
    ))
    .all(&restored)
    .await
    .expect("documents");
    assert_eq!(listed.len(), 3);
    for row in listed {
        let sha = row["sha256"].as_str().expect("sha");
        assert!(
            busy_data.join("documents").join(&sha[..2]).join(sha).exists(),
            "document {sha} restored"
        );
    }
    restored.close().await.expect("close");

    // Quiet: the copy is exact, table by table and file by file. Background
    // work (the alert worker's cursor) settles first.
    let mut settled = tables(&app.state.db).await;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let now = tables(&app.state.db).await;
        if now == settled {
            break;
        }
        settled = now;
    }
    let quiet = work.path().join("quiet");
    let (ok, said) = concord(&url, &data, &["backup", "--to", quiet.to_str().expect("utf-8")]);
    assert!(ok, "{said}");
    let target = fresh_target(work.path(), "quiet").await;
    let target_data = work.path().join("quiet-data");
    let (ok, said) = concord(
        &target,
        &target_data,
        &["restore", "--from", quiet.to_str().expect("utf-8")],
    );
    assert!(ok, "{said}");
    let copy = Database::connect(&target).await.expect("copy");
    let (source_tables, copy_tables) = (tables(&app.state.db).await, tables(&copy).await);
    assert!(
        source_tables
            .iter()
            .any(|(n, rows)| n == "activities" && rows.len() == 45)
    );
    for ((name, rows), (copy_name, copy_rows)) in source_tables.iter().zip(&copy_tables) {
        assert_eq!(name, copy_name);
        assert_eq!(rows, copy_rows, "table {name} restored exactly");
    }
    assert_eq!(source_tables.len(), copy_tables.len());
    copy.close().await.expect("close");
    assert_eq!(
        relative(files_under(&data.join("documents")), &data),
        relative(files_under(&target_data.join("documents")), &target_data),
        "every document restored"
    );

    // A target that holds data is refused without --force.
    let (ok, said) = concord(
        &target,
        &target_data,
        &["restore", "--from", quiet.to_str().expect("utf-8")],
    );
    assert!(!ok && said.contains("--force"), "{said}");

    // A changed backup is refused before anything is written.
    let dump = std::fs::read_dir(&quiet)
        .expect("list")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("database."))
        })
        .expect("the database file");
    let mut bytes = std::fs::read(&dump).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&dump, bytes).expect("tamper");
    let tampered_target = fresh_target(work.path(), "tampered").await;
    let (ok, said) = concord(
        &tampered_target,
        &work.path().join("tampered-data"),
        &["restore", "--from", quiet.to_str().expect("utf-8")],
    );
    assert!(!ok, "{said}");
    assert!(said.contains("does not match its checksum"), "{said}");
}
