//! Wire types of the instruments register, the competent authorities'
//! history, diplomatic notifications and attached documents.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::Party;
use crate::i18n::Labels;

/// The kind of an instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InstrumentKind {
    /// The Agreement itself (one, seeded).
    BaseAgreement,
    /// An additional agreement signed by the competent authorities.
    AdditionalAgreement,
    /// A signed annual co-operation plan (linked when the plan is signed).
    AnnualPlan,
    /// A signed amendment of an annual plan (linked when it is signed).
    PlanAmendment,
    /// A protocol.
    Protocol,
    /// Minutes of a meeting.
    Minutes,
}

impl InstrumentKind {
    /// Every kind, in the register's order.
    pub const ALL: [InstrumentKind; 6] = [
        InstrumentKind::BaseAgreement,
        InstrumentKind::AdditionalAgreement,
        InstrumentKind::AnnualPlan,
        InstrumentKind::PlanAmendment,
        InstrumentKind::Protocol,
        InstrumentKind::Minutes,
    ];

    /// The wire code.
    pub fn code(self) -> &'static str {
        match self {
            InstrumentKind::BaseAgreement => "base_agreement",
            InstrumentKind::AdditionalAgreement => "additional_agreement",
            InstrumentKind::AnnualPlan => "annual_plan",
            InstrumentKind::PlanAmendment => "plan_amendment",
            InstrumentKind::Protocol => "protocol",
            InstrumentKind::Minutes => "minutes",
        }
    }

    /// Parses a wire code.
    pub fn from_code(code: &str) -> Option<InstrumentKind> {
        InstrumentKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether coordinators record this kind by hand. The base agreement is
    /// seeded; signed plans and amendments are linked when they are signed.
    pub fn recorded_by_hand(self) -> bool {
        matches!(
            self,
            InstrumentKind::AdditionalAgreement | InstrumentKind::Protocol | InstrumentKind::Minutes
        )
    }
}

/// The status of an instrument, derived from its dates (never typed in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InstrumentStatus {
    /// Not signed (yet).
    Unsigned,
    /// Signed, not (yet) in force.
    Signed,
    /// In force.
    InForce,
    /// Terminated.
    Terminated,
}

impl InstrumentStatus {
    /// The status on `today`: terminated from its termination date, in force
    /// from its entry into force, signed from its signature.
    pub fn derive(
        signed_on: Option<NaiveDate>,
        in_force_on: Option<NaiveDate>,
        terminated_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> InstrumentStatus {
        if terminated_on.is_some_and(|d| d <= today) {
            InstrumentStatus::Terminated
        } else if in_force_on.is_some_and(|d| d <= today) {
            InstrumentStatus::InForce
        } else if signed_on.is_some_and(|d| d <= today) {
            InstrumentStatus::Signed
        } else {
            InstrumentStatus::Unsigned
        }
    }
}

/// One party's side of an instrument: who signed, and its internal procedures
/// (ratification, approval) with the date they were completed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InstrumentSide {
    /// Who signed for the party.
    #[serde(default)]
    pub signatory: Option<String>,
    /// Their position.
    #[serde(default)]
    pub signatory_position: Option<String>,
    /// When the party completed its internal procedures.
    #[serde(default)]
    pub procedures_completed_on: Option<NaiveDate>,
    /// What they were, e.g. the approving law.
    #[serde(default)]
    pub procedures: Option<String>,
}

/// The signed plan version an instrument stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanVersionRef {
    /// The plan's year.
    pub year: i32,
    /// The signed version (1: the original plan; n: amendment n − 1).
    pub version: i32,
}

/// An instrument of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Instrument {
    /// Id.
    pub id: i64,
    /// Kind.
    pub kind: InstrumentKind,
    /// Title.
    pub title: String,
    /// Number, if it has one.
    pub number: Option<String>,
    /// Date of signature.
    pub signed_on: Option<NaiveDate>,
    /// Place of signature.
    pub signed_at: Option<String>,
    /// Azerbaijan's side.
    pub az: InstrumentSide,
    /// Georgia's side.
    pub ge: InstrumentSide,
    /// Entry into force.
    pub in_force_on: Option<NaiveDate>,
    /// Termination.
    pub terminated_on: Option<NaiveDate>,
    /// Derived from the dates, as of today.
    pub status: InstrumentStatus,
    /// Related instruments (ids).
    pub related: Vec<i64>,
    /// The signed plan version, for annual plans and their amendments.
    pub plan: Option<PlanVersionRef>,
    /// Version (ETag).
    pub version: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// `POST /api/v1/instruments`, `PUT /api/v1/instruments/{id}`: the fields a
