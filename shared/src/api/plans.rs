//! Wire types of annual plans, activities, consent, comments and internal notes.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::ActivityText;
use crate::domain::{CooperationArea, CooperationForm, Party};
use crate::i18n::Lang;
use crate::plan::{ConsentState, PartyConsent, PlanState};

/// `POST /api/v1/plans`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPlan {
    /// The calendar year (2023–2100); one plan per year.
    #[cfg_attr(feature = "openapi", schema(minimum = 2023, maximum = 2100))]
    pub year: i32,
}

/// A step proposed by one party's coordinator, awaiting the other's confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepProposal {
    /// The state the plan would move to.
    pub to: PlanState,
    /// The proposing party.
    pub proposed_by_party: Party,
    /// The proposing coordinator's display name.
    pub proposed_by: String,
    /// When.
    pub proposed_at: DateTime<Utc>,
}

/// Something that keeps the plan from its next step, as data for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Blocker {
    /// `awaiting_consent` (of `party`), `changes_requested`, `no_accepted_activity`,
    /// `awaiting_confirmation` (by `party`), `needs_proposal`,
    /// `translations_missing` / `translations_outdated` (accepted activities
    /// without an up-to-date text in `party`'s language: AZ `az`, GE `ka`).
    pub code: String,
    /// The party concerned, if any.
    pub party: Option<Party>,
    /// How many activities, if it counts them.
    pub count: Option<u64>,
}

/// An annual plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Plan {
    /// The year.
    pub year: i32,
    /// The state.
    pub state: PlanState,
    /// A step awaiting the other party's confirmation.
    pub proposal: Option<StepProposal>,
    /// What keeps the plan from its next step.
    pub blockers: Vec<Blocker>,
    /// Activities in the plan (shared, not rejected or withdrawn), as the caller sees them.
    pub activity_count: u64,
    /// Demo data.
    pub demo: bool,
    /// The amendment being negotiated or last in force (0: the original plan).
    pub amendment: i32,
    /// The latest signed version in force, if any.
    pub signed_version: Option<i32>,
    /// Signatures recorded on the version being signed (empty before `agreed`).
    pub signatures: Vec<Signature>,
    /// Version (ETag); transitions send it in If-Match.
    pub version: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// What a coordinator does with a plan step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TransitionAction {
    /// Propose moving to `to` (needs the other party's confirmation).
    Propose,
    /// Confirm the other party's proposal.
    Confirm,
    /// Decline the other party's proposal, with a reason.
    Decline,
    /// Withdraw one's own proposal.
    Withdraw,
}

/// `POST /api/v1/plans/{year}/transitions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest {
    /// What to do.
    pub action: TransitionAction,
    /// With `propose`: the state to move to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PlanState>,
    /// With `decline`: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Who pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
pub enum CostArrangement {
    /// The sending party pays its own costs.
    SendingPartyPays,
    /// The host party pays.
    HostPartyPays,
    /// Shared.
    Shared,
    /// Funded by a third party, such as a PfP programme.
    ThirdParty,
}

impl CostArrangement {
    /// Every arrangement, in the form's order.
    pub const ALL: [CostArrangement; 4] = [
        CostArrangement::SendingPartyPays,
        CostArrangement::HostPartyPays,
        CostArrangement::Shared,
        CostArrangement::ThirdParty,
    ];

