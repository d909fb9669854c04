//! The audit log, as the caller's party may read it.

use axum::Json;
use axum::extract::State;
use concord_shared::Problem;
use concord_shared::api::{AuditEntry, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiQuery, check_paging};
use crate::models::audit_log;
use crate::state::AppState;

/// Paging of a list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// Items to skip (default 0).
    #[serde(default)]
    #[param(maximum = 9_223_372_036_854_775_807_i64)]
    pub offset: u64,
    /// Items per page, 1–200 (default 50).
    #[serde(default = "default_limit")]
    #[param(minimum = 1, maximum = 200)]
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
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<Json<Page<AuditEntry>>, AppError> {
    check_paging(paging.offset, Some(paging.limit), 200)?;
    Ok(Json(
        audit_log::list(&caller, &state, paging.offset, paging.limit).await?,
    ))
}
