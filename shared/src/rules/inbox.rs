//! The work queue (issue 17): what awaits whom, decided by one function
//! ([`awaits`]) over the facts of a thing and the actor. The backend builds
//! `GET /api/v1/inbox` with it; the web app asks it which of the things it
//! shows still await the user. Each kind follows the rule that lets the
//! actor decide it, so an item is listed exactly when its decision would be
//! allowed. Bulk decisions ([`may_bulk`]) follow the same rules.

use super::roles::{self, Action, Actor, Scope};
use super::texts::{self, TextStates};
use super::{Refusal, activities, plan, register, signatures};
use crate::api::ExecutionStatus;
use crate::domain::{BulkAction, InboxKind, Party};
use crate::i18n::Lang;
use crate::plan::{ConsentState, PartyConsent, PlanState};

/// A thing that may await someone, with what the rules read from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting<'a> {
    /// A shared activity of a plan in `plan` state.
    Activity {
        /// The plan's state.
        plan: PlanState,
        /// The proposing party.
        proposer: Party,
        /// The shared consent state.
        state: ConsentState,
        /// Each party's consent (AZ, GE).
        consent: (PartyConsent, PartyConsent),
    },
    /// A shared activity's texts in the parties' languages.
    Texts {
        /// The plan's state.
        plan: PlanState,
        /// The proposing party.
        proposer: Party,
        /// The language of the original text.
        original: Lang,
        /// The shared consent state.
        state: ConsentState,
        /// Its texts in Azerbaijani and Georgian.
        texts: TextStates,
    },
    /// An activity of a closed plan, for carry-over into next year.
    ClosedActivity {
        /// The proposing party.
        proposer: Party,
        /// The shared consent state.
        state: ConsentState,
        /// Its execution status.
        execution: ExecutionStatus,
        /// Whether it was carried over already.
        carried: bool,
    },
    /// A plan step proposed by `proposer`.
    StepProposal {
        /// The proposing party.
        proposer: Party,
    },
    /// A plan in `plan` state whose version in progress is signed by `signed`.
    Signatures {
        /// The plan's state.
        plan: PlanState,
        /// The parties that signed the version in progress.
        signed: &'a [Party],
    },
    /// A diplomatic notification sent by `sender`.
    Note {
        /// The sending party.
        sender: Party,
        /// Whether its receipt is recorded.
        received: bool,
    },
}

/// What, if anything, `thing` awaits from `actor` (their party and role).
///
/// - a shared activity whose consent by the actor's party is pending →
///   coordinators (who may consent);
/// - changes requested on the actor's party's activity → planners (who edit it);
/// - a step proposed by the other party → coordinators (who may confirm it);
/// - an agreed plan the actor's party has not signed → coordinators;
/// - an activity of the actor's party in a closed plan, accepted, not held,
///   not carried over → planners;
/// - a notification of the other party whose receipt is not recorded → coordinators;
/// - a shared activity (not rejected or withdrawn) whose text in the actor's
///   party's language is missing or outdated → whoever may write that text
///   (`rules::texts::may_write`: the party's planners and coordinators).
pub fn awaits(actor: Actor, thing: &Waiting<'_>) -> Option<InboxKind> {
    match *thing {
        Waiting::Activity {
            plan,
            proposer,
            state,
            consent,
        } => {
            let own = match actor.party {
                Party::Az => consent.0,
                Party::Ge => consent.1,
            };
            if !activities::awaits(actor.party, proposer, state, own) {
                return None;
            }
            if state == ConsentState::ChangesRequested {
                activities::may_edit(actor, plan, proposer, activities::FieldOwner::Substance)
                    .ok()
                    .map(|()| InboxKind::ChangesRequested)
            } else {
                activities::may_consent(actor, plan, state)
                    .ok()
                    .map(|()| InboxKind::AwaitingConsent)
            }
        }
        Waiting::Texts {
            plan,
            proposer,
            original,
            state,
            texts,
        } => {
            let lang = texts::language_of(actor.party);
            (texts::wants_texts(state)
                && lang != original
                && texts.lacks(lang)
                && texts::may_write(actor, plan, proposer, original, lang).is_ok())
            .then_some(InboxKind::TranslationDue)
        }
        Waiting::ClosedActivity {
            proposer,
            state,
            execution,
            carried,
        } => {
            activities::may_carry_from(actor, PlanState::Closed, true).ok()?;
            activities::may_carry_over(actor, proposer, state, execution, carried)
                .ok()
                .map(|()| InboxKind::CarryOverDue)
        }
        Waiting::StepProposal { proposer } => plan::may_confirm(actor, Some(proposer))
            .ok()
            .map(|()| InboxKind::StepProposed),
        Waiting::Signatures { plan, signed } => signatures::may_sign(actor, plan, signed)
            .ok()
            .map(|()| InboxKind::SignatureDue),
        Waiting::Note { sender, received } => {
            (!received && register::may_record_receipt(actor, sender).is_ok()).then_some(InboxKind::NoteAwaitingReceipt)
        }
    }
}

