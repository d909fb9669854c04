//! The import of a planner's spreadsheet: the template, a preview of what
//! a filled-in file would create (writing nothing), and the import itself
//! (every row a private draft, all or none).

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use concord_shared::Problem;
use concord_shared::api::{ImportPreview, ImportResult};
use concord_shared::problem::FieldError;

use super::exports::{ExportProblems, FileKind, LangQuery, file};
use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiPath, ApiQuery};
use crate::models::imports;
use crate::paper::import;
use crate::state::AppState;

/// The body's bytes, at most the documents' limit (413 on `file`).
async fn bytes_of(state: &AppState, body: Body) -> Result<Vec<u8>, AppError> {
    let limit = state.settings.max_upload_bytes;
    axum::body::to_bytes(body, usize::try_from(limit).unwrap_or(usize::MAX))
        .await
        .map(|b| b.to_vec())
        .map_err(|_| {
            AppError::TooLarge(FieldError {
                field: "file".into(),
                code: "too_large".into(),
                message: format!("the file may have at most {} MB", limit / (1024 * 1024)),
            })
        })
}

/// The import template in `lang`: the columns, lists to choose area, form,
/// host party and cost from, and a sheet explaining each column.
#[utoipa::path(get, path = "/api/v1/plans/{year}/import/template.xlsx", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), LangQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description = "The template"), ExportProblems))]
pub async fn template(
    _caller: AuthUser,
    ApiPath(year): ApiPath<i32>,
    ApiQuery(q): ApiQuery<LangQuery>,
) -> Result<Response, AppError> {
    let lang = q.lang()?;
    Ok(file(
        import::template(lang)?,
        FileKind::Xlsx,
        &format!("import-{year}-{}", lang.code()),
    ))
}

/// What the uploaded XLSX would create, each row's faults named by row and
/// column (in `lang`); nothing is written.
#[utoipa::path(post, path = "/api/v1/plans/{year}/import/preview", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), LangQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file's bytes: an XLSX workbook or a UTF-8 CSV file with the template's columns"),
    responses(
        (status = 200, body = ImportPreview),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "Above the documents' size limit (`file`)"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The plan no longer takes new drafts"),
        (status = 415, body = Problem, content_type = "application/problem+json", description = "Neither an XLSX workbook nor a UTF-8 CSV file (`file`)"),
        ExportProblems,
    ))]
pub async fn preview(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    ApiQuery(q): ApiQuery<LangQuery>,
    body: Body,
) -> Result<Json<ImportPreview>, AppError> {
    let lang = q.lang()?;
    let bytes = bytes_of(&state, body).await?;
    Ok(Json(imports::preview(&caller, &state, year, &bytes, lang).await?))
}

/// Creates every row of the uploaded XLSX as a private draft of the caller's
/// party in one transaction; any fault anywhere creates nothing (422 naming
/// each as `row N, Column`). Also 422 on `file`: formulas, unknown columns,
/// more than 2,000 rows, duplicate rows.
#[utoipa::path(post, path = "/api/v1/plans/{year}/import", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), LangQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file's bytes: an XLSX workbook or a UTF-8 CSV file with the template's columns"),
    responses(
        (status = 201, body = ImportResult),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "Above the documents' size limit (`file`)"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The plan no longer takes new drafts"),
        (status = 415, body = Problem, content_type = "application/problem+json", description = "Neither an XLSX workbook nor a UTF-8 CSV file (`file`)"),
        ExportProblems,
    ))]
pub async fn confirm(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    ApiQuery(q): ApiQuery<LangQuery>,
    body: Body,
) -> Result<(StatusCode, Json<ImportResult>), AppError> {
    let lang = q.lang()?;
    let bytes = bytes_of(&state, body).await?;
    Ok((
        StatusCode::CREATED,
        Json(imports::confirm(&caller, &state, year, &bytes, lang).await?),
    ))
}
