//! Webhooks of the caller's party (administrators only): registered with a
//! secret shown once, changed with `If-Match`, deleted; their deliveries
//! listed and repeated. Another party's webhook is 404.

use chrono::Utc;
use concord_shared::ChangeKind;
use concord_shared::api::{CreatedWebhook, NewWebhook, Page, Webhook, WebhookDelivery, WebhookPatch};
use concord_shared::domain::DeliveryStatus;
use concord_shared::rules::{self, Action, Scope};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::Check;
use crate::auth::{AuthUser, secrets};
use crate::entities::audit_log;
use crate::entities::webhook::{delivery, event, hook};
use crate::error::AppError;
use crate::state::AppState;

/// The prefix of every webhook secret, so a leaked one is recognised.
pub const SECRET_PREFIX: &str = "whsec_";

fn view(row: &hook::Model, events: Vec<ChangeKind>) -> Webhook {
    Webhook {
        id: i64::from(row.id),
        party: row.party,
        url: row.url.clone(),
        events,
        enabled: row.enabled,
        created_by: row.created_by_label.clone(),
        created_at: row.created_at,
        version: row.version,
    }
}

fn delivery_view(row: delivery::Model) -> WebhookDelivery {
    let status = match (row.delivered_at, row.next_attempt_at) {
        (Some(_), _) => DeliveryStatus::Delivered,
        (None, Some(_)) => DeliveryStatus::Pending,
        (None, None) => DeliveryStatus::Failed,
    };
    WebhookDelivery {
        id: i64::from(row.id),
        event_id: i64::from(row.audit_id),
        event: row.event,
        status,
        attempts: row.attempts,
        last_status: row.last_status,
        last_error: row.last_error,
        next_attempt_at: row.next_attempt_at,
        delivered_at: row.delivered_at,
        created_at: row.created_at,
    }
}

async fn kinds_of<C: ConnectionTrait>(conn: &C, id: i32) -> Result<Vec<ChangeKind>, AppError> {
    let mut kinds: Vec<ChangeKind> = event::Entity::find()
        .filter(event::Column::WebhookId.eq(id))
        .all(conn)
        .await?
        .iter()
        .filter_map(|e| ChangeKind::from_code(&e.kind))
        .collect();
    kinds.sort();
    Ok(kinds)
}

