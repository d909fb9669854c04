//! An activity's history from the audit log: real changes with their
//! fields, scoped like the activity itself, never the other party's drafts
//! or internal notes.

use concord_shared::api::{ActivityPatch, ConsentDecision, ConsentRequest, HistoryEntry, SideInput};
use concord_shared::{Party, Role};

use crate::helpers::spawn_app;
use crate::helpers::{YEAR, board, draft};

fn actions(entries: &[HistoryEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.action.as_str()).collect()
}

fn change<'a>(entry: &'a HistoryEntry, field: &str) -> &'a concord_shared::api::HistoryChange {
    entry
        .changes
        .iter()
        .find(|c| c.field == field)
        .unwrap_or_else(|| panic!("{} changes {field}: {:?}", entry.action, entry.changes))
}

#[tokio::test]
async fn the_history_shows_each_change_with_its_fields_and_nothing_private_of_the_other_party() {
    let app = spawn_app().await;
    let b = board(&app).await;

    // Azerbaijan drafts, renames the draft and notes something, all private.
    let created = b
        .az_planner
        .create_activity(YEAR, &draft("Range visit draft"))
        .await
        .expect("drafted");
    let id = created.value.id;
    let rename = ActivityPatch {
        title: Some("Cyber range visit".into()),
        ..Default::default()
    };
    let renamed = b
        .az_planner
        .update_activity(id, created.version, &rename)
        .await
        .expect("renamed");
    b.az_planner
        .add_note(id, "Draft secret: budget unclear")
        .await
        .expect("note on the draft");
    let ge_viewer = app.login_as(Party::Ge, Role::Viewer).await;
    assert_eq!(ge_viewer.history(id, 0, 50).await.expect_err("draft").status, 404);

    // Shared, then changed by both parties, decided and discussed.
    let shared = b.az_planner.share_activity(id, renamed.version).await.expect("shared");
    b.az_planner
        .add_note(id, "Our minister prefers October")
        .await
        .expect("note");
    let moved = ActivityPatch {
        location: Some("Ganja".into()),
        ..Default::default()
    };
    let moved = b
        .az_planner
        .update_activity(id, shared.version, &moved)
        .await
        .expect("moved");
    let own_side = ActivityPatch {
        own_side: Some(SideInput {
            participants: Some(4),
            responsible_unit: "Cyber Command".into(),
            point_of_contact: "Maj. Beridze".into(),
        }),
        ..Default::default()
    };
    let sided = b
        .ge_planner
        .update_activity(id, moved.version, &own_side)
        .await
        .expect("own side");
    let accept = ConsentRequest {
        decision: ConsentDecision::Accept,
        comment: String::new(),
    };
    b.ge_coord.consent(id, sided.version, &accept).await.expect("accepted");
    b.ge_planner
        .add_comment(id, "Could Tbilisi host next time?")
        .await
        .expect("comment");

    // Georgia's viewer: the joint history only, newest first.
    let ge = ge_viewer.history(id, 0, 50).await.expect("GE history");
    assert_eq!(
        actions(&ge.items),
        [
            "activity.comment",
            "activity.consent",
            "activity.update",
            "activity.update",
            "activity.share"
        ]
    );
    assert_eq!(ge.total, 5);
    assert!(ge.items.windows(2).all(|w| w[0].id > w[1].id), "newest first");
    let location = change(&ge.items[3], "location");
    assert_eq!(location.before, "Baku");
    assert_eq!(location.after, "Ganja");
    assert_eq!(ge.items[3].party, Some(Party::Az));
    assert_eq!(ge.items[3].actor, "AZ planner");
    let unit = change(&ge.items[2], "ge.responsible_unit");
    assert_eq!(unit.before, "");
    assert_eq!(unit.after, "Cyber Command");
    assert_eq!(change(&ge.items[2], "ge.participants").after, 4);
    assert_eq!(ge.items[2].party, Some(Party::Ge));
    assert_eq!(change(&ge.items[1], "consent_ge").after, "accepted");
    assert!(ge.items[4].changes.iter().any(|c| c.field == "reference"));
    assert!(
        ge.items.iter().all(|e| e
            .changes
            .iter()
            .all(|c| c.field != "version" && c.field != "updated_at")),
        "no noise fields"
    );
    let text = serde_json::to_string(&ge).expect("json");
    for secret in [
        "Range visit draft",
        "prefers October",
        "Draft secret",
        "activity.note",
        "activity.create",
    ] {
        assert!(!text.contains(secret), "GE history leaks {secret}: {text}");
    }

    // Azerbaijan's viewer also sees its own party's private entries.
    let az_viewer = app.login_as(Party::Az, Role::Viewer).await;
    let az = az_viewer.history(id, 0, 50).await.expect("AZ history");
    assert_eq!(
        actions(&az.items),
        [
            "activity.comment",
            "activity.consent",
            "activity.update",
            "activity.update",
            "activity.note",
            "activity.share",
            "activity.note",
            "activity.update",
            "activity.create"
        ]
    );
    let title = change(&az.items[7], "title");
    assert_eq!(title.before, "Range visit draft");
    assert_eq!(title.after, "Cyber range visit");
    assert!(az.items[8].changes.is_empty(), "the creation lists no changes");
    assert!(az.items[4].changes.is_empty(), "a note shows no text");

    // Paged.
    let page = az_viewer.history(id, 2, 3).await.expect("page");
    assert_eq!((page.total, page.offset, page.limit), (9, 2, 3));
    assert_eq!(
        actions(&page.items),
        ["activity.update", "activity.update", "activity.note"]
    );

    // Unknown activities are 404 too.
    assert_eq!(ge_viewer.history(12345, 0, 50).await.expect_err("unknown").status, 404);
}

#[tokio::test]
async fn georgias_internal_note_and_draft_never_appear_in_azerbaijans_history() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut ge_draft = draft("Georgian draft");
    ge_draft.host_party = Party::Ge;
    let created = b.ge_planner.create_activity(YEAR, &ge_draft).await.expect("drafted");
    let id = created.value.id;
    assert_eq!(b.az_coord.history(id, 0, 50).await.expect_err("draft").status, 404);
    b.ge_planner.share_activity(id, created.version).await.expect("shared");
    b.ge_planner
        .add_note(id, "Tbilisi internal remark")
        .await
        .expect("note");
    let az = b.az_coord.history(id, 0, 50).await.expect("history");
    assert_eq!(actions(&az.items), ["activity.share"]);
    let text = serde_json::to_string(&az).expect("json");
    assert!(!text.contains("Tbilisi internal remark"));
    let ge = b.ge_coord.history(id, 0, 50).await.expect("history");
    assert_eq!(
        actions(&ge.items),
        ["activity.note", "activity.share", "activity.create"]
    );
}
