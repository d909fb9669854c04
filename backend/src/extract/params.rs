//! `ApiPath<T>` and `ApiQuery<T>`: path segments and query strings read
//! strictly, every refusal a 422 naming the parameter (never axum's
//! plain-text 400), every text free of control characters.

use axum::extract::path::ErrorKind;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path, RawPathParams};
use axum::http::request::Parts;
use concord_shared::problem::FieldError;
use concord_shared::text::{self, Lines};
use serde::de::DeserializeOwned;

use crate::error::AppError;

fn invalid(field: &str, code: &str, message: impl Into<String>) -> AppError {
    AppError::Invalid(vec![FieldError {
        field: field.to_owned(),
        code: code.to_owned(),
        message: message.into(),
    }])
}

/// A text parameter's fault as a 422 naming it (single-line: no parameter spans lines).
fn check_text(field: &str, value: &str) -> Result<(), AppError> {
    match text::fault(value, Lines::Single) {
        Some(fault) => Err(invalid(field, fault.code(), fault.message(field))),
        None => Ok(()),
    }
}

/// Path parameters, e.g. `{id}` as an `i64`: a segment that is not one is
/// 422 naming it.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw = match RawPathParams::from_request_parts(parts, state).await {
            Ok(raw) => raw,
            Err(_) => return Err(invalid("path", "invalid", "a path segment is not valid UTF-8")),
        };
        let names: Vec<String> = raw.iter().map(|(k, _)| k.to_owned()).collect();
        for (key, value) in &raw {
            check_text(key, value)?;
        }
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(ApiPath(value)),
            Err(PathRejection::FailedToDeserializePathParams(err)) => {
                let kind = err.into_kind();
                let (field, message) = match &kind {
                    ErrorKind::ParseErrorAtKey { key, expected_type, .. } => {
                        (key.clone(), format!("{key} must be {}", expected(expected_type)))
                    }
                    ErrorKind::ParseErrorAtIndex {
                        index, expected_type, ..
                    } => {
                        let key = names.get(*index).cloned().unwrap_or_else(|| "path".to_owned());
                        let message = format!("{key} must be {}", expected(expected_type));
                        (key, message)
                    }
                    ErrorKind::ParseError { expected_type, .. } => {
                        let key = names.first().cloned().unwrap_or_else(|| "path".to_owned());
                        let message = format!("{key} must be {}", expected(expected_type));
                        (key, message)
                    }
                    ErrorKind::InvalidUtf8InPathParam { key } => (key.clone(), format!("{key} is not valid UTF-8")),
                    other => ("path".to_owned(), other.to_string()),
                };
                Err(invalid(&field, "invalid", message))
            }
            Err(other) => Err(AppError::Internal(anyhow::anyhow!("path parameters: {other}"))),
        }
    }
}

/// What a Rust type name means to a client.
fn expected(type_name: &str) -> &'static str {
    match type_name {
        "i32" | "i64" | "u32" | "u64" | "usize" => "a whole number in range",
        _ => "of the right form",
    }
}

/// A query string read into `T` (`deny_unknown_fields` as the types say):
/// an unknown parameter, a missing one or one that does not parse is 422
/// naming it; so is any parameter holding a control character.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parse_query(parts.uri.query().unwrap_or_default()).map(ApiQuery)
    }
}

/// Reads a query string into `T`, naming the offending parameter.
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, AppError> {
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        check_text(&key, &key)?;
        check_text(&key, &value)?;
    }
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize::<_, T>(de).map_err(|err| {
        let path = err.path().to_string();
        let message = err.into_inner().to_string();
        let named = |rest: &str| rest.split('`').next().unwrap_or_default().to_owned();
        if let Some(rest) = message.strip_prefix("unknown field `") {
            invalid(&named(rest), "unknown_field", message.clone())
        } else if let Some(rest) = message.strip_prefix("missing field `") {
            invalid(&named(rest), "required", message.clone())
        } else {
            let field = if path == "." { "query".to_owned() } else { path };
            let message = format!("{field}: {message}");
            invalid(&field, "invalid", message)
        }
    })
}

/// Refuses paging a database cannot take: an `offset` above `i64::MAX`, a
/// `limit` outside `1..=max` (422 naming it).
pub fn check_paging(offset: u64, limit: Option<u64>, max: u64) -> Result<(), AppError> {
    let mut errors = Vec::new();
    if i64::try_from(offset).is_err() {
        errors.push(FieldError {
            field: "offset".to_owned(),
            code: "out_of_range".to_owned(),
            message: format!("offset may be at most {}", i64::MAX),
        });
    }
    if let Some(limit) = limit
        && !(1..=max).contains(&limit)
    {
        errors.push(FieldError {
            field: "limit".to_owned(),
            code: "out_of_range".to_owned(),
            message: format!("limit must be from 1 to {max}"),
        });
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Q {
        #[serde(default)]
        offset: u64,
        q: Option<String>,
        month: Option<u32>,
    }

    fn named(err: AppError) -> (String, String) {
        match err {
            AppError::Invalid(errors) => (errors[0].field.clone(), errors[0].code.clone()),
            other => (String::new(), other.code()),
        }
    }

    #[test]
    fn bad_parameters_are_named() {
        assert!(parse_query::<Q>("offset=3&q=x").is_ok());
        assert_eq!(
            named(parse_query::<Q>("offset=-1").expect_err("negative")),
            ("offset".to_owned(), "invalid".to_owned())
        );
        assert_eq!(
            named(parse_query::<Q>("month=abc").expect_err("text")),
            ("month".to_owned(), "invalid".to_owned())
        );
        assert_eq!(
            named(parse_query::<Q>("q=%00").expect_err("nul")),
            ("q".to_owned(), "control_character".to_owned())
        );
        assert_eq!(
            named(parse_query::<Q>("nope=1").expect_err("unknown")),
            ("nope".to_owned(), "unknown_field".to_owned())
        );
    }

    #[test]
    fn paging_the_database_cannot_take_is_refused() {
        assert!(check_paging(9_223_372_036_854_775_807, Some(50), 200).is_ok());
        assert_eq!(
            named(check_paging(9_223_372_036_854_775_808, None, 200).expect_err("offset")),
            ("offset".to_owned(), "out_of_range".to_owned())
        );
        assert_eq!(
            named(check_paging(0, Some(0), 200).expect_err("zero")),
            ("limit".to_owned(), "out_of_range".to_owned())
        );
    }
}
