//! Webhooks for integrators (issue 15, part 3), derived from the audit log.
//!
//! A worker per process follows the log with its own durable cursor
//! ([`crate::tail`], row [`tail::WEBHOOKS`]) and queues, in the cursor's
//! transaction, one delivery per enabled webhook that subscribed to the
//! entry's kind and whose party may see it (`rules::webhooks::carries`, the
//! live stream's rule). The body is rendered when queued, so a redelivery
//! sends the same change. A sender works the outbox: it claims a due
//! delivery, POSTs it signed ([`send::signature`]) and records the answer;
//! a failure (no answer, a timeout, a status other than 2xx, a redirect,
//! which is never followed) is tried again after `CONCORD_WEBHOOK_RETRY_MS`,
//! doubled at each failure up to an hour, until 24 hours after the change.

pub mod send;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::Utc;
use concord_shared::ChangeKind;
use concord_shared::api::WebhookEvent;
use concord_shared::rules;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use tokio::sync::Notify;

use crate::entities::audit_log;
use crate::entities::webhook::{delivery, event, hook};
use crate::error::AppError;
use crate::events::Entry;
use crate::state::AppState;
use crate::tail;

/// Entries read per transaction.
const BATCH: u64 = 200;
/// Deliveries sent per round.
const ROUND: u64 = 20;
/// How long a change is tried.
pub const GIVE_UP_HOURS: i64 = 24;
/// How long a sender holds a claimed delivery beyond the timeout before another may try it.
const CLAIM_MARGIN_SECONDS: i64 = 60;

/// The enabled webhooks and the kinds each receives.
async fn enabled<C: sea_orm::ConnectionTrait>(conn: &C) -> Result<Vec<(hook::Model, Vec<ChangeKind>)>, AppError> {
    let hooks = hook::Entity::find()
        .filter(hook::Column::Enabled.eq(true))
        .order_by_asc(hook::Column::Id)
        .all(conn)
        .await?;
    let mut kinds: HashMap<i32, Vec<ChangeKind>> = HashMap::new();
    for row in event::Entity::find().all(conn).await? {
        if let Some(kind) = ChangeKind::from_code(&row.kind) {
            kinds.entry(row.webhook_id).or_default().push(kind);
        }
    }
    Ok(hooks
        .into_iter()
        .map(|h| {
            let k = kinds.remove(&h.id).unwrap_or_default();
            (h, k)
        })
        .collect())
}

/// The body of a delivery of `entry`: which change, never its content.
fn body(origin: &str, entry: &Entry, kind: ChangeKind) -> WebhookEvent {
    let change = &entry.change;
    WebhookEvent {
        event_id: change.id,
        event: change.action.clone(),
        kind,
        entity_id: change.entity_id.clone(),
        version: change.version,
        year: change.year,
        actor: change.actor.clone(),
        party: change.party,
        at: change.at,
        link: format!(
            "{}{}",
            origin.trim_end_matches('/'),
            rules::alerts::link(&change.entity_type, change.entity_id.as_deref())
        ),
    }
}

/// Queues the deliveries of the entries after the cursor, one batch per
/// transaction, until the log is read; returns how many were queued.
pub async fn derive(state: &AppState) -> Result<u64, AppError> {
    let mut made = 0;
    while let Some(claimed) = tail::claim(state, tail::WEBHOOKS, BATCH).await? {
        let mut hooks = None;
        for row in &claimed.entries {
            let id = row.id;
            let Some(entry) = Entry::from_row(row.clone()) else {
                continue;
            };
            let kind = entry.change.kind;
            if hooks.is_none() {
                hooks = Some(enabled(&*claimed.tx).await?);
            }
            for (hook, kinds) in hooks.iter().flatten() {
                if id <= hook.from_audit_id
                    || !kinds.contains(&kind)
                    || !rules::webhooks::carries(hook.party, entry.scope)
                {
                    continue;
                }
                let payload = serde_json::to_string(&body(&state.settings.public_origin, &entry, kind))
                    .map_err(|e| AppError::Internal(e.into()))?;
                queue(&*claimed.tx, hook.id, row, payload).await?;
                made += 1;
            }
        }
        let full = claimed.full;
        claimed.advance().await?;
        if !full {
            break;
        }
    }
    Ok(made)
}

