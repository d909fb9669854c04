//! The audit log, as the caller's party may read it.

use axum::Json;
use axum::extract::{Query, State};
use concord_shared::Problem;
use concord_shared::api::{AuditEntry, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::audit_log;
use crate::state::AppState;

/// Paging of a list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct Paging {
    /// Items to skip (default 0).
    #[serde(default)]
    pub offset: u64,
    /// Items per page, 1–200 (default 50).
    #[serde(default = "default_limit")]
    pub limit: u64,
}

fn default_limit() -> u64 {
    50
}

/// Audit entries of the caller's party and the joint ones, newest first (administrators).
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", security(("session" = []), ("token" = [])),
    params(Paging),
    responses((status = 200, body = Page<AuditEntry>), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    caller: AuthUser,
    State(state): State<AppState>,
    paging: Result<Query<Paging>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Page<AuditEntry>>, AppError> {
    let Query(paging) = paging.map_err(|e| AppError::BadRequest(e.body_text()))?;
    Ok(Json(
        audit_log::list(&caller, &state, paging.offset, paging.limit).await?,
    ))
}
