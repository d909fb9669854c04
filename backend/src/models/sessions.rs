//! Signing in and out, and the user's own sessions.

use chrono::Utc;
use concord_shared::api::{AuthKind, LoginRequest, Me, SessionView};
use concord_shared::rules::Scope;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;

use super::users::view;
use crate::audit::{self, Event};
use crate::auth::{AuthUser, password, rate_limit, secrets, session_ends};
use crate::entities::{session, user};
use crate::error::AppError;
use crate::extract::ClientInfo;
use crate::state::AppState;

/// Who the caller is.
pub async fn me(caller: &AuthUser, state: &AppState) -> Result<Me, AppError> {
    let row = match caller.user_id {
        Some(id) => user::Entity::find_by_id(id).one(&state.db).await?,
        None => None,
    };
    let language = row.as_ref().and_then(|u| u.language);
    let user = row.as_ref().map(view);
    Ok(Me {
        party: caller.party,
        role: caller.role,
        display_name: caller.display_name.clone(),
        user,
        auth: if caller.token_id.is_some() {
            AuthKind::Token
        } else {
            AuthKind::Session
        },
        expires_at: caller.expires_at,
        language,
    })
}

/// Checks the credentials and opens a session; returns who signed in and the
/// cookie's secret. Unknown user, wrong password and disabled user get the
/// same answer in the same time.
pub async fn login(state: &AppState, client: &ClientInfo, request: LoginRequest) -> Result<(Me, String), AppError> {
    let username = request.username.trim().to_lowercase();
    let keys = rate_limit::Keys::new(&username, client.ip.as_deref());
    // Counted before the password is checked: at most the limit is evaluated.
    let reservation = match rate_limit::reserve(state, &keys).await {
        Ok(reservation) => reservation,
        Err(refused) => {
            state.metrics.sign_in_failed();
            return Err(refused);
        }
    };
    let found = if username.len() <= 64 {
        user::Entity::find()
            .filter(user::Column::Username.eq(&username))
            .one(&state.db)
            .await?
    } else {
        None
    };
    let password_ok = match password::verify(request.password, found.as_ref().map(|u| u.password_hash.clone())).await {
        Ok(ok) => ok,
        Err(busy) => {
            // Never evaluated: it does not count.
            rate_limit::release(&state.db, reservation).await?;
            return Err(busy);
        }
    };
    let usable = found.filter(|u| password_ok && !u.disabled);
    let Some(user) = usable else {
        state.metrics.sign_in_failed();
        rate_limit::keep(reservation);
        let tx = state.write().await?;
        let party = user::Entity::find()
            .filter(user::Column::Username.eq(&username))
            .one(&*tx)
            .await?
            .map(|u| u.party);
        let label: String = username.chars().take(64).collect();
        audit::append(
            &*tx,
            Event {
                actor: &audit::Actor::anonymous(label.clone()),
                action: "auth.login_failed",
                entity_type: "session",
                entity_id: None,
                scope: party.map_or(Scope::Joint, Scope::Private),
                before: None,
                after: Some(json!({ "username": label, "ip": client.ip })),
            },
        )
        .await?;
        tx.commit().await?;
        return Err(AppError::WrongCredentials);
    };
    if let Err(refused) = crate::federation::serves(&state.settings, user.party) {
        // The right password of a user this node does not serve: not a guess.
        rate_limit::release(&state.db, reservation).await?;
        return Err(refused);
    }
    let (party, role) = (user.party, user.role);
    let secret = secrets::new_secret("");
    let now = Utc::now();
    let expires_at = now + state.settings.session_lifetime;
    let tx = state.write().await?;
    rate_limit::release(&*tx, reservation).await?;
    rate_limit::clear_user(&*tx, &state.settings, &keys).await?;
    let row = session::ActiveModel {
        public_id: Set(secrets::new_public_id()),
        token_hash: Set(secrets::digest(&secret)),
        user_id: Set(user.id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(expires_at),
        user_agent: Set(client.user_agent.clone()),
        ip: Set(client.ip.clone()),
        ..Default::default()
    }
    .insert(&*tx)
    .await?;
    let actor = audit::Actor {
        user_id: Some(user.id),
        token_id: None,
        label: user.display_name.clone(),
        party: Some(party),
    };
    audit::append(
        &*tx,
        Event {
            actor: &actor,
            action: "auth.login",
            entity_type: "session",
            entity_id: Some(row.public_id.clone()),
            scope: Scope::Private(party),
            before: None,
            after: Some(json!({ "ip": client.ip, "user_agent": client.user_agent })),
        },
    )
    .await?;
    tx.commit().await?;
    let me = Me {
        party,
        role,
        display_name: user.display_name.clone(),
        user: Some(view(&user)),
        auth: AuthKind::Session,
        expires_at: Some(expires_at),
        language: user.language,
    };
    Ok((me, secret))
}

/// Ends the caller's session on the server.
pub async fn logout(caller: &AuthUser, state: &AppState) -> Result<(), AppError> {
    let Some(session_id) = caller.session_id else {
        return Err(AppError::BadRequest(
            "Only a browser session can sign out; revoke a token instead.".into(),
        ));
    };
    let tx = state.write().await?;
    let row = session::Entity::find_by_id(session_id).one(&*tx).await?;
    session::Entity::delete_by_id(session_id).exec(&*tx).await?;
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "auth.logout",
            entity_type: "session",
            entity_id: row.map(|r| r.public_id),
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

fn session_view(row: &session::Model, caller: &AuthUser, state: &AppState) -> SessionView {
    SessionView {
        id: row.public_id.clone(),
        created_at: row.created_at,
        last_seen_at: row.last_seen_at,
        expires_at: session_ends(row, &state.settings),
        user_agent: row.user_agent.clone(),
        ip: row.ip.clone(),
        current: caller.session_id == Some(row.id),
    }
}

/// The caller's live sessions, newest first.
pub async fn list(caller: &AuthUser, state: &AppState) -> Result<Vec<SessionView>, AppError> {
    let Some(user_id) = caller.user_id else {
        return Ok(Vec::new());
    };
    let now = Utc::now();
    let rows = session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .order_by_desc(session::Column::CreatedAt)
        .all(&state.db)
        .await?;
    Ok(rows
        .iter()
        .filter(|r| session_ends(r, &state.settings) > now)
        .map(|r| session_view(r, caller, state))
        .collect())
}

/// Revokes one of the caller's own sessions (anyone else's answers 404).
pub async fn revoke(caller: &AuthUser, state: &AppState, public_id: &str) -> Result<(), AppError> {
    let user_id = caller.user_id.ok_or(AppError::NotFound)?;
    let tx = state.write().await?;
    let row = session::Entity::find()
        .filter(session::Column::PublicId.eq(public_id))
        .filter(session::Column::UserId.eq(user_id))
        .one(&*tx)
        .await?
        .ok_or(AppError::NotFound)?;
    session::Entity::delete_by_id(row.id).exec(&*tx).await?;
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "session.revoke",
            entity_type: "session",
            entity_id: Some(row.public_id.clone()),
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
