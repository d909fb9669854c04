//! Wire types of the alerts (issue 15): what a person is told about, and how
//! they want to hear of it. "Alerts", not "notifications": those are the
//! agreement's diplomatic notifications (`/api/v1/notifications`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{AlertDelivery, AlertKind, Party};
use crate::i18n::Lang;

/// One alert of the signed-in user: what changed and who acted, never the
/// content of the thing (the link shows it to whoever may see it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Alert {
    /// Id.
    pub id: i64,
    /// Why the user is told.
    pub kind: AlertKind,
    /// The audit action behind it, e.g. `activity.share`.
    pub action: String,
    /// The kind of thing changed: `activity` or `plan`.
    pub entity_type: String,
    /// Its id (an activity's id, a plan's year).
    pub entity_id: Option<String>,
    /// Who acted (display name or token name).
    pub actor: String,
    /// The acting party.
    pub party: Option<Party>,
    /// When the change happened.
    pub created_at: DateTime<Utc>,
    /// Whether the user has read it.
    pub read: bool,
    /// The web app's path of what changed, e.g. `/activities/123`.
    pub link: String,
}

/// `GET /api/v1/alerts/unread`: how many alerts the user has not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnreadAlerts {
    /// The count.
    pub unread: u64,
}

/// How one kind of alert reaches the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct KindDelivery {
    /// The kind.
    pub kind: AlertKind,
    /// How.
    pub delivery: AlertDelivery,
}

/// `GET`/`PUT /api/v1/me/alert-preferences`: the user's e-mail address and
/// language for alerts, and a delivery for every kind (`PUT` replaces all;
/// a kind left out is `app`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AlertPreferences {
    /// Where e-mail goes; none: no e-mail at all.
    pub email: Option<String>,
    /// The language of the e-mail; none: English.
    pub language: Option<Lang>,
    /// A delivery for each kind.
    pub kinds: Vec<KindDelivery>,
}
