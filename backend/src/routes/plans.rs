//! Annual plans, their steps, and their activities' lists.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use concord_shared::Problem;
use concord_shared::api::{
    Activity, ActivityCard, ActivityCounts, CarryOver, ExecutionReport, NewActivity, NewPlan, NewSignature, Page, Plan,
    PlanVersionDetail, PlanVersionInfo, TransitionRequest, VersionComparison,
};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, IfMatch, check_paging, etagged};
use crate::models::activity_list::{ActivityQuery, Shape};
use crate::models::{activities, activity_list, plans, versions};
use crate::state::AppState;

/// The activity list's paging, checked before it reaches the database (the
/// exports check it too: an out-of-range number is 422 wherever it is declared).
pub(super) fn checked(q: ActivityQuery) -> Result<ActivityQuery, AppError> {
    check_paging(q.offset, q.limit, 500)?;
    Ok(q)
}

/// Every plan, newest year first.
#[utoipa::path(get, path = "/api/v1/plans", tag = "plans", security(("session" = []), ("token" = [])),
    responses((status = 200, body = Vec<Plan>), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list(caller: AuthUser, State(state): State<AppState>) -> Result<Json<Vec<Plan>>, AppError> {
    Ok(Json(plans::list(&caller, &state).await?))
}

/// Creates the plan for a year that has none (coordinators of either party).
#[utoipa::path(post, path = "/api/v1/plans", tag = "plans", security(("session" = []), ("token" = [])), request_body = NewPlan,
    responses(
        (status = 201, body = Plan, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "A plan exists for that year"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(new): ApiJson<NewPlan>,
) -> Result<impl IntoResponse, AppError> {
    Ok((
        StatusCode::CREATED,
        etagged(plans::create(&caller, &state, new, false).await?),
    ))
}

/// One plan: its state, the step proposal awaiting confirmation, and what blocks its next step.
#[utoipa::path(get, path = "/api/v1/plans/{year}", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path)),
    responses((status = 200, body = Plan, headers(("ETag" = String))), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(plans::get(&caller, &state, year).await?))
}

/// Proposes, confirms, declines or withdraws the plan's next step (coordinators; the
/// other party's coordinator confirms). Needs `If-Match`.
#[utoipa::path(post, path = "/api/v1/plans/{year}/transitions", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), ("If-Match" = String, Header)), request_body = TransitionRequest,
    responses(
        (status = 200, body = Plan, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The step's condition does not hold"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn transition(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    IfMatch(version): IfMatch,
    ApiJson(request): ApiJson<TransitionRequest>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(
        plans::transition(&caller, &state, year, version, request).await?,
    ))
}

/// A page of the plan's activities the caller may see: shared ones and the caller's party's drafts.
/// Its `ETag` names the plan's revision, the caller's party and the query:
/// `If-None-Match` with it answers 304 while nothing in the plan changed.
#[utoipa::path(get, path = "/api/v1/plans/{year}/activities", tag = "activities", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), ActivityQuery, ("If-None-Match" = Option<String>, Header, description = "An ETag this client holds")),
    responses(
        (status = 200, body = Page<Activity>, headers(("ETag" = String))),
        (status = 304, description = "Not modified: the tag in If-None-Match is current", headers(("ETag" = String))),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn activities(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    ApiQuery(q): ApiQuery<ActivityQuery>,
    headers: axum::http::HeaderMap,
) -> Result<axum::response::Response, AppError> {
    listed(&caller, &state, year, q, Shape::Whole, &headers).await
}

/// What the board, the table and the plan's work queue draw of the plan's
/// activities the caller may see ([`ActivityCard`]: no descriptions, no
/// sides, titles only), filtered, sorted and paged as the list is, with
/// the list's `ETag`s (`If-None-Match` answers 304 while nothing changed).
#[utoipa::path(get, path = "/api/v1/plans/{year}/activities/cards", tag = "activities", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), ActivityQuery, ("If-None-Match" = Option<String>, Header, description = "An ETag this client holds")),
    responses(
        (status = 200, body = Page<ActivityCard>, headers(("ETag" = String))),
        (status = 304, description = "Not modified: the tag in If-None-Match is current", headers(("ETag" = String))),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn activity_cards(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    ApiQuery(q): ApiQuery<ActivityQuery>,
    headers: axum::http::HeaderMap,
) -> Result<axum::response::Response, AppError> {
    listed(&caller, &state, year, q, Shape::Cards, &headers).await
}

/// A page of the list in `shape`, or 304 when the client holds it.
async fn listed(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    q: ActivityQuery,
    shape: Shape,
    headers: &axum::http::HeaderMap,
) -> Result<axum::response::Response, AppError> {
    let listed = activity_list::list_json(caller, state, year, checked(q)?, shape, |tag| {
        crate::extract::none_match(headers, tag)
    })
    .await?;
    Ok(match listed.page {
        None => crate::extract::not_modified(&listed.etag),
        Some(page) => (
            [
                (header::CONTENT_TYPE, "application/json".to_owned()),
                (header::ETAG, listed.etag),
            ],
            page,
        )
            .into_response(),
    })
}

/// Counts per consent state, area, form and host party of what the caller may see (filters applied).
#[utoipa::path(get, path = "/api/v1/plans/{year}/activities/counts", tag = "activities", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), ActivityQuery),
    responses((status = 200, body = ActivityCounts), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn counts(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    ApiQuery(q): ApiQuery<ActivityQuery>,
) -> Result<Json<ActivityCounts>, AppError> {
    Ok(Json(activity_list::counts(&caller, &state, year, checked(q)?).await?))
}

/// Drafts an activity of the caller's party, private until shared (planners and above).
#[utoipa::path(post, path = "/api/v1/plans/{year}/activities", tag = "activities", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path)), request_body = NewActivity,
    responses(
        (status = 201, body = Activity, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_activity(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    ApiJson(new): ApiJson<NewActivity>,
) -> Result<impl IntoResponse, AppError> {
    Ok((
        StatusCode::CREATED,
        etagged(activities::create(&caller, &state, year, new).await?),
    ))
}

/// Records the caller's party's signature on an agreed plan (coordinators). With both
/// signatures the version is frozen (snapshot and SHA-256) and the plan is signed. Needs `If-Match`.
#[utoipa::path(post, path = "/api/v1/plans/{year}/signatures", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), ("If-Match" = String, Header)), request_body = NewSignature,
    responses(
        (status = 200, body = Plan, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn sign(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    IfMatch(version): IfMatch,
    ApiJson(new): ApiJson<NewSignature>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(versions::sign(&caller, &state, year, version, new).await?))
}

/// Opens an amendment of a signed plan (either party's coordinator): the plan returns to
/// negotiation for its next version; the signed version stays in force. Needs `If-Match`.
#[utoipa::path(post, path = "/api/v1/plans/{year}/amendments", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), ("If-Match" = String, Header)),
    responses(
        (status = 200, body = Plan, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn amend(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    IfMatch(version): IfMatch,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(versions::open_amendment(&caller, &state, year, version).await?))
}

/// The plan's signed versions, oldest first.
#[utoipa::path(get, path = "/api/v1/plans/{year}/versions", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path)),
    responses((status = 200, body = Vec<PlanVersionInfo>), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn versions_list(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
) -> Result<Json<Vec<PlanVersionInfo>>, AppError> {
    Ok(Json(versions::list(&caller, &state, year).await?))
}

/// One signed version: its canonical JSON snapshot and SHA-256, readable forever.
#[utoipa::path(get, path = "/api/v1/plans/{year}/versions/{number}", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), ("number" = i32, Path)),
    responses((status = 200, body = PlanVersionDetail), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn version(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath((year, number)): ApiPath<(i32, i32)>,
) -> Result<Json<PlanVersionDetail>, AppError> {
    Ok(Json(versions::get(&caller, &state, year, number).await?))
}

/// The versions to compare.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct Compare {
    /// The older version.
    pub from: i32,
    /// The newer version.
    pub to: i32,
}

/// Compares two signed versions: activities added, removed, and changed field by field.
#[utoipa::path(get, path = "/api/v1/plans/{year}/versions/compare", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), Compare),
    responses((status = 200, body = VersionComparison), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn compare(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    ApiQuery(q): ApiQuery<Compare>,
) -> Result<Json<VersionComparison>, AppError> {
    Ok(Json(versions::compare(&caller, &state, year, q.from, q.to).await?))
}

/// The execution report of a signed or closed plan: per area, form and party held,
/// postponed, cancelled and the share carried out; hosted versus sent per party.
#[utoipa::path(get, path = "/api/v1/plans/{year}/report", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path)),
    responses((status = 200, body = ExecutionReport), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json")))]
pub async fn report(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
) -> Result<Json<ExecutionReport>, AppError> {
    Ok(Json(crate::models::execution::report(&caller, &state, year).await?))
}

/// Carries the caller's party's activities that were not held into next year's plan, as
/// new drafts linked to the originals (planners).
#[utoipa::path(post, path = "/api/v1/plans/{year}/carry-over", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path)), request_body = CarryOver,
    responses((status = 201, body = Vec<Activity>), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn carry_over(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    ApiJson(request): ApiJson<CarryOver>,
) -> Result<(StatusCode, Json<Vec<Activity>>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(crate::models::execution::carry_over(&caller, &state, year, request).await?),
    ))
}
