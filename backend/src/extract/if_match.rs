//! `IfMatch`: the version a client edited, read as RFC 9110 §13.1.1 says.
//! `*` matches any current version; entity-tags are compared strongly, so a
//! weak tag (`W/"3"`) or one the server never issued (`"stale"`) never
//! matches: the update answers 412 with the current version. Only a header
//! that is not an entity-tag list at all is 400.

use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};

use crate::error::AppError;

/// The version a client edited, from `If-Match`: a version number, or one
/// of [`IfMatch::ANY`] and [`IfMatch::NONE`]. Compare it with
/// [`version_matches`], never with `==`.
pub struct IfMatch(pub i64);

impl IfMatch {
    /// `If-Match: *`: any current version matches.
    pub const ANY: i64 = 0;
    /// Only tags the server never issued (or weak ones): nothing matches.
    pub const NONE: i64 = -1;
}

/// Whether the `If-Match` value admits the resource's current version
/// (versions start at 1).
pub fn version_matches(if_match: i64, current: i64) -> bool {
    if_match == IfMatch::ANY || if_match == current
}

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let value = parts
            .headers
            .get(header::IF_MATCH)
            .ok_or(AppError::PreconditionRequired)?;
        parse(value.as_bytes()).map(IfMatch).ok_or_else(|| AppError::Malformed {
            code: "malformed_if_match",
            detail: "If-Match must be * or the ETag you received, e.g. \"3\".".into(),
        })
    }
}

/// `*` or a comma-separated list of entity-tags; `None` when malformed.
/// Of several issued versions the highest is kept: a list naming an older
/// one too can only be refused, never let a stale write through.
fn parse(value: &[u8]) -> Option<i64> {
    let text = std::str::from_utf8(value).ok()?.trim_matches([' ', '\t']);
    if text == "*" {
        return Some(IfMatch::ANY);
    }
    let mut rest = text;
    let mut best: Option<i64> = None;
    let mut any = false;
    loop {
        rest = rest.trim_start_matches([' ', '\t', ',']);
        if rest.is_empty() {
            break;
        }
        let (weak, tail) = match rest.strip_prefix("W/") {
            Some(tail) => (true, tail),
            None => (false, rest),
        };
        let tail = tail.strip_prefix('"')?;
        let end = tail.find('"')?;
        let opaque = &tail[..end];
        // etagc = %x21 / %x23-7E / obs-text (already UTF-8 here).
        if opaque.chars().any(|c| c == '"' || c.is_ascii_control() || c == ' ') {
            return None;
        }
        any = true;
        rest = tail[end + 1..].trim_start_matches([' ', '\t']);
        if !(rest.is_empty() || rest.starts_with(',')) {
            return None;
        }
        let issued = opaque
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 1 && n.to_string() == opaque);
        if let (false, Some(n)) = (weak, issued) {
            best = Some(best.map_or(n, |b| b.max(n)));
        }
    }
    if !any {
        return None;
    }
    Some(best.unwrap_or(IfMatch::NONE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_tags_are_read_as_rfc_9110_says() {
        assert_eq!(parse(b"\"3\""), Some(3));
        assert_eq!(parse(b" \"3\" "), Some(3));
        assert_eq!(parse(b"*"), Some(IfMatch::ANY));
        assert_eq!(parse(b"\"stale\""), Some(IfMatch::NONE));
        assert_eq!(parse(b"W/\"3\""), Some(IfMatch::NONE));
        assert_eq!(parse(b"\"03\""), Some(IfMatch::NONE));
        assert_eq!(parse(b"\"0\""), Some(IfMatch::NONE));
        assert_eq!(parse(b"\"2\", \"4\""), Some(4));
        assert_eq!(parse(b"\"x\", W/\"4\""), Some(IfMatch::NONE));
        assert_eq!(parse(b"3"), None);
        assert_eq!(parse(b""), None);
        assert_eq!(parse(b"\"3"), None);
        assert_eq!(parse(b"\"3\" x"), None);
        assert_eq!(parse(b"**"), None);
        assert!(version_matches(IfMatch::ANY, 7));
        assert!(!version_matches(IfMatch::NONE, 7));
        assert!(version_matches(7, 7));
    }
}
