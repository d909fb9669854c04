//! Who is alerted to what (issue 15): one function over an audit entry and a
//! possible recipient. The backend derives every alert with it; nobody is
//! ever alerted to something they may not see (the entry's scope is checked
//! first with [`roles::see`]), nor to their own action.

use super::roles::{self, Actor, Scope};
use super::texts::{TextStates, language_of};
use super::{Reason, Refusal};
use crate::domain::{AlertDelivery, AlertKind, Party, Role};
use crate::i18n::Lang;
use crate::plan::PartyConsent;

/// An activity's side of an entry: what the alert rules read from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActivityFacts {
    /// The proposing party.
    pub proposer: Party,
    /// The hosting party.
    pub host: Party,
    /// Each party's consent before the change (AZ, GE), when there was a before.
    pub consent_before: Option<(PartyConsent, PartyConsent)>,
    /// Each party's consent after the change (AZ, GE).
    pub consent_after: (PartyConsent, PartyConsent),
    /// The language of the original text.
    pub original: Lang,
    /// Whether the change rewrote the original's title or description.
    pub text_changed: bool,
    /// Its texts in the parties' languages as they stand when the alert is derived.
    pub texts: TextStates,
}

/// One change, as the audit log recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Happening<'a> {
    /// The audit action, e.g. `activity.share`.
    pub action: &'a str,
    /// Who may read the entry.
    pub scope: Scope,
    /// The acting user, if a user acted.
    pub by_user: Option<i32>,
    /// The acting party.
    pub by_party: Option<Party>,
    /// The activity concerned, for `activity.*` entries.
    pub activity: Option<ActivityFacts>,
    /// The user names mentioned (`@name`) in a comment or note, lowercase.
    pub mentions: Vec<String>,
}

/// Someone who might be alerted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recipient<'a> {
    /// Their party and role.
    pub actor: Actor,
    /// Their user id.
    pub user_id: i32,
    /// Their user name.
    pub username: &'a str,
}

fn consent_of(pair: (PartyConsent, PartyConsent), party: Party) -> PartyConsent {
    match party {
        Party::Az => pair.0,
        Party::Ge => pair.1,
    }
}

/// What, if anything, `to` is alerted to by `what`.
///
/// - awaiting my party's consent (an activity of the other party was shared,
///   or changed so that my party's consent is pending again) → coordinators;
/// - changes requested by the other party on my party's activity → planners;
/// - a plan step proposed by the other party → coordinators;
/// - a signature recorded → coordinators of both parties;
/// - an execution change of an activity my party hosts → planners;
/// - `@username` in a comment, or in an internal note of one's own party;
/// - an activity of the other party shared without my party's language, or
///   whose original it rewrote so that my party's translation is outdated →
///   planners (who write it; a coordinator alerted to the same change
///   awaiting consent finds the translation in the work queue).
pub fn alert_for(what: &Happening<'_>, to: &Recipient<'_>) -> Option<AlertKind> {
    roles::see(to.actor, what.scope).ok()?;
    if what.by_user.is_some() && what.by_user == Some(to.user_id) {
        return None;
    }
    let me = to.actor.party;
    let from_other = what.by_party.is_some_and(|p| p != me);
    let at_least = |role: Role| roles::at_least(to.actor, role).is_ok();
    let activity = what.activity;
    match what.action {
        "activity.share" | "activity.update" => {
            let a = activity?;
            let pending_now = consent_of(a.consent_after, me) == PartyConsent::Pending;
            let was_pending = a
                .consent_before
                .is_some_and(|b| consent_of(b, me) == PartyConsent::Pending);
            let newly = what.action == "activity.share" || !was_pending;
            if a.proposer != me && pending_now && newly && at_least(Role::Coordinator) {
                return Some(AlertKind::AwaitingConsent);
            }
            (a.proposer != me && translation_wanted(what.action, &a, me) && at_least(Role::Planner))
                .then_some(AlertKind::Translation)
        }
        "activity.consent" => {
            let a = activity?;
            let other = me.other();
            let requested = consent_of(a.consent_after, other) == PartyConsent::ChangesRequested
                && a.consent_before
                    .is_none_or(|b| consent_of(b, other) != PartyConsent::ChangesRequested);
            (from_other && a.proposer == me && requested && at_least(Role::Planner))
                .then_some(AlertKind::ChangesRequested)
        }
        "plan.propose" => (from_other && at_least(Role::Coordinator)).then_some(AlertKind::StepProposed),
        "plan.sign" | "plan.signed" => at_least(Role::Coordinator).then_some(AlertKind::Signature),
        "activity.execution" => {
            let a = activity?;
            (a.host == me && at_least(Role::Planner)).then_some(AlertKind::Execution)
        }
        "activity.comment" | "activity.note" => what
            .mentions
            .iter()
            .any(|m| m == to.username)
            .then_some(AlertKind::Mention),
        _ => None,
    }
}

