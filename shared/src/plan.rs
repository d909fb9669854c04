//! The annual co-operation plan's vocabulary and rules, as pure functions:
//! plan states and their steps (the rule of two), each party's consent and
//! the shared consent state derived from both, who edits which fields.

use serde::{Deserialize, Serialize};

use crate::domain::{Party, Role};
use crate::i18n::Lang;

/// The state of an annual plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
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

    /// The step a two-party confirmation takes from this state, if any
    /// (signing is recorded per party, not proposed).
    pub fn next_by_confirmation(self) -> Option<PlanState> {
        match self {
            PlanState::Drafting => Some(PlanState::Negotiation),
            PlanState::Negotiation => Some(PlanState::Agreed),
            PlanState::Signed => Some(PlanState::Closed),
            _ => None,
        }
    }

    /// Whether activities may be drafted, edited, shared and consented.
    pub fn open_for_work(self) -> bool {
        matches!(self, PlanState::Drafting | PlanState::Negotiation | PlanState::Agreed)
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

    /// Derives the shared state from sharing, withdrawal and both parties' consent.
    pub fn derive(shared: bool, withdrawn: bool, az: PartyConsent, ge: PartyConsent) -> ConsentState {
        use PartyConsent::*;
        if !shared {
            return ConsentState::Draft;
        }
        if withdrawn {
            return ConsentState::Withdrawn;
        }
        match (az, ge) {
            (Rejected, _) | (_, Rejected) => ConsentState::Rejected,
            (ChangesRequested, _) | (_, ChangesRequested) => ConsentState::ChangesRequested,
            (Accepted, Accepted) => ConsentState::Accepted,
            (Accepted, _) => ConsentState::AcceptedByAz,
            (_, Accepted) => ConsentState::AcceptedByGe,
            _ => ConsentState::Pending,
        }
    }

    /// Whether an activity in this state still blocks the plan's agreement.
    pub fn blocks_agreement(self) -> bool {
        !matches!(
            self,
            ConsentState::Draft | ConsentState::Accepted | ConsentState::Rejected | ConsentState::Withdrawn
        )
    }

    /// Whether the activity is part of the plan being negotiated.
    pub fn in_plan(self) -> bool {
        !matches!(
            self,
            ConsentState::Draft | ConsentState::Rejected | ConsentState::Withdrawn
        )
    }
}

/// Whether a party still has to act on a shared activity: its consent is
/// pending, or it proposed the activity and changes were requested.
pub fn awaits(party: Party, proposer: Party, state: ConsentState, own: PartyConsent) -> bool {
    match state {
        ConsentState::Draft | ConsentState::Rejected | ConsentState::Withdrawn | ConsentState::Accepted => false,
        ConsentState::ChangesRequested => party == proposer,
        _ => own == PartyConsent::Pending,
    }
}

/// The fields of an activity, by who may edit them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldOwner {
    /// The substance: only the proposing party edits it; a change resets both consents.
    Substance,
    /// One party's own side: only that party edits it; a change resets nothing.
    Side(Party),
}

/// May a user of `party` with `role` edit a field owned by `owner` of an activity proposed by `proposer`?
pub fn may_edit(party: Party, role: Role, proposer: Party, owner: FieldOwner) -> bool {
    role >= Role::Planner
        && match owner {
            FieldOwner::Substance => party == proposer,
            FieldOwner::Side(side) => party == side,
        }
}

/// The execution statuses an activity may move to from `from` (set by the host party).
pub fn execution_steps(from: crate::api::ExecutionStatus) -> &'static [crate::api::ExecutionStatus] {
    use crate::api::ExecutionStatus::*;
    match from {
        Planned => &[Confirmed, Postponed, Cancelled],
        Confirmed => &[Held, Postponed, Cancelled],
        Postponed => &[Planned, Confirmed, Held, Cancelled],
        Held | Cancelled => &[],
    }
}

/// Whether a party's coordinator may propose the plan's next step now.
pub fn may_propose(role: Role, state: PlanState, pending_proposal: bool) -> bool {
    role >= Role::Coordinator && state.next_by_confirmation().is_some() && !pending_proposal
}

/// Whether a party's coordinator may confirm or decline a proposal made by `proposer`.
pub fn may_confirm(party: Party, role: Role, proposer: Party) -> bool {
    role >= Role::Coordinator && party != proposer
}

/// Whether a user of `party` with `role` may record their party's signature
/// on a plan in `state` whose version in progress is signed by `signed`:
/// a coordinator, on an agreed plan, once per party.
pub fn may_sign(party: Party, role: Role, state: PlanState, signed: &[Party]) -> bool {
    role >= Role::Coordinator && state == PlanState::Agreed && !signed.contains(&party)
}

/// Whether a user with `role` may open an amendment of a plan in `state`
/// (a coordinator of either party, on a signed plan).
pub fn may_open_amendment(role: Role, state: PlanState) -> bool {
    role >= Role::Coordinator && state == PlanState::Signed
}

