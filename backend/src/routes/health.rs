//! `GET /api/v1/health`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use concord_migrations::{Migrator, MigratorTrait};
use concord_shared::Problem;
use concord_shared::api::{Health, Readiness};

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

/// Answers 200 when this instance can serve: the database answers and every
/// migration this build knows is applied (a newer build's schema is fine: the
/// migrations only add). 503 otherwise, naming which. No sign-in needed.
#[utoipa::path(get, path = "/api/v1/ready", tag = "system",
    responses((status = 200, body = Readiness), (status = 503, body = Problem, content_type = "application/problem+json")))]
pub async fn ready(State(state): State<AppState>) -> Response {
    let unavailable = |code: &str, detail: &str| {
        problem_response(
            &Problem::new(StatusCode::SERVICE_UNAVAILABLE.as_u16(), "Service Unavailable")
                .with_code(code)
                .with_detail(detail),
        )
    };
    if let Err(err) = state.db.ping().await {
        tracing::error!(error = %err, "readiness: the database does not answer");
        return unavailable("unavailable", "The database does not answer.");
    }
    match Migrator::get_pending_migrations(&state.db).await {
        Ok(pending) if pending.is_empty() => Json(Readiness {
            status: "ready".to_owned(),
            migrations: u32::try_from(Migrator::migrations().len()).unwrap_or(u32::MAX),
        })
        .into_response(),
        Ok(pending) => {
            tracing::error!(pending = pending.len(), "readiness: migrations are not applied");
            unavailable(
                "migrations_pending",
                "The database schema is older than this build: run `concord migrate`.",
            )
        }
        Err(err) => {
            tracing::error!(error = %err, "readiness: reading the applied migrations");
            unavailable("unavailable", "The database does not answer.")
        }
    }
}
