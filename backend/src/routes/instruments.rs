//! The instruments register.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use concord_shared::Problem;
use concord_shared::api::{Instrument, InstrumentInput, InstrumentKind, InstrumentStatus, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiJson, ApiPath, ApiQuery, IfMatch, check_paging, etagged};
use crate::models::{Check, instruments};
use crate::state::AppState;

/// Filters and paging of the register.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RegisterQuery {
    /// Free text in the title or number.
    pub q: Option<String>,
    /// `base_agreement`, `additional_agreement`, `annual_plan`, `plan_amendment`, `protocol` or `minutes`.
    #[param(pattern = "^(|base_agreement|additional_agreement|annual_plan|plan_amendment|protocol|minutes)$")]
    pub kind: Option<String>,
    /// `unsigned`, `signed`, `in_force` or `terminated` (as of today).
    #[param(pattern = "^(|unsigned|signed|in_force|terminated)$")]
    pub status: Option<String>,
    /// Year of signature, 2000–2200.
    #[param(pattern = "^(|20[0-9][0-9]|21[0-9][0-9]|2200)$")]
    pub year: Option<String>,
    /// Items to skip (default 0).
    #[serde(default)]
    #[param(maximum = 9_223_372_036_854_775_807_i64)]
    pub offset: u64,
    /// Items per page, 1–500 (default 50).
    #[serde(default = "default_limit")]
    #[param(minimum = 1, maximum = 500)]
    pub limit: u64,
}

fn default_limit() -> u64 {
    50
}

/// The query's filters, each wrong one named (422).
pub(crate) fn filter_of(q: RegisterQuery) -> Result<instruments::Filter, AppError> {
    // The page too: the list and its exports both declare it.
    check_paging(q.offset, Some(q.limit), 500)?;
    let mut check = Check::default();
    let given = crate::models::non_empty;
    let kind = given(q.kind).and_then(|code| {
        let kind = InstrumentKind::from_code(&code);
        if kind.is_none() {
            check.fail("kind", "invalid", "not a kind of instrument");
        }
        kind
    });
    let status = given(q.status).and_then(|code| {
        let status = match code.as_str() {
            "unsigned" => Some(InstrumentStatus::Unsigned),
            "signed" => Some(InstrumentStatus::Signed),
            "in_force" => Some(InstrumentStatus::InForce),
            "terminated" => Some(InstrumentStatus::Terminated),
            _ => None,
        };
        if status.is_none() {
            check.fail("status", "invalid", "unsigned, signed, in_force or terminated");
        }
        status
    });
    let year = given(q.year).and_then(|text| {
        let year = text.parse::<i32>().ok().filter(|y| (2000..=2200).contains(y));
        if year.is_none() {
            check.fail("year", "invalid", "a year such as 2025");
        }
        year
    });
    check.finish()?;
    Ok(instruments::Filter {
        q: given(q.q),
        kind,
        status,
        year,
        offset: q.offset,
        limit: q.limit,
    })
}

/// A page of the register (the Agreement first, then in the order recorded): additional
/// agreements, signed plans and amendments, protocols, minutes; `total` counts every match.
#[utoipa::path(get, path = "/api/v1/instruments", tag = "instruments", security(("session" = []), ("token" = [])),
    params(RegisterQuery),
    responses(
        (status = 200, body = Page<Instrument>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<RegisterQuery>,
) -> Result<Json<Page<Instrument>>, AppError> {
    Ok(Json(instruments::list(&caller, &state, &filter_of(q)?).await?))
}

/// Records an additional agreement, protocol or minutes (coordinators). The status is derived from the dates.
#[utoipa::path(post, path = "/api/v1/instruments", tag = "instruments", security(("session" = []), ("token" = [])), request_body = InstrumentInput,
    responses(
        (status = 201, body = Instrument, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<InstrumentInput>,
) -> Result<impl IntoResponse, AppError> {
    Ok((
        StatusCode::CREATED,
        etagged(instruments::create(&caller, &state, input).await?),
    ))
}

/// One instrument.
#[utoipa::path(get, path = "/api/v1/instruments/{id}", tag = "instruments", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Instrument, headers(("ETag" = String))), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(instruments::get(&caller, &state, id).await?))
}

/// Replaces an instrument's recorded fields (coordinators); the kind of the Agreement and of signed
/// plans stays. Needs `If-Match`.
#[utoipa::path(put, path = "/api/v1/instruments/{id}", tag = "instruments", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header)), request_body = InstrumentInput,
    responses(
        (status = 200, body = Instrument, headers(("ETag" = String))),
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
    ApiJson(input): ApiJson<InstrumentInput>,
) -> Result<impl IntoResponse, AppError> {
    Ok(etagged(instruments::update(&caller, &state, id, version, input).await?))
}
