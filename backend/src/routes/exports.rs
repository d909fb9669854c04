//! The plan on paper: the signature-ready PDF of a plan and of a signed
//! version, and the execution report as a PDF; the activity list as CSV.

use axum::extract::{Path, Query, RawQuery, State};
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use concord_shared::paper::DocLangs;
use concord_shared::{Lang, Problem};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::activity_list::{self, ActivityQuery};
use crate::paper;
use crate::state::AppState;

/// The language(s) of a document.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// `en`, `az` or `ka`, or a parallel text: `az,ka`, `az,en` or `ka,en` (default `en`).
    pub lang: Option<String>,
}

type QueryResult<T> = Result<Query<T>, axum::extract::rejection::QueryRejection>;

fn langs(q: QueryResult<LangQuery>) -> Result<DocLangs, AppError> {
    let Query(q) = q.map_err(|e| AppError::BadRequest(e.body_text()))?;
    let code = q.lang.unwrap_or_else(|| "en".to_owned());
    DocLangs::parse(&code).ok_or_else(|| {
        AppError::BadRequest(format!(
            "lang must be one of {}, not {code:?}",
            DocLangs::CODES.join(" | ")
        ))
    })
}

fn pdf(bytes: Vec<u8>, filename: &str) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

/// The plan as a signature-ready PDF: its signed version when signed or closed,
/// else the version in progress marked DRAFT on every page. Accepted activities only.
#[utoipa::path(get, path = "/api/v1/plans/{year}/document.pdf", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), LangQuery),
    responses(
        (status = 200, content_type = "application/pdf", description = "Tagged PDF/A-2a: title, Agreement, activities, signature blocks; page x of y, version and SHA-256 on every page"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "Unknown `lang`"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn plan_document(
    caller: AuthUser,
    State(state): State<AppState>,
    Path(year): Path<i32>,
    q: QueryResult<LangQuery>,
) -> Result<Response, AppError> {
    let langs = langs(q)?;
    let bytes = paper::plan_pdf(&caller, &state, year, None, langs).await?;
    Ok(pdf(
        bytes,
        &format!("plan-{year}-{}.pdf", langs.code().replace(',', "-")),
    ))
}

/// One signed version as a PDF, exactly as frozen, with its SHA-256 on every page.
#[utoipa::path(get, path = "/api/v1/plans/{year}/versions/{number}/document.pdf", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), ("number" = i32, Path), LangQuery),
    responses(
        (status = 200, content_type = "application/pdf", description = "Tagged PDF/A-2a of the frozen version"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "Unknown `lang`"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn version_document(
    caller: AuthUser,
    State(state): State<AppState>,
    Path((year, number)): Path<(i32, i32)>,
    q: QueryResult<LangQuery>,
) -> Result<Response, AppError> {
    let langs = langs(q)?;
    let bytes = paper::plan_pdf(&caller, &state, year, Some(number), langs).await?;
    Ok(pdf(
        bytes,
        &format!("plan-{year}-v{number}-{}.pdf", langs.code().replace(',', "-")),
    ))
}

/// The execution report of a signed or closed plan as a PDF, its charts drawn.
#[utoipa::path(get, path = "/api/v1/plans/{year}/report.pdf", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), LangQuery),
    responses(
        (status = 200, content_type = "application/pdf", description = "Tagged PDF/A-2a of the execution report"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "Unknown `lang`"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "No signed version yet"),
    ))]
pub async fn report_document(
    caller: AuthUser,
    State(state): State<AppState>,
    Path(year): Path<i32>,
    q: QueryResult<LangQuery>,
) -> Result<Response, AppError> {
    let langs = langs(q)?;
    let bytes = paper::report_pdf(&caller, &state, year, langs).await?;
    Ok(pdf(
        bytes,
        &format!("report-{year}-{}.pdf", langs.code().replace(',', "-")),
    ))
}

/// The activity list's filters (those of `GET …/activities`) and the header language.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(
    dead_code,
    reason = "describes `lang` in the OpenAPI document; the handler reads it from the raw query"
)]
#[into_params(parameter_in = Query)]
pub struct CsvQuery {
    /// `en` (default), `az` or `ka`: the headers and fixed labels.
    pub lang: Option<String>,
}

/// The filtered activity list as CSV: what the caller may see, every page.
#[utoipa::path(get, path = "/api/v1/plans/{year}/activities.csv", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), CsvQuery, ActivityQuery),
    responses(
        (status = 200, content_type = "text/csv", description = "UTF-8 with BOM, RFC 4180; the list's filters and sort, not paged; dates ISO 8601"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "Unknown `lang` or filter"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn activities_csv(
    caller: AuthUser,
    State(state): State<AppState>,
    Path(year): Path<i32>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    // `lang` is the export's own; the rest is the list's query, read as the list reads it.
    let mut lang = Lang::En;
    let mut rest = Vec::new();
    for pair in raw.as_deref().unwrap_or_default().split('&').filter(|p| !p.is_empty()) {
        match pair.strip_prefix("lang=") {
            Some(code) => {
                lang = Lang::from_code(code)
                    .ok_or_else(|| AppError::BadRequest(format!("lang must be en, az or ka, not {code:?}")))?;
            }
            None => rest.push(pair),
        }
    }
    let uri: Uri = format!("/?{}", rest.join("&"))
        .parse()
        .map_err(|_| AppError::BadRequest("unreadable query".into()))?;
    let Query(q) = Query::<ActivityQuery>::try_from_uri(&uri).map_err(|e| AppError::BadRequest(e.body_text()))?;
    let items = activity_list::all(&caller, &state, year, &q).await?;
    let mut response = paper::csv::activities(&items, lang).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"activities-{year}-{}.csv\"",
        lang.code()
    )) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}
