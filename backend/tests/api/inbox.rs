//! The work queue (issue 17): what awaits each party and role across every
//! plan, and that an item leaves the queue once decided.

use concord_client::Client;
use concord_shared::api::{
    ConsentDecision, ConsentRequest, Inbox, InboxItem, NotificationReceipt, TransitionAction, TransitionRequest,
};
use concord_shared::plan::PlanState;
use concord_shared::{InboxKind, Party, Role};

use crate::helpers::{YEAR, board, draft, shared, spawn_app};

fn items(inbox: &Inbox) -> Vec<&InboxItem> {
    inbox
        .plans
        .iter()
        .flat_map(|p| p.items.iter())
        .chain(inbox.notes.iter())
        .collect()
}

/// The (kind, title) pairs of a client's inbox, and a check that the
/// counts agree; translations to write (tests/api/translation_work.rs) left out.
pub async fn queue(client: &Client) -> Vec<(InboxKind, String)> {
    queue_with_translations(client)
        .await
        .into_iter()
        .filter(|(kind, _)| *kind != InboxKind::TranslationDue)
        .collect()
}

/// The (kind, title) pairs of a client's whole inbox, and a check that the counts agree.
pub async fn queue_with_translations(client: &Client) -> Vec<(InboxKind, String)> {
    let inbox = client.inbox().await.expect("inbox");
    let all = items(&inbox);
    let count = client.inbox_count().await.expect("count");
    assert_eq!(count, inbox.counts, "the header's count is the inbox's");
    assert_eq!(count.total, all.len() as u64);
    all.into_iter().map(|i| (i.kind, i.title.clone())).collect()
}

/// The first item of an inbox's first plan that awaits consent.
fn consent_item(inbox: &Inbox) -> &InboxItem {
    inbox.plans[0]
        .items
        .iter()
        .find(|i| i.kind == InboxKind::AwaitingConsent)
        .expect("an item awaiting consent")
}

async fn decide(client: &Client, id: i64, decision: ConsentDecision) {
    let a = client.activity(id).await.expect("activity");
    let request = ConsentRequest {
        decision,
        comment: "Please move it to June.".into(),
    };
    client.consent(id, a.version, &request).await.expect("decided");
}

#[tokio::test]
async fn each_party_and_role_sees_what_awaits_it_and_never_the_other_partys_drafts() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let az_viewer = app.login_as(Party::Az, Role::Viewer).await;
    b.az_planner
        .create_activity(YEAR, &draft("AZ private draft"))
        .await
        .expect("draft");
    b.ge_planner
        .create_activity(YEAR, &draft("GE private draft"))
        .await
        .expect("draft");
    let az = shared(&b.az_planner, "Staff talks in Baku").await;

    let awaiting = (InboxKind::AwaitingConsent, "Staff talks in Baku".to_owned());
    // Every party × role: consent awaits the coordinators (and administrators)
    // of both parties, nothing awaits planners or viewers yet.
    for party in Party::ALL {
        for role in Role::ALL {
            let client = app.login_as(*party, *role).await;
            let want = if *role >= Role::Coordinator {
                vec![awaiting.clone()]
            } else {
                Vec::new()
            };
            assert_eq!(queue(&client).await, want, "{party:?} {role:?}");
        }
    }
    assert_eq!(queue(&b.ge_coord).await, vec![awaiting.clone()]);
    assert_eq!(
        queue(&b.az_coord).await,
        vec![awaiting],
        "both parties consent, the proposer's too"
    );
    for client in [&b.az_planner, &b.ge_planner, &az_viewer] {
        assert!(queue(client).await.is_empty(), "nothing awaits planners or viewers yet");
    }
    let inbox = b.ge_coord.inbox().await.expect("inbox");
    let item = consent_item(&inbox);
    assert_eq!(
        (inbox.plans[0].year, item.year, item.amendment),
        (YEAR, Some(YEAR), Some(0))
    );
    assert_eq!(
        (item.entity_id, item.link.as_str()),
        (az, format!("/activities/{az}").as_str())
    );
    assert_eq!(item.version, b.ge_coord.activity(az).await.expect("a").version);

    // Georgia asks for changes: the item leaves Georgia's queue and reaches
    // Azerbaijan's planners.
    decide(&b.ge_coord, az, ConsentDecision::RequestChanges).await;
    assert!(queue(&b.ge_coord).await.is_empty());
    assert_eq!(
        queue(&b.az_planner).await,
        vec![(InboxKind::ChangesRequested, "Staff talks in Baku".to_owned())]
    );
    assert!(queue(&b.ge_planner).await.is_empty());

    // No queue ever shows a draft of the other party (nor of one's own).
    for client in [&b.az_coord, &b.az_planner, &b.ge_coord, &b.ge_planner, &az_viewer] {
        let text = serde_json::to_string(&client.inbox().await.expect("inbox")).expect("json");
        assert!(!text.contains("private draft"), "{text}");
    }
}

