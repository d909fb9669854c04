//! `activities`: the lines of a plan, drafts included.

use concord_shared::CooperationArea;
use concord_shared::CooperationForm;
use concord_shared::Lang;
use concord_shared::Party;
use concord_shared::api::CostArrangement;
use concord_shared::api::ExecutionStatus;
use concord_shared::plan::ConsentState;
use concord_shared::plan::PartyConsent;
use sea_orm::entity::prelude::*;

/// An activity.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activities")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Random id used on the wire (row ids would reveal the other party's drafts).
    #[sea_orm(unique)]
    pub public_id: i64,
    /// The plan.
    pub plan_id: i32,
    /// The plan's year.
    pub year: i32,
    /// Reference code, given at first sharing.
    pub reference: Option<String>,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// The language of `title` and `description` (the proposer's original).
    pub text_lang: Lang,
    /// Substantive changes of the original text so far (translations record
    /// the revision they translate).
    pub text_revision: i64,
    /// Substantive changes that reopened consent so far (sharing, edits in
    /// the plan): a party's decision names the revision it was made on.
    pub substance_revision: i64,
    /// Area code.
    pub area: CooperationArea,
    /// Area specification.
    pub area_other: Option<String>,
    /// Form code.
    pub form: CooperationForm,
    /// Form specification.
    pub form_other: Option<String>,
    /// Proposing party code.
    pub proposing_party: Party,
    /// Host party code.
    pub host_party: Party,
    /// Location.
    pub location: String,
    /// First day.
    pub start_date: Option<Date>,
    /// Last day.
    pub end_date: Option<Date>,
    /// Tentative month.
    pub month: Option<i32>,
    /// Cost arrangement code.
    pub cost: CostArrangement,
    /// AZ participants.
    pub az_participants: Option<i32>,
    /// AZ responsible unit.
    pub az_unit: String,
    /// AZ point of contact.
    pub az_contact: String,
    /// GE participants.
    pub ge_participants: Option<i32>,
    /// GE responsible unit.
    pub ge_unit: String,
    /// GE point of contact.
    pub ge_contact: String,
    /// Shared with the other party.
    pub shared: bool,
    /// Withdrawn by the proposer.
    pub withdrawn: bool,
    /// AZ consent code.
    pub consent_az: PartyConsent,
    /// GE consent code.
    pub consent_ge: PartyConsent,
    /// Derived consent state code (stored for filtering).
    pub consent: ConsentState,
    /// Execution status code.
    pub execution: ExecutionStatus,
    /// Folded text for search (same on SQLite and PostgreSQL).
    pub search_text: String,
    /// Version (ETag).
    pub version: i64,
    /// The user who drafted it.
    pub created_by: i32,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Why it was postponed or cancelled.
    pub execution_reason: Option<String>,
    /// Azerbaijan's after-action summary.
    pub az_summary: Option<String>,
    /// Georgia's after-action summary.
    pub ge_summary: Option<String>,
    /// The activity of last year's plan this one carries over (its public id).
    pub carried_from: Option<i64>,
    /// Last changed.
    pub updated_at: DateTimeUtc,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
