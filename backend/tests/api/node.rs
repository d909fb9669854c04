//! A node with a party (`CONCORD_NODE_PARTY`, docs/federation.md) serves
//! only its party's users: sign-in, sessions, API tokens, calendar feeds and
//! user administration refuse the other party's with `other_party_node`.

use chrono::Utc;
use concord_backend::auth::secrets;
use concord_backend::entities::{api_token, session};
use concord_backend::models::system;
use concord_shared::{Party, Role};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use crate::helpers::{PASSWORD, TestApp, spawn_app_with};

fn refused_for_the_other_party(problem: &concord_shared::Problem, node: Party) {
    assert_eq!(problem.status, 403, "{problem:?}");
    assert_eq!(problem.code, "other_party_node", "{problem:?}");
    assert_eq!(problem.params.get("party").and_then(|p| p.as_str()), Some(node.code()));
}

/// A session of `party`'s planner stored directly (as one opened before the
/// node was given a party would be); returns the cookie's secret.
async fn stored_session(app: &TestApp, party: Party) -> String {
    let user = app.user(party, Role::Planner).await;
    let secret = secrets::new_secret("");
    let now = Utc::now();
    session::ActiveModel {
        public_id: Set(secrets::new_public_id()),
        token_hash: Set(secrets::digest(&secret)),
        user_id: Set(i32::try_from(user.id).expect("id")),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + chrono::Duration::hours(1)),
        user_agent: Set(None),
        ip: Set(None),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("session");
    secret
}

/// An API token of `party`'s administrator stored directly; returns it.
async fn stored_token(app: &TestApp, party: Party) -> String {
    let user = app.user(party, Role::Administrator).await;
    let token = secrets::new_secret("concord_");
    api_token::ActiveModel {
        public_id: Set(secrets::new_public_id()),
        token_hash: Set(secrets::digest(&token)),
        party: Set(party),
        role: Set(Role::Viewer),
        name: Set("Reporting".to_owned()),
        created_by: Set(i32::try_from(user.id).expect("id")),
        created_at: Set(Utc::now()),
        expires_at: Set(None),
        last_used_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("token");
    token
}

async fn me_status(app: &TestApp, header: (&str, String)) -> (u16, concord_shared::Problem) {
    let response = app
        .http
        .get(format!("{}/api/v1/me", app.address))
        .header(header.0, header.1)
        .send()
        .await
        .expect("answered");
    let status = response.status().as_u16();
    let body = response.text().await.expect("body");
    let problem = serde_json::from_str(&body).unwrap_or_else(|_| concord_shared::Problem::new(status, "not a problem"));
    (status, problem)
}

#[tokio::test]
async fn a_party_node_refuses_the_other_partys_sign_in_but_signs_its_own_in() {
    let app = spawn_app_with(&[("CONCORD_NODE_PARTY", "az")]).await;
    let ge = app.user(Party::Ge, Role::Planner).await;
    let refused = app
        .anonymous()
        .login(&ge.username, PASSWORD)
        .await
        .expect_err("GE's user on AZ's node");
    refused_for_the_other_party(&refused, Party::Az);
    // A wrong password is still only a wrong password: nothing is told.
    let wrong = app
        .anonymous()
        .login(&ge.username, "not the password at all")
        .await
        .expect_err("wrong password");
    assert_eq!(wrong.code, "wrong_credentials");

    let az = app.login_as(Party::Az, Role::Planner).await;
    assert_eq!(az.me().await.expect("me").party, Party::Az);
}

#[tokio::test]
async fn a_party_node_refuses_the_other_partys_sessions_and_tokens() {
    let app = spawn_app_with(&[("CONCORD_NODE_PARTY", "ge")]).await;
    let cookie = |secret: String| ("cookie", format!("concord_session={secret}"));
    let bearer = |token: String| ("authorization", format!("Bearer {token}"));

    let (status, problem) = me_status(&app, cookie(stored_session(&app, Party::Az).await)).await;
    assert_eq!(status, 403);
    refused_for_the_other_party(&problem, Party::Ge);
    let (status, problem) = me_status(&app, bearer(stored_token(&app, Party::Az).await)).await;
    assert_eq!(status, 403);
    refused_for_the_other_party(&problem, Party::Ge);

    // The node's own party's session and token serve as ever.
    let (status, _) = me_status(&app, cookie(stored_session(&app, Party::Ge).await)).await;
    assert_eq!(status, 200);
    let (status, _) = me_status(&app, bearer(stored_token(&app, Party::Ge).await)).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_party_node_creates_no_user_of_the_other_party() {
    let app = spawn_app_with(&[("CONCORD_NODE_PARTY", "az")]).await;
    let refused = system::create_user(
        &app.state,
        Party::Ge,
        Role::Administrator,
        "ge.admin",
        "GE admin",
        "",
        PASSWORD.to_owned(),
    )
    .await
    .expect_err("GE's administrator on AZ's node");
    assert_eq!(refused.code(), "other_party_node");
    system::create_user(
        &app.state,
        Party::Az,
        Role::Administrator,
        "az.admin",
        "AZ admin",
        "",
        PASSWORD.to_owned(),
    )
    .await
    .expect("AZ's administrator");
}

#[tokio::test]
async fn without_a_party_a_node_serves_both_parties() {
    let app = spawn_app_with(&[]).await;
    for party in [Party::Az, Party::Ge] {
        let client = app.login_as(party, Role::Viewer).await;
        assert_eq!(client.me().await.expect("me").party, party);
    }
}

#[tokio::test]
async fn seed_demo_on_a_party_node_makes_its_partys_users_and_leaves_the_joint_plans_to_a_single_node() {
    let app = spawn_app_with(&[("CONCORD_NODE_PARTY", "az")]).await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_concord"))
        .arg("seed-demo")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("CONCORD_DATABASE_URL", &app.state.settings.database_url)
        .env("CONCORD_DATA_DIR", &app.state.settings.data_dir)
        .env("CONCORD_NODE_PARTY", "az")
        .env("CONCORD_DEMO_PASSWORD", "demo password 2026")
        .output()
        .expect("concord runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{said}");
    assert!(said.contains("az.coordinator") && !said.contains("ge."), "{said}");
    assert!(said.contains("no demo plans"), "{said}");
    let users = concord_backend::entities::user::Entity::find()
        .all(&app.state.db)
        .await
        .expect("users");
    assert!(
        !users.is_empty() && users.iter().all(|u| u.party == Party::Az),
        "{users:?}"
    );
    let plans = concord_backend::entities::plan::Entity::find()
        .all(&app.state.db)
        .await
        .expect("plans");
    assert!(plans.is_empty(), "nothing half made");
    // The node's own users sign in.
    app.anonymous()
        .login("az.planner", "demo password 2026")
        .await
        .expect("AZ's demo planner");
}
