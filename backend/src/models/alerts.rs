//! The signed-in user's alerts and alert preferences (see `crate::alerts`
//! for how alerts are made). Every query is the caller's own rows: an alert
//! of someone else is 404.

use chrono::Utc;
use concord_shared::AlertKind;
use concord_shared::api::{Alert, AlertPreferences, KindDelivery, Page, UnreadAlerts};
use concord_shared::rules::Scope;
use concord_shared::rules::alerts as rule;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde_json::json;

use super::Check;
use crate::audit::{self, Event};
use crate::auth::AuthUser;
use crate::entities::alert::{contact, preference, row};
use crate::error::AppError;
use crate::state::AppState;

/// The caller's user id: alerts are a person's, never a token's.
fn owner(caller: &AuthUser) -> Result<i32, AppError> {
    rule::may_have_alerts(caller.user_id.is_some())?;
    caller.user_id.ok_or(AppError::Unauthorized)
}

fn view(row: row::Model) -> Alert {
    Alert {
        id: i64::from(row.id),
        kind: row.kind,
        link: concord_shared::rules::alerts::alert_link(row.kind, &row.entity_type, row.entity_id.as_deref()),
        action: row.action,
        entity_type: row.entity_type,
        entity_id: row.entity_id,
        actor: row.actor_label,
        party: row.actor_party,
        created_at: row.created_at,
        read: row.read_at.is_some(),
    }
}

/// A page of the caller's alerts, newest first.
pub async fn list(caller: &AuthUser, state: &AppState, offset: u64, limit: u64) -> Result<Page<Alert>, AppError> {
    let me = owner(caller)?;
    let mine = row::Entity::find().filter(row::Column::UserId.eq(me));
    let total = mine.clone().count(&state.db).await?;
    let rows = mine
        .order_by_desc(row::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(&state.db)
        .await?;
    Ok(Page {
        items: rows.into_iter().map(view).collect(),
        total,
        offset,
        limit,
    })
}

/// How many of the caller's alerts are unread.
pub async fn unread(caller: &AuthUser, state: &AppState) -> Result<UnreadAlerts, AppError> {
    let me = owner(caller)?;
    let unread = row::Entity::find()
        .filter(row::Column::UserId.eq(me))
        .filter(row::Column::ReadAt.is_null())
        .count(&state.db)
        .await?;
    Ok(UnreadAlerts { unread })
}

async fn audit_read(
    tx: &crate::db::WriteTx,
    caller: &AuthUser,
    action: &str,
    id: Option<String>,
    after: serde_json::Value,
) -> Result<(), AppError> {
    audit::append(
        &**tx,
        Event {
            actor: &caller.audit_actor(),
            action,
            entity_type: "alert",
            entity_id: id,
            scope: Scope::Private(caller.party),
            before: None,
            after: Some(after),
        },
    )
    .await?;
    Ok(())
}

/// Marks one of the caller's alerts read (again: no change); someone else's is 404.
pub async fn mark_read(caller: &AuthUser, state: &AppState, id: i64) -> Result<Alert, AppError> {
    let me = owner(caller)?;
    let id = i32::try_from(id).map_err(|_| AppError::NotFound)?;
    let tx = state.write().await?;
    let found = row::Entity::find_by_id(id)
        .filter(row::Column::UserId.eq(me))
        .one(&*tx)
        .await?
        .ok_or(AppError::NotFound)?;
    if found.read_at.is_some() {
        return Ok(view(found));
    }
    let mut active: row::ActiveModel = found.into();
    active.read_at = Set(Some(Utc::now()));
    let saved = active.update(&*tx).await?;
    audit_read(&tx, caller, "alert.read", Some(id.to_string()), json!({"read": true})).await?;
    tx.commit().await?;
    Ok(view(saved))
}

/// Marks every alert of the caller read; answers how many were unread.
pub async fn mark_all_read(caller: &AuthUser, state: &AppState) -> Result<UnreadAlerts, AppError> {
    let me = owner(caller)?;
    let tx = state.write().await?;
    let done = row::Entity::update_many()
        .col_expr(row::Column::ReadAt, Expr::value(Utc::now()))
        .filter(row::Column::UserId.eq(me))
        .filter(row::Column::ReadAt.is_null())
        .exec(&*tx)
        .await?;
    if done.rows_affected > 0 {
        audit_read(
            &tx,
            caller,
            "alert.read_all",
            None,
            json!({"count": done.rows_affected}),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(UnreadAlerts {
        unread: done.rows_affected,
    })
}

/// The caller's preferences: every kind, the default where none was chosen.
pub async fn preferences(caller: &AuthUser, state: &AppState) -> Result<AlertPreferences, AppError> {
    let me = owner(caller)?;
    let chosen = preference::Entity::find()
        .filter(preference::Column::UserId.eq(me))
        .all(&state.db)
        .await?;
    let contact = contact::Entity::find_by_id(me).one(&state.db).await?;
    let kinds = AlertKind::ALL
        .iter()
        .map(|kind| KindDelivery {
            kind: *kind,
            delivery: chosen
                .iter()
                .find(|p| p.kind == *kind)
                .map(|p| p.delivery)
                .unwrap_or_else(|| rule::default_delivery(*kind)),
        })
        .collect();
    Ok(AlertPreferences {
        email: contact.as_ref().and_then(|c| c.email.clone()),
        language: contact.and_then(|c| c.language),
        kinds,
    })
}

/// Replaces the caller's preferences.
pub async fn set_preferences(
    caller: &AuthUser,
    state: &AppState,
    new: AlertPreferences,
) -> Result<AlertPreferences, AppError> {
    let me = owner(caller)?;
    let mut check = Check::default();
    let email = super::non_empty(new.email);
    if let Some(address) = &email {
        check.text("email", address, 3, 254);
        if address.parse::<lettre::Address>().is_err() {
            check.fail("email", "invalid", "an e-mail address such as name@example.org");
        }
    }
    for (i, k) in new.kinds.iter().enumerate() {
        if new.kinds[..i].iter().any(|o| o.kind == k.kind) {
            check.fail("kinds", "invalid", format!("{} is given twice", k.kind.code()));
        }
    }
    check.finish()?;
    let tx = state.write().await?;
    preference::Entity::delete_many()
        .filter(preference::Column::UserId.eq(me))
        .exec(&*tx)
        .await?;
    for k in &new.kinds {
        preference::ActiveModel {
            user_id: Set(me),
            kind: Set(k.kind),
            delivery: Set(k.delivery),
        }
        .insert(&*tx)
        .await?;
    }
    contact::Entity::delete_by_id(me).exec(&*tx).await?;
    contact::ActiveModel {
        user_id: Set(me),
        email: Set(email.clone()),
        language: Set(new.language),
    }
    .insert(&*tx)
    .await?;
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "alert_preferences.update",
            entity_type: "alert_preferences",
            entity_id: Some(me.to_string()),
            scope: Scope::Private(caller.party),
            before: None,
            after: Some(json!({"email": email.is_some(), "language": new.language, "kinds": new.kinds})),
        },
    )
    .await?;
    tx.commit().await?;
    preferences(caller, state).await
}
