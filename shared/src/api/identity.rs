//! Wire types of identity: login, the current user, users, sessions, API
//! tokens and the audit log.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{Party, Role};
use crate::i18n::Lang;

/// `POST /api/v1/auth/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The user's name (case does not matter).
    pub username: String,
    /// The password.
    pub password: String,
}

/// How the caller authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuthKind {
    /// A browser session (cookie).
    Session,
    /// An API token (`Authorization: Bearer`).
    Token,
}

/// `GET /api/v1/me`: who the caller is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// The caller's party.
    pub party: Party,
    /// The caller's role.
    pub role: Role,
    /// A person's display name, or the token's name.
    pub display_name: String,
    /// The signed-in user; absent for an API token.
    pub user: Option<UserView>,
    /// Session or token.
    pub auth: AuthKind,
    /// When the session ends at the latest (absent for tokens without expiry).
    pub expires_at: Option<DateTime<Utc>>,
    /// The user's stored language of the interface: absent until chosen, and
    /// for an API token (which has no person). The web app sets it from the
    /// browser's language at the first sign-in.
    #[serde(default)]
    pub language: Option<Lang>,
}

/// `PUT /api/v1/me/language`: the user's language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LanguageChoice {
    /// `en`, `az` or `ka`.
    pub language: Lang,
}

/// A user as administrators and the user see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserView {
    /// Id.
    pub id: i64,
    /// Unique user name (lowercase).
    pub username: String,
    /// Name shown to people.
    pub display_name: String,
    /// Position (rank and post).
    pub position: String,
    /// Party.
    pub party: Party,
    /// Role.
    pub role: Role,
    /// Whether the user may no longer sign in.
    pub disabled: bool,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
    /// The version, also sent as the `ETag`; updates send it in `If-Match`.
    pub version: i64,
}

/// `POST /api/v1/users`: a new user of the administrator's party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    /// Unique user name: 3–64 of a–z, 0–9, `.`, `_`, `-`.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[a-z0-9._-]{3,64}$"))]
    pub username: String,
    /// Name shown to people (1–120 characters).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub display_name: String,
    /// Position (0–120 characters).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub position: String,
    /// Role, no higher than the administrator's own.
    pub role: Role,
    /// Initial password (12–256 characters).
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 256))]
    pub password: String,
}

/// `PATCH /api/v1/users/{id}`: the fields to change; absent ones stay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    /// New display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// New position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// New role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Disable (true) or enable (false). Disabling ends the user's sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
}

/// `POST /api/v1/users/{id}/password`: an administrator sets a new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordReset {
    /// The new password (12–256 characters).
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 256))]
    pub new_password: String,
}

/// `POST /api/v1/me/password`: a user changes their own password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    /// The current password.
    pub current_password: String,
    /// The new password (12–256 characters).
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 256))]
    pub new_password: String,
}

/// One of the user's sign-in sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionView {
    /// Public id (not the secret).
    pub id: String,
    /// Signed in.
    pub created_at: DateTime<Utc>,
    /// Last request.
    pub last_seen_at: DateTime<Utc>,
    /// Ends at the latest (absolute lifetime).
    pub expires_at: DateTime<Utc>,
    /// Browser, as it named itself.
    pub user_agent: Option<String>,
    /// Client address.
    pub ip: Option<String>,
    /// Whether this is the session making the request.
    pub current: bool,
}

/// An API token (never its secret after creation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenView {
    /// Public id.
    pub id: String,
    /// What it is for.
    pub name: String,
    /// Party it acts for.
    pub party: Party,
    /// Role it acts with.
    pub role: Role,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Who created it (display name).
    pub created_by: String,
    /// Stops working at.
    pub expires_at: Option<DateTime<Utc>>,
    /// Last used.
    pub last_used_at: Option<DateTime<Utc>>,
    /// Revoked at.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// `POST /api/v1/tokens`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// What it is for (1–120 characters).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub name: String,
    /// Role, no higher than the administrator's own.
    pub role: Role,
    /// Optional expiry (in the future).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<DateTime<Utc>>,
}

/// The answer to `POST /api/v1/tokens`: the secret, shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedToken {
    /// The secret to send as `Authorization: Bearer <token>`. Not retrievable later.
    pub token: String,
    /// The token's record.
    pub info: TokenView,
}

/// One entry of the append-only audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Sequence number.
    pub id: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who (display name, or the attempted user name for a failed login).
    pub actor: String,
    /// The actor's party, when known.
    pub party: Option<Party>,
    /// What happened, e.g. `user.create`, `auth.login_failed`.
    pub action: String,
    /// The kind of thing changed, e.g. `user`, `session`, `token`.
    pub entity_type: String,
    /// Its id.
    pub entity_id: Option<String>,
    /// The state before (JSON), when something changed.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub before: Option<serde_json::Value>,
    /// The state after (JSON).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub after: Option<serde_json::Value>,
    /// The request that wrote it: the `X-Request-Id` its answer carried and
    /// its log lines show. None for commands and older entries.
    #[serde(default)]
    pub request_id: Option<String>,
}
