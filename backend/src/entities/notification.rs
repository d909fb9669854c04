//! `notifications`: diplomatic notifications between the parties.

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
    /// Received.
    pub received_on: Option<Date>,
    /// Acknowledged.
    pub acknowledged_on: Option<Date>,
    /// The acknowledgement.
    pub acknowledgement: Option<String>,
    /// The authority change it announces (its public id).
    pub authority_id: Option<i64>,
    /// When that change takes effect.
    pub effective_on: Option<Date>,
    /// Who recorded it.
    pub recorded_by: String,
    /// When.
    pub recorded_at: DateTimeUtc,
    /// Version (ETag).
    pub version: i64,
    /// Last changed.
    pub updated_at: DateTimeUtc,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
