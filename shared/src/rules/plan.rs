//! The annual plan's state machine under the rule of two: one party's
//! coordinator proposes a step, the other party's coordinator confirms it;
//! signatures are recorded per party; an amendment reopens a signed plan;
//! a substantive change sends an agreed plan back to negotiation. The
//! state changes only through [`transition`].

use super::roles::{self, Action, Actor, Scope};
use super::{Reason, Refusal};
use crate::api::Blocker;
use crate::domain::Party;
use crate::plan::{ConsentState, PlanState};

/// The state of a plan when it is created.
pub const INITIAL: PlanState = PlanState::Drafting;

/// What happens to a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanEvent {
    /// The other party confirmed the proposed step to `to`.
    Confirmed {
        /// The state proposed.
        to: PlanState,
        /// What the step's conditions look at.
        facts: StepFacts,
    },
    /// The second party's signature is recorded on the agreed plan.
    BothSigned,
    /// A coordinator opens an amendment of the signed plan.
    AmendmentOpened,
    /// Something substantive changed in the plan's shared activities.
    ActivitiesChanged,
}

/// What a step's conditions look at: the plan's year, today's year and the
/// number of its shared activities in each consent state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepFacts {
    /// The plan's year.
    pub year: i32,
    /// The current year.
    pub today_year: i32,
    /// Shared activities per consent state.
    pub counts: Vec<(ConsentState, u64)>,
    /// Texts of accepted activities missing or outdated in a party's language.
    pub translations: super::translations::TranslationGaps,
}

/// The plan's next state after `event`, or why the event cannot happen now.
pub fn transition(state: PlanState, event: PlanEvent) -> Result<PlanState, Refusal> {
    let wrong_state = || {
        Err(Refusal::Conflict(Reason::PlanState {
            state: state.code().to_owned(),
        }))
    };
    match event {
        PlanEvent::Confirmed { to, facts } => {
            if next_by_confirmation(state) != Some(to) {
                return wrong_state();
            }
            step_conditions(to, &facts)?;
            Ok(to)
        }
        PlanEvent::BothSigned if state == PlanState::Agreed => Ok(PlanState::Signed),
        PlanEvent::AmendmentOpened if state == PlanState::Signed => Ok(PlanState::Negotiation),
        PlanEvent::ActivitiesChanged => match state {
            PlanState::Agreed => Ok(PlanState::Negotiation),
            PlanState::Drafting | PlanState::Negotiation => Ok(state),
            PlanState::Signed | PlanState::Closed => wrong_state(),
        },
        PlanEvent::BothSigned | PlanEvent::AmendmentOpened => wrong_state(),
    }
}

/// The step a two-party confirmation takes from this state, if any
/// (signing is recorded per party, not proposed).
pub fn next_by_confirmation(state: PlanState) -> Option<PlanState> {
    match state {
        PlanState::Drafting => Some(PlanState::Negotiation),
        PlanState::Negotiation => Some(PlanState::Agreed),
        PlanState::Signed => Some(PlanState::Closed),
        PlanState::Agreed | PlanState::Closed => None,
    }
}

/// Whether an activity in this state still blocks the plan's agreement.
pub fn blocks_agreement(state: ConsentState) -> bool {
    !matches!(
        state,
        ConsentState::Draft | ConsentState::Accepted | ConsentState::Rejected | ConsentState::Withdrawn
    )
}

/// Whether activities may be drafted, edited, shared and consented in a plan in this state.
pub fn open_for_work(state: PlanState) -> Result<(), Refusal> {
    match state {
        PlanState::Drafting | PlanState::Negotiation | PlanState::Agreed => Ok(()),
        PlanState::Signed | PlanState::Closed => Err(Refusal::Conflict(Reason::PlanState {
            state: state.code().to_owned(),
        })),
    }
}

/// Whether a substantive change voids a pending proposal to go to
/// `proposed`: a proposal to agree was made on the plan as it was.
pub fn change_voids_proposal(proposed: Option<PlanState>) -> bool {
    proposed == Some(PlanState::Agreed)
}

