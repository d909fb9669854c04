//! Annual plans II: signatures, frozen versions, amendments and their comparison.

use concord_client::Client;
use concord_shared::api::{
    ActivityPatch, ConsentDecision, ConsentRequest, InstrumentKind, InstrumentStatus, NewSignature, TransitionAction,
    TransitionRequest,
};
use concord_shared::plan::PlanState;
use concord_shared::{Party, Role};
use sha2::{Digest, Sha256};

use crate::helpers::spawn_app;
use crate::helpers::{Board, YEAR, board, shared, translate};

/// Both coordinators accept the activity.
pub async fn accept_both(b: &Board, id: i64) {
    // Agreement needs the texts in both parties' languages, up to date.
    translate(&b.az_planner, &b.ge_planner, id).await;
    for client in [&b.az_coord, &b.ge_coord] {
        let current = client.activity(id).await.expect("activity");
        let request = ConsentRequest {
            decision: ConsentDecision::Accept,
            comment: String::new(),
        };
        client.consent(id, current.version, &request).await.expect("accepted");
    }
}

/// One party proposes the plan's step to `to`, the other confirms it.
pub async fn step(proposer: &Client, confirmer: &Client, to: PlanState) {
    let plan = proposer.plan(YEAR).await.expect("plan");
    let propose = TransitionRequest {
        action: TransitionAction::Propose,
        to: Some(to),
        reason: None,
    };
    let plan = proposer
        .transition(YEAR, plan.version, &propose)
        .await
        .expect("proposed");
    let confirm = TransitionRequest {
        action: TransitionAction::Confirm,
        to: None,
        reason: None,
    };
    confirmer
        .transition(YEAR, plan.version, &confirm)
        .await
        .expect("confirmed");
}

/// A valid signature by `who`.
pub fn signature(who: &str) -> NewSignature {
    NewSignature {
        signatory: who.to_owned(),
        position: "Minister of Defence".to_owned(),
        signed_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
        place: "Tbilisi".to_owned(),
    }
}

/// Records the client's party's signature (signed in Tbilisi on 20 November 2026).
pub async fn sign(client: &Client, who: &str) -> Result<concord_shared::api::Plan, concord_shared::Problem> {
    let plan = client.plan(YEAR).await.expect("plan");
    client
        .sign_plan(YEAR, plan.version, &signature(who))
        .await
        .map(|p| p.value)
}

/// A plan agreed with two accepted activities; returns their ids.
pub async fn agreed(b: &Board) -> (i64, i64) {
    let a = shared(&b.az_planner, "Staff talks in Baku").await;
    let g = shared(&b.ge_planner, "Mountain training in Sachkhere").await;
    step(&b.az_coord, &b.ge_coord, PlanState::Negotiation).await;
    accept_both(b, a).await;
    accept_both(b, g).await;
    step(&b.ge_coord, &b.az_coord, PlanState::Agreed).await;
    (a, g)
}

