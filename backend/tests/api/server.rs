//! What every response carries, and what the server does at its edges.

use concord_backend::{Application, Settings};
use concord_shared::Problem;

use crate::helpers::{TEST_INDEX_HTML, spawn_app};

#[tokio::test]
async fn an_unknown_api_path_is_a_404_problem_not_the_spa() {
    let app = spawn_app().await;

    let response = app
        .http
        .get(format!("{}/api/v1/no-such-thing", app.address))
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let problem: Problem = response.json().await.expect("a problem body");
    assert_eq!(problem.status, 404);
}

#[tokio::test]
async fn a_wrong_method_on_an_api_path_is_a_405_problem() {
    let app = spawn_app().await;

    let response = app
        .http
        .delete(format!("{}/api/v1/health", app.address))
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
}

#[tokio::test]
async fn api_responses_carry_strict_security_headers_and_are_never_cached() {
    let app = spawn_app().await;

    let response = app
        .http
        .get(format!("{}/api/v1/health", app.address))
        .send()
        .await
        .expect("sent");

    let headers = response.headers();
    assert_eq!(
        headers["content-security-policy"],
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert_eq!(headers["cache-control"], "no-store");
    assert!(
        headers.get("strict-transport-security").is_none(),
        "no HSTS over plain http"
    );
}

#[tokio::test]
async fn client_side_routes_get_the_spa_page_with_a_csp_that_allows_only_its_start_up_script() {
    let app = spawn_app().await;

    for path in ["/", "/agreement", "/plans/2026/board"] {
        let response = app
            .http
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .expect("sent");
        assert_eq!(response.status(), 200, "{path}");
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(response.text().await.expect("body"), TEST_INDEX_HTML);
    }
    let asset = app
        .http
        .get(format!("{}/app.js", app.address))
        .send()
        .await
        .expect("sent");
    assert_eq!(asset.status(), 200);
    assert!(
        asset.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .contains("javascript")
    );
}

#[tokio::test]
async fn responses_are_compressed_when_the_browser_accepts_it() {
    let app = spawn_app().await;

    let response = app
        .http
        .get(format!("{}/api/docs", app.address))
        .header("accept-encoding", "br")
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "br");
}

#[tokio::test]
async fn the_server_stops_gracefully_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("db.sqlite3").display());
    let settings = Settings::from_lookup(|key| match key {
        "CONCORD_BIND" => Some("127.0.0.1:0".to_owned()),
        "CONCORD_DATABASE_URL" => Some(url.clone()),
        _ => None,
    })
    .expect("settings");
    let app = Application::build(settings).await.expect("builds");
    let client = concord_client::Client::new(format!("http://127.0.0.1:{}", app.port()));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    client.health().await.expect("serving before the stop");

    stop.send(()).expect("signal");

    let finished = tokio::time::timeout(std::time::Duration::from_secs(5), server).await;
    assert!(matches!(finished, Ok(Ok(Ok(())))), "the server finished cleanly");
    assert!(client.health().await.is_err(), "nothing answers after the stop");
}

#[tokio::test]
async fn the_server_stops_even_when_asked_before_it_has_settled() {
    // The stop used to be missed when it came before the live stream's
    // follower had started listening for it: the server then waited for ever.
    for _ in 0..5 {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("db.sqlite3").display());
        let settings = Settings::from_lookup(|key| match key {
            "CONCORD_BIND" => Some("127.0.0.1:0".to_owned()),
            "CONCORD_DATABASE_URL" => Some(url.clone()),
            _ => None,
        })
        .expect("settings");
        let app = Application::build(settings).await.expect("builds");
        let finished = tokio::time::timeout(std::time::Duration::from_secs(5), app.run_until(async {})).await;
        assert!(matches!(finished, Ok(Ok(()))), "the server finished cleanly");
    }
}

#[tokio::test]
async fn the_data_directory_is_created_when_missing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("nested").join("data");
    let settings = Settings::from_lookup(|key| match key {
        "CONCORD_BIND" => Some("127.0.0.1:0".to_owned()),
        "CONCORD_DATA_DIR" => Some(data.display().to_string()),
        _ => None,
    })
    .expect("settings");

    let app = Application::build(settings)
        .await
        .expect("builds on a missing data directory");

    assert!(data.join("concord.sqlite3").exists());
    drop(app);
}

#[tokio::test]
async fn the_openapi_document_is_3_1_and_the_docs_page_renders_it_without_scripts() {
    let app = spawn_app().await;

    let doc: serde_json::Value = app
        .http
        .get(format!("{}/api/v1/openapi.json", app.address))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    let page = app
        .http
        .get(format!("{}/api/docs", app.address))
        .send()
        .await
        .expect("sent");

    assert!(doc["openapi"].as_str().expect("version").starts_with("3.1"));
    assert!(doc["paths"]["/api/v1/plans/{year}/transitions"]["post"].is_object());
    assert!(doc["components"]["securitySchemes"]["session"].is_object());
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(!csp.contains("script-src"), "no script on the docs page: {csp}");
    let html = page.text().await.expect("html");
    assert!(html.contains("/api/v1/activities/{id}/consent") && !html.contains("<script"));
}