/// Whether the plan of `year` may be closed in `today_year`: only once its
/// 31 December has passed.
pub fn closable(year: i32, today_year: i32) -> bool {
    today_year > year
}

/// The conditions of a step to `to`: a plan is agreed only when no shared
/// activity blocks it, at least one is accepted by both and every accepted
/// one has its text in both parties' languages, up to date; it is closed
/// only after its year.
pub fn step_conditions(to: PlanState, facts: &StepFacts) -> Result<(), Refusal> {
    match to {
        PlanState::Closed if !closable(facts.year, facts.today_year) => {
            Err(Refusal::Conflict(Reason::YearNotOver { year: facts.year }))
        }
        PlanState::Agreed => {
            agreeable(&facts.counts)?;
            super::translations::translations_complete(&facts.translations)
        }
        _ => Ok(()),
    }
}

fn count(counts: &[(ConsentState, u64)], pick: impl Fn(ConsentState) -> bool) -> u32 {
    let n: u64 = counts.iter().filter(|(s, _)| pick(*s)).map(|(_, n)| n).sum();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whether shared activities in these counts let the plan be agreed.
pub fn agreeable(counts: &[(ConsentState, u64)]) -> Result<(), Refusal> {
    let blocking = count(counts, blocks_agreement);
    let accepted = count(counts, |s| s == ConsentState::Accepted);
    if blocking == 0 && accepted > 0 {
        return Ok(());
    }
    Err(Refusal::Conflict(Reason::PlanNotAgreeable {
        awaiting_az: count(counts, |s| {
            matches!(s, ConsentState::Pending | ConsentState::AcceptedByGe)
        }),
        awaiting_ge: count(counts, |s| {
            matches!(s, ConsentState::Pending | ConsentState::AcceptedByAz)
        }),
        changes_requested: count(counts, |s| s == ConsentState::ChangesRequested),
        accepted,
    }))
}

/// What keeps a plan from agreement, as the plan's blockers.
pub fn agreement_blockers(counts: &[(ConsentState, u64)]) -> Vec<Blocker> {
    let Err(Refusal::Conflict(Reason::PlanNotAgreeable {
        awaiting_az,
        awaiting_ge,
        changes_requested,
        accepted,
    })) = agreeable(counts)
    else {
        return Vec::new();
    };
    let mut blockers = Vec::new();
    for (party, n) in [(Party::Az, awaiting_az), (Party::Ge, awaiting_ge)] {
        if n > 0 {
            blockers.push(Blocker {
                code: "awaiting_consent".into(),
                party: Some(party),
                count: Some(u64::from(n)),
            });
        }
    }
    if changes_requested > 0 {
        blockers.push(Blocker {
            code: "changes_requested".into(),
            party: None,
            count: Some(u64::from(changes_requested)),
        });
    }
    if accepted == 0 {
        blockers.push(Blocker {
            code: "no_accepted_activity".into(),
            party: None,
            count: None,
        });
    }
    blockers
}

/// May `actor` create (open) a plan for a year? Coordinators of either party.
pub fn may_create_plan(actor: Actor) -> Result<(), Refusal> {
    roles::decide(actor, Action::Coordinate, Scope::Joint)
}

/// The year whose plan the plans page offers to open: this year's if it has
/// none yet, else next year's if it has none; `None` when both exist.
pub fn year_to_open(existing: &[i32], today_year: i32) -> Option<i32> {
    [today_year, today_year + 1]
        .into_iter()
        .find(|year| !existing.contains(year))
}

/// The state a plan is shown in: a signed plan whose amendment is being
/// drafted, negotiated or agreed is still signed (its signed version is in
/// force), with the amendment's number and state beside it.
pub fn shown_state(state: PlanState, signed_version: Option<i32>, amendment: i32) -> ShownState {
    match state {
        PlanState::Drafting | PlanState::Negotiation | PlanState::Agreed
            if signed_version.is_some() && amendment > 0 =>
        {
            ShownState::SignedAmending { amendment, state }
        }
        _ => ShownState::Plain(state),
    }
}

/// How a plan's state is shown (see [`shown_state`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShownState {
    /// The plan's own state.
    Plain(PlanState),
    /// Signed and in force, while amendment `amendment` is in `state`.
    SignedAmending {
        /// The amendment's number (1 for the first).
        amendment: i32,
        /// Where the amendment stands.
        state: PlanState,
    },
}

