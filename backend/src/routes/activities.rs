//! One activity: read, edit, share, withdraw, delete a draft, consent,
//! comments and internal notes.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use concord_shared::Problem;
use concord_shared::api::{
    Activity, ActivityPatch, Comment, ConsentRequest, ExecutionUpdate, HistoryEntry, NewComment, Page, SummaryUpdate,
};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, IfMatch, check_paging, etagged};
use crate::models::{activities, audit_log, comments};
use crate::routes::audit::Paging;
use crate::state::AppState;

/// One activity; another party's draft is 404. Its `ETag` is its version:
/// `If-None-Match` with the current one answers 304 without a body.
#[utoipa::path(get, path = "/api/v1/activities/{id}", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-None-Match" = Option<String>, Header, description = "An ETag this client holds")),
    responses(
        (status = 200, body = Activity, headers(("ETag" = String))),
        (status = 304, description = "Not modified: the tag in If-None-Match is current", headers(("ETag" = String))),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: axum::http::HeaderMap,
) -> Result<axum::response::Response, AppError> {
    // Visibility first: a tag never reveals what the caller may not see.
    let activity = activities::get(&caller, &state, id).await?;
    let tag = crate::extract::etag(&activity.version);
    // A party's translation changes no activity version (its row is the
    // party's own): once one was written after the activity's last change,
    // the version alone cannot say the client holds it.
    let texts_since = activity.texts.iter().any(|t| t.written_at > activity.updated_at);
    if !texts_since && crate::extract::none_match(&headers, &tag) {
        return Ok(crate::extract::not_modified(&tag));
    }
    Ok(etagged(activity).into_response())
}

/// Edits an activity: the proposing party its substance (resets both parties' consent;
/// an agreed plan returns to negotiation), each party its own side. Needs `If-Match`.
#[utoipa::path(patch, path = "/api/v1/activities/{id}", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)), request_body = ActivityPatch,
    responses(
        (status = 200, body = Activity, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
    ApiJson(patch): ApiJson<ActivityPatch>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(activities::update(&caller, &state, id, version, patch).await?))
}

/// Deletes a draft that was never shared. Needs `If-Match`.
#[utoipa::path(delete, path = "/api/v1/activities/{id}", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 204, description = "Deleted"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn delete(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
) -> Result<StatusCode, AppError> {
    activities::delete_draft(&caller, &state, id, version).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Shares a draft with the other party (it gets its reference code), or shares a
/// rejected or withdrawn activity again after revision. Needs `If-Match`.
#[utoipa::path(post, path = "/api/v1/activities/{id}/share", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = Activity, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn share(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(activities::share(&caller, &state, id, version).await?))
}

/// The proposing party withdraws a shared activity; it leaves the plan. Needs `If-Match`.
#[utoipa::path(post, path = "/api/v1/activities/{id}/withdraw", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = Activity, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn withdraw(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(activities::withdraw(&caller, &state, id, version).await?))
}

/// A coordinator accepts, rejects or requests changes for their party, with a comment. Needs `If-Match`.
#[utoipa::path(post, path = "/api/v1/activities/{id}/consent", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)), request_body = ConsentRequest,
    responses((status = 200, body = Activity, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn consent(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
    ApiJson(request): ApiJson<ConsentRequest>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(
        activities::consent(&caller, &state, id, version, request).await?,
    ))
}

/// The activity's history from the audit log, newest first: the entries the caller's party
/// may read (joint ones and its own party's), each with the fields that changed. Another
/// party's draft is 404.
#[utoipa::path(get, path = "/api/v1/activities/{id}/history", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), Paging),
    responses((status = 200, body = Page<HistoryEntry>), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn history(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<Json<Page<HistoryEntry>>, AppError> {
    check_paging(paging.offset, Some(paging.limit), 200)?;
    Ok(Json(
        audit_log::activity_history(&caller, &state, id, paging.offset, paging.limit).await?,
    ))
}

/// Comments on an activity, oldest first; authors of the other party appear by name and position only.
#[utoipa::path(get, path = "/api/v1/activities/{id}/comments", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Vec<Comment>), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn list_comments(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<Comment>>, AppError> {
    Ok(Json(comments::list(&caller, &state, id, false).await?))
}

/// Adds a comment (planners and above).
#[utoipa::path(post, path = "/api/v1/activities/{id}/comments", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)), request_body = NewComment,
    responses((status = 201, body = Comment), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn add_comment(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(new): ApiJson<NewComment>,
) -> Result<(StatusCode, Json<Comment>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(comments::add(&caller, &state, id, new, false).await?),
    ))
}

/// The caller's party's internal notes on an activity; the other party never sees them.
#[utoipa::path(get, path = "/api/v1/activities/{id}/notes", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Vec<Comment>), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn list_notes(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<Comment>>, AppError> {
    Ok(Json(comments::list(&caller, &state, id, true).await?))
}

/// Adds an internal note, visible only to the caller's party (planners and above).
#[utoipa::path(post, path = "/api/v1/activities/{id}/notes", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)), request_body = NewComment,
    responses((status = 201, body = Comment), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn add_note(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(new): ApiJson<NewComment>,
) -> Result<(StatusCode, Json<Comment>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(comments::add(&caller, &state, id, new, true).await?),
    ))
}

/// The host party reports execution: `planned → confirmed → held`, or
/// `postponed` / `cancelled` with a reason (signed plans). Needs `If-Match`.
#[utoipa::path(post, path = "/api/v1/activities/{id}/execution", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)), request_body = ExecutionUpdate,
    responses((status = 200, body = Activity, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn execution(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
    ApiJson(update): ApiJson<ExecutionUpdate>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(
        crate::models::execution::set_status(&caller, &state, id, version, update).await?,
    ))
}

/// The caller's party's after-action summary, once the activity is held. Needs `If-Match`.
#[utoipa::path(put, path = "/api/v1/activities/{id}/summary", tag = "activities", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)), request_body = SummaryUpdate,
    responses((status = 200, body = Activity, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn summary(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    IfMatch(version): IfMatch,
    ApiJson(update): ApiJson<SummaryUpdate>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(
        crate::models::execution::set_summary(&caller, &state, id, version, update).await?,
    ))
}
