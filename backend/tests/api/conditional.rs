//! Conditional GET: an activity's `ETag` (its version) and a list's (the
//! plan's revision, the party and the query) in `If-None-Match` answer 304
//! without a body while nothing changed, 200 once something did; a tag
//! never reveals what the caller may not see.

use concord_shared::api::{ActivityPatch, NewToken};
use concord_shared::{Party, Role};
use reqwest::StatusCode;
use reqwest::header::{ETAG, IF_NONE_MATCH};

use crate::helpers::{TestApp, YEAR, board, draft, shared};

/// A bearer token of `party`'s viewer, for raw requests.
async fn token(app: &TestApp, party: Party) -> String {
    let admin = app.login_as(party, Role::Administrator).await;
    let new = NewToken {
        name: "Integration".into(),
        role: Role::Viewer,
        expires_at: None,
    };
    admin.create_token(&new).await.expect("token").token
}

async fn get(app: &TestApp, token: &str, path: &str, tag: Option<&str>) -> (StatusCode, Option<String>, String) {
    let mut request = app.http.get(format!("{}{path}", app.address)).bearer_auth(token);
    if let Some(tag) = tag {
        request = request.header(IF_NONE_MATCH, tag);
    }
    let answer = request.send().await.expect("answer");
    let status = answer.status();
    let etag = answer
        .headers()
        .get(ETAG)
        .map(|v| v.to_str().expect("ascii").to_owned());
    (status, etag, answer.text().await.expect("body"))
}

#[tokio::test]
async fn an_unchanged_activity_or_list_answers_304_and_a_changed_one_200() {
    let app = crate::helpers::spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Staff talks").await;
    let az = token(&app, Party::Az).await;
    let ge = token(&app, Party::Ge).await;

    // One activity.
    let path = format!("/api/v1/activities/{id}");
    let (status, tag, _) = get(&app, &az, &path, None).await;
    assert_eq!(status, StatusCode::OK);
    let tag = tag.expect("an ETag");
    let (status, again, body) = get(&app, &az, &path, Some(&tag)).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert_eq!(again.as_deref(), Some(tag.as_str()));
    assert!(body.is_empty());
    let weak = format!("\"0\", W/{tag}");
    assert_eq!(get(&app, &az, &path, Some(&weak)).await.0, StatusCode::NOT_MODIFIED);
    assert_eq!(get(&app, &az, &path, Some("\"0\"")).await.0, StatusCode::OK);

    // Another party's draft stays hidden, whatever tag is sent.
    let hidden = b
        .az_planner
        .create_activity(YEAR, &draft("AZ only"))
        .await
        .expect("draft");
    let hidden = format!("/api/v1/activities/{}", hidden.value.id);
    for tag in ["\"1\"", "*"] {
        assert_eq!(get(&app, &ge, &hidden, Some(tag)).await.0, StatusCode::NOT_FOUND);
    }

    // The list: per party and query, until the plan changes.
    let list = format!("/api/v1/plans/{YEAR}/activities");
    let (status, az_tag, _) = get(&app, &az, &list, None).await;
    assert_eq!(status, StatusCode::OK);
    let az_tag = az_tag.expect("a list ETag");
    assert_eq!(get(&app, &az, &list, Some(&az_tag)).await.0, StatusCode::NOT_MODIFIED);
    let (_, ge_tag, _) = get(&app, &ge, &list, None).await;
    assert_ne!(
        ge_tag.as_deref(),
        Some(az_tag.as_str()),
        "each party's view has its own tag"
    );
    assert_eq!(get(&app, &ge, &list, Some(&az_tag)).await.0, StatusCode::OK);
    let other_query = format!("{list}?limit=1");
    assert_eq!(get(&app, &az, &other_query, Some(&az_tag)).await.0, StatusCode::OK);

    let current = b.az_planner.activity(id).await.expect("activity");
    let patch = ActivityPatch {
        title: Some("Staff talks, renamed".into()),
        ..ActivityPatch::default()
    };
    b.az_planner
        .update_activity(id, current.version, &patch)
        .await
        .expect("edited");
    let (status, _, body) = get(&app, &az, &path, Some(&tag)).await;
    assert_eq!(status, StatusCode::OK, "the activity changed");
    assert!(body.contains("renamed"));
    let (status, new_tag, body) = get(&app, &az, &list, Some(&az_tag)).await;
    assert_eq!(status, StatusCode::OK, "the list changed");
    assert!(body.contains("renamed"));
    assert_ne!(new_tag.as_deref(), Some(az_tag.as_str()));
}
