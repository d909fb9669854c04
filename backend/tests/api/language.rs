//! The user's language of the interface is the user's (issue 17, item 8):
//! stored on the server, it follows them to another machine and is the
//! default language of what the server writes for them.

use concord_client::Client;
use concord_shared::api::{AuthKind, NewToken};
use concord_shared::{Lang, Party, Role};
use serde_json::{Value, json};

use crate::helpers::{YEAR, board, shared, spawn_app};

#[tokio::test]
async fn the_language_round_trips_and_follows_the_user_to_another_machine() {
    let app = spawn_app().await;
    let laptop = app.login_as(Party::Ge, Role::Planner).await;
    assert_eq!(laptop.me().await.expect("me").language, None, "none until chosen");

    let me = laptop.set_language(Lang::Ka).await.expect("set");
    assert_eq!(me.language, Some(Lang::Ka));
    assert_eq!(laptop.me().await.expect("me").language, Some(Lang::Ka));

    // Another machine: a fresh session of the same user gets it at sign-in and from /me.
    let office = Client::new(app.address.clone());
    let signed_in = office
        .login("ge.planner", crate::helpers::PASSWORD)
        .await
        .expect("login");
    assert_eq!(signed_in.language, Some(Lang::Ka));
    assert_eq!(office.me().await.expect("me").language, Some(Lang::Ka));

    // The switcher on one machine changes it for the other.
    office.set_language(Lang::Az).await.expect("switch");
    assert_eq!(laptop.me().await.expect("me").language, Some(Lang::Az));
    // Another user is untouched.
    let other = app.login_as(Party::Ge, Role::Coordinator).await;
    assert_eq!(other.me().await.expect("me").language, None);

    // Audited, with what it was and what it became.
    let admin = app.login_as(Party::Ge, Role::Administrator).await;
    let log = admin.audit(0, 100).await.expect("audit").items;
    let changes: Vec<_> = log.iter().filter(|e| e.action == "user.language").collect();
    assert_eq!(changes.len(), 2, "{log:?}");
    assert_eq!(changes[0].after, Some(json!({"language": "az"})), "newest first");
    assert_eq!(changes[0].before, Some(json!({"language": "ka"})));
    assert_eq!(changes[1].before, Some(json!({"language": null})));
}

#[tokio::test]
async fn a_token_has_no_language_and_an_unknown_one_is_422_naming_language() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let token = admin
        .create_token(&NewToken {
            name: "robot".into(),
            role: Role::Viewer,
            expires_at: None,
        })
        .await
        .expect("token")
        .token;
    let robot = Client::with_token(app.address.clone(), token.clone());
    let me = robot.me().await.expect("me");
    assert_eq!((me.auth, me.language), (AuthKind::Token, None));
    let refused = robot.set_language(Lang::Az).await.expect_err("a token has no person");
    assert_eq!((refused.status, refused.code.as_str()), (403, "session_required"));

    for body in [json!({"language": "ru"}), json!({"language": null}), json!({})] {
        let response = app
            .http
            .put(format!("{}/api/v1/me/language", app.address))
            .header("authorization", format!("Bearer {token}"))
            .json(&body)
            .send()
            .await
            .expect("answer");
        assert_eq!(response.status().as_u16(), 422, "{body}");
        let problem: Value = response.json().await.expect("problem");
        assert_eq!(problem["errors"][0]["field"], "language", "{body}: {problem}");
    }
}

#[tokio::test]
async fn the_database_refuses_a_language_outside_the_list() {
    let app = spawn_app().await;
    let user = app.user(Party::Az, Role::Viewer).await;
    let db = &app.state.db;
    use sea_orm::ConnectionTrait;
    let id = user.id;
    let refused = db
        .execute_unprepared(&format!("UPDATE users SET language = 'fr' WHERE id = {id}"))
        .await
        .expect_err("fr");
    assert!(refused.to_string().contains("ck_users_language"), "{refused}");
    db.execute_unprepared(&format!("UPDATE users SET language = 'az' WHERE id = {id}"))
        .await
        .expect("a listed code");
    db.execute_unprepared(&format!("UPDATE users SET language = NULL WHERE id = {id}"))
        .await
        .expect("none");
}

#[tokio::test]
async fn an_export_without_lang_is_in_the_users_stored_language() {
    let app = spawn_app().await;
    let b = board(&app).await;
    shared(&b.az_planner, "Staff talks").await;
    let english = b.az_coord.activities_csv(YEAR, "", "").await.expect("CSV");
    assert_eq!(english, b.az_coord.activities_csv(YEAR, "en", "").await.expect("CSV"));

    b.az_coord.set_language(Lang::Az).await.expect("set");
    let stored = b.az_coord.activities_csv(YEAR, "", "").await.expect("CSV");
    assert_eq!(stored, b.az_coord.activities_csv(YEAR, "az", "").await.expect("CSV"));
    assert_ne!(stored, english);
    // An explicit `lang` still wins.
    assert_eq!(b.az_coord.activities_csv(YEAR, "en", "").await.expect("CSV"), english);
}
