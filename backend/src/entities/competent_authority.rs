//! `competent_authorities`: each party's competent authority over time.

use concord_shared::Party;
use sea_orm::entity::prelude::*;

/// One competent authority of a party, valid from a date until another.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "competent_authorities")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The party's wire code (`az`, `ge`).
    pub party: Party,
    /// Name in English.
    pub name_en: String,
    /// Name in Azerbaijani.
    pub name_az: String,
    /// Name in Georgian.
    pub name_ka: String,
    /// First day in force.
    pub valid_from: Date,
    /// First day no longer in force, if ended.
    pub valid_to: Option<Date>,
    /// Id on the wire (random for entries after the seed: a pending change is private).
    pub public_id: Option<i64>,
    /// A change not yet notified to the other party.
    pub pending: bool,
    /// The notification that announced it.
    pub notification_id: Option<i32>,
    /// Version (ETag).
    pub version: i64,
}

/// No relations yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
