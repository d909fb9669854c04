//! The instruments register.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use concord_shared::Problem;
use concord_shared::api::{Instrument, InstrumentInput};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, IfMatch, etagged};
use crate::models::instruments;
use crate::startup::AppState;

/// Every instrument: the Agreement, additional agreements, signed plans and amendments, protocols, minutes.
#[utoipa::path(get, path = "/api/v1/instruments", tag = "instruments", security(("session" = []), ("token" = [])),
    responses((status = 200, body = Vec<Instrument>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list(caller: AuthUser, State(state): State<AppState>) -> Result<Json<Vec<Instrument>>, AppError> {
    Ok(Json(instruments::list(&caller, &state).await?))
}

/// Records an additional agreement, protocol or minutes (coordinators). The status is derived from the dates.
#[utoipa::path(post, path = "/api/v1/instruments", tag = "instruments", security(("session" = []), ("token" = [])), request_body = InstrumentInput,
    responses(
        (status = 201, body = Instrument, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<InstrumentInput>,
) -> Result<impl IntoResponse, AppError> {
    Ok((
        StatusCode::CREATED,
        etagged(instruments::create(&caller, &state, input).await?),
    ))
}

/// One instrument.
#[utoipa::path(get, path = "/api/v1/instruments/{id}", tag = "instruments", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Instrument, headers(("ETag" = String))), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get(
    caller: AuthUser,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(instruments::get(&caller, &state, id).await?))
}

/// Replaces an instrument's recorded fields (coordinators); the kind of the Agreement and of signed
/// plans stays. Needs `If-Match`.
#[utoipa::path(put, path = "/api/v1/instruments/{id}", tag = "instruments", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)), request_body = InstrumentInput,
    responses(
        (status = 200, body = Instrument, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update(
    caller: AuthUser,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    IfMatch(version): IfMatch,
    ApiJson(input): ApiJson<InstrumentInput>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(instruments::update(&caller, &state, id, version, input).await?))
}
