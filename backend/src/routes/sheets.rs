//! The lists as files: the activity list (the table view's filters and
//! sort), the instruments register and the diplomatic notification log,
//! each as CSV (UTF-8 with BOM, RFC 4180) and as XLSX (typed cells, dates as
//! dates, frozen header row, autofilter), headers and labels in `?lang=`.
//! Each shows what its list shows the caller, every page of it.

use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use super::exports::{ExportProblems, ExportQuery, FileKind, LangQuery, file};
use super::instruments::{RegisterQuery, filter_of};
use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::ApiPath;
use crate::models::activity_list::{self, ActivityQuery};
use crate::models::{instruments, language, notifications};
use crate::paper::table::{self, Table};
use crate::paper::{csv, xlsx};
use crate::state::AppState;

/// The notification log takes no filters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoFilters {}

fn written(table: &Table, kind: FileKind, stem: &str) -> Result<Response, AppError> {
    let bytes = match kind {
        FileKind::Xlsx => xlsx::write(table)?,
        _ => csv::write(table),
    };
    Ok(file(bytes, kind, stem))
}

async fn activities(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    q: ExportQuery<ActivityQuery>,
    kind: FileKind,
) -> Result<Response, AppError> {
    let lang = language::for_caller(caller, state, q.lang).await?;
    let items = activity_list::all(caller, state, year, &super::plans::checked(q.filters)?).await?;
    let stem = format!("activities-{year}-{}", lang.code());
    written(&table::activities(&items, lang), kind, &stem)
}

async fn register(
    caller: &AuthUser,
    state: &AppState,
    q: ExportQuery<RegisterQuery>,
    kind: FileKind,
) -> Result<Response, AppError> {
    let lang = language::for_caller(caller, state, q.lang).await?;
    let items = instruments::matching(caller, state, &filter_of(q.filters)?).await?;
    written(
        &table::instruments(&items, lang),
        kind,
        &format!("instruments-{}", lang.code()),
    )
}

async fn log(
    caller: &AuthUser,
    state: &AppState,
    q: ExportQuery<NoFilters>,
    kind: FileKind,
) -> Result<Response, AppError> {
    let lang = language::for_caller(caller, state, q.lang).await?;
    let items = notifications::all(caller, state).await?;
    written(
        &table::notifications(&items, lang),
        kind,
        &format!("notifications-{}", lang.code()),
    )
}

/// The filtered activity list as CSV: what the caller may see, every page.
#[utoipa::path(get, path = "/api/v1/plans/{year}/activities.csv", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), LangQuery, ActivityQuery),
    responses((status = 200, content_type = "text/csv", description = "UTF-8 with BOM, RFC 4180; the list's filters and sort, not paged; dates ISO 8601"), ExportProblems))]
pub async fn activities_csv(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    q: ExportQuery<ActivityQuery>,
) -> Result<Response, AppError> {
    activities(&caller, &state, year, q, FileKind::Csv).await
}

/// The filtered activity list as an XLSX workbook: what the caller may see, every page.
#[utoipa::path(get, path = "/api/v1/plans/{year}/activities.xlsx", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), LangQuery, ActivityQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description = "One sheet; the list's filters and sort, not paged; dates as dates"), ExportProblems))]
pub async fn activities_xlsx(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    q: ExportQuery<ActivityQuery>,
) -> Result<Response, AppError> {
    activities(&caller, &state, year, q, FileKind::Xlsx).await
}

/// The instruments register as CSV, with the register's filters (not paged).
#[utoipa::path(get, path = "/api/v1/instruments.csv", tag = "instruments", security(("session" = []), ("token" = [])),
    params(LangQuery, RegisterQuery),
    responses((status = 200, content_type = "text/csv", description = "UTF-8 with BOM, RFC 4180; dates ISO 8601"), ExportProblems))]
pub async fn instruments_csv(
    caller: AuthUser,
    State(state): State<AppState>,
    q: ExportQuery<RegisterQuery>,
) -> Result<Response, AppError> {
    register(&caller, &state, q, FileKind::Csv).await
}

/// The instruments register as an XLSX workbook, with the register's filters (not paged).
#[utoipa::path(get, path = "/api/v1/instruments.xlsx", tag = "instruments", security(("session" = []), ("token" = [])),
    params(LangQuery, RegisterQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description = "One sheet; dates as dates"), ExportProblems))]
pub async fn instruments_xlsx(
    caller: AuthUser,
    State(state): State<AppState>,
    q: ExportQuery<RegisterQuery>,
) -> Result<Response, AppError> {
    register(&caller, &state, q, FileKind::Xlsx).await
}

/// The diplomatic notification log as CSV, newest first.
#[utoipa::path(get, path = "/api/v1/notifications.csv", tag = "authorities", security(("session" = []), ("token" = [])),
    params(LangQuery),
    responses((status = 200, content_type = "text/csv", description = "UTF-8 with BOM, RFC 4180; dates ISO 8601"), ExportProblems))]
pub async fn notifications_csv(
    caller: AuthUser,
    State(state): State<AppState>,
    q: ExportQuery<NoFilters>,
) -> Result<Response, AppError> {
    log(&caller, &state, q, FileKind::Csv).await
}

/// The diplomatic notification log as an XLSX workbook, newest first.
#[utoipa::path(get, path = "/api/v1/notifications.xlsx", tag = "authorities", security(("session" = []), ("token" = [])),
    params(LangQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description = "One sheet; dates as dates"), ExportProblems))]
pub async fn notifications_xlsx(
    caller: AuthUser,
    State(state): State<AppState>,
    q: ExportQuery<NoFilters>,
) -> Result<Response, AppError> {
    log(&caller, &state, q, FileKind::Xlsx).await
}
