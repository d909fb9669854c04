//! Bulk decisions (issue 17): one action on several activities, explicitly
//! partial: each activity its own versioned write, audited on its own.

use concord_shared::api::{BULK_LIMIT, BulkItem, BulkRequest};
use concord_shared::plan::{ConsentState, PartyConsent};
use concord_shared::{BulkAction, Party, Role};

use crate::helpers::{YEAR, board, draft, shared, spawn_app};

fn request(action: BulkAction, comment: &str, items: Vec<BulkItem>) -> BulkRequest {
    BulkRequest {
        action,
        comment: comment.to_owned(),
        items,
    }
}

async fn current(client: &concord_client::Client, id: i64) -> BulkItem {
    let a = client.activity(id).await.expect("activity");
    BulkItem { id, version: a.version }
}

#[tokio::test]
async fn a_bulk_accept_with_one_stale_version_is_partial_and_leaves_the_stale_one_untouched() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut ids = Vec::new();
    for title in ["Staff talks", "Logistics seminar", "Demining course"] {
        ids.push(shared(&b.az_planner, title).await);
    }
    let mut items = Vec::new();
    for id in &ids {
        items.push(current(&b.ge_coord, *id).await);
    }
    let stale = ids[1];
    items[1].version -= 1;
    let before = b.ge_coord.activity(stale).await.expect("a");

    let result = b
        .ge_coord
        .bulk_decide(YEAR, &request(BulkAction::Accept, "", items))
        .await
        .expect("answered");
    assert_eq!((result.done, result.refused), (2, 1));
    let codes: Vec<_> = result
        .outcomes
        .iter()
        .map(|o| (o.id, o.done, o.status, o.code.clone()))
        .collect();
    assert_eq!(
        codes,
        vec![
            (ids[0], true, None, None),
            (stale, false, Some(412), Some("stale_version".to_owned())),
            (ids[2], true, None, None),
        ]
    );
    for id in [ids[0], ids[2]] {
        let a = b.ge_coord.activity(id).await.expect("a");
        assert_eq!(
            (a.value.consent_ge, a.value.consent),
            (PartyConsent::Accepted, ConsentState::AcceptedByGe)
        );
        let outcome = result.outcomes.iter().find(|o| o.id == id).expect("outcome");
        assert_eq!(outcome.version, Some(a.version));
    }
    assert_eq!(
        b.ge_coord.activity(stale).await.expect("a"),
        before,
        "the stale one is untouched"
    );

    // One audit entry per activity decided, none for the refused one.
    let ge_admin = app.login_as(Party::Ge, Role::Administrator).await;
    let log = ge_admin.audit(0, 200).await.expect("audit");
    let consents: Vec<_> = log
        .items
        .iter()
        .filter(|e| e.action == "activity.consent")
        .filter_map(|e| e.entity_id.clone())
        .collect();
    assert_eq!(consents.len(), 2, "{consents:?}");
    for id in [ids[0], ids[2]] {
        assert!(consents.contains(&id.to_string()));
    }
    assert!(!consents.contains(&stale.to_string()));
    // Decided items leave the queue; the stale one still awaits.
    let queue = b.ge_coord.inbox().await.expect("inbox");
    let left: Vec<_> = queue
        .plans
        .iter()
        .flat_map(|p| p.items.iter())
        .filter(|i| i.kind == concord_shared::InboxKind::AwaitingConsent)
        .map(|i| i.entity_id)
        .collect();
    assert_eq!(left, vec![stale]);
}

#[tokio::test]
async fn a_planner_cannot_bulk_accept_and_a_viewer_cannot_bulk_share() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Staff talks").await;
    let item = current(&b.az_planner, id).await;
    for action in [BulkAction::Accept, BulkAction::Reject, BulkAction::RequestChanges] {
        let refused = b
            .ge_planner
            .bulk_decide(YEAR, &request(action, "Not this year.", vec![item]))
            .await
            .expect_err("planners do not consent");
        assert_eq!((refused.status, refused.code.as_str()), (403, "role_too_low"));
    }
    let viewer = app.login_as(Party::Az, Role::Viewer).await;
    let refused = viewer
        .bulk_decide(YEAR, &request(BulkAction::Share, "", vec![item]))
        .await
        .expect_err("viewers do not share");
    assert_eq!(refused.status, 403);
    let a = b.az_planner.activity(id).await.expect("a");
    assert_eq!((a.version, a.value.consent), (item.version, ConsentState::Pending));
}

