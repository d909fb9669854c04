//! The one error type of the HTTP layer. Every error leaves as RFC 9457
//! problem+json; server errors are logged with their cause and answered
//! without internals.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use concord_shared::Problem;
use concord_shared::problem::{FieldError, PROBLEM_CONTENT_TYPE};

/// An error a handler returns.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 404: the resource does not exist, or the caller may not know it exists.
    #[error("not found")]
    NotFound,
    /// 400: the request is malformed (unparsable JSON, bad query string).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 400 with its own stable code: the request cannot be read at all
    /// (`malformed_json`, `malformed_if_match`, `body_unreadable`).
    #[error("malformed: {detail}")]
    Malformed {
        /// The stable code.
        code: &'static str,
        /// What is wrong, for a person.
        detail: String,
    },
    /// 413 `payload_too_large`: a request body above the limit of its kind.
    #[error("body too large")]
    BodyTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// 422: the request is well-formed but some fields are invalid.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// 401: no valid session or token.
    #[error("unauthorized")]
    Unauthorized,
    /// 401 at login: wrong user name or password (one answer for both).
    #[error("wrong credentials")]
    WrongCredentials,
    /// 412: `If-Match` names an older version.
    #[error("stale version")]
    PreconditionFailed {
        /// The current version.
        current: i64,
    },
    /// 428: an update without `If-Match`.
    #[error("If-Match required")]
    PreconditionRequired,
    /// 429: too many failed logins; try again after this many seconds.
    #[error("too many attempts")]
    TooManyRequests {
        /// Seconds until the next attempt may succeed.
        retry_after: u64,
    },
    /// 413: an upload above the size limit.
    #[error("too large")]
    TooLarge(FieldError),
    /// 415: an upload whose content is not an accepted type, or not the type it claims.
    #[error("unsupported media type")]
    UnsupportedType(FieldError),
    /// 500: a stored file no longer matches its checksum; it is never served.
    #[error("integrity: {0}")]
    Integrity(String),
    /// A rule of the agreement refused (404, 403 or 409 with the reason's code).
    #[error("refused: {0:?}")]
    Refused(concord_shared::rules::Refusal),
    /// 503: the database (or another resource the request needs) is not
    /// available right now; try again after this many seconds.
    #[error("unavailable")]
    Unavailable {
        /// Seconds after which a retry is worthwhile.
        retry_after: u64,
    },
    /// 507: the file system that keeps uploads is full; nothing was kept.
    #[error("storage full")]
    StorageFull,
    /// 503: the file system that keeps uploads refuses writes (read-only,
    /// not permitted); nothing was kept. Try again after this many seconds.
    #[error("storage unavailable")]
    StorageUnavailable {
        /// Seconds after which a retry is worthwhile.
        retry_after: u64,
    },
    /// 403 `other_party_node`: this node serves only `node`'s users
    /// (`CONCORD_NODE_PARTY`, docs/federation.md).
    #[error("this node serves only {}'s users", node.short())]
    OtherPartyNode {
        /// The party this node serves.
        node: concord_shared::Party,
    },
    /// 409 `foreign_row`: the row belongs to `owner`, whose node alone
    /// writes it; here it is a replicated copy (docs/federation.md).
    #[error("this is {}'s, written only on its node", owner.short())]
    ForeignRow {
        /// The party that owns the row.
        owner: concord_shared::Party,
    },
    /// 500: anything unexpected; the cause is logged, never sent.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<concord_shared::rules::Refusal> for AppError {
    fn from(refusal: concord_shared::rules::Refusal) -> Self {
        AppError::Refused(refusal)
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        if let Some(owner) = crate::db::foreign_row(&err) {
            return AppError::ForeignRow { owner };
        }
        match crate::db::classify(&err) {
            crate::db::Failure::Unavailable => {
                tracing::warn!(error = %err, "the database is unavailable; answering 503");
                AppError::Unavailable {
                    retry_after: crate::db::RETRY_AFTER_SECONDS,
                }
            }
            crate::db::Failure::Duplicate => AppError::Refused(concord_shared::rules::Refusal::Conflict(
                concord_shared::rules::Reason::AlreadyExists,
            )),
            crate::db::Failure::Other => AppError::Internal(err.into()),
        }
    }
}

/// Seconds after which an upload refused by its storage is worth retrying.
const STORAGE_RETRY_AFTER_SECONDS: u64 = 30;