/// Whether `action` on the other party's activity `a` leaves `me` a
/// translation to write (shared without my language) or to confirm (the
/// original rewritten while my translation existed).
fn translation_wanted(action: &str, a: &ActivityFacts, me: Party) -> bool {
    let lang = language_of(me);
    if a.original == lang {
        return false;
    }
    match action {
        "activity.share" => a.texts.lacks(lang),
        _ => a.text_changed && a.texts.of(lang) == Some(true),
    }
}

/// The user names mentioned in a text: `@` followed by a–z, 0–9, `.`, `_`,
/// `-` (the characters of a user name), lowercased, a trailing full stop
/// left out (the end of a sentence).
pub fn mentions(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('@') {
        // An `@` inside a word (an e-mail address) is no mention.
        let inside_word = rest[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric());
        rest = &rest[at + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
            .collect();
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        if !inside_word && name.len() >= 3 && !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

/// Alerts are a person's: a signed-in user has them, an API token has none
/// (it acts for a system, which follows the live stream instead).
pub fn may_have_alerts(signed_in: bool) -> Result<(), Refusal> {
    if signed_in {
        Ok(())
    } else {
        Err(Refusal::Forbidden(Reason::SessionRequired))
    }
}

/// How a kind is delivered when the user chose nothing: in the app only.
pub fn default_delivery(_kind: AlertKind) -> AlertDelivery {
    AlertDelivery::App
}

/// The web app's path of what an entry changed: where an alert, in the app
/// or in an e-mail, leads.
pub fn link(entity_type: &str, entity_id: Option<&str>) -> String {
    match (entity_type, entity_id) {
        ("activity", Some(id)) => format!("/activities/{id}"),
        ("plan", Some(year)) => format!("/plans/{year}"),
        ("notification", Some(_)) => "/authorities".to_owned(),
        _ => "/".to_owned(),
    }
}

/// The texts panel of the activity `id` (where a translation is written
/// or confirmed).
pub fn texts_link(id: &str) -> String {
    format!("{}#texts", link("activity", Some(id)))
}

/// Where an alert of `kind` leads: what it changed ([`link`]), and for a
/// translation to write or confirm, that activity's texts panel.
pub fn alert_link(kind: AlertKind, entity_type: &str, entity_id: Option<&str>) -> String {
    match (kind, entity_type, entity_id) {
        (AlertKind::Translation, "activity", Some(id)) => texts_link(id),
        _ => link(entity_type, entity_id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartyConsent::{ChangesRequested, Pending};

    fn user(party: Party, role: Role, id: i32) -> Recipient<'static> {
        Recipient {
            actor: Actor { party, role },
            user_id: id,
            username: "someone",
        }
    }

    fn activity(
        proposer: Party,
        before: Option<(PartyConsent, PartyConsent)>,
        after: (PartyConsent, PartyConsent),
    ) -> Option<ActivityFacts> {
        Some(ActivityFacts {
            proposer,
            host: proposer,
            consent_before: before,
            consent_after: after,
            original: Lang::En,
            text_changed: false,
            texts: TextStates {
                az: Some(false),
                ka: Some(false),
            },
        })
    }

    fn happening(action: &'static str, scope: Scope, by: Party, a: Option<ActivityFacts>) -> Happening<'static> {
        Happening {
            action,
            scope,
            by_user: Some(1),
            by_party: Some(by),
            activity: a,
            mentions: Vec::new(),
        }
    }

    #[test]
    fn a_shared_activity_awaits_the_other_coordinators_only() {
        let h = happening(
            "activity.share",
            Scope::Joint,
            Party::Az,
            activity(Party::Az, None, (Pending, Pending)),
        );
        assert_eq!(
            alert_for(&h, &user(Party::Ge, Role::Coordinator, 2)),
            Some(AlertKind::AwaitingConsent)
        );
        assert_eq!(
            alert_for(&h, &user(Party::Ge, Role::Administrator, 2)),
            Some(AlertKind::AwaitingConsent)
        );
        assert_eq!(alert_for(&h, &user(Party::Ge, Role::Planner, 2)), None);
        assert_eq!(alert_for(&h, &user(Party::Az, Role::Coordinator, 3)), None);
    }

    #[test]
    fn nothing_of_the_other_partys_private_scope_ever_alerts() {
        let mut h = happening(
            "activity.note",
            Scope::Private(Party::Az),
            Party::Az,
            activity(Party::Az, None, (Pending, Pending)),
        );
        h.mentions = vec!["someone".into()];
        for role in Role::ALL {
            assert_eq!(alert_for(&h, &user(Party::Ge, *role, 2)), None);
        }
        assert_eq!(
            alert_for(&h, &user(Party::Az, Role::Viewer, 2)),
            Some(AlertKind::Mention)
        );
        let draft = happening(
            "activity.update",
            Scope::Private(Party::Az),
            Party::Az,
            activity(Party::Az, None, (Pending, Pending)),
        );
        assert_eq!(alert_for(&draft, &user(Party::Ge, Role::Administrator, 2)), None);
    }

    #[test]
    fn the_other_partys_planners_learn_of_a_translation_to_write_or_confirm() {
        let mut shared = activity(Party::Az, None, (Pending, Pending)).expect("facts");
        shared.original = Lang::Az;
        shared.texts = TextStates {
            az: Some(false),
            ka: None,
        };
        let h = happening("activity.share", Scope::Joint, Party::Az, Some(shared));
        let translation = Some(AlertKind::Translation);
        assert_eq!(alert_for(&h, &user(Party::Ge, Role::Planner, 2)), translation);
        assert_eq!(
            alert_for(&h, &user(Party::Ge, Role::Coordinator, 2)),
            Some(AlertKind::AwaitingConsent),
            "one alert per change: the consent"
        );
        assert_eq!(alert_for(&h, &user(Party::Ge, Role::Viewer, 2)), None);
        assert_eq!(alert_for(&h, &user(Party::Az, Role::Planner, 3)), None);
        let mut written = shared;
        written.texts.ka = Some(false);
        let h = happening("activity.share", Scope::Joint, Party::Az, Some(written));
        assert_eq!(
            alert_for(&h, &user(Party::Ge, Role::Planner, 2)),
            None,
            "shared with Georgian"
        );
        let mut rewritten = written;
        rewritten.consent_before = Some((Pending, Pending));
        rewritten.text_changed = true;
        rewritten.texts.ka = Some(true);
        let h = happening("activity.update", Scope::Joint, Party::Az, Some(rewritten));
        assert_eq!(alert_for(&h, &user(Party::Ge, Role::Planner, 2)), translation);
        let mut other_field = rewritten;
        other_field.text_changed = false;
        let h = happening("activity.update", Scope::Joint, Party::Az, Some(other_field));
        assert_eq!(alert_for(&h, &user(Party::Ge, Role::Planner, 2)), None);
        let draft = happening("activity.update", Scope::Private(Party::Az), Party::Az, Some(rewritten));
        for role in Role::ALL {
            assert_eq!(
                alert_for(&draft, &user(Party::Ge, *role, 2)),
                None,
                "a draft is AZ's alone"
            );
        }
    }

    #[test]
    fn changes_requested_go_to_the_proposing_partys_planners() {
        let h = happening(
            "activity.consent",
            Scope::Joint,
            Party::Ge,
            activity(Party::Az, Some((Pending, Pending)), (Pending, ChangesRequested)),
        );
        assert_eq!(
            alert_for(&h, &user(Party::Az, Role::Planner, 2)),
            Some(AlertKind::ChangesRequested)
        );
        assert_eq!(alert_for(&h, &user(Party::Az, Role::Viewer, 2)), None);
        assert_eq!(alert_for(&h, &user(Party::Ge, Role::Planner, 2)), None);
    }

    #[test]
    fn no_one_is_alerted_to_their_own_action() {
        let h = happening("plan.sign", Scope::Joint, Party::Az, None);
        assert_eq!(alert_for(&h, &user(Party::Az, Role::Coordinator, 1)), None);
        assert_eq!(
            alert_for(&h, &user(Party::Az, Role::Coordinator, 2)),
            Some(AlertKind::Signature)
        );
        let step = happening("plan.propose", Scope::Joint, Party::Az, None);
        assert_eq!(alert_for(&step, &user(Party::Az, Role::Coordinator, 2)), None);
        assert_eq!(
            alert_for(&step, &user(Party::Ge, Role::Coordinator, 2)),
            Some(AlertKind::StepProposed)
        );
    }

    #[test]
    fn mentions_are_user_names_not_e_mail_addresses() {
        assert_eq!(
            mentions("see @GE.planner. and a@b.org, @ab, @az.coordinator"),
            vec!["ge.planner", "az.coordinator"]
        );
    }

    #[test]
    fn a_translation_alert_leads_to_the_texts_panel() {
        assert_eq!(
            alert_link(AlertKind::Translation, "activity", Some("7")),
            "/activities/7#texts"
        );
        assert_eq!(
            alert_link(AlertKind::AwaitingConsent, "activity", Some("7")),
            "/activities/7"
        );
        assert_eq!(alert_link(AlertKind::Translation, "plan", Some("2027")), "/plans/2027");
    }
}
