//! Sessions and API tokens are checked from a short-lived cache on each
//! instance; a sign-out, a revocation or a demotion made on one instance
//! still holds on every other at once, because each instance's audit-log
//! tail empties its cache when it reads such a change (woken by `NOTIFY`).
//! Two instances on one PostgreSQL database: the PostgreSQL pass runs it.

use std::time::{Duration, Instant};

use concord_client::Client;
use concord_shared::api::{NewToken, UserPatch};
use concord_shared::{Party, Role};

use crate::helpers::{on_postgres, spawn_app, spawn_app_with};

/// Far less than the cache's own lifetime (2 s): only the notification can
/// make a change hold this soon.
const AT_ONCE: Duration = Duration::from_millis(600);

/// Polls `refused` until it is true; the time it took, or a failure after [`AT_ONCE`].
async fn within(what: &str, mut refused: impl AsyncFnMut() -> bool) -> Duration {
    let start = Instant::now();
    while !refused().await {
        assert!(
            start.elapsed() < AT_ONCE,
            "{what} did not hold on the other instance within {AT_ONCE:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    start.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_out_revocation_or_demotion_on_one_instance_holds_on_another_at_once() {
    if !on_postgres() {
        return; // One SQLite file is served by one instance.
    }
    let a = spawn_app().await;
    let url = a.state.settings.database_url.clone();
    let b = spawn_app_with(&[("CONCORD_DATABASE_URL", url.as_str())]).await;
    let creator = a.user(Party::Ge, Role::Administrator).await;
    let chief = a.named_user("ge.chief", Party::Ge, Role::Administrator).await;
    let chief = a.login_named(&chief.username).await;

    // A session, used on B (and so cached there), ended on A from another
    // session of the same user (its own sign-out would also clear the
    // cookie in the client, proving nothing about B).
    let on_b = a.login_named(&creator.username).await.at(b.address.clone());
    for _ in 0..3 {
        on_b.me().await.expect("the session works on B");
    }
    let elsewhere = a.login_named(&creator.username).await;
    let sessions = elsewhere.sessions().await.expect("sessions");
    let first = sessions.iter().find(|s| !s.current).expect("the session used on B");
    elsewhere.revoke_session(&first.id).await.expect("ended on A");
    let took = within("ending a session", async || {
        on_b.me().await.is_err_and(|p| p.status == 401)
    })
    .await;
    println!("ending a session held on B after {took:?}");

    // A token, used on B, revoked on A.
    let admin = a.login_named(&creator.username).await;
    let new = |name: &str| NewToken {
        name: name.into(),
        role: Role::Administrator,
        expires_at: None,
    };
    let revoked = admin.create_token(&new("Revoked")).await.expect("token");
    let token_b = Client::with_token(b.address.clone(), revoked.token.clone());
    for _ in 0..3 {
        token_b.users().await.expect("an administrator's token on B");
    }
    admin.revoke_token(&revoked.info.id).await.expect("revoked on A");
    let took = within("a revocation", async || {
        token_b.me().await.is_err_and(|p| p.status == 401)
    })
    .await;
    println!("revocation held on B after {took:?}");

    // A token whose creator is demoted on A acts as a viewer on B.
    let kept = admin.create_token(&new("Kept")).await.expect("token");
    let token_b = Client::with_token(b.address.clone(), kept.token.clone());
    token_b.users().await.expect("an administrator's token on B");
    let current = chief.user(creator.id).await.expect("creator");
    let demote = UserPatch {
        role: Some(Role::Viewer),
        ..UserPatch::default()
    };
    chief
        .update_user(creator.id, current.version, &demote)
        .await
        .expect("demoted on A");
    let took = within("a demotion", async || {
        token_b.users().await.is_err_and(|p| p.status == 403)
    })
    .await;
    println!("demotion held on B after {took:?}");
    assert_eq!(token_b.me().await.expect("a viewer's token").role, Role::Viewer);
}