/// May `actor` propose the plan's next step now (with `pending` telling
/// whether a step is proposed already)? Answers the step.
pub fn may_propose(actor: Actor, state: PlanState, pending: bool) -> Result<PlanState, Refusal> {
    roles::decide(actor, Action::Coordinate, Scope::Joint)?;
    let Some(next) = next_by_confirmation(state) else {
        return Err(Refusal::Conflict(Reason::PlanState {
            state: state.code().to_owned(),
        }));
    };
    if pending {
        return Err(Refusal::Conflict(Reason::StepAlreadyProposed));
    }
    Ok(next)
}

/// May `actor` confirm or decline the step proposed by `proposer` (if any)?
/// Only the other party's coordinators: nothing binds both ministries on one
/// ministry's word.
pub fn may_confirm(actor: Actor, proposer: Option<Party>) -> Result<(), Refusal> {
    roles::decide(actor, Action::Coordinate, Scope::Joint)?;
    match proposer {
        None => Err(Refusal::Conflict(Reason::NoStepProposed)),
        Some(p) if p == actor.party => Err(Refusal::Forbidden(Reason::OwnProposal)),
        Some(_) => Ok(()),
    }
}

/// May `actor` withdraw the step proposed by `proposer` (if any)? Only the
/// proposing party's coordinators.
pub fn may_withdraw_proposal(actor: Actor, proposer: Option<Party>) -> Result<(), Refusal> {
    roles::decide(actor, Action::Coordinate, Scope::Joint)?;
    match proposer {
        None => Err(Refusal::Conflict(Reason::NoStepProposed)),
        Some(p) if p != actor.party => Err(Refusal::Forbidden(Reason::OthersProposal)),
        Some(_) => Ok(()),
    }
}

