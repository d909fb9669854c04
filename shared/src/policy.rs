//! The role policy: pure functions saying whether an actor (a party and a
//! role) may do an action on a resource. The backend enforces them on every
//! request; the web app uses the same functions to decide what to show.
//!
//! Outcomes follow the isolation rule: something in the other party's
//! private scope is [`Decision::Hidden`] (answered 404, so its existence does
//! not leak); something the actor may know of but lacks the role for is
//! [`Decision::Forbidden`] (403).

use crate::api::DocumentOwner;
use crate::domain::{Party, Role};

/// Who acts: a user or an API token of one party, with one role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// The actor's party.
    pub party: Party,
    /// The actor's role in it.
    pub role: Role,
}

/// Who may see a resource at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Both parties (the joint board, shared items).
    Joint,
    /// Only this party (its users, tokens, drafts, internal notes, sessions).
    Private(Party),
}

/// What an actor wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read the joint board, reference data, one's own account.
    Read,
    /// List or read the users of a party.
    ReadUsers,
    /// Create, change, disable a user, reset a password.
    ManageUsers,
    /// List, create or revoke API tokens.
    ManageTokens,
    /// Read the audit log of a party's private items.
    ReadAudit,
    /// Draft, edit and share proposals; comment; report execution.
    Plan,
    /// Give or withhold a party's consent; approve and sign plans; record instruments.
    Coordinate,
}

/// The policy's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Go ahead.
    Allow,
    /// The actor may know the resource exists but lacks the role (403).
    Forbidden,
    /// The resource is outside the actor's party scope (404).
    Hidden,
}

impl Decision {
    /// Whether the action is allowed.
    pub fn allowed(self) -> bool {
        self == Decision::Allow
    }
}

/// The least role an action needs.
pub fn required_role(action: Action) -> Role {
    match action {
        Action::Read => Role::Viewer,
        Action::Plan => Role::Planner,
        Action::Coordinate => Role::Coordinator,
        Action::ReadUsers | Action::ManageUsers | Action::ManageTokens | Action::ReadAudit => Role::Administrator,
    }
}

/// May `actor` do `action` on a resource in `scope`?
pub fn decide(actor: Actor, action: Action, scope: Scope) -> Decision {
    if let Scope::Private(owner) = scope
        && owner != actor.party
    {
        return Decision::Hidden;
    }
    if actor.role >= required_role(action) {
        Decision::Allow
    } else {
        Decision::Forbidden
    }
}

/// May `actor` give `role` to a user or token? Never a role above one's own,
/// and only where the actor manages users at all.
pub fn may_grant(actor: Actor, role: Role) -> bool {
    decide(actor, Action::ManageUsers, Scope::Private(actor.party)).allowed() && role <= actor.role
}

/// The sections of the web app an actor sees in the navigation.
pub fn may_see_users_page(actor: Actor) -> bool {
    decide(actor, Action::ReadUsers, Scope::Private(actor.party)).allowed()
}

/// Whether the API tokens page shows for this actor.
pub fn may_see_tokens_page(actor: Actor) -> bool {
    decide(actor, Action::ManageTokens, Scope::Private(actor.party)).allowed()
}

/// Whether the actor records and edits instruments and diplomatic notifications
/// (coordinators of either party).
pub fn may_record_instruments(actor: Actor) -> bool {
    decide(actor, Action::Coordinate, Scope::Joint).allowed()
}

/// Whether the actor enters, edits or drops changes of `party`'s competent
/// authority: only that party's coordinators.
pub fn may_change_authority(actor: Actor, party: Party) -> bool {
    actor.party == party && decide(actor, Action::Coordinate, Scope::Private(party)).allowed()
}

