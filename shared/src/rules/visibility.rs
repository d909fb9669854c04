//! Who sees what: a party's drafts, internal notes and pending authority
//! changes are its own business; everything shared is joint. The SQL filters
//! of the backend's lists say the same (checked by a table test).

use super::Refusal;
use super::roles::{self, Actor, Scope};
use crate::domain::Party;

/// The scope of an activity: its proposer's alone until shared.
pub fn activity_scope(proposer: Party, shared: bool) -> Scope {
    if shared { Scope::Joint } else { Scope::Private(proposer) }
}

/// May `actor` see an activity proposed by `proposer`? Hidden while it is
/// the other party's draft.
pub fn may_see_activity(actor: Actor, proposer: Party, shared: bool) -> Result<(), Refusal> {
    roles::see(actor, activity_scope(proposer, shared))
}

/// The scope of a comment by `party` on an activity seen in `activity`
/// scope: an internal note stays with its author's party; a comment is seen
/// by whoever sees the activity.
pub fn comment_scope(party: Party, internal: bool, activity: Scope) -> Scope {
    if internal { Scope::Private(party) } else { activity }
}

/// May `actor` see a comment or note written by `party` on an activity seen in `activity` scope?
pub fn may_see_comment(actor: Actor, party: Party, internal: bool, activity: Scope) -> Result<(), Refusal> {
    roles::see(actor, comment_scope(party, internal, activity))
}

/// The scope of an entry of `party`'s competent authority: its party's alone
/// while pending (until a notification announces it), then joint.
pub fn authority_scope(party: Party, pending: bool) -> Scope {
    if pending { Scope::Private(party) } else { Scope::Joint }
}

/// May `actor` see an entry of `party`'s competent authority?
pub fn may_see_authority(actor: Actor, party: Party, pending: bool) -> Result<(), Refusal> {
    roles::see(actor, authority_scope(party, pending))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    #[test]
    fn drafts_notes_and_pending_changes_stay_with_their_party() {
        for party in Party::ALL {
            let actor = Actor {
                party: *party,
                role: Role::Viewer,
            };
            let other = party.other();
            assert_eq!(may_see_activity(actor, other, false), Err(Refusal::Hidden));
            assert!(may_see_activity(actor, other, true).is_ok());
            assert!(may_see_activity(actor, *party, false).is_ok());
            assert_eq!(may_see_comment(actor, other, true, Scope::Joint), Err(Refusal::Hidden));
            assert!(may_see_comment(actor, other, false, Scope::Joint).is_ok());
            assert_eq!(
                may_see_comment(actor, other, false, Scope::Private(other)),
                Err(Refusal::Hidden),
                "a comment on the other party's draft"
            );
            assert_eq!(may_see_authority(actor, other, true), Err(Refusal::Hidden));
            assert!(may_see_authority(actor, other, false).is_ok());
        }
    }
}
