//! Writes under concurrency, on both databases: one `If-Match` wins once,
//! unique things stay unique, and races answer 2xx, 409 or 412, never 500.

use concord_client::{ActivityFilter, Client};
use concord_shared::api::{ActivityPatch, ConsentDecision, ConsentRequest, NewUser};
use concord_shared::{Party, Problem, Role};
use tokio::task::JoinSet;

use crate::execution::signed;
use crate::helpers::{TestApp, spawn_app};
use crate::helpers::{YEAR, board, draft, shared};
use crate::versions::{agreed, signature};

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_drafts_shared_at_once_get_distinct_gap_free_references() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut drafts = Vec::new();
    for i in 0..20 {
        let created = b
            .az_planner
            .create_activity(YEAR, &draft(&format!("Talks {i}")))
            .await
            .expect("drafted");
        drafts.push((created.value.id, created.version));
    }
    let statuses = at_once(20, |i| {
        let client = b.az_planner.clone();
        let (id, version) = drafts[i];
        async move { client.share_activity(id, version).await.map(|_| ()) }
    })
    .await;
    assert_eq!(count(&statuses, |s| s == 200), 20, "{statuses:?}");
    let mut references = Vec::new();
    for (id, _) in &drafts {
        let activity = b.ge_planner.activity(*id).await.expect("shared, so GE sees it");
        references.push(activity.value.reference.expect("a reference"));
    }
    references.sort();
    let expected: Vec<String> = (1..=20).map(|n| format!("{YEAR}-AZ-{n:03}")).collect();
    assert_eq!(references, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_identical_user_names_at_once_make_one_user_and_nine_409s() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let statuses = at_once(10, |_| {
        let admin = admin.clone();
        async move {
            let new = NewUser {
                username: "az.twin".to_owned(),
                display_name: "Captain Twin".to_owned(),
                position: "Staff officer".to_owned(),
                role: Role::Viewer,
                password: "a long enough password".to_owned(),
            };
            match admin.create_user(&new).await {
                Err(problem) if problem.status == 409 => {
                    assert_eq!(problem.code, "username_taken");
                    assert_eq!(problem.field("username").expect("the field").code, "taken");
                    Err(problem)
                }
                other => other.map(|_| ()),
            }
        }
    })
    .await;
    assert_eq!(count(&statuses, |s| s == 200), 1, "{statuses:?}");
    assert_eq!(count(&statuses, |s| s == 409), 9, "{statuses:?}");
    let users = admin.users().await.expect("users");
    assert_eq!(users.iter().filter(|u| u.username == "az.twin").count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_plan_year_created_at_once_ten_times_makes_one_plan() {
    let app = spawn_app().await;
    let coordinator = app.login_as(Party::Ge, Role::Coordinator).await;
    let statuses = at_once(10, |_| {
        let client = coordinator.clone();
        async move {
            let answer = client.create_plan(2031).await;
            if let Err(problem) = &answer
                && problem.status == 409
            {
                assert_eq!(problem.code, "plan_exists");
            }
            answer.map(|_| ())
        }
    })
    .await;
    assert_eq!(count(&statuses, |s| s == 200), 1, "{statuses:?}");
    assert_eq!(count(&statuses, |s| s == 409), 9, "{statuses:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_party_signs_once_whatever_the_concurrency() {
    let app = spawn_app().await;
    let b = board(&app).await;
    agreed(&b).await;
    let plan = b.az_coord.plan(YEAR).await.expect("plan");
    let statuses = at_once(10, |i| {
        let client = b.az_coord.clone();
        let version = plan.version;
        async move {
            client
                .sign_plan(YEAR, version, &signature(&format!("Signatory {i}")))
                .await
                .map(|_| ())
        }
    })
    .await;
    assert_eq!(count(&statuses, |s| s == 200), 1, "{statuses:?}");
    assert_eq!(count(&statuses, |s| s == 409 || s == 412), 9, "{statuses:?}");
    // Each at the current version: the one signature is refused with its reason.
    let plan = b.az_coord.plan(YEAR).await.expect("plan");
    let again = b
        .az_coord
        .sign_plan(YEAR, plan.version, &signature("Later"))
        .await
        .expect_err("signed");
    assert_eq!((again.status, again.code.as_str()), (409, "already_signed"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_carry_overs_of_one_activity_at_once_make_one_draft() {
    let app = spawn_app().await;
    let s = signed(&app, 2025).await;
    s.az_coord.create_plan(2026).await.expect("2026");
    let statuses = at_once(10, |_| {
        let client = s.az_planner.clone();
        let id = s.az_hosted;
        async move { client.carry_over(2025, vec![id]).await.map(|_| ()) }
    })
    .await;
    assert_eq!(count(&statuses, |s| s == 200), 1, "{statuses:?}");
    assert_eq!(count(&statuses, |s| s == 422), 9, "{statuses:?}");
    let drafts = s
        .az_planner
        .activities(2026, &ActivityFilter::default())
        .await
        .expect("2026");
    assert_eq!(
        drafts
            .items
            .iter()
            .filter(|a| a.carried_from == Some(s.az_hosted))
            .count(),
        1
    );
}