/// Whether the actor records, after the fact, that a note sent by
/// `sending_party` was received and acknowledged: that is the receiving
/// party's business, so only the other party's coordinators do it.
pub fn may_record_receipt(actor: Actor, sending_party: Party) -> bool {
    actor.party != sending_party && decide(actor, Action::Coordinate, Scope::Joint).allowed()
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
pub fn may_attach(actor: Actor, owner: DocumentOwner, scope: Scope, owner_party: Option<Party>) -> Decision {
    match decide(actor, attach_action(owner), scope) {
        Decision::Allow if owner_party.is_some_and(|p| p != actor.party) => Decision::Forbidden,
        decision => decision,
    }
}

/// The least length of a password.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The most length of a password (argon2 input stays bounded).
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Checks a new password's length; `Err` carries the field error code.
pub fn check_password(password: &str) -> Result<(), &'static str> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        Err("too_short")
    } else if n > MAX_PASSWORD_CHARS {
        Err("too_long")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Decision::{Allow, Forbidden, Hidden};

    const ROLES: [Role; 4] = [Role::Viewer, Role::Planner, Role::Coordinator, Role::Administrator];

    /// The policy as a table: for each action, the decision per role on the
    /// actor's own private scope; the joint scope behaves the same; the other
    /// party's private scope is always hidden.
    #[test]
    fn the_policy_table() {
        let table: [(Action, [Decision; 4]); 7] = [
            (Action::Read, [Allow, Allow, Allow, Allow]),
            (Action::Plan, [Forbidden, Allow, Allow, Allow]),
            (Action::Coordinate, [Forbidden, Forbidden, Allow, Allow]),
            (Action::ReadUsers, [Forbidden, Forbidden, Forbidden, Allow]),
            (Action::ManageUsers, [Forbidden, Forbidden, Forbidden, Allow]),
            (Action::ManageTokens, [Forbidden, Forbidden, Forbidden, Allow]),
            (Action::ReadAudit, [Forbidden, Forbidden, Forbidden, Allow]),
        ];
        for party in Party::ALL {
            for (action, expected) in table {
                for (role, want) in ROLES.into_iter().zip(expected) {
                    let actor = Actor { party: *party, role };
                    assert_eq!(
                        decide(actor, action, Scope::Private(*party)),
                        want,
                        "{party:?} {role:?} {action:?} own"
                    );
                    assert_eq!(
                        decide(actor, action, Scope::Joint),
                        want,
                        "{party:?} {role:?} {action:?} joint"
                    );
                    assert_eq!(
                        decide(actor, action, Scope::Private(party.other())),
                        Hidden,
                        "{party:?} {role:?} {action:?} other party"
                    );
                }
            }
        }
    }

    #[test]
    fn nobody_grants_a_role_above_their_own_and_only_administrators_grant_at_all() {
        let admin = Actor {
            party: Party::Az,
            role: Role::Administrator,
        };
        assert!(ROLES.iter().all(|r| may_grant(admin, *r)));
        for role in [Role::Viewer, Role::Planner, Role::Coordinator] {
            let actor = Actor { party: Party::Ge, role };
            assert!(ROLES.iter().all(|r| !may_grant(actor, *r)), "{role:?} grants nothing");
        }
    }

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
        assert_eq!(
            may_attach(planner, DocumentOwner::Activity, Scope::Private(Party::Az), None),
            Allow
        );
        assert_eq!(
            may_attach(planner, DocumentOwner::Instrument, Scope::Joint, None),
            Forbidden
        );
        assert_eq!(
            may_attach(coordinator, DocumentOwner::Activity, Scope::Private(Party::Az), None),
            Hidden
        );
        assert_eq!(
            may_attach(coordinator, DocumentOwner::Authority, Scope::Joint, Some(Party::Az)),
            Forbidden,
            "another party's authority"
        );
        assert_eq!(
            may_attach(
                coordinator,
                DocumentOwner::Authority,
                Scope::Private(Party::Ge),
                Some(Party::Ge)
            ),
            Allow
        );
        assert!(may_record_instruments(coordinator) && !may_record_instruments(planner));
        assert!(may_change_authority(coordinator, Party::Ge));
        assert!(!may_change_authority(coordinator, Party::Az));
    }

    #[test]
    fn receipt_is_recorded_by_the_receiving_partys_coordinators_only() {
        for party in Party::ALL {
            for role in ROLES {
                let actor = Actor { party: *party, role };
                assert!(!may_record_receipt(actor, *party), "{party:?} {role:?} sent it");
                assert_eq!(
                    may_record_receipt(actor, party.other()),
                    role >= Role::Coordinator,
                    "{party:?} {role:?} received it"
                );
            }
        }
    }

    #[test]
    fn passwords_need_twelve_characters_counted_as_characters_not_bytes() {
        assert_eq!(check_password("short"), Err("too_short"));
        assert_eq!(check_password("ძალიანგრძელი"), Ok(()), "12 Georgian letters");
        assert_eq!(check_password("abcdefghijk"), Err("too_short"));
        assert_eq!(check_password(&"x".repeat(257)), Err("too_long"));
    }
}
