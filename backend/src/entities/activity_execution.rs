//! `activity_execution`: an activity's execution status as its host party
//! reported it, owned by that party (docs/federation.md); the activity
//! row's `execution`/`execution_reason` are a local cache of it.

use concord_shared::Party;
use concord_shared::api::ExecutionStatus;
use sea_orm::entity::prelude::*;

/// The host party's report.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activity_execution")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The activity (row id).
    pub activity_id: i32,
    /// The reporting (host) party.
    pub party: Party,
    /// The status.
    pub status: ExecutionStatus,
    /// Why postponed or cancelled.
    pub reason: Option<String>,
    /// Bumped by every write of the row.
    pub version: i64,
    /// When last written.
    pub updated_at: DateTimeUtc,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
