//! The signed-in user's alerts and how they want to hear of them (issue 15).

use axum::Json;
use axum::extract::State;
use concord_shared::Problem;
use concord_shared::api::{Alert, AlertPreferences, Page, UnreadAlerts};

use super::audit::Paging;
use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, check_paging};
use crate::models::alerts;
use crate::state::AppState;

/// The caller's alerts, newest first (signed-in users; an API token has none: 403).
#[utoipa::path(get, path = "/api/v1/alerts", tag = "alerts", security(("session" = [])),
    params(Paging),
    responses((status = 200, body = Page<Alert>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<Json<Page<Alert>>, AppError> {
    check_paging(paging.offset, Some(paging.limit), 200)?;
    Ok(Json(alerts::list(&caller, &state, paging.offset, paging.limit).await?))
}

/// How many of the caller's alerts are unread.
#[utoipa::path(get, path = "/api/v1/alerts/unread", tag = "alerts", security(("session" = [])),
    responses((status = 200, body = UnreadAlerts), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn unread(caller: AuthUser, State(state): State<AppState>) -> Result<Json<UnreadAlerts>, AppError> {
    Ok(Json(alerts::unread(&caller, &state).await?))
}

/// Marks one alert read; another user's alert is 404.
#[utoipa::path(post, path = "/api/v1/alerts/{id}/read", tag = "alerts", security(("session" = [])),
    params(("id" = i64, Path, description = "The alert's id")),
    responses((status = 200, body = Alert), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn read_one(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Alert>, AppError> {
    Ok(Json(alerts::mark_read(&caller, &state, id).await?))
}

/// Marks all the caller's alerts read; answers how many were unread.
#[utoipa::path(post, path = "/api/v1/alerts/read", tag = "alerts", security(("session" = [])),
    responses((status = 200, body = UnreadAlerts), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn read_all(caller: AuthUser, State(state): State<AppState>) -> Result<Json<UnreadAlerts>, AppError> {
    Ok(Json(alerts::mark_all_read(&caller, &state).await?))
}

/// The caller's e-mail address, language and delivery per kind of alert.
#[utoipa::path(get, path = "/api/v1/me/alert-preferences", tag = "alerts", security(("session" = [])),
    responses((status = 200, body = AlertPreferences), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn preferences(caller: AuthUser, State(state): State<AppState>) -> Result<Json<AlertPreferences>, AppError> {
    Ok(Json(alerts::preferences(&caller, &state).await?))
}

/// Replaces the caller's alert preferences (a kind left out is `app`).
#[utoipa::path(put, path = "/api/v1/me/alert-preferences", tag = "alerts", security(("session" = [])),
    request_body = AlertPreferences,
    responses((status = 200, body = AlertPreferences), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn set_preferences(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(new): ApiJson<AlertPreferences>,
) -> Result<Json<AlertPreferences>, AppError> {
    Ok(Json(alerts::set_preferences(&caller, &state, new).await?))
}
