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

/// One fault of one row, named by row and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportError {
    /// The row's number in the sheet.
    pub row: u32,
    /// The column's header, as the template names it in the chosen language.
    pub column: String,
    /// What is wrong, e.g. `2027-02-30 is not a date`.
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
