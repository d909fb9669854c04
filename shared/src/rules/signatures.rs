//! Signatures and amendments: each party's coordinator records its party's
//! signature on an agreed plan once; coordinators open an amendment of a signed plan.

use super::roles::{self, Action, Actor, Scope};
use super::{Reason, Refusal};
use crate::domain::Party;
use crate::plan::PlanState;

fn plan_state(state: PlanState) -> Refusal {
    Refusal::Conflict(Reason::PlanState {
        state: state.code().to_owned(),
    })
}

/// May `actor` record their party's signature on a plan in `state` whose
/// version in progress is signed by `signed`? A coordinator, on an agreed
/// plan, once per party.
pub fn may_sign(actor: Actor, state: PlanState, signed: &[Party]) -> Result<(), Refusal> {
    roles::decide(actor, Action::Coordinate, Scope::Joint)?;
    if state != PlanState::Agreed {
        return Err(plan_state(state));
    }
    if signed.contains(&actor.party) {
        return Err(Refusal::Conflict(Reason::AlreadySigned));
    }
    Ok(())
}

/// May `actor` open an amendment of a plan in `state`? A coordinator of
/// either party, on a signed plan.
pub fn may_open_amendment(actor: Actor, state: PlanState) -> Result<(), Refusal> {
    roles::decide(actor, Action::Coordinate, Scope::Joint)?;
    if state != PlanState::Signed {
        return Err(plan_state(state));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    #[test]
    fn each_party_signs_an_agreed_plan_once_and_coordinators_amend_signed_plans() {
        let az = Actor {
            party: Party::Az,
            role: Role::Coordinator,
        };
        let ge_admin = Actor {
            party: Party::Ge,
            role: Role::Administrator,
        };
        let planner = Actor {
            party: Party::Az,
            role: Role::Planner,
        };
        assert!(may_sign(az, PlanState::Agreed, &[]).is_ok());
        assert!(may_sign(ge_admin, PlanState::Agreed, &[Party::Az]).is_ok());
        assert_eq!(
            may_sign(az, PlanState::Agreed, &[Party::Az]),
            Err(Refusal::Conflict(Reason::AlreadySigned))
        );
        assert_eq!(
            may_sign(planner, PlanState::Agreed, &[]),
            Err(Refusal::Forbidden(Reason::RoleTooLow))
        );
        assert!(may_sign(az, PlanState::Negotiation, &[]).is_err());
        assert!(may_open_amendment(az, PlanState::Signed).is_ok());
        assert!(may_open_amendment(planner, PlanState::Signed).is_err());
        assert!(may_open_amendment(az, PlanState::Closed).is_err());
    }
}
