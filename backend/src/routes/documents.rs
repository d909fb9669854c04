//! Documents: uploads as a raw body, downloads verified against their SHA-256.

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use concord_shared::Problem;
use concord_shared::api::{Document, DocumentOwner};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::{ApiPath, ApiQuery};
use crate::models::Check;
use crate::models::documents::{self, Upload};
use crate::state::AppState;

/// Which owner's documents.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OwnerQuery {
    /// `instrument`, `notification`, `activity` or `authority`.
    #[param(value_type = DocumentOwner)]
    pub owner: String,
    /// The owner's id.
    pub owner_id: i64,
}

/// Where an upload goes and what it is called.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// `instrument`, `notification`, `activity` or `authority`.
    #[param(value_type = DocumentOwner)]
    pub owner: String,
    /// The owner's id.
    pub owner_id: i64,
    /// The file name (its extension must fit the content).
    pub filename: String,
}

fn owner_of(code: &str) -> Result<DocumentOwner, AppError> {
    DocumentOwner::from_code(code)
        .ok_or_else(|| Check::error("owner", "invalid", "instrument, notification, activity or authority"))
}

/// The documents attached to something the caller may see.
#[utoipa::path(get, path = "/api/v1/documents", tag = "documents", security(("session" = []), ("token" = [])),
    params(OwnerQuery),
    responses((status = 200, body = Vec<Document>), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<OwnerQuery>,
) -> Result<Json<Vec<Document>>, AppError> {
    Ok(Json(
        documents::list(&caller, &state, owner_of(&q.owner)?, q.owner_id).await?,
    ))
}

/// Uploads a file as the raw request body (PDF, OOXML or OpenDocument; at most
/// `CONCORD_MAX_UPLOAD_MB`). The type is recognised from the bytes; a declared
/// `Content-Type` or a file name that does not fit is refused, and nothing is kept.
#[utoipa::path(post, path = "/api/v1/documents", tag = "documents", security(("session" = []), ("token" = [])),
    params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file's bytes"),
    responses(
        (status = 201, body = Document),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "Above the size limit (field `file`)"),
        (status = 415, body = Problem, content_type = "application/problem+json", description = "Not an accepted type (`file`), or not the declared one (`content_type`)"),
        (status = 503, body = Problem, content_type = "application/problem+json", description = "Files cannot be stored now (`storage_unavailable`, with Retry-After) or the database is unreachable (`unavailable`); nothing was kept"),
        (status = 507, body = Problem, content_type = "application/problem+json", description = "No room left for files (`storage_full`); nothing was kept"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "The file name does not fit the content (`filename`)"),
    ))]
pub async fn upload(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<impl IntoResponse, AppError> {
    let upload = Upload {
        owner: owner_of(&q.owner)?,
        owner_id: q.owner_id,
        filename: q.filename,
        declared: headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        length: headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok()),
    };
    Ok((
        StatusCode::CREATED,
        Json(documents::upload(&caller, &state, upload, body).await?),
    ))
}

/// One document's record, with its SHA-256.
#[utoipa::path(get, path = "/api/v1/documents/{id}", tag = "documents", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Document), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Document>, AppError> {
    Ok(Json(documents::get(&caller, &state, id).await?))
}

/// The file, streamed after its SHA-256 was verified (`Repr-Digest` carries it). A stored
/// file that no longer matches is a 500 problem, never served.
#[utoipa::path(get, path = "/api/v1/documents/{id}/content", tag = "documents", security(("session" = []), ("token" = [])),
    params(("id" = i64, Path)),
    responses(
        (status = 200, description = "The file's bytes, with Content-Type, Content-Disposition and Repr-Digest"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 500, body = Problem, content_type = "application/problem+json", description = "The stored file does not match its checksum"),
    ))]
pub async fn content(
    caller: AuthUser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, AppError> {
    let download = documents::content(&caller, &state, id).await?;
    let doc = &download.document;
    let mut response = Body::from_stream(tokio_util::io::ReaderStream::new(download.reader)).into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&doc.media_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(doc.size));
    if let Ok(v) = HeaderValue::from_str(&content_disposition(&doc.filename)) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    let digest: Vec<u8> = (0..doc.sha256.len() / 2)
        .filter_map(|i| u8::from_str_radix(&doc.sha256[2 * i..2 * i + 2], 16).ok())
        .collect();
    let digest = base64::engine::general_purpose::STANDARD.encode(digest);
    if let Ok(v) = HeaderValue::from_str(&format!("sha-256=:{digest}:")) {
        headers.insert("repr-digest", v);
    }
    Ok(response)
}

/// `attachment` with an ASCII fallback name and the exact name in UTF-8 (RFC 6266).
fn content_disposition(filename: &str) -> String {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in filename.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}
