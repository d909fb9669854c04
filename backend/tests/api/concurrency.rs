//! Writes under concurrency, on both databases: one `If-Match` wins once,
//! unique things stay unique, and races answer 2xx, 409 or 412, never 500.

use concord_client::Client;
use concord_shared::Problem;
use concord_shared::api::{ActivityPatch, ConsentDecision, ConsentRequest};
use tokio::task::JoinSet;

use crate::helpers::{TestApp, spawn_app};
use crate::plans::{YEAR, board, draft, shared};

/// Runs `n` copies of a request at once; answers each one's status.
async fn at_once<F, Fut, T>(n: usize, request: F) -> Vec<u16>
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = Result<T, Problem>> + Send + 'static,
    T: Send + 'static,
{
    let mut set = JoinSet::new();
    for i in 0..n {
        let fut = request(i);
        set.spawn(async move {
            match fut.await {
                Ok(_) => 200,
                Err(problem) => problem.status,
            }
        });
    }
    let mut statuses = Vec::with_capacity(n);
    while let Some(status) = set.join_next().await {
        statuses.push(status.expect("a request task"));
    }
    statuses
}

fn count(statuses: &[u16], pred: impl Fn(u16) -> bool) -> usize {
    statuses.iter().filter(|s| pred(**s)).count()
}

fn title(text: String) -> ActivityPatch {
    ActivityPatch {
        title: Some(text),
        ..ActivityPatch::default()
    }
}

fn patch_at(client: &Client, id: i64, version: i64, text: String) -> impl Future<Output = Result<(), Problem>> + use<> {
    let client = client.clone();
    async move { client.update_activity(id, version, &title(text)).await.map(|_| ()) }
}

/// A planner of AZ and a draft of theirs (id, version) in a new plan.
async fn one_draft(app: &TestApp) -> (Client, i64, i64) {
    let b = board(app).await;
    let created = b
        .az_planner
        .create_activity(YEAR, &draft("Staff talks"))
        .await
        .expect("drafted");
    (b.az_planner, created.value.id, created.version)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_writers_with_one_if_match_make_exactly_one_write() {
    let app = spawn_app().await;
    let (planner, id, version) = one_draft(&app).await;
    let statuses = at_once(100, |i| patch_at(&planner, id, version, format!("writer {i}"))).await;
    assert_eq!(count(&statuses, |s| s == 200), 1, "{statuses:?}");
    assert_eq!(count(&statuses, |s| s == 412), 99, "{statuses:?}");
    let after = planner.activity(id).await.expect("activity");
    assert_eq!(after.version, version + 1, "one write, one version");
    let history = planner.history(id, 0, 200).await.expect("history");
    let updates = history.items.iter().filter(|e| e.action == "activity.update").count();
    assert_eq!(updates, 1, "the history records the one write");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_writers_with_one_if_match_never_both_win() {
    let app = spawn_app().await;
    let (planner, id, version) = one_draft(&app).await;
    let mut version = version;
    for round in 0..200 {
        let statuses = at_once(2, |i| {
            patch_at(&planner, id, version, format!("round {round} writer {i}"))
        })
        .await;
        assert_eq!(count(&statuses, |s| s == 200), 1, "round {round}: {statuses:?}");
        assert_eq!(count(&statuses, |s| s == 412), 1, "round {round}: {statuses:?}");
        version += 1;
    }
    assert_eq!(planner.activity(id).await.expect("activity").version, version);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_consents_with_one_if_match_record_one_decision() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Staff talks").await;
    let current = b.ge_coord.activity(id).await.expect("activity");
    let statuses = at_once(10, |i| {
        let client = b.ge_coord.clone();
        let version = current.version;
        async move {
            let request = ConsentRequest {
                decision: if i % 2 == 0 {
                    ConsentDecision::Accept
                } else {
                    ConsentDecision::RequestChanges
                },
                comment: format!("decision {i}"),
            };
            client.consent(id, version, &request).await.map(|_| ())
        }
    })
    .await;
    assert_eq!(count(&statuses, |s| s == 200), 1, "{statuses:?}");
    assert_eq!(count(&statuses, |s| s == 412), 9, "{statuses:?}");
    let comments = b.ge_coord.comments(id).await.expect("comments");
    assert_eq!(comments.len(), 1, "only the winning decision's comment is kept");
}
