//! Annual plans I: plans, steps under the rule of two, drafts, sharing,
//! consent, who edits what, comments and internal notes, lists.

use concord_client::{ActivityFilter, Client};
use concord_shared::api::{
    ActivityPatch, ConsentDecision, ConsentRequest, SideInput, TransitionAction, TransitionRequest,
};
use concord_shared::plan::{ConsentState, PartyConsent, PlanState};
use concord_shared::{CooperationArea, Party, Role};

use crate::helpers::{YEAR, board, draft, shared, spawn_app, translate};

async fn step(
    client: &Client,
    action: TransitionAction,
    to: Option<PlanState>,
) -> Result<PlanState, concord_shared::Problem> {
    let plan = client.plan(YEAR).await.expect("plan");
    let request = TransitionRequest {
        action,
        to,
        reason: Some("Not ready yet".into()),
    };
    client
        .transition(YEAR, plan.version, &request)
        .await
        .map(|p| p.value.state)
}

async fn accept(client: &Client, id: i64) {
    let current = client.activity(id).await.expect("activity");
    let request = ConsentRequest {
        decision: ConsentDecision::Accept,
        comment: String::new(),
    };
    client.consent(id, current.version, &request).await.expect("accepted");
}

#[tokio::test]
async fn two_parties_take_a_plan_from_drafting_to_agreed_through_the_api() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let a1 = shared(&b.az_planner, "Joint staff talks").await;
    let g1 = shared(&b.ge_planner, "Mountain training course").await;

    assert_eq!(
        step(&b.az_coord, TransitionAction::Propose, Some(PlanState::Negotiation)).await,
        Ok(PlanState::Drafting)
    );
    let own = step(&b.az_coord, TransitionAction::Confirm, None)
        .await
        .expect_err("own party");
    assert_eq!(own.status, 403);
    assert_eq!(
        step(&b.ge_coord, TransitionAction::Confirm, None).await,
        Ok(PlanState::Negotiation)
    );

    let plan = b.ge_coord.plan(YEAR).await.expect("plan").value;
    let awaiting: Vec<_> = plan
        .blockers
        .iter()
        .filter(|x| x.code == "awaiting_consent")
        .map(|x| (x.party, x.count))
        .collect();
    assert_eq!(awaiting, vec![(Some(Party::Az), Some(2)), (Some(Party::Ge), Some(2))]);
    let refused = step(&b.ge_coord, TransitionAction::Propose, Some(PlanState::Agreed))
        .await
        .expect_err("not yet");
    assert_eq!(refused.status, 409);
    assert!(
        refused.detail.unwrap_or_default().contains("await"),
        "says what blocks it"
    );

    for id in [a1, g1] {
        translate(&b.az_planner, &b.ge_planner, id).await;
        accept(&b.az_coord, id).await;
        accept(&b.ge_coord, id).await;
    }
    assert_eq!(
        b.az_planner.activity(a1).await.expect("a1").value.consent,
        ConsentState::Accepted
    );
    assert_eq!(
        step(&b.ge_coord, TransitionAction::Propose, Some(PlanState::Agreed)).await,
        Ok(PlanState::Negotiation)
    );
    assert_eq!(
        step(&b.az_coord, TransitionAction::Confirm, None).await,
        Ok(PlanState::Agreed)
    );
    let plan = b.az_planner.plan(YEAR).await.expect("plan").value;
    assert_eq!(plan.activity_count, 2);
    assert!(plan.blockers.is_empty(), "{:?}", plan.blockers);
}

