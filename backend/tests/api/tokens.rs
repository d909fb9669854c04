//! API tokens: shown once, stored hashed, bearer authentication, last use, revocation, expiry.

use chrono::Utc;
use concord_backend::entities::api_token;
use concord_shared::api::{AuthKind, NewToken, NewUser, UserPatch};
use concord_shared::{Party, Role};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_token_acts_for_its_party_with_its_role_and_records_its_last_use() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Ge, Role::Administrator).await;

    let created = admin
        .create_token(&NewToken {
            name: "Reporting system".into(),
            role: Role::Viewer,
            expires_at: None,
        })
        .await
        .expect("created");

    assert!(created.token.starts_with("concord_"));
    let stored = api_token::Entity::find().all(&app.state.db).await.expect("tokens");
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].token_hash, created.token, "stored hashed");
    assert!(!stored[0].token_hash.contains(&created.token));
    let integration = concord_client::Client::with_token(app.address.clone(), created.token.clone());
    let me = integration.me().await.expect("token works");
    assert_eq!((me.party, me.role, me.auth), (Party::Ge, Role::Viewer, AuthKind::Token));
    let listed = admin.tokens().await.expect("list");
    assert_eq!(listed.len(), 1);
    assert!(listed[0].last_used_at.is_some(), "last use recorded");
    let listed_json = serde_json::to_string(&listed).expect("json");
    assert!(!listed_json.contains(&created.token), "the secret is never shown again");
    // A token is not a cookie session: no CSRF header needed for its writes.
    assert_eq!(integration.users().await.expect_err("viewer token").status, 403);
}

#[tokio::test]
async fn a_revoked_or_expired_token_no_longer_works() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let first = admin
        .create_token(&NewToken {
            name: "a".into(),
            role: Role::Planner,
            expires_at: None,
        })
        .await
        .expect("a");
    let soon = Utc::now() + chrono::Duration::hours(1);
    let second = admin
        .create_token(&NewToken {
            name: "b".into(),
            role: Role::Planner,
            expires_at: Some(soon),
        })
        .await
        .expect("b");
    let a = concord_client::Client::with_token(app.address.clone(), first.token.clone());
    let b = concord_client::Client::with_token(app.address.clone(), second.token.clone());
    assert!(a.me().await.is_ok() && b.me().await.is_ok());

    admin.revoke_token(&first.info.id).await.expect("revoked");
    let row = api_token::Entity::find()
        .all(&app.state.db)
        .await
        .expect("rows")
        .into_iter()
        .find(|t| t.public_id == second.info.id)
        .expect("b");
    let mut active = row.into_active_model();
    active.expires_at = Set(Some(Utc::now() - chrono::Duration::minutes(1)));
    active.update(&app.state.db).await.expect("expire b");

    assert_eq!(a.me().await.expect_err("revoked").status, 401);
    assert_eq!(b.me().await.expect_err("expired").status, 401);
    assert!(
        admin
            .tokens()
            .await
            .expect("list")
            .iter()
            .any(|t| t.revoked_at.is_some())
    );
}

#[tokio::test]
async fn token_input_is_checked() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let past = Utc::now() - chrono::Duration::days(1);

    let problem = admin
        .create_token(&NewToken {
            name: " ".into(),
            role: Role::Viewer,
            expires_at: Some(past),
        })
        .await
        .expect_err("bad");

    assert_eq!(problem.status, 422);
    assert_eq!(problem.field("name").expect("name").code, "required");
    assert_eq!(problem.field("expires_at").expect("expiry").code, "in_past");
}

#[tokio::test]
async fn a_garbage_bearer_token_is_refused() {
    let app = spawn_app().await;
    let client = concord_client::Client::with_token(app.address.clone(), "concord_not-a-real-token");
    assert_eq!(client.me().await.expect_err("refused").status, 401);
}

#[tokio::test]
async fn a_token_never_acts_above_its_creator_as_they_are_now() {
    let app = spawn_app().await;
    let creator = app.user(Party::Az, Role::Administrator).await;
    let admin = app.login_named(&creator.username).await;
    let created = admin
        .create_token(&NewToken {
            name: "Provisioning".into(),
            role: Role::Administrator,
            expires_at: None,
        })
        .await
        .expect("created");
    let token = concord_client::Client::with_token(app.address.clone(), created.token.clone());
    assert!(token.users().await.is_ok(), "an administrator's token");

    let other = app.named_user("az.chief", Party::Az, Role::Administrator).await;
    let chief = app.login_named(&other.username).await;
    let current = chief.user(creator.id).await.expect("creator");
    let demote = UserPatch {
        role: Some(Role::Viewer),
        ..UserPatch::default()
    };
    let demoted = chief
        .update_user(creator.id, current.version, &demote)
        .await
        .expect("demoted");

    assert_eq!(token.me().await.expect("still a viewer's token").role, Role::Viewer);
    assert_eq!(token.users().await.expect_err("demoted").status, 403);
    let new_admin = NewUser {
        username: "az.intruder".into(),
        display_name: "Intruder".into(),
        position: "None".into(),
        role: Role::Administrator,
        password: "a long enough password".into(),
    };
    assert_eq!(token.create_user(&new_admin).await.expect_err("demoted").status, 403);

    let disable = UserPatch {
        disabled: Some(true),
        ..UserPatch::default()
    };
    chief
        .update_user(creator.id, demoted.version, &disable)
        .await
        .expect("disabled");
    assert_eq!(token.me().await.expect_err("creator disabled").status, 401);
}
