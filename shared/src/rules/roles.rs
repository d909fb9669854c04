//! Roles and what each may do: an actor (a party and a role) asks to do an
//! action on something in a scope. Something in the other party's private
//! scope is hidden (404, its existence does not leak); something the actor
//! may know of but lacks the role for is forbidden (403).

use super::{Reason, Refusal};
use crate::domain::{Party, Role};

/// Who acts: a user or an API token of one party, with one role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// The actor's party.
    pub party: Party,
    /// The actor's role in it.
    pub role: Role,
}

/// Who may see a thing at all. Stored (the audit log's `scope`) as its
/// code: `joint`, or the owning party's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "db", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
pub enum Scope {
    /// Both parties (the joint board, shared items).
    Joint,
    /// Only this party (its users, tokens, drafts, internal notes, sessions).
    Private(Party),
}

impl Scope {
    /// The stored code: `joint`, `az` or `ge`.
    pub fn code(self) -> &'static str {
        match self {
            Scope::Joint => "joint",
            Scope::Private(party) => party.code(),
        }
    }

    /// Parses a stored code; unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Scope> {
        match code {
            "joint" => Some(Scope::Joint),
            other => Party::from_code(other).map(Scope::Private),
        }
    }
}

crate::domain::code_text!(Scope);

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
    /// Register, change and delete webhooks; read and repeat their deliveries.
    ManageWebhooks,
    /// Read the audit log of a party's private items.
    ReadAudit,
    /// Draft, edit and share proposals; comment; report execution.
    Plan,
    /// Give or withhold a party's consent; approve and sign plans; record instruments.
    Coordinate,
}

/// The least role an action needs.
pub fn required_role(action: Action) -> Role {
    match action {
        Action::Read => Role::Viewer,
        Action::Plan => Role::Planner,
        Action::Coordinate => Role::Coordinator,
        Action::ReadUsers | Action::ManageUsers | Action::ManageTokens | Action::ManageWebhooks | Action::ReadAudit => {
            Role::Administrator
        }
    }
}

/// May `actor` see something in `scope`? Hidden when it is the other party's.
pub fn see(actor: Actor, scope: Scope) -> Result<(), Refusal> {
    match scope {
        Scope::Private(owner) if owner != actor.party => Err(Refusal::Hidden),
        _ => Ok(()),
    }
}

/// Forbidden unless `actor` holds at least `role`.
pub fn at_least(actor: Actor, role: Role) -> Result<(), Refusal> {
    if actor.role >= role {
        Ok(())
    } else {
        Err(Refusal::Forbidden(Reason::RoleTooLow))
    }
}

/// May `actor` do `action` on something in `scope`?
pub fn decide(actor: Actor, action: Action, scope: Scope) -> Result<(), Refusal> {
    see(actor, scope)?;
    at_least(actor, required_role(action))
}

/// May `actor` give `role` to a user or token? Never a role above one's own,
/// and only where the actor manages users at all.
pub fn may_grant(actor: Actor, role: Role) -> Result<(), Refusal> {
    decide(actor, Action::ManageUsers, Scope::Private(actor.party))?;
    if role <= actor.role {
        Ok(())
    } else {
        Err(Refusal::Forbidden(Reason::RoleAboveOwn))
    }
}

/// Whether the users page shows for this actor.
pub fn may_see_users_page(actor: Actor) -> Result<(), Refusal> {
    decide(actor, Action::ReadUsers, Scope::Private(actor.party))
}

/// Whether the API tokens page shows for this actor.
pub fn may_see_tokens_page(actor: Actor) -> Result<(), Refusal> {
    decide(actor, Action::ManageTokens, Scope::Private(actor.party))
}

/// May an administrator disable or demote an active administrator of their
/// party, of whom `active_admins` remain (counting that one)? Never the last.
pub fn may_remove_administrator(active_admins: u64) -> Result<(), Refusal> {
    if active_admins > 1 {
        Ok(())
    } else {
        Err(Refusal::Conflict(Reason::LastAdministrator))
    }
}

/// May a user who holds `role` (`disabled` or not) be changed to `new_role`
/// (`new_disabled`), with `active_admins` active administrators in their
/// party (counting them)? Disabling or demoting an active administrator is
/// [`may_remove_administrator`]'s to decide; anything else is free (who may
/// grant the new role is [`may_grant`]'s).
pub fn may_change_standing(from: (Role, bool), to: (Role, bool), active_admins: u64) -> Result<(), Refusal> {
    if removes_active_administrator(from, to) {
        may_remove_administrator(active_admins)
    } else {
        Ok(())
    }
}

/// Whether changing a user from `(role, disabled)` to `(new_role,
/// new_disabled)` takes an active administrator away (disabled or demoted).
pub fn removes_active_administrator((role, disabled): (Role, bool), (new_role, new_disabled): (Role, bool)) -> bool {
    let active_admin = |role: Role, disabled: bool| role == Role::Administrator && !disabled;
    active_admin(role, disabled) && !active_admin(new_role, new_disabled)
}

