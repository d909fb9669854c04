//! Users of a party, managed by that party's administrators.

use chrono::Utc;
use concord_shared::api::{NewUser, PasswordChange, PasswordReset, UserPatch, UserView};
use concord_shared::rules::{self, Action, Reason, Refusal, Scope};
use concord_shared::{Party, Role};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;

use super::Check;
use crate::audit::{self, Event};
use crate::auth::{AuthUser, password};
use crate::entities::{api_token, session, user};
use crate::error::AppError;
use crate::state::AppState;

/// The wire view of a user (never the password hash).
pub fn view(row: &user::Model) -> UserView {
    UserView {
        id: i64::from(row.id),
        username: row.username.clone(),
        display_name: row.display_name.clone(),
        position: row.position.clone(),
        party: row.party,
        role: row.role,
        disabled: row.disabled,
        created_at: row.created_at,
        updated_at: row.updated_at,
        version: row.version,
    }
}

/// Checks a user name: 3–64 of a–z, 0–9, `.`, `_`, `-`.
pub(crate) fn check_username(check: &mut Check, username: &str) {
    let n = username.chars().count();
    if !(3..=64).contains(&n) {
        check.fail("username", "length", "username needs 3 to 64 characters");
    } else if !username
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
    {
        check.fail(
            "username",
            "invalid",
            "username may use only a-z, 0-9, '.', '_' and '-'",
        );
    }
}

fn check_password(check: &mut Check, field: &str, password: &str) {
    match rules::roles::check_password(password) {
        Ok(()) => {}
        Err("too_short") => check.fail(field, "too_short", "a password needs at least 12 characters"),
        Err(code) => check.fail(field, code, "a password may have at most 256 characters"),
    }
}

/// The users of the caller's party (administrators only).
pub async fn list(caller: &AuthUser, state: &AppState) -> Result<Vec<UserView>, AppError> {
    caller.require(Action::ReadUsers, Scope::Private(caller.party))?;
    let rows = user::Entity::find()
        .filter(user::Column::Party.eq(caller.party))
        .order_by_asc(user::Column::Username)
        .all(&state.db)
        .await?;
    Ok(rows.iter().map(view).collect())
}

async fn load<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    id: i64,
    action: Action,
) -> Result<user::Model, AppError> {
    let id = i32::try_from(id).map_err(|_| AppError::NotFound)?;
    let row = user::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    caller.require(action, Scope::Private(row.party))?;
    Ok(row)
}

/// One user of the caller's party (administrators only; another party's user is 404).
pub async fn get(caller: &AuthUser, state: &AppState, id: i64) -> Result<UserView, AppError> {
    Ok(view(&load(&state.db, caller, id, Action::ReadUsers).await?))
}

/// Creates a user in the caller's party with a role no higher than the caller's.
pub async fn create(caller: &AuthUser, state: &AppState, new: NewUser) -> Result<UserView, AppError> {
    caller.require(Action::ManageUsers, Scope::Private(caller.party))?;
    rules::roles::may_grant(caller.actor(), new.role)?;
    insert(state, &caller.audit_actor(), caller.party, new).await
}

/// Validates, hashes the password and stores a new user, audited as `actor`'s act
/// (the caller's authority is checked before).
pub(crate) async fn insert(
    state: &AppState,
    actor: &audit::Actor,
    party: Party,
    new: NewUser,
) -> Result<UserView, AppError> {
    crate::federation::serves(&state.settings, party)?;
    let username = new.username.trim().to_lowercase();
    let mut check = Check::default();
    check_username(&mut check, &username);
    check.line("display_name", &new.display_name, 1, 120);
    check.line("position", &new.position, 0, 120);
    check_password(&mut check, "password", &new.password);
    check.finish()?;
    if user::Entity::find()
        .filter(user::Column::Username.eq(&username))
        .one(&state.db)
        .await?
        .is_some()
    {
        return Err(AppError::Refused(Refusal::Conflict(Reason::UsernameTaken)));
    }
    let hash = password::hash(new.password).await?;
    let now = Utc::now();
    let tx = state.write().await?;
    let row = user::ActiveModel {
        party: Set(party),
        role: Set(new.role),
        username: Set(username),
        display_name: Set(new.display_name.trim().to_owned()),
        position: Set(new.position.trim().to_owned()),
        password_hash: Set(hash),
        disabled: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&*tx)
    .await
    .map_err(super::duplicate_is(Reason::UsernameTaken))?;
    let created = view(&row);
    audit::append(
        &*tx,
        Event {
            actor,
            action: "user.create",
            entity_type: "user",
            entity_id: Some(row.id.to_string()),
            scope: Scope::Private(party),
            before: None,
            after: Some(json!(created)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(created)
}

async fn active_administrators<C: ConnectionTrait>(conn: &C, party: Party) -> Result<u64, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Party.eq(party))
        .filter(user::Column::Role.eq(Role::Administrator))
        .filter(user::Column::Disabled.eq(false))
        .count(conn)
        .await?)
}

/// Ends every session of a user and revokes the tokens they created.
pub(crate) async fn end_access<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    keep_session: Option<i32>,
) -> Result<(), AppError> {
    let mut delete = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id));
    if let Some(keep) = keep_session {
        delete = delete.filter(session::Column::Id.ne(keep));
    }
    delete.exec(conn).await?;
    Ok(())
}

