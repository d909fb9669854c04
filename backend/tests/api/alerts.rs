//! Alerts: who is told about what, the list, the unread count, marking read,
//! preferences; never an alert about what the recipient may not see.

use std::time::Duration;

use concord_client::Client;
use concord_shared::api::{Alert, AlertPreferences, ConsentDecision, ConsentRequest, KindDelivery, NewToken};
use concord_shared::{AlertDelivery, AlertKind, Lang, Party, Role};

use crate::helpers::{YEAR, board, draft, shared, spawn_app};

/// The client's alerts once there are `n` (the worker follows the log: it
/// may take a moment), failing after 10 s.
pub async fn wait_for_alerts(client: &Client, n: u64) -> Vec<Alert> {
    for _ in 0..200 {
        let page = client.alerts(0, 50).await.expect("alerts");
        if page.total >= n {
            return page.items;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("fewer than {n} alerts after 10 s");
}

/// Returns once everything committed so far is turned into alerts: one pass
/// of the worker reads the log to its end (under the cursor's lock, so a
/// pass of the background worker running meanwhile has finished too).
pub async fn settled(app: &crate::helpers::TestApp) {
    concord_backend::alerts::derive(&app.state).await.expect("derive");
}

#[tokio::test]
async fn a_shared_activity_alerts_the_other_partys_coordinators_with_a_link() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Staff talks").await;

    let alerts = wait_for_alerts(&b.ge_coord, 1).await;
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].kind, AlertKind::AwaitingConsent);
    assert_eq!(alerts[0].link, format!("/activities/{id}"));
    assert_eq!(alerts[0].party, Some(Party::Az));
    assert!(!alerts[0].read);
    settled(&app).await;
    for client in [&b.az_coord, &b.az_planner] {
        assert_eq!(client.alerts(0, 50).await.expect("alerts").total, 0);
    }
    // GE's planners are told to write the Georgian text (tests/api/translation_work.rs).
    let planner: Vec<_> = b.ge_planner.alerts(0, 50).await.expect("alerts").items;
    assert_eq!(
        planner.iter().map(|a| a.kind).collect::<Vec<_>>(),
        vec![AlertKind::Translation]
    );

    assert_eq!(b.ge_coord.unread_alerts().await.expect("count").unread, 1);
    let read = b.ge_coord.read_alert(alerts[0].id).await.expect("read");
    assert!(read.read);
    assert_eq!(b.ge_coord.unread_alerts().await.expect("count").unread, 0);
    // Someone else's alert does not exist for the caller.
    let refused = b.az_coord.read_alert(alerts[0].id).await.expect_err("not theirs");
    assert_eq!(refused.status, 404);
}

#[tokio::test]
async fn changes_requested_and_mentions_reach_the_right_people_and_all_read_clears_them() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Exercise").await;
    let current = b.ge_coord.activity(id).await.expect("activity");
    b.ge_coord
        .consent(
            id,
            current.version,
            &ConsentRequest {
                decision: ConsentDecision::RequestChanges,
                comment: "Please move it to June.".into(),
            },
        )
        .await
        .expect("changes requested");
    b.ge_planner
        .add_comment(id, "@az.planner could June work? (cc az.coordinator@mail.example)")
        .await
        .expect("comment");

    let alerts = wait_for_alerts(&b.az_planner, 2).await;
    let kinds: Vec<AlertKind> = alerts.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        vec![AlertKind::Mention, AlertKind::ChangesRequested],
        "newest first"
    );
    settled(&app).await;
    // Coordinators plan too: told of the request, but an address is no mention.
    let coordinator: Vec<AlertKind> = b
        .az_coord
        .alerts(0, 50)
        .await
        .expect("alerts")
        .items
        .iter()
        .map(|a| a.kind)
        .collect();
    assert_eq!(coordinator, vec![AlertKind::ChangesRequested]);
    let requester: Vec<AlertKind> = b
        .ge_coord
        .alerts(0, 50)
        .await
        .expect("alerts")
        .items
        .iter()
        .map(|a| a.kind)
        .collect();
    assert_eq!(requester, vec![AlertKind::AwaitingConsent], "not of their own request");

    assert_eq!(b.az_planner.read_all_alerts().await.expect("all read").unread, 2);
    assert_eq!(b.az_planner.unread_alerts().await.expect("count").unread, 0);
}

