//! Administrators manage their own party's users; versions guard every update.

use concord_shared::api::{NewUser, UserPatch};
use concord_shared::{Party, Role};

use crate::helpers::{PASSWORD, spawn_app};

fn new_user(username: &str, role: Role) -> NewUser {
    NewUser {
        username: username.to_owned(),
        display_name: "Captain Test".to_owned(),
        position: "Staff officer".to_owned(),
        role,
        password: "a long enough password".to_owned(),
    }
}

#[tokio::test]
async fn an_administrator_creates_a_user_of_their_own_party_who_can_then_sign_in() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Ge, Role::Administrator).await;

    let created = admin
        .create_user(&new_user("Ge.Officer", Role::Planner))
        .await
        .expect("created");

    assert_eq!(
        created.value.username, "ge.officer",
        "user names are stored in lowercase"
    );
    assert_eq!(created.value.party, Party::Ge);
    assert_eq!(created.version, 1);
    let officer = app.anonymous();
    let me = officer
        .login("ge.officer", "a long enough password")
        .await
        .expect("signs in");
    assert_eq!((me.party, me.role), (Party::Ge, Role::Planner));
    let listed = admin.users().await.expect("users");
    assert!(listed.iter().all(|u| u.party == Party::Ge));
}

#[tokio::test]
async fn invalid_new_users_get_a_422_naming_each_field() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let mut bad = new_user("no spaces allowed", Role::Viewer);
    bad.password = "short".to_owned();
    bad.display_name = "  ".to_owned();

    let problem = admin.create_user(&bad).await.expect_err("invalid");

    assert_eq!(problem.status, 422);
    assert_eq!(problem.field("username").expect("username").code, "invalid");
    assert_eq!(problem.field("password").expect("password").code, "too_short");
    assert_eq!(problem.field("display_name").expect("display name").code, "required");

    admin
        .create_user(&new_user("az.clerk", Role::Viewer))
        .await
        .expect("first");
    let taken = admin
        .create_user(&new_user("AZ.CLERK", Role::Viewer))
        .await
        .expect_err("taken");
    assert_eq!((taken.status, taken.code.as_str()), (409, "username_taken"));
    assert_eq!(taken.field("username").expect("username").code, "taken");
}

