//! Party isolation as a table: every API operation × party × role (and no
//! one signed in), with the expected status in each cell. The operations are
//! read from the OpenAPI document; an operation without a row fails the test.
//!
//! The resources acted on by id belong to Azerbaijan: its administrators may
//! act (2xx), its other roles may know they exist but lack the role (403),
//! and no Georgian user may learn they exist (404).

use std::collections::BTreeSet;

use concord_backend::entities::{activity, alert, competent_authority, plan, session, user, webhook};
use concord_shared::api::{NewToken, NewWebhook};
use concord_shared::{ChangeKind, Party, Role};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, spawn_app};

/// Who calls.
#[derive(Debug, Clone, Copy)]
enum Who {
    Anonymous,
    User(Party, Role),
}

/// What an operation allows.
#[derive(Clone, Copy)]
enum Rule {
    /// On an Azerbaijani draft (private): AZ users with at least the role get
    /// the status, AZ users below it 403, every Georgian user 404.
    AzPrivate(Role, u16),
    /// Any other rule, by party and role.
    Custom(fn(Party, Role) -> u16),
    /// Everyone, signed in or not, gets this status.
    Everyone(u16),
    /// Every signed-in user gets this status; no one else.
    AnyUser(u16),
    /// Administrators of either party, on their own party; others 403.
    Administrators(u16),
    /// On an Azerbaijani resource: AZ administrators get this status, other
    /// AZ roles 403, every Georgian user 404.
    AzOwned(u16),
}

fn expected(rule: Rule, who: Who) -> u16 {
    match (rule, who) {
        (Rule::Everyone(status), _) => status,
        (_, Who::Anonymous) => 401,
        (Rule::AnyUser(status), Who::User(..)) => status,
        (Rule::Administrators(status), Who::User(_, role)) => {
            if role == Role::Administrator {
                status
            } else {
                403
            }
        }
        (Rule::AzOwned(status), Who::User(party, role)) => {
            expected(Rule::AzPrivate(Role::Administrator, status), Who::User(party, role))
        }
        (Rule::AzPrivate(least, status), Who::User(party, role)) => match party {
            Party::Ge => 404,
            Party::Az if role >= least => status,
            Party::Az => 403,
        },
        (Rule::Custom(rule), Who::User(party, role)) => rule(party, role),
    }
}

