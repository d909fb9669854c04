//! `document_blobs`: a party's documents' bytes in the database, written on
//! a party node only, so that the shared ones replicate to the other node
//! (docs/federation.md, "Documents"). Content-addressed by SHA-256.

use concord_shared::Party;
use sea_orm::entity::prelude::*;

/// One party's copy of some bytes.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_blobs")]
pub struct Model {
    /// SHA-256 of the bytes (hex).
    #[sea_orm(primary_key, auto_increment = false)]
    pub sha256: String,
    /// The party whose documents hold these bytes, which owns the row.
    #[sea_orm(primary_key, auto_increment = false)]
    pub party: Party,
    /// Whether one of the party's documents with these bytes is shared.
    pub shared: bool,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
