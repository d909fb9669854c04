//! `ApiJson<T>`: a JSON body that is exactly one JSON value, bounded in
//! size, free of control characters, and read into `T` naming the field
//! that does not fit.

use axum::body::Body;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use concord_shared::problem::FieldError;
use concord_shared::text::{self, Lines};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::AppError;

/// The largest JSON body accepted, in bytes (the longest form, an activity
/// with every text at its maximum, is far below it). Larger ones are 413.
pub const JSON_BODY_LIMIT: usize = 1024 * 1024;

/// How much of an oversized body is read and dropped before answering 413,
/// so that the client, still sending, gets to read the answer.
const DRAIN_LIMIT: usize = 64 * 1024 * 1024;

/// A JSON body, parsed strictly.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
        if !is_json {
            return Err(AppError::UnsupportedType(FieldError {
                field: "content_type".to_owned(),
                code: "unsupported_media_type".to_owned(),
                message: "Send the body as JSON with Content-Type: application/json.".to_owned(),
            }));
        }
        let bytes = read_body(req.into_body(), JSON_BODY_LIMIT).await?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Reads a body of at most `limit` bytes; past it, drains a bounded amount
/// more and answers 413.
async fn read_body(body: Body, limit: usize) -> Result<Vec<u8>, AppError> {
    let mut stream = body.into_data_stream();
    let mut bytes = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| AppError::Malformed {
            code: "body_unreadable",
            detail: "The request body could not be read.".to_owned(),
        })?;
        if bytes.len() + chunk.len() > limit {
            let mut drained = bytes.len() + chunk.len();
            drop(bytes);
            while drained <= DRAIN_LIMIT {
                match stream.next().await {
                    Some(Ok(more)) => drained += more.len(),
                    _ => break,
                }
            }
            return Err(AppError::BodyTooLarge { limit });
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// Parses exactly one JSON value (nothing but white space after it), refuses
/// control characters in any string (`\n` and `\t` aside: which fields are
/// single-line is the request type's own check), and reads it into `T`,
/// naming the offending field on failure.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut value = serde::Deserialize::deserialize(&mut de)
        .and_then(|value: Value| de.end().map(|()| value))
        .map_err(|err| AppError::Malformed {
            code: "malformed_json",
            detail: format!("The body is not one valid JSON value: {err}"),
        })?;
    let mut faults = Vec::new();
    strings_fault(&value, String::new(), &mut faults);
    if !faults.is_empty() {
        return Err(AppError::Invalid(faults));
    }
    integral_numbers(&mut value);
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(value) => Ok(value),
        Err(err) => {
            let path = err.path().to_string();
            let message = err.into_inner().to_string();
            let (field, code) = if let Some(rest) = message.strip_prefix("unknown field `") {
                let field = join_path(&path, rest.split('`').next().unwrap_or_default());
                (field, "unknown_field")
            } else if let Some(rest) = message.strip_prefix("missing field `") {
                let field = join_path(&path, rest.split('`').next().unwrap_or_default());
                (field, "required")
            } else {
                (if path == "." { String::new() } else { path }, "invalid")
            };
            Err(AppError::Invalid(vec![FieldError {
                field,
                code: code.to_owned(),
                message,
            }]))
        }
    }
}

/// Reads a number without a fractional part as the integer it is
/// (`2027.0` is `2027`): JSON does not tell them apart, and neither does
/// JSON Schema's `integer`, which the OpenAPI document promises.
fn integral_numbers(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            // Only where a float holds the whole number exactly (|f| < 2^53):
            // an integer literal within i64 is parsed as one already, and a
            // float beyond 2^53 may be a literal outside i64 rounded into it
            // (-9223372036854775809 reads as -2^63), which must stay refused.
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && (-9_007_199_254_740_992.0..9_007_199_254_740_992.0).contains(&f)
            {
                #[allow(clippy::cast_possible_truncation)] // whole and in range, checked above
                let whole = f as i64;
                *value = Value::from(whole);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_numbers),
        Value::Object(map) => map.values_mut().for_each(integral_numbers),
        _ => {}
    }
}

/// Collects the strings (and object keys) holding control characters, each
/// named by its path (`own_side.point_of_contact`, `items[2]`).
fn strings_fault(value: &Value, path: String, faults: &mut Vec<FieldError>) {
    match value {
        Value::String(text) => text_fault(text, &path, faults),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings_fault(item, format!("{path}[{i}]"), faults);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let field = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                text_fault(key, &field, faults);
                strings_fault(item, field, faults);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

fn text_fault(text: &str, path: &str, faults: &mut Vec<FieldError>) {
    if let Some(fault) = text::fault(text, Lines::Multi) {
        let field = if path.is_empty() { "body" } else { path };
        faults.push(FieldError {
            field: field.to_owned(),
            code: fault.code().to_owned(),
            message: fault.message(field),
        });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        title: String,
        n: Option<u32>,
    }

    fn field(err: AppError) -> (String, String) {
        match err {
            AppError::Invalid(errors) => (errors[0].field.clone(), errors[0].code.clone()),
            other => (String::new(), other.code()),
        }
    }

    #[test]
    fn trailing_garbage_is_malformed() {
        let err = parse_json::<Body>(br#"{"title":"a"} x"#).expect_err("trailing");
        assert_eq!(field(err).1, "malformed_json");
        let err = parse_json::<Body>(br#"{"title":"a"}{"title":"b"}"#).expect_err("two values");
        assert_eq!(field(err).1, "malformed_json");
        assert!(parse_json::<Body>(b"{\"title\":\"a\"} \n").is_ok());
    }

    #[test]
    fn fields_are_named() {
        let err = parse_json::<Body>(br#"{"title":"a\u0000"}"#).expect_err("nul");
        assert_eq!(field(err), ("title".to_owned(), "control_character".to_owned()));
        let err = parse_json::<Body>(br#"{"title":"a","n":-1}"#).expect_err("negative");
        assert_eq!(field(err), ("n".to_owned(), "invalid".to_owned()));
        let err = parse_json::<Body>(br#"{"title":"a","x":1}"#).expect_err("unknown");
        assert_eq!(field(err), ("x".to_owned(), "unknown_field".to_owned()));
        let err = parse_json::<Body>(br#"{}"#).expect_err("missing");
        assert_eq!(field(err), ("title".to_owned(), "required".to_owned()));
    }

    #[test]
    fn a_whole_float_reads_as_exactly_that_integer() {
        #[derive(Debug, serde::Deserialize)]
        struct Ids {
            ids: Vec<i64>,
        }
        // Seen by the API contract run: without serde_json's exact float
        // parsing this read as -1822139022559308.8 and was refused.
        let ids = parse_json::<Ids>(br#"{"ids":[-1822139022559309.0, 65.0, 2027]}"#).expect("whole numbers");
        assert_eq!(ids.ids, vec![-1_822_139_022_559_309, 65, 2027]);
    }
}
