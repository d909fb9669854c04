//! Webhooks: a real HTTP server on 127.0.0.1 (a tiny axum app, port 0)
//! receives the signed deliveries; the test checks each signature with the
//! secret itself, the retry after a 500, that a redirect is not followed,
//! and that a Georgian webhook never carries an Azerbaijani draft or note.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, post};
use concord_backend::entities::audit_log;
use concord_shared::api::{NewWebhook, WebhookEvent, WebhookPatch};
use concord_shared::domain::DeliveryStatus;
use concord_shared::{ChangeKind, Party, Role};
use hmac::{Hmac, KeyInit, Mac};
use sea_orm::EntityTrait;

use crate::helpers::{TestApp, YEAR, board, draft, shared, spawn_app, spawn_app_with};

/// One request the receiver got.
#[derive(Clone)]
pub struct Received {
    /// `X-Concord-Event`.
    pub event: String,
    delivery: String,
    signature: String,
    body: Vec<u8>,
}

impl std::fmt::Debug for Received {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} #{} {}",
            self.event,
            self.delivery,
            String::from_utf8_lossy(&self.body)
        )
    }
}

/// Whether the first delivery received has come twice (the answer to its
/// first attempt was a failure).
fn first_retried(got: &[Received]) -> bool {
    got.first()
        .is_some_and(|first| got.iter().filter(|r| r.delivery == first.delivery).count() >= 2)
}

impl Received {
    /// The body as a `WebhookEvent`.
    pub fn parsed(&self) -> WebhookEvent {
        serde_json::from_slice(&self.body).expect("the body is a WebhookEvent")
    }
}

#[derive(Default)]
struct Inbox {
    got: Mutex<Vec<Received>>,
    /// What to answer, in turn; 200 once they are used up.
    answers: Mutex<VecDeque<u16>>,
    /// Requests to where a redirect pointed.
    followed: AtomicUsize,
}

/// The integrator's endpoint: `POST /hook`, answering as told.
pub struct Receiver {
    /// Where it listens.
    pub url: String,
    inbox: Arc<Inbox>,
}

async fn hook(State(inbox): State<Arc<Inbox>>, headers: HeaderMap, body: Bytes) -> Response {
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    inbox.got.lock().expect("lock").push(Received {
        event: text("x-concord-event"),
        delivery: text("x-concord-delivery"),
        signature: text("x-concord-signature"),
        body: body.to_vec(),
    });
    let answer = inbox.answers.lock().expect("lock").pop_front().unwrap_or(200);
    let status = StatusCode::from_u16(answer).expect("status");
    if status.is_redirection() {
        return (status, [(header::LOCATION, "/elsewhere")]).into_response();
    }
    status.into_response()
}

async fn elsewhere(State(inbox): State<Arc<Inbox>>) -> StatusCode {
    inbox.followed.fetch_add(1, Ordering::SeqCst);
    StatusCode::OK
}

impl Receiver {
    /// Listens on a free port, answering `answers` in turn, then 200.
    pub async fn start(answers: &[u16]) -> Receiver {
        let inbox = Arc::new(Inbox::default());
        inbox.answers.lock().expect("lock").extend(answers.iter().copied());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        let router = axum::Router::new()
            .route("/hook", post(hook))
            .route("/elsewhere", any(elsewhere))
            .with_state(Arc::clone(&inbox));
        tokio::spawn(async move { axum::serve(listener, router).await });
        Receiver {
            url: format!("http://127.0.0.1:{port}/hook"),
            inbox,
        }
    }

    /// Everything received so far.
    pub fn got(&self) -> Vec<Received> {
        self.inbox.got.lock().expect("lock").clone()
    }