#[tokio::test]
async fn both_signatures_sign_the_plan_and_freeze_a_version_whose_hash_is_its_content() {
    let app = spawn_app().await;
    let b = board(&app).await;
    assert_eq!(
        sign(&b.az_coord, "Z. Hasanov").await.expect_err("not agreed").status,
        409
    );
    agreed(&b).await;
    assert_eq!(sign(&b.az_planner, "x").await.expect_err("planner").status, 403);

    let half = sign(&b.az_coord, "Z. Hasanov").await.expect("AZ signs");
    assert_eq!(half.state, PlanState::Agreed);
    assert_eq!(half.signatures.len(), 1);
    assert_eq!(sign(&b.az_coord, "again").await.expect_err("twice").status, 409);
    let signed = sign(&b.ge_coord, "I. Chikovani").await.expect("GE signs");

    assert_eq!(signed.state, PlanState::Signed);
    assert_eq!(signed.signed_version, Some(1));
    let parties: Vec<_> = signed.signatures.iter().map(|s| s.party).collect();
    assert_eq!(parties, vec![Party::Az, Party::Ge]);
    let versions = b.ge_planner.plan_versions(YEAR).await.expect("versions");
    assert_eq!(versions.len(), 1);
    let v1 = b.ge_planner.plan_version(YEAR, 1).await.expect("v1");
    let digest: String = Sha256::digest(v1.snapshot.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(digest, v1.info.sha256);
    assert!(v1.snapshot.contains("Staff talks in Baku") && v1.snapshot.contains("I. Chikovani"));
    assert_eq!(b.az_coord.open_amendment(YEAR, 1).await.expect_err("stale").status, 412);

    // The signed plan joined the instruments register in the same step.
    let register = b
        .ge_planner
        .instruments(&Default::default())
        .await
        .expect("instruments")
        .items;
    let linked = register
        .iter()
        .find(|i| i.kind == InstrumentKind::AnnualPlan)
        .expect("the signed plan is an instrument");
    assert_eq!(linked.title, "Annual co-operation plan for 2027");
    assert_eq!(linked.plan.map(|p| (p.year, p.version)), Some((YEAR, 1)));
    assert_eq!(linked.az.signatory.as_deref(), Some("Z. Hasanov"));
    assert_eq!(linked.ge.signatory.as_deref(), Some("I. Chikovani"));
    assert_eq!(linked.signed_at.as_deref(), Some("Tbilisi"));
    assert_eq!(linked.status, InstrumentStatus::InForce);
    assert_eq!(linked.related, vec![register[0].id], "related to the Agreement");
}

#[tokio::test]
async fn signing_needs_a_valid_signature_and_a_change_after_one_signature_voids_it() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let (a, _) = agreed(&b).await;
    let plan = b.az_coord.plan(YEAR).await.expect("plan");
    let mut future = signature("x");
    future.signed_on = chrono::Utc::now().date_naive() + chrono::Days::new(3);
    future.place = String::new();
    let problem = b
        .az_coord
        .sign_plan(YEAR, plan.version, &future)
        .await
        .expect_err("invalid");
    assert_eq!(problem.field("signed_on").expect("date").code, "in_future");
    assert_eq!(problem.field("place").expect("place").code, "required");

    sign(&b.az_coord, "Z. Hasanov").await.expect("AZ signs");
    let current = b.az_planner.activity(a).await.expect("a");
    let patch = ActivityPatch {
        location: Some("Ganja".into()),
        ..Default::default()
    };
    b.az_planner
        .update_activity(a, current.version, &patch)
        .await
        .expect("substantive change");

    let plan = b.ge_coord.plan(YEAR).await.expect("plan").value;
    assert_eq!(plan.state, PlanState::Negotiation);
    assert!(plan.signatures.is_empty(), "the signature was on the plan as it was");
}