impl AppError {
    /// A failure of the file system that keeps uploads: 507 when it is
    /// full (or over quota), 503 when it refuses writes, else 500. The
    /// cause is logged either way.
    pub fn storage(err: anyhow::Error) -> AppError {
        let os = err
            .chain()
            .find_map(|e| e.downcast_ref::<std::io::Error>())
            .and_then(std::io::Error::raw_os_error);
        // ENOSPC, EDQUOT; EROFS, EACCES, EPERM.
        match os {
            Some(28 | 122) => {
                tracing::error!(error = format!("{err:#}"), "the upload storage is full; answering 507");
                AppError::StorageFull
            }
            Some(30 | 13 | 1) => {
                tracing::error!(
                    error = format!("{err:#}"),
                    "the upload storage refuses writes; answering 503"
                );
                AppError::StorageUnavailable {
                    retry_after: STORAGE_RETRY_AFTER_SECONDS,
                }
            }
            _ => AppError::Internal(err),
        }
    }

    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) | AppError::Malformed { .. } => StatusCode::BAD_REQUEST,
            AppError::BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthorized | AppError::WrongCredentials => StatusCode::UNAUTHORIZED,
            AppError::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            AppError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Refused(refusal) => {
                StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            }
            AppError::Unavailable { .. } | AppError::StorageUnavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            AppError::StorageFull => StatusCode::INSUFFICIENT_STORAGE,
            AppError::OtherPartyNode { .. } => StatusCode::FORBIDDEN,
            AppError::ForeignRow { .. } => StatusCode::CONFLICT,
            AppError::Integrity(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code of this error (`Problem::code`).
    pub fn code(&self) -> String {
        match self {
            AppError::NotFound => "not_found".to_owned(),
            AppError::BadRequest(_) => "bad_request".to_owned(),
            AppError::Malformed { code, .. } => (*code).to_owned(),
            AppError::BodyTooLarge { .. } => "payload_too_large".to_owned(),
            AppError::Invalid(_) => "invalid_input".to_owned(),
            AppError::Unauthorized => "unauthenticated".to_owned(),
            AppError::WrongCredentials => "wrong_credentials".to_owned(),
            AppError::PreconditionFailed { .. } => "stale_version".to_owned(),
            AppError::PreconditionRequired => "if_match_required".to_owned(),
            AppError::TooManyRequests { .. } => "too_many_attempts".to_owned(),
            AppError::TooLarge(_) => "too_large".to_owned(),
            AppError::UnsupportedType(_) => "unsupported_media_type".to_owned(),
            AppError::Integrity(_) => "document_damaged".to_owned(),
            AppError::Refused(refusal) => refusal.reason().map_or_else(|| "not_found".to_owned(), |r| r.code()),
            AppError::Unavailable { .. } => "unavailable".to_owned(),
            AppError::StorageFull => "storage_full".to_owned(),
            AppError::StorageUnavailable { .. } => "storage_unavailable".to_owned(),
            AppError::OtherPartyNode { .. } => "other_party_node".to_owned(),
            AppError::ForeignRow { .. } => "foreign_row".to_owned(),
            AppError::Internal(_) => "internal".to_owned(),
        }
    }

    /// The problem this error is answered with (also one item's refusal in a bulk answer).
    pub(crate) fn problem(&self) -> Problem {
        let mut problem = self.described();
        if problem.code.is_empty() {
            problem.code = self.code();
        }
        // The web app words every code itself: one it does not list would
        // reach users untranslated (`concord_shared::codes`).
        debug_assert!(
            concord_shared::codes::is_problem_code(&problem.code),
            "problem code `{}` is missing from concord_shared::codes",
            problem.code
        );
        debug_assert!(
            problem
                .errors
                .iter()
                .all(|e| concord_shared::codes::FIELD_CODES.contains(&e.code.as_str())),
            "a field error code is missing from concord_shared::codes: {:?}",
            problem.errors
        );
        problem
    }

    fn described(&self) -> Problem {
        let status = self.status();
        let title = status.canonical_reason().unwrap_or("Error");
        match self {
            AppError::Refused(refusal) => match refusal.reason() {
                None => {
                    Problem::new(status.as_u16(), title).with_detail("There is nothing here, or you may not see it.")
                }
                Some(reason) => {
                    let mut problem = Problem::new(status.as_u16(), title)
                        .with_reason(reason)
                        .with_detail(reason.describe());
                    // A value that must be unique and is not: named like a field error.
                    if let Some(field) = reason.field() {
                        problem.errors = vec![FieldError {
                            field: field.to_owned(),
                            code: "taken".to_owned(),
                            message: format!("this {field} is taken"),
                        }];
                    }
                    problem
                }
            },
            AppError::Unavailable { retry_after } => {
                let mut p = Problem::new(status.as_u16(), title)
                    .with_detail(format!(
                        "The service is busy or its database is unreachable. Try again in {retry_after} seconds."
                    ))
                    .with_kind("/problems/unavailable");
                p.retry_after = Some(*retry_after);
                p
            }
            AppError::StorageFull => Problem::new(status.as_u16(), title)
                .with_detail(
                    "The server has no room left for files; nothing was kept. Ask the administrators to free space.",
                )
                .with_kind("/problems/storage-full"),
            AppError::StorageUnavailable { retry_after } => {
                let mut p = Problem::new(status.as_u16(), title)
                    .with_detail(format!(
                        "The server cannot store files right now; nothing was kept. Try again in {retry_after} seconds."
                    ))
                    .with_kind("/problems/storage-unavailable");
                p.retry_after = Some(*retry_after);
                p
            }
            AppError::NotFound => {
                Problem::new(status.as_u16(), title).with_detail("There is nothing here, or you may not see it.")
            }
            AppError::BadRequest(detail) | AppError::Malformed { detail, .. } => {
                Problem::new(status.as_u16(), title).with_detail(detail.clone())
            }
            AppError::BodyTooLarge { limit } => Problem::new(status.as_u16(), title)
                .with_detail(format!("The request body may have at most {limit} bytes.")),
            AppError::Invalid(errors) => {
                let mut problem = Problem::new(status.as_u16(), title).with_detail("Some fields are invalid.");
                problem.errors = errors.clone();
                problem
            }
            AppError::Unauthorized => Problem::new(status.as_u16(), title)
                .with_detail("Sign in, or send a valid API token.")
                .with_kind("/problems/unauthenticated"),
            AppError::WrongCredentials => Problem::new(status.as_u16(), title)
                .with_detail("The user name or the password is wrong.")
                .with_kind("/problems/wrong-credentials"),
            AppError::PreconditionFailed { current } => {
                let mut p = Problem::new(status.as_u16(), title)
                    .with_detail("Someone changed this since you loaded it. Reload it and apply your change again.")
                    .with_kind("/problems/stale-version");
                p.current_version = Some(*current);
                p
            }
            AppError::PreconditionRequired => Problem::new(status.as_u16(), title)
                .with_detail("Send the version you edited in the If-Match header.")
                .with_kind("/problems/if-match-required"),
            AppError::TooManyRequests { retry_after } => {
                let mut p = Problem::new(status.as_u16(), title)
                    .with_detail(format!("Too many failed sign-ins. Try again in {retry_after} seconds."))
                    .with_kind("/problems/too-many-attempts");
                p.retry_after = Some(*retry_after);
                p
            }
            AppError::TooLarge(error) | AppError::UnsupportedType(error) => {
                let mut problem = Problem::new(status.as_u16(), title).with_detail(error.message.clone());
                problem.errors = vec![error.clone()];
                problem
            }
            AppError::Integrity(_) => Problem::new(status.as_u16(), "Stored file damaged")
                .with_detail(
                    "The stored file no longer matches the checksum recorded at upload, so it is not served. \
                     It has been logged; ask the administrators to restore it from a backup.",
                )
                .with_kind("/problems/document-integrity"),
            AppError::OtherPartyNode { node } => {
                let mut p = Problem::new(status.as_u16(), title)
                    .with_detail(format!(
                        "This Concord node serves only {}'s users; sign in on your own ministry's node.",
                        node.short()
                    ))
                    .with_kind("/problems/other-party-node");
                p.params.insert("party".to_owned(), node.code().into());
                p
            }
            AppError::ForeignRow { owner } => {
                let mut p = Problem::new(status.as_u16(), title)
                    .with_detail(format!(
                        "This belongs to {}: it is written only on {}'s node and copied here.",
                        owner.short(),
                        owner.short()
                    ))
                    .with_kind("/problems/foreign-row");
                p.params.insert("party".to_owned(), owner.code().into());
                p
            }
            AppError::Internal(_) => Problem::new(status.as_u16(), title)
                .with_detail("Something went wrong on our side. It has been logged."),
        }
    }
}

