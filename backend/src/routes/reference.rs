//! `GET /api/v1/reference`.

use axum::Json;
use axum::extract::State;
use concord_shared::Problem;
use concord_shared::api::Reference;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models;
use crate::state::AppState;

/// The agreement, the parties with their competent authorities, the areas and forms.
#[utoipa::path(get, path = "/api/v1/reference", tag = "system",
    security(("session" = []), ("token" = [])),
    responses((status = 200, body = Reference), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn reference(_caller: AuthUser, State(state): State<AppState>) -> Result<Json<Reference>, AppError> {
    let today = chrono::Utc::now().date_naive();
    Ok(Json(models::reference::load(&state.db, today).await?))
}
