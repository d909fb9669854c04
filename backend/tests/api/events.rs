//! The live stream of changes: what each party's stream carries, resuming
//! after `Last-Event-ID`, and two processes on one PostgreSQL database.

use std::time::Duration;

use concord_client::{EventStream, StreamEvent};
use concord_shared::api::Change;

use crate::helpers::{YEAR, board, draft, on_postgres, spawn_app, spawn_app_with};

/// The next event that carries a change, within a few seconds.
async fn next_change(stream: &mut EventStream) -> Change {
    loop {
        let event = next_event(stream).await;
        if let Some(change) = event.change() {
            return change;
        }
    }
}

async fn next_event(stream: &mut EventStream) -> StreamEvent {
    tokio::time::timeout(Duration::from_secs(10), stream.next())
        .await
        .expect("an event within 10 s")
        .expect("the stream reads")
        .expect("the stream is open")
}

/// Opens a stream and waits until the server says it is live.
async fn open(client: &concord_client::Client, after: Option<i64>) -> EventStream {
    let mut stream = client.events(after).await.expect("stream opens");
    let ready = next_event(&mut stream).await;
    assert_eq!(ready.event, "ready");
    stream
}

#[tokio::test]
async fn the_other_party_learns_of_a_shared_activity_and_never_of_a_draft() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut ge = open(&b.ge_coord, None).await;
    let mut az = open(&b.az_coord, None).await;

    let private = b
        .az_planner
        .create_activity(YEAR, &draft("Private draft"))
        .await
        .expect("draft");
    let to_share = b
        .az_planner
        .create_activity(YEAR, &draft("To share"))
        .await
        .expect("draft");
    b.az_planner
        .share_activity(to_share.value.id, to_share.version)
        .await
        .expect("shared");

    // The own party follows its drafts as they are written.
    let first = next_change(&mut az).await;
    assert_eq!(first.entity_id, Some(private.value.id.to_string()));
    assert_eq!(first.party, Some(concord_shared::Party::Az));
    // The other party's first change is the share: neither draft's creation
    // reached it.
    let seen = next_change(&mut ge).await;
    assert_eq!(seen.action, "activity.share", "{seen:?}");
    assert_eq!(seen.entity_id, Some(to_share.value.id.to_string()));
    assert_eq!(seen.year, Some(YEAR));
    assert!(seen.version.is_some_and(|v| v > to_share.version));
}

#[tokio::test]
async fn a_stream_resumes_after_the_last_event_it_received() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut ge = open(&b.ge_coord, None).await;
    let first = b.az_planner.create_activity(YEAR, &draft("One")).await.expect("draft");
    b.az_planner
        .share_activity(first.value.id, first.version)
        .await
        .expect("shared");
    let received = next_change(&mut ge).await;
    drop(ge);

    // While disconnected: one change the GE stream may see, one it may not.
    b.az_planner
        .create_activity(YEAR, &draft("Private"))
        .await
        .expect("draft");
    let second = b.az_planner.create_activity(YEAR, &draft("Two")).await.expect("draft");
    b.az_planner
        .share_activity(second.value.id, second.version)
        .await
        .expect("shared");

    let mut resumed = open(&b.ge_coord, Some(received.id)).await;
    let missed = next_change(&mut resumed).await;
    assert_eq!(missed.action, "activity.share");
    assert_eq!(missed.entity_id, Some(second.value.id.to_string()));
    assert!(missed.id > received.id);
}

#[tokio::test]
async fn anonymous_callers_get_no_stream_and_viewers_do() {
    let app = spawn_app().await;
    let refused = app.anonymous().events(None).await.err().expect("refused");
    assert_eq!(refused.status, 401);
    let viewer = app
        .login_as(concord_shared::Party::Ge, concord_shared::Role::Viewer)
        .await;
    open(&viewer, None).await;
}

/// Two processes on one PostgreSQL database: a change written through one
/// reaches a stream connected to the other, through `LISTEN/NOTIFY` (the
/// fallback poll is set to a minute, so nothing else could deliver it).
#[tokio::test]
async fn a_change_through_one_instance_reaches_a_stream_on_another() {
    if !on_postgres() {
        return;
    }
    let first = spawn_app_with(&[("CONCORD_LIVE_POLL_MS", "60000")]).await;
    let url = first.state.settings.database_url.clone();
    let second = spawn_app_with(&[
        ("CONCORD_DATABASE_URL", url.as_str()),
        ("CONCORD_LIVE_POLL_MS", "60000"),
    ])
    .await;
    let b = board(&first).await;
    let ge_on_second = second
        .login_as(concord_shared::Party::Ge, concord_shared::Role::Coordinator)
        .await;
    let mut stream = open(&ge_on_second, None).await;
    let created = b
        .az_planner
        .create_activity(YEAR, &draft("Across"))
        .await
        .expect("draft");
    b.az_planner
        .share_activity(created.value.id, created.version)
        .await
        .expect("shared");
    let change = next_change(&mut stream).await;
    assert_eq!(change.action, "activity.share");
    assert_eq!(change.entity_id, Some(created.value.id.to_string()));
}

/// `?last_event_id=` is read like every query string (`ApiQuery`): a value
/// that is no event id, or an unknown parameter, is a 422 problem naming it.
#[tokio::test]
async fn a_malformed_resume_parameter_is_a_422_naming_it() {
    let app = spawn_app().await;
    let admin = app
        .login_as(concord_shared::Party::Az, concord_shared::Role::Administrator)
        .await;
    let token = admin
        .create_token(&concord_shared::api::NewToken {
            name: "stream".into(),
            role: concord_shared::Role::Viewer,
            expires_at: None,
        })
        .await
        .expect("token")
        .token;
    for (query, field, code) in [
        ("last_event_id=abc", "last_event_id", "invalid"),
        ("last_event_id=1&since=2", "since", "unknown_field"),
        ("last_event_id=%00", "last_event_id", "control_character"),
    ] {
        let response = app
            .http
            .get(format!("{}/api/v1/events?{query}", app.address))
            .bearer_auth(&token)
            .send()
            .await
            .expect("an answer");
        assert_eq!(response.status(), 422, "{query}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{query}"
        );
        let body: serde_json::Value = response.json().await.expect("problem");
        assert_eq!(body["errors"][0]["field"], field, "{query}: {body}");
        assert_eq!(body["errors"][0]["code"], code, "{query}: {body}");
    }
}
