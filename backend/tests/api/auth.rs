//! Signing in and out, sessions, expiry, rate limiting, CSRF.

use std::time::{Duration, Instant};

use chrono::Utc;
use concord_backend::entities::session;
use concord_shared::api::AuthKind;
use concord_shared::{Party, Role};
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::helpers::{PASSWORD, TestApp, spawn_app, spawn_app_with};

/// Logs in with a plain HTTP client and returns the raw `Set-Cookie` header.
async fn raw_login(app: &TestApp, username: &str, password: &str) -> reqwest::Response {
    app.http
        .post(format!("{}/api/v1/auth/login", app.address))
        .header("x-concord-csrf", "1")
        .header("origin", &app.address)
        .json(&serde_json::json!({ "username": username, "password": password }))
        .send()
        .await
        .expect("sent")
}

fn cookie_pair(response: &reqwest::Response) -> String {
    let set = response.headers()["set-cookie"].to_str().expect("ascii");
    set.split(';').next().expect("pair").to_owned()
}

#[tokio::test]
async fn login_sets_an_http_only_strict_session_cookie_and_me_says_who_signed_in() {
    let app = spawn_app().await;
    let user = app.user(Party::Az, Role::Planner).await;

    let response = raw_login(&app, &user.username, PASSWORD).await;

    assert_eq!(response.status(), 200);
    let set = response.headers()["set-cookie"].to_str().expect("ascii").to_owned();
    assert!(set.starts_with("concord_session="), "{set}");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Path=/"),
        "{set}"
    );
    assert!(!set.contains("Secure"), "no Secure over plain http: {set}");
    let client = app.login_named(&user.username).await;
    let me = client.me().await.expect("me");
    assert_eq!(
        (me.party, me.role, me.auth),
        (Party::Az, Role::Planner, AuthKind::Session)
    );
    assert_eq!(me.user.expect("a user").username, "az.planner");
}

#[tokio::test]
async fn over_https_the_cookie_is_secure_with_the_host_prefix() {
    let app = spawn_app_with(&[("CONCORD_PUBLIC_ORIGIN", "https://concord.example")]).await;
    app.user(Party::Ge, Role::Viewer).await;

    let response = app
        .http
        .post(format!("{}/api/v1/auth/login", app.address))
        .header("x-concord-csrf", "1")
        .header("origin", "https://concord.example")
        .json(&serde_json::json!({ "username": "ge.viewer", "password": PASSWORD }))
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status(), 200);
    let set = response.headers()["set-cookie"].to_str().expect("ascii");
    assert!(set.starts_with("__Host-concord_session="), "{set}");
    assert!(set.contains("; Secure"), "{set}");
    let hsts = app
        .http
        .get(format!("{}/api/v1/health", app.address))
        .send()
        .await
        .expect("sent");
    assert!(hsts.headers().contains_key("strict-transport-security"));
}

#[tokio::test]
async fn every_login_gets_a_new_session_id() {
    let app = spawn_app().await;
    app.user(Party::Az, Role::Viewer).await;

    let first = cookie_pair(&raw_login(&app, "az.viewer", PASSWORD).await);
    let second = cookie_pair(&raw_login(&app, "az.viewer", PASSWORD).await);

    assert_ne!(first, second);
    let client = app.login_named("az.viewer").await;
    assert_eq!(client.sessions().await.expect("sessions").len(), 3);
}

