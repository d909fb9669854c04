//! Calendar feeds: a user creates, lists and revokes their secret feed
//! URLs; a calendar program reads `/api/v1/feeds/<secret>.ics` without a
//! session, the secret standing for the user as they are now.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use concord_shared::Problem;
use concord_shared::api::{CalendarFeed, CreatedCalendarFeed, NewCalendarFeed};
use concord_shared::rules::{Action, Scope};

use super::exports::LangQuery;
use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::models::activity_list::{self, ActivityQuery};
use crate::models::{feeds, plans};
use crate::paper::ical;
use crate::state::AppState;

/// The caller's calendar feeds, newest first (never their secrets).
#[utoipa::path(get, path = "/api/v1/calendar-feeds", tag = "users", security(("session" = [])),
    responses((status = 200, body = Vec<CalendarFeed>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json", description = "Not a signed-in user (an API token)")))]
pub async fn list_feeds(caller: AuthUser, State(state): State<AppState>) -> Result<Json<Vec<CalendarFeed>>, AppError> {
    Ok(Json(feeds::list(&caller, &state).await?))
}

/// Creates a calendar feed; its URL (with the secret) is in this answer only.
#[utoipa::path(post, path = "/api/v1/calendar-feeds", tag = "users", security(("session" = [])), request_body = NewCalendarFeed,
    responses((status = 201, body = CreatedCalendarFeed), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create_feed(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(new): ApiJson<NewCalendarFeed>,
) -> Result<(StatusCode, Json<CreatedCalendarFeed>), AppError> {
    Ok((StatusCode::CREATED, Json(feeds::create(&caller, &state, new).await?)))
}

/// Revokes one of the caller's calendar feeds: its URL answers 404 from now on.
#[utoipa::path(delete, path = "/api/v1/calendar-feeds/{id}", tag = "users", security(("session" = [])),
    params(("id" = String, Path, description = "The feed's public id")),
    responses((status = 204, description = "Revoked"), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn revoke_feed(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, AppError> {
    feeds::revoke(&caller, &state, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The feed (RFC 5545): every plan's activities its user may see now, as
/// all-day events (tentative months as TENTATIVE events over the month).
/// No session: the secret in the path authenticates.
#[utoipa::path(get, path = "/api/v1/feeds/{file}", tag = "users",
    params(("file" = String, Path, description = "`<secret>.ics`, the path `POST /api/v1/calendar-feeds` gave"), LangQuery),
    responses(
        (status = 200, content_type = "text/calendar", description = "iCalendar: one VEVENT per dated activity"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "Unknown or revoked feed, or its user disabled"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "An unknown `lang` or parameter"),
    ))]
pub async fn read_feed(
    State(state): State<AppState>,
    ApiPath(file): ApiPath<String>,
    ApiQuery(q): ApiQuery<LangQuery>,
) -> Result<Response, AppError> {
    let lang = q.lang()?;
    let secret = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let reader = feeds::reader(&state, secret).await?;
    reader.require(Action::Read, Scope::Joint)?;
    let mut plans_seen = Vec::new();
    for plan in plans::list(&reader, &state).await? {
        let items = activity_list::all(&reader, &state, plan.year, &ActivityQuery::default()).await?;
        plans_seen.push((plan.state, items));
    }
    let mut response = ical::calendar(&plans_seen, lang).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    // A secret URL: never kept by a shared cache.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}
