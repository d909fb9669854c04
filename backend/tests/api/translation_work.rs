//! Translations as work (issue 14, part 0): a party's missing or outdated
//! text of a shared activity awaits that party's writers in the work queue
//! and alerts its planners, the queue shows titles in the reader's
//! language, and a text change is its own kind on the live stream, never
//! the other party's draft.

use concord_client::{Client, EventStream, NEW_TEXT};
use concord_shared::api::{ActivityPatch, Inbox, InboxItem, NewWebhook, TextInput};
use concord_shared::{AlertKind, ChangeKind, InboxKind, Lang, Party, Role};

use crate::alerts::settled;
use crate::helpers::{YEAR, board, draft, spawn_app, spawn_app_with};
use crate::inbox::queue_with_translations;
use crate::webhooks::Receiver;

const AZ_TITLE: &str = "Qərargah danışıqları Bakıda";
const KA_TITLE: &str = "საშტაბო მოლაპარაკებები ბაქოში";

fn text(title: &str) -> TextInput {
    TextInput {
        title: title.to_owned(),
        description: String::new(),
    }
}

/// An activity drafted by AZ with its original in Azerbaijani; shared when `share`.
async fn azerbaijani(az: &Client, share: bool) -> i64 {
    let created = az.create_activity(YEAR, &draft(AZ_TITLE)).await.expect("drafted");
    assert_eq!(created.value.text_lang, Lang::Az);
    if share {
        az.share_activity(created.value.id, created.version)
            .await
            .expect("shared");
    }
    created.value.id
}

/// The translations awaiting a client: (activity id, link).
async fn translations(client: &Client) -> Vec<(i64, String)> {
    let inbox = client.inbox().await.expect("inbox");
    // Counted in the header like every kind.
    let counted = inbox
        .counts
        .kinds
        .iter()
        .find(|k| k.kind == InboxKind::TranslationDue)
        .map_or(0, |k| k.count);
    let items: Vec<_> = activity_items(&inbox)
        .filter(|i| i.kind == InboxKind::TranslationDue)
        .map(|i| (i.entity_id, i.link.clone()))
        .collect();
    assert_eq!(counted, items.len() as u64);
    assert_eq!(client.inbox_count().await.expect("count"), inbox.counts);
    items
}

fn activity_items(inbox: &Inbox) -> impl Iterator<Item = &InboxItem> {
    inbox.plans.iter().flat_map(|p| p.items.iter())
}

/// The Georgian text's version.
async fn georgian_version(client: &Client, id: i64) -> i64 {
    let a = client.activity(id).await.expect("activity").value;
    a.text_exactly(Lang::Ka).expect("a Georgian text").version
}

/// AZ rewrites its original title (a substantive change).
async fn rewrite_original(az: &Client, id: i64, title: &str) {
    let a = az.activity(id).await.expect("activity").value;
    let version = a.text_exactly(Lang::Az).expect("the original").version;
    az.put_activity_text(id, Lang::Az, version, &text(title))
        .await
        .expect("rewritten");
}

#[tokio::test]
async fn a_missing_or_outdated_translation_awaits_its_partys_writers_until_written_or_confirmed() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let ge_viewer = app.login_as(Party::Ge, Role::Viewer).await;
    let draft_id = azerbaijani(&b.az_planner, false).await;
    assert!(translations(&b.ge_planner).await.is_empty(), "a draft is AZ's alone");
    let id = azerbaijani(&b.az_planner, true).await;

    let due = vec![(id, format!("/activities/{id}#texts"))];
    assert_eq!(translations(&b.ge_planner).await, due, "to the texts panel");
    assert_eq!(translations(&b.ge_coord).await, due, "coordinators write it too");
    assert!(queue_with_translations(&ge_viewer).await.is_empty());
    for client in [&b.az_planner, &b.az_coord] {
        assert!(translations(client).await.is_empty(), "AZ wrote the original");
    }
    assert!(
        !serde_json::to_string(&b.ge_planner.inbox().await.expect("inbox"))
            .expect("json")
            .contains(&format!("/activities/{draft_id}"))
    );

    b.ge_planner
        .put_activity_text(id, Lang::Ka, NEW_TEXT, &text(KA_TITLE))
        .await
        .expect("translated");
    assert!(translations(&b.ge_planner).await.is_empty(), "written");
    assert!(translations(&b.ge_coord).await.is_empty());

    // AZ rewrites its original: the Georgian text is outdated, awaited again.
    rewrite_original(&b.az_planner, id, "Qərargah danışıqları Gəncədə").await;
    assert_eq!(translations(&b.ge_planner).await, due);
    let version = georgian_version(&b.ge_planner, id).await;
    b.ge_planner
        .confirm_activity_text(id, Lang::Ka, version)
        .await
        .expect("confirmed");
    assert!(translations(&b.ge_planner).await.is_empty(), "confirmed");

    // An activity AZ proposes in English awaits AZ's Azerbaijani text too.
    let english = crate::helpers::shared(&b.az_planner, "Staff talks").await;
    assert_eq!(
        translations(&b.az_planner).await,
        vec![(english, format!("/activities/{english}#texts"))]
    );
}

