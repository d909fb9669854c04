//! `plan_versions`: frozen snapshots of signed plan versions.

use sea_orm::entity::prelude::*;

/// A signed version: canonical JSON and its SHA-256.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_versions")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The plan.
    pub plan_id: i32,
    /// Version number.
    pub number: i32,
    /// Canonical JSON of the plan and its activities.
    pub snapshot: String,
    /// SHA-256 (hex) of `snapshot`.
    pub sha256: String,
    /// When frozen.
    pub created_at: DateTimeUtc,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
