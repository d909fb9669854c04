//! Competent authorities and diplomatic notifications: a change is its
//! party's private business until the notification announcing it is
//! recorded, and takes effect on the notification's date, never before.

use chrono::{Duration, NaiveDate, Utc};
use concord_shared::api::{AuthorityChange, NewNotification, NotificationReceipt};
use concord_shared::{Labels, Party, Role};

use crate::helpers::spawn_app;

/// A new name for Azerbaijan's competent authority.
pub fn change() -> AuthorityChange {
    AuthorityChange {
        name: Labels::new(
            "Ministry of Defence and Security of the Republic of Azerbaijan",
            "Azərbaycan Respublikasının Müdafiə və Təhlükəsizlik Nazirliyi",
            "აზერბაიჯანის რესპუბლიკის თავდაცვისა და უსაფრთხოების სამინისტრო",
        ),
        valid_from: Utc::now().date_naive(),
    }
}

/// A note sent today, announcing nothing in particular.
pub fn note(number: &str) -> NewNotification {
    NewNotification {
        note_number: number.to_owned(),
        subject: "Points of contact for the annual plan".to_owned(),
        sent_on: Utc::now().date_naive(),
        received_on: None,
        acknowledged_on: None,
        acknowledgement: None,
        authority: None,
        effective_on: None,
    }
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

#[tokio::test]
async fn a_pending_change_is_private_until_its_notification_is_recorded_and_never_takes_effect_earlier() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    let az_viewer = app.login_as(Party::Az, Role::Viewer).await;
    let ge = app.login_as(Party::Ge, Role::Coordinator).await;
    let ge_viewer = app.login_as(Party::Ge, Role::Viewer).await;

    let pending = az.propose_authority(&change()).await.expect("proposed");
    assert!(pending.value.pending);

    assert_eq!(az_viewer.authorities().await.expect("az").len(), 3);
    let seen_by_ge = ge_viewer.authorities().await.expect("ge");
    assert_eq!(seen_by_ge.len(), 2, "the seeded authorities only");
    assert!(seen_by_ge.iter().all(|a| !a.pending));
    assert_eq!(
        ge_viewer.authority(pending.value.id).await.expect_err("hidden").status,
        404
    );
    let reference = ge_viewer.reference().await.expect("reference");
    assert_eq!(
        reference.parties[0].competent_authority.en,
        "Ministry of Defence of the Republic of Azerbaijan"
    );
    // Georgia cannot make Azerbaijan's change take effect, nor learn it exists.
    let mut theirs = note("GE-1");
    theirs.authority = Some(pending.value.id);
    theirs.effective_on = Some(today());
    let err = ge.record_notification(&theirs).await.expect_err("not theirs");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "authority"));

    // The note names a date already past: the change takes effect today, when recorded.
    let mut announcing = note("AZ-2026/117");
    announcing.authority = Some(pending.value.id);
    announcing.effective_on = NaiveDate::from_ymd_opt(2024, 1, 1);
    let recorded = az.record_notification(&announcing).await.expect("recorded").value;
    assert_eq!(recorded.sending_party, Party::Az);

    let now_joint = ge_viewer.authority(pending.value.id).await.expect("visible now").value;
    assert!(!now_joint.pending);
    assert_eq!(
        now_joint.valid_from,
        today(),
        "never before the notification is recorded"
    );
    assert_eq!(now_joint.notification, Some(recorded.id));
    let history = ge_viewer.authorities().await.expect("history");
    let previous = history
        .iter()
        .find(|a| a.party == Party::Az && a.id != now_joint.id)
        .expect("the previous authority");
    assert_eq!(previous.valid_to, Some(today()));
    let reference = ge_viewer.reference().await.expect("reference");
    assert_eq!(reference.parties[0].competent_authority.en, change().name.en);
    assert_eq!(ge_viewer.notifications(0, 50).await.expect("log").items, vec![recorded]);

    let current = az.authority(now_joint.id).await.expect("current");
    let err = az
        .update_authority(now_joint.id, current.version, &change())
        .await
        .expect_err("notified");
    assert_eq!(err.status, 409);
}

