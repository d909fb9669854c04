//! Annual plans II: execution by the host party, after-action summaries,
//! closing after the year, the execution report and carry-over.

use concord_client::Client;
use concord_shared::api::{
    ConsentDecision, ConsentRequest, ExecutionStatus, ExecutionUpdate, NewSignature, TransitionAction,
    TransitionRequest,
};
use concord_shared::plan::{ConsentState, PlanState};
use concord_shared::{CooperationArea, Party, Role};

use crate::helpers::draft;
use crate::helpers::{TestApp, spawn_app};

/// The clients and activities of a signed plan.
pub struct Signed {
    /// AZ coordinator.
    pub az_coord: Client,
    /// GE coordinator.
    pub ge_coord: Client,
    /// AZ planner.
    pub az_planner: Client,
    /// GE planner.
    pub ge_planner: Client,
    /// AZ proposes, AZ hosts.
    pub az_hosted: i64,
    /// GE proposes, GE hosts.
    ge_hosted: i64,
    /// AZ proposes, GE hosts.
    az_in_ge: i64,
}

/// One party proposes the plan's step to `to`, the other confirms it.
pub async fn step(
    proposer: &Client,
    confirmer: &Client,
    year: i32,
    to: PlanState,
) -> Result<(), concord_shared::Problem> {
    let plan = proposer.plan(year).await.expect("plan");
    let propose = TransitionRequest {
        action: TransitionAction::Propose,
        to: Some(to),
        reason: None,
    };
    let plan = proposer.transition(year, plan.version, &propose).await?;
    let confirm = TransitionRequest {
        action: TransitionAction::Confirm,
        to: None,
        reason: None,
    };
    confirmer.transition(year, plan.version, &confirm).await.map(|_| ())
}

async fn make(client: &Client, year: i32, title: &str, host: Party, area: CooperationArea) -> i64 {
    let mut new = draft(title);
    new.host_party = host;
    new.area = area;
    let created = client.create_activity(year, &new).await.expect("draft");
    client
        .share_activity(created.value.id, created.version)
        .await
        .expect("shared")
        .value
        .id
}

/// A signed plan for `year` with three accepted activities.
pub async fn signed(app: &TestApp, year: i32) -> Signed {
    let s = Signed {
        az_coord: app.login_as(Party::Az, Role::Coordinator).await,
        ge_coord: app.login_as(Party::Ge, Role::Coordinator).await,
        az_planner: app.login_as(Party::Az, Role::Planner).await,
        ge_planner: app.login_as(Party::Ge, Role::Planner).await,
        az_hosted: 0,
        ge_hosted: 0,
        az_in_ge: 0,
    };
    s.az_coord.create_plan(year).await.expect("plan");
    let az_hosted = make(
        &s.az_planner,
        year,
        "Logistics seminar",
        Party::Az,
        CooperationArea::Logistics,
    )
    .await;
    let ge_hosted = make(
        &s.ge_planner,
        year,
        "Demining course",
        Party::Ge,
        CooperationArea::HumanitarianDemining,
    )
    .await;
    let az_in_ge = make(
        &s.az_planner,
        year,
        "Cartography visit",
        Party::Ge,
        CooperationArea::Logistics,
    )
    .await;
    step(&s.az_coord, &s.ge_coord, year, PlanState::Negotiation)
        .await
        .expect("negotiation");
    for id in [az_hosted, ge_hosted, az_in_ge] {
        crate::helpers::translate(&s.az_planner, &s.ge_planner, id).await;
        for c in [&s.az_coord, &s.ge_coord] {
            let a = c.activity(id).await.expect("a");
            let accept = ConsentRequest {
                decision: ConsentDecision::Accept,
                comment: String::new(),
            };
            c.consent(id, a.version, &accept).await.expect("accept");
        }
    }
    step(&s.ge_coord, &s.az_coord, year, PlanState::Agreed)
        .await
        .expect("agreed");
    for c in [&s.az_coord, &s.ge_coord] {
        let plan = c.plan(year).await.expect("plan");
        let signature = NewSignature {
            signatory: "Minister".into(),
            position: "Minister of Defence".into(),
            signed_on: chrono::NaiveDate::from_ymd_opt(2025, 1, 20).expect("date"),
            place: "Baku".into(),
        };
        c.sign_plan(year, plan.version, &signature).await.expect("signed");
    }
    Signed {
        az_hosted,
        ge_hosted,
        az_in_ge,
        ..s
    }
}

