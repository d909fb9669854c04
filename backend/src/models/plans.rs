//! Annual plans and their steps under the rule of two: one party's
//! coordinator proposes, the other party's coordinator confirms.

use chrono::Utc;
use concord_shared::api::{
    Blocker, NewPlan, NodeSignature, Plan, Signature, StepProposal, TransitionAction, TransitionRequest,
};
use concord_shared::plan::{ConsentState, PlanState};
use concord_shared::rules::plan::{self as rule, PlanEvent, StepFacts};
use concord_shared::rules::{Action, Reason, Refusal, Scope, activities::in_plan};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde_json::json;

use super::Check;
use crate::audit::{self, Event};
use crate::auth::AuthUser;
use crate::entities::{activity, plan, plan_signature};
use crate::error::AppError;
use crate::state::AppState;

/// The plan's state (the column is typed; kept for the document builders).
pub fn state_of(row: &plan::Model) -> PlanState {
    row.state
}

/// Loads a plan by year (plans are joint: both parties see every plan).
pub async fn load<C: ConnectionTrait>(conn: &C, year: i32) -> Result<plan::Model, AppError> {
    plan::Entity::find()
        .filter(plan::Column::Year.eq(year))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Loads a plan by year for a write, locking its row until the transaction
/// ends (PostgreSQL; SQLite writers are serialized already). Every write that
/// touches a plan or its activities takes this lock first, so the checks it
/// makes (blockers, sequence numbers) hold until it commits, and writers
/// lock rows in one order (the plan, then its activities) and never deadlock.
pub async fn load_for_update<C: ConnectionTrait>(conn: &C, year: i32) -> Result<plan::Model, AppError> {
    plan::Entity::find()
        .filter(plan::Column::Year.eq(year))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Counts of shared activities per consent state (never drafts: nothing of
/// a party's private work shows in another's view).
async fn shared_counts<C: ConnectionTrait>(conn: &C, plan_id: i32) -> Result<Vec<(ConsentState, u64)>, AppError> {
    let rows: Vec<(ConsentState, i64)> = activity::Entity::find()
        .select_only()
        .column(activity::Column::Consent)
        .column_as(activity::Column::Id.count(), "n")
        .filter(activity::Column::PlanId.eq(plan_id))
        .filter(activity::Column::Shared.eq(true))
        .group_by(activity::Column::Consent)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(state, n)| (state, u64::try_from(n).unwrap_or_default()))
        .collect())
}

/// The wire view of a plan, with what blocks its next step.
pub async fn view<C: ConnectionTrait>(conn: &C, row: &plan::Model) -> Result<Plan, AppError> {
    let state = row.state;
    let counts = shared_counts(conn, row.id).await?;
    let proposal = match (row.proposal_to, row.proposal_party, &row.proposal_at) {
        (Some(to), Some(party), Some(at)) => Some(StepProposal {
            to,
            proposed_by_party: party,
            proposed_by: row.proposal_by.clone().unwrap_or_default(),
            proposed_at: *at,
        }),
        _ => None,
    };
    let mut blockers = Vec::new();
    if state == PlanState::Negotiation {
        blockers.extend(rule::agreement_blockers(&counts));
        let gaps = super::activity_view::gaps(conn, row.id).await?;
        blockers.extend(concord_shared::rules::texts::translation_blockers(&gaps));
    }
    if state == PlanState::Signed && !year_is_over(row.year) {
        blockers.push(Blocker {
            code: "year_not_over".into(),
            party: None,
            count: None,
        });
    }
    if rule::next_by_confirmation(state).is_some() {
        match &proposal {
            Some(p) => blockers.push(Blocker {
                code: "awaiting_confirmation".into(),
                party: Some(p.proposed_by_party.other()),
                count: None,
            }),
            None => blockers.push(Blocker {
                code: "needs_proposal".into(),
                party: None,
                count: None,
            }),
        }
    }
    debug_assert!(
        blockers
            .iter()
            .all(|b| concord_shared::codes::BLOCKER_CODES.contains(&b.code.as_str())),
        "a blocker code is missing from concord_shared::codes: {blockers:?}"
    );
    let activity_count = counts.iter().filter(|(s, _)| in_plan(*s)).map(|(_, n)| n).sum();
    Ok(Plan {
        year: row.year,
        state,
        proposal,
        blockers,
        activity_count,
        demo: row.demo,
        amendment: row.amendment,
        signed_version: row.signed_version,
        signatures: signatures_of(conn, row).await?,
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

/// Every plan, newest year first.
pub async fn list(caller: &AuthUser, state: &AppState) -> Result<Vec<Plan>, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let rows = plan::Entity::find()
        .order_by_desc(plan::Column::Year)
        .all(&state.db)
        .await?;
    let mut plans = Vec::with_capacity(rows.len());
    for row in &rows {
        plans.push(view(&state.db, row).await?);
    }
    Ok(plans)
}

/// One plan.
pub async fn get(caller: &AuthUser, state: &AppState, year: i32) -> Result<Plan, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    view(&state.db, &load(&state.db, year).await?).await
}

/// Creates the plan for a year that has none (a coordinator of either party).
pub async fn create(caller: &AuthUser, state: &AppState, new: NewPlan, demo: bool) -> Result<Plan, AppError> {
    rule::may_create_plan(caller.actor())?;
    if !(2023..=2100).contains(&new.year) {
        return Err(Check::error(
            "year",
            "out_of_range",
            "the year must be between 2023 and 2100",
        ));
    }
    let tx = state.write().await?;
    if plan::Entity::find()
        .filter(plan::Column::Year.eq(new.year))
        .count(&*tx)
        .await?
        > 0
    {
        return Err(Refusal::Conflict(Reason::PlanExists { year: new.year }).into());
    }
    let now = Utc::now();
    let row = plan::ActiveModel {
        year: Set(new.year),
        state: Set(rule::INITIAL),
        seq_az: Set(0),
        seq_ge: Set(0),
        demo: Set(demo),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&*tx)
    .await
    .map_err(super::duplicate_is(Reason::PlanExists { year: new.year }))?;
    let plan = view(&*tx, &row).await?;
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "plan.create",
            entity_type: "plan",
            entity_id: Some(row.year.to_string()),
            scope: Scope::Joint,
            before: None,
            after: Some(json!(plan)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(plan)
}

/// Proposes, confirms, declines or withdraws the plan's next step.
pub async fn transition(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    if_match: i64,
    request: TransitionRequest,
) -> Result<Plan, AppError> {
    caller.require(Action::Coordinate, Scope::Joint)?;
    let tx = state.write().await?;
    let row = load_for_update(&*tx, year).await?;
    if !crate::extract::version_matches(if_match, row.version) {
        return Err(AppError::PreconditionFailed { current: row.version });
    }
    let before = view(&*tx, &row).await?;
    let current = row.state;
    let proposer = row.proposal_party;
    let mut active = row.clone().into_active_model();
    let action = match request.action {
        TransitionAction::Propose => {
            let next = rule::may_propose(caller.actor(), current, proposer.is_some())?;
            if request.to != Some(next) {
                return Err(Check::error(
                    "to",
                    "invalid",
                    format!("from {} the next step is {}", current.code(), next.code()),
                ));
            }
            rule::step_conditions(next, &step_facts(&*tx, &row).await?)?;
            active.proposal_to = Set(Some(next));
            active.proposal_party = Set(Some(caller.party));
            active.proposal_by = Set(Some(caller.display_name.clone()));
            active.proposal_at = Set(Some(Utc::now()));
            "plan.propose"
        }
        TransitionAction::Confirm => {
            rule::may_confirm(caller.actor(), proposer)?;
            let to = row.proposal_to.unwrap_or(current);
            let facts = step_facts(&*tx, &row).await?;
            let next = rule::transition(current, PlanEvent::Confirmed { to, facts })?;
            active.state = Set(next);
            clear_proposal(&mut active);
            "plan.confirm"
        }
        TransitionAction::Decline => {
            rule::may_confirm(caller.actor(), proposer)?;
            let mut check = Check::default();
            check.text("reason", request.reason.as_deref().unwrap_or_default(), 1, 1000);
            check.finish()?;
            clear_proposal(&mut active);
            "plan.decline"
        }
        TransitionAction::Withdraw => {
            rule::may_withdraw_proposal(caller.actor(), proposer)?;
            clear_proposal(&mut active);
            "plan.withdraw_proposal"
        }
    };
    active.updated_at = Set(Utc::now());
    let updated = super::versioned::update(&*tx, active, row.version).await?;
    let after = view(&*tx, &updated).await?;
    let mut after_json = json!(after);
    if let Some(reason) = request.reason.filter(|_| request.action == TransitionAction::Decline) {
        after_json["reason"] = json!(reason);
    }
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action,
            entity_type: "plan",
            entity_id: Some(year.to_string()),
            scope: Scope::Joint,
            before: Some(json!(before)),
            after: Some(after_json),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

fn clear_proposal(active: &mut plan::ActiveModel) {
    active.proposal_to = Set(None);
    active.proposal_party = Set(None);
    active.proposal_by = Set(None);
    active.proposal_at = Set(None);
}

/// Whether 31 December of `year` has passed.
pub fn year_is_over(year: i32) -> bool {
    rule::closable(year, this_year())
}

fn this_year() -> i32 {
    chrono::Datelike::year(&Utc::now().date_naive())
}

/// What the conditions of the plan's next step look at.
async fn step_facts<C: ConnectionTrait>(conn: &C, row: &plan::Model) -> Result<StepFacts, AppError> {
    Ok(StepFacts {
        year: row.year,
        today_year: this_year(),
        counts: shared_counts(conn, row.id).await?,
        translations: super::activity_view::gaps(conn, row.id).await?,
    })
}

/// When something substantive changes in an agreed plan, it returns to
/// negotiation and any pending step proposal is cleared.
pub async fn reopen_if_agreed<C: ConnectionTrait>(conn: &C, plan_row: &plan::Model) -> Result<bool, AppError> {
    let current = plan_row.state;
    let next = rule::transition(current, PlanEvent::ActivitiesChanged)?;
    let reopened = next != current;
    if !reopened && plan_row.proposal_to.is_none() {
        return Ok(false);
    }
    // Signatures recorded on the version as it was no longer hold: their
    // content's SHA-256 no longer matches (`signatures_of`); no row is
    // deleted, the other party's is not this node's to delete.
    let mut active = plan_row.clone().into_active_model();
    active.state = Set(next);
    // A proposal to agree was made on the plan as it was; it no longer holds.
    if reopened || rule::change_voids_proposal(plan_row.proposal_to) {
        clear_proposal(&mut active);
    }
    active.updated_at = Set(Utc::now());
    super::versioned::update(conn, active, plan_row.version).await?;
    Ok(reopened)
}

// The signatures of a plan's versions, read and cleared with the plan
// itself (signing is models/versions.rs).

/// The version number the plan's current negotiation leads to.
pub fn version_in_progress(row: &plan::Model) -> i32 {
    row.amendment + 1
}

/// A recorded signature as the API shows it.
pub fn signature_view(row: plan_signature::Model) -> Signature {
    Signature {
        party: row.party,
        signatory: row.signatory,
        position: row.position,
        signed_on: row.signed_on,
        place: row.place,
        recorded_by: row.recorded_by,
        recorded_at: row.recorded_at,
        node_signature: (!row.node_signature.is_empty()).then_some(NodeSignature {
            key_id: row.node_key_id,
            signature: row.node_signature,
        }),
    }
}

/// The signatures shown with a plan: those of the signed version when it is
/// signed or closed, else those recorded so far on the version in progress
/// that still hold (signed on the content as it stands: its SHA-256).
pub async fn signatures_of<C: ConnectionTrait>(conn: &C, row: &plan::Model) -> Result<Vec<Signature>, AppError> {
    let signed = matches!(row.state, PlanState::Signed | PlanState::Closed);
    let number = if signed {
        row.signed_version.unwrap_or(1)
    } else {
        version_in_progress(row)
    };
    let mut rows = plan_signature::Entity::find()
        .filter(plan_signature::Column::PlanId.eq(row.id))
        .filter(plan_signature::Column::VersionNo.eq(number))
        .order_by_asc(plan_signature::Column::Party)
        .all(conn)
        .await?;
    if !signed && !rows.is_empty() {
        let content = super::snapshot::content_sha256(conn, row, number).await?;
        rows.retain(|r| r.content_sha256 == content);
    }
    Ok(rows.into_iter().map(signature_view).collect())
}
