//! Webhooks (issue 15, part 3): who manages them, which addresses they may
//! call, and what a party's webhook may carry.

use super::Refusal;
use super::roles::{self, Action, Actor, Scope};
use crate::domain::{ChangeKind, Party, Role};

/// The longest webhook URL accepted.
pub const MAX_URL_CHARS: usize = 2000;

/// May `actor` list, create, change or delete their party's webhooks and
/// read their deliveries? Administrators only.
pub fn may_manage(actor: Actor) -> Result<(), Refusal> {
    roles::decide(actor, Action::ManageWebhooks, Scope::Private(actor.party))
}

/// Whether a webhook of `party` may carry a change in `scope`: the live
/// stream's rule (`roles::see`), for the party as its least role sees it,
/// so a webhook never carries more than any of the party's users may read.
pub fn carries(party: Party, scope: Scope) -> bool {
    roles::see(
        Actor {
            party,
            role: Role::Viewer,
        },
        scope,
    )
    .is_ok()
}

/// The kind of change an audit entry is, for the live stream and the
/// webhooks' subscriptions: the entity's type, except that an activity's
/// text written or confirmed in one language (`activity.text`,
/// `activity.text_confirm`) is a change of its texts, not of the activity;
/// `None` for what is not followed (accounts, sessions, tokens, webhooks).
pub fn kind_of(entity_type: &str, action: &str) -> Option<ChangeKind> {
    let kind = ChangeKind::from_code(entity_type)?;
    let text = matches!(action, "activity.text" | "activity.text_confirm");
    Some(if kind == ChangeKind::Activity && text {
        ChangeKind::Text
    } else {
        kind
    })
}

/// Checks a webhook URL; `Err` carries the field error code. Only
/// `https://`, plus plain `http://` to the loopback (`127.0.0.1`,
/// `localhost`, `[::1]`, any port) for development: `insecure_url`
/// otherwise. User information (`user@host`) is refused, so that
/// `http://127.0.0.1@example.org/` does not pass for the loopback.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let url = url.trim();
    if url.is_empty() {
        return Err("required");
    }
    if url.chars().count() > MAX_URL_CHARS {
        return Err("too_long");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("invalid");
    }
    let lower = url.to_ascii_lowercase();
    let (secure, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (false, rest)
    } else if lower.contains("://") {
        return Err("insecure_url");
    } else {
        return Err("invalid");
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') {
        return Err("invalid");
    }
    if secure {
        return Ok(());
    }
    let host = if authority.starts_with('[') {
        match authority.find(']') {
            Some(end) => &authority[..=end],
            None => return Err("invalid"),
        }
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    match host {
        "127.0.0.1" | "localhost" | "[::1]" => Ok(()),
        _ => Err("insecure_url"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_change_is_its_own_kind() {
        assert_eq!(kind_of("activity", "activity.text"), Some(ChangeKind::Text));
        assert_eq!(kind_of("activity", "activity.text_confirm"), Some(ChangeKind::Text));
        assert_eq!(kind_of("activity", "activity.update"), Some(ChangeKind::Activity));
        assert_eq!(kind_of("session", "session.create"), None);
    }

    #[test]
    fn https_anywhere_plain_http_only_to_the_loopback() {
        for good in [
            "https://example.org/hook",
            "HTTPS://example.org:8443/a?b=c",
            "http://127.0.0.1:8080/hook",
            "http://localhost/hook",
            "http://[::1]:9000/",
        ] {
            assert_eq!(check_url(good), Ok(()), "{good}");
        }
        for (bad, code) in [
            ("http://example.org/hook", "insecure_url"),
            ("http://127.0.0.1@example.org/", "invalid"),
            ("http://127.0.0.2/", "insecure_url"),
            ("http://localhost.example.org/", "insecure_url"),
            ("ftp://example.org/", "insecure_url"),
            ("example.org", "invalid"),
            ("https:///nohost", "invalid"),
            ("", "required"),
            ("https://exa mple.org", "invalid"),
        ] {
            assert_eq!(check_url(bad), Err(code), "{bad}");
        }
        assert_eq!(
            check_url(&format!("https://e.org/{}", "a".repeat(MAX_URL_CHARS))),
            Err("too_long")
        );
    }

    #[test]
    fn a_webhook_carries_joint_changes_and_its_own_party_s_only() {
        assert!(carries(Party::Ge, Scope::Joint));
        assert!(carries(Party::Ge, Scope::Private(Party::Ge)));
        assert!(!carries(Party::Ge, Scope::Private(Party::Az)));
    }

    #[test]
    fn only_administrators_manage_webhooks() {
        for role in [Role::Viewer, Role::Planner, Role::Coordinator] {
            assert!(may_manage(Actor { party: Party::Az, role }).is_err(), "{role:?}");
        }
        assert!(
            may_manage(Actor {
                party: Party::Az,
                role: Role::Administrator
            })
            .is_ok()
        );
    }
}
