//! `activity_consents`: one party's decision on an activity, owned by that
//! party (docs/federation.md); the activity's consents are derived from the
//! two rows by `rules::consents`.

use concord_shared::Party;
use concord_shared::plan::PartyConsent;
use sea_orm::entity::prelude::*;

/// One party's decision.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activity_consents")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The activity (row id).
    pub activity_id: i32,
    /// The deciding party.
    pub party: Party,
    /// Accepted, rejected or changes requested (never pending).
    pub state: PartyConsent,
    /// The activity's `substance_revision` decided on.
    pub accepted_revision: i64,
    /// The comment giving the reason, if any (row id).
    pub reason_comment_id: Option<i32>,
    /// Who decided (display name).
    pub decided_by: String,
    /// When.
    pub decided_at: DateTimeUtc,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
