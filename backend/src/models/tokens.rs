//! API tokens: created by a party's administrators for integrations, shown
//! once, stored as a SHA-256 digest, revocable.

use chrono::Utc;
use concord_shared::api::{CreatedToken, NewToken, TokenView};
use concord_shared::rules::{self, Action, Reason, Refusal, Scope};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set};
use serde_json::json;

use super::Check;
use crate::audit::{self, Event};
use crate::auth::{AuthUser, secrets};
use crate::entities::{api_token, user};
use crate::error::AppError;
use crate::state::AppState;

/// The prefix of every token, so leaked ones are easy to recognise.
pub const TOKEN_PREFIX: &str = "concord_";

fn view(row: &api_token::Model, created_by: String) -> TokenView {
    TokenView {
        id: row.public_id.clone(),
        name: row.name.clone(),
        party: row.party,
        role: row.role,
        created_at: row.created_at,
        created_by,
        expires_at: row.expires_at,
        last_used_at: row.last_used_at,
        revoked_at: row.revoked_at,
    }
}

/// The tokens of the caller's party, newest first.
pub async fn list(caller: &AuthUser, state: &AppState) -> Result<Vec<TokenView>, AppError> {
    caller.require(Action::ManageTokens, Scope::Private(caller.party))?;
    let rows = api_token::Entity::find()
        .filter(api_token::Column::Party.eq(caller.party))
        .order_by_desc(api_token::Column::Id)
        .all(&state.db)
        .await?;
    let users = user::Entity::find()
        .filter(user::Column::Party.eq(caller.party))
        .all(&state.db)
        .await?;
    let name_of = |id: i32| {
        users
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.display_name.clone())
            .unwrap_or_default()
    };
    Ok(rows.iter().map(|r| view(r, name_of(r.created_by))).collect())
}

/// Creates a token for the caller's party with a role no higher than the caller's.
pub async fn create(caller: &AuthUser, state: &AppState, new: NewToken) -> Result<CreatedToken, AppError> {
    rules::roles::may_create_token(caller.actor(), caller.user_id.is_some())?;
    rules::roles::may_grant(caller.actor(), new.role)?;
    let creator = caller
        .user_id
        .ok_or(AppError::Refused(Refusal::Forbidden(Reason::SessionRequired)))?;
    let mut check = Check::default();
    check.line("name", &new.name, 1, 120);
    if new.expires_at.is_some_and(|t| t <= Utc::now()) {
        check.fail("expires_at", "in_past", "the expiry must be in the future");
    }
    check.finish()?;
    let secret = secrets::new_secret(TOKEN_PREFIX);
    let tx = state.write().await?;
    let row = api_token::ActiveModel {
        public_id: Set(secrets::new_public_id()),
        token_hash: Set(secrets::digest(&secret)),
        party: Set(caller.party),
        role: Set(new.role),
        name: Set(new.name.trim().to_owned()),
        created_by: Set(creator),
        created_at: Set(Utc::now()),
        expires_at: Set(new.expires_at),
        last_used_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(&*tx)
    .await?;
    let info = view(&row, caller.display_name.clone());
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "token.create",
            entity_type: "token",
            entity_id: Some(row.public_id.clone()),
            scope: Scope::Private(caller.party),
            before: None,
            after: Some(json!(info)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(CreatedToken { token: secret, info })
}

/// Revokes a token of the caller's party (another party's token is 404).
pub async fn revoke(caller: &AuthUser, state: &AppState, public_id: &str) -> Result<(), AppError> {
    let tx = state.write().await?;
    let row = api_token::Entity::find()
        .filter(api_token::Column::PublicId.eq(public_id))
        .one(&*tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let party = row.party;
    caller.require(Action::ManageTokens, Scope::Private(party))?;
    if row.revoked_at.is_some() {
        return Ok(());
    }
    let before = view(&row, String::new());
    let mut active = row.into_active_model();
    active.revoked_at = Set(Some(Utc::now()));
    let updated = active.update(&*tx).await?;
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "token.revoke",
            entity_type: "token",
            entity_id: Some(updated.public_id.clone()),
            scope: Scope::Private(party),
            before: Some(json!(before)),
            after: Some(json!(view(&updated, String::new()))),
        },
    )
    .await?;
    tx.commit().await?;
    state.sessions.invalidate();
    Ok(())
}
