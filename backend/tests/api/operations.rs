//! What an operator relies on: readiness, request ids from the answer to the
//! audit log, the real client address behind a trusted proxy, and metrics
//! on their own address only.

use concord_shared::{Party, Role};
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::helpers::{PASSWORD, spawn_app, spawn_app_with};

#[tokio::test]
async fn ready_answers_when_the_schema_is_current_and_503_when_a_migration_is_missing() {
    let app = spawn_app().await;

    let ready = app.client.ready().await.expect("ready");
    assert_eq!(ready.status, "ready");
    assert!(ready.migrations >= 10, "{ready:?}");

    // As if this build were newer than the database's schema.
    app.state
        .db
        .execute_unprepared("DELETE FROM seaql_migrations WHERE version = 'm20261202_000060_audit_request_id'")
        .await
        .expect("forget one migration");
    let response = app
        .http
        .get(format!("{}/api/v1/ready", app.address))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 503);
    let problem: serde_json::Value = response.json().await.expect("problem");
    assert_eq!(problem["code"], "migrations_pending");
    // Liveness is another question: the process still answers.
    app.client.health().await.expect("still alive");
}

async fn sign_in(app: &crate::helpers::TestApp, headers: &[(&str, &str)], password: &str) -> reqwest::Response {
    let mut request = app
        .http
        .post(format!("{}/api/v1/auth/login", app.address))
        .header("x-concord-csrf", "1")
        .header("origin", &app.address)
        .json(&json!({ "username": "ge.viewer", "password": password }));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("sent")
}