#[tokio::test]
async fn the_queue_shows_titles_in_the_readers_language_marking_a_fallback() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = azerbaijani(&b.az_planner, true).await;
    b.ge_planner
        .put_activity_text(id, Lang::Ka, NEW_TEXT, &text(KA_TITLE))
        .await
        .expect("translated");

    let inbox = b.ge_coord.inbox().await.expect("inbox");
    let item = activity_items(&inbox)
        .find(|i| i.entity_id == id && i.kind == InboxKind::AwaitingConsent)
        .expect("awaiting GE's consent");
    assert_eq!((item.title.as_str(), item.title_lang), (AZ_TITLE, Some(Lang::Az)));
    let ka = item.title_in(Lang::Ka);
    assert_eq!((ka.title, ka.lang, ka.fallback), (KA_TITLE, Lang::Ka, false));
    let az = item.title_in(Lang::Az);
    assert_eq!((az.title, az.lang, az.fallback), (AZ_TITLE, Lang::Az, false));
    // No English text: the original, marked as in Azerbaijani.
    let en = item.title_in(Lang::En);
    assert_eq!((en.title, en.lang, en.fallback), (AZ_TITLE, Lang::Az, true));

    // Outdated after AZ's rewrite: still shown, marked outdated.
    rewrite_original(&b.az_planner, id, "Qərargah danışıqları Gəncədə").await;
    let inbox = b.ge_coord.inbox().await.expect("inbox");
    let item = activity_items(&inbox).find(|i| i.entity_id == id).expect("item");
    let ka = item.title_in(Lang::Ka);
    assert_eq!((ka.title, ka.outdated), (KA_TITLE, true));
}

#[tokio::test]
async fn translation_alerts_reach_the_other_partys_planners_only_never_for_a_draft() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let ge_viewer = app.login_as(Party::Ge, Role::Viewer).await;
    // AZ's draft, rewritten while private: nothing reaches Georgia.
    let id = azerbaijani(&b.az_planner, false).await;
    rewrite_original(&b.az_planner, id, "Qərargah danışıqları Şəkidə").await;
    settled(&app).await;
    for client in [&b.ge_planner, &b.ge_coord, &ge_viewer] {
        assert_eq!(client.alerts(0, 50).await.expect("alerts").total, 0);
    }

    let a = b.az_planner.activity(id).await.expect("activity");
    b.az_planner.share_activity(id, a.version).await.expect("shared");
    settled(&app).await;
    let planner = b.ge_planner.alerts(0, 50).await.expect("alerts").items;
    assert_eq!(planner.len(), 1, "{planner:?}");
    assert_eq!(
        (planner[0].kind, planner[0].link.as_str()),
        (AlertKind::Translation, format!("/activities/{id}#texts").as_str())
    );
    let coordinator = b.ge_coord.alerts(0, 50).await.expect("alerts").items;
    assert_eq!(
        coordinator.iter().map(|a| a.kind).collect::<Vec<_>>(),
        vec![AlertKind::AwaitingConsent],
        "the consent; the translation waits in the queue"
    );
    assert_eq!(ge_viewer.alerts(0, 50).await.expect("alerts").total, 0);
    for client in [&b.az_planner, &b.az_coord] {
        assert_eq!(client.alerts(0, 50).await.expect("alerts").total, 0);
    }

    // Translated, then the original rewritten: outdated, told again.
    b.ge_planner
        .put_activity_text(id, Lang::Ka, NEW_TEXT, &text(KA_TITLE))
        .await
        .expect("translated");
    rewrite_original(&b.az_planner, id, "Qərargah danışıqları Gəncədə").await;
    settled(&app).await;
    let planner = b.ge_planner.alerts(0, 50).await.expect("alerts").items;
    assert_eq!(
        planner.iter().map(|a| a.kind).collect::<Vec<_>>(),
        vec![AlertKind::Translation, AlertKind::Translation]
    );
    // A change that leaves the original's text alone outdates nothing.
    let a = b.az_planner.activity(id).await.expect("activity");
    let patch = ActivityPatch {
        location: Some("Ganja".into()),
        ..ActivityPatch::default()
    };
    b.az_planner
        .update_activity(id, a.version, &patch)
        .await
        .expect("moved");
    settled(&app).await;
    assert_eq!(b.ge_planner.alerts(0, 50).await.expect("alerts").total, 2);
    assert_eq!(ge_viewer.alerts(0, 50).await.expect("alerts").total, 0);
}