#[tokio::test]
async fn steps_and_notes_await_the_other_partys_coordinators_until_decided() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let plan = b.az_coord.plan(YEAR).await.expect("plan");
    let propose = TransitionRequest {
        action: TransitionAction::Propose,
        to: Some(PlanState::Negotiation),
        reason: None,
    };
    let plan = b
        .az_coord
        .transition(YEAR, plan.version, &propose)
        .await
        .expect("proposed");
    let note = b
        .az_coord
        .record_notification(&crate::authorities::note("AZ-17"))
        .await
        .expect("note");

    let inbox = b.ge_coord.inbox().await.expect("inbox");
    let kinds: Vec<_> = items(&inbox).iter().map(|i| i.kind).collect();
    assert_eq!(kinds, vec![InboxKind::StepProposed, InboxKind::NoteAwaitingReceipt]);
    assert_eq!(inbox.plans[0].items[0].proposed, Some(PlanState::Negotiation));
    assert_eq!(inbox.notes[0].reference.as_deref(), Some("AZ-17"));
    assert!(
        queue(&b.az_coord).await.is_empty(),
        "one's own proposal and note await the other party"
    );
    assert!(queue(&b.ge_planner).await.is_empty());

    let confirm = TransitionRequest {
        action: TransitionAction::Confirm,
        to: None,
        reason: None,
    };
    b.ge_coord
        .transition(YEAR, plan.version, &confirm)
        .await
        .expect("confirmed");
    let receipt = NotificationReceipt {
        received_on: Some(chrono::Utc::now().date_naive()),
        acknowledged_on: None,
        acknowledgement: None,
    };
    b.ge_coord
        .record_receipt(note.value.id, note.version, &receipt)
        .await
        .expect("received");
    assert!(queue(&b.ge_coord).await.is_empty(), "decided items leave the queue");
}

#[tokio::test]
async fn signatures_are_due_from_the_party_that_has_not_signed() {
    let app = spawn_app().await;
    let b = board(&app).await;
    crate::versions::agreed(&b).await;
    let due = |n| vec![(InboxKind::SignatureDue, String::new()); n];
    assert_eq!(queue(&b.az_coord).await, due(1));
    assert_eq!(queue(&b.ge_coord).await, due(1));
    crate::versions::sign(&b.az_coord, "Z. Hasanov").await.expect("signed");
    assert!(queue(&b.az_coord).await.is_empty());
    assert_eq!(queue(&b.ge_coord).await, due(1));
    assert!(queue(&b.ge_planner).await.is_empty());
}

#[tokio::test]
async fn carry_over_is_due_after_closing_for_the_proposers_planners_until_carried() {
    let app = spawn_app().await;
    let s = crate::execution::signed(&app, 2025).await;
    crate::execution::step(&s.az_coord, &s.ge_coord, 2025, PlanState::Closed)
        .await
        .expect("closed");
    let az = queue(&s.az_planner).await;
    assert_eq!(az.len(), 2, "AZ proposed two activities, neither held: {az:?}");
    assert!(az.iter().all(|(k, _)| *k == InboxKind::CarryOverDue));
    let ge = queue(&s.ge_planner).await;
    assert_eq!(ge, vec![(InboxKind::CarryOverDue, "Demining course".to_owned())]);
    assert!(
        queue(&s.az_coord)
            .await
            .iter()
            .all(|(k, _)| *k == InboxKind::CarryOverDue)
    );

    s.az_coord.create_plan(2026).await.expect("next plan");
    s.az_planner.carry_over(2025, vec![s.az_hosted]).await.expect("carried");
    let az = queue(&s.az_planner).await;
    assert_eq!(az, vec![(InboxKind::CarryOverDue, "Cartography visit".to_owned())]);
}

#[tokio::test]
async fn an_amendments_activities_await_like_the_original_plans_with_its_number() {
    let app = spawn_app().await;
    let s = crate::execution::signed(&app, YEAR).await;
    assert!(queue(&s.az_coord).await.is_empty(), "a signed plan awaits nothing");
    let plan = s.az_coord.plan(YEAR).await.expect("plan");
    s.az_coord.open_amendment(YEAR, plan.version).await.expect("amendment");
    let created = s
        .ge_planner
        .create_activity(YEAR, &draft("Added by the amendment"))
        .await
        .expect("draft");
    s.ge_planner
        .share_activity(created.value.id, created.version)
        .await
        .expect("shared");
    let inbox = s.az_coord.inbox().await.expect("inbox");
    assert_eq!((inbox.plans.len(), inbox.plans[0].amendment), (1, 1));
    let item = consent_item(&inbox);
    assert_eq!(
        (item.kind, item.amendment, item.title.as_str()),
        (InboxKind::AwaitingConsent, Some(1), "Added by the amendment")
    );
}
