//! Competent authorities and diplomatic notifications.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use concord_shared::Problem;
use concord_shared::api::{Authority, AuthorityChange, NewNotification, Notification, NotificationReceipt, Page};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, IfMatch, check_paging, etagged};
use crate::models::{authorities, notifications};
use crate::routes::audit::Paging;
use crate::state::AppState;

/// Both parties' competent authorities over time, and the caller's party's pending changes.
#[utoipa::path(get, path = "/api/v1/authorities", tag = "authorities", security(("session" = []), ("token" = [])),
    responses((status = 200, body = Vec<Authority>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_authorities(
    caller: AuthUser,
    State(state): State<AppState>,
) -> Result<Json<Vec<Authority>>, AppError> {
    Ok(Json(authorities::list(&caller, &state).await?))
}

/// Enters a pending change of the caller's party's competent authority (coordinators): visible
/// only to that party until a notification announcing it is recorded.
#[utoipa::path(post, path = "/api/v1/authorities", tag = "authorities", security(("session" = []), ("token" = [])), request_body = AuthorityChange,
    responses(
        (status = 201, body = Authority, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn propose_authority(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(change): ApiJson<AuthorityChange>,
) -> Result<impl IntoResponse, AppError> {
    Ok((
        StatusCode::CREATED,
        etagged(authorities::propose(&caller, &state, change).await?),
    ))
}

/// One authority entry; another party's pending change is 404.
#[utoipa::path(get, path = "/api/v1/authorities/{id}", tag = "authorities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Authority, headers(("ETag" = String))), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_authority(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(authorities::get(&caller, &state, id).await?))
}

/// Changes a pending change (its party's coordinators); a notified one is 409. Needs `If-Match`.
#[utoipa::path(put, path = "/api/v1/authorities/{id}", tag = "authorities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)), request_body = AuthorityChange,
    responses(
        (status = 200, body = Authority, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_authority(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
    ApiJson(change): ApiJson<AuthorityChange>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(
        authorities::update(&caller, &state, id, version, change).await?,
    ))
}

/// Drops a pending change never notified (its party's coordinators). Needs `If-Match`.
#[utoipa::path(delete, path = "/api/v1/authorities/{id}", tag = "authorities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses(
        (status = 204),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_authority(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
) -> Result<StatusCode, AppError> {
    authorities::delete(&caller, &state, id, version).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A page of the diplomatic notifications of both parties, newest first; `total` counts them all.
#[utoipa::path(get, path = "/api/v1/notifications", tag = "authorities", security(("session" = []), ("token" = [])),
    params(Paging),
    responses((status = 200, body = Page<Notification>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_notifications(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<Json<Page<Notification>>, AppError> {
    check_paging(paging.offset, Some(paging.limit), 200)?;
    Ok(Json(
        notifications::list(&caller, &state, paging.offset, paging.limit).await?,
    ))
}

/// Records a note the caller's party sent (coordinators). With `authority` and `effective_on`
/// the pending change takes effect on that date, never before today.
#[utoipa::path(post, path = "/api/v1/notifications", tag = "authorities", security(("session" = []), ("token" = [])), request_body = NewNotification,
    responses(
        (status = 201, body = Notification, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_notification(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(new): ApiJson<NewNotification>,
) -> Result<impl IntoResponse, AppError> {
    Ok((
        StatusCode::CREATED,
        etagged(notifications::record(&caller, &state, new).await?),
    ))
}

/// One notification.
#[utoipa::path(get, path = "/api/v1/notifications/{id}", tag = "authorities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Notification, headers(("ETag" = String))), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_notification(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(notifications::get(&caller, &state, id).await?))
}

/// Records receipt and acknowledgement later (the receiving party's coordinators: the
/// sending party's are 403). Needs `If-Match`.
#[utoipa::path(put, path = "/api/v1/notifications/{id}/receipt", tag = "authorities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)), request_body = NotificationReceipt,
    responses(
        (status = 200, body = Notification, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn notification_receipt(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
    ApiJson(receipt): ApiJson<NotificationReceipt>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(
        notifications::receipt(&caller, &state, id, version, receipt).await?,
    ))
}
