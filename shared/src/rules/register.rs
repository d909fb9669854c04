//! The register: instruments and diplomatic notifications (coordinators of
//! either party), competent authorities (each party's own coordinators), and
//! documents attached to them or to activities.

use super::roles::{self, Action, Actor, Scope};
use super::{Reason, Refusal};
use crate::api::DocumentOwner;
use crate::domain::Party;

/// May `actor` record and edit instruments and diplomatic notifications?
pub fn may_record_instruments(actor: Actor) -> Result<(), Refusal> {
    roles::decide(actor, Action::Coordinate, Scope::Joint)
}

/// May `actor` enter, edit or drop a change of `party`'s competent
/// authority that is `pending` (not yet notified)? Only that party's coordinators.
pub fn may_change_authority(actor: Actor, party: Party, pending: bool) -> Result<(), Refusal> {
    roles::decide(
        actor,
        Action::Coordinate,
        super::visibility::authority_scope(party, pending),
    )?;
    if actor.party != party {
        return Err(Refusal::Forbidden(Reason::OtherPartysAuthority));
    }
    if !pending {
        return Err(Refusal::Conflict(Reason::AlreadyNotified));
    }
    Ok(())
}

/// The party that receives a note `sending_party` sent: its receipt and
/// acknowledgement are that party's word (and its row, docs/federation.md).
pub fn receiving_party(sending_party: Party) -> Party {
    sending_party.other()
}

/// May `actor` record that a note sent by `sending_party` was received and
/// acknowledged? That is the receiving party's business: only the other
/// party's coordinators.
pub fn may_record_receipt(actor: Actor, sending_party: Party) -> Result<(), Refusal> {
    roles::decide(actor, Action::Coordinate, Scope::Joint)?;
    if actor.party != receiving_party(sending_party) {
        return Err(Refusal::Forbidden(Reason::NotReceiver));
    }
    Ok(())
}

/// The action attaching a document to an owner of this kind needs: planners
/// attach to activities, coordinators to everything else.
pub fn attach_action(owner: DocumentOwner) -> Action {
    match owner {
        DocumentOwner::Activity => Action::Plan,
        DocumentOwner::Instrument | DocumentOwner::Notification | DocumentOwner::Authority => Action::Coordinate,
    }
}

/// May `actor` attach a document to an owner seen in `scope`? An authority
/// entry (`owner_party`) takes documents only from its own party.
pub fn may_attach(actor: Actor, owner: DocumentOwner, scope: Scope, owner_party: Option<Party>) -> Result<(), Refusal> {
    roles::decide(actor, attach_action(owner), scope)?;
    if owner_party.is_some_and(|p| p != actor.party) {
        return Err(Refusal::Forbidden(Reason::OtherPartysAuthority));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    const ROLES: [Role; 4] = [Role::Viewer, Role::Planner, Role::Coordinator, Role::Administrator];

    #[test]
    fn documents_are_attached_by_planners_to_activities_and_by_coordinators_elsewhere() {
        let planner = Actor {
            party: Party::Az,
            role: Role::Planner,
        };
        let coordinator = Actor {
            party: Party::Ge,
            role: Role::Coordinator,
        };
        assert!(may_attach(planner, DocumentOwner::Activity, Scope::Private(Party::Az), None).is_ok());
        assert_eq!(
            may_attach(planner, DocumentOwner::Instrument, Scope::Joint, None),
            Err(Refusal::Forbidden(Reason::RoleTooLow))
        );
        assert_eq!(
            may_attach(coordinator, DocumentOwner::Activity, Scope::Private(Party::Az), None),
            Err(Refusal::Hidden)
        );
        assert_eq!(
            may_attach(coordinator, DocumentOwner::Authority, Scope::Joint, Some(Party::Az)),
            Err(Refusal::Forbidden(Reason::OtherPartysAuthority))
        );
        assert!(
            may_attach(
                coordinator,
                DocumentOwner::Authority,
                Scope::Private(Party::Ge),
                Some(Party::Ge)
            )
            .is_ok()
        );
        assert!(may_record_instruments(coordinator).is_ok() && may_record_instruments(planner).is_err());
        assert!(may_change_authority(coordinator, Party::Ge, true).is_ok());
        assert_eq!(may_change_authority(coordinator, Party::Az, true), Err(Refusal::Hidden));
        assert_eq!(
            may_change_authority(coordinator, Party::Az, false),
            Err(Refusal::Forbidden(Reason::OtherPartysAuthority))
        );
        assert_eq!(
            may_change_authority(coordinator, Party::Ge, false),
            Err(Refusal::Conflict(Reason::AlreadyNotified))
        );
    }

    #[test]
    fn receipt_is_recorded_by_the_receiving_partys_coordinators_only() {
        for party in Party::ALL {
            for role in ROLES {
                let actor = Actor { party: *party, role };
                assert!(may_record_receipt(actor, *party).is_err(), "{party:?} {role:?} sent it");
                assert_eq!(
                    may_record_receipt(actor, party.other()).is_ok(),
                    role >= Role::Coordinator,
                    "{party:?} {role:?} received it"
                );
            }
        }
    }
}
