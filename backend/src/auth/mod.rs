//! Who is calling: the `AuthUser` extractor (a session cookie or a bearer
//! token, reloaded from the database on every request), CSRF defence for
//! cookie-authenticated writes, and the session cookie itself.

pub mod caller;
pub mod password;
pub mod rate_limit;
pub mod secrets;

use axum::extract::FromRequestParts;
use axum::http::{HeaderMap, Method, header, request::Parts};
use chrono::{DateTime, Utc};
use concord_shared::rules::{Reason, Refusal};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::config::Settings;
use crate::entities::{api_token, session, user};
use crate::error::AppError;
use crate::state::AppState;

pub use caller::AuthUser;

/// The header the web app sends on every write; a cross-site form cannot.
pub const CSRF_HEADER: &str = "x-concord-csrf";

/// How often at most `last_seen_at` / `last_used_at` are written.
const TOUCH_EVERY_SECONDS: i64 = 30;

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
            let text = value.to_str().map_err(|_| AppError::Unauthorized)?;
            // The scheme is case-insensitive (RFC 9110 §11.1).
            let (scheme, token) = text.trim().split_once(' ').ok_or(AppError::Unauthorized)?;
            if !scheme.eq_ignore_ascii_case("bearer") {
                return Err(AppError::Unauthorized);
            }
            let token = token.trim();
            let user = from_token(state, token).await?;
            // Every credential presented must hold: a session cookie sent
            // beside a valid token is checked too, never silently ignored.
            if let Some(secret) = session_cookie(&parts.headers, &state.settings) {
                from_session(state, &secret).await?;
            }
            return Ok(user);
        }
        let Some(secret) = session_cookie(&parts.headers, &state.settings) else {
            return Err(AppError::Unauthorized);
        };
        let user = from_session(state, &secret).await?;
        check_csrf(&parts.method, &parts.headers, &state.settings)?;
        Ok(user)
    }
}

/// Refuses a state-changing request that lacks the app's custom header or
/// comes from an origin other than the public one or a configured dev origin.
pub fn check_csrf(method: &Method, headers: &HeaderMap, settings: &Settings) -> Result<(), AppError> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(());
    }
    let refused = || AppError::Refused(Refusal::Forbidden(Reason::CrossSiteRequest));
    // The exact value the app sends: a present but empty header is no proof.
    if headers.get(CSRF_HEADER).map(|v| v.as_bytes()) != Some(b"1") {
        return Err(refused());
    }
    let origin = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(refused)?;
    if !settings.origin_allowed(origin) {
        return Err(refused());
    }
    Ok(())
}

/// The session secret from the `Cookie` header.
pub fn session_cookie(headers: &HeaderMap, settings: &Settings) -> Option<String> {
    let name = settings.session_cookie_name();
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The `Set-Cookie` value that stores a session secret.
pub fn session_set_cookie(settings: &Settings, secret: &str) -> String {
    let max_age = settings.session_lifetime.num_seconds();
    let secure = if settings.is_https() { "; Secure" } else { "" };
    format!(
        "{}={secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}",
        settings.session_cookie_name()
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn session_clear_cookie(settings: &Settings) -> String {
    let secure = if settings.is_https() { "; Secure" } else { "" };
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}",
        settings.session_cookie_name()
    )
}

/// When a session ends: the earlier of idle timeout and absolute lifetime.
pub fn session_ends(row: &session::Model, settings: &Settings) -> DateTime<Utc> {
    (row.last_seen_at + settings.session_idle).min(row.expires_at)
}

async fn from_session(state: &AppState, secret: &str) -> Result<AuthUser, AppError> {
    let hash = secrets::digest(secret);
    let key = format!("session:{hash}");
    if let Some(user) = state.sessions.get(&key)
        && user.session_id.is_some()
        && user.expires_at.is_some_and(|end| end > Utc::now())
    {
        return Ok(user);
    }
    let generation = state.sessions.generation();
    // The session and its user in one query: this runs on every request.
    let Some((row, user)) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(&hash))
        .find_also_related(user::Entity)
        .one(&state.db)
        .await?
    else {
        return Err(AppError::Unauthorized);
    };
    let now = Utc::now();
    if session_ends(&row, &state.settings) <= now {
        // Expired: remove it so it cannot be revived.
        session::Entity::delete_by_id(row.id).exec(&state.db).await?;
        return Err(AppError::Unauthorized);
    }
    let Some(user) = user else {
        return Err(AppError::Unauthorized);
    };
    if user.disabled {
        return Err(AppError::Unauthorized);
    }
    crate::federation::serves(&state.settings, user.party)?;
    let (party, role) = (user.party, user.role);
    let expires_at = row.expires_at;
    let session_id = row.id;
    if (now - row.last_seen_at).num_seconds() >= TOUCH_EVERY_SECONDS {
        let mut active = row.into_active_model();
        active.last_seen_at = Set(now);
        // A hint for the idle timeout, not worth failing the request over.
        if let Err(err) = active.update(&state.db).await {
            tracing::warn!(error = %err, "could not record a session's last use");
        }
    }
    let caller = AuthUser {
        party,
        role,
        display_name: user.display_name,
        user_id: Some(user.id),
        token_id: None,
        session_id: Some(session_id),
        expires_at: Some(expires_at),
    };
    state.sessions.insert(key, caller.clone(), generation);
    Ok(caller)
}

