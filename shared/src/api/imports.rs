//! Wire types of the import of a planner's spreadsheet into draft activities.

use serde::{Deserialize, Serialize};

use super::NewActivity;

/// One row of the file as it would be created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRow {
    /// The row's number in the sheet (the header is row 1).
    pub row: u32,
    /// The activity it would become (a private draft of the caller's party).
    pub activity: NewActivity,
}

/// One fault of one row, named by row and column, with a stable code the
/// web app words in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportError {
    /// The row's number in the sheet.
    pub row: u32,
    /// The column's header, as the template names it in the chosen language.
    pub column: String,
    /// The field of `NewActivity` the column fills (`start_date`, `own_side.participants`, ...).
    pub field: String,
    /// What is wrong, as a field error code (`crate::codes::FIELD_CODES`):
    /// `not_a_date`, `not_a_month`, `not_a_number`, `not_in_list`, or any
    /// code an activity's own checks give (`required`, `outside_year`, ...).
    pub code: String,
    /// The cell's text as found, where the fault is about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// What is wrong in English, e.g. `2027-02-30 is not a date` (for logs
    /// and integrators; the web app words `code` itself).
    pub message: String,
}

/// `POST /api/v1/plans/{year}/import/preview`: what the file would create, and every fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportPreview {
    /// The rows that would be created.
    pub rows: Vec<ImportRow>,
    /// The faults; the import is refused while there is any.
    pub errors: Vec<ImportError>,
}

/// `POST /api/v1/plans/{year}/import`: the drafts created, in the file's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportResult {
    /// The new activities' ids.
    pub created: Vec<i64>,
}
