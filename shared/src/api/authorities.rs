//! Wire types of the competent authorities' history and the diplomatic
//! notifications between the parties.

use crate::domain::Party;
use crate::i18n::Labels;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A party's competent authority over time, or a pending change of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Authority {
    /// Id.
    pub id: i64,
    /// The party.
    pub party: Party,
    /// Its name in every language.
    pub name: Labels,
    /// First day in force (for a pending change: the date proposed).
    pub valid_from: NaiveDate,
    /// First day no longer in force.
    pub valid_to: Option<NaiveDate>,
    /// A change not yet notified: visible only to its party, in force never before its notification is recorded.
    pub pending: bool,
    /// The notification that announced it.
    pub notification: Option<i64>,
    /// Version (ETag).
    pub version: i64,
}

/// `POST /api/v1/authorities`, `PUT /api/v1/authorities/{id}`: a pending change
/// of the caller's party's competent authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AuthorityChange {
    /// The new authority's name in English, Azerbaijani and Georgian.
    pub name: Labels,
    /// The date it should take effect (the notification's date decides).
    pub valid_from: NaiveDate,
}

/// A diplomatic notification between the parties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    /// Id.
    pub id: i64,
    /// The sending party.
    pub sending_party: Party,
    /// The note's number.
    pub note_number: String,
    /// What it notifies.
    pub subject: String,
    /// Date sent.
    pub sent_on: NaiveDate,
    /// Date received by the other party.
    pub received_on: Option<NaiveDate>,
    /// Date of the receiving party's acknowledgement.
    pub acknowledged_on: Option<NaiveDate>,
    /// The acknowledgement (e.g. its note number).
    pub acknowledgement: Option<String>,
    /// The change of competent authority it announces.
    pub authority: Option<i64>,
    /// The date the announced change takes effect.
    pub effective_on: Option<NaiveDate>,
    /// Who recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
    /// Version (ETag).
    pub version: i64,
}

/// `POST /api/v1/notifications`: records a notification sent by the caller's party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewNotification {
    /// The note's number (1–100 characters).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub note_number: String,
    /// What it notifies (1–1000 characters).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub subject: String,
    /// Date sent (not in the future).
    pub sent_on: NaiveDate,
    /// Date received, if known.
    #[serde(default)]
    pub received_on: Option<NaiveDate>,
    /// Date acknowledged, if known.
    #[serde(default)]
    pub acknowledged_on: Option<NaiveDate>,
    /// The acknowledgement (at most 1000 characters).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub acknowledgement: Option<String>,
    /// A pending change of the caller's party's competent authority that this notification announces.
    #[serde(default)]
    pub authority: Option<i64>,
    /// When that change takes effect (required with `authority`); never before today, the day it is recorded.
    #[serde(default)]
    pub effective_on: Option<NaiveDate>,
}

/// `PUT /api/v1/notifications/{id}/receipt`: receipt and acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NotificationReceipt {
    /// Date received.
    #[serde(default)]
    pub received_on: Option<NaiveDate>,
    /// Date acknowledged.
    #[serde(default)]
    pub acknowledged_on: Option<NaiveDate>,
    /// The acknowledgement (at most 1000 characters).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub acknowledgement: Option<String>,
}
