//! `notification_receipts`: the receiving party's record of a note's
//! receipt and acknowledgement, one row per note, owned by that party
//! (docs/federation.md).

use concord_shared::Party;
use sea_orm::entity::prelude::*;

/// A note's receipt.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_receipts")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The note (row id; unique).
    pub notification_id: i32,
    /// The receiving party, which owns the row.
    pub party: Party,
    /// Received.
    pub received_on: Option<Date>,
    /// Acknowledged.
    pub acknowledged_on: Option<Date>,
    /// The acknowledgement.
    pub acknowledgement: Option<String>,
    /// Who recorded it last (display name).
    pub recorded_by: String,
    /// When.
    pub recorded_at: DateTimeUtc,
    /// Changes since the note was recorded (0 when written with the note).
    pub version: i64,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