async fn set_kinds<C: ConnectionTrait>(conn: &C, id: i32, kinds: &[ChangeKind]) -> Result<(), AppError> {
    event::Entity::delete_many()
        .filter(event::Column::WebhookId.eq(id))
        .exec(conn)
        .await?;
    for kind in kinds {
        event::ActiveModel {
            webhook_id: Set(id),
            kind: Set(kind.code().to_owned()),
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// The kinds without repeats, in the list's order; 422 when none.
fn check_events(check: &mut Check, events: &[ChangeKind]) -> Vec<ChangeKind> {
    let mut kinds = events.to_vec();
    kinds.sort();
    kinds.dedup();
    if kinds.is_empty() {
        check.fail("events", "required", "choose at least one kind of change");
    }
    kinds
}

fn check_url(check: &mut Check, url: &str) {
    if let Err(code) = rules::webhooks::check_url(url) {
        let message = match code {
            "insecure_url" => "only https:// URLs, or http:// to 127.0.0.1, localhost or [::1]",
            _ => "not a usable URL",
        };
        check.fail("url", code, message);
    }
}

/// A webhook of the caller's party for `action` (404 for another party's).
async fn load<C: ConnectionTrait>(conn: &C, caller: &AuthUser, id: i64) -> Result<hook::Model, AppError> {
    let id = i32::try_from(id).map_err(|_| AppError::NotFound)?;
    let row = hook::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    caller.require(Action::ManageWebhooks, Scope::Private(row.party))?;
    Ok(row)
}

async fn audit<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    action: &str,
    row: &hook::Model,
    before: Option<&Webhook>,
    after: Option<&Webhook>,
) -> Result<(), AppError> {
    // The secret is in no view, so in no entry either.
    super::audit_change(
        conn,
        caller,
        action,
        i64::from(row.id),
        Scope::Private(row.party),
        before,
        after,
    )
    .await
}

/// The webhooks of the caller's party, oldest first.
pub async fn list(caller: &AuthUser, state: &AppState) -> Result<Vec<Webhook>, AppError> {
    rules::webhooks::may_manage(caller.actor())?;
    let rows = hook::Entity::find()
        .filter(hook::Column::Party.eq(caller.party))
        .order_by_asc(hook::Column::Id)
        .all(&state.db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let kinds = kinds_of(&state.db, row.id).await?;
        out.push(view(&row, kinds));
    }
    Ok(out)
}

/// Registers a webhook for the caller's party; its secret is in this answer only.
pub async fn create(caller: &AuthUser, state: &AppState, new: NewWebhook) -> Result<CreatedWebhook, AppError> {
    rules::webhooks::may_manage(caller.actor())?;
    let mut check = Check::default();
    check_url(&mut check, &new.url);
    let kinds = check_events(&mut check, &new.events);
    check.finish()?;
    let secret = secrets::new_secret(SECRET_PREFIX);
    let tx = state.write().await?;
    // It receives what comes after the log's present end.
    let newest: Option<i32> = audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::Id)
        .order_by_desc(audit_log::Column::Id)
        .limit(1)
        .into_tuple()
        .one(&*tx)
        .await?;
    let row = hook::ActiveModel {
        party: Set(caller.party),
        url: Set(new.url.trim().to_owned()),
        secret: Set(secret.clone()),
        enabled: Set(new.enabled),
        from_audit_id: Set(newest.unwrap_or(0)),
        created_by_label: Set(caller.display_name.clone()),
        created_at: Set(Utc::now()),
        version: Set(1),
        ..Default::default()
    }
    .insert(&*tx)
    .await?;
    set_kinds(&*tx, row.id, &kinds).await?;
    let webhook = view(&row, kinds);
    audit(&*tx, caller, "webhook.create", &row, None, Some(&webhook)).await?;
    tx.commit().await?;
    Ok(CreatedWebhook { secret, webhook })
}

/// One webhook of the caller's party.
pub async fn get(caller: &AuthUser, state: &AppState, id: i64) -> Result<Webhook, AppError> {
    let row = load(&state.db, caller, id).await?;
    let kinds = kinds_of(&state.db, row.id).await?;
    Ok(view(&row, kinds))
}

/// Changes a webhook's URL, kinds or enabled flag (`If-Match`).
pub async fn update(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    if_match: i64,
    patch: WebhookPatch,
) -> Result<Webhook, AppError> {
    let tx = state.write().await?;
    let row = load(&*tx, caller, id).await?;
    if !crate::extract::version_matches(if_match, row.version) {
        return Err(AppError::PreconditionFailed { current: row.version });
    }
    let mut check = Check::default();
    if let Some(url) = &patch.url {
        check_url(&mut check, url);
    }
    let kinds = patch.events.as_deref().map(|e| check_events(&mut check, e));
    check.finish()?;
    let before = view(&row, kinds_of(&*tx, row.id).await?);
    let mut active = row.clone().into_active_model();
    if let Some(url) = patch.url {
        active.url = Set(url.trim().to_owned());
    }
    if let Some(enabled) = patch.enabled {
        active.enabled = Set(enabled);
    }
    let updated = super::versioned::update(&*tx, active, row.version).await?;
    if let Some(kinds) = &kinds {
        set_kinds(&*tx, updated.id, kinds).await?;
    }
    let after = view(&updated, kinds_of(&*tx, updated.id).await?);
    audit(&*tx, caller, "webhook.update", &updated, Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

/// Deletes a webhook and its deliveries.
pub async fn delete(caller: &AuthUser, state: &AppState, id: i64) -> Result<(), AppError> {
    let tx = state.write().await?;
    let row = load(&*tx, caller, id).await?;
    let before = view(&row, kinds_of(&*tx, row.id).await?);
    // Children first: SQLite enforces the cascade only with its foreign keys on.
    delivery::Entity::delete_many()
        .filter(delivery::Column::WebhookId.eq(row.id))
        .exec(&*tx)
        .await?;
    event::Entity::delete_many()
        .filter(event::Column::WebhookId.eq(row.id))
        .exec(&*tx)
        .await?;
    hook::Entity::delete_by_id(row.id).exec(&*tx).await?;
    audit(&*tx, caller, "webhook.delete", &row, Some(&before), None).await?;
    tx.commit().await?;
    Ok(())
}

/// A webhook's deliveries, newest first.
pub async fn deliveries(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    offset: u64,
    limit: u64,
) -> Result<Page<WebhookDelivery>, AppError> {
    let row = load(&state.db, caller, id).await?;
    let of_hook = delivery::Entity::find().filter(delivery::Column::WebhookId.eq(row.id));
    let total = of_hook.clone().count(&state.db).await?;
    let rows = of_hook
        .order_by_desc(delivery::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(&state.db)
        .await?;
    Ok(Page {
        items: rows.into_iter().map(delivery_view).collect(),
        total,
        offset,
        limit,
    })
}

/// Sends a delivery again at once (whatever became of it), with the same
/// body, under a fresh signature; attempts go on counting.
pub async fn redeliver(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    delivery_id: i64,
) -> Result<WebhookDelivery, AppError> {
    let tx = state.write().await?;
    let row = load(&*tx, caller, id).await?;
    let delivery_id = i32::try_from(delivery_id).map_err(|_| AppError::NotFound)?;
    let found = delivery::Entity::find_by_id(delivery_id)
        .filter(delivery::Column::WebhookId.eq(row.id))
        .one(&*tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut active = found.into_active_model();
    active.next_attempt_at = Set(Some(Utc::now()));
    active.delivered_at = Set(None);
    let again = active.update(&*tx).await?;
    let webhook = view(&row, kinds_of(&*tx, row.id).await?);
    audit(&*tx, caller, "webhook.redeliver", &row, None, Some(&webhook)).await?;
    tx.commit().await?;
    Ok(delivery_view(again))
}
