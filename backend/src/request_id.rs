//! The id of each request: made here (or taken from a trusted proxy), sent
//! back as `X-Request-Id`, shown on every log line of the request and written
//! into each audit entry the request appends, so an operator can go from a
//! user's report to the log and the audit log.

use std::fmt::Write as _;

use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::http::HeaderValue;

/// The header that carries the id both ways.
pub const HEADER: &str = "x-request-id";

tokio::task_local! {
    static CURRENT: String;
}

/// A request's id, kept in the request's extensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

impl RequestId {
    /// A new random id: 16 bytes as 32 hex digits.
    pub fn fresh() -> RequestId {
        let mut bytes = [0u8; 16];
        OsRng.fill_bytes(&mut bytes);
        let mut id = String::with_capacity(32);
        for b in bytes {
            let _ = write!(id, "{b:02x}");
        }
        RequestId(id)
    }

    /// A proxy's id, if it is one we can log safely: 1 to 64 characters of
    /// letters, digits, `-`, `_` and `.`.
    pub fn from_header(value: &HeaderValue) -> Option<RequestId> {
        let text = value.to_str().ok()?;
        let fine = !text.is_empty()
            && text.len() <= 64
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        fine.then(|| RequestId(text.to_owned()))
    }

    /// Runs `work` with this id as the current request's.
    pub async fn scope<F: Future>(self, work: F) -> F::Output {
        CURRENT.scope(self.0, work).await
    }
}

/// The id of the request being handled on this task, if any.
pub fn current() -> Option<String> {
    CURRENT.try_with(Clone::clone).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_differ_and_only_tidy_proxy_ids_are_taken() {
        assert_ne!(RequestId::fresh(), RequestId::fresh());
        assert_eq!(RequestId::fresh().0.len(), 32);
        let ok = HeaderValue::from_static("7f3a-12_b.9");
        assert_eq!(RequestId::from_header(&ok), Some(RequestId("7f3a-12_b.9".into())));
        for bad in ["", "a b", "x\u{7f}", &"a".repeat(65), "<script>"] {
            if let Ok(value) = HeaderValue::from_str(bad) {
                assert_eq!(RequestId::from_header(&value), None, "{bad:?}");
            }
        }
    }

    #[tokio::test]
    async fn the_current_id_is_the_scopes_and_none_outside() {
        assert_eq!(current(), None);
        let seen = RequestId("abc".into()).scope(async { current() }).await;
        assert_eq!(seen.as_deref(), Some("abc"));
    }
}
