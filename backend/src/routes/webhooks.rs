//! Webhooks of the administrator's own party and their deliveries.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use concord_shared::Problem;
use concord_shared::api::{CreatedWebhook, NewWebhook, Page, Webhook, WebhookDelivery, WebhookPatch};

use super::audit::Paging;
use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, IfMatch, check_paging, etagged};
use crate::models::webhooks;
use crate::state::AppState;

/// The webhooks of the caller's party (administrators).
#[utoipa::path(get, path = "/api/v1/webhooks", tag = "webhooks", security(("session" = []), ("token" = [])),
    responses((status = 200, body = Vec<Webhook>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list(caller: AuthUser, State(state): State<AppState>) -> Result<Json<Vec<Webhook>>, AppError> {
    Ok(Json(webhooks::list(&caller, &state).await?))
}

/// Registers a webhook for the caller's party; its signing secret is in this answer only.
/// The URL must be `https://` (or `http://` to the loopback, for development):
/// 422 `insecure_url` on `url` otherwise.
#[utoipa::path(post, path = "/api/v1/webhooks", tag = "webhooks", security(("session" = []), ("token" = [])),
    request_body = NewWebhook,
    responses((status = 201, body = CreatedWebhook), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(new): ApiJson<NewWebhook>,
) -> Result<(StatusCode, Json<CreatedWebhook>), AppError> {
    Ok((StatusCode::CREATED, Json(webhooks::create(&caller, &state, new).await?)))
}

/// One webhook of the caller's party; another party's answers 404.
#[utoipa::path(get, path = "/api/v1/webhooks/{id}", tag = "webhooks", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path, description = "The webhook's id")),
    responses((status = 200, body = Webhook, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(webhooks::get(&caller, &state, id).await?))
}

/// Changes a webhook's URL, kinds or enabled flag. Needs `If-Match`.
#[utoipa::path(patch, path = "/api/v1/webhooks/{id}", tag = "webhooks", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path, description = "The webhook's id"), ("If-Match" = String, Header, description = "The ETag you read")),
    request_body = WebhookPatch,
    responses(
        (status = 200, body = Webhook, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
    ApiJson(patch): ApiJson<WebhookPatch>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(webhooks::update(&caller, &state, id, version, patch).await?))
}

/// Deletes a webhook and its delivery log.
#[utoipa::path(delete, path = "/api/v1/webhooks/{id}", tag = "webhooks", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path, description = "The webhook's id")),
    responses((status = 204, description = "Deleted"), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn delete(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, AppError> {
    webhooks::delete(&caller, &state, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A webhook's deliveries with their attempts and status codes, newest first.
#[utoipa::path(get, path = "/api/v1/webhooks/{id}/deliveries", tag = "webhooks", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path, description = "The webhook's id"), Paging),
    responses((status = 200, body = Page<WebhookDelivery>), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn deliveries(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<Json<Page<WebhookDelivery>>, AppError> {
    check_paging(paging.offset, Some(paging.limit), 200)?;
    Ok(Json(
        webhooks::deliveries(&caller, &state, id, paging.offset, paging.limit).await?,
    ))
}

/// Sends a delivery again at once, with the same body and a fresh signature.
#[utoipa::path(post, path = "/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver", tag = "webhooks",
    security(("session" = []), ("token" = [])),
    params(("id" = i64, Path, description = "The webhook's id"), ("delivery" = i64, Path, description = "The delivery's id")),
    responses((status = 202, body = WebhookDelivery), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn redeliver(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath((id, delivery)): ApiPath<(i64, i64)>,
) -> Result<(StatusCode, Json<WebhookDelivery>), AppError> {
    Ok((
        StatusCode::ACCEPTED,
        Json(webhooks::redeliver(&caller, &state, id, delivery).await?),
    ))
}