/// coordinator records. A `PUT` replaces them all; the kind of the base
/// agreement and of signed plans does not change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InstrumentInput {
    /// Kind: `additional_agreement`, `protocol` or `minutes` (the others are not recorded by hand).
    pub kind: InstrumentKind,
    /// Title (1–500 characters).
    pub title: String,
    /// Number.
    #[serde(default)]
    pub number: Option<String>,
    /// Date of signature (not in the future, not before the Agreement's).
    #[serde(default)]
    pub signed_on: Option<NaiveDate>,
    /// Place of signature.
    #[serde(default)]
    pub signed_at: Option<String>,
    /// Azerbaijan's side.
    #[serde(default)]
    pub az: InstrumentSide,
    /// Georgia's side.
    #[serde(default)]
    pub ge: InstrumentSide,
    /// Entry into force (needs a signature; not before it).
    #[serde(default)]
    pub in_force_on: Option<NaiveDate>,
    /// Termination (not before signature or entry into force).
    #[serde(default)]
    pub terminated_on: Option<NaiveDate>,
    /// Related instruments (ids that exist).
    #[serde(default)]
    pub related: Vec<i64>,
}

/// A party's competent authority over time, or a pending change of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Authority {
    /// Id.
    pub id: i64,
    /// The party.
    pub party: Party,
    /// Its name in every language.
    pub name: Labels,
    /// First day in force (for a pending change: the date proposed).
    pub valid_from: NaiveDate,
    /// First day no longer in force.
    pub valid_to: Option<NaiveDate>,
    /// A change not yet notified: visible only to its party, in force never before its notification is recorded.
    pub pending: bool,
    /// The notification that announced it.
    pub notification: Option<i64>,
    /// Version (ETag).
    pub version: i64,
}

/// `POST /api/v1/authorities`, `PUT /api/v1/authorities/{id}`: a pending change
/// of the caller's party's competent authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AuthorityChange {
    /// The new authority's name in English, Azerbaijani and Georgian.
    pub name: Labels,
    /// The date it should take effect (the notification's date decides).
    pub valid_from: NaiveDate,
}

/// A diplomatic notification between the parties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    /// Id.
    pub id: i64,
    /// The sending party.
    pub sending_party: Party,
    /// The note's number.
    pub note_number: String,
    /// What it notifies.
    pub subject: String,
    /// Date sent.
    pub sent_on: NaiveDate,
    /// Date received by the other party.
    pub received_on: Option<NaiveDate>,
    /// Date of the receiving party's acknowledgement.
    pub acknowledged_on: Option<NaiveDate>,
    /// The acknowledgement (e.g. its note number).
    pub acknowledgement: Option<String>,
    /// The change of competent authority it announces.
    pub authority: Option<i64>,
    /// The date the announced change takes effect.
    pub effective_on: Option<NaiveDate>,
    /// Who recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
    /// Version (ETag).
    pub version: i64,
}

/// `POST /api/v1/notifications`: records a notification sent by the caller's party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewNotification {
    /// The note's number (1–100 characters).
    pub note_number: String,
    /// What it notifies (1–1000 characters).
    pub subject: String,
    /// Date sent (not in the future).
    pub sent_on: NaiveDate,
    /// Date received, if known.
    #[serde(default)]
    pub received_on: Option<NaiveDate>,
    /// Date acknowledged, if known.
    #[serde(default)]
    pub acknowledged_on: Option<NaiveDate>,
    /// The acknowledgement.
    #[serde(default)]
    pub acknowledgement: Option<String>,
    /// A pending change of the caller's party's competent authority that this notification announces.
    #[serde(default)]
    pub authority: Option<i64>,
    /// When that change takes effect (required with `authority`); never before today, the day it is recorded.
    #[serde(default)]
    pub effective_on: Option<NaiveDate>,
}