#[tokio::test]
async fn updates_need_if_match_and_a_stale_version_gets_412_with_the_current_one() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let user = app.user(Party::Az, Role::Viewer).await;

    let response = app
        .http
        .patch(format!("{}/api/v1/users/{}", app.address, user.id))
        .header("authorization", "Bearer nothing")
        .json(&serde_json::json!({"position": "x"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 401);

    let patch = UserPatch {
        position: Some("Deputy head".to_owned()),
        ..Default::default()
    };
    let first = admin.update_user(user.id, 1, &patch).await.expect("updated");
    assert_eq!(first.version, 2);
    assert_eq!(first.value.position, "Deputy head");

    let stale = admin
        .update_user(
            user.id,
            1,
            &UserPatch {
                position: Some("Lost".into()),
                ..Default::default()
            },
        )
        .await;
    let problem = stale.expect_err("stale");
    assert_eq!(problem.status, 412);
    assert_eq!(problem.current_version, Some(2));
    assert_eq!(
        admin.user(user.id).await.expect("user").value.position,
        "Deputy head",
        "nothing lost"
    );

    // No If-Match at all: 428.
    let cookie_client = reqwest::Client::builder().cookie_store(true).build().expect("client");
    cookie_client
        .post(format!("{}/api/v1/auth/login", app.address))
        .header("x-concord-csrf", "1")
        .header("origin", &app.address)
        .json(&serde_json::json!({"username": "az.administrator", "password": PASSWORD}))
        .send()
        .await
        .expect("login");
    let no_if_match = cookie_client
        .patch(format!("{}/api/v1/users/{}", app.address, user.id))
        .header("x-concord-csrf", "1")
        .header("origin", &app.address)
        .json(&serde_json::json!({"position": "x"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(no_if_match.status(), 428);
}

#[tokio::test]
async fn the_last_active_administrator_can_be_neither_disabled_nor_demoted() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Ge, Role::Administrator).await;
    let me = app.user(Party::Ge, Role::Administrator).await;

    let demote = admin
        .update_user(
            me.id,
            me.version,
            &UserPatch {
                role: Some(Role::Viewer),
                ..Default::default()
            },
        )
        .await;
    assert_eq!(demote.expect_err("last admin").status, 409);
    let disable = admin
        .update_user(
            me.id,
            me.version,
            &UserPatch {
                disabled: Some(true),
                ..Default::default()
            },
        )
        .await;
    assert_eq!(disable.expect_err("last admin").status, 409);

    let second = admin
        .create_user(&new_user("ge.admin2", Role::Administrator))
        .await
        .expect("second admin");
    admin
        .update_user(
            me.id,
            me.version,
            &UserPatch {
                role: Some(Role::Coordinator),
                ..Default::default()
            },
        )
        .await
        .expect("now another administrator exists");
    assert_eq!(second.value.role, Role::Administrator);
}

#[tokio::test]
async fn disabling_a_user_ends_their_sessions_and_tokens_at_once() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let other_admin = app.named_user("az.admin2", Party::Az, Role::Administrator).await;
    let victim_session = app.login_named("az.admin2").await;
    let token = victim_session
        .create_token(&concord_shared::api::NewToken {
            name: "sync".into(),
            role: Role::Viewer,
            expires_at: None,
        })
        .await
        .expect("token");
    let token_client = concord_client::Client::with_token(app.address.clone(), token.token.clone());
    assert!(token_client.me().await.is_ok());

    admin
        .update_user(
            other_admin.id,
            other_admin.version,
            &UserPatch {
                disabled: Some(true),
                ..Default::default()
            },
        )
        .await
        .expect("disabled");

    assert_eq!(victim_session.me().await.expect_err("session ended").status, 401);
    assert_eq!(token_client.me().await.expect_err("token revoked").status, 401);
    assert_eq!(
        app.anonymous()
            .login("az.admin2", PASSWORD)
            .await
            .expect_err("cannot sign in")
            .status,
        401
    );
}

#[tokio::test]
async fn a_password_reset_ends_the_users_sessions_and_sets_the_new_password() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let user = app.user(Party::Az, Role::Planner).await;
    let session = app.login_named("az.planner").await;

    admin
        .reset_password(user.id, "a brand new password")
        .await
        .expect("reset");

    assert_eq!(session.me().await.expect_err("ended").status, 401);
    app.anonymous()
        .login("az.planner", "a brand new password")
        .await
        .expect("new password works");
    let short = admin.reset_password(user.id, "short").await.expect_err("too short");
    assert_eq!(short.field("new_password").expect("field").code, "too_short");
}

#[tokio::test]
async fn changing_ones_own_password_needs_the_current_one_and_ends_the_other_sessions() {
    let app = spawn_app().await;
    app.user(Party::Ge, Role::Viewer).await;
    let here = app.login_named("ge.viewer").await;
    let elsewhere = app.login_named("ge.viewer").await;

    let wrong = here
        .change_password("not my password", "another long password")
        .await
        .expect_err("wrong");
    assert_eq!(wrong.field("current_password").expect("field").code, "wrong");

    here.change_password(PASSWORD, "another long password")
        .await
        .expect("changed");

    assert!(here.me().await.is_ok(), "this session stays");
    assert_eq!(elsewhere.me().await.expect_err("ended").status, 401);
    app.anonymous()
        .login("ge.viewer", "another long password")
        .await
        .expect("new password works");
}

#[tokio::test]
async fn nobody_below_administrator_manages_users() {
    let app = spawn_app().await;
    for role in [Role::Viewer, Role::Planner, Role::Coordinator] {
        let client = app.login_as(Party::Az, role).await;
        assert_eq!(client.users().await.expect_err("forbidden").status, 403, "{role:?}");
        let created = client
            .create_user(&new_user(&format!("x.{}", role.code()), Role::Viewer))
            .await;
        assert_eq!(created.expect_err("forbidden").status, 403, "{role:?}");
    }
}
