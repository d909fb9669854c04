//! The one error type of the HTTP layer. Every error leaves as RFC 9457
//! problem+json; server errors are logged with their cause and answered
//! without internals.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use concord_shared::Problem;
use concord_shared::problem::{FieldError, PROBLEM_CONTENT_TYPE};

/// An error a handler returns.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 404: the resource does not exist, or the caller may not know it exists.
    #[error("not found")]
    NotFound,
    /// 400: the request is malformed (unparsable JSON, bad query string).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 422: the request is well-formed but some fields are invalid.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// 500: anything unexpected; the cause is logged, never sent.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        AppError::Internal(err.into())
    }
}

impl AppError {
    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn problem(&self) -> Problem {
        let status = self.status();
        let title = status.canonical_reason().unwrap_or("Error");
        match self {
            AppError::NotFound => Problem::new(status.as_u16(), title)
                .with_detail("There is nothing here, or you may not see it."),
            AppError::BadRequest(detail) => {
                Problem::new(status.as_u16(), title).with_detail(detail.clone())
            }
            AppError::Invalid(errors) => {
                let mut problem =
                    Problem::new(status.as_u16(), title).with_detail("Some fields are invalid.");
                problem.errors = errors.clone();
                problem
            }
            AppError::Internal(_) => Problem::new(status.as_u16(), title)
                .with_detail("Something went wrong on our side. It has been logged."),
        }
    }
}

/// Writes a problem as an HTTP response.
pub fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_default();
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(PROBLEM_CONTENT_TYPE),
    );
    response
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(err) = &self {
            tracing::error!(error = ?err, "request failed");
        }
        problem_response(&self.problem())
    }
}
