//! `documents`: files attached to instruments, notifications, activities
//! and authority entries; the bytes live in the blob store under their SHA-256.

use concord_shared::Party;
use concord_shared::api::DocumentOwner;
use sea_orm::entity::prelude::*;

/// A document.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Random id used on the wire (a private owner's documents must not be counted).
    #[sea_orm(unique)]
    pub public_id: i64,
    /// `DocumentOwner` code.
    pub owner_type: DocumentOwner,
    /// The owner's wire id.
    pub owner_id: i64,
    /// File name given at upload.
    pub filename: String,
    /// Media type recognised from the content.
    pub media_type: String,
    /// Size in bytes.
    pub size: i64,
    /// SHA-256 (hex) of the content.
    pub sha256: String,
    /// Uploader's display name.
    pub uploaded_by: String,
    /// Uploader's party code.
    pub uploaded_party: Party,
    /// When.
    pub uploaded_at: DateTimeUtc,
    /// Whether it may leave its party's node (its owner is visible to both parties).
    pub shared: bool,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
