//! `notifications`: diplomatic notifications between the parties, the
//! sending party's rows; their receipt is the receiving party's
//! (`notification_receipts`, docs/federation.md).

use concord_shared::Party;
use sea_orm::entity::prelude::*;

/// A notification.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The sending party's code.
    pub sending_party: Party,
    /// The note's number.
    pub note_number: String,
    /// What it notifies.
    pub subject: String,
    /// Sent.
    pub sent_on: Date,
    /// The authority change it announces (its public id).
    pub authority_id: Option<i64>,
    /// When that change takes effect.
    pub effective_on: Option<Date>,
    /// Who recorded it.
    pub recorded_by: String,
    /// When.
    pub recorded_at: DateTimeUtc,
    /// The note's own version (the wire's ETag adds its receipt's).
    pub version: i64,
    /// Last changed.
    pub updated_at: DateTimeUtc,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