async fn set(
    client: &Client,
    id: i64,
    status: ExecutionStatus,
    reason: Option<&str>,
) -> Result<concord_shared::api::Activity, concord_shared::Problem> {
    let a = client.activity(id).await.expect("a");
    let update = ExecutionUpdate {
        status,
        reason: reason.map(str::to_owned),
    };
    client.set_execution(id, a.version, &update).await.map(|v| v.value)
}

#[tokio::test]
async fn only_the_host_party_reports_execution_step_by_step_with_reasons() {
    let app = spawn_app().await;
    let s = signed(&app, 2025).await;

    assert_eq!(
        set(&s.az_planner, s.az_in_ge, ExecutionStatus::Confirmed, None)
            .await
            .expect_err("GE hosts")
            .status,
        403
    );
    let viewer = app.login_as(Party::Ge, Role::Viewer).await;
    assert_eq!(
        set(&viewer, s.az_in_ge, ExecutionStatus::Confirmed, None)
            .await
            .expect_err("viewer")
            .status,
        403
    );
    let skip = set(&s.ge_planner, s.az_in_ge, ExecutionStatus::Held, None)
        .await
        .expect_err("confirm first");
    assert_eq!((skip.status, skip.code.as_str()), (409, "execution_step"));
    assert_eq!(
        skip.reason(),
        Some(concord_shared::rules::Reason::ExecutionStep {
            from: "planned".into(),
            to: "held".into()
        })
    );
    set(&s.ge_planner, s.az_in_ge, ExecutionStatus::Confirmed, None)
        .await
        .expect("confirmed");
    let held = set(&s.ge_planner, s.az_in_ge, ExecutionStatus::Held, None)
        .await
        .expect("held");
    assert_eq!(held.execution, ExecutionStatus::Held);
    let no_reason = set(&s.az_planner, s.az_hosted, ExecutionStatus::Cancelled, Some(" "))
        .await
        .expect_err("reason");
    assert_eq!(no_reason.field("reason").expect("field").code, "required");
    let cancelled = set(
        &s.az_planner,
        s.az_hosted,
        ExecutionStatus::Cancelled,
        Some("Budget cut"),
    )
    .await
    .expect("cancelled");
    assert_eq!(cancelled.execution_reason.as_deref(), Some("Budget cut"));
    assert_eq!(
        cancelled.consent,
        ConsentState::Accepted,
        "execution is not a change of substance"
    );

    // Each party writes its own summary, once held.
    let a = s.az_planner.activity(s.az_in_ge).await.expect("a");
    let with_az = s
        .az_planner
        .set_summary(s.az_in_ge, a.version, "Productive visit.")
        .await
        .expect("az summary");
    let with_ge = s
        .ge_planner
        .set_summary(s.az_in_ge, with_az.version, "Well organised.")
        .await
        .expect("ge summary");
    assert_eq!(with_ge.value.az_summary.as_deref(), Some("Productive visit."));
    assert_eq!(with_ge.value.ge_summary.as_deref(), Some("Well organised."));
    let b = s.ge_planner.activity(s.ge_hosted).await.expect("b");
    assert_eq!(
        s.ge_planner
            .set_summary(s.ge_hosted, b.version, "Too early")
            .await
            .expect_err("not held")
            .status,
        409
    );
}

