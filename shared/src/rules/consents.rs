//! An activity's consents from each party's own decision (issue 18): a
//! party's decision is a row of its own (`activity_consents`) naming the
//! substance revision it was made on, so a substance edit makes an older
//! decision stale without anyone writing the other party's row; the
//! parties' consents and the shared state are derived here, on either node
//! alike (docs/federation.md, "Plan for the first split").

use super::activities::{consent_state, in_plan};
use crate::plan::{ConsentState, PartyConsent};

/// One party's decision on an activity, as its own row records it: what it
/// decided and the activity's substance revision it decided on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Accepted, rejected or changes requested.
    pub consent: PartyConsent,
    /// The substance revision decided on.
    pub revision: i64,
}

/// An activity's consents, derived from the two parties' decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Consents {
    /// AZ's consent now.
    pub az: PartyConsent,
    /// GE's consent now.
    pub ge: PartyConsent,
    /// The shared state.
    pub state: ConsentState,
}

/// A party's consent now: its decision while it was made on the current
/// substance `revision`; pending without one, or once the substance moved
/// on (the decision is stale, its row untouched).
pub fn party_consent(decision: Option<Decision>, revision: i64) -> PartyConsent {
    match decision {
        Some(decision) if decision.revision >= revision => decision.consent,
        _ => PartyConsent::Pending,
    }
}

/// The consents of an activity at substance `revision` from each party's
/// own decision, and the shared state they make with sharing and withdrawal
/// ([`consent_state`]).
pub fn consents(shared: bool, withdrawn: bool, revision: i64, az: Option<Decision>, ge: Option<Decision>) -> Consents {
    let (az, ge) = (party_consent(az, revision), party_consent(ge, revision));
    Consents {
        az,
        ge,
        state: consent_state(shared, withdrawn, az, ge),
    }
}

/// Whether a substantive change of an activity in `state` moves its
/// substance revision, making both parties' decisions stale: sharing it
/// (again), or an edit while it is in the plan. A rejected or withdrawn
/// activity is revised first and then shared again; its decisions stand
/// until then.
pub fn reopens_consent(state: ConsentState, sharing: bool) -> bool {
    sharing || in_plan(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartyConsent::*;

    fn decided(consent: PartyConsent, revision: i64) -> Option<Decision> {
        Some(Decision { consent, revision })
    }

    #[test]
    fn a_decision_on_an_older_substance_revision_is_stale_and_counts_as_pending() {
        assert_eq!(party_consent(None, 1), Pending);
        assert_eq!(party_consent(decided(Accepted, 3), 3), Accepted);
        assert_eq!(party_consent(decided(Accepted, 2), 3), Pending, "stale");
        assert_eq!(party_consent(decided(ChangesRequested, 2), 3), Pending);
        let both = consents(true, false, 4, decided(Accepted, 4), decided(Accepted, 3));
        assert_eq!(
            (both.az, both.ge, both.state),
            (Accepted, Pending, ConsentState::AcceptedByAz)
        );
        assert_eq!(
            consents(true, false, 4, decided(Rejected, 4), None).state,
            ConsentState::Rejected
        );
        assert_eq!(
            consents(true, true, 4, decided(Accepted, 4), None).state,
            ConsentState::Withdrawn
        );
        assert_eq!(consents(false, false, 1, None, None).state, ConsentState::Draft);
    }

    #[test]
    fn sharing_and_edits_in_the_plan_reopen_consent_a_rejection_stands_until_shared_again() {
        assert!(reopens_consent(ConsentState::AcceptedByGe, false));
        assert!(reopens_consent(ConsentState::ChangesRequested, false));
        assert!(!reopens_consent(ConsentState::Rejected, false));
        assert!(reopens_consent(ConsentState::Rejected, true));
        assert!(!reopens_consent(ConsentState::Draft, false));
    }
}
