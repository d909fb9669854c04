//! The HTTP routes: thin handlers over the model layer.

use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use concord_shared::Problem;

use crate::error::problem_response;
use crate::startup::AppState;

mod health;
mod reference;

/// The API router, to be nested under `/api`.
pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/v1/health", get(health::health))
        .route("/v1/reference", get(reference::reference))
        .fallback(api_not_found)
        .method_not_allowed_fallback(method_not_allowed)
}

/// Unknown paths under `/api` answer a 404 problem, never the SPA.
async fn api_not_found() -> Response {
    problem_response(
        &Problem::new(StatusCode::NOT_FOUND.as_u16(), "Not Found")
            .with_detail("No API operation has this path. See /api/v1/openapi.json."),
    )
}

async fn method_not_allowed() -> Response {
    problem_response(
        &Problem::new(
            StatusCode::METHOD_NOT_ALLOWED.as_u16(),
            "Method Not Allowed",
        )
        .with_detail("This path does not accept this HTTP method."),
    )
}
