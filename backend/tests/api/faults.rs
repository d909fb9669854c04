//! Faults from outside: database connections dropped during writes answer
//! 503 with `Retry-After`, never 500, and the service recovers by itself;
//! uploads at once all get recorded, and a crash leaves no staging file.

use concord_shared::api::{ActivityPatch, DocumentOwner};
use concord_shared::{Party, Role};
use sea_orm::ConnectionTrait;
use tokio::task::JoinSet;

use crate::documents::pdf;
use crate::helpers::{YEAR, board, draft};
use crate::helpers::{on_postgres, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_database_connections_answer_503_not_500() {
    if !on_postgres() {
        // SQLite has no connections to drop from outside.
        return;
    }
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut writers = JoinSet::new();
    for w in 0..4 {
        let client = b.az_planner.clone();
        writers.spawn(async move {
            let mut statuses = Vec::new();
            for i in 0..15 {
                let created = client
                    .create_activity(YEAR, &draft(&format!("Writer {w} draft {i}")))
                    .await;
                statuses.push(match created {
                    Ok(created) => {
                        let patch = ActivityPatch {
                            title: Some(format!("Writer {w} edit {i}")),
                            ..ActivityPatch::default()
                        };
                        match client.update_activity(created.value.id, created.version, &patch).await {
                            Ok(_) => 200,
                            Err(problem) => problem.status,
                        }
                    }
                    Err(problem) => problem.status,
                });
            }
            statuses
        });
    }
    let killer = app.state.db.clone();
    let kills = tokio::spawn(async move {
        for _ in 0..10 {
            tokio::time::sleep(std::time::Duration::from_millis(40)).await;
            let _ = killer
                .execute_unprepared(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                     WHERE datname = current_database() AND pid <> pg_backend_pid()",
                )
                .await;
        }
    });
    let mut statuses = Vec::new();
    while let Some(done) = writers.join_next().await {
        statuses.extend(done.expect("a writer"));
    }
    kills.await.expect("the killer");
    eprintln!("statuses under connection loss: {statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 503), "{statuses:?}");
    // Recovered by itself.
    let after = b.az_planner.create_activity(YEAR, &draft("After the storm")).await;
    let after = match after {
        Ok(created) => created,
        // The first use of a dropped connection may still be refused once.
        Err(problem) if problem.status == 503 => b
            .az_planner
            .create_activity(YEAR, &draft("After the storm"))
            .await
            .expect("recovered"),
        Err(problem) => panic!("{problem:?}"),
    };
    assert_eq!(after.value.title, "After the storm");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_uploads_at_once_are_all_recorded() {
    let app = spawn_app().await;
    let coordinator = app.login_as(Party::Az, Role::Coordinator).await;
    let mut uploads = JoinSet::new();
    for i in 0..30 {
        let client = coordinator.clone();
        uploads.spawn(async move {
            let mut bytes = pdf();
            bytes.extend_from_slice(format!("% copy {i}\n").as_bytes());
            let name = format!("Protocol {i}.pdf");
            match client
                .upload_document(DocumentOwner::Instrument, 1, &name, "application/pdf", bytes)
                .await
            {
                Ok(_) => 201,
                Err(problem) => problem.status,
            }
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = uploads.join_next().await {
        statuses.push(status.expect("an upload"));
    }
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    let listed = coordinator
        .documents(DocumentOwner::Instrument, 1)
        .await
        .expect("documents");
    assert_eq!(listed.len(), 30);
    let staging = app.state.settings.data_dir.join("uploads");
    let left = std::fs::read_dir(&staging).map(|d| d.count()).unwrap_or_default();
    assert_eq!(left, 0, "no staging file left behind");
}

#[tokio::test]
async fn stale_staging_files_are_swept_at_start_up() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let staging = dir.path().join("uploads");
    std::fs::create_dir_all(&staging).expect("uploads/");
    let stale = staging.join("upload-cut-off-by-a-crash");
    let fresh = staging.join("upload-in-flight");
    for path in [&stale, &fresh] {
        std::fs::write(path, b"%PDF-1.4 partial").expect("a staging file");
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .and_then(|f| f.set_modified(two_hours_ago))
        .expect("age the file");
    concord_backend::models::documents::sweep_staging(dir.path()).await;
    assert!(!stale.exists(), "a crash's leftover is removed");
    assert!(fresh.exists(), "an upload in flight is left alone");
}
