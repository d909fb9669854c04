//! `activity_sides`: one party's side of an activity (participants, unit,
//! contact, after-action summary), owned by that party
//! (docs/federation.md); the activity row's `az_*`/`ge_*` columns are a
//! local cache of these rows.

use concord_shared::Party;
use sea_orm::entity::prelude::*;

/// One party's side.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activity_sides")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The activity (row id).
    pub activity_id: i32,
    /// The party whose side it is.
    pub party: Party,
    /// How many people it sends.
    pub participants: Option<i32>,
    /// Its responsible unit.
    pub unit: String,
    /// Its point of contact.
    pub contact: String,
    /// Its after-action summary.
    pub summary: Option<String>,
    /// Whether it may leave its node (written on a shared activity, or
    /// marked in the sharing transaction).
    pub shared: bool,
    /// Bumped by every write of the row.
    pub version: i64,
    /// When last written.
    pub updated_at: DateTimeUtc,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
