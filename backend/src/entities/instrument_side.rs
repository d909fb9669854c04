//! `instrument_sides`: one party's side of an instrument (its signatory and
//! internal procedures), owned by that party (docs/federation.md). A side
//! nobody wrote has no row.

use concord_shared::Party;
use sea_orm::entity::prelude::*;

/// One party's side.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "instrument_sides")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The instrument (row id).
    pub instrument_id: i32,
    /// The party, which owns the row.
    pub party: Party,
    /// Who signed for the party.
    pub signatory: Option<String>,
    /// Their position.
    pub signatory_position: Option<String>,
    /// When the party completed its internal procedures.
    pub procedures_on: Option<Date>,
    /// Which procedures.
    pub procedures: Option<String>,
    /// Changes since the instrument was recorded (0 when written with it).
    pub version: i64,
    /// Last changed.
    pub updated_at: DateTimeUtc,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
