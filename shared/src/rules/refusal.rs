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
    /// Only the proposing party withdraws its proposal.
    OthersProposal,
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
        /// Activities with changes requested.
        changes_requested: u32,
        /// Activities accepted by both parties (none blocks agreement too).
        accepted: u32,
    },
    /// Accepted activities lack their text in a party's language, or it is outdated.
    TranslationsIncomplete {
        /// Without an Azerbaijani text.
        missing_az: u32,
        /// Without a Georgian text.
        missing_ka: u32,
        /// With an outdated Azerbaijani text.
        outdated_az: u32,
        /// With an outdated Georgian text.
        outdated_ka: u32,
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
    /// The translation is up to date: there is nothing to confirm.
    TextNotOutdated,

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
    /// An after-action summary waits until the activity is held.
    NotHeld,
    /// A held activity is not carried over.
    AlreadyHeld,

    // --- the register ---
    /// Only the receiving party records receipt.
    NotReceiver,
    /// A party's competent authority is changed only by that party.
    OtherPartysAuthority,
    /// A notified authority entry is final; a further change is a new entry.
    AlreadyNotified,

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

    /// The reason in English words, for `Problem::detail` (integrators and
    /// logs; the web app words each code in the user's language itself).
    pub fn describe(&self) -> String {
        let party = |p: &Party| p.label(crate::Lang::En).to_owned();
        match self {
            Reason::RoleTooLow => "Your role does not allow this. Ask your ministry's administrator.".into(),
            Reason::RoleAboveOwn => "No one may give a role above their own.".into(),
            Reason::CrossSiteRequest => "Cross-site request refused.".into(),
            Reason::UsernameTaken => "This user name is taken.".into(),
            Reason::LastAdministrator => {
                "This is the last active administrator of the party; appoint another one first.".into()
            }
            Reason::SessionRequired => "Only a signed-in user may do this, not an API token.".into(),
            Reason::TokenHasNoPassword => "API tokens have no password.".into(),
            Reason::PlanExists { year } => format!("A plan for {year} exists already."),
            Reason::NoStepProposed => "No step is proposed.".into(),
            Reason::StepAlreadyProposed => "A step is already proposed; confirm, decline or withdraw it first.".into(),
            Reason::OwnProposal => "The other party's coordinator must confirm or decline: nothing binds both \
                                    ministries on one ministry's word. Withdraw your own party's proposal instead."
                .into(),
            Reason::OthersProposal => "Only the proposing party withdraws its proposal.".into(),
            Reason::PlanState { state } => format!("The plan is {state}; it does not allow this."),
            Reason::PlanNotAgreeable {
                awaiting_az,
                awaiting_ge,
                changes_requested,
                accepted,
            } => {
                let mut words = Vec::new();
                for (p, n) in [(Party::Az, awaiting_az), (Party::Ge, awaiting_ge)] {
                    if *n > 0 {
                        words.push(format!("{n} activities await {}'s consent", party(&p)));
                    }
                }
                if *changes_requested > 0 {
                    words.push(format!("{changes_requested} activities have changes requested"));
                }
                if *accepted == 0 {
                    words.push("no activity has been accepted by both parties".into());
                }
                format!("The plan cannot be agreed yet: {}.", words.join("; "))
            }
            Reason::TranslationsIncomplete {
                missing_az,
                missing_ka,
                outdated_az,
                outdated_ka,
            } => {
                let mut words = Vec::new();
                for (n, what) in [
                    (missing_az, "lack their Azerbaijani text"),
                    (missing_ka, "lack their Georgian text"),
                    (outdated_az, "have an outdated Azerbaijani text"),
                    (outdated_ka, "have an outdated Georgian text"),
                ] {
                    if *n > 0 {
                        words.push(format!("{n} accepted activities {what}"));
                    }
                }
                format!("The plan cannot be agreed yet: {}.", words.join("; "))
            }
            Reason::TextNotOutdated => "This translation is up to date; there is nothing to confirm.".into(),
            Reason::NotYourField { owner } => format!(
                "Only {} edits this: the proposing party edits an activity's substance, each party its own side.",
                party(owner)
            ),
            Reason::AlreadyShared => "This activity is already shared.".into(),
            Reason::ActivityState { state } => format!("The activity is {state}; it does not allow this."),
            Reason::AlreadySigned => "Your party's signature is recorded already.".into(),
            Reason::YearNotOver { year } => {
                format!("The {year} plan can be closed only after 31 December {year}.")
            }
            Reason::ExecutionStep { from, to } => format!("From {from} the execution status cannot become {to}."),
            Reason::NotHost => "Only the host party reports the execution of an activity.".into(),
            Reason::NextPlanMissing { year } => format!("Create the {year} plan first."),
            Reason::AlreadyCarriedOver => "This activity was carried over already.".into(),
            Reason::NotHeld => "An after-action summary is written once the activity is held.".into(),
            Reason::AlreadyHeld => "A held activity is not carried over.".into(),
            Reason::NotReceiver => "Only the receiving party records that a note was received.".into(),
            Reason::OtherPartysAuthority => "Only a party's own coordinators change its competent authority.".into(),
            Reason::AlreadyNotified => {
                "This authority has been notified; a further change is a new entry and a new notification.".into()
            }
            Reason::AlreadyExists => {
                "Another request created the same thing at the same moment; reload and see.".into()
            }
            Reason::Other => "Refused.".into(),
        }
    }

    /// One reason of every kind, with sample parameters: what the web app's
    /// test walks to find a reason missing in a language. The `match` below
    /// does not compile until a new reason is added here too.
    pub fn examples() -> Vec<Reason> {
        let all = vec![
            Reason::RoleTooLow,
            Reason::RoleAboveOwn,
            Reason::CrossSiteRequest,
            Reason::UsernameTaken,
            Reason::LastAdministrator,
            Reason::SessionRequired,
            Reason::TokenHasNoPassword,
            Reason::PlanExists { year: 2027 },
            Reason::NoStepProposed,
            Reason::StepAlreadyProposed,
            Reason::OwnProposal,
            Reason::OthersProposal,
            Reason::PlanState { state: "signed".into() },
            Reason::PlanNotAgreeable {
                awaiting_az: 2,
                awaiting_ge: 1,
                changes_requested: 3,
                accepted: 0,
            },
            Reason::TranslationsIncomplete {
                missing_az: 1,
                missing_ka: 2,
                outdated_az: 0,
                outdated_ka: 3,
            },
            Reason::TextNotOutdated,
            Reason::NotYourField { owner: Party::Ge },
            Reason::AlreadyShared,
            Reason::ActivityState {
                state: "withdrawn".into(),
            },
            Reason::AlreadySigned,
            Reason::YearNotOver { year: 2027 },
            Reason::ExecutionStep {
                from: "held".into(),
                to: "planned".into(),
            },
            Reason::NotHost,
            Reason::NextPlanMissing { year: 2028 },
            Reason::AlreadyCarriedOver,
            Reason::NotHeld,
            Reason::AlreadyHeld,
            Reason::NotReceiver,
            Reason::OtherPartysAuthority,
            Reason::AlreadyNotified,
            Reason::AlreadyExists,
            Reason::Other,
        ];
        for reason in &all {
            // Exhaustive on purpose: a new reason fails to compile here.
            match reason {
                Reason::RoleTooLow
                | Reason::RoleAboveOwn
                | Reason::CrossSiteRequest
                | Reason::UsernameTaken
                | Reason::LastAdministrator
                | Reason::SessionRequired
                | Reason::TokenHasNoPassword
                | Reason::PlanExists { .. }
                | Reason::NoStepProposed
                | Reason::StepAlreadyProposed
                | Reason::OwnProposal
                | Reason::OthersProposal
                | Reason::PlanState { .. }
                | Reason::PlanNotAgreeable { .. }
                | Reason::TranslationsIncomplete { .. }
                | Reason::TextNotOutdated
                | Reason::NotYourField { .. }
                | Reason::AlreadyShared
                | Reason::ActivityState { .. }
                | Reason::AlreadySigned
                | Reason::YearNotOver { .. }
                | Reason::ExecutionStep { .. }
                | Reason::NotHost
                | Reason::NextPlanMissing { .. }
                | Reason::AlreadyCarriedOver
                | Reason::NotHeld
                | Reason::AlreadyHeld
                | Reason::NotReceiver
                | Reason::OtherPartysAuthority
                | Reason::AlreadyNotified
                | Reason::AlreadyExists
                | Reason::Other => {}
            }
        }
        all
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
            changes_requested: 1,
            accepted: 0,
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

    #[test]
    fn every_example_travels_and_each_kind_is_there_once() {
        let examples = Reason::examples();
        let mut codes: Vec<String> = examples.iter().map(Reason::code).collect();
        for reason in &examples {
            assert_eq!(
                Reason::from_wire(&reason.code(), &reason.params()).as_ref(),
                Some(reason)
            );
        }
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), examples.len());
    }
}
