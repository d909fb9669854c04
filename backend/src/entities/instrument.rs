//! `instruments`: the register of the Agreement, additional agreements,
//! signed plans and amendments, protocols and minutes: the fields both
//! parties share, owned by the party that recorded the instrument; each
//! party's side is its own row (`instrument_sides`, docs/federation.md).

use concord_shared::Party;
use concord_shared::api::InstrumentKind;
use sea_orm::entity::prelude::*;

/// An instrument.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "instruments")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `InstrumentKind` code.
    pub kind: InstrumentKind,
    /// Title.
    pub title: String,
    /// Number.
    pub number: Option<String>,
    /// Date of signature.
    pub signed_on: Option<Date>,
    /// Place of signature.
    pub signed_at: Option<String>,
    /// Entry into force.
    pub in_force_on: Option<Date>,
    /// Termination.
    pub terminated_on: Option<Date>,
    /// Related instrument ids, a JSON array.
    pub related: String,
    /// The signed plan's year.
    pub plan_year: Option<i32>,
    /// The signed plan version.
    pub plan_version: Option<i32>,
    /// The party that recorded it, which owns these fields.
    pub recorded_party: Party,
    /// These fields' own version (the wire's ETag adds the sides').
    pub version: i64,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Last changed.
    pub updated_at: DateTimeUtc,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