async fn from_token(state: &AppState, token: &str) -> Result<AuthUser, AppError> {
    let hash = secrets::digest(token);
    // Integrators call the API as often as browsers do: a token is checked
    // against the database no more often than a session is.
    let key = format!("token:{hash}");
    if let Some(user) = state.sessions.get(&key)
        && user.token_id.is_some()
        && user.expires_at.is_none_or(|end| end > Utc::now())
    {
        return Ok(user);
    }
    let generation = state.sessions.generation();
    let Some(row) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(hash))
        .one(&state.db)
        .await?
    else {
        return Err(AppError::Unauthorized);
    };
    let now = Utc::now();
    if row.revoked_at.is_some() || row.expires_at.is_some_and(|end| end <= now) {
        return Err(AppError::Unauthorized);
    }
    crate::federation::serves(&state.settings, row.party)?;
    let (party, token_role) = (row.party, row.role);
    // A token acts for its creator and never above them as they are now: it
    // stops when they are disabled or gone, and a demotion lowers it too.
    let creator = user::Entity::find_by_id(row.created_by).one(&state.db).await?;
    let Some(creator) = creator.filter(|u| !u.disabled && u.party == row.party) else {
        return Err(AppError::Unauthorized);
    };
    let role = token_role.min(creator.role);
    let id = row.id;
    let name = row.name.clone();
    let expires_at = row.expires_at;
    if row
        .last_used_at
        .is_none_or(|t| (now - t).num_seconds() >= TOUCH_EVERY_SECONDS)
    {
        let mut active = row.into_active_model();
        active.last_used_at = Set(Some(now));
        // Shown to administrators; not worth failing the request over.
        if let Err(err) = active.update(&state.db).await {
            tracing::warn!(error = %err, "could not record a token's last use");
        }
    }
    let caller = AuthUser {
        party,
        role,
        display_name: name,
        user_id: None,
        token_id: Some(id),
        session_id: None,
        expires_at,
    };
    state.sessions.insert(key, caller.clone(), generation);
    Ok(caller)
}

/// Whether the session or token behind `caller` still stands: not signed
/// out, revoked or expired, its user not disabled. Long-lived answers (the
/// live stream) ask this now and then.
pub async fn still_valid(state: &AppState, caller: &AuthUser) -> bool {
    let now = Utc::now();
    if caller.expires_at.is_some_and(|end| end <= now) {
        return false;
    }
    let found = if let Some(id) = caller.session_id {
        session::Entity::find_by_id(id)
            .find_also_related(user::Entity)
            .one(&state.db)
            .await
            .map(|row| {
                row.is_some_and(|(session, user)| {
                    session_ends(&session, &state.settings) > now && user.is_some_and(|u| !u.disabled)
                })
            })
    } else if let Some(id) = caller.token_id {
        api_token::Entity::find_by_id(id)
            .one(&state.db)
            .await
            .map(|row| row.is_some_and(|t| t.revoked_at.is_none() && t.expires_at.is_none_or(|end| end > now)))
    } else {
        Ok(false)
    };
    // A database hiccup does not end a stream; the next check decides.
    found.unwrap_or(true)
}
