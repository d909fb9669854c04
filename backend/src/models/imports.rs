//! The import of a planner's spreadsheet: every row becomes a private
//! draft of the caller's party, all in one transaction or none. The preview
//! runs the same creation in a transaction it rolls back, so it names every
//! fault the real import would meet, and writes nothing.

use concord_shared::Lang;
use concord_shared::api::{ImportError, ImportPreview, ImportResult};
use concord_shared::rules::{Action, Scope};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::{activities, plans};
use crate::paper::import;
use crate::state::AppState;

/// Reads and tries the file; with `keep`, commits when there is no fault.
async fn run(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    bytes: &[u8],
    lang: Lang,
    keep: bool,
) -> Result<(ImportPreview, Vec<i64>), AppError> {
    // Who may draft is asked before the file is read, so a viewer hears 403.
    caller.require(Action::Plan, Scope::Private(caller.party))?;
    let (rows, mut errors) = import::read(bytes, lang)?;
    let tx = state.write().await?;
    let plan = plans::load(&*tx, year).await?;
    let mut created = Vec::new();
    for row in &rows {
        match activities::create_for(&*tx, caller, &plan, row.activity.clone(), None).await {
            Ok(activity) => created.push(activity.id),
            Err(AppError::Invalid(faults)) => errors.extend(faults.into_iter().map(|f| ImportError {
                row: row.row,
                column: import::column_of(&f.field, lang),
                field: f.field,
                code: f.code,
                value: None,
                message: f.message,
            })),
            Err(other) => return Err(other),
        }
    }
    errors.sort_by_key(|e| e.row);
    if keep && errors.is_empty() {
        tx.commit().await?;
    } else {
        drop(tx);
        created.clear();
    }
    Ok((ImportPreview { rows, errors }, created))
}

/// What the file would create, and every fault by row and column; writes nothing.
pub async fn preview(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    bytes: &[u8],
    lang: Lang,
) -> Result<ImportPreview, AppError> {
    Ok(run(caller, state, year, bytes, lang, false).await?.0)
}

/// Creates every row as a draft, or, at the first fault anywhere, nothing
/// (422 naming each fault as `row N, Column`).
pub async fn confirm(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    bytes: &[u8],
    lang: Lang,
) -> Result<ImportResult, AppError> {
    let (preview, created) = run(caller, state, year, bytes, lang, true).await?;
    if !preview.errors.is_empty() {
        return Err(AppError::Invalid(
            preview
                .errors
                .into_iter()
                .map(|e| concord_shared::problem::FieldError {
                    field: format!("row {}, {}", e.row, e.column),
                    code: e.code,
                    message: e.message,
                })
                .collect(),
        ));
    }
    Ok(ImportResult { created })
}