    /// The wire (and stored) code, as serde writes it.
    pub fn code(self) -> &'static str {
        match self {
            CostArrangement::SendingPartyPays => "sending_party_pays",
            CostArrangement::HostPartyPays => "host_party_pays",
            CostArrangement::Shared => "shared",
            CostArrangement::ThirdParty => "third_party",
        }
    }

    /// Parses a wire code.
    pub fn from_code(code: &str) -> Option<CostArrangement> {
        CostArrangement::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// The execution status of an activity of a signed plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
pub enum ExecutionStatus {
    /// Planned.
    Planned,
    /// Confirmed by the host.
    Confirmed,
    /// Held.
    Held,
    /// Postponed.
    Postponed,
    /// Cancelled.
    Cancelled,
}

impl ExecutionStatus {
    /// The wire (and stored) code, as serde writes it.
    pub fn code(self) -> &'static str {
        match self {
            ExecutionStatus::Planned => "planned",
            ExecutionStatus::Confirmed => "confirmed",
            ExecutionStatus::Held => "held",
            ExecutionStatus::Postponed => "postponed",
            ExecutionStatus::Cancelled => "cancelled",
        }
    }

    /// Every status, in the order of execution.
    pub const ALL: [ExecutionStatus; 5] = [
        ExecutionStatus::Planned,
        ExecutionStatus::Confirmed,
        ExecutionStatus::Held,
        ExecutionStatus::Postponed,
        ExecutionStatus::Cancelled,
    ];

    /// Parses a wire code.
    pub fn from_code(code: &str) -> Option<ExecutionStatus> {
        ExecutionStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One party's side of an activity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Side {
    /// Participants from this party.
    pub participants: Option<u32>,
    /// Responsible unit.
    pub responsible_unit: String,
    /// Point of contact.
    pub point_of_contact: String,
}

/// An activity (a line of the plan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activity {
    /// Id.
    pub id: i64,
    /// The plan's year.
    pub year: i32,
    /// Reference code such as `2027-AZ-017`, assigned when first shared.
    pub reference: Option<String>,
    /// Title, in the original language (`text_lang`): the proposer's text.
    pub title: String,
    /// Description, in the original language (`text_lang`).
    pub description: String,
    /// The language the proposer wrote `title` and `description` in (its own or English).
    #[serde(default)]
    pub text_lang: Lang,
    /// The title and description in every language written so far, the
    /// original included (pick one with [`Activity::text_in`]).
    #[serde(default)]
    pub texts: Vec<ActivityText>,
    /// Area of co-operation.
    pub area: CooperationArea,
    /// Specification when the area is "other".
    pub area_other: Option<String>,
    /// Form of co-operation.
    pub form: CooperationForm,
    /// Specification when the form is "other".
    pub form_other: Option<String>,
    /// The proposing party.
    pub proposing_party: Party,
    /// The host party.
    pub host_party: Party,
    /// Location.
    pub location: String,
    /// First day (exact dates).
    pub start_date: Option<NaiveDate>,
    /// Last day (exact dates).
    pub end_date: Option<NaiveDate>,
    /// Month (1–12) while the dates are tentative.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub month: Option<u32>,
    /// Cost arrangement.
    pub cost: CostArrangement,
    /// Azerbaijan's side.
    pub az: Side,
    /// Georgia's side.
    pub ge: Side,
    /// Azerbaijan's consent.
    pub consent_az: PartyConsent,
    /// Georgia's consent.
    pub consent_ge: PartyConsent,
    /// The shared consent state.
    pub consent: ConsentState,
    /// Execution status.
    pub execution: ExecutionStatus,
    /// Why it was postponed or cancelled.
    pub execution_reason: Option<String>,
    /// Azerbaijan's after-action summary (once held).
    pub az_summary: Option<String>,
    /// Georgia's after-action summary (once held).
    pub ge_summary: Option<String>,
    /// The activity of the previous year's plan this one carries over.
    pub carried_from: Option<i64>,
    /// Version (ETag); changes send it in If-Match.
    pub version: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// `POST /api/v1/plans/{year}/activities`: a new draft of the caller's party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewActivity {
    /// Title (1–200 characters).
    pub title: String,
    /// Description (up to 4,000 characters).
    #[serde(default)]
    pub description: String,
    /// The language of `title` and `description`: the proposing party's own
    /// (`az` for AZ, `ka` for GE) or `en`. Omitted: guessed from the script
    /// (Georgian letters: `ka`; Azerbaijani letters: `az`; else `en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// Area.
    pub area: CooperationArea,
    /// Needed when the area is `other_area`.
    #[serde(default)]
    pub area_other: Option<String>,
    /// Form.
    pub form: CooperationForm,
    /// Needed when the form is `other_form`.
    #[serde(default)]
    pub form_other: Option<String>,
    /// Host party.
    pub host_party: Party,
    /// Location (up to 200 characters).
    #[serde(default)]
    pub location: String,
    /// Exact first day, inside the plan's year.
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    /// Exact last day, not before the first.
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    /// A tentative month (1–12) instead of dates.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub month: Option<u32>,
    /// Cost arrangement.
    pub cost: CostArrangement,
    /// The proposing party's own side.
    #[serde(default)]
    pub own_side: Option<SideInput>,
}

