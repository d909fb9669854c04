//! Request extractors that answer bad input with a problem naming the field,
//! never with axum's plain-text rejections: `ApiJson<T>` (exactly one JSON
//! value, at most [`JSON_BODY_LIMIT`]: 413, 415, 400 or 422 naming the
//! field), `ApiPath<T>` and `ApiQuery<T>` (422 naming the parameter),
//! `IfMatch` (RFC 9110: 428 when missing, 400 when malformed), `ClientInfo`
//! (address and browser). Every text they let through is free of control
//! characters (`concord_shared::text`).

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{header, request::Parts};

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

impl HasVersion for concord_shared::api::ActivityText {
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

impl HasVersion for concord_shared::api::Webhook {
    fn version(&self) -> i64 {
        self.version
    }
}

impl HasVersion for concord_shared::api::Notification {
    fn version(&self) -> i64 {
        self.version
    }
}

/// Whether a conditional GET's `If-None-Match` names `tag` (or is `*`):
/// then the answer is 304 with no body. Weak comparison, as RFC 9110
/// §13.1.2 asks of `If-None-Match`; an unreadable header matches nothing.
pub fn none_match(headers: &axum::http::HeaderMap, tag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    let wanted = bare(tag);
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == "*" || bare(t) == wanted)
}

/// 304 Not Modified carrying the tag that is still current.
pub fn not_modified(tag: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    (axum::http::StatusCode::NOT_MODIFIED, [(header::ETAG, tag.to_owned())]).into_response()
}

/// A JSON answer with the resource's version as its `ETag`.
pub fn etagged<T: serde::Serialize + HasVersion>(value: T) -> impl axum::response::IntoResponse {
    (
        axum::response::AppendHeaders([(header::ETAG, etag(&value.version()))]),
        axum::Json(value),
    )
}

mod if_match;
mod json;
mod params;

pub use if_match::{IfMatch, version_matches};
pub use json::{ApiJson, JSON_BODY_LIMIT, parse_json};
pub use params::{ApiPath, ApiQuery, check_paging, parse_query};

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
        // The address the outermost layer settled (a trusted proxy's client),
        // else the peer's.
        let ip = parts
            .extensions
            .get::<crate::observe::ClientAddr>()
            .map(|c| c.0.to_string())
            .or_else(|| {
                parts
                    .extensions
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|c| c.0.ip().to_string())
            });
        let user_agent = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.chars().filter(|c| !c.is_control()).take(300).collect());
        Ok(ClientInfo { ip, user_agent })
    }
}
