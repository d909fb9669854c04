//! The demo data: a living board at once.

use std::collections::BTreeSet;

use concord_backend::models::{demo, system};
use concord_client::ActivityFilter;
use concord_shared::Party;
use concord_shared::plan::{ConsentState, PlanState};

use crate::helpers::spawn_app;

#[tokio::test]
async fn seed_demo_creates_next_years_plan_in_negotiation_with_every_state_area_and_form() {
    let app = spawn_app().await;
    system::seed_demo_users(&app.state, "demo password 2026")
        .await
        .expect("users");

    let year = demo::seed_plan(&app.state).await.expect("seeded").expect("a new plan");

    assert_eq!(demo::seed_plan(&app.state).await.expect("again"), None, "only once");
    let az = app.anonymous();
    az.login("az.coordinator", "demo password 2026").await.expect("login");
    let plan = az.plan(year).await.expect("plan").value;
    assert_eq!(plan.state, PlanState::Negotiation);
    assert!(plan.demo);
    let all = az
        .activities(
            year,
            &ActivityFilter {
                limit: Some(500),
                ..Default::default()
            },
        )
        .await
        .expect("list");
    let states: BTreeSet<_> = all.items.iter().map(|a| a.consent).collect();
    assert_eq!(
        states,
        ConsentState::ALL.into_iter().collect(),
        "every state (drafts of the own party)"
    );
    assert_eq!(all.items.iter().map(|a| a.area).collect::<BTreeSet<_>>().len(), 14);
    assert_eq!(all.items.iter().map(|a| a.form).collect::<BTreeSet<_>>().len(), 7);
    assert!(all.items.iter().any(|a| a.proposing_party == Party::Ge));
    let ge = app.anonymous();
    ge.login("ge.viewer", "demo password 2026").await.expect("login");
    let ge_all = ge
        .activities(
            year,
            &ActivityFilter {
                limit: Some(500),
                ..Default::default()
            },
        )
        .await
        .expect("list");
    assert!(ge_all.total >= 50, "about sixty in all: {}", ge_all.total);
    assert!(
        ge_all
            .items
            .iter()
            .all(|a| a.consent != ConsentState::Draft || a.proposing_party == Party::Ge)
    );
    let mut az_notes = 0;
    let mut comments = 0;
    for activity in all.items.iter().filter(|a| a.consent != ConsentState::Draft) {
        az_notes += az.notes(activity.id).await.expect("notes").len();
        comments += az.comments(activity.id).await.expect("comments").len();
    }
    assert!(az_notes > 0 && comments > 0, "notes {az_notes}, comments {comments}");
}

#[tokio::test]
async fn seed_demo_also_closes_last_years_plan_and_amends_this_years() {
    let app = spawn_app().await;
    system::seed_demo_users(&app.state, "demo password 2026")
        .await
        .expect("users");

    let years = demo::seed_history(&app.state).await.expect("seeded");

    let this_year = chrono::Datelike::year(&chrono::Utc::now());
    assert_eq!(years, vec![this_year - 1, this_year]);
    assert!(
        demo::seed_history(&app.state).await.expect("again").is_empty(),
        "only once"
    );
    let client = app.anonymous();
    client.login("ge.planner", "demo password 2026").await.expect("login");
    let last = client.plan(this_year - 1).await.expect("last year").value;
    assert_eq!(last.state, PlanState::Closed);
    let report = client.report(this_year - 1).await.expect("report");
    assert!(report.closed);
    assert_eq!(report.overall.total, 16);
    assert!(report.overall.held > 0 && report.overall.postponed > 0 && report.overall.cancelled > 0);
    let current = client.plan(this_year).await.expect("this year").value;
    assert_eq!(
        (current.state, current.amendment, current.signed_version),
        (PlanState::Negotiation, 1, Some(1))
    );
    assert_eq!(client.plan_versions(this_year).await.expect("versions").len(), 1);
}

#[tokio::test]
async fn seed_demo_records_one_diplomatic_notification_beside_the_agreement_and_both_authorities() {
    let app = spawn_app().await;
    system::seed_demo_users(&app.state, "demo password 2026")
        .await
        .expect("users");

    assert!(demo::seed_register(&app.state).await.expect("seeded"));

    assert!(!demo::seed_register(&app.state).await.expect("again"), "only once");
    let ge = app.anonymous();
    ge.login("ge.viewer", "demo password 2026").await.expect("login");
    let log = ge.notifications(0, 50).await.expect("log").items;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].sending_party, Party::Az);
    assert!(log[0].acknowledged_on.is_some());
    let register = ge.instruments(&Default::default()).await.expect("register").items;
    assert_eq!(register[0].kind, concord_shared::api::InstrumentKind::BaseAgreement);
    let history = ge.authorities().await.expect("history");
    assert_eq!(
        history.iter().map(|a| a.party).collect::<Vec<_>>(),
        vec![Party::Az, Party::Ge]
    );
}