#[tokio::test]
async fn a_ge_user_never_gets_an_alert_about_an_az_draft_or_internal_note() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let ge_admin = app.login_as(Party::Ge, Role::Administrator).await;
    let draft_id = b
        .az_planner
        .create_activity(YEAR, &draft("Secret draft"))
        .await
        .expect("draft")
        .value
        .id;
    // A comment on a draft never shared is an internal note of its party.
    b.az_planner
        .add_comment(draft_id, "@ge.coordinator @ge.administrator look")
        .await
        .expect("note on a draft");
    let open = shared(&b.az_planner, "Open activity").await;
    b.az_planner
        .add_note(open, "@ge.coordinator must not know")
        .await
        .expect("note");
    settled(&app).await;

    for client in [&b.ge_coord, &ge_admin] {
        let alerts = client.alerts(0, 50).await.expect("alerts").items;
        assert_eq!(alerts.len(), 1, "only the shared activity: {alerts:?}");
        assert_eq!(alerts[0].kind, AlertKind::AwaitingConsent);
        assert_eq!(alerts[0].entity_id, Some(open.to_string()));
    }
    // GE's planners: the Georgian text of the shared activity only.
    let planner = b.ge_planner.alerts(0, 50).await.expect("alerts").items;
    assert_eq!(planner.len(), 1, "{planner:?}");
    assert_eq!(
        (planner[0].kind, planner[0].entity_id.clone()),
        (AlertKind::Translation, Some(open.to_string()))
    );
}

#[tokio::test]
async fn preferences_are_per_kind_off_means_no_alert_and_tokens_have_none() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let defaults = b.ge_coord.alert_preferences().await.expect("preferences");
    assert_eq!(defaults.kinds.len(), AlertKind::ALL.len());
    assert!(defaults.kinds.iter().all(|k| k.delivery == AlertDelivery::App));

    let chosen = b
        .ge_coord
        .set_alert_preferences(&AlertPreferences {
            email: Some("ge.coord@mod.example".into()),
            language: Some(Lang::Ka),
            kinds: vec![KindDelivery {
                kind: AlertKind::AwaitingConsent,
                delivery: AlertDelivery::Off,
            }],
        })
        .await
        .expect("saved");
    assert_eq!(chosen.language, Some(Lang::Ka));
    assert!(chosen.kinds.contains(&KindDelivery {
        kind: AlertKind::AwaitingConsent,
        delivery: AlertDelivery::Off
    }));
    let bad = b
        .ge_coord
        .set_alert_preferences(&AlertPreferences {
            email: Some("not an address".into()),
            language: None,
            kinds: vec![],
        })
        .await
        .expect_err("invalid address");
    assert_eq!(bad.status, 422);

    shared(&b.az_planner, "Muted").await;
    settled(&app).await;
    assert_eq!(b.ge_coord.alerts(0, 50).await.expect("alerts").total, 0);

    let admin = app.login_as(Party::Ge, Role::Administrator).await;
    let token = admin
        .create_token(&NewToken {
            name: "robot".into(),
            role: Role::Coordinator,
            expires_at: None,
        })
        .await
        .expect("token");
    let robot = Client::with_token(app.address.clone(), token.token);
    let refused = robot.alerts(0, 10).await.expect_err("a token has no alerts");
    assert_eq!(refused.status, 403);
    assert_eq!(refused.code, "session_required");
}

#[tokio::test]
async fn the_database_holds_alert_kinds_and_deliveries_to_their_closed_lists() {
    let app = spawn_app().await;
    let me = app.login_as(Party::Az, Role::Viewer).await;
    for delivery in AlertDelivery::ALL {
        let every = AlertPreferences {
            email: None,
            language: None,
            kinds: AlertKind::ALL
                .iter()
                .map(|kind| KindDelivery {
                    kind: *kind,
                    delivery: *delivery,
                })
                .collect(),
        };
        me.set_alert_preferences(&every)
            .await
            .expect("every listed code passes");
    }
    let user = app.user(Party::Az, Role::Viewer).await;
    for (kind, delivery) in [("birthday", "app"), ("mention", "pigeon")] {
        let sql = format!(
            "INSERT INTO alert_preferences (user_id, kind, delivery) VALUES ({}, '{kind}', '{delivery}')",
            user.id
        );
        let refused = sea_orm::ConnectionTrait::execute_unprepared(&app.state.db, &sql).await;
        assert!(refused.is_err(), "{kind}/{delivery}: {refused:?}");
    }
}
