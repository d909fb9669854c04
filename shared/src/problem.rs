//! The wire error type: RFC 9457 problem details (`application/problem+json`).

use serde::{Deserialize, Serialize};

/// The media type of every error response.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// An error as the API reports it (RFC 9457 problem details).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI reference naming the kind of problem (`about:blank` or `/problems/<code>`).
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    /// A short, human-readable summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// A stable machine-readable code of this kind of problem (e.g.
    /// `stale_version`, `username_taken`): what clients act on and what the
    /// web app translates. See `rules::Reason` for the refusals of the rules.
    #[serde(default)]
    pub code: String,
    /// The values the code's message needs (e.g. `{"year": 2027}`).
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub params: serde_json::Map<String, serde_json::Value>,
    /// A human-readable explanation of this occurrence, in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Problems with individual input fields, when the request was invalid.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// With 412: the resource's current version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i64>,
    /// With 429: seconds to wait before trying again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

/// One invalid input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name as on the wire (JSON pointer-like path, e.g. `title`).
    pub field: String,
    /// A stable machine-readable code, e.g. `too_long`, `required`.
    pub code: String,
    /// A human-readable message in English.
    pub message: String,
}

fn about_blank() -> String {
    "about:blank".to_owned()
}

impl Problem {
    /// A problem with a status and title only.
    pub fn new(status: u16, title: impl Into<String>) -> Problem {
        Problem {
            kind: about_blank(),
            title: title.into(),
            status,
            code: String::new(),
            params: serde_json::Map::new(),
            detail: None,
            errors: Vec::new(),
            current_version: None,
            retry_after: None,
        }
    }

    /// Sets the stable code.
    pub fn with_code(mut self, code: impl Into<String>) -> Problem {
        self.code = code.into();
        self
    }

    /// Sets the code and parameters from a rule's reason.
    pub fn with_reason(mut self, reason: &crate::rules::Reason) -> Problem {
        self.code = reason.code();
        self.params = reason.params();
        self
    }

    /// The reason of a refusal, when the code is one this build knows.
    pub fn reason(&self) -> Option<crate::rules::Reason> {
        crate::rules::Reason::from_wire(&self.code, &self.params)
    }

    /// Sets the problem type URI.
    pub fn with_kind(mut self, kind: impl Into<String>) -> Problem {
        self.kind = kind.into();
        self
    }

    /// The first field error about `field`, if any.
    pub fn field(&self, field: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == field)
    }

    /// Adds a detail text.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Problem {
        self.detail = Some(detail.into());
        self
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status, self.title)?;
        if let Some(detail) = &self.detail {
            write!(f, ": {detail}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problem {}