#[tokio::test]
async fn only_coordinators_step_and_proposals_are_declined_or_withdrawn_by_the_right_party() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let viewer = app.login_as(Party::Ge, Role::Viewer).await;

    for client in [&b.az_planner, &viewer] {
        let refused = step(client, TransitionAction::Propose, Some(PlanState::Negotiation)).await;
        assert_eq!(refused.expect_err("role too low").status, 403);
    }
    assert_eq!(
        step(&b.az_planner, TransitionAction::Propose, Some(PlanState::Agreed))
            .await
            .expect_err("x")
            .status,
        403
    );
    let wrong_step = step(&b.az_coord, TransitionAction::Propose, Some(PlanState::Agreed))
        .await
        .expect_err("skip");
    assert_eq!(wrong_step.status, 422);

    step(&b.az_coord, TransitionAction::Propose, Some(PlanState::Negotiation))
        .await
        .expect("proposed");
    let twice = step(&b.ge_coord, TransitionAction::Propose, Some(PlanState::Negotiation))
        .await
        .expect_err("one at a time");
    assert_eq!(twice.status, 409);
    assert_eq!(
        step(&b.ge_coord, TransitionAction::Withdraw, None)
            .await
            .expect_err("not theirs")
            .status,
        403
    );
    assert_eq!(
        step(&b.az_coord, TransitionAction::Decline, None)
            .await
            .expect_err("own")
            .status,
        403
    );

    let plan = b.ge_coord.plan(YEAR).await.expect("plan");
    let no_reason = TransitionRequest {
        action: TransitionAction::Decline,
        to: None,
        reason: None,
    };
    let problem = b
        .ge_coord
        .transition(YEAR, plan.version, &no_reason)
        .await
        .expect_err("reason needed");
    assert_eq!(problem.field("reason").expect("field").code, "required");
    assert_eq!(
        step(&b.ge_coord, TransitionAction::Decline, None).await,
        Ok(PlanState::Drafting)
    );
    assert!(b.az_coord.plan(YEAR).await.expect("plan").value.proposal.is_none());

    step(&b.ge_coord, TransitionAction::Propose, Some(PlanState::Negotiation))
        .await
        .expect("proposed");
    assert_eq!(
        step(&b.ge_coord, TransitionAction::Withdraw, None).await,
        Ok(PlanState::Drafting)
    );
}

#[tokio::test]
async fn a_substantive_change_resets_both_consents_and_returns_an_agreed_plan_to_negotiation() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Cyber exercise").await;
    step(&b.az_coord, TransitionAction::Propose, Some(PlanState::Negotiation))
        .await
        .expect("p");
    step(&b.ge_coord, TransitionAction::Confirm, None).await.expect("c");
    translate(&b.az_planner, &b.ge_planner, id).await;
    accept(&b.az_coord, id).await;
    accept(&b.ge_coord, id).await;
    step(&b.az_coord, TransitionAction::Propose, Some(PlanState::Agreed))
        .await
        .expect("p");
    step(&b.ge_coord, TransitionAction::Confirm, None)
        .await
        .expect("agreed");

    // Georgia's own side changes nothing.
    let current = b.ge_planner.activity(id).await.expect("a");
    let own_side = ActivityPatch {
        own_side: Some(SideInput {
            participants: Some(6),
            responsible_unit: "Cyber Command".into(),
            point_of_contact: "Maj. Beridze".into(),
        }),
        ..Default::default()
    };
    let after = b
        .ge_planner
        .update_activity(id, current.version, &own_side)
        .await
        .expect("own side")
        .value;
    assert_eq!(after.consent, ConsentState::Accepted);
    assert_eq!(after.ge.participants, Some(6));
    assert_eq!(
        b.az_coord.plan(YEAR).await.expect("plan").value.state,
        PlanState::Agreed
    );

    // Georgia may not touch the substance.
    let title = ActivityPatch {
        title: Some("Renamed".into()),
        ..Default::default()
    };
    let refused = b
        .ge_planner
        .update_activity(id, after.version, &title)
        .await
        .expect_err("not the proposer");
    assert_eq!(refused.status, 403);

    // Azerbaijan changes the substance: both consents reset, the plan reopens.
    let after = b
        .az_planner
        .update_activity(id, after.version, &title)
        .await
        .expect("substance")
        .value;
    assert_eq!(
        (after.consent_az, after.consent_ge),
        (PartyConsent::Pending, PartyConsent::Pending)
    );
    assert_eq!(after.consent, ConsentState::Pending);
    assert_eq!(after.ge.participants, Some(6), "the other side is kept");
    assert_eq!(
        b.ge_coord.plan(YEAR).await.expect("plan").value.state,
        PlanState::Negotiation
    );
}

