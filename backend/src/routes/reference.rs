//! `GET /api/v1/reference`.

use axum::Json;
use axum::extract::State;
use concord_shared::api::Reference;

use crate::error::AppError;
use crate::models;
use crate::startup::AppState;

/// The agreement, the parties with their competent authorities, the areas and forms.
pub async fn reference(State(state): State<AppState>) -> Result<Json<Reference>, AppError> {
    let today = chrono::Utc::now().date_naive();
    Ok(Json(models::reference::load(&state.db, today).await?))
}
