//! Request extractors that answer bad input with a problem naming the field:
//! `ApiJson<T>` (400 for unreadable JSON, 422 naming the field for a wrong or
//! unknown one), `IfMatch` (428 when missing), `ClientInfo` (address and browser).

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::{header, request::Parts};
use concord_shared::problem::FieldError;
use serde::de::DeserializeOwned;

use crate::error::AppError;

pub use crate::error::etag;

/// A resource that carries its version.
pub trait HasVersion {
    /// The version, sent as the `ETag`.
    fn version(&self) -> i64;
}

impl HasVersion for concord_shared::api::Activity {
    fn version(&self) -> i64 {
        self.version
    }
}

impl HasVersion for concord_shared::api::Plan {
    fn version(&self) -> i64 {
        self.version
    }
}

impl HasVersion for concord_shared::api::UserView {
    fn version(&self) -> i64 {
        self.version
    }
}

impl HasVersion for concord_shared::api::Instrument {
    fn version(&self) -> i64 {
        self.version
    }
}

impl HasVersion for concord_shared::api::Authority {
    fn version(&self) -> i64 {
        self.version
    }
}

impl HasVersion for concord_shared::api::Notification {
    fn version(&self) -> i64 {
        self.version
    }
}

/// A JSON answer with the resource's version as its `ETag`.
pub fn etagged<T: serde::Serialize + HasVersion>(value: T) -> impl axum::response::IntoResponse {
    (
        axum::response::AppendHeaders([(header::ETAG, etag(&value.version()))]),
        axum::Json(value),
    )
}

/// A JSON body, parsed strictly.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !is_json {
            return Err(AppError::BadRequest(
                "Send the body as JSON with Content-Type: application/json.".into(),
            ));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::BadRequest("The request body could not be read.".into()))?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Parses JSON, naming the offending field on failure.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(value) => Ok(value),
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            if inner.is_syntax() || inner.is_eof() {
                return Err(AppError::BadRequest(format!("The body is not valid JSON: {inner}")));
            }
            let message = inner.to_string();
            let (field, code) = if let Some(rest) = message.strip_prefix("unknown field `") {
                let field = join_path(&path, rest.split('`').next().unwrap_or_default());
                (field, "unknown_field")
            } else if let Some(rest) = message.strip_prefix("missing field `") {
                let field = join_path(&path, rest.split('`').next().unwrap_or_default());
                (field, "required")
            } else {
                (if path == "." { String::new() } else { path }, "invalid")
            };
            // Strip serde's position suffix; it means nothing to a person.
            let message = message.split(" at line ").next().unwrap_or_default().to_owned();
            Err(AppError::Invalid(vec![FieldError {
                field,
                code: code.to_owned(),
                message,
            }]))
        }
    }
}

/// The full path of a field named in a serde message, relative to `path`
/// (which may already end with it).
fn join_path(path: &str, name: &str) -> String {
    if path == "." || path.is_empty() {
        name.to_owned()
    } else if path == name || path.ends_with(&format!(".{name}")) {
        path.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// The version a client edited, from `If-Match: "<n>"`.
pub struct IfMatch(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let value = parts
            .headers
            .get(header::IF_MATCH)
            .ok_or(AppError::PreconditionRequired)?;
        let text = value.to_str().unwrap_or_default().trim();
        let text = text.strip_prefix("W/").unwrap_or(text).trim_matches('"');
        text.parse::<i64>()
            .map(IfMatch)
            .map_err(|_| AppError::BadRequest("If-Match must be the ETag you received, e.g. \"3\".".into()))
    }
}

/// Where a request comes from, for sessions and rate limits.
#[derive(Debug, Clone)]
pub struct ClientInfo {
    /// The peer's IP address.
    pub ip: Option<String>,
    /// The browser's `User-Agent`, cut to 300 characters.
    pub user_agent: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for ClientInfo {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        let user_agent = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.chars().take(300).collect());
        Ok(ClientInfo { ip, user_agent })
    }
}