#[tokio::test]
async fn a_change_notified_for_a_later_date_waits_for_it() {
    let app = spawn_app().await;
    let ge = app.login_as(Party::Ge, Role::Coordinator).await;
    let mut later = change();
    later.name = Labels::new("Ministry of Defence of Georgia (renamed)", "Gürcüstan MN", "სამინისტრო");
    let pending = ge.propose_authority(&later).await.expect("proposed").value;
    let mut announcing = note("GE-55");
    announcing.authority = Some(pending.id);
    announcing.effective_on = Some(today() + Duration::days(30));
    ge.record_notification(&announcing).await.expect("recorded");

    let entry = ge.authority(pending.id).await.expect("entry").value;
    assert_eq!(entry.valid_from, today() + Duration::days(30));
    let reference = app
        .login_as(Party::Az, Role::Viewer)
        .await
        .reference()
        .await
        .expect("reference");
    assert_eq!(
        reference.parties[1].competent_authority.en,
        "Ministry of Defence of Georgia"
    );
}

#[tokio::test]
async fn only_the_partys_coordinators_edit_or_drop_a_pending_change() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    let az_planner = app.login_as(Party::Az, Role::Planner).await;
    let ge = app.login_as(Party::Ge, Role::Coordinator).await;
    assert_eq!(
        az_planner
            .propose_authority(&change())
            .await
            .expect_err("planner")
            .status,
        403
    );
    let pending = az.propose_authority(&change()).await.expect("proposed");

    assert_eq!(
        ge.update_authority(pending.value.id, pending.version, &change())
            .await
            .expect_err("other party")
            .status,
        404
    );
    assert_eq!(
        az_planner
            .update_authority(pending.value.id, pending.version, &change())
            .await
            .expect_err("planner")
            .status,
        403
    );
    let mut renamed = change();
    renamed.name.en = "Ministry of Defence (AZ)".into();
    let updated = az
        .update_authority(pending.value.id, pending.version, &renamed)
        .await
        .expect("updated");
    assert_eq!(updated.version, 2);
    assert_eq!(
        az.delete_authority(pending.value.id, 1)
            .await
            .expect_err("stale")
            .status,
        412
    );
    az.delete_authority(pending.value.id, 2).await.expect("dropped");
    assert_eq!(az.authority(pending.value.id).await.expect_err("gone").status, 404);
    // The seeded authorities are known to both, changed by neither directly.
    let seeded = ge.authorities().await.expect("list")[0].clone();
    assert_eq!(
        ge.update_authority(seeded.id, seeded.version, &change())
            .await
            .expect_err("az's")
            .status,
        403
    );
}

#[tokio::test]
async fn notifications_need_a_coordinator_sound_dates_and_a_current_version_for_receipt() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    let ge = app.login_as(Party::Ge, Role::Coordinator).await;
    let planner = app.login_as(Party::Az, Role::Planner).await;
    assert_eq!(
        planner
            .record_notification(&note("1"))
            .await
            .expect_err("planner")
            .status,
        403
    );

    let mut bad = note("");
    bad.sent_on = today() + Duration::days(2);
    bad.effective_on = Some(today());
    let err = az.record_notification(&bad).await.expect_err("bad");
    let fields: Vec<_> = err.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(err.status, 422);
    for field in ["note_number", "sent_on", "authority"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }

    let sent = az.record_notification(&note("AZ-7")).await.expect("recorded");
    let receipt = NotificationReceipt {
        received_on: Some(today()),
        acknowledged_on: Some(today()),
        acknowledgement: Some("Note GE-12 acknowledging receipt".into()),
    };
    let received = ge
        .record_receipt(sent.value.id, sent.version, &receipt)
        .await
        .expect("receipt");
    assert_eq!(received.value.received_on, Some(today()));
    assert_eq!(received.version, 2);
    assert_eq!(
        ge.record_receipt(sent.value.id, sent.version, &receipt)
            .await
            .expect_err("stale")
            .status,
        412
    );
    let early = NotificationReceipt {
        received_on: NaiveDate::from_ymd_opt(2023, 5, 1),
        acknowledged_on: None,
        acknowledgement: None,
    };
    let err = ge
        .record_receipt(sent.value.id, received.version, &early)
        .await
        .expect_err("before sent");
    assert_eq!(err.errors[0].field, "received_on");
}