/// A party's side, as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SideInput {
    /// Participants (0–10,000).
    #[serde(default)]
    pub participants: Option<i64>,
    /// Responsible unit (up to 200 characters).
    #[serde(default)]
    pub responsible_unit: String,
    /// Point of contact (up to 200 characters).
    #[serde(default)]
    pub point_of_contact: String,
}

/// `PATCH /api/v1/activities/{id}`: fields to change. Substance fields are the
/// proposing party's; `own_side` is the caller's party's side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityPatch {
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<CooperationArea>,
    /// Area specification (empty clears it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_other: Option<String>,
    /// Form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<CooperationForm>,
    /// Form specification (empty clears it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_other: Option<String>,
    /// Host party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_party: Option<Party>,
    /// Location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Dates or month: when any of these three is sent, all three are replaced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// Cost arrangement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<CostArrangement>,
    /// The caller's party's side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_side: Option<SideInput>,
}

/// When an activity takes place: exact dates, or a tentative month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// First day.
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    /// Last day.
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    /// Tentative month (1–12).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub month: Option<u32>,
}

/// A coordinator's decision on a shared activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentDecision {
    /// Accept.
    Accept,
    /// Reject: the activity leaves the plan.
    Reject,
    /// Ask the proposing party for changes.
    RequestChanges,
}

/// `POST /api/v1/activities/{id}/consent`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsentRequest {
    /// The decision.
    pub decision: ConsentDecision,
    /// A comment (required to reject or request changes).
    #[serde(default)]
    pub comment: String,
}

/// A comment on an activity (both parties), or an internal note (the author's party only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comment {
    /// Id.
    pub id: i64,
    /// The author's party.
    pub party: Party,
    /// The author's display name.
    pub author: String,
    /// The author's position.
    pub position: String,
    /// The text.
    pub body: String,
    /// `comment`, `note`, or the consent decision it accompanies (`accept`, `reject`, `request_changes`).
    pub kind: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// `POST /api/v1/activities/{id}/comments` and `/notes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewComment {
    /// The text (1–4,000 characters).
    pub body: String,
}

/// Counts for the board, over what the caller may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityCounts {
    /// Per consent state: `[state, count]` pairs.
    pub by_consent: Vec<(ConsentState, u64)>,
    /// Per area: `[area, count]` pairs.
    pub by_area: Vec<(CooperationArea, u64)>,
    /// Per form: `[form, count]` pairs.
    pub by_form: Vec<(CooperationForm, u64)>,
    /// Per host party, `[party, count]` pairs: what a party hosts; the rest it sends delegations to
    /// (the reciprocity of the dashboard).
    #[serde(default)]
    pub by_host: Vec<(Party, u64)>,
    /// All visible.
    pub total: u64,
}

/// A party's signature on a plan version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Signature {
    /// The signing party.
    pub party: Party,
    /// Who signed.
    pub signatory: String,
    /// Their position.
    pub position: String,
    /// Date of signature.
    pub signed_on: NaiveDate,
    /// Place of signature.
    pub place: String,
    /// The coordinator who recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
    /// The signing party's node's own signature of it (issue 18), absent on
    /// signatures recorded before nodes signed: what `concord
    /// verify-version` checks against the node's public key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_signature: Option<NodeSignature>,
}

/// A node's Ed25519 signature of a party's signature: over the version's
/// content hash and the signature's fields (docs/federation.md, "Proof
/// that both hold the same record").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NodeSignature {
    /// The node key's id: the first 16 hex digits of its public key's SHA-256.
    pub key_id: String,
    /// The signature, 128 hex digits.
    pub signature: String,
}

/// `POST /api/v1/plans/{year}/signatures`: the caller's party's signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewSignature {
    /// Who signed (1–120 characters).
    pub signatory: String,
    /// Their position (1–120 characters).
    pub position: String,
    /// Date of signature (not in the future).
    pub signed_on: NaiveDate,
    /// Place of signature (1–120 characters).
    pub place: String,
}

/// A signed, frozen version of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanVersionInfo {
    /// 1 for the original plan, 2 for its first amendment, …
    pub number: i32,
    /// SHA-256 (hex) of the canonical JSON snapshot.
    pub sha256: String,
    /// When it was frozen (both signatures recorded).
    pub created_at: DateTime<Utc>,
    /// Both parties' signatures of this version.
    #[serde(default)]
    pub signatures: Vec<Signature>,
}