/// Why a proposal to go to `to` would be refused now, read from the plan's
/// `blockers` as the API lists them (see [`agreement_blockers`]): the same
/// refusal [`step_conditions`] gives when the step is proposed, so a page
/// disables the button with the server's reason before anyone clicks it.
/// (`accepted` is 0 when no activity is accepted, else 1: the blockers say
/// only whether none is.)
pub fn proposal_blocked(year: i32, to: PlanState, blockers: &[Blocker]) -> Result<(), Refusal> {
    let has = |code: &str| blockers.iter().any(|b| b.code == code);
    let awaiting = |party: Party| {
        blockers
            .iter()
            .filter(|b| b.code == "awaiting_consent" && b.party == Some(party))
            .filter_map(|b| b.count)
            .sum::<u64>()
    };
    let small = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    match to {
        PlanState::Agreed if has("awaiting_consent") || has("changes_requested") || has("no_accepted_activity") => {
            Err(Refusal::Conflict(Reason::PlanNotAgreeable {
                awaiting_az: small(awaiting(Party::Az)),
                awaiting_ge: small(awaiting(Party::Ge)),
                changes_requested: small(
                    blockers
                        .iter()
                        .filter(|b| b.code == "changes_requested")
                        .filter_map(|b| b.count)
                        .sum(),
                ),
                accepted: u32::from(!has("no_accepted_activity")),
            }))
        }
        PlanState::Closed if has("year_not_over") => Err(Refusal::Conflict(Reason::YearNotOver { year })),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    #[test]
    fn coordinators_open_this_or_next_years_plan_and_an_amended_plan_stays_signed() {
        for party in [Party::Az, Party::Ge] {
            let actor = |role| Actor { party, role };
            assert_eq!(may_create_plan(actor(Role::Coordinator)), Ok(()));
            assert!(may_create_plan(actor(Role::Planner)).is_err());
            assert!(may_create_plan(actor(Role::Viewer)).is_err());
        }
        assert_eq!(year_to_open(&[], 2026), Some(2026));
        assert_eq!(year_to_open(&[2025, 2026], 2026), Some(2027));
        assert_eq!(year_to_open(&[2026, 2027], 2026), None);
        assert_eq!(
            shown_state(PlanState::Negotiation, Some(1), 1),
            ShownState::SignedAmending {
                amendment: 1,
                state: PlanState::Negotiation
            }
        );
        assert_eq!(
            shown_state(PlanState::Negotiation, None, 0),
            ShownState::Plain(PlanState::Negotiation)
        );
        assert_eq!(
            shown_state(PlanState::Signed, Some(2), 1),
            ShownState::Plain(PlanState::Signed)
        );
    }

    fn facts(counts: &[(ConsentState, u64)]) -> StepFacts {
        StepFacts {
            year: 2026,
            today_year: 2026,
            counts: counts.to_vec(),
            translations: Default::default(),
        }
    }

    #[test]
    fn the_steps_by_two_party_confirmation_are_drafting_to_negotiation_to_agreed_and_signed_to_closed() {
        let confirm = |state, to| {
            transition(
                state,
                PlanEvent::Confirmed {
                    to,
                    facts: facts(&[(ConsentState::Accepted, 1)]),
                },
            )
        };
        assert_eq!(
            confirm(PlanState::Drafting, PlanState::Negotiation),
            Ok(PlanState::Negotiation)
        );
        assert_eq!(
            confirm(PlanState::Negotiation, PlanState::Agreed),
            Ok(PlanState::Agreed)
        );
        assert!(
            confirm(PlanState::Drafting, PlanState::Agreed).is_err(),
            "no step skipped"
        );
        assert!(
            confirm(PlanState::Agreed, PlanState::Signed).is_err(),
            "signing is recorded, not proposed"
        );
        assert_eq!(
            confirm(PlanState::Signed, PlanState::Closed),
            Err(Refusal::Conflict(Reason::YearNotOver { year: 2026 }))
        );
        assert_eq!(
            transition(PlanState::Agreed, PlanEvent::BothSigned),
            Ok(PlanState::Signed)
        );
        assert!(transition(PlanState::Negotiation, PlanEvent::BothSigned).is_err());
        assert_eq!(
            transition(PlanState::Signed, PlanEvent::AmendmentOpened),
            Ok(PlanState::Negotiation)
        );
        assert!(transition(PlanState::Closed, PlanEvent::AmendmentOpened).is_err());
        assert_eq!(
            transition(PlanState::Agreed, PlanEvent::ActivitiesChanged),
            Ok(PlanState::Negotiation)
        );
        assert_eq!(
            transition(PlanState::Drafting, PlanEvent::ActivitiesChanged),
            Ok(PlanState::Drafting)
        );
        assert!(transition(PlanState::Signed, PlanEvent::ActivitiesChanged).is_err());
    }

    #[test]
    fn a_plan_is_not_agreed_while_an_activity_blocks_it_or_none_is_accepted() {
        let agree = |counts: &[(ConsentState, u64)]| {
            transition(
                PlanState::Negotiation,
                PlanEvent::Confirmed {
                    to: PlanState::Agreed,
                    facts: facts(counts),
                },
            )
        };
        assert_eq!(
            agree(&[(ConsentState::Accepted, 2), (ConsentState::Rejected, 1)]),
            Ok(PlanState::Agreed)
        );
        for blocking in ConsentState::ALL.into_iter().filter(|s| blocks_agreement(*s)) {
            assert!(
                agree(&[(ConsentState::Accepted, 1), (blocking, 1)]).is_err(),
                "{blocking:?}"
            );
        }
        assert_eq!(
            agree(&[(ConsentState::Pending, 2), (ConsentState::AcceptedByAz, 1)]),
            Err(Refusal::Conflict(Reason::PlanNotAgreeable {
                awaiting_az: 2,
                awaiting_ge: 3,
                changes_requested: 0,
                accepted: 0
            }))
        );
        let codes: Vec<_> = agreement_blockers(&[(ConsentState::ChangesRequested, 1)])
            .into_iter()
            .map(|b| b.code)
            .collect();
        assert_eq!(codes, ["changes_requested", "no_accepted_activity"]);
        assert!(agreement_blockers(&[(ConsentState::Accepted, 1)]).is_empty());
    }

    #[test]
    fn one_party_proposes_and_the_other_confirms() {
        let az = Actor {
            party: Party::Az,
            role: Role::Coordinator,
        };
        let ge = Actor {
            party: Party::Ge,
            role: Role::Coordinator,
        };
        let planner = Actor {
            party: Party::Ge,
            role: Role::Planner,
        };
        assert_eq!(may_propose(az, PlanState::Drafting, false), Ok(PlanState::Negotiation));
        assert_eq!(
            may_propose(az, PlanState::Drafting, true),
            Err(Refusal::Conflict(Reason::StepAlreadyProposed))
        );
        assert_eq!(
            may_propose(planner, PlanState::Drafting, false),
            Err(Refusal::Forbidden(Reason::RoleTooLow))
        );
        assert!(may_propose(az, PlanState::Agreed, false).is_err());
        assert_eq!(may_confirm(ge, Some(Party::Az)), Ok(()));
        assert_eq!(
            may_confirm(az, Some(Party::Az)),
            Err(Refusal::Forbidden(Reason::OwnProposal))
        );
        assert_eq!(may_confirm(az, None), Err(Refusal::Conflict(Reason::NoStepProposed)));
        assert_eq!(
            may_confirm(planner, Some(Party::Az)),
            Err(Refusal::Forbidden(Reason::RoleTooLow))
        );
        assert_eq!(may_withdraw_proposal(az, Some(Party::Az)), Ok(()));
        assert_eq!(
            may_withdraw_proposal(ge, Some(Party::Az)),
            Err(Refusal::Forbidden(Reason::OthersProposal))
        );
        assert!(open_for_work(PlanState::Agreed).is_ok() && open_for_work(PlanState::Signed).is_err());
        assert!(closable(2025, 2026) && !closable(2026, 2026));
    }

    #[test]
    fn a_proposal_is_blocked_by_the_blockers_the_step_would_refuse() {
        let counts = [
            (ConsentState::Pending, 2),
            (ConsentState::AcceptedByAz, 1),
            (ConsentState::ChangesRequested, 4),
        ];
        let blockers = agreement_blockers(&counts);
        // The same refusal the server gives when the step is proposed.
        assert_eq!(proposal_blocked(2027, PlanState::Agreed, &blockers), agreeable(&counts));
        let with_one = [(ConsentState::Accepted, 3), (ConsentState::AcceptedByGe, 1)];
        assert_eq!(
            proposal_blocked(2027, PlanState::Agreed, &agreement_blockers(&with_one)),
            Err(Refusal::Conflict(Reason::PlanNotAgreeable {
                awaiting_az: 1,
                awaiting_ge: 0,
                changes_requested: 0,
                accepted: 1
            }))
        );
        assert_eq!(
            proposal_blocked(
                2027,
                PlanState::Agreed,
                &agreement_blockers(&[(ConsentState::Accepted, 1)])
            ),
            Ok(())
        );
        // Other blockers (a proposal awaiting confirmation) are not the step's conditions.
        let waiting = [Blocker {
            code: "needs_proposal".into(),
            party: None,
            count: None,
        }];
        assert_eq!(proposal_blocked(2027, PlanState::Agreed, &waiting), Ok(()));
        assert_eq!(proposal_blocked(2027, PlanState::Negotiation, &blockers), Ok(()));
        let year = [Blocker {
            code: "year_not_over".into(),
            party: None,
            count: None,
        }];
        assert_eq!(
            proposal_blocked(2027, PlanState::Closed, &year),
            Err(Refusal::Conflict(Reason::YearNotOver { year: 2027 }))
        );
    }
}
