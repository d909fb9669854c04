//! Users of the administrator's own party.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use concord_shared::Problem;
use concord_shared::api::{NewUser, PasswordReset, UserPatch, UserView};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, IfMatch, etagged};
use crate::models::users;
use crate::state::AppState;

/// The users of the caller's party (administrators).
#[utoipa::path(get, path = "/api/v1/users", tag = "users", security(("session" = []), ("token" = [])),
    responses((status = 200, body = Vec<UserView>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list(caller: AuthUser, State(state): State<AppState>) -> Result<Json<Vec<UserView>>, AppError> {
    Ok(Json(users::list(&caller, &state).await?))
}

/// Creates a user in the caller's party, with a role no higher than the caller's.
#[utoipa::path(post, path = "/api/v1/users", tag = "users", security(("session" = []), ("token" = [])), request_body = NewUser,
    responses(
        (status = 201, body = UserView, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The user name is taken (`username_taken`, also naming `username`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(new): ApiJson<NewUser>,
) -> Result<impl IntoResponse, AppError> {
    let user = users::create(&caller, &state, new).await?;
    Ok((StatusCode::CREATED, etagged(user)))
}

/// One user of the caller's party; another party's user answers 404.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "users", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = UserView, headers(("ETag" = String))), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(users::get(&caller, &state, id).await?))
}

/// Changes display name, position, role or disabled flag. Needs `If-Match`.
/// The last active administrator of a party cannot be disabled or demoted.
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "users", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "The ETag you read")),
    request_body = UserPatch,
    responses(
        (status = 200, body = UserView, headers(("ETag" = String))),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
    ApiJson(patch): ApiJson<UserPatch>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(users::update(&caller, &state, id, version, patch).await?))
}

/// Sets a new password for a user of the caller's party; their sessions end.
#[utoipa::path(post, path = "/api/v1/users/{id}/password", tag = "users", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)), request_body = PasswordReset,
    responses((status = 204, description = "Set"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn reset_password(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(reset): ApiJson<PasswordReset>,
) -> Result<StatusCode, AppError> {
    users::reset_password(&caller, &state, id, reset).await?;
    Ok(StatusCode::NO_CONTENT)
}
