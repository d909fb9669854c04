//! Faults from outside: database connections dropped during writes answer
//! 503 with `Retry-After`, never 500, and the service recovers by itself.

use concord_shared::api::ActivityPatch;
use sea_orm::ConnectionTrait;
use tokio::task::JoinSet;

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
