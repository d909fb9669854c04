//! `api_tokens`: tokens integrations use; only the secret's SHA-256 is stored.

use concord_shared::Party;
use concord_shared::Role;
use sea_orm::entity::prelude::*;

/// One API token acting for a party with a role.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_tokens")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Id shown in lists.
    #[sea_orm(unique)]
    pub public_id: String,
    /// SHA-256 (hex) of the secret.
    #[sea_orm(unique)]
    pub token_hash: String,
    /// Party code.
    pub party: Party,
    /// Role code.
    pub role: Role,
    /// What it is for.
    pub name: String,
    /// The administrator who created it.
    pub created_by: i32,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Stops working.
    pub expires_at: Option<DateTimeUtc>,
    /// Last used.
    pub last_used_at: Option<DateTimeUtc>,
    /// Revoked.
    pub revoked_at: Option<DateTimeUtc>,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
