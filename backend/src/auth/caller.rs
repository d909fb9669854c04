//! The authenticated caller as every handler and model function sees it.
//! Plain data, apart from the extractor in the parent module that builds it,
//! so the caches and the live stream can hold callers without depending on
//! the application's state.

use chrono::{DateTime, Utc};
use concord_shared::rules::{self, Action, Actor, Scope};
use concord_shared::{Party, Role};

use crate::audit;
use crate::error::AppError;

/// The authenticated caller: a user (through a session) or an API token.
#[derive(Debug, Clone)]
pub struct AuthUser {
    /// The caller's party.
    pub party: Party,
    /// The caller's role.
    pub role: Role,
    /// Display name of the user, or the token's name.
    pub display_name: String,
    /// The user (sessions only).
    pub user_id: Option<i32>,
    /// The token (tokens only).
    pub token_id: Option<i32>,
    /// The session row (sessions only).
    pub session_id: Option<i32>,
    /// When the session or token ends at the latest.
    pub expires_at: Option<DateTime<Utc>>,
}

impl AuthUser {
    /// The policy's view of the caller.
    pub fn actor(&self) -> Actor {
        Actor {
            party: self.party,
            role: self.role,
        }
    }

    /// The audit log's view of the caller.
    pub fn audit_actor(&self) -> audit::Actor {
        audit::Actor {
            user_id: self.user_id,
            token_id: self.token_id,
            label: self.display_name.clone(),
            party: Some(self.party),
        }
    }

    /// Enforces the shared policy: 404 outside the caller's scope, 403 for a role too low.
    pub fn require(&self, action: Action, scope: Scope) -> Result<(), AppError> {
        Ok(rules::roles::decide(self.actor(), action, scope)?)
    }
}