#[tokio::test]
async fn counts_per_host_party_give_reciprocity_without_the_other_partys_drafts() {
    let app = spawn_app().await;
    let b = board(&app).await;
    // AZ: one shared activity hosted by AZ, one private draft hosted by GE.
    shared(&b.az_planner, "Shared staff talks in Baku").await;
    let mut in_tbilisi = draft("Private idea for Tbilisi");
    in_tbilisi.host_party = Party::Ge;
    b.az_planner.create_activity(YEAR, &in_tbilisi).await.expect("draft");
    // GE: one shared activity hosted by GE.
    let mut ge_hosted = draft("Mountain course in Sachkhere");
    ge_hosted.host_party = Party::Ge;
    let created = b.ge_planner.create_activity(YEAR, &ge_hosted).await.expect("draft");
    b.ge_planner
        .share_activity(created.value.id, created.version)
        .await
        .expect("shared");

    let all = ActivityFilter::default();
    let ge = b.ge_coord.activity_counts(YEAR, &all).await.expect("counts");
    assert_eq!(
        ge.by_host,
        vec![(Party::Az, 1), (Party::Ge, 1)],
        "AZ's draft is not counted"
    );
    assert_eq!(ge.total, 2);
    let az = b.az_coord.activity_counts(YEAR, &all).await.expect("counts");
    assert_eq!(
        az.by_host,
        vec![(Party::Az, 1), (Party::Ge, 2)],
        "the own draft is counted"
    );
    assert_eq!(az.total, 3);
    let hosted_by_ge = ActivityFilter {
        proposer: Some(Party::Az),
        ..Default::default()
    };
    let filtered = b.ge_coord.activity_counts(YEAR, &hosted_by_ge).await.expect("counts");
    assert_eq!(filtered.by_host, vec![(Party::Az, 1)], "filters apply");
}

#[tokio::test]
async fn drafts_never_reach_the_other_party_not_by_id_list_count_search_audit_or_reference_gaps() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let secret = b
        .az_planner
        .create_activity(YEAR, &draft("Secret draft about Ganja"))
        .await
        .expect("draft")
        .value;
    b.az_planner
        .create_activity(YEAR, &draft("Another private idea"))
        .await
        .expect("draft");
    shared(&b.az_planner, "Shared logistics seminar").await;

    assert_eq!(b.ge_coord.activity(secret.id).await.expect_err("hidden").status, 404);
    let ge_list = b
        .ge_coord
        .activities(YEAR, &ActivityFilter::default())
        .await
        .expect("list");
    assert_eq!(ge_list.total, 1);
    assert_eq!(
        ge_list.items[0].reference.as_deref(),
        Some("2027-AZ-001"),
        "numbered at sharing, no gap"
    );
    let search = ActivityFilter {
        q: Some("ganja".into()),
        ..Default::default()
    };
    assert_eq!(b.ge_coord.activities(YEAR, &search).await.expect("search").total, 0);
    assert_eq!(
        b.az_coord.activities(YEAR, &search).await.expect("search").total,
        1,
        "the own party finds it"
    );
    assert_eq!(
        b.ge_coord
            .activity_counts(YEAR, &ActivityFilter::default())
            .await
            .expect("counts")
            .total,
        1
    );
    assert_eq!(
        b.az_coord
            .activity_counts(YEAR, &ActivityFilter::default())
            .await
            .expect("counts")
            .total,
        3
    );
    assert_eq!(b.ge_coord.comments(secret.id).await.expect_err("hidden").status, 404);
    let ge_admin = app.login_as(Party::Ge, Role::Administrator).await;
    let history = serde_json::to_string(&ge_admin.audit(0, 200).await.expect("audit")).expect("json");
    assert!(
        !history.contains("Secret draft") && !history.contains("private idea"),
        "{history}"
    );
    assert!(history.contains("Shared logistics seminar"));
    let patch = ActivityPatch {
        title: Some("x".into()),
        ..Default::default()
    };
    assert_eq!(
        b.ge_planner
            .update_activity(secret.id, 1, &patch)
            .await
            .expect_err("hidden")
            .status,
        404
    );
}

