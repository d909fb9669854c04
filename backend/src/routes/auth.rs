//! Signing in and out, the current user, their password and sessions.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse};
use concord_shared::Problem;
use concord_shared::api::{LanguageChoice, LoginRequest, Me, PasswordChange, SessionView};

use crate::auth::{AuthUser, check_csrf, session_clear_cookie, session_set_cookie};
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ClientInfo};
use crate::models::sessions;
use crate::state::AppState;

/// Signs in with a user name and password; sets the session cookie.
/// Wrong user name and wrong password get the same answer.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, body = Me, description = "Signed in; the session cookie is set"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "Wrong user name or password"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Cross-site request refused"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "Too many failed sign-ins; see Retry-After"),
    ))]
pub async fn login(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    client: ClientInfo,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<impl IntoResponse, AppError> {
    // Login has no session yet, but a cross-site page must not sign a
    // browser into an account of the attacker's choosing either.
    check_csrf(&method, &headers, &state.settings)?;
    let (me, secret) = sessions::login(&state, &client, request).await?;
    Ok((
        AppendHeaders([(header::SET_COOKIE, session_set_cookie(&state.settings, &secret))]),
        Json(me),
    ))
}

/// Ends the current session on the server and clears the cookie.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", security(("session" = [])),
    responses((status = 204, description = "Signed out"), (status = 400, body = Problem, content_type = "application/problem+json", description = "An API token cannot sign out; revoke it instead"), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn logout(caller: AuthUser, State(state): State<AppState>) -> Result<impl IntoResponse, AppError> {
    sessions::logout(&caller, &state).await?;
    Ok((
        StatusCode::NO_CONTENT,
        AppendHeaders([(header::SET_COOKIE, session_clear_cookie(&state.settings))]),
    ))
}

/// Who the caller is: party, role, and the user (for sessions).
#[utoipa::path(get, path = "/api/v1/me", tag = "auth", security(("session" = []), ("token" = [])),
    responses((status = 200, body = Me), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn me(caller: AuthUser, State(state): State<AppState>) -> Result<Json<Me>, AppError> {
    Ok(Json(sessions::me(&caller, &state).await?))
}

/// Stores the caller's language of the interface (`en`, `az`, `ka`): it
/// follows them to another machine and into e-mails and exports. A person's
/// choice: a token is refused (403 `session_required`).
#[utoipa::path(put, path = "/api/v1/me/language", tag = "auth", security(("session" = [])), request_body = LanguageChoice,
    responses((status = 200, body = Me), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn set_language(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(choice): ApiJson<LanguageChoice>,
) -> Result<Json<Me>, AppError> {
    Ok(Json(crate::models::language::set(&caller, &state, choice).await?))
}

/// Changes the caller's own password (the current one is required); their other sessions end.
#[utoipa::path(post, path = "/api/v1/me/password", tag = "auth", security(("session" = [])), request_body = PasswordChange,
    responses((status = 204, description = "Changed"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn change_password(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(change): ApiJson<PasswordChange>,
) -> Result<StatusCode, AppError> {
    crate::models::users::change_own_password(&caller, &state, change).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caller's live sessions, newest first.
#[utoipa::path(get, path = "/api/v1/me/sessions", tag = "auth", security(("session" = []), ("token" = [])),
    responses((status = 200, body = Vec<SessionView>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_sessions(
    caller: AuthUser,
    State(state): State<AppState>,
) -> Result<Json<Vec<SessionView>>, AppError> {
    Ok(Json(sessions::list(&caller, &state).await?))
}

/// Revokes one of the caller's sessions.
#[utoipa::path(delete, path = "/api/v1/me/sessions/{id}", tag = "auth", security(("session" = [])),
    params(("id" = String, Path, description = "The session's public id")),
    responses((status = 204, description = "Revoked"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn revoke_session(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, AppError> {
    sessions::revoke(&caller, &state, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