/// May `actor` take `action` on several activities at once? The role the
/// action needs: coordinators consent, planners share and withdraw. Each
/// activity is still decided by its own rule.
pub fn may_bulk(actor: Actor, action: BulkAction) -> Result<(), Refusal> {
    let needs = match action {
        BulkAction::Accept | BulkAction::RequestChanges | BulkAction::Reject => Action::Coordinate,
        BulkAction::Share | BulkAction::Withdraw => Action::Plan,
    };
    roles::decide(actor, needs, Scope::Joint)
}

/// Whether a bulk action needs a comment (rejecting and requesting changes, like a single decision).
pub fn bulk_needs_comment(action: BulkAction) -> bool {
    matches!(action, BulkAction::RequestChanges | BulkAction::Reject)
}

/// The bulk actions offered for items of `kind` to `actor`: a coordinator
/// decides consent on activities awaiting it; nothing else is decided in bulk.
pub fn bulk_actions(actor: Actor, kind: InboxKind) -> Vec<BulkAction> {
    let offered: &[BulkAction] = match kind {
        InboxKind::AwaitingConsent => &[BulkAction::Accept, BulkAction::RequestChanges, BulkAction::Reject],
        _ => &[],
    };
    offered
        .iter()
        .copied()
        .filter(|a| may_bulk(actor, *a).is_ok())
        .collect()
}