    /// Waits until a request satisfies `done`; all received by then.
    pub async fn wait_until(&self, what: &str, done: impl Fn(&[Received]) -> bool) -> Vec<Received> {
        for _ in 0..200 {
            let got = self.got();
            if done(&got) {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("waited 10 s for {what}; got {:?}", self.got());
    }
}

/// Checks `X-Concord-Signature` as an integrator would: HMAC-SHA256 of
/// `"<t>.<body>"` with the secret, compared in constant time.
fn verifies(secret: &str, received: &Received) -> bool {
    let mut t = None;
    let mut v1 = None;
    for part in received.signature.split(',') {
        match part.split_once('=') {
            Some(("t", value)) => t = Some(value.to_owned()),
            Some(("v1", value)) => v1 = Some(value.to_owned()),
            _ => {}
        }
    }
    let (Some(t), Some(v1)) = (t, v1) else { return false };
    let Some(code) = (0..v1.len())
        .step_by(2)
        .map(|i| v1.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect::<Option<Vec<u8>>>()
    else {
        return false;
    };
    let mut mac = Hmac::<sha2_11::Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(t.as_bytes());
    mac.update(b".");
    mac.update(&received.body);
    let fresh = t
        .parse::<i64>()
        .is_ok_and(|t| (chrono::Utc::now().timestamp() - t).abs() < 300);
    fresh && mac.verify_slice(&code).is_ok()
}

async fn quick_app() -> TestApp {
    spawn_app_with(&[("CONCORD_WEBHOOK_RETRY_MS", "200")]).await
}

fn every_kind(url: &str) -> NewWebhook {
    NewWebhook {
        url: url.to_owned(),
        events: ChangeKind::ALL.to_vec(),
        enabled: true,
    }
}

#[tokio::test]
async fn a_delivery_is_signed_with_the_secret_shown_once_and_names_the_change() {
    let app = quick_app().await;
    let board = board(&app).await;
    let receiver = Receiver::start(&[]).await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let created = admin
        .create_webhook(&NewWebhook {
            url: receiver.url.clone(),
            events: vec![ChangeKind::Activity],
            enabled: true,
        })
        .await
        .expect("registered");
    assert!(created.secret.starts_with("whsec_"));
    let listed = serde_json::to_string(&admin.webhooks().await.expect("list")).expect("json");
    assert!(!listed.contains(&created.secret), "the secret is never shown again");

    let id = board
        .az_planner
        .create_activity(YEAR, &draft("Our own draft"))
        .await
        .expect("draft")
        .value
        .id;
    let got = receiver.wait_until("the draft's delivery", |g| !g.is_empty()).await;
    let first = &got[0];
    assert!(verifies(&created.secret, first), "{first:?}");
    assert!(!verifies("whsec_another", first), "a wrong secret does not verify");
    assert_eq!(first.event, "activity.create");
    let event = first.parsed();
    assert_eq!(event.kind, ChangeKind::Activity);
    assert_eq!(event.entity_id, Some(id.to_string()));
    assert_eq!(event.year, Some(YEAR));
    assert_eq!(event.party, Some(Party::Az));
    assert!(event.link.ends_with(&format!("/activities/{id}")), "{}", event.link);
    let body = String::from_utf8(first.body.clone()).expect("utf-8");
    assert!(!body.contains("Our own draft"), "a link, never the content: {body}");

    let log = admin
        .webhook_deliveries(created.webhook.id, 0, 50)
        .await
        .expect("deliveries");
    let delivered = log
        .items
        .iter()
        .find(|d| d.id.to_string() == first.delivery)
        .expect("the log has the delivery");
    assert_eq!(delivered.event_id, event.event_id);
    assert_eq!(delivered.last_status, Some(200));
}

#[tokio::test]
async fn a_500_is_retried_with_the_same_body_and_redelivery_sends_it_again() {
    let app = quick_app().await;
    let board = board(&app).await;
    let receiver = Receiver::start(&[500]).await;
    let admin = app.login_as(Party::Ge, Role::Administrator).await;
    let created = admin
        .create_webhook(&every_kind(&receiver.url))
        .await
        .expect("registered");
    shared(&board.ge_planner, "Shared by Georgia").await;

    let got = receiver.wait_until("a second attempt", first_retried).await;
    let attempts: Vec<&Received> = got.iter().filter(|r| r.delivery == got[0].delivery).collect();
    assert_eq!(attempts[0].body, attempts[1].body, "the same body, tried again");
    assert!(attempts.iter().all(|r| verifies(&created.secret, r)));

    let delivery: i64 = attempts[0].delivery.parse().expect("id");
    let mut logged = None;
    for _ in 0..100 {
        let page = admin.webhook_deliveries(created.webhook.id, 0, 50).await.expect("log");
        logged = page.items.into_iter().find(|d| d.id == delivery);
        if logged.as_ref().is_some_and(|d| d.status == DeliveryStatus::Delivered) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let logged = logged.expect("in the log");
    assert_eq!(
        (logged.status, logged.attempts, logged.last_status),
        (DeliveryStatus::Delivered, 2, Some(200))
    );

    admin
        .redeliver_webhook(created.webhook.id, delivery)
        .await
        .expect("redelivered");
    let got = receiver
        .wait_until("the redelivery", |g| {
            g.iter().filter(|r| r.delivery == attempts[0].delivery).count() >= 3
        })
        .await;
    let third = got
        .iter()
        .filter(|r| r.delivery == attempts[0].delivery)
        .nth(2)
        .expect("third");
    assert_eq!(third.parsed().event_id, attempts[0].parsed().event_id);
    assert!(verifies(&created.secret, third));
}

#[tokio::test]
async fn a_redirect_is_not_followed_but_recorded_and_retried() {
    let app = quick_app().await;
    let board = board(&app).await;
    let receiver = Receiver::start(&[302; 20]).await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let created = admin
        .create_webhook(&every_kind(&receiver.url))
        .await
        .expect("registered");
    shared(&board.az_planner, "Shared").await;
    let got = receiver.wait_until("the retry after the redirect", first_retried).await;
    assert_eq!(receiver.inbox.followed.load(Ordering::SeqCst), 0, "never followed");
    let log = admin.webhook_deliveries(created.webhook.id, 0, 50).await.expect("log");
    let first = log
        .items
        .iter()
        .find(|d| d.id.to_string() == got[0].delivery)
        .expect("logged");
    assert!(first.attempts >= 1);
    assert_eq!(first.last_status, Some(302));
    assert!(
        first.last_error.as_deref().is_some_and(|e| e.contains("redirect")),
        "{first:?}"
    );
    assert_eq!(first.status, DeliveryStatus::Pending, "tried again later");
}

#[tokio::test]
async fn a_georgian_webhook_never_carries_an_azerbaijani_draft_or_note() {
    let app = quick_app().await;
    let board = board(&app).await;
    let ge = Receiver::start(&[]).await;
    let az = Receiver::start(&[]).await;
    app.login_as(Party::Ge, Role::Administrator)
        .await
        .create_webhook(&every_kind(&ge.url))
        .await
        .expect("GE hook");
    app.login_as(Party::Az, Role::Administrator)
        .await
        .create_webhook(&every_kind(&az.url))
        .await
        .expect("AZ hook");

    let private = board
        .az_planner
        .create_activity(YEAR, &draft("Private draft"))
        .await
        .expect("draft")
        .value
        .id;
    board.az_planner.add_note(private, "Internal only").await.expect("note");
    let joint = shared(&board.az_planner, "Shared").await;

    // The shared activity comes after the draft and the note in the log, and
    // deliveries are queued in its order: once it has arrived, so would have
    // anything before it.
    let is_share = |r: &Received| r.event == "activity.share";
    let seen_by_ge = ge.wait_until("the joint share", |g| g.iter().any(is_share)).await;
    az.wait_until("the joint share", |g| g.iter().any(is_share)).await;
    let seen_by_az = az.got();

    let scope_of = |id: i64| {
        let db = app.state.db.clone();
        async move {
            audit_log::Entity::find_by_id(i32::try_from(id).expect("id"))
                .one(&db)
                .await
                .expect("query")
                .expect("entry")
                .scope
        }
    };
    for r in &seen_by_ge {
        let event = r.parsed();
        assert_ne!(
            scope_of(event.event_id).await,
            concord_shared::rules::Scope::Private(Party::Az),
            "GE got an AZ-private change: {event:?}"
        );
        assert_ne!(
            event.entity_id,
            Some(private.to_string()),
            "GE got the AZ draft: {event:?}"
        );
    }
    // The test can fail: the same changes do reach Azerbaijan's own webhook.
    let az_events: Vec<String> = seen_by_az.iter().map(|r| r.event.clone()).collect();
    assert!(
        seen_by_az
            .iter()
            .any(|r| r.parsed().entity_id == Some(private.to_string())),
        "{az_events:?}"
    );
    assert!(az_events.iter().any(|e| e == "activity.note"), "{az_events:?}");
    assert!(
        seen_by_ge
            .iter()
            .any(|r| r.parsed().entity_id == Some(joint.to_string()))
    );
}

#[tokio::test]
async fn only_administrators_manage_webhooks_and_another_partys_is_not_found() {
    let app = spawn_app().await;
    let az_admin = app.login_as(Party::Az, Role::Administrator).await;
    let created = az_admin
        .create_webhook(&NewWebhook {
            url: "https://integrator.example/hook".into(),
            events: vec![ChangeKind::Plan],
            enabled: false,
        })
        .await
        .expect("registered");
    let id = created.webhook.id;

    let coordinator = app.login_as(Party::Az, Role::Coordinator).await;
    assert_eq!(coordinator.webhooks().await.expect_err("not admin").status, 403);
    assert_eq!(
        coordinator
            .create_webhook(&every_kind("https://x.example/"))
            .await
            .expect_err("not admin")
            .status,
        403
    );
    assert_eq!(coordinator.webhook(id).await.expect_err("not admin").status, 403);

    let ge_admin = app.login_as(Party::Ge, Role::Administrator).await;
    assert!(ge_admin.webhooks().await.expect("GE list").is_empty());
    assert_eq!(ge_admin.webhook(id).await.expect_err("hidden").status, 404);
    assert_eq!(
        ge_admin
            .update_webhook(id, 1, &WebhookPatch::default())
            .await
            .expect_err("hidden")
            .status,
        404
    );
    assert_eq!(ge_admin.delete_webhook(id).await.expect_err("hidden").status, 404);
    assert_eq!(
        ge_admin.webhook_deliveries(id, 0, 10).await.expect_err("hidden").status,
        404
    );

    // The owner changes it with If-Match; a stale version is 412.
    let current = az_admin.webhook(id).await.expect("get");
    let patch = WebhookPatch {
        enabled: Some(true),
        events: Some(vec![ChangeKind::Plan, ChangeKind::Signature]),
        ..Default::default()
    };
    let changed = az_admin
        .update_webhook(id, current.version, &patch)
        .await
        .expect("patched");
    assert!(changed.value.enabled);
    assert_eq!(changed.value.events, vec![ChangeKind::Plan, ChangeKind::Signature]);
    assert_eq!(
        az_admin
            .update_webhook(id, current.version, &patch)
            .await
            .expect_err("stale")
            .status,
        412
    );
    az_admin.delete_webhook(id).await.expect("deleted");
    assert_eq!(az_admin.webhook(id).await.expect_err("gone").status, 404);
}

#[tokio::test]
async fn only_https_or_the_loopback_is_accepted() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Ge, Role::Administrator).await;
    for (url, code) in [
        ("http://integrator.example/hook", "insecure_url"),
        ("ftp://integrator.example/hook", "insecure_url"),
        ("http://127.0.0.1@integrator.example/", "invalid"),
        ("integrator.example/hook", "invalid"),
    ] {
        let err = admin.create_webhook(&every_kind(url)).await.expect_err(url);
        assert_eq!(err.status, 422, "{url}");
        assert_eq!(
            (err.errors[0].field.as_str(), err.errors[0].code.as_str()),
            ("url", code),
            "{url}"
        );
    }
    let err = admin
        .create_webhook(&NewWebhook {
            url: "https://integrator.example/hook".into(),
            events: vec![],
            enabled: true,
        })
        .await
        .expect_err("no kinds");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "events"));
    for url in [
        "https://integrator.example/hook",
        "http://localhost:9/hook",
        "http://[::1]:9/",
    ] {
        let mut new = every_kind(url);
        new.enabled = false;
        admin.create_webhook(&new).await.expect(url);
    }
}