/// Writes a problem as an HTTP response.
pub fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_default();
    let mut response = (status, body).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_CONTENT_TYPE));
    response
}

impl AppError {
    /// A database error that reached here wrapped (e.g. through the audit
    /// log's `anyhow`) is answered like one converted directly: a lost
    /// connection is 503, not 500.
    fn settled(self) -> AppError {
        match self {
            AppError::Internal(err) => match err.chain().find_map(|e| e.downcast_ref::<sea_orm::DbErr>()) {
                Some(db) if crate::db::classify(db) == crate::db::Failure::Unavailable => {
                    tracing::warn!(error = ?err, "the database is unavailable; answering 503");
                    AppError::Unavailable {
                        retry_after: crate::db::RETRY_AFTER_SECONDS,
                    }
                }
                _ => AppError::Internal(err),
            },
            other => other,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let this = self.settled();
        if let AppError::Internal(err) = &this {
            tracing::error!(error = ?err, "request failed");
        }
        if let AppError::Integrity(what) = &this {
            tracing::error!(document = %what, "a stored document does not match its checksum");
        }
        let mut response = problem_response(&this.problem());
        if let AppError::TooManyRequests { retry_after } | AppError::Unavailable { retry_after } = this
            && let Ok(value) = HeaderValue::from_str(&retry_after.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if let AppError::PreconditionFailed { current } = this
            && let Ok(value) = HeaderValue::from_str(&etag(&current))
        {
            response.headers_mut().insert(header::ETAG, value);
        }
        response
    }
}

/// The ETag of a version: `"<n>"`.
pub fn etag(version: &i64) -> String {
    format!("\"{version}\"")
}