#[tokio::test]
async fn a_wrong_user_name_and_a_wrong_password_get_the_same_answer_in_similar_time() {
    let app = spawn_app().await;
    app.user(Party::Az, Role::Viewer).await;
    let client = app.anonymous();

    let mut unknown_time = Duration::ZERO;
    let mut wrong_time = Duration::ZERO;
    let mut answers = Vec::new();
    for i in 0..2 {
        let start = Instant::now();
        answers.push(
            client
                .login(&format!("nobody{i}"), "whatever-password")
                .await
                .expect_err("refused"),
        );
        unknown_time += start.elapsed();
        let start = Instant::now();
        answers.push(
            client
                .login("az.viewer", &format!("wrong-password-{i}"))
                .await
                .expect_err("refused"),
        );
        wrong_time += start.elapsed();
    }

    assert!(answers.iter().all(|p| p.status == 401));
    assert!(
        answers.windows(2).all(|w| w[0] == w[1]),
        "identical bodies: {answers:?}"
    );
    // Both paths run the password hash: an unknown name is not answered faster.
    assert!(
        unknown_time * 2 > wrong_time,
        "unknown {unknown_time:?} vs wrong {wrong_time:?}"
    );
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let app = spawn_app().await;
    app.user(Party::Ge, Role::Coordinator).await;
    let cookie = cookie_pair(&raw_login(&app, "ge.coordinator", PASSWORD).await);
    let me = |cookie: String| {
        let http = app.http.clone();
        let url = format!("{}/api/v1/me", app.address);
        async move {
            http.get(url)
                .header("cookie", cookie)
                .send()
                .await
                .expect("sent")
                .status()
        }
    };
    assert_eq!(me(cookie.clone()).await, 200);

    let response = app
        .http
        .post(format!("{}/api/v1/auth/logout", app.address))
        .header("cookie", &cookie)
        .header("x-concord-csrf", "1")
        .header("origin", &app.address)
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status(), 204);
    assert!(
        response.headers()["set-cookie"]
            .to_str()
            .expect("ascii")
            .contains("Max-Age=0")
    );
    assert_eq!(me(cookie).await, 401, "the old cookie no longer works");
}

#[tokio::test]
async fn an_idle_session_expires_and_so_does_one_past_its_absolute_lifetime() {
    let app = spawn_app().await;
    app.user(Party::Az, Role::Viewer).await;
    let idle = app.login_named("az.viewer").await;
    let old = app.login_named("az.viewer").await;
    let sessions = session::Entity::find().all(&app.state.db).await.expect("sessions");
    assert_eq!(sessions.len(), 2);
    let backend = app.state.db.get_database_backend();

    // The first session has been idle for 31 minutes; the second is 13 hours old.
    let stmt = |sql: &str, values: Vec<sea_orm::Value>| sea_orm::Statement::from_sql_and_values(backend, sql, values);
    let (p1, p2) = if app.database == "postgres" {
        ("$1", "$2")
    } else {
        ("?", "?")
    };
    let when = |m| -> sea_orm::Value { (Utc::now() - chrono::Duration::minutes(m)).into() };
    app.state
        .db
        .execute_raw(stmt(
            &format!("UPDATE sessions SET last_seen_at = {p1} WHERE id = {p2}"),
            vec![when(31), sessions[0].id.into()],
        ))
        .await
        .expect("age the first session");
    app.state
        .db
        .execute_raw(stmt(
            &format!("UPDATE sessions SET expires_at = {p1} WHERE id = {p2}"),
            vec![when(1), sessions[1].id.into()],
        ))
        .await
        .expect("age the second session");
    // Changed behind the server's back: it believes a checked session for
    // up to `SESSION_TTL`; let that pass at once.
    app.state.sessions.invalidate();

    assert_eq!(idle.me().await.expect_err("idle").status, 401);
    assert_eq!(old.me().await.expect_err("too old").status, 401);
    assert!(
        session::Entity::find()
            .all(&app.state.db)
            .await
            .expect("sessions")
            .is_empty(),
        "expired sessions are removed"
    );
}

#[tokio::test]
async fn a_user_sees_and_revokes_their_own_sessions_but_not_anyone_elses() {
    let app = spawn_app().await;
    app.user(Party::Az, Role::Planner).await;
    app.user(Party::Az, Role::Viewer).await;
    let laptop = app.login_named("az.planner").await;
    let tablet = app.login_named("az.planner").await;
    let colleague = app.login_named("az.viewer").await;

    let sessions = laptop.sessions().await.expect("sessions");
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions.iter().filter(|s| s.current).count(), 1);
    let other = sessions.iter().find(|s| !s.current).expect("the tablet's session");

    assert_eq!(
        colleague
            .revoke_session(&other.id)
            .await
            .expect_err("not theirs")
            .status,
        404
    );
    laptop.revoke_session(&other.id).await.expect("revoked");

    assert_eq!(tablet.me().await.expect_err("revoked").status, 401);
    assert!(laptop.me().await.is_ok());
}

