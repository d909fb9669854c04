//! The work queue and bulk decisions (issue 17).

use axum::Json;
use axum::extract::State;
use concord_shared::Problem;
use concord_shared::api::{BulkRequest, BulkResult, Inbox, InboxCounts};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath};
use crate::models::{bulk, inbox};
use crate::state::AppState;

/// Everything that awaits the caller's party and role across every plan and amendment:
/// activities awaiting consent (coordinators), changes requested on the party's activities
/// (planners), plan steps to confirm and signatures due (coordinators), carry-over due after
/// a plan is closed (planners), diplomatic notifications awaiting receipt (coordinators).
/// Grouped by plan, newest year first; each plan's items newest first.
#[utoipa::path(get, path = "/api/v1/inbox", tag = "inbox", security(("session" = []), ("token" = [])),
    responses((status = 200, body = Inbox)))]
pub async fn list(caller: AuthUser, State(state): State<AppState>) -> Result<Json<Inbox>, AppError> {
    Ok(Json(inbox::inbox(&caller, &state).await?))
}

/// How many items await the caller, in all and per kind (the header's count).
#[utoipa::path(get, path = "/api/v1/inbox/count", tag = "inbox", security(("session" = []), ("token" = [])),
    responses((status = 200, body = InboxCounts)))]
pub async fn count(caller: AuthUser, State(state): State<AppState>) -> Result<Json<InboxCounts>, AppError> {
    Ok(Json(inbox::count(&caller, &state).await?))
}

/// One decision on up to 200 activities of the plan: coordinators accept, request changes
/// or reject (one comment for all), planners share or withdraw. Explicitly partial: each
/// activity is its own versioned write in its own transaction, audited, and the answer lists
/// per activity what was done and what was refused with the single operation's status and
/// code (`stale_version` 412, `role_too_low`/`not_your_field` 403, `not_found` 404, a state 409).
/// The whole request is refused only when the caller's role may not take the action (403),
/// the plan does not exist (404), or the list or comment is invalid (422: `items` `length`
/// or `duplicate`, `comment` `required`).
#[utoipa::path(post, path = "/api/v1/plans/{year}/activities/bulk", tag = "activities", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path)), request_body = BulkRequest,
    responses((status = 200, body = BulkResult), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn bulk_decide(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    ApiJson(request): ApiJson<BulkRequest>,
) -> Result<Json<BulkResult>, AppError> {
    Ok(Json(bulk::decide(&caller, &state, year, request).await?))
}
