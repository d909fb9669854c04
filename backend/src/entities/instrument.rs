//! `instruments`: the register of the Agreement, additional agreements,
//! signed plans and amendments, protocols and minutes.

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
    /// Azerbaijan's signatory.
    pub az_signatory: Option<String>,
    /// Their position.
    pub az_signatory_position: Option<String>,
    /// Azerbaijan completed its internal procedures.
    pub az_procedures_on: Option<Date>,
    /// Which procedures.
    pub az_procedures: Option<String>,
    /// Georgia's signatory.
    pub ge_signatory: Option<String>,
    /// Their position.
    pub ge_signatory_position: Option<String>,
    /// Georgia completed its internal procedures.
    pub ge_procedures_on: Option<Date>,
    /// Which procedures.
    pub ge_procedures: Option<String>,
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
    /// Version (ETag).
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