#[tokio::test]
async fn failed_logins_are_rate_limited_per_user_name_even_for_the_right_password() {
    let app = spawn_app().await;
    app.user(Party::Ge, Role::Planner).await;
    let client = app.anonymous();
    for i in 0..5 {
        assert_eq!(
            client
                .login("ge.planner", &format!("wrong-{i}-password"))
                .await
                .expect_err("wrong")
                .status,
            401
        );
    }

    let response = app
        .http
        .post(format!("{}/api/v1/auth/login", app.address))
        .header("x-concord-csrf", "1")
        .header("origin", &app.address)
        .json(&serde_json::json!({ "username": "GE.Planner", "password": PASSWORD }))
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status(), 429);
    let retry: u64 = response.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=15 * 60).contains(&retry), "{retry}");
    let problem: concord_shared::Problem = response.json().await.expect("problem");
    assert_eq!(problem.retry_after, Some(retry));
}

#[tokio::test]
async fn failed_logins_are_rate_limited_per_client_address_across_user_names() {
    let app = spawn_app_with(&[("CONCORD_LOGIN_MAX_FAILURES_PER_ADDRESS", "3")]).await;
    app.user(Party::Az, Role::Viewer).await;
    let client = app.anonymous();
    for name in ["alpha", "bravo", "charlie"] {
        assert_eq!(
            client
                .login(name, "wrong-password-here")
                .await
                .expect_err("wrong")
                .status,
            401
        );
    }

    let problem = client.login("az.viewer", PASSWORD).await.expect_err("limited");

    assert_eq!(problem.status, 429);
}

#[tokio::test]
async fn a_successful_login_clears_the_user_names_failures() {
    let app = spawn_app().await;
    app.user(Party::Az, Role::Viewer).await;
    let client = app.anonymous();
    for i in 0..4 {
        client
            .login("az.viewer", &format!("wrong-{i}-password"))
            .await
            .expect_err("wrong");
    }
    client.login("az.viewer", PASSWORD).await.expect("right password");
    for i in 0..4 {
        assert_eq!(
            client
                .login("az.viewer", &format!("again-{i}-wrong"))
                .await
                .expect_err("wrong")
                .status,
            401
        );
    }
}

#[tokio::test]
async fn cookie_authenticated_writes_need_the_csrf_header_and_an_allowed_origin() {
    let app = spawn_app_with(&[("CONCORD_DEV_ORIGINS", "http://127.0.0.1:8081")]).await;
    app.user(Party::Az, Role::Viewer).await;
    let cookie = cookie_pair(&raw_login(&app, "az.viewer", PASSWORD).await);
    let logout = |csrf: bool, origin: Option<&str>| {
        let mut req = app
            .http
            .post(format!("{}/api/v1/auth/logout", app.address))
            .header("cookie", &cookie);
        if csrf {
            req = req.header("x-concord-csrf", "1");
        }
        if let Some(origin) = origin {
            req = req.header("origin", origin);
        }
        async move { req.send().await.expect("sent").status() }
    };

    assert_eq!(logout(false, Some(&app.address)).await, 403, "no custom header");
    assert_eq!(logout(true, None).await, 403, "no origin");
    assert_eq!(logout(true, Some("https://evil.example")).await, 403, "foreign origin");
    assert_eq!(
        logout(true, Some("http://127.0.0.1:8081")).await,
        204,
        "a configured dev origin"
    );
}

#[tokio::test]
async fn login_itself_refuses_a_cross_site_request() {
    let app = spawn_app().await;
    app.user(Party::Az, Role::Viewer).await;

    let response = app
        .http
        .post(format!("{}/api/v1/auth/login", app.address))
        .header("origin", "https://evil.example")
        .header("x-concord-csrf", "1")
        .json(&serde_json::json!({ "username": "az.viewer", "password": PASSWORD }))
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status(), 403);
    assert!(response.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn bad_login_bodies_get_a_problem_naming_the_field() {
    let app = spawn_app().await;
    let send = |body: &'static str| {
        let req = app
            .http
            .post(format!("{}/api/v1/auth/login", app.address))
            .header("x-concord-csrf", "1")
            .header("origin", &app.address)
            .header("content-type", "application/json")
            .body(body);
        async move { req.send().await.expect("sent") }
    };

    let unknown = send(r#"{"username":"a","password":"b","admin":true}"#).await;
    assert_eq!(unknown.status(), 422);
    let problem: concord_shared::Problem = unknown.json().await.expect("problem");
    assert_eq!(problem.field("admin").expect("names the field").code, "unknown_field");

    let missing = send(r#"{"username":"a"}"#).await;
    assert_eq!(missing.status(), 422);
    let problem: concord_shared::Problem = missing.json().await.expect("problem");
    assert_eq!(problem.field("password").expect("names the field").code, "required");

    assert_eq!(send("{not json").await.status(), 400);
}
