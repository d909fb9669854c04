use crate::helpers::spawn_app;

#[tokio::test]
async fn health_reports_ok_the_version_and_the_database_in_use() {
    let app = spawn_app().await;

    let health = app.client.health().await.expect("health answers");

    assert_eq!(health.status, "ok");
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(health.database, app.database);
}