/// `PUT /api/v1/notifications/{id}/receipt`: receipt and acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NotificationReceipt {
    /// Date received.
    #[serde(default)]
    pub received_on: Option<NaiveDate>,
    /// Date acknowledged.
    #[serde(default)]
    pub acknowledged_on: Option<NaiveDate>,
    /// The acknowledgement.
    #[serde(default)]
    pub acknowledgement: Option<String>,
}

/// What a document is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentOwner {
    /// An instrument (joint).
    Instrument,
    /// A diplomatic notification (joint).
    Notification,
    /// An activity (its party's until shared).
    Activity,
    /// A competent authority entry (its party's while pending).
    Authority,
}

impl DocumentOwner {
    /// The wire code.
    pub fn code(self) -> &'static str {
        match self {
            DocumentOwner::Instrument => "instrument",
            DocumentOwner::Notification => "notification",
            DocumentOwner::Activity => "activity",
            DocumentOwner::Authority => "authority",
        }
    }

    /// Parses a wire code.
    pub fn from_code(code: &str) -> Option<DocumentOwner> {
        [
            DocumentOwner::Instrument,
            DocumentOwner::Notification,
            DocumentOwner::Activity,
            DocumentOwner::Authority,
        ]
        .into_iter()
        .find(|o| o.code() == code)
    }
}

/// An attached file: its content recognised from its bytes, stored by SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Document {
    /// Id.
    pub id: i64,
    /// What it is attached to.
    pub owner: DocumentOwner,
    /// The owner's id.
    pub owner_id: i64,
    /// The file name given at upload.
    pub filename: String,
    /// The media type recognised from the content.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the content (hex), verified on every download.
    pub sha256: String,
    /// Who uploaded it.
    pub uploaded_by: String,
    /// The uploader's party.
    pub uploaded_by_party: Party,
    /// When.
    pub uploaded_at: DateTime<Utc>,
}

/// The media types accepted for documents, with their file name extensions.
pub const DOCUMENT_TYPES: [(&str, &[&str]); 7] = [
    ("application/pdf", &["pdf"]),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &["docx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &["xlsx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        &["pptx"],
    ),
    ("application/vnd.oasis.opendocument.text", &["odt"]),
    ("application/vnd.oasis.opendocument.spreadsheet", &["ods"]),
    ("application/vnd.oasis.opendocument.presentation", &["odp"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn the_status_follows_the_dates_not_what_anyone_types() {
        let today = d(2026, 11, 29).expect("date");
        assert_eq!(
            InstrumentStatus::derive(None, None, None, today),
            InstrumentStatus::Unsigned
        );
        assert_eq!(
            InstrumentStatus::derive(d(2023, 4, 24), None, None, today),
            InstrumentStatus::Signed
        );
        assert_eq!(
            InstrumentStatus::derive(d(2023, 4, 24), d(2027, 1, 1), None, today),
            InstrumentStatus::Signed,
            "entry into force still ahead"
        );
        assert_eq!(
            InstrumentStatus::derive(d(2023, 4, 24), d(2023, 11, 1), None, today),
            InstrumentStatus::InForce
        );
        assert_eq!(
            InstrumentStatus::derive(d(2023, 4, 24), d(2023, 11, 1), d(2026, 11, 29), today),
            InstrumentStatus::Terminated
        );
        assert_eq!(
            InstrumentStatus::derive(d(2023, 4, 24), d(2023, 11, 1), d(2027, 1, 1), today),
            InstrumentStatus::InForce,
            "termination still ahead"
        );
    }

    #[test]
    fn only_additional_agreements_protocols_and_minutes_are_recorded_by_hand() {
        let by_hand: Vec<_> = InstrumentKind::ALL
            .into_iter()
            .filter(|k| k.recorded_by_hand())
            .collect();
        assert_eq!(
            by_hand,
            [
                InstrumentKind::AdditionalAgreement,
                InstrumentKind::Protocol,
                InstrumentKind::Minutes
            ]
        );
        for kind in InstrumentKind::ALL {
            assert_eq!(InstrumentKind::from_code(kind.code()), Some(kind));
        }
    }
}
