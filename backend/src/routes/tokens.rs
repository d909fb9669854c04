//! API tokens of the administrator's own party.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use concord_shared::Problem;
use concord_shared::api::{CreatedToken, NewToken, TokenView};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath};
use crate::models::tokens;
use crate::state::AppState;

/// The tokens of the caller's party (administrators).
#[utoipa::path(get, path = "/api/v1/tokens", tag = "tokens", security(("session" = []), ("token" = [])),
    responses((status = 200, body = Vec<TokenView>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list(caller: AuthUser, State(state): State<AppState>) -> Result<Json<Vec<TokenView>>, AppError> {
    Ok(Json(tokens::list(&caller, &state).await?))
}

/// Creates a token; its secret is in this answer only.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "tokens", security(("session" = [])), request_body = NewToken,
    responses((status = 201, body = CreatedToken), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(new): ApiJson<NewToken>,
) -> Result<(StatusCode, Json<CreatedToken>), AppError> {
    Ok((StatusCode::CREATED, Json(tokens::create(&caller, &state, new).await?)))
}

/// Revokes a token of the caller's party.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "tokens", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The token's public id")),
    responses((status = 204, description = "Revoked"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn revoke(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, AppError> {
    tokens::revoke(&caller, &state, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
