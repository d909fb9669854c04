//! Activities: private drafts, sharing with reference codes, who edits
//! what, consent, withdrawal. Every query is scoped by the caller's party: a
//! draft of the other party is 404, exactly like something that does not exist.

use chrono::{Datelike, NaiveDate, Utc};
use concord_shared::api::{
    Activity, ActivityPatch, ConsentDecision, ConsentRequest, ExecutionStatus, NewActivity, Schedule, SideInput,
};
use concord_shared::plan::{ConsentState, PartyConsent};
use concord_shared::rules::activities::{self as rule, FieldOwner, in_plan};
use concord_shared::rules::consents::{Consents, reopens_consent};
use concord_shared::rules::{Action, Scope, visibility};
use concord_shared::{CooperationArea, CooperationForm, Party};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::json;

use super::Check;
use super::plans;
use super::search::fold;
use crate::audit::{self, Event};
use crate::auth::AuthUser;
use crate::entities::{activity, plan as plan_entity};
use crate::error::AppError;
use crate::state::AppState;

/// Who may see the row and read the audit history of its changes.
pub fn scope_of(row: &activity::Model) -> Scope {
    visibility::activity_scope(row.proposing_party, row.shared)
}

pub use super::activity_view::plain as view;

pub use super::activity_cache::rederive;

/// Finds an activity the caller may see (else 404).
async fn find_visible<C: ConnectionTrait>(conn: &C, caller: &AuthUser, id: i64) -> Result<activity::Model, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let row = activity::Entity::find()
        .filter(activity::Column::PublicId.eq(id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    visibility::may_see_activity(caller.actor(), row.proposing_party, row.shared)?;
    Ok(row)
}

/// Loads an activity the caller may see (else 404), with its plan.
pub async fn load<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    id: i64,
) -> Result<(activity::Model, plan_entity::Model), AppError> {
    let row = find_visible(conn, caller, id).await?;
    let plan = plan_entity::Entity::find_by_id(row.plan_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((row, plan))
}

/// Loads an activity the caller may see (else 404) with its plan, for a
/// write: the plan's row is locked first ([`plans::load_for_update`]) and the
/// activity read again under the lock, so what the write checks is current.
pub async fn load_for_write<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    id: i64,
) -> Result<(activity::Model, plan_entity::Model), AppError> {
    let year = find_visible(conn, caller, id).await?.year;
    let plan = plans::load_for_update(conn, year).await?;
    let row = find_visible(conn, caller, id).await?;
    Ok((row, plan))
}

/// One activity the caller may see, with its texts. A read needs no plan.
pub async fn get(caller: &AuthUser, state: &AppState, id: i64) -> Result<Activity, AppError> {
    super::activity_view::view(&state.db, &find_visible(&state.db, caller, id).await?).await
}

/// The values of an activity's substance and schedule, validated together.
struct Substance {
    title: String,
    description: String,
    area: CooperationArea,
    area_other: Option<String>,
    form: CooperationForm,
    form_other: Option<String>,
    location: String,
    schedule: Schedule,
}

fn check_substance(check: &mut Check, s: &Substance, year: i32) {
    check.line("title", &s.title, 1, 200);
    check.text("description", &s.description, 0, 4000);
    check.line("location", &s.location, 0, 200);
    let spec = |check: &mut Check, field: &str, needed: bool, value: &Option<String>| {
        let text = value.as_deref().unwrap_or_default();
        if needed && text.trim().is_empty() {
            check.fail(field, "required", format!("{field} is required for \"other\""));
        } else {
            check.text(field, text, 0, 200);
        }
    };
    spec(check, "area_other", s.area.needs_specification(), &s.area_other);
    spec(check, "form_other", s.form.needs_specification(), &s.form_other);
    let Schedule {
        start_date,
        end_date,
        month,
    } = &s.schedule;
    let in_year = |d: &NaiveDate| d.year() == year;
    match (start_date, end_date, month) {
        (None, None, None) => check.fail("start_date", "required", "give exact dates or a tentative month"),
        (Some(_), _, Some(_)) | (None, Some(_), Some(_)) => check.fail(
            "month",
            "conflict",
            "give either exact dates or a tentative month, not both",
        ),
        (None, Some(_), None) => check.fail("start_date", "required", "an end date needs a start date"),
        (None, None, Some(m)) => {
            if !(1..=12).contains(m) {
                check.fail("month", "out_of_range", "the month must be 1 to 12");
            }
        }
        (Some(start), end, None) => {
            if !in_year(start) {
                check.fail(
                    "start_date",
                    "outside_year",
                    format!("the start date must be in {year}"),
                );
            }
            if let Some(end) = end {
                if !in_year(end) {
                    check.fail("end_date", "outside_year", format!("the end date must be in {year}"));
                }
                if end < start {
                    check.fail(
                        "end_date",
                        "before_start",
                        "the end date must not be before the start date",
                    );
                }
            }
        }
    }
}

