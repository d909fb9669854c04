//! The annual co-operation plan's vocabulary: plan states, each party's
//! consent and the shared consent state. What may happen to them is decided
//! in [`crate::rules`].

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The state of an annual plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
pub enum PlanState {
    /// Each party prepares proposals.
    Drafting,
    /// Shared proposals are negotiated.
    Negotiation,
    /// Both parties approved the plan.
    Agreed,
    /// Both parties signed it.
    Signed,
    /// Closed after its year.
    Closed,
}

impl PlanState {
    /// Wire code.
    pub fn code(self) -> &'static str {
        match self {
            PlanState::Drafting => "drafting",
            PlanState::Negotiation => "negotiation",
            PlanState::Agreed => "agreed",
            PlanState::Signed => "signed",
            PlanState::Closed => "closed",
        }
    }

    /// Parses a wire code.
    pub fn from_code(code: &str) -> Option<PlanState> {
        [
            PlanState::Drafting,
            PlanState::Negotiation,
            PlanState::Agreed,
            PlanState::Signed,
            PlanState::Closed,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// Label in a language.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PlanState::Drafting, Lang::En) => "drafting",
            (PlanState::Drafting, Lang::Az) => "layihələndirmə",
            (PlanState::Drafting, Lang::Ka) => "პროექტის მომზადება",
            (PlanState::Negotiation, Lang::En) => "negotiation",
            (PlanState::Negotiation, Lang::Az) => "danışıqlar",
            (PlanState::Negotiation, Lang::Ka) => "მოლაპარაკება",
            (PlanState::Agreed, Lang::En) => "agreed",
            (PlanState::Agreed, Lang::Az) => "razılaşdırılıb",
            (PlanState::Agreed, Lang::Ka) => "შეთანხმებულია",
            (PlanState::Signed, Lang::En) => "signed",
            (PlanState::Signed, Lang::Az) => "imzalanıb",
            (PlanState::Signed, Lang::Ka) => "ხელმოწერილია",
            (PlanState::Closed, Lang::En) => "closed",
            (PlanState::Closed, Lang::Az) => "bağlanıb",
            (PlanState::Closed, Lang::Ka) => "დახურულია",
        }
    }
}

/// One party's decision on a shared activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
pub enum PartyConsent {
    /// No decision yet.
    Pending,
    /// Accepted.
    Accepted,
    /// Rejected.
    Rejected,
    /// Changes requested.
    ChangesRequested,
}

impl PartyConsent {
    /// Wire code.
    pub fn code(self) -> &'static str {
        match self {
            PartyConsent::Pending => "pending",
            PartyConsent::Accepted => "accepted",
            PartyConsent::Rejected => "rejected",
            PartyConsent::ChangesRequested => "changes_requested",
        }
    }

    /// Parses a wire code.
    pub fn from_code(code: &str) -> Option<PartyConsent> {
        [
            PartyConsent::Pending,
            PartyConsent::Accepted,
            PartyConsent::Rejected,
            PartyConsent::ChangesRequested,
        ]
        .into_iter()
        .find(|c| c.code() == code)
    }
}

/// The consent state of an activity: one shared enum for API filters and board columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
pub enum ConsentState {
    /// Private to the proposing party.
    Draft,
    /// Shared, no decision yet.
    Pending,
    /// A party asked for changes.
    ChangesRequested,
    /// Azerbaijan accepted, Georgia not yet.
    AcceptedByAz,
    /// Georgia accepted, Azerbaijan not yet.
    AcceptedByGe,
    /// Both accepted.
    Accepted,
    /// A party rejected it; it leaves the plan.
    Rejected,
    /// The proposing party withdrew it; it leaves the plan.
    Withdrawn,
}

impl ConsentState {
    /// Every state, in board order.
    pub const ALL: [ConsentState; 8] = [
        ConsentState::Draft,
        ConsentState::Pending,
        ConsentState::ChangesRequested,
        ConsentState::AcceptedByAz,
        ConsentState::AcceptedByGe,
        ConsentState::Accepted,
        ConsentState::Rejected,
        ConsentState::Withdrawn,
    ];

    /// Wire code.
    pub fn code(self) -> &'static str {
        match self {
            ConsentState::Draft => "draft",
            ConsentState::Pending => "pending",
            ConsentState::ChangesRequested => "changes_requested",
            ConsentState::AcceptedByAz => "accepted_by_az",
            ConsentState::AcceptedByGe => "accepted_by_ge",
            ConsentState::Accepted => "accepted",
            ConsentState::Rejected => "rejected",
            ConsentState::Withdrawn => "withdrawn",
        }
    }

    /// Parses a wire code.
    pub fn from_code(code: &str) -> Option<ConsentState> {
        ConsentState::ALL.into_iter().find(|s| s.code() == code)
    }
}

crate::domain::code_text!(PlanState, PartyConsent, ConsentState);