#[tokio::test]
async fn a_plan_closes_by_two_party_confirmation_only_after_its_year_with_a_report_that_adds_up() {
    let app = spawn_app().await;
    let s = signed(&app, 2025).await;
    set(&s.ge_planner, s.az_in_ge, ExecutionStatus::Confirmed, None)
        .await
        .expect("confirmed");
    set(&s.ge_planner, s.az_in_ge, ExecutionStatus::Held, None)
        .await
        .expect("held");
    set(&s.ge_planner, s.ge_hosted, ExecutionStatus::Postponed, Some("Weather"))
        .await
        .expect("postponed");
    set(&s.az_planner, s.az_hosted, ExecutionStatus::Cancelled, Some("Budget"))
        .await
        .expect("cancelled");

    step(&s.az_coord, &s.ge_coord, 2025, PlanState::Closed)
        .await
        .expect("closed");

    let report = s.ge_planner.report(2025).await.expect("report");
    assert!(report.closed);
    assert_eq!(
        (
            report.overall.total,
            report.overall.held,
            report.overall.postponed,
            report.overall.cancelled
        ),
        (3, 1, 1, 1)
    );
    assert!((report.overall.share_held - 1.0 / 3.0).abs() < 1e-9);
    let logistics = report.by_area.iter().find(|f| f.key == "logistics").expect("logistics");
    assert_eq!((logistics.total, logistics.held, logistics.cancelled), (2, 1, 1));
    let az = report.by_party.iter().find(|f| f.key == "az").expect("az");
    assert_eq!(az.total, 2);
    let ge_rec = report.reciprocity.iter().find(|r| r.party == Party::Ge).expect("ge");
    assert_eq!((ge_rec.hosted, ge_rec.sent), (2, 1));
    assert_eq!(
        set(&s.ge_planner, s.ge_hosted, ExecutionStatus::Held, None)
            .await
            .expect_err("closed")
            .status,
        409
    );
}

#[tokio::test]
async fn closing_before_the_end_of_the_year_is_refused() {
    let app = spawn_app().await;
    let s = signed(&app, 2099).await;

    let refused = step(&s.az_coord, &s.ge_coord, 2099, PlanState::Closed)
        .await
        .expect_err("too early");

    assert_eq!(refused.status, 409);
    assert!(refused.detail.unwrap_or_default().contains("31 December 2099"));
    let plan = s.az_coord.plan(2099).await.expect("plan").value;
    assert!(plan.blockers.iter().any(|b| b.code == "year_not_over"));
}

#[tokio::test]
async fn activities_not_held_are_carried_into_next_years_draft_linked_to_the_originals() {
    let app = spawn_app().await;
    let s = signed(&app, 2025).await;
    set(&s.ge_planner, s.az_in_ge, ExecutionStatus::Confirmed, None)
        .await
        .expect("confirmed");
    set(&s.ge_planner, s.az_in_ge, ExecutionStatus::Held, None)
        .await
        .expect("held");
    set(
        &s.az_planner,
        s.az_hosted,
        ExecutionStatus::Postponed,
        Some("Elections"),
    )
    .await
    .expect("postponed");

    assert_eq!(
        s.az_planner
            .carry_over(2025, vec![s.az_hosted])
            .await
            .expect_err("no 2026 plan")
            .status,
        409
    );
    s.ge_coord.create_plan(2026).await.expect("2026");
    let held = s.az_planner.carry_over(2025, vec![s.az_in_ge]).await.expect_err("held");
    assert_eq!(held.field("activities[0]").expect("field").code, "not_carriable");
    let theirs = s
        .az_planner
        .carry_over(2025, vec![s.ge_hosted])
        .await
        .expect_err("GE's");
    assert_eq!(theirs.field("activities[0]").expect("field").code, "not_yours");

    let carried = s.az_planner.carry_over(2025, vec![s.az_hosted]).await.expect("carried");

    assert_eq!(carried.len(), 1);
    assert_eq!(carried[0].year, 2026);
    assert_eq!(carried[0].consent, ConsentState::Draft);
    assert_eq!(carried[0].carried_from, Some(s.az_hosted));
    assert_eq!(carried[0].title, "Logistics seminar");
    assert_eq!(
        s.ge_coord
            .activity(carried[0].id)
            .await
            .expect_err("a private draft")
            .status,
        404
    );
    let again = s
        .az_planner
        .carry_over(2025, vec![s.az_hosted])
        .await
        .expect_err("twice");
    assert_eq!(again.field("activities[0]").expect("field").code, "carried");
}

#[tokio::test]
async fn the_report_needs_a_signed_plan() {
    let app = spawn_app().await;
    let coord = app.login_as(Party::Az, Role::Coordinator).await;
    coord.create_plan(2027).await.expect("plan");
    assert_eq!(coord.report(2027).await.expect_err("unsigned").status, 409);
}
