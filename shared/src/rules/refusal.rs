//! Why something is refused: the stable codes every refusal of the API
//! carries (`Problem::code`, with its parameters in `Problem::params`), so
//! the web app and integrators act on them and render them in their own
//! words.

use serde::{Deserialize, Serialize};

use crate::domain::Party;

/// A rule's answer when it says no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The thing is outside the caller's scope: answered 404, so its existence does not leak.
    Hidden,
    /// The caller may know the thing but may not do this (403).
    Forbidden(Reason),
    /// The thing's current state does not allow this (409).
    Conflict(Reason),
}

impl Refusal {
    /// The HTTP status this refusal is answered with.
    pub fn status(&self) -> u16 {
        match self {
            Refusal::Hidden => 404,
            Refusal::Forbidden(_) => 403,
            Refusal::Conflict(_) => 409,
        }
    }

    /// The reason, unless the refusal hides the thing.
    pub fn reason(&self) -> Option<&Reason> {
        match self {
            Refusal::Hidden => None,
            Refusal::Forbidden(reason) | Refusal::Conflict(reason) => Some(reason),
        }
    }
}

/// Why a rule refuses, with what the message needs. On the wire the
/// variant's name is `Problem::code` (snake_case) and its fields are
/// `Problem::params`.
///
/// Each block below belongs to one area of the API; add a reason to its
/// block, and its text to each language of the web app (`Key::Refusal`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
pub enum Reason {
    // --- identity: users, tokens, sessions ---
    /// The caller's role is below what the action needs.
    RoleTooLow,
    /// Nobody may give a role above their own.
    RoleAboveOwn,
    /// A cookie-authenticated write without the CSRF header or from another origin.
    CrossSiteRequest,
    /// The user name is taken.
    UsernameTaken,
    /// The last active administrator of a party cannot be disabled or demoted.
    LastAdministrator,
    /// Only a signed-in user (not a token) may do this.
    SessionRequired,
    /// API tokens have no password.
    TokenHasNoPassword,

    // --- plans and their steps ---
    /// A plan for this year exists already.
    PlanExists {
        /// The year.
        year: i32,
    },
    /// No step is proposed.
    NoStepProposed,
    /// A step is proposed already.
    StepAlreadyProposed,
    /// The proposer's own party cannot confirm its proposal.
    OwnProposal,
    /// The plan's state does not allow this.
    PlanState {
        /// The plan's state code.
        state: String,
    },
    /// Activities or other blockers keep the plan from the next step.
    PlanNotAgreeable {
        /// Activities awaiting Azerbaijan's decision.
        awaiting_az: u32,
        /// Activities awaiting Georgia's decision.
        awaiting_ge: u32,
    },

    // --- activities ---
    /// The field belongs to the other party's side, or to the proposer.
    NotYourField {
        /// Who owns the field.
        owner: Party,
    },
    /// The activity is shared already.
    AlreadyShared,
    /// The activity's state does not allow this.
    ActivityState {
        /// The activity's consent state code.
        state: String,
    },

    // --- signatures, versions, execution ---
    /// The party's signature is recorded already.
    AlreadySigned,
    /// The plan's year is not over.
    YearNotOver {
        /// The year.
        year: i32,
    },
    /// The execution status cannot change this way.
    ExecutionStep {
        /// From this status code.
        from: String,
        /// To this status code.
        to: String,
    },
    /// Only the host party reports execution.
    NotHost,
    /// The next year's plan must exist first.
    NextPlanMissing {
        /// The year of the missing plan.
        year: i32,
    },
    /// This activity was carried over already.
    AlreadyCarriedOver,

    // --- the register ---
    /// Only the receiving party records receipt.
    NotReceiver,

    // --- documents and exports ---

    // --- concurrency and the database ---
    /// Another request created the same thing at the same moment (a unique
    /// key the database guards); reload and see.
    AlreadyExists,

    // --- anything not yet given its own reason ---
    /// A refusal the server explains only in `detail` (to be given its own reason).
    Other,
}

impl Reason {
    /// The stable code on the wire.
    pub fn code(&self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(map)) => {
                map.get("code").and_then(|c| c.as_str()).unwrap_or("other").to_owned()
            }
            Ok(serde_json::Value::String(code)) => code,
            _ => "other".to_owned(),
        }
    }

    /// The request field a reason is about, when there is one: it is also
    /// named in the problem's `errors`, so forms show it beside the field.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Reason::UsernameTaken => Some("username"),
            Reason::PlanExists { .. } => Some("year"),
            _ => None,
        }
    }

    /// The parameters on the wire (empty for reasons without any).
    pub fn params(&self) -> serde_json::Map<String, serde_json::Value> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(mut map)) => match map.remove("params") {
                Some(serde_json::Value::Object(params)) => params,
                _ => serde_json::Map::new(),
            },
            _ => serde_json::Map::new(),
        }
    }

    /// Reads a reason back from a problem's code and parameters; `None` for
    /// a code this build does not know (a newer server).
    pub fn from_wire(code: &str, params: &serde_json::Map<String, serde_json::Value>) -> Option<Reason> {
        let mut map = serde_json::Map::new();
        map.insert("code".to_owned(), serde_json::Value::String(code.to_owned()));
        if !params.is_empty() {
            map.insert("params".to_owned(), serde_json::Value::Object(params.clone()));
        }
        serde_json::from_value(serde_json::Value::Object(map)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_travels_as_code_and_params_and_back() {
        let reason = Reason::PlanNotAgreeable {
            awaiting_az: 2,
            awaiting_ge: 0,
        };
        assert_eq!(reason.code(), "plan_not_agreeable");
        let params = reason.params();
        assert_eq!(params["awaiting_az"], 2);
        assert_eq!(Reason::from_wire(&reason.code(), &params), Some(reason));
        assert_eq!(Reason::UsernameTaken.code(), "username_taken");
        assert!(Reason::UsernameTaken.params().is_empty());
        assert_eq!(
            Reason::from_wire("username_taken", &serde_json::Map::new()),
            Some(Reason::UsernameTaken)
        );
        assert_eq!(Reason::from_wire("no_such_code", &serde_json::Map::new()), None);
    }
}