async fn next_event(stream: &mut EventStream) -> concord_client::StreamEvent {
    tokio::time::timeout(std::time::Duration::from_secs(10), stream.next())
        .await
        .expect("an event within 10 s")
        .expect("the stream reads")
        .expect("the stream is open")
}

/// The next change of a stream, within 10 s.
async fn next_change(stream: &mut EventStream) -> concord_shared::api::Change {
    loop {
        if let Some(change) = next_event(stream).await.change() {
            return change;
        }
    }
}

/// AZ writes the Azerbaijani text of its draft proposed in English, then
/// shares an activity whose Georgian text GE writes; returns the latter's id.
async fn texts_of_a_draft_and_a_shared_activity(b: &crate::helpers::Board) -> i64 {
    let mut english = draft("Staff talks");
    english.lang = Some(Lang::En);
    let private = b.az_planner.create_activity(YEAR, &english).await.expect("draft");
    b.az_planner
        .put_activity_text(private.value.id, Lang::Az, NEW_TEXT, &text(AZ_TITLE))
        .await
        .expect("AZ's text of its draft");
    let id = azerbaijani(&b.az_planner, true).await;
    b.ge_planner
        .put_activity_text(id, Lang::Ka, NEW_TEXT, &text(KA_TITLE))
        .await
        .expect("translated");
    id
}

#[tokio::test]
async fn a_text_change_is_its_own_kind_on_the_stream_and_never_the_other_partys_draft() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut ge = b.ge_coord.events(None).await.expect("stream");
    assert_eq!(next_event(&mut ge).await.event, "ready");
    let id = texts_of_a_draft_and_a_shared_activity(&b).await;

    let shared = next_change(&mut ge).await;
    assert_eq!(
        (shared.action.as_str(), shared.kind, shared.entity_id.clone()),
        ("activity.share", ChangeKind::Activity, Some(id.to_string())),
        "nothing of AZ's draft, its text included"
    );
    let written = next_change(&mut ge).await;
    assert_eq!(
        (written.action.as_str(), written.kind, written.entity_type.as_str()),
        ("activity.text", ChangeKind::Text, "activity")
    );
    assert_eq!(written.entity_id, Some(id.to_string()));
}

#[tokio::test]
async fn a_webhook_subscribed_to_texts_gets_the_joint_text_changes_only() {
    let app = spawn_app_with(&[("CONCORD_WEBHOOK_RETRY_MS", "200")]).await;
    let b = board(&app).await;
    let receiver = Receiver::start(&[]).await;
    let admin = app.login_as(Party::Ge, Role::Administrator).await;
    admin
        .create_webhook(&NewWebhook {
            url: receiver.url.clone(),
            events: vec![ChangeKind::Text],
            enabled: true,
        })
        .await
        .expect("registered");
    let id = texts_of_a_draft_and_a_shared_activity(&b).await;

    let got = receiver.wait_until("the Georgian text", |g| !g.is_empty()).await;
    // Whatever else was queued by now has had its chance to arrive.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let got = if receiver.got().len() > got.len() {
        receiver.got()
    } else {
        got
    };
    assert_eq!(got.len(), 1, "neither the share nor AZ's draft: {got:?}");
    let event = got[0].parsed();
    assert_eq!(
        (got[0].event.as_str(), event.kind, event.entity_id),
        ("activity.text", ChangeKind::Text, Some(id.to_string()))
    );
}