#[tokio::test]
async fn receipt_is_recorded_later_by_the_receiving_partys_coordinators_and_audited() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    let ge = app.login_as(Party::Ge, Role::Coordinator).await;
    let ge_planner = app.login_as(Party::Ge, Role::Planner).await;
    let sent = az.record_notification(&note("AZ-21")).await.expect("recorded");
    assert_eq!(sent.value.received_on, None);
    let receipt = NotificationReceipt {
        received_on: Some(today()),
        acknowledged_on: Some(today()),
        acknowledgement: Some("  Note GE-4 acknowledging receipt  ".into()),
    };
    // The sender does not say for the receiver that it received the note.
    let err = az
        .record_receipt(sent.value.id, sent.version, &receipt)
        .await
        .expect_err("sender");
    assert_eq!(err.status, 403);
    assert_eq!(
        ge_planner
            .record_receipt(sent.value.id, sent.version, &receipt)
            .await
            .expect_err("planner")
            .status,
        403
    );
    // A wrong date is named, and nothing changes.
    let future = NotificationReceipt {
        acknowledged_on: Some(today() + Duration::days(3)),
        ..receipt.clone()
    };
    let err = ge
        .record_receipt(sent.value.id, sent.version, &future)
        .await
        .expect_err("future");
    assert_eq!((err.status, err.errors[0].field.as_str()), (422, "acknowledged_on"));
    assert_eq!(
        az.notification(sent.value.id).await.expect("read").version,
        sent.version
    );

    let received = ge
        .record_receipt(sent.value.id, sent.version, &receipt)
        .await
        .expect("receipt");
    assert_eq!(received.version, sent.version + 1);
    assert_eq!(received.value.acknowledged_on, Some(today()));
    assert_eq!(
        received.value.acknowledgement.as_deref(),
        Some("Note GE-4 acknowledging receipt")
    );
    // Both parties read it; the change is in the joint audit log.
    let seen = az.notification(sent.value.id).await.expect("az reads");
    assert_eq!(seen.value, received.value);
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let log = admin.audit(0, 50).await.expect("audit");
    let entry = log
        .items
        .iter()
        .find(|e| e.action == "notification.receipt")
        .expect("audited");
    assert_eq!(entry.entity_id.as_deref(), Some(sent.value.id.to_string().as_str()));
}

#[tokio::test]
async fn the_notification_log_is_paged_newest_first_with_its_total() {
    let app = spawn_app().await;
    let az = app.login_as(Party::Az, Role::Coordinator).await;
    for n in 1..=5 {
        let mut new = note(&format!("AZ-{n}"));
        new.sent_on = today() - Duration::days(10 - n);
        az.record_notification(&new).await.expect("recorded");
    }
    let viewer = app.login_as(Party::Ge, Role::Viewer).await;
    let first = viewer.notifications(0, 2).await.expect("first page");
    assert_eq!((first.total, first.offset, first.limit), (5, 0, 2));
    assert_eq!(
        first.items.iter().map(|n| n.note_number.as_str()).collect::<Vec<_>>(),
        ["AZ-5", "AZ-4"]
    );
    let last = viewer.notifications(4, 2).await.expect("last page");
    assert_eq!(
        last.items.iter().map(|n| n.note_number.as_str()).collect::<Vec<_>>(),
        ["AZ-1"]
    );
    let too_many = viewer.notifications(0, 1000).await.expect_err("above the limit");
    assert_eq!(
        (too_many.status, too_many.field("limit").map(|f| f.code.as_str())),
        (422, Some("out_of_range"))
    );
}