fn check_side(check: &mut Check, side: &SideInput) {
    if let Some(p) = side.participants
        && !(0..=10_000).contains(&p)
    {
        check.fail(
            "own_side.participants",
            "out_of_range",
            "participants must be between 0 and 10,000",
        );
    }
    check.line("own_side.responsible_unit", &side.responsible_unit, 0, 200);
    check.line("own_side.point_of_contact", &side.point_of_contact, 0, 200);
}

fn set_side(active: &mut activity::ActiveModel, party: Party, side: &SideInput) {
    let participants = side.participants.and_then(|p| i32::try_from(p).ok());
    let unit = side.responsible_unit.trim().to_owned();
    let contact = side.point_of_contact.trim().to_owned();
    match party {
        Party::Az => {
            active.az_participants = Set(participants);
            active.az_unit = Set(unit);
            active.az_contact = Set(contact);
        }
        Party::Ge => {
            active.ge_participants = Set(participants);
            active.ge_unit = Set(unit);
            active.ge_contact = Set(contact);
        }
    }
}

pub(crate) fn search_text(row: &activity::Model) -> String {
    search_text_of([
        row.reference.as_deref().unwrap_or_default(),
        &row.title,
        &row.description,
        &row.location,
        row.area_other.as_deref().unwrap_or_default(),
        row.form_other.as_deref().unwrap_or_default(),
    ])
}

/// The folded search text of reference, title, description, place and the
/// two specifications, in that order.
fn search_text_of(parts: [&str; 6]) -> String {
    fold(&parts.join(" "))
}

/// Drafts a new activity of the caller's party, private until shared.
pub async fn create(caller: &AuthUser, state: &AppState, year: i32, new: NewActivity) -> Result<Activity, AppError> {
    let tx = state.write().await?;
    let created = create_in(&*tx, caller, year, new, None).await?;
    tx.commit().await?;
    Ok(created)
}

/// Drafts a new activity inside the caller's transaction, optionally
/// carrying over an activity of the previous year (its public id).
pub(crate) async fn create_in<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    year: i32,
    new: NewActivity,
    carried_from: Option<i64>,
) -> Result<Activity, AppError> {
    // Who may draft is asked before the plan is read: a viewer hears 403.
    caller.require(Action::Plan, Scope::Private(caller.party))?;
    let plan_row = plans::load(conn, year).await?;
    create_for(conn, caller, &plan_row, new, carried_from).await
}