/// Whether the plan of `year` may be closed in `today_year`: only once its
/// 31 December has passed.
pub fn closable(year: i32, today_year: i32) -> bool {
    today_year > year
}

/// Whether a user of `party` with `role` may report the execution of an
/// activity hosted by `host`, with consent `consent`, in a plan in `state`
/// that has a signed version (`signed`): the host party's planners and
/// coordinators, on an activity of a signed plan that is not closed.
pub fn may_report_execution(
    party: Party,
    role: Role,
    host: Party,
    consent: ConsentState,
    state: PlanState,
    signed: bool,
) -> bool {
    role >= Role::Planner && party == host && consent == ConsentState::Accepted && signed && state != PlanState::Closed
}

/// Whether an execution status needs a reason (postponed or cancelled).
pub fn needs_reason(status: crate::api::ExecutionStatus) -> bool {
    matches!(
        status,
        crate::api::ExecutionStatus::Postponed | crate::api::ExecutionStatus::Cancelled
    )
}

/// Whether a user with `role` may write their party's after-action summary of
/// an activity with execution status `execution` (planners, once held).
pub fn may_write_summary(role: Role, execution: crate::api::ExecutionStatus) -> bool {
    role >= Role::Planner && execution == crate::api::ExecutionStatus::Held
}

/// Whether a user of `party` with `role` may carry an activity proposed by
/// `proposer` into next year's draft: the proposing party's planners, for an
/// activity of the signed plan (accepted) that was not held.
pub fn may_carry_over(
    party: Party,
    role: Role,
    proposer: Party,
    consent: ConsentState,
    execution: crate::api::ExecutionStatus,
) -> bool {
    role >= Role::Planner
        && party == proposer
        && consent == ConsentState::Accepted
        && execution != crate::api::ExecutionStatus::Held
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartyConsent::*;

    #[test]
    fn the_consent_state_is_derived_from_both_parties() {
        let table = [
            (false, false, Accepted, Accepted, ConsentState::Draft),
            (true, true, Accepted, Accepted, ConsentState::Withdrawn),
            (true, false, Pending, Pending, ConsentState::Pending),
            (true, false, Accepted, Pending, ConsentState::AcceptedByAz),
            (true, false, Pending, Accepted, ConsentState::AcceptedByGe),
            (true, false, Accepted, Accepted, ConsentState::Accepted),
            (true, false, Accepted, ChangesRequested, ConsentState::ChangesRequested),
            (true, false, ChangesRequested, Rejected, ConsentState::Rejected),
            (true, false, Rejected, Accepted, ConsentState::Rejected),
        ];
        for (shared, withdrawn, az, ge, want) in table {
            assert_eq!(
                ConsentState::derive(shared, withdrawn, az, ge),
                want,
                "{shared} {withdrawn} {az:?} {ge:?}"
            );
        }
    }

    #[test]
    fn only_undecided_shared_activities_block_agreement() {
        let blocking: Vec<_> = ConsentState::ALL.into_iter().filter(|s| s.blocks_agreement()).collect();
        assert_eq!(
            blocking,
            vec![
                ConsentState::Pending,
                ConsentState::ChangesRequested,
                ConsentState::AcceptedByAz,
                ConsentState::AcceptedByGe
            ]
        );
    }

    #[test]
    fn the_plan_steps_by_two_party_confirmation_are_drafting_to_negotiation_to_agreed() {
        assert_eq!(PlanState::Drafting.next_by_confirmation(), Some(PlanState::Negotiation));
        assert_eq!(PlanState::Negotiation.next_by_confirmation(), Some(PlanState::Agreed));
        assert_eq!(
            PlanState::Agreed.next_by_confirmation(),
            None,
            "signing is recorded, not proposed"
        );
        assert_eq!(PlanState::Signed.next_by_confirmation(), Some(PlanState::Closed));
        assert_eq!(PlanState::Closed.next_by_confirmation(), None);
        assert!(may_propose(Role::Coordinator, PlanState::Drafting, false));
        assert!(
            !may_propose(Role::Coordinator, PlanState::Drafting, true),
            "one proposal at a time"
        );
        assert!(!may_propose(Role::Planner, PlanState::Drafting, false));
        assert!(may_confirm(Party::Ge, Role::Coordinator, Party::Az));
        assert!(
            !may_confirm(Party::Az, Role::Administrator, Party::Az),
            "never on one ministry's word"
        );
        assert!(!may_confirm(Party::Ge, Role::Planner, Party::Az));
    }

    #[test]
    fn execution_moves_forward_and_held_or_cancelled_is_final() {
        use crate::api::ExecutionStatus::*;
        assert_eq!(execution_steps(Planned), &[Confirmed, Postponed, Cancelled]);
        assert!(execution_steps(Confirmed).contains(&Held));
        assert!(!execution_steps(Planned).contains(&Held), "confirmed before held");
        assert!(execution_steps(Held).is_empty() && execution_steps(Cancelled).is_empty());
    }

    #[test]
    fn the_proposer_edits_the_substance_and_each_party_its_own_side() {
        assert!(may_edit(Party::Az, Role::Planner, Party::Az, FieldOwner::Substance));
        assert!(!may_edit(
            Party::Ge,
            Role::Coordinator,
            Party::Az,
            FieldOwner::Substance
        ));
        assert!(may_edit(
            Party::Ge,
            Role::Planner,
            Party::Az,
            FieldOwner::Side(Party::Ge)
        ));
        assert!(!may_edit(
            Party::Ge,
            Role::Planner,
            Party::Az,
            FieldOwner::Side(Party::Az)
        ));
        assert!(!may_edit(Party::Az, Role::Viewer, Party::Az, FieldOwner::Substance));
    }

    #[test]
    fn a_party_awaits_its_own_pending_consent_and_the_proposer_awaits_requested_changes() {
        assert!(awaits(Party::Ge, Party::Az, ConsentState::AcceptedByAz, Pending));
        assert!(!awaits(Party::Az, Party::Az, ConsentState::AcceptedByAz, Accepted));
        assert!(awaits(Party::Az, Party::Az, ConsentState::ChangesRequested, Accepted));
        assert!(!awaits(
            Party::Ge,
            Party::Az,
            ConsentState::ChangesRequested,
            ChangesRequested
        ));
        assert!(!awaits(Party::Ge, Party::Az, ConsentState::Draft, Pending));
    }
    #[test]
    fn each_party_signs_an_agreed_plan_once_and_coordinators_amend_signed_plans() {
        assert!(may_sign(Party::Az, Role::Coordinator, PlanState::Agreed, &[]));
        assert!(may_sign(
            Party::Ge,
            Role::Administrator,
            PlanState::Agreed,
            &[Party::Az]
        ));
        assert!(
            !may_sign(Party::Az, Role::Coordinator, PlanState::Agreed, &[Party::Az]),
            "once"
        );
        assert!(!may_sign(Party::Az, Role::Planner, PlanState::Agreed, &[]));
        assert!(!may_sign(Party::Az, Role::Coordinator, PlanState::Negotiation, &[]));
        assert!(may_open_amendment(Role::Coordinator, PlanState::Signed));
        assert!(!may_open_amendment(Role::Planner, PlanState::Signed));
        assert!(!may_open_amendment(Role::Coordinator, PlanState::Closed));
        assert!(closable(2025, 2026) && !closable(2026, 2026));
    }

    #[test]
    fn only_the_host_reports_execution_and_the_proposer_carries_over_what_was_not_held() {
        use crate::api::ExecutionStatus::*;
        let accepted = ConsentState::Accepted;
        assert!(may_report_execution(
            Party::Ge,
            Role::Planner,
            Party::Ge,
            accepted,
            PlanState::Signed,
            true
        ));
        assert!(
            may_report_execution(
                Party::Ge,
                Role::Planner,
                Party::Ge,
                accepted,
                PlanState::Negotiation,
                true
            ),
            "an amendment in negotiation leaves the signed version in force"
        );
        assert!(!may_report_execution(
            Party::Az,
            Role::Coordinator,
            Party::Ge,
            accepted,
            PlanState::Signed,
            true
        ));
        assert!(!may_report_execution(
            Party::Ge,
            Role::Viewer,
            Party::Ge,
            accepted,
            PlanState::Signed,
            true
        ));
        assert!(!may_report_execution(
            Party::Ge,
            Role::Planner,
            Party::Ge,
            accepted,
            PlanState::Closed,
            true
        ));
        assert!(!may_report_execution(
            Party::Ge,
            Role::Planner,
            Party::Ge,
            accepted,
            PlanState::Agreed,
            false
        ));
        assert!(!may_report_execution(
            Party::Ge,
            Role::Planner,
            Party::Ge,
            ConsentState::Pending,
            PlanState::Signed,
            true
        ));
        assert!(needs_reason(Postponed) && needs_reason(Cancelled) && !needs_reason(Held));
        assert!(may_write_summary(Role::Planner, Held) && !may_write_summary(Role::Viewer, Held));
        assert!(!may_write_summary(Role::Coordinator, Confirmed));
        assert!(may_carry_over(Party::Az, Role::Planner, Party::Az, accepted, Cancelled));
        assert!(!may_carry_over(Party::Az, Role::Planner, Party::Az, accepted, Held));
        assert!(!may_carry_over(
            Party::Ge,
            Role::Coordinator,
            Party::Az,
            accepted,
            Postponed
        ));
        assert!(!may_carry_over(Party::Az, Role::Viewer, Party::Az, accepted, Postponed));
    }
}
