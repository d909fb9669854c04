//! The joint record (issue 18, docs/federation.md "Proof that both hold the
//! same record"): which recorded actions of a party the other party relies
//! on. Each such action is appended, in its own transaction, to the acting
//! party's signed hash chain, which both nodes hold and check.

use super::Scope;

/// The audit actions that are joint when recorded in the joint scope: an
/// activity shared, withdrawn, edited or decided on once both parties see
/// it, a comment for both, each step of the plan, a signature, a
/// diplomatic note and its receipt, an authority change taking effect.
pub const JOINT_ACTIONS: &[&str] = &[
    "activity.share",
    "activity.withdraw",
    "activity.update",
    "activity.consent",
    "activity.comment",
    "plan.propose",
    "plan.confirm",
    "plan.decline",
    "plan.withdraw_proposal",
    "plan.amendment_open",
    "plan.sign",
    "plan.signed",
    "notification.record",
    "notification.receipt",
    "authority.take_effect",
];

/// The actions that record a party's signature of a plan version: their
/// chain entry names the content signed (its SHA-256), not the plan's state.
pub const SIGNATURE_ACTIONS: &[&str] = &["plan.sign", "plan.signed"];

/// Whether an action recorded in `scope` goes on its party's joint chain:
/// one of [`JOINT_ACTIONS`], seen by both parties (the same action on a
/// draft, or an internal note, is the party's own business).
pub fn is_joint(action: &str, scope: Scope) -> bool {
    scope == Scope::Joint && JOINT_ACTIONS.contains(&action)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Party;

    #[test]
    fn only_listed_actions_in_the_joint_scope_are_joint() {
        assert!(is_joint("activity.consent", Scope::Joint));
        assert!(is_joint("plan.signed", Scope::Joint));
        assert!(
            !is_joint("activity.update", Scope::Private(Party::Az)),
            "a draft's edit"
        );
        assert!(!is_joint("activity.note", Scope::Joint));
        assert!(!is_joint("user.create", Scope::Joint));
        assert!(SIGNATURE_ACTIONS.iter().all(|a| JOINT_ACTIONS.contains(a)));
    }
}
