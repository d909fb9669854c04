//! Calendar feeds: created, listed and revoked by their user; read without a
//! session; parsed with the `icalendar` crate's parser and checked event by
//! event, dates, statuses and visibility (never the other party's drafts).

use chrono::NaiveDate;
use concord_client::Client;
use concord_shared::api::{NewCalendarFeed, UserPatch};
use concord_shared::{Party, Role};
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime, Event, EventLike, EventStatus};

use crate::helpers::{TestApp, YEAR, board, draft, shared, spawn_app};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR, m, d).expect("a day")
}

/// The feed's events, parsed as a calendar program would.
async fn events(app: &TestApp, path: &str) -> Vec<Event> {
    let text = app.anonymous().calendar_feed(path, "en").await.expect("the feed");
    assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
    let calendar: Calendar = text.parse().expect("RFC 5545");
    calendar
        .components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn titled<'a>(events: &'a [Event], title: &str) -> Option<&'a Event> {
    events
        .iter()
        .find(|e| e.get_summary().is_some_and(|s| s.ends_with(title)))
}

fn date(d: Option<DatePerhapsTime>) -> NaiveDate {
    match d {
        Some(DatePerhapsTime::Date(d)) => d,
        other => panic!("an all-day date, not {other:?}"),
    }
}

async fn feed_of(client: &Client) -> String {
    let created = client
        .create_calendar_feed(&NewCalendarFeed {
            name: "Work calendar".into(),
        })
        .await
        .expect("feed created");
    assert!(created.path.starts_with("/api/v1/feeds/") && created.path.ends_with(".ics"));
    created.path
}

#[tokio::test]
async fn a_feed_shows_what_its_user_may_see_as_all_day_and_tentative_events() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut dated = draft("Joint staff exercise");
    dated.month = None;
    dated.start_date = Some(day(3, 9));
    dated.end_date = Some(day(3, 13));
    dated.location = "Tbilisi".into();
    let created = b.az_planner.create_activity(YEAR, &dated).await.expect("dated");
    let exercise = b
        .az_planner
        .share_activity(created.value.id, created.version)
        .await
        .expect("shared")
        .value;
    shared(&b.ge_planner, "Mountain training in Sachkhere").await;
    b.ge_planner
        .create_activity(YEAR, &draft("GE private draft X9"))
        .await
        .expect("GE draft");
    b.az_planner
        .create_activity(YEAR, &draft("AZ own draft D1"))
        .await
        .expect("AZ draft");

    let path = feed_of(&b.az_planner).await;
    let seen = events(&app, &path).await;
    assert_eq!(seen.len(), 3, "two shared activities and the AZ draft");
    assert!(
        titled(&seen, "GE private draft X9").is_none(),
        "never the other party's drafts"
    );
    assert!(
        titled(&seen, "AZ own draft D1").is_some(),
        "the user's own party's drafts"
    );

    let e = titled(&seen, "Joint staff exercise").expect("the dated activity");
    assert_eq!(date(e.get_start()), day(3, 9));
    assert_eq!(date(e.get_end()), day(3, 14), "DTEND is the day after the last");
    assert_eq!(e.get_status(), Some(EventStatus::Confirmed));
    assert_eq!(e.get_uid(), Some(format!("activity-{}@concord", exercise.id).as_str()));
    assert_eq!(
        e.property_value("SEQUENCE"),
        Some(exercise.version.to_string().as_str())
    );
    assert_eq!(e.get_location(), Some("Tbilisi"));
    let text = e.get_description().expect("a description");
    for part in [
        "Reference:",
        "Joint staff exercise",
        "Place: Tbilisi",
        "Host party:",
        "Consent: awaiting consent",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }

    let m = titled(&seen, "Mountain training in Sachkhere").expect("the tentative month");
    assert_eq!(date(m.get_start()), day(5, 1));
    assert_eq!(date(m.get_end()), day(6, 1), "the whole of May");
    assert_eq!(m.get_status(), Some(EventStatus::Tentative));

    // The same UID, a higher SEQUENCE once the activity changes.
    b.az_planner
        .withdraw_activity(exercise.id, exercise.version)
        .await
        .expect("withdrawn");
    let again = events(&app, &path).await;
    let e = titled(&again, "Joint staff exercise").expect("still there");
    assert_eq!(e.get_uid(), Some(format!("activity-{}@concord", exercise.id).as_str()));
    assert_eq!(
        e.property_value("SEQUENCE"),
        Some((exercise.version + 1).to_string().as_str())
    );
    assert_eq!(e.get_status(), Some(EventStatus::Cancelled));

    // The GE planner's own feed shows the GE draft, not the AZ one.
    let ge = events(&app, &feed_of(&b.ge_planner).await).await;
    assert!(titled(&ge, "GE private draft X9").is_some());
    assert!(titled(&ge, "AZ own draft D1").is_none());
}

#[tokio::test]
async fn a_feed_stops_when_revoked_or_its_user_disabled_and_only_its_user_manages_it() {
    let app = spawn_app().await;
    let b = board(&app).await;
    shared(&b.az_planner, "Staff talks").await;
    let path = feed_of(&b.az_planner).await;
    assert_eq!(events(&app, &path).await.len(), 1);
    let listed = b.az_planner.calendar_feeds().await.expect("listed");
    assert_eq!(listed.len(), 1);
    assert!(b.ge_planner.calendar_feeds().await.expect("none").is_empty());
    assert_eq!(
        b.ge_planner
            .revoke_calendar_feed(&listed[0].id)
            .await
            .expect_err("not theirs")
            .status,
        404
    );
    let wrong = path.replace(".ics", "x.ics");
    assert_eq!(
        app.anonymous()
            .calendar_feed(&wrong, "en")
            .await
            .expect_err("unknown")
            .status,
        404
    );
    assert_eq!(
        app.anonymous()
            .calendar_feed(&path, "ru")
            .await
            .expect_err("lang")
            .status,
        422
    );

    b.az_planner.revoke_calendar_feed(&listed[0].id).await.expect("revoked");
    assert_eq!(
        app.anonymous()
            .calendar_feed(&path, "en")
            .await
            .expect_err("revoked")
            .status,
        404
    );
    assert!(
        b.az_planner.calendar_feeds().await.expect("listed")[0]
            .revoked_at
            .is_some()
    );

    // A disabled user's feed stops at once.
    let second = feed_of(&b.az_planner).await;
    assert_eq!(events(&app, &second).await.len(), 1);
    let planner = app.user(Party::Az, Role::Planner).await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    admin
        .update_user(
            planner.id,
            planner.version,
            &UserPatch {
                disabled: Some(true),
                ..UserPatch::default()
            },
        )
        .await
        .expect("disabled");
    assert_eq!(
        app.anonymous()
            .calendar_feed(&second, "en")
            .await
            .expect_err("disabled")
            .status,
        404
    );
}
