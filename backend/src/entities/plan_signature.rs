//! `plan_signatures`: each party's signature on a version of a plan.

use concord_shared::Party;
use sea_orm::entity::prelude::*;

/// One party's signature.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_signatures")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The plan.
    pub plan_id: i32,
    /// The version signed (1: the original plan, 2: its first amendment, …).
    pub version_no: i32,
    /// The signing party.
    pub party: Party,
    /// Who signed.
    pub signatory: String,
    /// Their position.
    pub position: String,
    /// Date of signature.
    pub signed_on: Date,
    /// Place of signature.
    pub place: String,
    /// The coordinator who recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    pub recorded_at: DateTimeUtc,
    /// The SHA-256 of the content signed (the version's snapshot without
    /// signatures): the signature holds while the content still has it.
    pub content_sha256: String,
    /// The id of the node key that signed it too (empty: no node signature).
    pub node_key_id: String,
    /// The node's Ed25519 signature (hex) over the content and the
    /// signature's fields (`crate::federation::proof`).
    pub node_signature: String,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