#[tokio::test]
async fn internal_notes_never_reach_the_other_party_while_comments_do() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let id = shared(&b.az_planner, "Medical services exchange").await;

    b.az_planner
        .add_note(id, "Our minister prefers October")
        .await
        .expect("note");
    b.ge_planner
        .add_comment(id, "Could Tbilisi host instead?")
        .await
        .expect("comment");

    assert!(b.ge_coord.notes(id).await.expect("notes").is_empty());
    let az_notes = b.az_coord.notes(id).await.expect("notes");
    assert_eq!(az_notes.len(), 1);
    let ge_comments = b.ge_coord.comments(id).await.expect("comments");
    assert_eq!(ge_comments.len(), 1);
    assert!(ge_comments.iter().all(|c| !c.body.contains("minister")));
    let az_comments = b.az_coord.comments(id).await.expect("comments");
    assert_eq!(az_comments[0].author, "GE planner");
    assert_eq!(az_comments[0].position, "Officer");
    let ge_admin = app.login_as(Party::Ge, Role::Administrator).await;
    let history = serde_json::to_string(&ge_admin.audit(0, 200).await.expect("audit")).expect("json");
    assert!(!history.contains("prefers October"));
    let viewer = app.login_as(Party::Az, Role::Viewer).await;
    assert_eq!(viewer.notes(id).await.expect("viewer reads own notes").len(), 1);
    assert_eq!(viewer.add_note(id, "x").await.expect_err("viewer").status, 403);
}

#[tokio::test]
async fn rejected_and_withdrawn_activities_leave_the_plan_and_may_be_shared_again_after_revision() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let rejected = shared(&b.az_planner, "Demining course").await;
    let withdrawn = shared(&b.ge_planner, "Cartography workshop").await;
    let kept = shared(&b.ge_planner, "Sports day").await;
    step(&b.az_coord, TransitionAction::Propose, Some(PlanState::Negotiation))
        .await
        .expect("p");
    step(&b.ge_coord, TransitionAction::Confirm, None).await.expect("c");

    let current = b.ge_coord.activity(rejected).await.expect("a");
    let no_comment = ConsentRequest {
        decision: ConsentDecision::Reject,
        comment: " ".into(),
    };
    let problem = b
        .ge_coord
        .consent(rejected, current.version, &no_comment)
        .await
        .expect_err("needs a comment");
    assert_eq!(problem.field("comment").expect("field").code, "required");
    let reject = ConsentRequest {
        decision: ConsentDecision::Reject,
        comment: "Not this year".into(),
    };
    let after = b
        .ge_coord
        .consent(rejected, current.version, &reject)
        .await
        .expect("rejected")
        .value;
    assert_eq!(after.consent, ConsentState::Rejected);
    let current = b.ge_planner.activity(withdrawn).await.expect("a");
    let after = b
        .ge_planner
        .withdraw_activity(withdrawn, current.version)
        .await
        .expect("withdrawn")
        .value;
    assert_eq!(after.consent, ConsentState::Withdrawn);
    assert_eq!(
        b.az_planner
            .withdraw_activity(kept, 2)
            .await
            .expect_err("not the proposer")
            .status,
        403
    );
    translate(&b.az_planner, &b.ge_planner, kept).await;
    accept(&b.az_coord, kept).await;
    accept(&b.ge_coord, kept).await;

    let plan = b.az_coord.plan(YEAR).await.expect("plan").value;
    assert_eq!(plan.activity_count, 1);
    assert_eq!(
        step(&b.az_coord, TransitionAction::Propose, Some(PlanState::Agreed)).await,
        Ok(PlanState::Negotiation)
    );
    step(&b.ge_coord, TransitionAction::Withdraw, None)
        .await
        .expect_err("not GE's proposal");
    step(&b.az_coord, TransitionAction::Withdraw, None)
        .await
        .expect("withdrawn proposal");

    // Azerbaijan revises the rejected activity and shares it again.
    let current = b.az_planner.activity(rejected).await.expect("a");
    let revise = ActivityPatch {
        title: Some("Demining course, revised".into()),
        ..Default::default()
    };
    let revised = b
        .az_planner
        .update_activity(rejected, current.version, &revise)
        .await
        .expect("revised");
    let again = b
        .az_planner
        .share_activity(rejected, revised.version)
        .await
        .expect("shared again")
        .value;
    assert_eq!(again.consent, ConsentState::Pending);
    assert_eq!(again.reference.as_deref(), Some("2027-AZ-001"), "keeps its reference");
    let comments = b.az_planner.comments(rejected).await.expect("comments");
    assert!(comments.iter().any(|c| c.kind == "reject" && c.body == "Not this year"));
}

