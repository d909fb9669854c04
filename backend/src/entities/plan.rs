//! `plans`: one annual co-operation plan per year.

use concord_shared::Party;
use concord_shared::plan::PlanState;
use sea_orm::entity::prelude::*;

/// An annual plan.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plans")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The calendar year.
    #[sea_orm(unique)]
    pub year: i32,
    /// `PlanState` code.
    pub state: PlanState,
    /// A proposed next state awaiting the other party.
    pub proposal_to: Option<PlanState>,
    /// The proposing party.
    pub proposal_party: Option<Party>,
    /// The proposing coordinator's display name.
    pub proposal_by: Option<String>,
    /// When proposed.
    pub proposal_at: Option<DateTimeUtc>,
    /// Last reference number given to an Azerbaijani activity.
    pub seq_az: i32,
    /// Last reference number given to a Georgian activity.
    pub seq_ge: i32,
    /// Demo data.
    pub demo: bool,
    /// Version (ETag).
    pub version: i64,
    /// Created.
    pub created_at: DateTimeUtc,
    /// The amendment being negotiated or last in force (0: the original plan).
    pub amendment: i32,
    /// The latest signed (frozen) version number.
    pub signed_version: Option<i32>,
    /// Last changed.
    pub updated_at: DateTimeUtc,
    /// Change counter of the plan's activities, kept by database triggers
    /// (never written by the application); keys the list cache.
    pub revision: i64,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
