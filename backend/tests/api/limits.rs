//! Sign-in limits that hold under concurrency: the rate limit counts an
//! attempt before its password is checked, and password hashing is bounded,
//! so neither a burst of guesses nor a flood of unknown names gets further
//! than the limits allow.

use concord_shared::{Party, Role};
use tokio::task::JoinSet;

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

/// Signs in `n` times at once, as `username(i)`; answers each status.
async fn sign_in_at_once(app: &TestApp, n: usize, username: impl Fn(usize) -> String) -> Vec<u16> {
    let mut set = JoinSet::new();
    for i in 0..n {
        let client = app.anonymous();
        let name = username(i);
        set.spawn(async move {
            match client.login(&name, "a wrong password").await {
                Ok(_) => 200,
                Err(problem) => problem.status,
            }
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = set.join_next().await {
        statuses.push(status.expect("a sign-in task"));
    }
    statuses
}

fn count(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_guesses_at_once_evaluate_at_most_the_limit() {
    let app = spawn_app().await;
    let user = app.user(Party::Az, Role::Planner).await;
    let statuses = sign_in_at_once(&app, 40, |_| user.username.clone()).await;
    assert!(count(&statuses, 401) <= 5, "at most 5 evaluated: {statuses:?}");
    assert_eq!(count(&statuses, 401) + count(&statuses, 429), 40, "{statuses:?}");
    // The limit holds afterwards too, also for the right password.
    let refused = app.anonymous().login(&user.username, crate::helpers::PASSWORD).await;
    assert_eq!(refused.expect_err("limited").status, 429);
}

/// The peak resident memory of this process (the test and its server), in MiB.
fn peak_rss_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map(|kb| kb / 1024)
        .expect("VmHWM")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_and_fifty_sign_ins_at_once_stay_within_memory() {
    // Every attempt reaches the password check: no address limit in the way.
    let app = spawn_app_with(&[("CONCORD_LOGIN_MAX_FAILURES_PER_ADDRESS", "1000")]).await;
    let before = peak_rss_mib();
    let statuses = sign_in_at_once(&app, 150, |i| format!("nobody.{i}")).await;
    let after = peak_rss_mib();
    eprintln!("peak memory: {before} MiB before, {after} MiB after; {statuses:?}");
    assert_eq!(count(&statuses, 401) + count(&statuses, 503), 150, "{statuses:?}");
    assert!(count(&statuses, 401) > 0, "{statuses:?}");
    assert!(
        after < 300,
        "peak memory {after} MiB (was {before} MiB before the sign-ins)"
    );
    // A busy answer says when to come back.
    let health = app.anonymous().health().await.expect("still serving");
    assert_eq!(health.status, "ok");
}