/// One row per operation of the OpenAPI document.
const TABLE: &[(&str, &str, Rule)] = &[
    ("get", "/api/v1/health", Rule::Everyone(200)),
    ("get", "/api/v1/ready", Rule::Everyone(200)),
    ("get", "/api/v1/reference", Rule::AnyUser(200)),
    ("post", "/api/v1/auth/login", Rule::Everyone(401)),
    ("post", "/api/v1/auth/logout", Rule::AnyUser(204)),
    ("get", "/api/v1/me", Rule::AnyUser(200)),
    ("post", "/api/v1/me/password", Rule::AnyUser(422)),
    ("put", "/api/v1/me/language", Rule::AnyUser(200)),
    ("get", "/api/v1/me/sessions", Rule::AnyUser(200)),
    ("delete", "/api/v1/me/sessions/{id}", Rule::AnyUser(404)),
    ("get", "/api/v1/users", Rule::Administrators(200)),
    ("post", "/api/v1/users", Rule::Administrators(201)),
    ("get", "/api/v1/users/{id}", Rule::AzOwned(200)),
    ("patch", "/api/v1/users/{id}", Rule::AzOwned(200)),
    ("post", "/api/v1/users/{id}/password", Rule::AzOwned(204)),
    ("get", "/api/v1/tokens", Rule::Administrators(200)),
    ("post", "/api/v1/tokens", Rule::Administrators(201)),
    ("delete", "/api/v1/tokens/{id}", Rule::AzOwned(204)),
    ("get", "/api/v1/webhooks", Rule::Administrators(200)),
    ("post", "/api/v1/webhooks", Rule::Administrators(201)),
    ("get", "/api/v1/webhooks/{id}", Rule::AzOwned(200)),
    ("patch", "/api/v1/webhooks/{id}", Rule::AzOwned(200)),
    ("delete", "/api/v1/webhooks/{id}", Rule::AzOwned(204)),
    ("get", "/api/v1/webhooks/{id}/deliveries", Rule::AzOwned(200)),
    (
        "post",
        "/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver",
        Rule::AzOwned(202),
    ),
    ("get", "/api/v1/audit", Rule::Administrators(200)),
    // What a stream carries to whom: tests/api/events.rs.
    ("get", "/api/v1/events", Rule::AnyUser(200)),
    // Alerts are the caller's own; the one acted on by id is the AZ target
    // user's, so nobody else may learn of it. What alerts carry to whom:
    // tests/api/alerts.rs and tests/api/mail.rs.
    ("get", "/api/v1/alerts", Rule::AnyUser(200)),
    ("get", "/api/v1/alerts/unread", Rule::AnyUser(200)),
    ("post", "/api/v1/alerts/{id}/read", Rule::AnyUser(404)),
    ("post", "/api/v1/alerts/read", Rule::AnyUser(200)),
    ("get", "/api/v1/me/alert-preferences", Rule::AnyUser(200)),
    ("put", "/api/v1/me/alert-preferences", Rule::AnyUser(200)),
    // The caller's own work queue: what it holds for whom, tests/api/inbox.rs.
    ("get", "/api/v1/inbox", Rule::AnyUser(200)),
    ("get", "/api/v1/inbox/count", Rule::AnyUser(200)),
    ("get", "/api/v1/plans", Rule::AnyUser(200)),
    (
        "post",
        "/api/v1/plans",
        Rule::Custom(|_, role| if role >= Role::Coordinator { 201 } else { 403 }),
    ),
    ("get", "/api/v1/plans/{year}", Rule::AnyUser(200)),
    // Withdrawing a proposal that does not exist: 409 once past the policy.
    (
        "post",
        "/api/v1/plans/{year}/transitions",
        Rule::Custom(|_, role| if role >= Role::Coordinator { 409 } else { 403 }),
    ),
    // The fixture plan is in drafting: past the policy, coordinators hear 409.
    (
        "post",
        "/api/v1/plans/{year}/signatures",
        Rule::Custom(|_, role| if role >= Role::Coordinator { 409 } else { 403 }),
    ),
    (
        "post",
        "/api/v1/plans/{year}/amendments",
        Rule::Custom(|_, role| if role >= Role::Coordinator { 409 } else { 403 }),
    ),
    ("get", "/api/v1/plans/{year}/versions", Rule::AnyUser(200)),
    ("get", "/api/v1/plans/{year}/versions/{number}", Rule::AnyUser(404)),
    ("get", "/api/v1/plans/{year}/versions/compare", Rule::AnyUser(404)),
    // Not signed yet: 409 once past the policy.
    ("get", "/api/v1/plans/{year}/report", Rule::AnyUser(409)),
    ("get", "/api/v1/plans/{year}/document.pdf", Rule::AnyUser(200)),
    (
        "get",
        "/api/v1/plans/{year}/versions/{number}/document.pdf",
        Rule::AnyUser(404),
    ),
    ("get", "/api/v1/plans/{year}/report.pdf", Rule::AnyUser(409)),
    ("get", "/api/v1/plans/{year}/activities.csv", Rule::AnyUser(200)),
    ("get", "/api/v1/plans/{year}/activities.xlsx", Rule::AnyUser(200)),
    ("get", "/api/v1/plans/{year}/import/template.xlsx", Rule::AnyUser(200)),
    // No file sent (the table's JSON body, read as CSV text without the
    // template's columns): planners hear 422, the others may not draft.
    (
        "post",
        "/api/v1/plans/{year}/import/preview",
        Rule::Custom(|_, role| if role >= Role::Planner { 422 } else { 403 }),
    ),
    (
        "post",
        "/api/v1/plans/{year}/import",
        Rule::Custom(|_, role| if role >= Role::Planner { 422 } else { 403 }),
    ),
    (
        "post",
        "/api/v1/plans/{year}/carry-over",
        Rule::Custom(|_, role| if role >= Role::Planner { 409 } else { 403 }),
    ),
    ("get", "/api/v1/plans/{year}/activities", Rule::AnyUser(200)),
    (
        "post",
        "/api/v1/plans/{year}/activities",
        Rule::Custom(|_, role| if role >= Role::Planner { 201 } else { 403 }),
    ),
    ("get", "/api/v1/plans/{year}/activities/counts", Rule::AnyUser(200)),
    ("get", "/api/v1/plans/{year}/activities/cards", Rule::AnyUser(200)),
    // Accepting the shared AZ activity in bulk: coordinators of both parties
    // are answered per activity (200); the others may not consent at all.
    (
        "post",
        "/api/v1/plans/{year}/activities/bulk",
        Rule::Custom(|_, role| if role >= Role::Coordinator { 200 } else { 403 }),
    ),
    ("get", "/api/v1/activities/{id}", Rule::AzPrivate(Role::Viewer, 200)),
    ("patch", "/api/v1/activities/{id}", Rule::AzPrivate(Role::Planner, 200)),
    ("delete", "/api/v1/activities/{id}", Rule::AzPrivate(Role::Planner, 204)),
    (
        "post",
        "/api/v1/activities/{id}/share",
        Rule::AzPrivate(Role::Planner, 200),
    ),
    // On a shared AZ activity: Georgia sees it but may not withdraw it.
    (
        "post",
        "/api/v1/activities/{id}/withdraw",
        Rule::Custom(|party, role| {
            if party == Party::Az && role >= Role::Planner {
                200
            } else {
                403
            }
        }),
    ),
    // On a shared AZ activity: each party's coordinators decide for their party.
    (
        "post",
        "/api/v1/activities/{id}/consent",
        Rule::Custom(|_, role| if role >= Role::Coordinator { 200 } else { 403 }),
    ),
    // On the AZ draft: its plan is not signed, so 409 for the host party's planners.
    (
        "post",
        "/api/v1/activities/{id}/execution",
        Rule::AzPrivate(Role::Planner, 409),
    ),
    // The AZ draft is not held: 409 for AZ planners.
    (
        "put",
        "/api/v1/activities/{id}/summary",
        Rule::AzPrivate(Role::Planner, 409),
    ),
    // The AZ draft's Azerbaijani text: AZ's planners write it.
    (
        "put",
        "/api/v1/activities/{id}/texts/{lang}",
        Rule::AzPrivate(Role::Planner, 200),
    ),
    // The AZ draft's English original is up to date: nothing to confirm.
    (
        "post",
        "/api/v1/activities/{id}/texts/{lang}/confirm",
        Rule::AzPrivate(Role::Planner, 409),
    ),
    (
        "get",
        "/api/v1/activities/{id}/history",
        Rule::AzPrivate(Role::Viewer, 200),
    ),
    (
        "get",
        "/api/v1/activities/{id}/comments",
        Rule::AzPrivate(Role::Viewer, 200),
    ),
    (
        "post",
        "/api/v1/activities/{id}/comments",
        Rule::AzPrivate(Role::Planner, 201),
    ),
    (
        "get",
        "/api/v1/activities/{id}/notes",
        Rule::AzPrivate(Role::Viewer, 200),
    ),
    (
        "post",
        "/api/v1/activities/{id}/notes",
        Rule::AzPrivate(Role::Planner, 201),
    ),
    ("get", "/api/v1/instruments", Rule::AnyUser(200)),
    ("get", "/api/v1/instruments.csv", Rule::AnyUser(200)),
    ("get", "/api/v1/instruments.xlsx", Rule::AnyUser(200)),
    (
        "post",
        "/api/v1/instruments",
        Rule::Custom(|_, role| if role >= Role::Coordinator { 201 } else { 403 }),
    ),
    ("get", "/api/v1/instruments/{id}", Rule::AnyUser(200)),
    (
        "put",
        "/api/v1/instruments/{id}",
        Rule::Custom(|_, role| if role >= Role::Coordinator { 200 } else { 403 }),
    ),
    ("get", "/api/v1/authorities", Rule::AnyUser(200)),
    (
        "post",
        "/api/v1/authorities",
        Rule::Custom(|_, role| if role >= Role::Coordinator { 201 } else { 403 }),
    ),
    // On a pending AZ change: Azerbaijan's alone until notified.
    ("get", "/api/v1/authorities/{id}", Rule::AzPrivate(Role::Viewer, 200)),
    (
        "put",
        "/api/v1/authorities/{id}",
        Rule::AzPrivate(Role::Coordinator, 200),
    ),
    (
        "delete",
        "/api/v1/authorities/{id}",
        Rule::AzPrivate(Role::Coordinator, 204),
    ),
    ("get", "/api/v1/notifications", Rule::AnyUser(200)),
    // Each user's own calendar feeds: another's id is 404 to all.
    ("get", "/api/v1/calendar-feeds", Rule::AnyUser(200)),
    ("post", "/api/v1/calendar-feeds", Rule::AnyUser(201)),
    ("delete", "/api/v1/calendar-feeds/{id}", Rule::AnyUser(404)),
    // No session: the secret authenticates; an unknown one is 404 to all.
    ("get", "/api/v1/feeds/{file}", Rule::Everyone(404)),
    ("get", "/api/v1/notifications.csv", Rule::AnyUser(200)),
    ("get", "/api/v1/notifications.xlsx", Rule::AnyUser(200)),
    (
        "post",
        "/api/v1/notifications",
        Rule::Custom(|_, role| if role >= Role::Coordinator { 201 } else { 403 }),
    ),
    ("get", "/api/v1/notifications/{id}", Rule::AnyUser(200)),
    (
        "put",
        "/api/v1/notifications/{id}/receipt",
        // The fixture note was sent by Azerbaijan: Georgia, which received
        // it, records receipt; the sender may not.
        Rule::Custom(|party, role| {
            if party == Party::Ge && role >= Role::Coordinator {
                200
            } else {
                403
            }
        }),
    ),
    // On the AZ draft activity and a document attached to it.
    ("get", "/api/v1/documents", Rule::AzPrivate(Role::Viewer, 200)),
    ("post", "/api/v1/documents", Rule::AzPrivate(Role::Planner, 201)),
    ("get", "/api/v1/documents/{id}", Rule::AzPrivate(Role::Viewer, 200)),
    (
        "get",
        "/api/v1/documents/{id}/content",
        Rule::AzPrivate(Role::Viewer, 200),
    ),
];