#[tokio::test]
async fn planners_share_and_withdraw_their_own_and_the_other_partys_drafts_stay_hidden() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut items = Vec::new();
    for title in ["First draft", "Second draft"] {
        let d = b.az_planner.create_activity(YEAR, &draft(title)).await.expect("draft");
        items.push(BulkItem {
            id: d.value.id,
            version: d.version,
        });
    }
    let ge = b
        .ge_planner
        .create_activity(YEAR, &draft("GE draft"))
        .await
        .expect("draft");
    items.push(BulkItem {
        id: ge.value.id,
        version: ge.version,
    });
    let shared = b
        .az_planner
        .bulk_decide(YEAR, &request(BulkAction::Share, "", items.clone()))
        .await
        .expect("answered");
    assert_eq!((shared.done, shared.refused), (2, 1));
    let hidden = &shared.outcomes[2];
    assert_eq!((hidden.status, hidden.code.as_deref()), (Some(404), Some("not_found")));
    let ge_now = b.ge_planner.activity(ge.value.id).await.expect("ge");
    assert_eq!(
        (ge_now.version, ge_now.value.consent),
        (ge.version, ConsentState::Draft)
    );

    let mut again = Vec::new();
    for item in &items[..2] {
        let a = b.az_planner.activity(item.id).await.expect("a");
        assert_eq!(a.value.consent, ConsentState::Pending);
        again.push(current(&b.az_planner, item.id).await);
    }
    // Georgia's planners may see Azerbaijan's shared activities but not withdraw them.
    let refused = b
        .ge_planner
        .bulk_decide(YEAR, &request(BulkAction::Withdraw, "", again.clone()))
        .await
        .expect("answered");
    assert_eq!(refused.done, 0);
    assert!(refused.outcomes.iter().all(|o| o.status == Some(403)), "{refused:?}");
    let words = refused.outcomes[0].problem().expect("refused");
    assert_eq!(
        words.reason(),
        Some(concord_shared::rules::Reason::NotYourField { owner: Party::Az }),
        "the refusal carries its parameters, so the web app words it: {words:?}"
    );
    let withdrawn = b
        .az_planner
        .bulk_decide(YEAR, &request(BulkAction::Withdraw, "", again))
        .await
        .expect("answered");
    assert_eq!(withdrawn.done, 2);
}

#[tokio::test]
async fn the_list_is_limited_unique_and_of_the_plan_and_rejecting_needs_a_comment() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Staff talks").await;
    let item = current(&b.ge_coord, id).await;
    let too_many: Vec<_> = (0..=BULK_LIMIT as i64)
        .map(|i| BulkItem { id: i, version: 1 })
        .collect();
    for (req, field, code) in [
        (request(BulkAction::Accept, "", too_many), "items", "length"),
        (request(BulkAction::Accept, "", vec![]), "items", "length"),
        (
            request(BulkAction::Accept, "", vec![item, item]),
            "items[1]",
            "duplicate",
        ),
        (request(BulkAction::Reject, " ", vec![item]), "comment", "required"),
    ] {
        let refused = b.ge_coord.bulk_decide(YEAR, &req).await.expect_err("invalid");
        assert_eq!(refused.status, 422);
        assert_eq!(
            refused
                .errors
                .iter()
                .map(|e| (e.field.as_str(), e.code.as_str()))
                .collect::<Vec<_>>(),
            vec![(field, code)]
        );
    }
    let missing = b
        .ge_coord
        .bulk_decide(2099, &request(BulkAction::Accept, "", vec![item]))
        .await
        .expect_err("no such plan");
    assert_eq!(missing.status, 404);
    // An activity of another plan is answered like one that does not exist.
    b.az_coord.create_plan(YEAR + 1).await.expect("plan");
    let other = b
        .ge_coord
        .bulk_decide(YEAR + 1, &request(BulkAction::Accept, "", vec![item]))
        .await
        .expect("answered");
    assert_eq!(other.outcomes[0].code.as_deref(), Some("not_found"));
    assert_eq!(b.ge_coord.activity(id).await.expect("a").version, item.version);
    // With a comment, a rejection goes through and the comment is kept.
    let rejected = b
        .ge_coord
        .bulk_decide(YEAR, &request(BulkAction::Reject, "Not this year.", vec![item]))
        .await
        .expect("answered");
    assert_eq!(rejected.done, 1);
    let comments = b.ge_coord.comments(id).await.expect("comments");
    assert!(comments.iter().any(|c| c.body == "Not this year."));
}

/// A version is one the server gave (1 or more); anything else, even far
/// out of range, is 422 naming the item's version; an id beyond i64 is
/// refused too, never rounded into range (both found by the contract).
#[tokio::test]
async fn a_version_below_one_is_422_naming_the_item() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Bulk version").await;
    for version in [0, -1, i64::MIN] {
        let item = BulkItem { id, version };
        let refused = b
            .ge_coord
            .bulk_decide(YEAR, &request(BulkAction::Accept, "", vec![item]))
            .await
            .expect_err("invalid");
        assert_eq!(refused.status, 422, "{version}");
        let field = refused.field("items[0].version").expect("the item's version");
        assert_eq!(field.code, "out_of_range");
    }
}

#[tokio::test]
async fn an_id_beyond_i64_is_refused_not_rounded_into_range() {
    let app = spawn_app().await;
    board(&app).await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    let new = concord_shared::api::NewToken {
        name: "Integration".into(),
        role: Role::Planner,
        expires_at: None,
    };
    let token = admin.create_token(&new).await.expect("token").token;
    let body = r#"{"action": "share", "items": [{"id": -9223372036854775809, "version": 1}]}"#;
    let answer = app
        .http
        .post(format!("{}/api/v1/plans/{YEAR}/activities/bulk", app.address))
        .header("content-type", "application/json")
        .bearer_auth(token)
        .body(body)
        .send()
        .await
        .expect("answer");
    assert_eq!(answer.status(), 422);
    let problem: serde_json::Value = answer.json().await.expect("problem");
    assert_eq!(problem["errors"][0]["field"], "items[0].id", "{problem}");
}
