//! Wire types of the instruments register: the Agreement, the annual plans
//! and the other instruments between the two ministries.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The kind of an instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
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
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500))]
    pub title: String,
    /// Number (at most 100 characters).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub number: Option<String>,
    /// Date of signature (not in the future, not before the Agreement's).
    #[serde(default)]
    pub signed_on: Option<NaiveDate>,
    /// Place of signature (at most 200 characters).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

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

crate::domain::code_text!(InstrumentKind);
