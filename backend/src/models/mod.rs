//! The model layer: where access rules meet the data. Every function that
//! touches party data takes the caller (`&AuthUser`) first, enforces the
//! shared policy and filters by the caller's party. Handlers stay thin.

pub mod activities;
pub mod activity_cache;
pub mod activity_list;
pub(crate) mod activity_rows;
pub mod activity_view;
pub mod alerts;
pub mod audit_log;
pub mod authorities;
pub mod bulk;
pub mod comment_rows;
pub mod comments;
pub mod consents;
pub mod demo;
mod demo_texts;
pub mod document_blobs;
pub mod documents;
pub mod execution;
pub mod feeds;
pub mod imports;
pub mod inbox;
pub mod instrument_sides;
pub mod instruments;
pub mod language;
pub mod notifications;
pub mod plans;
pub mod reference;
pub mod search;
pub mod sessions;
pub mod sharing;
pub mod signed_plans;
pub mod snapshot;
pub mod system;
pub mod texts;
pub mod tokens;
pub mod users;
pub mod versioned;
pub mod versions;
pub mod webhooks;

use concord_shared::problem::FieldError;
use concord_shared::rules::{Reason, Refusal};
use concord_shared::text::{self, Lines};

use crate::error::AppError;

/// Collects field errors and answers 422 naming every bad field at once.
#[derive(Default)]
pub struct Check(Vec<FieldError>);

impl Check {
    /// Records an error on `field`.
    pub fn fail(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        });
    }

    /// Checks a multi-line text (line feeds and tabs allowed): its length in
    /// characters once invisible ends are trimmed, and no control characters.
    pub fn text(&mut self, field: &str, value: &str, min: usize, max: usize) {
        self.checked(field, value, min, max, Lines::Multi);
    }

    /// Checks a single-line text (a title, a name): its length once invisible
    /// ends are trimmed, no control characters, no bidirectional controls.
    pub fn line(&mut self, field: &str, value: &str, min: usize, max: usize) {
        self.checked(field, value, min, max, Lines::Single);
    }

    fn checked(&mut self, field: &str, value: &str, min: usize, max: usize, lines: Lines) {
        let n = text::trim_invisible(value).chars().count();
        if n < min {
            if min == 1 {
                self.fail(field, "required", format!("{field} is required"));
            } else {
                self.fail(field, "too_short", format!("{field} needs at least {min} characters"));
            }
        } else if n > max {
            self.fail(field, "too_long", format!("{field} may have at most {max} characters"));
        }
        if let Some(fault) = text::fault(value, lines) {
            self.fail(field, fault.code(), fault.message(field));
        }
    }

    /// A 422 naming one field.
    pub fn error(field: &str, code: &str, message: impl Into<String>) -> AppError {
        let mut check = Check::default();
        check.fail(field, code, message);
        AppError::Invalid(check.0)
    }

    /// 422 when anything failed.
    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}

/// Turns the database's "a unique key refused this row" (another request
/// wrote the same thing at the same moment) into the refusal the caller
/// would have got had it come second: `.map_err(duplicate_is(reason))`.
pub fn duplicate_is(reason: Reason) -> impl FnOnce(sea_orm::DbErr) -> AppError {
    move |err| match AppError::from(err) {
        AppError::Refused(Refusal::Conflict(Reason::AlreadyExists)) => AppError::Refused(Refusal::Conflict(reason)),
        other => other,
    }
}

/// Trimmed text, `None` when nothing is left: how optional free text is stored.
pub fn non_empty(value: Option<String>) -> Option<String> {
    value
        .map(|v| text::trim_invisible(&v).to_owned())
        .filter(|v| !v.is_empty())
}

/// Appends, inside the caller's transaction, the audit entry of a change to
/// a record: its state before and after as JSON. The entity type is the
/// action's prefix (`instrument` for `instrument.update`).
pub async fn audit_change<C: sea_orm::ConnectionTrait, T: serde::Serialize>(
    conn: &C,
    caller: &crate::auth::AuthUser,
    action: &str,
    id: i64,
    scope: concord_shared::rules::Scope,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<(), AppError> {
    let json = |v: &T| serde_json::to_value(v).map_err(|e| AppError::Internal(e.into()));
    crate::audit::append(
        conn,
        crate::audit::Event {
            actor: &caller.audit_actor(),
            action,
            entity_type: action.split('.').next().unwrap_or(action),
            entity_id: Some(id.to_string()),
            scope,
            before: before.map(json).transpose()?,
            after: after.map(json).transpose()?,
        },
    )
    .await?;
    Ok(())
}
