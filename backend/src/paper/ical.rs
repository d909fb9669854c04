//! The activities as an iCalendar feed (RFC 5545, the `icalendar` crate):
//! dated activities as all-day events (DTEND the day after the last, as the
//! RFC wants it exclusive), tentative months as TENTATIVE events over the
//! whole month; reference, title, place, host party, consent state (and the
//! execution status of a signed plan) in the description; UIDs from the
//! activity's id, SEQUENCE its version (and its translations'); cancelled, rejected or withdrawn
//! activities as STATUS:CANCELLED, so calendars drop them.

use chrono::{Days, NaiveDate};
use concord_shared::Lang;
use concord_shared::api::{Activity, ExecutionStatus};
use concord_shared::paper::lists::consent_label;
use concord_shared::paper::{Text, status_label};
use concord_shared::plan::{ConsentState, PlanState};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

/// The days an activity takes: first day and the day after the last, and
/// whether only the month is known. `None` when it has no date at all.
fn span(a: &Activity) -> Option<(NaiveDate, NaiveDate, bool)> {
    match (a.start_date, a.end_date, a.month) {
        (Some(start), end, _) => {
            let last = end.unwrap_or(start).max(start);
            Some((start, last.checked_add_days(Days::new(1))?, false))
        }
        (None, _, Some(month)) => {
            let first = NaiveDate::from_ymd_opt(a.year, month, 1)?;
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(a.year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(a.year, month + 1, 1)?
            };
            Some((first, next, true))
        }
        (None, _, None) => None,
    }
}

/// Whether the activity will not take place.
fn called_off(a: &Activity) -> bool {
    a.execution == ExecutionStatus::Cancelled || matches!(a.consent, ConsentState::Rejected | ConsentState::Withdrawn)
}

fn description(a: &Activity, state: PlanState, lang: Lang) -> String {
    let line = |t: Text, v: &str| format!("{}: {v}", t.get(lang));
    let mut lines = vec![
        line(Text::ColReference, a.reference.as_deref().unwrap_or("—")),
        line(Text::ColActivity, a.text_in(lang).title),
        line(Text::ColPlace, &a.location),
        line(Text::ColHost, a.host_party.label(lang)),
        line(Text::ColConsent, consent_label(a.consent, lang)),
    ];
    if matches!(state, PlanState::Signed | PlanState::Closed) {
        lines.push(line(Text::ColStatus, status_label(a.execution, lang)));
    }
    lines.join("\n")
}

/// The event's SEQUENCE: the activity's version, plus its translations'
/// versions (a party's translation moves no activity version, yet changes
/// the title a calendar in that language shows). Only grows.
fn sequence(a: &Activity) -> i64 {
    let translations: i64 = a
        .texts
        .iter()
        .filter(|t| t.lang != a.text_lang)
        .map(|t| t.version)
        .sum();
    a.version.max(0) + translations
}

/// One event per activity with a date or a tentative month.
fn event(a: &Activity, state: PlanState, lang: Lang) -> Option<Event> {
    let (start, end, tentative) = span(a)?;
    let status = if called_off(a) {
        EventStatus::Cancelled
    } else if tentative {
        EventStatus::Tentative
    } else {
        EventStatus::Confirmed
    };
    // The title in the feed's language, else the fallback marked with its language.
    let text = a.text_in(lang);
    let title = if text.fallback {
        format!("[{}] {}", text.lang.code(), text.title)
    } else {
        text.title.to_owned()
    };
    let summary = match &a.reference {
        Some(r) => format!("{r} {title}"),
        None => title,
    };
    Some(
        Event::new()
            .uid(&format!("activity-{}@concord", a.id))
            .add_property("SEQUENCE", sequence(a).to_string())
            .timestamp(a.updated_at)
            .summary(&summary)
            .description(&description(a, state, lang))
            .location(&a.location)
            .starts(start)
            .ends(end)
            .status(status)
            .done(),
    )
}

/// The calendar of the plans given, each with its state and the activities
/// its reader may see.
pub fn calendar(plans: &[(PlanState, Vec<Activity>)], lang: Lang) -> String {
    let mut calendar = Calendar::new();
    calendar.name("Concord");
    for (state, activities) in plans {
        for a in activities {
            if let Some(event) = event(a, *state, lang) {
                calendar.push(event);
            }
        }
    }
    calendar.done().to_string()
}
