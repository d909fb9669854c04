//! Execution of a signed plan: the host party reports each activity's
//! status, each party writes its after-action summary once held, the
//! execution report, and carrying activities not held into next year.

use concord_shared::api::{
    Activity, CarryOver, ExecutionFigures, ExecutionReport, ExecutionStatus, ExecutionUpdate, NewActivity, Reciprocity,
    SideInput, SummaryUpdate,
};
use concord_shared::plan::{ConsentState, PlanState};
use concord_shared::rules::activities as rule;
use concord_shared::rules::{Action, Reason, Refusal, Scope};
use concord_shared::{CooperationArea, CooperationForm, Party};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::Check;
use super::activities::{self, load, load_for_write, require_version, save};
use super::plans;
use crate::auth::AuthUser;
use crate::entities::activity;
use crate::error::AppError;
use crate::state::AppState;

/// The host party's planners set the execution status, with a reason when
/// postponed or cancelled.
pub async fn set_status(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    if_match: i64,
    update: ExecutionUpdate,
) -> Result<Activity, AppError> {
    let tx = state.write().await?;
    let (row, plan_row) = load_for_write(&*tx, caller, id).await?;
    let view = activities::view(&row);
    rule::may_report_execution(
        caller.actor(),
        view.host_party,
        view.consent,
        plan_row.state,
        plan_row.signed_version.is_some(),
    )?;
    require_version(&row, if_match)?;
    rule::execution_step(view.execution, update.status)?;
    let needs_reason = rule::needs_reason(update.status);
    let reason = update.reason.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty());
    let mut check = Check::default();
    if needs_reason && reason.is_none() {
        check.fail("reason", "required", "say why it is postponed or cancelled");
    }
    check.text("reason", reason.as_deref().unwrap_or_default(), 0, 2000);
    check.finish()?;
    let updated = save(&*tx, caller, row, &plan_row, "activity.execution", false, |next| {
        next.execution = update.status;
        next.execution_reason = if needs_reason { reason } else { None };
    })
    .await?;
    tx.commit().await?;
    Ok(updated)
}