async fn queue<C: sea_orm::ConnectionTrait>(
    conn: &C,
    webhook_id: i32,
    entry: &audit_log::Model,
    payload: String,
) -> Result<(), AppError> {
    let now = Utc::now();
    let row = delivery::ActiveModel {
        webhook_id: Set(webhook_id),
        audit_id: Set(entry.id),
        event: Set(entry.action.clone()),
        payload: Set(payload),
        attempts: Set(0),
        next_attempt_at: Set(Some(now)),
        delivered_at: Set(None),
        last_status: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        ..Default::default()
    };
    // The unique key (webhook, entry) is the last guard against a second run.
    delivery::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([delivery::Column::WebhookId, delivery::Column::AuditId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// Sends every due delivery once; returns how many an endpoint took (2xx).
pub async fn send_due(state: &AppState, tls: &Arc<rustls::ClientConfig>) -> Result<u64, AppError> {
    let now = Utc::now();
    let due = delivery::Entity::find()
        .filter(delivery::Column::NextAttemptAt.lte(now))
        .order_by_asc(delivery::Column::NextAttemptAt)
        .order_by_asc(delivery::Column::Id)
        .limit(ROUND)
        .all(&state.db)
        .await?;
    let timeout = state.settings.webhook_timeout;
    let hold =
        chrono::Duration::from_std(timeout).unwrap_or_default() + chrono::Duration::seconds(CLAIM_MARGIN_SECONDS);
    let mut sent = 0;
    for row in due {
        // Claim it, so that another process's sender leaves it alone.
        let tx = state.write().await?;
        let claimed = delivery::Entity::update_many()
            .col_expr(
                delivery::Column::NextAttemptAt,
                sea_orm::sea_query::Expr::value(Some(Utc::now() + hold)),
            )
            .filter(delivery::Column::Id.eq(row.id))
            .filter(delivery::Column::NextAttemptAt.eq(row.next_attempt_at))
            .exec(&*tx)
            .await?;
        let hook = hook::Entity::find_by_id(row.webhook_id).one(&*tx).await?;
        tx.commit().await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let outcome = match &hook {
            Some(h) if h.enabled => {
                let unix = Utc::now().timestamp();
                let headers = [
                    ("x-concord-event", row.event.clone()),
                    ("x-concord-delivery", row.id.to_string()),
                    (
                        "x-concord-signature",
                        send::signature(&h.secret, unix, row.payload.as_bytes()),
                    ),
                ];
                send::post(tls, &h.url, &headers, row.payload.clone().into_bytes(), timeout).await
            }
            _ => Err("the webhook is disabled".to_owned()),
        };
        if record(state, row, outcome).await? {
            sent += 1;
        }
    }
    Ok(sent)
}

/// Writes an attempt's outcome; true when it was delivered.
async fn record(state: &AppState, row: delivery::Model, outcome: send::Outcome) -> Result<bool, AppError> {
    let now = Utc::now();
    let attempts = row.attempts + 1;
    let created = row.created_at;
    let mut active: delivery::ActiveModel = row.into();
    active.attempts = Set(attempts);
    let delivered = matches!(outcome, Ok(status) if (200..300).contains(&status));
    match outcome {
        Ok(status) => {
            active.last_status = Set(Some(i32::from(status)));
            active.last_error = Set(match status {
                200..=299 => None,
                300..=399 => Some(format!("answered {status}: a redirect, not followed")),
                _ => Some(format!("answered {status}")),
            });
        }
        Err(error) => {
            active.last_status = Set(None);
            active.last_error = Set(Some(error.chars().take(500).collect()));
        }
    }
    if delivered {
        active.delivered_at = Set(Some(now));
        active.next_attempt_at = Set(None);
    } else {
        let next = now + crate::mail::backoff(state.settings.webhook_retry, attempts);
        let give_up = created + chrono::Duration::hours(GIVE_UP_HOURS);
        active.next_attempt_at = Set((next <= give_up).then_some(next));
    }
    let tx = state.write().await?;
    active.update(&*tx).await?;
    tx.commit().await?;
    Ok(delivered)
}

/// The sender: works the outbox until the server stops, woken by the
/// worker when it queued something and at least every tick.
pub async fn deliver(state: AppState, queued: Arc<Notify>) {
    let tls = match send::tls() {
        Ok(t) => t,
        Err(error) => {
            tracing::error!(%error, "no TLS for webhooks; deliveries stay in the outbox");
            return;
        }
    };
    let mut closing = state.events.closing();
    let tick = state
        .settings
        .live_poll
        .min(state.settings.webhook_retry)
        .min(std::time::Duration::from_secs(5));
    loop {
        if *closing.borrow_and_update() {
            return;
        }
        if let Err(error) = send_due(&state, &tls).await {
            tracing::warn!(%error, "working the webhook outbox");
        }
        tokio::select! {
            () = queued.notified() => {}
            () = tokio::time::sleep(tick) => {}
            _ = closing.changed() => return,
        }
    }
}

/// Starts the webhook worker and sender; they end when the hub closes.
pub fn spawn(state: &AppState) -> Vec<tokio::task::JoinHandle<()>> {
    let queued = Arc::new(Notify::new());
    let wake = Arc::clone(&queued);
    vec![
        tokio::spawn(tail::follow(state.clone(), "queueing webhook deliveries", move |s| {
            let wake = Arc::clone(&wake);
            async move {
                let made = derive(&s).await?;
                if made > 0 {
                    wake.notify_one();
                }
                Ok(made)
            }
        })),
        tokio::spawn(deliver(state.clone(), queued)),
    ]
}
