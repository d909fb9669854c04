//! Wire types of calendar feeds: a user's secret iCalendar URLs.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `POST /api/v1/calendar-feeds`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCalendarFeed {
    /// What it is for, e.g. the calendar program (1–120 characters).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub name: String,
}

/// One of the caller's calendar feeds (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarFeed {
    /// Public id.
    pub id: String,
    /// What it is for.
    pub name: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last read by a calendar program.
    pub last_used_at: Option<DateTime<Utc>>,
    /// Revoked: the URL answers 404 from then on.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// The answer to `POST /api/v1/calendar-feeds`: the URL, shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedCalendarFeed {
    /// The feed's path, `/api/v1/feeds/<secret>.ics`, to subscribe to. Not retrievable later.
    pub path: String,
    /// The feed's record.
    pub info: CalendarFeed,
}