/// [`create_in`] for a plan the caller has read already in this
/// transaction: the import drafts a thousand rows on one read of it.
pub(crate) async fn create_for<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    plan_row: &plan_entity::Model,
    new: NewActivity,
    carried_from: Option<i64>,
) -> Result<Activity, AppError> {
    caller.require(Action::Plan, Scope::Private(caller.party))?;
    rule::may_draft(caller.actor(), plan_row.state)?;
    let year = plan_row.year;
    let substance = Substance {
        title: concord_shared::text::trim_invisible(&new.title).to_owned(),
        description: new.description.trim().to_owned(),
        area: new.area,
        area_other: super::non_empty(new.area_other).filter(|_| new.area.needs_specification()),
        form: new.form,
        form_other: super::non_empty(new.form_other).filter(|_| new.form.needs_specification()),
        location: new.location.trim().to_owned(),
        schedule: Schedule {
            start_date: new.start_date,
            end_date: new.end_date,
            month: new.month,
        },
    };
    let mut check = Check::default();
    check_substance(&mut check, &substance, year);
    let own_side = new.own_side.unwrap_or_default();
    check_side(&mut check, &own_side);
    let text_lang = concord_shared::rules::texts::original_lang(caller.party, new.lang, &new.title, &new.description);
    if !concord_shared::rules::texts::original_allowed(caller.party, text_lang) {
        check.fail(
            "lang",
            "not_yours",
            "the proposing party writes its own language or English; the other party writes its own",
        );
    }
    check.finish()?;
    let user_id = caller.user_id.unwrap_or_default();
    let now = Utc::now();
    // Written with the row (no reference yet): one statement fewer per
    // activity, which a 1,000-row import feels.
    let search = search_text_of([
        "",
        &substance.title,
        &substance.description,
        &substance.location,
        substance.area_other.as_deref().unwrap_or_default(),
        substance.form_other.as_deref().unwrap_or_default(),
    ]);
    let mut active = activity::ActiveModel {
        public_id: Set(crate::auth::secrets::new_public_number()),
        plan_id: Set(plan_row.id),
        year: Set(year),
        reference: Set(None),
        title: Set(substance.title),
        description: Set(substance.description),
        text_lang: Set(text_lang),
        text_revision: Set(1),
        substance_revision: Set(1),
        area: Set(substance.area),
        area_other: Set(substance.area_other),
        form: Set(substance.form),
        form_other: Set(substance.form_other),
        proposing_party: Set(caller.party),
        host_party: Set(new.host_party),
        location: Set(substance.location),
        start_date: Set(substance.schedule.start_date),
        end_date: Set(substance.schedule.end_date.or(substance.schedule.start_date)),
        month: Set(substance.schedule.month.and_then(|m| i32::try_from(m).ok())),
        cost: Set(new.cost),
        az_participants: Set(None),
        az_unit: Set(String::new()),
        az_contact: Set(String::new()),
        ge_participants: Set(None),
        ge_unit: Set(String::new()),
        ge_contact: Set(String::new()),
        shared: Set(false),
        withdrawn: Set(false),
        consent_az: Set(PartyConsent::Pending),
        consent_ge: Set(PartyConsent::Pending),
        consent: Set(ConsentState::Draft),
        execution: Set(ExecutionStatus::Planned),
        search_text: Set(search),
        version: Set(1),
        created_by: Set(user_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    set_side(&mut active, caller.party, &own_side);
    active.carried_from = Set(carried_from);
    let row = active.insert(conn).await?;
    super::activity_rows::create(conn, &row, caller.party).await?;
    let original = super::activity_view::insert_original(conn, caller, &row).await?;
    let created = view(&row);
    audit::append(
        conn,
        Event {
            actor: &caller.audit_actor(),
            action: "activity.create",
            entity_type: "activity",
            entity_id: Some(row.public_id.to_string()),
            scope: Scope::Private(caller.party),
            before: None,
            after: Some(json!(created)),
        },
    )
    .await?;
    // Its only text is the original just written: no need to read it back.
    Ok(super::activity_view::with_texts(&row, std::slice::from_ref(&original)))
}

/// Sets the derived consents (from both parties' rows, `consents`) and
/// the search text.
fn finish_row(active: &mut activity::ActiveModel, row: &activity::Model, consents: Consents) {
    active.consent_az = Set(consents.az);
    active.consent_ge = Set(consents.ge);
    active.consent = Set(consents.state);
    active.search_text = Set(search_text(row));
}

/// Applies `change` to a loaded row inside a transaction: version bump,
/// derived fields, audit, and the plan back to negotiation when `substantive`
/// touched a shared activity of an agreed plan.
pub(crate) async fn save<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    row: activity::Model,
    plan_row: &plan_entity::Model,
    action: &str,
    substantive: bool,
    change: impl FnOnce(&mut activity::Model),
) -> Result<Activity, AppError> {
    let before = view(&row);
    let mut next = row.clone();
    change(&mut next);
    // A changed original outdates the other languages' texts.
    if next.title != row.title || next.description != row.description {
        next.text_revision = row.text_revision + 1;
    }
    next.version = row.version + 1;
    next.updated_at = Utc::now();
    // A changed side or status is its owner's row; the activity row's
    // columns are the cache of it (and all the other party may change).
    super::activity_rows::write(conn, caller, &row, &next).await?;
    // Every column marked as changed, so the update writes the new row.
    let mut active = next.clone().into_active_model().reset_all();
    // The consents follow from sharing, withdrawal, the substance revision
    // and the parties' rows: read the rows again only when one of the first
    // three moved (a decision brings its consents in `change`).
    let consents = if (next.shared, next.withdrawn, next.substance_revision)
        == (row.shared, row.withdrawn, row.substance_revision)
    {
        Consents {
            az: next.consent_az,
            ge: next.consent_ge,
            state: next.consent,
        }
    } else {
        super::consents::derive(conn, &next).await?
    };
    finish_row(&mut active, &next, consents);
    let updated = super::versioned::update(conn, active, row.version).await?;
    if substantive && (in_plan(row.consent) || in_plan(updated.consent)) {
        plans::reopen_if_agreed(conn, plan_row).await?;
    }
    super::activity_view::sync_original(conn, caller, &updated).await?;
    let after = view(&updated);
    audit::append(
        conn,
        Event {
            actor: &caller.audit_actor(),
            action,
            entity_type: "activity",
            entity_id: Some(updated.public_id.to_string()),
            scope: scope_of(&updated),
            before: Some(json!(before)),
            after: Some(json!(after)),
        },
    )
    .await?;
    super::activity_view::view(conn, &updated).await
}

pub(crate) fn require_version(row: &activity::Model, if_match: i64) -> Result<(), AppError> {
    if !crate::extract::version_matches(if_match, row.version) {
        Err(AppError::PreconditionFailed { current: row.version })
    } else {
        Ok(())
    }
}

/// Edits an activity at the version the caller read. The proposing party
/// edits the substance (and a change resets both parties' consent); each
/// party edits its own side (and that resets nothing).
pub async fn update(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    if_match: i64,
    patch: ActivityPatch,
) -> Result<Activity, AppError> {
    let tx = state.write().await?;
    let updated = update_in(&*tx, caller, id, if_match, patch).await?;
    tx.commit().await?;
    Ok(updated)
}

/// [`update`] inside the caller's transaction.
pub(crate) async fn update_in<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    id: i64,
    if_match: i64,
    patch: ActivityPatch,
) -> Result<Activity, AppError> {
    let tx = conn;
    let (row, plan_row) = load_for_write(tx, caller, id).await?;
    let proposer = row.proposing_party;
    let substantive = patch.title.is_some()
        || patch.description.is_some()
        || patch.area.is_some()
        || patch.area_other.is_some()
        || patch.form.is_some()
        || patch.form_other.is_some()
        || patch.host_party.is_some()
        || patch.location.is_some()
        || patch.schedule.is_some()
        || patch.cost.is_some();
    let plan_state = plan_row.state;
    if substantive {
        rule::may_edit(caller.actor(), plan_state, proposer, FieldOwner::Substance)?;
    }
    if patch.own_side.is_some() {
        rule::may_edit(caller.actor(), plan_state, proposer, FieldOwner::Side(caller.party))?;
    }
    // An empty patch still needs the right to edit something.
    if !substantive && patch.own_side.is_none() {
        rule::may_edit(caller.actor(), plan_state, proposer, FieldOwner::Side(caller.party))?;
    }
    require_version(&row, if_match)?;
    let area = patch.area.unwrap_or(row.area);
    let form = patch.form.unwrap_or(row.form);
    let substance = Substance {
        title: patch
            .title
            .clone()
            .map(|t| concord_shared::text::trim_invisible(&t).to_owned())
            .unwrap_or_else(|| row.title.clone()),
        description: patch
            .description
            .clone()
            .map(|t| t.trim().to_owned())
            .unwrap_or_else(|| row.description.clone()),
        area,
        area_other: match &patch.area_other {
            Some(v) => super::non_empty(Some(v.clone())),
            None => row.area_other.clone(),
        }
        .filter(|_| area.needs_specification()),
        form,
        form_other: match &patch.form_other {
            Some(v) => super::non_empty(Some(v.clone())),
            None => row.form_other.clone(),
        }
        .filter(|_| form.needs_specification()),
        location: patch
            .location
            .clone()
            .map(|t| t.trim().to_owned())
            .unwrap_or_else(|| row.location.clone()),
        schedule: patch.schedule.clone().unwrap_or(Schedule {
            start_date: row.start_date,
            end_date: row.end_date,
            month: row.month.and_then(|m| u32::try_from(m).ok()),
        }),
    };
    let mut check = Check::default();
    check_substance(&mut check, &substance, row.year);
    if let Some(side) = &patch.own_side {
        check_side(&mut check, side);
    }
    check.finish()?;
    // Only an activity in the plan has consents to reopen; a rejected or
    // withdrawn one is revised first and then shared again.
    let reopen = substantive && reopens_consent(row.consent, false);
    let party = caller.party;
    save(tx, caller, row, &plan_row, "activity.update", substantive, |next| {
        next.title = substance.title;
        next.description = substance.description;
        next.area = substance.area;
        next.area_other = substance.area_other;
        next.form = substance.form;
        next.form_other = substance.form_other;
        next.location = substance.location;
        next.start_date = substance.schedule.start_date;
        next.end_date = substance.schedule.end_date.or(substance.schedule.start_date);
        next.month = substance.schedule.month.and_then(|m| i32::try_from(m).ok());
        if let Some(host) = patch.host_party {
            next.host_party = host;
        }
        if let Some(cost) = patch.cost {
            next.cost = cost;
        }
        if let Some(side) = &patch.own_side {
            let participants = side.participants.and_then(|p| i32::try_from(p).ok());
            let (p, u, c) = (
                participants,
                side.responsible_unit.trim().to_owned(),
                side.point_of_contact.trim().to_owned(),
            );
            match party {
                Party::Az => (next.az_participants, next.az_unit, next.az_contact) = (p, u, c),
                Party::Ge => (next.ge_participants, next.ge_unit, next.ge_contact) = (p, u, c),
            }
        }
        // Both parties' decisions become stale; neither row is written.
        if reopen {
            next.substance_revision += 1;
        }
    })
    .await
}

