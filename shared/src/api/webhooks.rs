//! Wire types of webhooks (issue 15, part 3): an administrator's endpoints
//! for their own party, the deliveries made to them and the body a delivery
//! carries.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{ChangeKind, DeliveryStatus, Party};

/// `POST /api/v1/webhooks`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewWebhook {
    /// Where deliveries go: `https://`, or `http://` to `127.0.0.1`,
    /// `localhost` or `[::1]` for development (at most 2000 characters).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000))]
    pub url: String,
    /// The kinds of change to deliver (at least one).
    pub events: Vec<ChangeKind>,
    /// Whether deliveries start at once (default true).
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// `PATCH /api/v1/webhooks/{id}` (with `If-Match`): what changes; a field left out stays.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WebhookPatch {
    /// A new URL (same rules as on creation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A new list of kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<ChangeKind>>,
    /// Turned on or off; while off nothing is queued for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

/// A webhook of the caller's party (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Webhook {
    /// Id.
    pub id: i64,
    /// The party whose changes it receives (what that party may see, nothing else).
    pub party: Party,
    /// Where deliveries go.
    pub url: String,
    /// The kinds of change delivered.
    pub events: Vec<ChangeKind>,
    /// Whether changes are delivered.
    pub enabled: bool,
    /// Who created it.
    pub created_by: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// The version, also the `ETag`.
    pub version: i64,
}

/// The answer to `POST /api/v1/webhooks`: the signing secret, shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedWebhook {
    /// The key of the `X-Concord-Signature` HMAC. Not retrievable later.
    pub secret: String,
    /// The webhook.
    pub webhook: Webhook,
}

/// One delivery of one change to one webhook, with its attempts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDelivery {
    /// Id, also the `X-Concord-Delivery` header.
    pub id: i64,
    /// The change delivered (its `event_id`).
    pub event_id: i64,
    /// What happened (`X-Concord-Event`), e.g. `activity.share`.
    pub event: String,
    /// Pending, delivered or failed (given up after 24 hours).
    pub status: DeliveryStatus,
    /// Attempts so far.
    pub attempts: i32,
    /// The HTTP status of the last answer; none when no answer came.
    pub last_status: Option<i32>,
    /// Why the last attempt failed (no answer, timeout, a redirect...).
    pub last_error: Option<String>,
    /// When the next attempt is due; none once delivered or given up.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When an endpoint answered 2xx.
    pub delivered_at: Option<DateTime<Utc>>,
    /// Queued.
    pub created_at: DateTime<Utc>,
}

/// The JSON body of every delivery: which change, never its content (the
/// link shows it to whoever may see it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookEvent {
    /// The change's id: the live stream's event id (the same change
    /// redelivered keeps it; deduplicate on it).
    pub event_id: i64,
    /// What happened, e.g. `activity.share`, `plan.propose`.
    pub event: String,
    /// The kind of thing changed.
    pub kind: ChangeKind,
    /// Its id.
    pub entity_id: Option<String>,
    /// Its version after the change, where it has one.
    pub version: Option<i64>,
    /// The plan year, where it belongs to one.
    pub year: Option<i32>,
    /// Who acted (display name or token name).
    pub actor: String,
    /// The acting party.
    pub party: Option<Party>,
    /// When it was committed.
    pub at: DateTime<Utc>,
    /// The web app's address of what changed.
    pub link: String,
}