/// May a caller signed in this way create an API token? Only a signed-in
/// user (a session), never another token.
pub fn may_create_token(actor: Actor, signed_in: bool) -> Result<(), Refusal> {
    decide(actor, Action::ManageTokens, Scope::Private(actor.party))?;
    if signed_in {
        Ok(())
    } else {
        Err(Refusal::Forbidden(Reason::SessionRequired))
    }
}

/// May a caller signed in this way store a language of the interface? It is
/// a person's choice: any signed-in user, whatever the role; an API token
/// has no person and so no language.
pub fn may_choose_language(signed_in: bool) -> Result<(), Refusal> {
    if signed_in {
        Ok(())
    } else {
        Err(Refusal::Forbidden(Reason::SessionRequired))
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

    pub(crate) const ROLES: [Role; 4] = [Role::Viewer, Role::Planner, Role::Coordinator, Role::Administrator];

    /// The policy as a table: for each action, whether each role is allowed
    /// on the actor's own private scope; the joint scope behaves the same;
    /// the other party's private scope is always hidden.
    #[test]
    fn the_role_table() {
        let table: [(Action, [bool; 4]); 8] = [
            (Action::Read, [true, true, true, true]),
            (Action::Plan, [false, true, true, true]),
            (Action::Coordinate, [false, false, true, true]),
            (Action::ReadUsers, [false, false, false, true]),
            (Action::ManageUsers, [false, false, false, true]),
            (Action::ManageTokens, [false, false, false, true]),
            (Action::ManageWebhooks, [false, false, false, true]),
            (Action::ReadAudit, [false, false, false, true]),
        ];
        let forbidden = Err(Refusal::Forbidden(Reason::RoleTooLow));
        for party in Party::ALL {
            for (action, expected) in table {
                for (role, allowed) in ROLES.into_iter().zip(expected) {
                    let actor = Actor { party: *party, role };
                    let want = if allowed { Ok(()) } else { forbidden.clone() };
                    assert_eq!(
                        decide(actor, action, Scope::Private(*party)),
                        want,
                        "{party:?} {role:?} {action:?}"
                    );
                    assert_eq!(
                        decide(actor, action, Scope::Joint),
                        want,
                        "{party:?} {role:?} {action:?} joint"
                    );
                    assert_eq!(
                        decide(actor, action, Scope::Private(party.other())),
                        Err(Refusal::Hidden),
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
        assert!(ROLES.iter().all(|r| may_grant(admin, *r).is_ok()));
        for role in [Role::Viewer, Role::Planner, Role::Coordinator] {
            let actor = Actor { party: Party::Ge, role };
            assert!(
                ROLES.iter().all(|r| may_grant(actor, *r).is_err()),
                "{role:?} grants nothing"
            );
        }
        assert_eq!(
            may_remove_administrator(1),
            Err(Refusal::Conflict(Reason::LastAdministrator))
        );
        assert_eq!(
            may_create_token(admin, false),
            Err(Refusal::Forbidden(Reason::SessionRequired))
        );
        assert_eq!(may_choose_language(true), Ok(()));
        assert_eq!(
            may_choose_language(false),
            Err(Refusal::Forbidden(Reason::SessionRequired))
        );
    }

    #[test]
    fn the_last_active_administrator_is_neither_disabled_nor_demoted() {
        use Role::{Administrator as A, Coordinator as C};
        let last = Err(Refusal::Conflict(Reason::LastAdministrator));
        assert_eq!(may_change_standing((A, false), (A, true), 1), last, "disabled");
        assert_eq!(may_change_standing((A, false), (C, false), 1), last, "demoted");
        assert_eq!(may_change_standing((A, false), (C, true), 1), last, "both");
        assert_eq!(may_change_standing((A, false), (A, true), 2), Ok(()), "another remains");
        assert_eq!(may_change_standing((A, false), (A, false), 1), Ok(()), "unchanged");
        assert_eq!(may_change_standing((A, true), (C, true), 1), Ok(()), "already disabled");
        assert_eq!(
            may_change_standing((C, false), (C, true), 1),
            Ok(()),
            "not an administrator"
        );
        assert_eq!(may_change_standing((C, false), (A, false), 1), Ok(()), "promoted");
    }

    #[test]
    fn passwords_need_twelve_characters_counted_as_characters_not_bytes() {
        assert_eq!(check_password("short"), Err("too_short"));
        assert_eq!(check_password("ძალიანგრძელი"), Ok(()), "12 Georgian letters");
        assert_eq!(check_password("abcdefghijk"), Err("too_short"));
        assert_eq!(check_password(&"x".repeat(257)), Err("too_long"));
    }
}