/// Each party writes its own after-action summary once the activity is held.
pub async fn set_summary(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    if_match: i64,
    update: SummaryUpdate,
) -> Result<Activity, AppError> {
    let tx = state.write().await?;
    let (row, plan_row) = load_for_write(&*tx, caller, id).await?;
    caller.require(Action::Plan, Scope::Joint)?;
    require_version(&row, if_match)?;
    rule::may_write_summary(caller.actor(), row.execution)?;
    let mut check = Check::default();
    check.text("summary", &update.summary, 1, 8000);
    check.finish()?;
    let party = caller.party;
    let text = update.summary.trim().to_owned();
    let updated = save(
        &*tx,
        caller,
        row,
        &plan_row,
        "activity.summary",
        false,
        |next| match party {
            Party::Az => next.az_summary = Some(text),
            Party::Ge => next.ge_summary = Some(text),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(updated)
}

fn figures(key: String, rows: &[&activity::Model]) -> ExecutionFigures {
    let count = |status: ExecutionStatus| rows.iter().filter(|r| r.execution == status).count() as u64;
    let total = rows.len() as u64;
    let held = count(ExecutionStatus::Held);
    let postponed = count(ExecutionStatus::Postponed);
    let cancelled = count(ExecutionStatus::Cancelled);
    ExecutionFigures {
        key,
        total,
        held,
        postponed,
        cancelled,
        open: total - held - postponed - cancelled,
        share_held: if total == 0 { 0.0 } else { held as f64 / total as f64 },
    }
}

/// The execution report of a signed (or closed) plan, over the activities of its signed version.
pub async fn report(caller: &AuthUser, state: &AppState, year: i32) -> Result<ExecutionReport, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let plan_row = plans::load(&state.db, year).await?;
    let Some(version) = plan_row.signed_version else {
        return Err(Refusal::Conflict(Reason::PlanState {
            state: plan_row.state.code().to_owned(),
        })
        .into());
    };
    let rows = activity::Entity::find()
        .filter(activity::Column::PlanId.eq(plan_row.id))
        .filter(activity::Column::Consent.eq(ConsentState::Accepted))
        .all(&state.db)
        .await?;
    let all: Vec<&activity::Model> = rows.iter().collect();
    let group = |key: &str, pick: &dyn Fn(&activity::Model) -> bool| {
        let members: Vec<&activity::Model> = rows.iter().filter(|r| pick(r)).collect();
        (!members.is_empty()).then(|| figures(key.to_owned(), &members))
    };
    let by_area = CooperationArea::ALL
        .iter()
        .filter_map(|a| group(a.code(), &|r| r.area == *a))
        .collect();
    let by_form = CooperationForm::ALL
        .iter()
        .filter_map(|f| group(f.code(), &|r| r.form == *f))
        .collect();
    let by_party = Party::ALL
        .iter()
        .filter_map(|p| group(p.code(), &|r| r.proposing_party == *p))
        .collect();
    let reciprocity = Party::ALL
        .iter()
        .map(|p| Reciprocity {
            party: *p,
            hosted: rows.iter().filter(|r| r.host_party == *p).count() as u64,
            sent: rows.iter().filter(|r| r.host_party != *p).count() as u64,
        })
        .collect();
    Ok(ExecutionReport {
        year,
        version,
        closed: plan_row.state == PlanState::Closed,
        overall: figures("all".into(), &all),
        by_area,
        by_form,
        by_party,
        reciprocity,
    })
}

/// Carries the caller's party's activities not held into next year's plan
/// as new drafts, linked to the originals.
pub async fn carry_over(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    request: CarryOver,
) -> Result<Vec<Activity>, AppError> {
    caller.require(Action::Plan, Scope::Private(caller.party))?;
    let plan_row = plans::load(&state.db, year).await?;
    let next = plans::load(&state.db, year + 1).await.ok();
    rule::may_carry_from(caller.actor(), plan_row.state, plan_row.signed_version.is_some())?;
    rule::may_carry_into(year, next.as_ref().map(|p| p.state))?;
    let Some(next) = next else {
        return Err(Refusal::Conflict(Reason::NextPlanMissing { year: year + 1 }).into());
    };
    if request.activities.is_empty() || request.activities.len() > 500 {
        return Err(Check::error("activities", "length", "name 1 to 500 activities"));
    }
    let mut sources = Vec::new();
    for (i, id) in request.activities.iter().enumerate() {
        let (row, row_plan) = load(&state.db, caller, *id).await?;
        let field = format!("activities[{i}]");
        if row_plan.id != plan_row.id {
            return Err(Check::error(
                &field,
                "not_yours",
                "only activities of this plan are carried over",
            ));
        }
        let carried = activity::Entity::find()
            .filter(activity::Column::PlanId.eq(next.id))
            .filter(activity::Column::CarriedFrom.eq(row.public_id))
            .one(&state.db)
            .await?
            .is_some();
        // The rule decides; its refusal names the list item that is refused.
        if let Err(refusal) =
            rule::may_carry_over(caller.actor(), row.proposing_party, row.consent, row.execution, carried)
        {
            let code = match refusal.reason() {
                Some(Reason::NotYourField { .. }) => "not_yours",
                Some(Reason::AlreadyCarriedOver) => "carried",
                Some(Reason::RoleTooLow) | None => return Err(refusal.into()),
                Some(_) => "not_carriable",
            };
            let detail = refusal.reason().map(Reason::describe).unwrap_or_default();
            return Err(Check::error(&field, code, detail));
        }
        sources.push((field, row));
    }
    // All drafts or none: one transaction.
    let tx = state.write().await?;
    let mut created = Vec::new();
    for (field, row) in sources {
        let view = activities::view(&row);
        let side = if caller.party == Party::Az { &view.az } else { &view.ge };
        let month = view.month.or(view.start_date.map(|d| chrono::Datelike::month(&d)));
        let new = NewActivity {
            title: view.title.clone(),
            description: view.description.clone(),
            lang: Some(view.text_lang),
            area: view.area,
            area_other: view.area_other.clone(),
            form: view.form,
            form_other: view.form_other.clone(),
            host_party: view.host_party,
            location: view.location.clone(),
            start_date: None,
            end_date: None,
            month,
            cost: view.cost,
            own_side: Some(SideInput {
                participants: side.participants.map(i64::from),
                responsible_unit: side.responsible_unit.clone(),
                point_of_contact: side.point_of_contact.clone(),
            }),
        };
        // The unique key on `carried_from` decides between concurrent
        // carry-overs of one activity: the later one gets the same answer
        // as if it had come after.
        let draft = activities::create_in(&*tx, caller, year + 1, new, Some(row.public_id))
            .await
            .map_err(|err| match err {
                AppError::Refused(Refusal::Conflict(Reason::AlreadyExists)) => already_carried(&field),
                other => other,
            })?;
        created.push(draft);
    }
    tx.commit().await?;
    Ok(created)
}

fn already_carried(field: &str) -> AppError {
    Check::error(field, "carried", "this activity was carried over already")
}
