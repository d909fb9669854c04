//! Wire types of documents attached to instruments, notifications and
//! activities.

use crate::domain::Party;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a document is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
pub enum DocumentOwner {
    /// An instrument (joint).
    Instrument,
    /// A diplomatic notification (joint).
    Notification,
    /// An activity (its party's until shared).
    Activity,
    /// A competent authority entry (its party's while pending).
    Authority,
}

impl DocumentOwner {
    /// The wire code.
    pub fn code(self) -> &'static str {
        match self {
            DocumentOwner::Instrument => "instrument",
            DocumentOwner::Notification => "notification",
            DocumentOwner::Activity => "activity",
            DocumentOwner::Authority => "authority",
        }
    }

    /// Parses a wire code.
    pub fn from_code(code: &str) -> Option<DocumentOwner> {
        [
            DocumentOwner::Instrument,
            DocumentOwner::Notification,
            DocumentOwner::Activity,
            DocumentOwner::Authority,
        ]
        .into_iter()
        .find(|o| o.code() == code)
    }
}

/// An attached file: its content recognised from its bytes, stored by SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Document {
    /// Id.
    pub id: i64,
    /// What it is attached to.
    pub owner: DocumentOwner,
    /// The owner's id.
    pub owner_id: i64,
    /// The file name given at upload.
    pub filename: String,
    /// The media type recognised from the content.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the content (hex), verified on every download.
    pub sha256: String,
    /// Who uploaded it.
    pub uploaded_by: String,
    /// The uploader's party.
    pub uploaded_by_party: Party,
    /// When.
    pub uploaded_at: DateTime<Utc>,
}

/// The media types accepted for documents, with their file name extensions.
pub const DOCUMENT_TYPES: [(&str, &[&str]); 7] = [
    ("application/pdf", &["pdf"]),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &["docx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &["xlsx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        &["pptx"],
    ),
    ("application/vnd.oasis.opendocument.text", &["odt"]),
    ("application/vnd.oasis.opendocument.spreadsheet", &["ods"]),
    ("application/vnd.oasis.opendocument.presentation", &["odp"]),
];

crate::domain::code_text!(DocumentOwner);