#[tokio::test]
async fn stale_activity_and_plan_writes_get_412_and_missing_versions_428() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let created = b
        .az_planner
        .create_activity(YEAR, &draft("Versioned"))
        .await
        .expect("draft");
    let patch = ActivityPatch {
        location: Some("Ganja".into()),
        ..Default::default()
    };
    b.az_planner
        .update_activity(created.value.id, created.version, &patch)
        .await
        .expect("first edit");

    let stale = b
        .az_planner
        .update_activity(created.value.id, created.version, &patch)
        .await
        .expect_err("stale");
    assert_eq!(stale.status, 412);
    assert_eq!(stale.current_version, Some(created.version + 1));
    let plan = b.az_coord.plan(YEAR).await.expect("plan");
    let propose = TransitionRequest {
        action: TransitionAction::Propose,
        to: Some(PlanState::Negotiation),
        reason: None,
    };
    b.az_coord
        .transition(YEAR, plan.version, &propose)
        .await
        .expect("proposed");
    let withdraw = TransitionRequest {
        action: TransitionAction::Withdraw,
        to: None,
        reason: None,
    };
    assert_eq!(
        b.az_coord
            .transition(YEAR, plan.version, &withdraw)
            .await
            .expect_err("stale")
            .status,
        412
    );

    let response = app
        .http
        .post(format!("{}/api/v1/activities/{}/share", app.address, created.value.id))
        .bearer_auth("whatever")
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 401);
    let token = app
        .login_as(Party::Az, Role::Administrator)
        .await
        .create_token(&concord_shared::api::NewToken {
            name: "x".into(),
            role: Role::Planner,
            expires_at: None,
        })
        .await
        .expect("token");
    let response = app
        .http
        .post(format!("{}/api/v1/activities/{}/share", app.address, created.value.id))
        .bearer_auth(&token.token)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 428);
}

