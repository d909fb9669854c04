//! Wire type of the live stream of changes (`GET /api/v1/events`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{ChangeKind, Party};

/// One change, as the live stream sends it: what changed and who acted, never
/// the content. The receiver reloads what it shows; a change it may not see
/// never reaches it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    /// Sequence number, the stream's event id: send it back as `Last-Event-ID`
    /// to resume after it.
    pub id: i64,
    /// When it was committed.
    pub at: DateTime<Utc>,
    /// What happened, e.g. `activity.share`, `activity.consent`, `plan.transition`.
    pub action: String,
    /// The kind of thing changed, e.g. `activity`, `plan`, `instrument`.
    pub entity_type: String,
    /// The kind of change, as webhooks subscribe to it: the entity's type,
    /// but `activity_text` for an activity's text written or confirmed in
    /// one language (`entity_type` stays `activity`).
    pub kind: ChangeKind,
    /// Its id.
    pub entity_id: Option<String>,
    /// Its version after the change, where it has one.
    pub version: Option<i64>,
    /// The plan year the change belongs to, where it belongs to one.
    pub year: Option<i32>,
    /// Who acted (display name or token name).
    pub actor: String,
    /// The acting party.
    pub party: Option<Party>,
}
