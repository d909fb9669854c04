//! The plan on paper: the signature-ready PDF of a plan and of a signed
//! version, and the execution report as a PDF; the query and the answer
//! every export shares (`?lang=`, the file's headers). The lists as CSV and
//! XLSX are in [`super::sheets`].

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use concord_shared::paper::DocLangs;
use concord_shared::{Lang, Problem};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiPath, ApiQuery, parse_query};
use crate::models::{Check, language};
use crate::paper;
use crate::state::AppState;

/// The one language of a list, a template or a feed: its headers and labels.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// `en` (default), `az` or `ka`.
    #[param(value_type = Option<Lang>)]
    pub lang: Option<String>,
}

impl LangQuery {
    /// The language (422 naming `lang` when unknown).
    pub fn lang(&self) -> Result<Lang, AppError> {
        Ok(self.asked()?.unwrap_or_default())
    }

    /// The language asked for, if any (422 naming `lang` when unknown).
    pub fn asked(&self) -> Result<Option<Lang>, AppError> {
        self.lang
            .as_deref()
            .map(|code| Lang::from_code(code).ok_or_else(|| Check::error("lang", "invalid", "en, az or ka")))
            .transpose()
    }
}

/// The language(s) of a PDF: one, or two for a parallel text.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DocLangQuery {
    /// `en`, `az` or `ka`, or a parallel text: `az,ka`, `az,en` or `ka,en`;
    /// by default the signed-in user's stored language, else `en`.
    #[param(pattern = "^(en|az|ka|az,ka|az,en|ka,en)$")]
    pub lang: Option<String>,
}

impl DocLangQuery {
    /// The languages of a document (422 naming `lang` when unknown); none
    /// asked: the caller's stored language.
    pub async fn doc_langs(&self, caller: &AuthUser, state: &AppState) -> Result<DocLangs, AppError> {
        let Some(code) = self.lang.as_deref() else {
            let first = language::for_caller(caller, state, None).await?;
            return Ok(DocLangs { first, second: None });
        };
        DocLangs::parse(code)
            .ok_or_else(|| Check::error("lang", "invalid", format!("one of {}", DocLangs::CODES.join(", "))))
    }
}

/// An export of a list: `lang` beside the list's own filters `T`, both read
/// as [`ApiQuery`] reads a query (every refusal a 422 naming the parameter).
pub struct ExportQuery<T> {
    /// The headers' language, if asked for (else the caller's stored one:
    /// [`language::for_caller`]).
    pub lang: Option<Lang>,
    /// The list's filters.
    pub filters: T,
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ExportQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let raw = parts.uri.query().unwrap_or_default();
        let (mut own, mut list) = (
            form_urlencoded::Serializer::new(String::new()),
            form_urlencoded::Serializer::new(String::new()),
        );
        for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
            let target = if key == "lang" { &mut own } else { &mut list };
            target.append_pair(&key, &value);
        }
        let lang = parse_query::<LangQuery>(&own.finish())?.asked()?;
        let filters = parse_query::<T>(&list.finish())?;
        Ok(ExportQuery { lang, filters })
    }
}

/// The kinds of exported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A PDF document.
    Pdf,
    /// A CSV list (UTF-8 with BOM).
    Csv,
    /// An XLSX workbook.
    Xlsx,
}

impl FileKind {
    fn media_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Csv => "text/csv; charset=utf-8",
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Csv => "csv",
            FileKind::Xlsx => "xlsx",
        }
    }
}

/// A file to download: its media type and `stem.ext` as the attachment's name.
pub fn file(bytes: Vec<u8>, kind: FileKind, stem: &str) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind.media_type()));
    let name = format!("attachment; filename=\"{stem}.{}\"", kind.extension());
    if let Ok(v) = HeaderValue::from_str(&name) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

/// The refusals every export shares.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code, reason = "describes the answers in the OpenAPI document")]
pub enum ExportProblems {
    /// Not signed in.
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthorized(Problem),
    /// No such plan or version.
    #[response(status = 404, content_type = "application/problem+json")]
    NotFound(Problem),
    /// An unknown `lang`, filter or parameter, named.
    #[response(status = 422, content_type = "application/problem+json")]
    Invalid(Problem),
}

/// The plan as a signature-ready PDF: its signed version when signed or closed,
/// else the version in progress marked DRAFT on every page. Accepted activities only.
#[utoipa::path(get, path = "/api/v1/plans/{year}/document.pdf", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), DocLangQuery),
    responses(
        (status = 200, content_type = "application/pdf", description = "Tagged PDF/A-2a: title, Agreement, activities, signature blocks; page x of y, version and SHA-256 on every page"),
        ExportProblems,
    ))]
pub async fn plan_document(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    ApiQuery(q): ApiQuery<DocLangQuery>,
) -> Result<Response, AppError> {
    let langs = q.doc_langs(&caller, &state).await?;
    let bytes = paper::plan_pdf(&caller, &state, year, None, langs).await?;
    let stem = format!("plan-{year}-{}", langs.code().replace(',', "-"));
    Ok(file(bytes, FileKind::Pdf, &stem))
}

/// One signed version as a PDF, exactly as frozen, with its SHA-256 on every page.
#[utoipa::path(get, path = "/api/v1/plans/{year}/versions/{number}/document.pdf", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), ("number" = i32, Path), DocLangQuery),
    responses(
        (status = 200, content_type = "application/pdf", description = "Tagged PDF/A-2a of the frozen version"),
        ExportProblems,
    ))]
pub async fn version_document(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath((year, number)): ApiPath<(i32, i32)>,
    ApiQuery(q): ApiQuery<DocLangQuery>,
) -> Result<Response, AppError> {
    let langs = q.doc_langs(&caller, &state).await?;
    let bytes = paper::plan_pdf(&caller, &state, year, Some(number), langs).await?;
    let stem = format!("plan-{year}-v{number}-{}", langs.code().replace(',', "-"));
    Ok(file(bytes, FileKind::Pdf, &stem))
}

/// The execution report of a signed or closed plan as a PDF, its charts drawn.
#[utoipa::path(get, path = "/api/v1/plans/{year}/report.pdf", tag = "plans", security(("session" = []), ("token" = [])),
    params(("year" = i32, Path), DocLangQuery),
    responses(
        (status = 200, content_type = "application/pdf", description = "Tagged PDF/A-2a of the execution report"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "No signed version yet"),
        ExportProblems,
    ))]
pub async fn report_document(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(year): ApiPath<i32>,
    ApiQuery(q): ApiQuery<DocLangQuery>,
) -> Result<Response, AppError> {
    let langs = q.doc_langs(&caller, &state).await?;
    let bytes = paper::report_pdf(&caller, &state, year, langs).await?;
    let stem = format!("report-{year}-{}", langs.code().replace(',', "-"));
    Ok(file(bytes, FileKind::Pdf, &stem))
}