#[tokio::test]
async fn invalid_activities_get_a_422_naming_each_field() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let mut bad = draft(" ");
    bad.area = CooperationArea::OtherArea;
    bad.month = None;
    bad.start_date = chrono::NaiveDate::from_ymd_opt(2027, 6, 10);
    bad.end_date = chrono::NaiveDate::from_ymd_opt(2027, 6, 1);
    bad.own_side = Some(SideInput {
        participants: Some(-3),
        ..Default::default()
    });

    let problem = b.az_planner.create_activity(YEAR, &bad).await.expect_err("invalid");

    assert_eq!(problem.status, 422);
    for (field, code) in [
        ("title", "required"),
        ("area_other", "required"),
        ("end_date", "before_start"),
        ("own_side.participants", "out_of_range"),
    ] {
        assert_eq!(
            problem.field(field).map(|e| e.code.as_str()),
            Some(code),
            "{field}: {problem:?}"
        );
    }
    let mut outside = draft("Next year");
    outside.month = None;
    outside.start_date = chrono::NaiveDate::from_ymd_opt(2028, 1, 5);
    let problem = b.az_planner.create_activity(YEAR, &outside).await.expect_err("outside");
    assert_eq!(problem.field("start_date").expect("field").code, "outside_year");
    let mut both = draft("Both");
    both.start_date = chrono::NaiveDate::from_ymd_opt(2027, 5, 5);
    let problem = b.az_planner.create_activity(YEAR, &both).await.expect_err("both");
    assert_eq!(problem.field("month").expect("field").code, "conflict");
    let viewer = app.login_as(Party::Az, Role::Viewer).await;
    assert_eq!(
        viewer
            .create_activity(YEAR, &draft("x"))
            .await
            .expect_err("viewer")
            .status,
        403
    );
    let raw = app
        .http
        .post(format!("{}/api/v1/plans/{YEAR}/activities", app.address))
        .bearer_auth("nope")
        .json(&serde_json::json!({"title": "x"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(raw.status(), 401);
}

#[tokio::test]
async fn search_folds_azerbaijani_and_georgian_text_the_same_on_every_database() {
    let app = spawn_app().await;
    let b = board(&app).await;
    shared(&b.az_planner, "HƏRBİ TİBB seminarı İstanbulda").await;
    shared(&b.ge_planner, "სამხედრო კარტოგრაფიის სემინარი").await;
    shared(&b.ge_planner, "Logistics 100% review").await;

    let find = |q: &str| ActivityFilter {
        q: Some(q.to_owned()),
        ..Default::default()
    };
    for (query, hits) in [
        ("hərbi tibb", 1),
        ("istanbul", 1),
        ("İSTANBUL", 1),
        ("ıstanbul", 1),
        ("კარტოგრაფი", 1),
        ("100%", 1),
        ("%", 1),
        ("nothing", 0),
    ] {
        let page = b.ge_coord.activities(YEAR, &find(query)).await.expect("search");
        assert_eq!(page.total, hits, "{query} on {}", app.database);
    }
}

#[tokio::test]
async fn lists_filter_sort_page_and_say_what_awaits_my_party() {
    let app = spawn_app().await;
    let b = board(&app).await;
    for i in 0..5 {
        shared(&b.az_planner, &format!("AZ activity {i}")).await;
    }
    let mut cyber = draft("GE cyber drill");
    cyber.area = CooperationArea::DefenceCyberSecurity;
    cyber.host_party = Party::Ge;
    cyber.month = Some(9);
    let g = b.ge_planner.create_activity(YEAR, &cyber).await.expect("draft");
    b.ge_planner
        .share_activity(g.value.id, g.version)
        .await
        .expect("shared");
    accept(&b.ge_coord, g.value.id).await;

    let page = b
        .az_coord
        .activities(
            YEAR,
            &ActivityFilter {
                sort: Some("-title".into()),
                limit: Some(2),
                offset: Some(1),
                ..Default::default()
            },
        )
        .await
        .expect("page");
    assert_eq!(page.total, 6);
    let titles: Vec<_> = page.items.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, vec!["AZ activity 4", "AZ activity 3"]);
    let by_area = ActivityFilter {
        area: Some(CooperationArea::DefenceCyberSecurity),
        host: Some(Party::Ge),
        month: Some(9),
        ..Default::default()
    };
    assert_eq!(b.az_coord.activities(YEAR, &by_area).await.expect("filtered").total, 1);
    let awaiting = ActivityFilter {
        awaiting_my_party: true,
        ..Default::default()
    };
    assert_eq!(b.az_coord.activities(YEAR, &awaiting).await.expect("az inbox").total, 6);
    assert_eq!(b.ge_coord.activities(YEAR, &awaiting).await.expect("ge inbox").total, 5);
    let by_state = ActivityFilter {
        consent: Some(ConsentState::AcceptedByGe),
        ..Default::default()
    };
    assert_eq!(b.az_coord.activities(YEAR, &by_state).await.expect("by state").total, 1);
    let counts = b
        .az_coord
        .activity_counts(YEAR, &ActivityFilter::default())
        .await
        .expect("counts");
    assert_eq!(counts.total, 6);
    assert!(counts.by_area.contains(&(CooperationArea::DefenceCyberSecurity, 1)));
    assert!(counts.by_consent.contains(&(ConsentState::Pending, 5)));
    let bad = app
        .http
        .get(format!("{}/api/v1/plans/{YEAR}/activities?sort=bogus", app.address))
        .bearer_auth("x")
        .send()
        .await
        .expect("sent");
    assert_eq!(bad.status(), 401);
    let problem = b
        .az_coord
        .activities(
            YEAR,
            &ActivityFilter {
                sort: Some("bogus".into()),
                ..Default::default()
            },
        )
        .await
        .expect_err("bad sort");
    assert_eq!(problem.field("sort").expect("field").code, "invalid");
}

#[tokio::test]
async fn the_list_sorts_by_every_column_the_table_shows() {
    let app = spawn_app().await;
    let b = board(&app).await;
    shared(&b.az_planner, "AZ hosted talks").await;
    let mut drill = draft("GE cyber drill");
    drill.area = CooperationArea::DefenceCyberSecurity;
    drill.host_party = Party::Ge;
    let g = b.ge_planner.create_activity(YEAR, &drill).await.expect("draft");
    b.ge_planner
        .share_activity(g.value.id, g.version)
        .await
        .expect("shared");
    accept(&b.ge_coord, g.value.id).await;
    let key = |a: &concord_shared::api::Activity, column: &str| -> String {
        match column {
            "form" => a.form.code().to_owned(),
            "host" => a.host_party.code().to_owned(),
            "proposer" => a.proposing_party.code().to_owned(),
            _ => a.consent.code().to_owned(),
        }
    };
    for column in ["form", "host", "proposer", "consent"] {
        for descending in [false, true] {
            let sort = if descending {
                format!("-{column}")
            } else {
                column.to_owned()
            };
            let page = b
                .az_coord
                .activities(
                    YEAR,
                    &ActivityFilter {
                        sort: Some(sort.clone()),
                        ..Default::default()
                    },
                )
                .await
                .unwrap_or_else(|e| panic!("sort {sort}: {e:?}"));
            let keys: Vec<String> = page.items.iter().map(|a| key(a, column)).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            if descending {
                sorted.reverse();
            }
            assert_eq!(keys, sorted, "sort {sort} on {}", app.database);
            assert_eq!(page.total, 2);
        }
    }
}

#[tokio::test]
async fn plans_are_created_once_per_year_by_coordinators() {
    let app = spawn_app().await;
    let b = board(&app).await;
    assert_eq!(b.ge_coord.create_plan(YEAR).await.expect_err("exists").status, 409);
    assert_eq!(b.az_planner.create_plan(2030).await.expect_err("planner").status, 403);
    assert_eq!(
        b.ge_coord
            .create_plan(1999)
            .await
            .expect_err("range")
            .field("year")
            .expect("field")
            .code,
        "out_of_range"
    );
    assert_eq!(b.ge_coord.plan(2031).await.expect_err("none").status, 404);
    let plans = b.az_planner.plans().await.expect("plans");
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].state, PlanState::Drafting);
}

#[tokio::test]
async fn ids_on_the_wire_do_not_count_the_other_partys_drafts_or_notes() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let first = shared(&b.ge_planner, "First").await;
    for i in 0..5 {
        b.az_planner
            .create_activity(YEAR, &draft(&format!("Private {i}")))
            .await
            .expect("draft");
    }
    let second = shared(&b.ge_planner, "Second").await;
    let c1 = b.ge_planner.add_comment(first, "one").await.expect("comment").id;
    for _ in 0..3 {
        b.az_planner.add_note(first, "private").await.expect("note");
    }
    let c2 = b.ge_planner.add_comment(first, "two").await.expect("comment").id;

    // Sequential row ids would differ by exactly the other party's hidden rows.
    assert_ne!(second - first, 6);
    assert_ne!(c2 - c1, 4);
    assert!(
        first > 0 && second > 0 && first < (1 << 53) && second < (1 << 53),
        "safe for JavaScript numbers"
    );
}