const YEAR: i32 = 2027;

/// The Azerbaijani resources the table acts on.
struct Fixture {
    /// An AZ user who is never a caller.
    target_user: i64,
    /// An AZ token.
    token: String,
    /// A session of the target user.
    target_session: String,
    /// An AZ planner, who makes fresh drafts and shared activities.
    az_planner: concord_client::Client,
    /// An AZ draft.
    draft: i64,
    /// A shared AZ activity.
    shared: i64,
    /// A protocol in the instruments register.
    instrument: i64,
    /// An AZ coordinator, who makes fresh pending authority changes.
    az_coord: concord_client::Client,
    /// A pending change of Azerbaijan's competent authority.
    authority: i64,
    /// A notification sent by Azerbaijan.
    notification: i64,
    /// A document attached to the AZ draft.
    document: i64,
    /// An alert of the AZ target user.
    alert: i64,
    /// The AZ administrator, who makes fresh webhooks.
    az_admin: concord_client::Client,
    /// An AZ webhook (disabled: nothing is sent).
    webhook: i64,
    /// A delivery of it.
    delivery: i64,
}

async fn fixture(app: &TestApp) -> Fixture {
    let target = app.named_user("az.target", Party::Az, Role::Viewer).await;
    app.login_named("az.target").await;
    let session = session::Entity::find()
        .filter(session::Column::UserId.eq(i32::try_from(target.id).expect("id")))
        .one(&app.state.db)
        .await
        .expect("query")
        .expect("the target's session");
    let admin = app.login_named("az.fixture-admin").await;
    let token = admin
        .create_token(&NewToken {
            name: "fixture".into(),
            role: Role::Viewer,
            expires_at: None,
        })
        .await
        .expect("token");
    app.login_as(Party::Az, Role::Coordinator)
        .await
        .create_plan(YEAR)
        .await
        .expect("plan");
    let az_planner = app.login_as(Party::Az, Role::Planner).await;
    let draft = az_planner
        .create_activity(YEAR, &crate::helpers::draft("Private draft"))
        .await
        .expect("draft")
        .value
        .id;
    let shared = crate::helpers::shared(&az_planner, "Shared activity").await;
    let az_coord = app.login_as(Party::Az, Role::Coordinator).await;
    let instrument = az_coord
        .create_instrument(&crate::instruments::protocol("Fixture protocol"))
        .await
        .expect("instrument")
        .value
        .id;
    let authority = az_coord
        .propose_authority(&crate::authorities::change())
        .await
        .expect("pending change")
        .value
        .id;
    let notification = az_coord
        .record_notification(&crate::authorities::note("AZ-1"))
        .await
        .expect("notification")
        .value
        .id;
    let document = az_planner
        .upload_document(
            concord_shared::api::DocumentOwner::Activity,
            draft,
            "programme.pdf",
            "application/pdf",
            crate::documents::pdf(),
        )
        .await
        .expect("document")
        .id;
    let alert = alert::row::ActiveModel {
        id: Set(1_000_000),
        user_id: Set(i32::try_from(target.id).expect("id")),
        audit_id: Set(1),
        kind: Set(concord_shared::AlertKind::Mention),
        action: Set("activity.comment".into()),
        entity_type: Set("activity".into()),
        entity_id: Set(Some(shared.to_string())),
        actor_label: Set("AZ planner".into()),
        actor_party: Set(Some(Party::Az)),
        created_at: Set(chrono::Utc::now()),
        read_at: Set(None),
        mail: Set(concord_shared::AlertDelivery::App),
        mailed_at: Set(None),
    }
    .insert(&app.state.db)
    .await
    .expect("an alert of the target")
    .id;
    let webhook = admin
        .create_webhook(&disabled_webhook())
        .await
        .expect("webhook")
        .webhook
        .id;
    let delivery = webhook::delivery::ActiveModel {
        webhook_id: Set(i32::try_from(webhook).expect("id")),
        audit_id: Set(1),
        event: Set("activity.share".into()),
        payload: Set("{}".into()),
        attempts: Set(1),
        next_attempt_at: Set(None),
        delivered_at: Set(None),
        last_status: Set(Some(500)),
        last_error: Set(Some("answered 500".into())),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("a delivery")
    .id;
    Fixture {
        az_admin: admin,
        webhook,
        delivery: i64::from(delivery),
        alert: i64::from(alert),
        target_user: target.id,
        token: token.info.id,
        target_session: session.public_id,
        az_planner,
        draft,
        shared,
        instrument,
        az_coord,
        authority,
        notification,
        document,
    }
}

/// A webhook to the loopback's discard port that sends nothing.
fn disabled_webhook() -> NewWebhook {
    NewWebhook {
        url: "http://127.0.0.1:9/hook".into(),
        events: vec![ChangeKind::Activity],
        enabled: false,
    }
}

/// A plain HTTP client with its own cookie jar, signed in when `who` is a user.
async fn caller(app: &TestApp, who: Who) -> reqwest::Client {
    let http = reqwest::Client::builder().cookie_store(true).build().expect("client");
    if let Who::User(party, role) = who {
        let user = app.user(party, role).await;
        let status = http
            .post(format!("{}/api/v1/auth/login", app.address))
            .header("x-concord-csrf", "1")
            .header("origin", &app.address)
            .json(&json!({"username": user.username, "password": PASSWORD}))
            .send()
            .await
            .expect("login")
            .status();
        assert_eq!(status, 200, "signing in as {who:?}");
    }
    http
}

async fn call(app: &TestApp, http: &reqwest::Client, method: &str, template: &str, fx: &Fixture, n: usize) -> u16 {
    // Operations that change an activity for good get a fresh one per cell.
    let fresh_draft = || async {
        fx.az_planner
            .create_activity(YEAR, &crate::helpers::draft("Fresh draft"))
            .await
            .expect("draft")
            .value
            .id
    };
    let id = match (method, template) {
        (_, "/api/v1/me/sessions/{id}") => fx.target_session.clone(),
        (_, "/api/v1/tokens/{id}") => fx.token.clone(),
        (_, "/api/v1/alerts/{id}/read") => fx.alert.to_string(),
        ("delete", "/api/v1/webhooks/{id}") => fx
            .az_admin
            .create_webhook(&disabled_webhook())
            .await
            .expect("fresh webhook")
            .webhook
            .id
            .to_string(),
        (_, t) if t.starts_with("/api/v1/webhooks/") => fx.webhook.to_string(),
        ("delete", "/api/v1/activities/{id}") | (_, "/api/v1/activities/{id}/share") => fresh_draft().await.to_string(),
        (_, "/api/v1/activities/{id}/withdraw") => {
            crate::helpers::shared(&fx.az_planner, "To withdraw").await.to_string()
        }
        (_, "/api/v1/activities/{id}/consent") => fx.shared.to_string(),
        (_, t) if t.starts_with("/api/v1/activities/") => fx.draft.to_string(),
        (_, t) if t.starts_with("/api/v1/instruments/") => fx.instrument.to_string(),
        ("delete", "/api/v1/authorities/{id}") => fx
            .az_coord
            .propose_authority(&crate::authorities::change())
            .await
            .expect("fresh pending change")
            .value
            .id
            .to_string(),
        (_, t) if t.starts_with("/api/v1/authorities/") => fx.authority.to_string(),
        (_, t) if t.starts_with("/api/v1/notifications/") => fx.notification.to_string(),
        (_, t) if t.starts_with("/api/v1/documents/") => fx.document.to_string(),
        _ => fx.target_user.to_string(),
    };
    let mut path = template
        .replace("{id}", &id)
        .replace("{year}", &YEAR.to_string())
        .replace("{number}", "1")
        .replace("{file}", "concordcal_unknown.ics")
        .replace("{delivery}", &fx.delivery.to_string())
        .replace("{lang}", if method == "put" { "az" } else { "en" });
    if template.ends_with("/compare") {
        path.push_str("?from=1&to=2");
    }
    if template == "/api/v1/documents" {
        path.push_str(&format!("?owner=activity&owner_id={}", fx.draft));
        if method == "post" {
            path.push_str("&filename=a.pdf");
        }
    }
    let body: Option<Value> = match (method, template) {
        ("post", "/api/v1/auth/login") => Some(json!({"username": format!("nobody{n}"), "password": "wrong password"})),
        ("post", "/api/v1/me/password") => {
            Some(json!({"current_password": "not it at all", "new_password": "long enough new one"}))
        }
        ("post", "/api/v1/users") => Some(json!({
            "username": format!("new.user{n}"), "display_name": "New", "position": "", "role": "viewer",
            "password": "long enough password"
        })),
        ("patch", "/api/v1/activities/{id}") => Some(json!({"location": format!("Place {n}")})),
        ("patch", "/api/v1/webhooks/{id}") => Some(json!({"url": format!("http://127.0.0.1:9/hook{n}")})),
        ("post", "/api/v1/webhooks") => Some(serde_json::to_value(disabled_webhook()).expect("json")),
        ("patch", _) => Some(json!({"position": format!("Position {n}")})),
        ("post", "/api/v1/users/{id}/password") => Some(json!({"new_password": "another long password"})),
        ("post", "/api/v1/tokens") => Some(json!({"name": format!("token {n}"), "role": "viewer"})),
        ("post", "/api/v1/calendar-feeds") => Some(json!({"name": format!("feed {n}")})),
        ("post", "/api/v1/plans") => Some(json!({"year": 2030 + i32::try_from(n % 60).expect("small")})),
        ("post", "/api/v1/plans/{year}/transitions") => Some(json!({"action": "withdraw"})),
        ("post", "/api/v1/plans/{year}/signatures") => Some(
            json!({"signatory": "Minister", "position": "Minister of Defence", "signed_on": "2026-01-10", "place": "Baku"}),
        ),
        ("post", "/api/v1/plans/{year}/activities") => {
            Some(serde_json::to_value(crate::helpers::draft("New")).expect("json"))
        }
        ("post", "/api/v1/instruments") | ("put", "/api/v1/instruments/{id}") => {
            Some(serde_json::to_value(crate::instruments::protocol(&format!("Protocol {n}"))).expect("json"))
        }
        ("post", "/api/v1/authorities") | ("put", "/api/v1/authorities/{id}") => {
            Some(serde_json::to_value(crate::authorities::change()).expect("json"))
        }
        ("post", "/api/v1/notifications") => {
            Some(serde_json::to_value(crate::authorities::note(&format!("AZ-{n}"))).expect("json"))
        }
        ("put", "/api/v1/me/alert-preferences") => Some(json!({"email": null, "language": "az", "kinds": []})),
        ("put", "/api/v1/me/language") => Some(json!({"language": "ka"})),
        ("put", "/api/v1/notifications/{id}/receipt") => Some(json!({"acknowledgement": format!("Ack {n}")})),
        ("post", "/api/v1/activities/{id}/consent") => Some(json!({"decision": "accept"})),
        ("post", "/api/v1/activities/{id}/execution") => Some(json!({"status": "confirmed"})),
        ("put", "/api/v1/activities/{id}/summary") => Some(json!({"summary": "Went well"})),
        ("post", "/api/v1/plans/{year}/carry-over") => Some(json!({"activities": [1]})),
        ("post", "/api/v1/plans/{year}/activities/bulk") => {
            Some(json!({"action": "accept", "items": [{"id": fx.shared, "version": 1}]}))
        }
        ("put", "/api/v1/activities/{id}/texts/{lang}") => Some(json!({"title": format!("Mətn {n}")})),
        ("post", "/api/v1/activities/{id}/comments" | "/api/v1/activities/{id}/notes") => {
            Some(json!({"body": "A remark"}))
        }
        _ => None,
    };
    let mut req = http
        .request(
            method.to_uppercase().parse().expect("method"),
            format!("{}{path}", app.address),
        )
        .header("x-concord-csrf", "1")
        .header("origin", &app.address);
    if template.contains("/texts/") {
        // A text's own version; `*` writes whatever is current.
        req = req.header("if-match", "*");
    } else if template.starts_with("/api/v1/activities/{id}")
        && method != "get"
        && !template.ends_with("comments")
        && !template.ends_with("notes")
    {
        let row = activity::Entity::find()
            .filter(activity::Column::PublicId.eq(id.parse::<i64>().expect("id")))
            .one(&app.state.db)
            .await
            .expect("query")
            .expect("activity");
        req = req.header("if-match", format!("\"{}\"", row.version));
    } else if template.starts_with("/api/v1/plans/{year}/") && method == "post" && !template.ends_with("/activities") {
        let row = plan::Entity::find()
            .filter(plan::Column::Year.eq(YEAR))
            .one(&app.state.db)
            .await
            .expect("query")
            .expect("plan");
        req = req.header("if-match", format!("\"{}\"", row.version));
    } else if template.starts_with("/api/v1/instruments/{id}") && method == "put" {
        // The wire's version: the instrument's rows' together.
        let row = concord_backend::models::instruments::load(&app.state.db, fx.instrument)
            .await
            .expect("instrument");
        let version = concord_backend::models::instruments::view(&row).version;
        req = req.header("if-match", format!("\"{version}\""));
    } else if template.starts_with("/api/v1/authorities/{id}") && method != "get" {
        let row = competent_authority::Entity::find()
            .filter(competent_authority::Column::PublicId.eq(id.parse::<i64>().expect("id")))
            .one(&app.state.db)
            .await
            .expect("query")
            .expect("authority");
        req = req.header("if-match", format!("\"{}\"", row.version));
    } else if template.starts_with("/api/v1/notifications/{id}") && method == "put" {
        // The wire's version: the note's and its receipt's together.
        let row = concord_backend::models::notifications::load(&app.state.db, fx.notification)
            .await
            .expect("notification");
        let version = concord_backend::models::notifications::view(&row).version;
        req = req.header("if-match", format!("\"{version}\""));
    } else if template == "/api/v1/webhooks/{id}" && method == "patch" {
        let row = webhook::hook::Entity::find_by_id(i32::try_from(fx.webhook).expect("id"))
            .one(&app.state.db)
            .await
            .expect("query")
            .expect("webhook");
        req = req.header("if-match", format!("\"{}\"", row.version));
    } else if method == "patch" {
        let row = user::Entity::find_by_id(i32::try_from(fx.target_user).expect("id"))
            .one(&app.state.db)
            .await
            .expect("query")
            .expect("target");
        req = req.header("if-match", format!("\"{}\"", row.version));
    }
    if let Some(body) = body {
        req = req.json(&body);
    } else if template == "/api/v1/documents" && method == "post" {
        req = req
            .header("content-type", "application/pdf")
            .body(crate::documents::pdf());
    }
    req.send().await.expect("sent").status().as_u16()
}

#[tokio::test]
async fn every_operation_answers_each_party_and_role_as_the_policy_says() {
    let app = spawn_app().await;
    app.named_user("az.fixture-admin", Party::Az, Role::Administrator).await;
    let fx = fixture(&app).await;

    // Every documented operation has a row, and every row is documented.
    let doc: Value = app
        .http
        .get(format!("{}/api/v1/openapi.json", app.address))
        .send()
        .await
        .expect("doc")
        .json()
        .await
        .expect("json");
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .expect("item")
                .keys()
                .map(move |m| (m.clone(), path.clone()))
        })
        .collect();
    let tabled: BTreeSet<(String, String)> = TABLE
        .iter()
        .map(|(m, p, _)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(
        documented, tabled,
        "the isolation table must cover exactly the documented operations"
    );

    let mut whos = vec![Who::Anonymous];
    for party in Party::ALL {
        for role in Role::ALL {
            whos.push(Who::User(*party, *role));
        }
    }
    let mut failures = Vec::new();
    let mut n = 0;
    for (method, template, rule) in TABLE {
        for who in &whos {
            n += 1;
            let http = caller(&app, *who).await;
            let got = call(&app, &http, method, template, &fx, n).await;
            let want = expected(*rule, *who);
            if got != want {
                failures.push(format!("{method} {template} as {who:?}: got {got}, want {want}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} cells differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn lists_never_contain_the_other_partys_users_tokens_sessions_or_history() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Administrator).await;
    let ge = app.login_as(Party::Ge, Role::Administrator).await;
    app.user(Party::Az, Role::Planner).await;
    az.create_token(&NewToken {
        name: "az feed".into(),
        role: Role::Viewer,
        expires_at: None,
    })
    .await
    .expect("token");

    let users = ge.users().await.expect("users");
    assert!(!users.is_empty());
    assert!(users.iter().all(|u| u.party == Party::Ge));
    assert!(ge.tokens().await.expect("tokens").is_empty());
    assert!(ge.sessions().await.expect("sessions").iter().all(|s| s.current));
    let history = serde_json::to_string(&ge.audit(0, 200).await.expect("audit")).expect("json");
    assert!(
        !history.contains("az feed") && !history.contains("az.planner"),
        "{history}"
    );
}
