//! The PostgreSQL server itself restarted under load (not only its
//! connections dropped, `faults.rs`): a cluster of the test's own, made with
//! Debian's `initdb` and stopped with `pg_ctl -m immediate` (as a crash
//! would) while planners read and write. Every request during the outage
//! is answered within a few seconds, 503 problem+json with `Retry-After` or
//! a success from the page cache, never a 500 nor a hang; when the server
//! returns, the service recovers by itself, without a restart.
//!
//! Runs in the PostgreSQL pass; needs Debian's PostgreSQL server binaries,
//! as on every machine of this project.

use std::time::{Duration, Instant};

use concord_shared::{Party, Role};
use sea_orm::{ConnectionTrait, Database};

use crate::cluster::{Cluster, pg_bin};
use crate::helpers::{YEAR, draft, on_postgres, spawn_app_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgresql_restart_under_load_answers_503_at_once_and_recovers_by_itself() {
    if !on_postgres() {
        return; // SQLite has no server to restart.
    }
    let bin = pg_bin().expect("Debian's PostgreSQL server binaries (initdb, pg_ctl)");
    let cluster = Cluster::create(bin, &[]);
    let admin = Database::connect(cluster.url("postgres"))
        .await
        .expect("the cluster answers");
    admin
        .execute_unprepared("CREATE DATABASE concord")
        .await
        .expect("create database");
    admin.close().await.expect("close");
    let url = cluster.url("concord");
    let app = spawn_app_with(&[("CONCORD_DATABASE_URL", url.as_str())]).await;
    let planner = app.login_as(Party::Az, Role::Planner).await;
    let coordinator = app.login_as(Party::Az, Role::Coordinator).await;
    coordinator.create_plan(YEAR).await.expect("plan");
    planner
        .create_activity(YEAR, &draft("Before the outage"))
        .await
        .expect("a write");

    // Load: reads and writes, each timed, until told to stop.
    let outage = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut load = tokio::task::JoinSet::new();
    for worker in 0..3 {
        let client = planner.clone();
        let outage = outage.clone();
        load.spawn(async move {
            let mut seen = Vec::new();
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(11) {
                let began = Instant::now();
                let during = outage.load(std::sync::atomic::Ordering::SeqCst);
                let status = if worker == 0 {
                    match client.create_activity(YEAR, &draft("During the outage")).await {
                        Ok(_) => 201,
                        Err(problem) => {
                            if problem.status == 503 {
                                assert!(problem.retry_after.is_some(), "{problem:?}");
                            }
                            problem.status
                        }
                    }
                } else {
                    match client.plans().await {
                        Ok(_) => 200,
                        Err(problem) => problem.status,
                    }
                };
                seen.push((status, began.elapsed(), during));
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            seen
        });
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    outage.store(true, std::sync::atomic::Ordering::SeqCst);
    cluster.crash();
    // Longer than a request may wait for a connection (3 s on PostgreSQL).
    tokio::time::sleep(Duration::from_secs(6)).await;
    cluster.start();
    outage.store(false, std::sync::atomic::Ordering::SeqCst);
    let mut seen = Vec::new();
    while let Some(done) = load.join_next().await {
        seen.extend(done.expect("a load task"));
    }
    let during: Vec<u16> = seen.iter().filter(|s| s.2).map(|s| s.0).collect();
    let slowest = seen.iter().map(|s| s.1).max().unwrap_or_default();
    println!(
        "{} requests, {} during the outage ({} answered 503), slowest {:.2} s",
        seen.len(),
        during.len(),
        during.iter().filter(|s| **s == 503).count(),
        slowest.as_secs_f64()
    );
    assert!(
        seen.iter().all(|s| matches!(s.0, 200 | 201 | 503)),
        "only successes and 503: {:?}",
        seen.iter().map(|s| s.0).collect::<Vec<_>>()
    );
    assert!(during.contains(&503), "the outage was noticed: {during:?}");
    assert!(slowest < Duration::from_secs(5), "no request hung: {slowest:?}");

    // Recovered by itself: a write and a fresh read succeed within seconds.
    let start = Instant::now();
    loop {
        match planner.create_activity(YEAR, &draft("After the outage")).await {
            Ok(created) => {
                assert_eq!(created.value.title, "After the outage");
                break;
            }
            Err(problem) if problem.status == 503 && start.elapsed() < Duration::from_secs(20) => {
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            Err(problem) => panic!("not recovered: {problem:?}"),
        }
    }
    println!(
        "recovered {:.2} s after the server returned",
        start.elapsed().as_secs_f64()
    );
    drop(app);
}