#[tokio::test]
async fn a_delivery_is_given_up_24_hours_after_the_change_and_a_disabled_webhook_gets_nothing() {
    use concord_backend::entities::webhook::delivery;
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};

    let app = quick_app().await;
    let board = board(&app).await;
    let receiver = Receiver::start(&[500; 50]).await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let created = admin
        .create_webhook(&every_kind(&receiver.url))
        .await
        .expect("registered");
    shared(&board.az_planner, "Shared").await;
    let got = receiver.wait_until("a first attempt", |g| !g.is_empty()).await;
    let id: i32 = got[0].delivery.parse().expect("id");

    // The change is a day and an hour old: the next failure is the last.
    let row = delivery::Entity::find_by_id(id)
        .one(&app.state.db)
        .await
        .expect("query")
        .expect("row");
    let mut old = row.into_active_model();
    old.created_at = Set(chrono::Utc::now() - chrono::Duration::hours(25));
    old.next_attempt_at = Set(Some(chrono::Utc::now()));
    old.update(&app.state.db).await.expect("aged");
    let mut last = None;
    for _ in 0..100 {
        let page = admin.webhook_deliveries(created.webhook.id, 0, 50).await.expect("log");
        last = page.items.into_iter().find(|d| i64::from(id) == d.id);
        if last.as_ref().is_some_and(|d| d.status == DeliveryStatus::Failed) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let last = last.expect("logged");
    assert_eq!(
        (last.status, last.last_status, last.next_attempt_at),
        (DeliveryStatus::Failed, Some(500), None)
    );

    // Disabled: a new change queues nothing for it.
    let current = admin.webhook(created.webhook.id).await.expect("get");
    admin
        .update_webhook(
            created.webhook.id,
            current.version,
            &WebhookPatch {
                enabled: Some(false),
                ..Default::default()
            },
        )
        .await
        .expect("disabled");
    let before = admin
        .webhook_deliveries(created.webhook.id, 0, 200)
        .await
        .expect("log")
        .total;
    shared(&board.az_planner, "Shared while disabled").await;
    // Another webhook, enabled, shows when the change has been worked.
    let witness = Receiver::start(&[]).await;
    admin.create_webhook(&every_kind(&witness.url)).await.expect("witness");
    shared(&board.az_planner, "Seen by the witness").await;
    witness.wait_until("the witness's delivery", |g| !g.is_empty()).await;
    let after = admin
        .webhook_deliveries(created.webhook.id, 0, 200)
        .await
        .expect("log")
        .total;
    assert_eq!(before, after, "nothing queued while disabled");
}