pub(crate) async fn revoke_tokens_of<C: ConnectionTrait>(conn: &C, user_id: i32) -> Result<(), AppError> {
    let now = Utc::now();
    let tokens = api_token::Entity::find()
        .filter(api_token::Column::CreatedBy.eq(user_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .all(conn)
        .await?;
    for token in tokens {
        let mut active = token.into_active_model();
        active.revoked_at = Set(Some(now));
        active.update(conn).await?;
    }
    Ok(())
}

/// Changes a user's display name, position, role or disabled flag, at the
/// version the caller edited (412 otherwise).
pub async fn update(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    if_match: i64,
    patch: UserPatch,
) -> Result<UserView, AppError> {
    let tx = state.write().await?;
    let row = load(&*tx, caller, id, Action::ManageUsers).await?;
    if !crate::extract::version_matches(if_match, row.version) {
        return Err(AppError::PreconditionFailed { current: row.version });
    }
    let mut check = Check::default();
    if let Some(name) = &patch.display_name {
        check.line("display_name", name, 1, 120);
    }
    if let Some(position) = &patch.position {
        check.line("position", position, 0, 120);
    }
    check.finish()?;
    if let Some(role) = patch.role {
        rules::roles::may_grant(caller.actor(), role)?;
    }
    let party = row.party;
    let standing = (row.role, row.disabled);
    let new_standing = (patch.role.unwrap_or(row.role), patch.disabled.unwrap_or(row.disabled));
    // Counted only when it can matter.
    if rules::roles::removes_active_administrator(standing, new_standing) {
        rules::roles::may_change_standing(standing, new_standing, active_administrators(&*tx, party).await?)?;
    }
    let before = view(&row);
    let disabling = patch.disabled == Some(true) && !row.disabled;
    let mut active = row.clone().into_active_model();
    if let Some(name) = patch.display_name {
        active.display_name = Set(name.trim().to_owned());
    }
    if let Some(position) = patch.position {
        active.position = Set(position.trim().to_owned());
    }
    if let Some(role) = patch.role {
        active.role = Set(role);
    }
    if let Some(disabled) = patch.disabled {
        active.disabled = Set(disabled);
    }
    active.updated_at = Set(Utc::now());
    let updated = super::versioned::update(&*tx, active, row.version).await?;
    if disabling {
        end_access(&*tx, updated.id, None).await?;
        revoke_tokens_of(&*tx, updated.id).await?;
    }
    let after = view(&updated);
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: if disabling { "user.disable" } else { "user.update" },
            entity_type: "user",
            entity_id: Some(updated.id.to_string()),
            scope: Scope::Private(party),
            before: Some(json!(before)),
            after: Some(json!(after)),
        },
    )
    .await?;
    tx.commit().await?;
    state.sessions.invalidate();
    Ok(after)
}

/// An administrator sets a new password; the user's sessions end.
pub async fn reset_password(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    reset: PasswordReset,
) -> Result<(), AppError> {
    load(&state.db, caller, id, Action::ManageUsers).await?;
    let mut check = Check::default();
    check_password(&mut check, "new_password", &reset.new_password);
    check.finish()?;
    let hash = password::hash(reset.new_password).await?;
    let tx = state.write().await?;
    let row = load(&*tx, caller, id, Action::ManageUsers).await?;
    let party = row.party;
    let user_id = row.id;
    let version = row.version + 1;
    let mut active = row.into_active_model();
    active.password_hash = Set(hash);
    active.version = Set(version);
    active.updated_at = Set(Utc::now());
    active.update(&*tx).await?;
    end_access(&*tx, user_id, None).await?;
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "user.password_reset",
            entity_type: "user",
            entity_id: Some(user_id.to_string()),
            scope: Scope::Private(party),
            before: None,
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    state.sessions.invalidate();
    Ok(())
}

/// A signed-in user changes their own password; their other sessions end.
pub async fn change_own_password(caller: &AuthUser, state: &AppState, change: PasswordChange) -> Result<(), AppError> {
    let user_id = caller
        .user_id
        .ok_or(AppError::Refused(Refusal::Forbidden(Reason::TokenHasNoPassword)))?;
    let row = user::Entity::find_by_id(user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let mut check = Check::default();
    check_password(&mut check, "new_password", &change.new_password);
    check.finish()?;
    if !password::verify(change.current_password, Some(row.password_hash.clone())).await? {
        return Err(Check::error(
            "current_password",
            "wrong",
            "the current password is wrong",
        ));
    }
    let hash = password::hash(change.new_password).await?;
    let tx = state.write().await?;
    let version = row.version + 1;
    let mut active = row.into_active_model();
    active.password_hash = Set(hash);
    active.version = Set(version);
    active.updated_at = Set(Utc::now());
    active.update(&*tx).await?;
    end_access(&*tx, user_id, caller.session_id).await?;
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "user.password_change",
            entity_type: "user",
            entity_id: Some(user_id.to_string()),
            scope: Scope::Private(caller.party),
            before: None,
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    state.sessions.invalidate();
    Ok(())
}
