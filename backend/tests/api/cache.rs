//! The page cache of activity lists: a cached page never outlives a change,
//! whichever path made it, and each party gets its own view.

use concord_client::ActivityFilter;
use concord_shared::api::ActivityPatch;
use sea_orm::{ConnectionTrait, Statement};

use crate::helpers::spawn_app;
use crate::helpers::{YEAR, board, draft, shared};

fn titles(page: &concord_shared::api::Page<concord_shared::api::Activity>) -> Vec<String> {
    page.items.iter().map(|a| a.title.clone()).collect()
}

#[tokio::test]
async fn a_cached_page_never_outlives_a_change() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let all = ActivityFilter::default();
    let a = b
        .az_planner
        .create_activity(YEAR, &draft("First draft"))
        .await
        .expect("drafted");
    let gone = b
        .az_planner
        .create_activity(YEAR, &draft("Doomed draft"))
        .await
        .expect("drafted");
    // Read twice: the second answer comes from the cache.
    let first = b.az_planner.activities(YEAR, &all).await.expect("list");
    assert_eq!(first, b.az_planner.activities(YEAR, &all).await.expect("list"));
    assert_eq!(titles(&first), ["First draft", "Doomed draft"]);

    let patch = ActivityPatch {
        title: Some("Renamed draft".into()),
        ..Default::default()
    };
    let renamed = b
        .az_planner
        .update_activity(a.value.id, a.version, &patch)
        .await
        .expect("renamed");
    let page = b.az_planner.activities(YEAR, &all).await.expect("list");
    assert!(titles(&page).contains(&"Renamed draft".to_owned()), "{page:?}");

    b.az_planner
        .delete_activity(gone.value.id, gone.version)
        .await
        .expect("deleted");
    let page = b.az_planner.activities(YEAR, &all).await.expect("list");
    assert_eq!(titles(&page), ["Renamed draft"]);
    assert_eq!(page.total, 1);

    let shared_now = b
        .az_planner
        .share_activity(renamed.value.id, renamed.version)
        .await
        .expect("shared");
    let page = b.az_planner.activities(YEAR, &all).await.expect("list");
    assert_eq!(page.items[0].reference, shared_now.value.reference);
    assert!(page.items[0].reference.is_some());

    // A change the application did not make (an operator's SQL) is seen too:
    // the database itself counts the plan's changes.
    let sql = format!(
        "UPDATE activities SET title = 'Fixed by the operator' WHERE public_id = {}",
        renamed.value.id
    );
    let db = &app.state.db;
    db.execute_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("raw update");
    let page = b.az_planner.activities(YEAR, &all).await.expect("list");
    assert_eq!(titles(&page), ["Fixed by the operator"]);
}

#[tokio::test]
async fn each_party_gets_its_own_cached_view_of_the_same_query() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let all = ActivityFilter::default();
    shared(&b.ge_planner, "Shared by Georgia").await;
    b.az_planner
        .create_activity(YEAR, &draft("Azerbaijani draft"))
        .await
        .expect("drafted");
    let az = b.az_planner.activities(YEAR, &all).await.expect("list");
    assert_eq!(az.total, 2);
    // The same query by the other party right after must not get the cached page.
    let ge = b.ge_planner.activities(YEAR, &all).await.expect("list");
    assert_eq!(titles(&ge), ["Shared by Georgia"]);
    assert_eq!(ge.total, 1);
    let az_again = b.az_coord.activities(YEAR, &all).await.expect("list");
    assert_eq!(az_again, az);
}