#[tokio::test]
async fn an_amendment_makes_a_new_version_and_the_comparison_shows_what_changed() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let (a, g) = agreed(&b).await;
    sign(&b.az_coord, "Z. Hasanov").await.expect("AZ");
    sign(&b.ge_coord, "I. Chikovani").await.expect("GE");
    let v1 = b.az_coord.plan_version(YEAR, 1).await.expect("v1");
    assert_eq!(
        b.az_planner.open_amendment(YEAR, 9).await.expect_err("planner").status,
        403
    );

    let plan = b.ge_coord.plan(YEAR).await.expect("plan");
    let opened = b
        .ge_coord
        .open_amendment(YEAR, plan.version)
        .await
        .expect("amendment")
        .value;
    assert_eq!(
        (opened.state, opened.amendment, opened.signed_version),
        (PlanState::Negotiation, 1, Some(1))
    );
    let current = b.az_planner.activity(a).await.expect("a");
    let retitle = ActivityPatch {
        title: Some("Staff talks in Ganja".into()),
        ..Default::default()
    };
    b.az_planner
        .update_activity(a, current.version, &retitle)
        .await
        .expect("edited");
    let current = b.ge_planner.activity(g).await.expect("g");
    b.ge_planner
        .withdraw_activity(g, current.version)
        .await
        .expect("withdrawn");
    let added = shared(&b.ge_planner, "Cyber defence seminar").await;
    accept_both(&b, a).await;
    accept_both(&b, added).await;
    // While the amendment is negotiated, the signed version compares with the plan as it stands.
    let draft = b
        .ge_planner
        .compare_versions(YEAR, 1, 2)
        .await
        .expect("compare with the amendment in progress");
    assert_eq!(draft.added, vec!["2027-GE-002".to_owned()]);
    assert_eq!(
        draft.added_titles.get("2027-GE-002").map(String::as_str),
        Some("Cyber defence seminar"),
        "an added activity comes with its title"
    );
    assert_eq!(draft.removed, vec!["2027-GE-001".to_owned()]);
    assert_eq!(
        draft
            .changed
            .iter()
            .map(|c| (c.reference.as_str(), c.field.as_str()))
            .collect::<Vec<_>>(),
        vec![("2027-AZ-001", "texts"), ("2027-AZ-001", "title")],
        "a new title changes the original's text too"
    );
    step(&b.az_coord, &b.ge_coord, PlanState::Agreed).await;
    sign(&b.ge_coord, "I. Chikovani").await.expect("GE");
    let signed = sign(&b.az_coord, "Z. Hasanov").await.expect("AZ");
    assert_eq!((signed.state, signed.signed_version), (PlanState::Signed, Some(2)));

    let again = b.az_coord.plan_version(YEAR, 1).await.expect("v1 later");
    assert_eq!(again, v1, "a signed version never changes");
    let diff = b.ge_planner.compare_versions(YEAR, 1, 2).await.expect("compare");
    assert_eq!(diff.added, vec!["2027-GE-002".to_owned()]);
    assert_eq!(
        diff.added_titles.get("2027-GE-002").map(String::as_str),
        Some("Cyber defence seminar")
    );
    assert_eq!(diff.removed, vec!["2027-GE-001".to_owned()]);
    // The new title, and with it the original's text among the texts.
    let fields: Vec<_> = diff
        .changed
        .iter()
        .map(|c| (c.reference.as_str(), c.field.as_str()))
        .collect();
    assert_eq!(fields, vec![("2027-AZ-001", "texts"), ("2027-AZ-001", "title")]);
    assert_eq!(diff.changed[1].to, serde_json::json!("Staff talks in Ganja"));
    assert_eq!(
        b.ge_planner
            .compare_versions(YEAR, 1, 7)
            .await
            .expect_err("no such version")
            .status,
        404
    );
    let viewer = app.login_as(Party::Ge, Role::Viewer).await;
    let listed = viewer.plan_versions(YEAR).await.expect("versions");
    assert_eq!(listed.len(), 2);
    assert!(
        listed.iter().all(|v| v.signatures.len() == 2),
        "each version lists both signatures"
    );

    // Both signed versions are in the instruments register, the amendment
    // related to the Agreement and to the original plan.
    let register = viewer
        .instruments(&Default::default())
        .await
        .expect("instruments")
        .items;
    let plan_instruments: Vec<_> = register.iter().filter(|i| i.plan.is_some()).collect();
    assert_eq!(plan_instruments.len(), 2);
    let (original, amendment) = (plan_instruments[0], plan_instruments[1]);
    assert_eq!(original.kind, InstrumentKind::AnnualPlan);
    assert_eq!(amendment.kind, InstrumentKind::PlanAmendment);
    assert_eq!(amendment.title, "Amendment 1 to the annual co-operation plan for 2027");
    assert_eq!(amendment.related, vec![register[0].id, original.id]);
    assert_eq!(amendment.plan.map(|p| (p.year, p.version)), Some((YEAR, 2)));
}
