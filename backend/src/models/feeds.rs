//! Calendar feeds: each user's secret iCalendar URLs, shown once, stored as
//! a SHA-256 digest like API tokens, revocable. A feed has no session: its
//! secret stands for its user as they are now, so a disabled user's feed
//! stops at once and a demoted or moved user's feed shows what they may
//! see now.

use chrono::Utc;
use concord_shared::api::{CalendarFeed, CreatedCalendarFeed, NewCalendarFeed};
use concord_shared::rules::{Action, Reason, Refusal, Scope};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set};
use serde_json::json;

use super::Check;
use crate::audit::{self, Event};
use crate::auth::{AuthUser, secrets};
use crate::entities::{calendar_feed, user};
use crate::error::AppError;
use crate::state::AppState;

/// The prefix of every feed secret, so leaked ones are easy to recognise.
pub const FEED_PREFIX: &str = "concordcal_";

/// How often the last read is recorded, at most.
const TOUCH_EVERY_SECONDS: i64 = 300;

fn view(row: &calendar_feed::Model) -> CalendarFeed {
    CalendarFeed {
        id: row.public_id.clone(),
        name: row.name.clone(),
        created_at: row.created_at,
        last_used_at: row.last_used_at,
        revoked_at: row.revoked_at,
    }
}

/// The signed-in user behind the caller (a token has no calendar).
fn own_user(caller: &AuthUser) -> Result<i32, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    caller
        .user_id
        .ok_or(AppError::Refused(Refusal::Forbidden(Reason::SessionRequired)))
}

/// The caller's own feeds, newest first.
pub async fn list(caller: &AuthUser, state: &AppState) -> Result<Vec<CalendarFeed>, AppError> {
    let user_id = own_user(caller)?;
    let rows = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::UserId.eq(user_id))
        .order_by_desc(calendar_feed::Column::Id)
        .all(&state.db)
        .await?;
    Ok(rows.iter().map(view).collect())
}

/// Creates a feed for the caller; its secret is in the path, shown this once.
pub async fn create(
    caller: &AuthUser,
    state: &AppState,
    new: NewCalendarFeed,
) -> Result<CreatedCalendarFeed, AppError> {
    let user_id = own_user(caller)?;
    let mut check = Check::default();
    check.line("name", &new.name, 1, 120);
    check.finish()?;
    let secret = secrets::new_secret(FEED_PREFIX);
    let tx = state.write().await?;
    let row = calendar_feed::ActiveModel {
        public_id: Set(secrets::new_public_id()),
        secret_hash: Set(secrets::digest(&secret)),
        user_id: Set(user_id),
        name: Set(new.name.trim().to_owned()),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(&*tx)
    .await?;
    let info = view(&row);
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "calendar_feed.create",
            entity_type: "calendar_feed",
            entity_id: Some(row.public_id.clone()),
            scope: Scope::Private(caller.party),
            before: None,
            after: Some(json!(info)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(CreatedCalendarFeed {
        path: format!("/api/v1/feeds/{secret}.ics"),
        info,
    })
}

/// Revokes one of the caller's feeds (anyone else's is 404).
pub async fn revoke(caller: &AuthUser, state: &AppState, public_id: &str) -> Result<(), AppError> {
    let user_id = own_user(caller)?;
    let tx = state.write().await?;
    let row = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::PublicId.eq(public_id))
        .filter(calendar_feed::Column::UserId.eq(user_id))
        .one(&*tx)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.revoked_at.is_some() {
        return Ok(());
    }
    let before = view(&row);
    let mut active = row.into_active_model();
    active.revoked_at = Set(Some(Utc::now()));
    let updated = active.update(&*tx).await?;
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "calendar_feed.revoke",
            entity_type: "calendar_feed",
            entity_id: Some(updated.public_id.clone()),
            scope: Scope::Private(caller.party),
            before: Some(json!(before)),
            after: Some(json!(view(&updated))),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The user a feed's secret stands for, as they are now; 404 for a secret
/// unknown or revoked, or whose user is disabled or gone (a calendar program
/// is told the feed is gone, and learns nothing more).
pub async fn reader(state: &AppState, secret: &str) -> Result<AuthUser, AppError> {
    let row = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::SecretHash.eq(secrets::digest(secret)))
        .one(&state.db)
        .await?
        .filter(|r| r.revoked_at.is_none())
        .ok_or(AppError::NotFound)?;
    let owner = user::Entity::find_by_id(row.user_id)
        .one(&state.db)
        .await?
        .filter(|u| !u.disabled)
        .ok_or(AppError::NotFound)?;
    crate::federation::serves(&state.settings, owner.party)?;
    let (party, role) = (owner.party, owner.role);
    let now = Utc::now();
    if row
        .last_used_at
        .is_none_or(|t| (now - t).num_seconds() >= TOUCH_EVERY_SECONDS)
    {
        let mut active = row.into_active_model();
        active.last_used_at = Set(Some(now));
        // Shown to the user; not worth failing the feed over.
        if let Err(err) = active.update(&state.db).await {
            tracing::warn!(error = %err, "could not record a calendar feed's last use");
        }
    }
    Ok(AuthUser {
        party,
        role,
        display_name: owner.display_name,
        user_id: Some(owner.id),
        token_id: None,
        session_id: None,
        expires_at: None,
    })
}
