//! Activities: who drafts, edits, shares, withdraws and deletes them, who
//! consents, how both parties' consent makes the shared state, who reports
//! execution and writes summaries, and what is carried over into next year.

use super::plan::open_for_work;
use super::roles::{self, Action, Actor, Scope};
use super::{Reason, Refusal};
use crate::api::ExecutionStatus;
use crate::domain::{Party, Role};
use crate::plan::{ConsentState, PartyConsent, PlanState};

/// The fields of an activity, by who may edit them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldOwner {
    /// The substance: only the proposing party edits it; a change resets both consents.
    Substance,
    /// One party's own side: only that party edits it; a change resets nothing.
    Side(Party),
}

fn activity_state(state: ConsentState) -> Refusal {
    Refusal::Conflict(Reason::ActivityState {
        state: state.code().to_owned(),
    })
}

/// The shared state from sharing, withdrawal and both parties' consent.
pub fn consent_state(shared: bool, withdrawn: bool, az: PartyConsent, ge: PartyConsent) -> ConsentState {
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

/// Whether the activity is part of the plan being negotiated.
pub fn in_plan(state: ConsentState) -> bool {
    !matches!(
        state,
        ConsentState::Draft | ConsentState::Rejected | ConsentState::Withdrawn
    )
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

/// May `actor` draft a new activity in a plan in `plan` state?
pub fn may_draft(actor: Actor, plan: PlanState) -> Result<(), Refusal> {
    roles::decide(actor, Action::Plan, Scope::Private(actor.party))?;
    open_for_work(plan)
}

/// May `actor` edit a field owned by `owner` of an activity proposed by
/// `proposer`, whatever the plan's state? The proposer's planners edit the
/// substance, each party's planners their own side.
pub fn may_edit_field(actor: Actor, proposer: Party, owner: FieldOwner) -> Result<(), Refusal> {
    roles::at_least(actor, Role::Planner)?;
    let holder = match owner {
        FieldOwner::Substance => proposer,
        FieldOwner::Side(side) => side,
    };
    if actor.party == holder {
        Ok(())
    } else {
        Err(Refusal::Forbidden(Reason::NotYourField { owner: holder }))
    }
}

/// May `actor` edit a field owned by `owner` of an activity proposed by
/// `proposer` in a plan in `plan` state (a signed or closed plan changes only
/// through an amendment)?
pub fn may_edit(actor: Actor, plan: PlanState, proposer: Party, owner: FieldOwner) -> Result<(), Refusal> {
    may_edit_field(actor, proposer, owner)?;
    open_for_work(plan)
}

/// May `actor` share (or share again after revision) an activity in
/// `consent` state? The proposer's planners, while the plan is drafted or negotiated.
pub fn may_share(actor: Actor, plan: PlanState, proposer: Party, consent: ConsentState) -> Result<(), Refusal> {
    may_edit_field(actor, proposer, FieldOwner::Substance)?;
    if !matches!(plan, PlanState::Drafting | PlanState::Negotiation) {
        return Err(Refusal::Conflict(Reason::PlanState {
            state: plan.code().to_owned(),
        }));
    }
    match consent {
        ConsentState::Draft | ConsentState::Rejected | ConsentState::Withdrawn => Ok(()),
        _ => Err(Refusal::Conflict(Reason::AlreadyShared)),
    }
}

/// May `actor` withdraw an activity in `consent` state? The proposer's
/// planners, on an activity that is shared and not withdrawn.
pub fn may_withdraw(actor: Actor, plan: PlanState, proposer: Party, consent: ConsentState) -> Result<(), Refusal> {
    may_edit(actor, plan, proposer, FieldOwner::Substance)?;
    match consent {
        ConsentState::Draft | ConsentState::Withdrawn => Err(activity_state(consent)),
        _ => Ok(()),
    }
}

/// May `actor` delete an activity? The proposer's planners, a draft that was
/// never shared (`ever_shared`: it has a reference code).
pub fn may_delete(actor: Actor, proposer: Party, consent: ConsentState, ever_shared: bool) -> Result<(), Refusal> {
    may_edit_field(actor, proposer, FieldOwner::Substance)?;
    if ever_shared {
        return Err(activity_state(consent));
    }
    Ok(())
}

/// May `actor` give or withhold their party's consent on an activity in
/// `consent` state? Coordinators, on a shared activity not withdrawn, while
/// the plan is open.
pub fn may_consent(actor: Actor, plan: PlanState, consent: ConsentState) -> Result<(), Refusal> {
    roles::decide(actor, Action::Coordinate, Scope::Joint)?;
    open_for_work(plan)?;
    match consent {
        ConsentState::Draft | ConsentState::Withdrawn => Err(activity_state(consent)),
        _ => Ok(()),
    }
}

/// The execution statuses an activity may move to from `from` (set by the host party).
pub fn execution_steps(from: ExecutionStatus) -> &'static [ExecutionStatus] {
    use ExecutionStatus::*;
    match from {
        Planned => &[Confirmed, Postponed, Cancelled],
        Confirmed => &[Held, Postponed, Cancelled],
        Postponed => &[Planned, Confirmed, Held, Cancelled],
        Held | Cancelled => &[],
    }
}

/// May the execution status move from `from` to `to`?
pub fn execution_step(from: ExecutionStatus, to: ExecutionStatus) -> Result<(), Refusal> {
    if execution_steps(from).contains(&to) {
        Ok(())
    } else {
        Err(Refusal::Conflict(Reason::ExecutionStep {
            from: from.code().to_owned(),
            to: to.code().to_owned(),
        }))
    }
}

/// Whether an execution status needs a reason (postponed or cancelled).
pub fn needs_reason(status: ExecutionStatus) -> bool {
    matches!(status, ExecutionStatus::Postponed | ExecutionStatus::Cancelled)
}

/// May `actor` report the execution of an activity hosted by `host`, in
/// `consent` state, of a plan in `plan` state that has a signed version
/// (`signed`)? The host party's planners, on an activity of a signed plan
/// that is not closed (an amendment in negotiation leaves the signed version in force).
pub fn may_report_execution(
    actor: Actor,
    host: Party,
    consent: ConsentState,
    plan: PlanState,
    signed: bool,
) -> Result<(), Refusal> {
    roles::decide(actor, Action::Plan, Scope::Joint)?;
    if actor.party != host {
        return Err(Refusal::Forbidden(Reason::NotHost));
    }
    if !signed || plan == PlanState::Closed {
        return Err(Refusal::Conflict(Reason::PlanState {
            state: plan.code().to_owned(),
        }));
    }
    if consent != ConsentState::Accepted {
        return Err(activity_state(consent));
    }
    Ok(())
}

/// May `actor` write their party's after-action summary of an activity with
/// execution status `execution`? Planners, once held.
pub fn may_write_summary(actor: Actor, execution: ExecutionStatus) -> Result<(), Refusal> {
    roles::decide(actor, Action::Plan, Scope::Joint)?;
    if execution == ExecutionStatus::Held {
        Ok(())
    } else {
        Err(Refusal::Conflict(Reason::NotHeld))
    }
}

/// May `actor` carry activities out of a plan in `plan` state that has a
/// signed version (`signed`)? Planners, once the plan was signed (also while
/// an amendment is negotiated).
pub fn may_carry_from(actor: Actor, plan: PlanState, signed: bool) -> Result<(), Refusal> {
    roles::decide(actor, Action::Plan, Scope::Private(actor.party))?;
    if !signed {
        return Err(Refusal::Conflict(Reason::PlanState {
            state: plan.code().to_owned(),
        }));
    }
    Ok(())
}

/// May activities of the plan of `year` be carried into the next year's
/// plan, in `next` state if it exists?
pub fn may_carry_into(year: i32, next: Option<PlanState>) -> Result<(), Refusal> {
    let Some(next) = next else {
        return Err(Refusal::Conflict(Reason::NextPlanMissing { year: year + 1 }));
    };
    open_for_work(next)
}

/// May `actor` carry an activity proposed by `proposer` into next year's
/// draft? The proposing party's planners, for an activity of the signed plan
/// (accepted) that was not held, once.
pub fn may_carry_over(
    actor: Actor,
    proposer: Party,
    consent: ConsentState,
    execution: ExecutionStatus,
    carried: bool,
) -> Result<(), Refusal> {
    may_edit_field(actor, proposer, FieldOwner::Substance)?;
    if consent != ConsentState::Accepted {
        return Err(activity_state(consent));
    }
    if execution == ExecutionStatus::Held {
        return Err(Refusal::Conflict(Reason::AlreadyHeld));
    }
    if carried {
        return Err(Refusal::Conflict(Reason::AlreadyCarriedOver));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::plan::blocks_agreement;
    use PartyConsent::*;

    fn actor(party: Party, role: Role) -> Actor {
        Actor { party, role }
    }

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
                consent_state(shared, withdrawn, az, ge),
                want,
                "{shared} {withdrawn} {az:?} {ge:?}"
            );
        }
    }

    #[test]
    fn only_undecided_shared_activities_block_agreement() {
        let blocking: Vec<_> = ConsentState::ALL.into_iter().filter(|s| blocks_agreement(*s)).collect();
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
    fn the_proposer_edits_the_substance_and_each_party_its_own_side_while_the_plan_is_open() {
        let open = PlanState::Negotiation;
        assert!(may_edit(actor(Party::Az, Role::Planner), open, Party::Az, FieldOwner::Substance).is_ok());
        assert_eq!(
            may_edit(
                actor(Party::Ge, Role::Coordinator),
                open,
                Party::Az,
                FieldOwner::Substance
            ),
            Err(Refusal::Forbidden(Reason::NotYourField { owner: Party::Az }))
        );
        assert!(
            may_edit(
                actor(Party::Ge, Role::Planner),
                open,
                Party::Az,
                FieldOwner::Side(Party::Ge)
            )
            .is_ok()
        );
        assert!(
            may_edit(
                actor(Party::Ge, Role::Planner),
                open,
                Party::Az,
                FieldOwner::Side(Party::Az)
            )
            .is_err()
        );
        assert_eq!(
            may_edit(actor(Party::Az, Role::Viewer), open, Party::Az, FieldOwner::Substance),
            Err(Refusal::Forbidden(Reason::RoleTooLow))
        );
        assert_eq!(
            may_edit(
                actor(Party::Az, Role::Planner),
                PlanState::Signed,
                Party::Az,
                FieldOwner::Substance
            ),
            Err(Refusal::Conflict(Reason::PlanState { state: "signed".into() })),
            "a signed plan changes through an amendment"
        );
    }

    #[test]
    fn sharing_withdrawing_deleting_and_consenting_follow_the_activity_and_the_plan() {
        let planner = actor(Party::Az, Role::Planner);
        let coordinator = actor(Party::Ge, Role::Coordinator);
        assert!(may_share(planner, PlanState::Drafting, Party::Az, ConsentState::Draft).is_ok());
        assert!(may_share(planner, PlanState::Negotiation, Party::Az, ConsentState::Rejected).is_ok());
        assert_eq!(
            may_share(planner, PlanState::Drafting, Party::Az, ConsentState::Pending),
            Err(Refusal::Conflict(Reason::AlreadyShared))
        );
        assert!(may_share(planner, PlanState::Agreed, Party::Az, ConsentState::Draft).is_err());
        assert!(may_withdraw(planner, PlanState::Agreed, Party::Az, ConsentState::Accepted).is_ok());
        assert!(may_withdraw(planner, PlanState::Signed, Party::Az, ConsentState::Accepted).is_err());
        assert!(may_withdraw(planner, PlanState::Drafting, Party::Az, ConsentState::Draft).is_err());
        assert!(may_delete(planner, Party::Az, ConsentState::Draft, false).is_ok());
        assert!(may_delete(planner, Party::Az, ConsentState::Withdrawn, true).is_err());
        assert!(may_consent(coordinator, PlanState::Negotiation, ConsentState::Pending).is_ok());
        assert!(may_consent(coordinator, PlanState::Signed, ConsentState::Pending).is_err());
        assert!(may_consent(coordinator, PlanState::Negotiation, ConsentState::Withdrawn).is_err());
        assert_eq!(
            may_consent(planner, PlanState::Negotiation, ConsentState::Pending),
            Err(Refusal::Forbidden(Reason::RoleTooLow))
        );
        assert!(may_draft(planner, PlanState::Drafting).is_ok() && may_draft(planner, PlanState::Closed).is_err());
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
    fn execution_moves_forward_and_held_or_cancelled_is_final() {
        use ExecutionStatus::*;
        assert_eq!(execution_steps(Planned), &[Confirmed, Postponed, Cancelled]);
        assert!(execution_step(Confirmed, Held).is_ok());
        assert!(execution_step(Planned, Held).is_err(), "confirmed before held");
        assert!(execution_steps(Held).is_empty() && execution_steps(Cancelled).is_empty());
        assert!(needs_reason(Postponed) && needs_reason(Cancelled) && !needs_reason(Held));
    }

    #[test]
    fn only_the_host_reports_execution_and_the_proposer_carries_over_what_was_not_held() {
        use ExecutionStatus::*;
        let accepted = ConsentState::Accepted;
        let host = actor(Party::Ge, Role::Planner);
        assert!(may_report_execution(host, Party::Ge, accepted, PlanState::Signed, true).is_ok());
        assert!(
            may_report_execution(host, Party::Ge, accepted, PlanState::Negotiation, true).is_ok(),
            "an amendment in negotiation leaves the signed version in force"
        );
        assert_eq!(
            may_report_execution(
                actor(Party::Az, Role::Coordinator),
                Party::Ge,
                accepted,
                PlanState::Signed,
                true
            ),
            Err(Refusal::Forbidden(Reason::NotHost))
        );
        assert!(
            may_report_execution(
                actor(Party::Ge, Role::Viewer),
                Party::Ge,
                accepted,
                PlanState::Signed,
                true
            )
            .is_err()
        );
        assert!(may_report_execution(host, Party::Ge, accepted, PlanState::Closed, true).is_err());
        assert!(may_report_execution(host, Party::Ge, accepted, PlanState::Agreed, false).is_err());
        assert!(may_report_execution(host, Party::Ge, ConsentState::Pending, PlanState::Signed, true).is_err());
        assert!(
            may_write_summary(host, Held).is_ok() && may_write_summary(actor(Party::Ge, Role::Viewer), Held).is_err()
        );
        assert_eq!(
            may_write_summary(host, Confirmed),
            Err(Refusal::Conflict(Reason::NotHeld))
        );
        let az = actor(Party::Az, Role::Planner);
        assert!(may_carry_over(az, Party::Az, accepted, Cancelled, false).is_ok());
        assert!(may_carry_over(az, Party::Az, accepted, Held, false).is_err());
        assert_eq!(
            may_carry_over(az, Party::Az, accepted, Postponed, true),
            Err(Refusal::Conflict(Reason::AlreadyCarriedOver))
        );
        assert!(
            may_carry_over(
                actor(Party::Ge, Role::Coordinator),
                Party::Az,
                accepted,
                Postponed,
                false
            )
            .is_err()
        );
        assert!(may_carry_over(actor(Party::Az, Role::Viewer), Party::Az, accepted, Postponed, false).is_err());
        assert_eq!(
            may_carry_into(2026, None),
            Err(Refusal::Conflict(Reason::NextPlanMissing { year: 2027 }))
        );
        assert!(may_carry_into(2026, Some(PlanState::Drafting)).is_ok());
        assert!(
            may_carry_from(az, PlanState::Negotiation, true).is_ok(),
            "during an amendment"
        );
        assert!(may_carry_from(az, PlanState::Agreed, false).is_err());
        assert!(may_carry_from(actor(Party::Az, Role::Viewer), PlanState::Signed, true).is_err());
    }
}