/// Shares a draft with the other party (giving it its reference code), or
/// shares again a rejected or withdrawn activity after revision.
pub async fn share(caller: &AuthUser, state: &AppState, id: i64, if_match: i64) -> Result<Activity, AppError> {
    let tx = state.write().await?;
    let (row, plan_row) = load_for_write(&*tx, caller, id).await?;
    let proposer = row.proposing_party;
    rule::may_edit_field(caller.actor(), proposer, FieldOwner::Substance)?;
    require_version(&row, if_match)?;
    rule::may_share(caller.actor(), plan_row.state, proposer, row.consent)?;
    let reference = match &row.reference {
        Some(existing) => existing.clone(),
        None => {
            // Numbered at first sharing, per party and year, never reused: the
            // numbering reveals nothing of the other party's drafts.
            let fresh = plan_entity::Entity::find_by_id(plan_row.id)
                .one(&*tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let mut plan_active = fresh.clone().into_active_model();
            let seq = match proposer {
                Party::Az => {
                    plan_active.seq_az = Set(fresh.seq_az + 1);
                    fresh.seq_az + 1
                }
                Party::Ge => {
                    plan_active.seq_ge = Set(fresh.seq_ge + 1);
                    fresh.seq_ge + 1
                }
            };
            plan_active.update(&*tx).await?;
            format!("{}-{}-{seq:03}", row.year, proposer.short())
        }
    };
    let plan_row = plan_entity::Entity::find_by_id(plan_row.id)
        .one(&*tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let (activity_id, consent) = (row.id, row.consent);
    let shared = save(&*tx, caller, row, &plan_row, "activity.share", true, |next| {
        next.reference = Some(reference);
        next.shared = true;
        next.withdrawn = false;
        // Both parties decide anew: their decisions so far become stale.
        if reopens_consent(consent, true) {
            next.substance_revision += 1;
        }
    })
    .await?;
    // What was its party's alone on the draft may leave its node now.
    super::sharing::texts(&*tx, activity_id, proposer).await?;
    super::sharing::sides(&*tx, activity_id, proposer).await?;
    super::sharing::documents(&*tx, concord_shared::api::DocumentOwner::Activity, id, proposer).await?;
    tx.commit().await?;
    Ok(shared)
}

/// The proposing party withdraws a shared activity; it leaves the plan.
pub async fn withdraw(caller: &AuthUser, state: &AppState, id: i64, if_match: i64) -> Result<Activity, AppError> {
    let tx = state.write().await?;
    let (row, plan_row) = load_for_write(&*tx, caller, id).await?;
    let proposer = row.proposing_party;
    rule::may_edit(caller.actor(), plan_row.state, proposer, FieldOwner::Substance)?;
    require_version(&row, if_match)?;
    rule::may_withdraw(caller.actor(), plan_row.state, proposer, row.consent)?;
    let withdrawn = save(&*tx, caller, row, &plan_row, "activity.withdraw", true, |next| {
        next.withdrawn = true
    })
    .await?;
    tx.commit().await?;
    Ok(withdrawn)
}

/// Deletes a draft that was never shared (the proposing party's planners).
pub async fn delete_draft(caller: &AuthUser, state: &AppState, id: i64, if_match: i64) -> Result<(), AppError> {
    let tx = state.write().await?;
    let (row, _) = load_for_write(&*tx, caller, id).await?;
    let proposer = row.proposing_party;
    rule::may_edit_field(caller.actor(), proposer, FieldOwner::Substance)?;
    require_version(&row, if_match)?;
    rule::may_delete(caller.actor(), proposer, row.consent, row.reference.is_some())?;
    let before = view(&row);
    activity::Entity::delete_by_id(row.id).exec(&*tx).await?;
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "activity.delete_draft",
            entity_type: "activity",
            entity_id: Some(row.public_id.to_string()),
            scope: Scope::Private(proposer),
            before: Some(json!(before)),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A coordinator gives or withholds their party's consent, with a comment.
pub async fn consent(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    if_match: i64,
    request: ConsentRequest,
) -> Result<Activity, AppError> {
    let tx = state.write().await?;
    let (row, plan_row) = load_for_write(&*tx, caller, id).await?;
    caller.require(Action::Coordinate, Scope::Joint)?;
    require_version(&row, if_match)?;
    rule::may_consent(caller.actor(), plan_row.state, row.consent)?;
    let mut check = Check::default();
    let needs_comment = request.decision != ConsentDecision::Accept;
    check.text("comment", &request.comment, usize::from(needs_comment), 4000);
    check.finish()?;
    let decision = match request.decision {
        ConsentDecision::Accept => PartyConsent::Accepted,
        ConsentDecision::Reject => PartyConsent::Rejected,
        ConsentDecision::RequestChanges => PartyConsent::ChangesRequested,
    };
    let reason = if request.comment.trim().is_empty() {
        None
    } else {
        let kind = match request.decision {
            ConsentDecision::Accept => "accept",
            ConsentDecision::Reject => "reject",
            ConsentDecision::RequestChanges => "request_changes",
        };
        let comment = super::comment_rows::insert_row(
            &*tx,
            &state.settings,
            caller,
            row.id,
            request.comment.trim(),
            kind,
            false,
        )
        .await?;
        Some(comment.id)
    };
    // The caller's party's row only; the activity's consents follow from both rows.
    super::consents::decide(&*tx, &state.settings, caller, &row, decision, reason).await?;
    let consents = super::consents::derive(&*tx, &row).await?;
    let updated = save(&*tx, caller, row, &plan_row, "activity.consent", true, |next| {
        (next.consent_az, next.consent_ge, next.consent) = (consents.az, consents.ge, consents.state);
    })
    .await?;
    tx.commit().await?;
    Ok(updated)
}
