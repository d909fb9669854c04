//! `GET /api/v1/health`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use concord_shared::Problem;
use concord_shared::api::Health;

use crate::error::problem_response;
use crate::state::AppState;

/// Answers 200 when the database answers, 503 otherwise. No sign-in needed.
#[utoipa::path(get, path = "/api/v1/health", tag = "system",
    responses((status = 200, body = Health), (status = 503, body = Problem, content_type = "application/problem+json")))]
pub async fn health(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => Json(Health {
            status: "ok".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            database: if state.settings.is_sqlite() {
                "sqlite"
            } else {
                "postgres"
            }
            .to_owned(),
        })
        .into_response(),
        Err(err) => {
            tracing::error!(error = %err, "health check: the database does not answer");
            problem_response(
                &Problem::new(StatusCode::SERVICE_UNAVAILABLE.as_u16(), "Service Unavailable")
                    .with_code("unavailable")
                    .with_detail("The database does not answer."),
            )
        }
    }
}