#[tokio::test]
async fn every_answer_carries_a_request_id_that_the_audit_entry_of_that_request_records() {
    let app = spawn_app().await;
    app.user(Party::Ge, Role::Viewer).await;
    let admin = app.login_as(Party::Ge, Role::Administrator).await;

    let health = app
        .http
        .get(format!("{}/api/v1/health", app.address))
        .send()
        .await
        .expect("sent");
    let first = health.headers()["x-request-id"].to_str().expect("ascii").to_owned();
    assert_eq!(first.len(), 32);

    // An outsider's id is replaced: nobody plants ids in our logs.
    let response = sign_in(&app, &[("x-request-id", "planted-by-a-stranger")], "wrong password").await;
    assert_eq!(response.status(), 401);
    let id = response.headers()["x-request-id"].to_str().expect("ascii").to_owned();
    assert_ne!(id, "planted-by-a-stranger");
    assert_ne!(id, first, "each request its own id");

    let entries = admin.audit(0, 50).await.expect("audit");
    let failed = entries
        .items
        .iter()
        .find(|e| e.action == "auth.login_failed")
        .expect("the failed sign-in is audited");
    assert_eq!(failed.request_id.as_deref(), Some(id.as_str()));
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_client_address_and_request_id_are_used_and_never_otherwise() {
    let direct = spawn_app().await;
    direct.user(Party::Ge, Role::Viewer).await;
    let proxied = spawn_app_with(&[("CONCORD_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")]).await;
    proxied.user(Party::Ge, Role::Viewer).await;
    let forwarded = [("x-forwarded-for", "203.0.113.9"), ("x-request-id", "nginx-4f2a")];

    // Without trust, a forged X-Forwarded-For changes nothing.
    let response = sign_in(&direct, &forwarded, "wrong").await;
    assert_ne!(response.headers()["x-request-id"], "nginx-4f2a");
    let response = sign_in(&proxied, &forwarded, "wrong").await;
    assert_eq!(response.headers()["x-request-id"], "nginx-4f2a");

    for (app, ip) in [(&direct, "127.0.0.1"), (&proxied, "203.0.113.9")] {
        let admin = app.login_as(Party::Ge, Role::Administrator).await;
        let entries = admin.audit(0, 50).await.expect("audit");
        let failed = entries
            .items
            .iter()
            .find(|e| e.action == "auth.login_failed")
            .expect("audited");
        assert_eq!(failed.after.as_ref().expect("after")["ip"], ip, "{}", app.address);
    }

    // The per-address limit counts the real client: the proxy's other
    // clients are not locked out with them.
    let limit = 20;
    for attempt in 0..limit {
        let forged_user = format!("nobody{attempt}");
        let response = proxied
            .http
            .post(format!("{}/api/v1/auth/login", proxied.address))
            .header("x-concord-csrf", "1")
            .header("origin", &proxied.address)
            .header("x-forwarded-for", "203.0.113.77")
            .json(&json!({ "username": forged_user, "password": "x" }))
            .send()
            .await
            .expect("sent");
        assert_eq!(response.status(), 401, "attempt {attempt}");
    }
    let locked = proxied
        .http
        .post(format!("{}/api/v1/auth/login", proxied.address))
        .header("x-concord-csrf", "1")
        .header("origin", &proxied.address)
        .header("x-forwarded-for", "203.0.113.77")
        .json(&json!({ "username": "ge.viewer", "password": PASSWORD }))
        .send()
        .await
        .expect("sent");
    assert_eq!(locked.status(), 429, "that address is limited");
    let other = sign_in(&proxied, &[("x-forwarded-for", "198.51.100.5")], PASSWORD).await;
    assert_eq!(other.status(), 200, "another client behind the same proxy is not");
}

#[tokio::test]
async fn metrics_are_served_on_their_own_address_only() {
    let plain = spawn_app().await;
    assert!(plain.metrics_address.is_none(), "off by default");
    let on_public = plain
        .http
        .get(format!("{}/metrics", plain.address))
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("text");
    assert!(!on_public.contains("concord_http_requests"), "never on the public port");

    let app = spawn_app_with(&[("CONCORD_METRICS_BIND", "127.0.0.1:0")]).await;
    let metrics = app.metrics_address.clone().expect("bound");
    app.user(Party::Ge, Role::Viewer).await;
    app.client.health().await.expect("health");
    app.client.health().await.expect("health");
    assert_eq!(sign_in(&app, &[], "wrong").await.status(), 401);
    let _ = app
        .http
        .get(format!("{}/api/v1/activities/999999", app.address))
        .send()
        .await;

    let response = app
        .http
        .get(format!("{metrics}/metrics"))
        .send()
        .await
        .expect("scraped");
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("application/openmetrics-text")
    );
    let text = response.text().await.expect("text");
    let line = |prefix: &str| {
        text.lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no `{prefix}` in\n{text}"))
            .to_owned()
    };
    assert!(line(r#"concord_http_requests_total{method="GET",route="/api/v1/health",status="200"}"#).ends_with(" 2"));
    // The route template, never the raw path with its id.
    line(r#"concord_http_requests_total{method="GET",route="/api/v1/activities/{id}",status="401"}"#);
    assert!(!text.contains("/999999"), "no raw path");
    line(r#"concord_http_request_duration_seconds_count{method="GET",route="/api/v1/health"} 2"#);
    assert!(line("concord_sign_in_failures_total").ends_with(" 1"));
    line("concord_db_pool_connections ");
    line("concord_db_pool_max ");
    line("concord_live_streams 0");
    line("concord_documents_stored 0");
    // Only /metrics there.
    let elsewhere = app
        .http
        .get(format!("{metrics}/api/v1/health"))
        .send()
        .await
        .expect("sent");
    assert_eq!(elsewhere.status(), 404);
}

#[tokio::test]
async fn the_live_streams_gauge_counts_open_streams_and_forgets_closed_ones() {
    let app = spawn_app_with(&[("CONCORD_METRICS_BIND", "127.0.0.1:0")]).await;
    let metrics = app.metrics_address.clone().expect("bound");
    let streams = || async {
        let text = app
            .http
            .get(format!("{metrics}/metrics"))
            .send()
            .await
            .expect("scraped")
            .text()
            .await
            .expect("text");
        text.lines()
            .find_map(|l| l.strip_prefix("concord_live_streams "))
            .and_then(|n| n.trim().parse::<i64>().ok())
            .expect("the gauge")
    };
    let eventually = async |want: i64| {
        for _ in 0..100 {
            if streams().await == want {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("concord_live_streams never reached {want}");
    };
    eventually(0).await;
    let viewer = app.login_as(Party::Az, Role::Viewer).await;
    let planner = app.login_as(Party::Ge, Role::Planner).await;
    let first = viewer.events(None).await.expect("a stream");
    let second = planner.events(None).await.expect("another");
    eventually(2).await;
    drop(first);
    eventually(1).await;
    drop(second);
    eventually(0).await;
}