/// A frozen version with its snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanVersionDetail {
    /// Number, hash and time.
    pub info: PlanVersionInfo,
    /// The canonical JSON snapshot exactly as hashed (a string, so its bytes are kept).
    pub snapshot: String,
}

/// One field that differs between two versions of an activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldChange {
    /// The activity's reference code.
    pub reference: String,
    /// The field.
    pub field: String,
    /// Its value in the older version.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub from: serde_json::Value,
    /// Its value in the newer version.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub to: serde_json::Value,
}

/// `GET /api/v1/plans/{year}/versions/compare`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionComparison {
    /// The older version.
    pub from: i32,
    /// The newer version.
    pub to: i32,
    /// References of activities only in `to`.
    pub added: Vec<String>,
    /// The titles of the activities only in `to`, by reference (what a
    /// reader needs to recognise them without loading the version).
    #[serde(default)]
    pub added_titles: std::collections::BTreeMap<String, String>,
    /// References of activities only in `from`.
    pub removed: Vec<String>,
    /// Field-by-field changes of activities in both.
    pub changed: Vec<FieldChange>,
}

/// `POST /api/v1/activities/{id}/execution`: the host party reports execution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ExecutionUpdate {
    /// The new status.
    pub status: ExecutionStatus,
    /// Required when postponed or cancelled.
    #[serde(default)]
    pub reason: Option<String>,
}

/// `PUT /api/v1/activities/{id}/summary`: the caller's party's after-action summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SummaryUpdate {
    /// The summary (1–8,000 characters).
    pub summary: String,
}

/// `POST /api/v1/plans/{year}/carry-over`: activities not held, into next year's draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CarryOver {
    /// Ids of the caller's party's activities of this plan that were not held.
    pub activities: Vec<i64>,
}

/// Execution figures of one group (an area, a form, a party).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExecutionFigures {
    /// The group's code (area, form or party code).
    pub key: String,
    /// Activities in the signed plan.
    pub total: u64,
    /// Held.
    pub held: u64,
    /// Postponed.
    pub postponed: u64,
    /// Cancelled.
    pub cancelled: u64,
    /// Still planned or confirmed.
    pub open: u64,
    /// Held divided by total (0 when empty).
    pub share_held: f64,
}

/// How much each party hosted and sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reciprocity {
    /// The party.
    pub party: Party,
    /// Activities it hosts.
    pub hosted: u64,
    /// Activities it sends delegations to (hosted by the other party).
    pub sent: u64,
}

/// `GET /api/v1/plans/{year}/report`: the execution report of the signed plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExecutionReport {
    /// The year.
    pub year: i32,
    /// The signed version reported on.
    pub version: i32,
    /// Whether the plan is closed (the report is final).
    pub closed: bool,
    /// All activities.
    pub overall: ExecutionFigures,
    /// Per area, in the agreement's order (only areas with activities).
    pub by_area: Vec<ExecutionFigures>,
    /// Per form, in the agreement's order.
    pub by_form: Vec<ExecutionFigures>,
    /// Per proposing party.
    pub by_party: Vec<ExecutionFigures>,
    /// Hosted versus sent per party.
    pub reciprocity: Vec<Reciprocity>,
}

/// One entry of an activity's history (`GET /api/v1/activities/{id}/history`),
/// read from the audit log as the caller's party may read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    /// The audit entry's sequence number.
    pub id: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who: the display name (or API token name), as comments show authors.
    pub actor: String,
    /// The actor's party.
    pub party: Option<Party>,
    /// What happened: `activity.create`, `activity.update`, `activity.share`,
    /// `activity.withdraw`, `activity.consent`, `activity.execution`,
    /// `activity.summary`, `activity.comment`, `activity.note`, `activity.text`
    /// (a party wrote its language's text), `activity.text_confirm` (confirmed
    /// an outdated one).
    pub action: String,
    /// The fields that changed, for entries recording a change of the activity
    /// (empty for the creation, comments and internal notes).
    pub changes: Vec<HistoryChange>,
}

/// One changed field of an activity, before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryChange {
    /// The `Activity` field, a party's side as `az.responsible_unit`.
    pub field: String,
    /// Its value before (`null` when it had none, or at creation).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub before: serde_json::Value,
    /// Its value after.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub after: serde_json::Value,
}

crate::domain::code_text!(CostArrangement, ExecutionStatus);