/// The bulk actions `actor` could take on one activity proposed by
/// `proposer`, in `consent` state, of a plan in `plan` state: each offered
/// only where its single operation's rule allows it (for the table's
/// checkboxes; the server decides each activity again).
pub fn bulk_actions_on(actor: Actor, plan: PlanState, proposer: Party, consent: ConsentState) -> Vec<BulkAction> {
    let mut offered = Vec::new();
    if activities::may_consent(actor, plan, consent).is_ok() {
        offered.extend([BulkAction::Accept, BulkAction::RequestChanges, BulkAction::Reject]);
    }
    if activities::may_share(actor, plan, proposer, consent).is_ok() {
        offered.push(BulkAction::Share);
    }
    if activities::may_withdraw(actor, plan, proposer, consent).is_ok() {
        offered.push(BulkAction::Withdraw);
    }
    offered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;
    use PartyConsent::*;

    fn actor(party: Party, role: Role) -> Actor {
        Actor { party, role }
    }

    fn activity(state: ConsentState, consent: (PartyConsent, PartyConsent)) -> Waiting<'static> {
        Waiting::Activity {
            plan: PlanState::Negotiation,
            proposer: Party::Az,
            state,
            consent,
        }
    }

    #[test]
    fn a_pending_consent_awaits_the_coordinators_and_requested_changes_the_proposers_planners() {
        let pending = activity(ConsentState::AcceptedByAz, (Accepted, Pending));
        assert_eq!(
            awaits(actor(Party::Ge, Role::Coordinator), &pending),
            Some(InboxKind::AwaitingConsent)
        );
        assert_eq!(awaits(actor(Party::Ge, Role::Planner), &pending), None);
        assert_eq!(awaits(actor(Party::Az, Role::Coordinator), &pending), None);
        let changes = activity(ConsentState::ChangesRequested, (Accepted, ChangesRequested));
        assert_eq!(
            awaits(actor(Party::Az, Role::Planner), &changes),
            Some(InboxKind::ChangesRequested)
        );
        assert_eq!(awaits(actor(Party::Ge, Role::Planner), &changes), None);
        assert_eq!(awaits(actor(Party::Az, Role::Viewer), &changes), None);
        let signed = Waiting::Activity {
            plan: PlanState::Signed,
            proposer: Party::Az,
            state: ConsentState::Pending,
            consent: (Pending, Pending),
        };
        assert_eq!(
            awaits(actor(Party::Ge, Role::Coordinator), &signed),
            None,
            "nothing to decide"
        );
    }

    #[test]
    fn steps_signatures_notes_and_carry_over_await_whoever_may_decide_them() {
        let coord = actor(Party::Ge, Role::Coordinator);
        let step = Waiting::StepProposal { proposer: Party::Az };
        assert_eq!(awaits(coord, &step), Some(InboxKind::StepProposed));
        assert_eq!(awaits(actor(Party::Az, Role::Coordinator), &step), None);
        let agreed = Waiting::Signatures {
            plan: PlanState::Agreed,
            signed: &[Party::Az],
        };
        assert_eq!(awaits(coord, &agreed), Some(InboxKind::SignatureDue));
        assert_eq!(awaits(actor(Party::Az, Role::Coordinator), &agreed), None);
        let note = Waiting::Note {
            sender: Party::Az,
            received: false,
        };
        assert_eq!(awaits(coord, &note), Some(InboxKind::NoteAwaitingReceipt));
        assert_eq!(
            awaits(
                coord,
                &Waiting::Note {
                    sender: Party::Az,
                    received: true
                }
            ),
            None
        );
        let closed = Waiting::ClosedActivity {
            proposer: Party::Ge,
            state: ConsentState::Accepted,
            execution: ExecutionStatus::Postponed,
            carried: false,
        };
        assert_eq!(
            awaits(actor(Party::Ge, Role::Planner), &closed),
            Some(InboxKind::CarryOverDue)
        );
        assert_eq!(awaits(actor(Party::Az, Role::Planner), &closed), None);
    }

    #[test]
    fn a_missing_or_outdated_translation_awaits_its_partys_writers_only() {
        let texts = |az, ka| TextStates { az, ka };
        let shared = |state, states| Waiting::Texts {
            plan: PlanState::Negotiation,
            proposer: Party::Az,
            original: Lang::Az,
            state,
            texts: states,
        };
        let missing = shared(ConsentState::Pending, texts(Some(false), None));
        let due = Some(InboxKind::TranslationDue);
        assert_eq!(awaits(actor(Party::Ge, Role::Planner), &missing), due);
        assert_eq!(awaits(actor(Party::Ge, Role::Coordinator), &missing), due);
        assert_eq!(awaits(actor(Party::Ge, Role::Viewer), &missing), None);
        assert_eq!(
            awaits(actor(Party::Az, Role::Planner), &missing),
            None,
            "AZ wrote the original"
        );
        let outdated = shared(ConsentState::Accepted, texts(Some(false), Some(true)));
        assert_eq!(awaits(actor(Party::Ge, Role::Planner), &outdated), due);
        let current = shared(ConsentState::Accepted, texts(Some(false), Some(false)));
        assert_eq!(awaits(actor(Party::Ge, Role::Planner), &current), None);
        for gone in [ConsentState::Draft, ConsentState::Rejected, ConsentState::Withdrawn] {
            assert_eq!(
                awaits(actor(Party::Ge, Role::Planner), &shared(gone, texts(None, None))),
                None
            );
        }
        let english = Waiting::Texts {
            plan: PlanState::Negotiation,
            proposer: Party::Az,
            original: Lang::En,
            state: ConsentState::Pending,
            texts: texts(None, Some(false)),
        };
        assert_eq!(
            awaits(actor(Party::Az, Role::Planner), &english),
            due,
            "its own language too"
        );
        let signed = Waiting::Texts {
            plan: PlanState::Signed,
            proposer: Party::Az,
            original: Lang::Az,
            state: ConsentState::Accepted,
            texts: texts(Some(false), None),
        };
        assert_eq!(
            awaits(actor(Party::Ge, Role::Planner), &signed),
            None,
            "an amendment reopens it"
        );
    }

    #[test]
    fn coordinators_consent_in_bulk_and_planners_share_or_withdraw() {
        let planner = actor(Party::Az, Role::Planner);
        let coord = actor(Party::Az, Role::Coordinator);
        assert!(may_bulk(planner, BulkAction::Accept).is_err());
        assert!(may_bulk(planner, BulkAction::Share).is_ok());
        assert!(may_bulk(coord, BulkAction::Reject).is_ok());
        assert!(may_bulk(actor(Party::Az, Role::Viewer), BulkAction::Withdraw).is_err());
        assert_eq!(bulk_actions(planner, InboxKind::AwaitingConsent), vec![]);
        assert_eq!(bulk_actions(coord, InboxKind::AwaitingConsent).len(), 3);
        assert!(bulk_needs_comment(BulkAction::Reject) && !bulk_needs_comment(BulkAction::Accept));
        let open = PlanState::Negotiation;
        assert_eq!(
            bulk_actions_on(planner, open, Party::Az, ConsentState::Draft),
            vec![BulkAction::Share]
        );
        assert_eq!(
            bulk_actions_on(planner, open, Party::Az, ConsentState::Pending),
            vec![BulkAction::Withdraw]
        );
        assert!(bulk_actions_on(planner, open, Party::Ge, ConsentState::Pending).is_empty());
        assert_eq!(
            bulk_actions_on(
                actor(Party::Ge, Role::Coordinator),
                open,
                Party::Az,
                ConsentState::Pending
            ),
            vec![BulkAction::Accept, BulkAction::RequestChanges, BulkAction::Reject]
        );
        assert!(bulk_actions_on(coord, PlanState::Signed, Party::Az, ConsentState::Pending).is_empty());
    }
}