#[tokio::test]
async fn the_database_holds_webhook_kinds_and_parties_to_their_closed_lists() {
    use sea_orm::ConnectionTrait;

    let app = spawn_app().await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let created = admin
        .create_webhook(&every_kind("https://integrator.example/hook"))
        .await
        .expect("registered");
    let id = created.webhook.id;
    let bad_kind = format!("INSERT INTO webhook_events (webhook_id, kind) VALUES ({id}, 'session')");
    assert!(
        app.state.db.execute_unprepared(&bad_kind).await.is_err(),
        "kind outside the list"
    );
    let bad_party = format!("UPDATE webhooks SET party = 'xx' WHERE id = {id}");
    assert!(
        app.state.db.execute_unprepared(&bad_party).await.is_err(),
        "party outside the list"
    );
}

#[tokio::test]
async fn the_openapi_document_describes_the_webhooks_and_the_body_they_deliver() {
    let app = spawn_app().await;
    let doc: serde_json::Value = app
        .http
        .get(format!("{}/api/v1/openapi.json", app.address))
        .send()
        .await
        .expect("doc")
        .json()
        .await
        .expect("json");
    let body = &doc["components"]["schemas"]["WebhookEvent"]["properties"];
    for field in ["event_id", "event", "kind", "entity_id", "year", "link", "at"] {
        assert!(body.get(field).is_some(), "WebhookEvent.{field}");
    }
    for path in [
        "/api/v1/webhooks",
        "/api/v1/webhooks/{id}",
        "/api/v1/webhooks/{id}/deliveries",
        "/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path}");
    }
}
