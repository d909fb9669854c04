//! The instruments register: the Agreement (seeded), additional agreements,
//! protocols and minutes recorded by coordinators, and signed plans and
//! amendments linked when their second signature is recorded. Everyone reads;
//! the status is derived from the dates.

use chrono::{Datelike, NaiveDate, Utc};
use concord_shared::Party;
use concord_shared::api::{
    Instrument, InstrumentInput, InstrumentKind, InstrumentSide, InstrumentStatus, Page, PlanVersionRef, Signature,
};
use concord_shared::rules::{Action, Scope};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use serde_json::json;

use super::Check;
use crate::auth::AuthUser;
use crate::entities::{instrument, plan};
use crate::error::AppError;
use crate::state::AppState;

/// The Agreement's date of signature: nothing in the register is signed earlier.
pub fn agreement_signed_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 4, 24).unwrap_or_default()
}

fn related_of(row: &instrument::Model) -> Vec<i64> {
    serde_json::from_str(&row.related).unwrap_or_default()
}

/// The wire view of an instrument, its status as of today.
pub fn view(row: &instrument::Model) -> Instrument {
    Instrument {
        id: i64::from(row.id),
        kind: row.kind,
        title: row.title.clone(),
        number: row.number.clone(),
        signed_on: row.signed_on,
        signed_at: row.signed_at.clone(),
        az: InstrumentSide {
            signatory: row.az_signatory.clone(),
            signatory_position: row.az_signatory_position.clone(),
            procedures_completed_on: row.az_procedures_on,
            procedures: row.az_procedures.clone(),
        },
        ge: InstrumentSide {
            signatory: row.ge_signatory.clone(),
            signatory_position: row.ge_signatory_position.clone(),
            procedures_completed_on: row.ge_procedures_on,
            procedures: row.ge_procedures.clone(),
        },
        in_force_on: row.in_force_on,
        terminated_on: row.terminated_on,
        status: InstrumentStatus::derive(
            row.signed_on,
            row.in_force_on,
            row.terminated_on,
            Utc::now().date_naive(),
        ),
        related: related_of(row),
        plan: match (row.plan_year, row.plan_version) {
            (Some(year), Some(version)) => Some(PlanVersionRef { year, version }),
            _ => None,
        },
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

/// Loads an instrument (all are joint).
pub async fn load<C: ConnectionTrait>(conn: &C, id: i64) -> Result<instrument::Model, AppError> {
    let Ok(id) = i32::try_from(id) else {
        return Err(AppError::NotFound);
    };
    instrument::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Every instrument the filter matches (its paging aside), the Agreement
/// first, then in the order recorded.
pub async fn matching(caller: &AuthUser, state: &AppState, filter: &Filter) -> Result<Vec<Instrument>, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    // The register holds tens of instruments, and the status is derived from
    // the dates as of today: filtering the views beats repeating the
    // derivation in SQL for both databases.
    let rows = instrument::Entity::find()
        .order_by_asc(instrument::Column::Id)
        .all(&state.db)
        .await?;
    let needle = filter.q.as_deref().map(super::search::fold).filter(|n| !n.is_empty());
    Ok(rows
        .iter()
        .map(view)
        .filter(|i| {
            needle.as_ref().is_none_or(|n| {
                super::search::fold(&i.title).contains(n.as_str())
                    || i.number
                        .as_deref()
                        .is_some_and(|x| super::search::fold(x).contains(n.as_str()))
            }) && filter.kind.is_none_or(|k| i.kind == k)
                && filter.status.is_none_or(|s| i.status == s)
                && filter.year.is_none_or(|y| i.signed_on.is_some_and(|d| d.year() == y))
        })
        .collect())
}

/// One page of what the filter matches, the Agreement first, then in the order recorded.
pub async fn list(caller: &AuthUser, state: &AppState, filter: &Filter) -> Result<Page<Instrument>, AppError> {
    let limit = filter.limit.clamp(1, 500);
    let matching = matching(caller, state, filter).await?;
    let total = matching.len() as u64;
    let items = matching
        .into_iter()
        .skip(usize::try_from(filter.offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(500))
        .collect();
    Ok(Page {
        items,
        total,
        offset: filter.offset,
        limit,
    })
}

/// Filters and paging of the register, checked.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Free text in the title or number (folded like every search).
    pub q: Option<String>,
    /// Kind.
    pub kind: Option<InstrumentKind>,
    /// Status as of today.
    pub status: Option<InstrumentStatus>,
    /// Year of signature.
    pub year: Option<i32>,
    /// Items to skip.
    pub offset: u64,
    /// Items per page (1–500).
    pub limit: u64,
}

/// One instrument.
pub async fn get(caller: &AuthUser, state: &AppState, id: i64) -> Result<Instrument, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    Ok(view(&load(&state.db, id).await?))
}

/// Checks the input's texts and dates; related ids must exist and not be `own_id`.
async fn check<C: ConnectionTrait>(conn: &C, input: &InstrumentInput, own_id: Option<i64>) -> Result<(), AppError> {
    let today = Utc::now().date_naive();
    let mut check = Check::default();
    check.line("title", &input.title, 1, 500);
    let optional = |check: &mut Check, field: &str, value: &Option<String>, max: usize| {
        if let Some(v) = value {
            check.text(field, v, 0, max);
        }
    };
    optional(&mut check, "number", &input.number, 100);
    optional(&mut check, "signed_at", &input.signed_at, 200);
    if let Some(signed) = input.signed_on {
        if signed > today {
            check.fail(
                "signed_on",
                "in_future",
                "the date of signature may not be in the future",
            );
        } else if signed < agreement_signed_on() {
            check.fail(
                "signed_on",
                "too_early",
                "nothing in the register is signed before the Agreement (24 April 2023)",
            );
        }
    }
    for (party, side) in [(Party::Az, &input.az), (Party::Ge, &input.ge)] {
        let p = party.code();
        optional(&mut check, &format!("{p}.signatory"), &side.signatory, 200);
        optional(
            &mut check,
            &format!("{p}.signatory_position"),
            &side.signatory_position,
            200,
        );
        optional(&mut check, &format!("{p}.procedures"), &side.procedures, 1000);
        if let Some(done) = side.procedures_completed_on {
            let field = format!("{p}.procedures_completed_on");
            match input.signed_on {
                None => check.fail(&field, "needs_signature", "internal procedures follow the signature"),
                Some(signed) if done < signed => {
                    check.fail(&field, "before_signature", "internal procedures follow the signature")
                }
                _ if done > today => check.fail(&field, "in_future", "record it once completed"),
                _ => {}
            }
        }
    }
    if let Some(in_force) = input.in_force_on {
        match input.signed_on {
            None => check.fail(
                "in_force_on",
                "needs_signature",
                "an instrument enters into force after its signature",
            ),
            Some(signed) if in_force < signed => check.fail(
                "in_force_on",
                "before_signature",
                "an instrument enters into force after its signature",
            ),
            _ => {}
        }
    }
    if let Some(end) = input.terminated_on {
        let start = input.in_force_on.or(input.signed_on);
        match start {
            None => check.fail(
                "terminated_on",
                "needs_signature",
                "only a signed instrument is terminated",
            ),
            Some(start) if end < start => check.fail(
                "terminated_on",
                "before_start",
                "termination may not precede signature or entry into force",
            ),
            _ => {}
        }
    }
    if input.related.len() > 50 {
        check.fail("related", "too_long", "at most 50 related instruments");
    }
    for (i, id) in input.related.iter().enumerate() {
        let field = format!("related[{i}]");
        if Some(*id) == own_id {
            check.fail(&field, "invalid", "an instrument is not related to itself");
        } else if input.related[..i].contains(id) {
            check.fail(&field, "duplicate", "listed twice");
        } else if load(conn, *id).await.is_err() {
            check.fail(&field, "unknown", "no instrument has this id");
        }
    }
    check.finish()
}

/// Copies the input onto an active row.
fn apply(active: &mut instrument::ActiveModel, input: &InstrumentInput) {
    active.kind = Set(input.kind);
    active.title = Set(concord_shared::text::trim_invisible(&input.title).to_owned());
    active.number = Set(super::non_empty(input.number.clone()));
    active.signed_on = Set(input.signed_on);
    active.signed_at = Set(super::non_empty(input.signed_at.clone()));
    active.az_signatory = Set(super::non_empty(input.az.signatory.clone()));
    active.az_signatory_position = Set(super::non_empty(input.az.signatory_position.clone()));
    active.az_procedures_on = Set(input.az.procedures_completed_on);
    active.az_procedures = Set(super::non_empty(input.az.procedures.clone()));
    active.ge_signatory = Set(super::non_empty(input.ge.signatory.clone()));
    active.ge_signatory_position = Set(super::non_empty(input.ge.signatory_position.clone()));
    active.ge_procedures_on = Set(input.ge.procedures_completed_on);
    active.ge_procedures = Set(super::non_empty(input.ge.procedures.clone()));
    active.in_force_on = Set(input.in_force_on);
    active.terminated_on = Set(input.terminated_on);
    active.related = Set(json!(input.related).to_string());
}

/// Records an additional agreement, protocol or minutes (coordinators).
pub async fn create(caller: &AuthUser, state: &AppState, input: InstrumentInput) -> Result<Instrument, AppError> {
    caller.require(Action::Coordinate, Scope::Joint)?;
    if !input.kind.recorded_by_hand() {
        return Err(Check::error(
            "kind",
            "not_recorded_by_hand",
            "the Agreement is in the register already; signed plans and amendments are linked when signed",
        ));
    }
    let tx = state.write().await?;
    check(&*tx, &input, None).await?;
    let now = Utc::now();
    let mut active = instrument::ActiveModel {
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply(&mut active, &input);
    let row = active.insert(&*tx).await?;
    let after = view(&row);
    super::audit_change(
        &*tx,
        caller,
        "instrument.create",
        after.id,
        Scope::Joint,
        None,
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Replaces an instrument's recorded fields at the version the caller read (coordinators).
pub async fn update(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    if_match: i64,
    input: InstrumentInput,
) -> Result<Instrument, AppError> {
    caller.require(Action::Coordinate, Scope::Joint)?;
    let tx = state.write().await?;
    let row = load(&*tx, id).await?;
    if !crate::extract::version_matches(if_match, row.version) {
        return Err(AppError::PreconditionFailed { current: row.version });
    }
    let kind = row.kind;
    let kind_ok = if kind.recorded_by_hand() {
        input.kind.recorded_by_hand()
    } else {
        input.kind == kind
    };
    if !kind_ok {
        return Err(Check::error(
            "kind",
            "fixed",
            format!("a {} stays one", kind.code().replace('_', " ")),
        ));
    }
    check(&*tx, &input, Some(id)).await?;
    let before = view(&row);
    let mut active = row.clone().into_active_model();
    apply(&mut active, &input);
    active.updated_at = Set(Utc::now());
    let after = view(&super::versioned::update(&*tx, active, row.version).await?);
    super::audit_change(
        &*tx,
        caller,
        "instrument.update",
        after.id,
        Scope::Joint,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Links a plan version whose second signature was just recorded, in the
/// signing transaction: an annual plan (version 1) or an amendment, in force
/// from the later signature, related to the Agreement and to the plan's
/// earlier signed versions.
pub async fn link_signed_plan<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    plan_row: &plan::Model,
    number: i32,
    signatures: &[Signature],
) -> Result<(), AppError> {
    let side = |party: Party| -> (Option<String>, Option<String>) {
        signatures
            .iter()
            .find(|s| s.party == party)
            .map(|s| (Some(s.signatory.clone()), Some(s.position.clone())))
            .unwrap_or_default()
    };
    let signed_on = signatures.iter().map(|s| s.signed_on).max();
    let mut places: Vec<String> = signatures.iter().map(|s| s.place.clone()).collect();
    places.dedup();
    let mut related: Vec<i64> = instrument::Entity::find()
        .filter(instrument::Column::Kind.eq(InstrumentKind::BaseAgreement))
        .all(conn)
        .await?
        .iter()
        .map(|r| i64::from(r.id))
        .collect();
    related.extend(
        instrument::Entity::find()
            .filter(instrument::Column::PlanYear.eq(plan_row.year))
            .filter(instrument::Column::PlanVersion.lt(number))
            .order_by_asc(instrument::Column::PlanVersion)
            .all(conn)
            .await?
            .iter()
            .map(|r| i64::from(r.id)),
    );
    let (kind, title) = if number == 1 {
        (
            InstrumentKind::AnnualPlan,
            format!("Annual co-operation plan for {}", plan_row.year),
        )
    } else {
        (
            InstrumentKind::PlanAmendment,
            format!(
                "Amendment {} to the annual co-operation plan for {}",
                number - 1,
                plan_row.year
            ),
        )
    };
    let (az_signatory, az_position) = side(Party::Az);
    let (ge_signatory, ge_position) = side(Party::Ge);
    let now = Utc::now();
    let row = instrument::ActiveModel {
        kind: Set(kind),
        title: Set(title),
        number: Set(None),
        signed_on: Set(signed_on),
        signed_at: Set(Some(places.join(" / ")).filter(|p| !p.is_empty())),
        az_signatory: Set(az_signatory),
        az_signatory_position: Set(az_position),
        ge_signatory: Set(ge_signatory),
        ge_signatory_position: Set(ge_position),
        in_force_on: Set(signed_on),
        related: Set(json!(related).to_string()),
        plan_year: Set(Some(plan_row.year)),
        plan_version: Set(Some(number)),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    super::audit_change(
        conn,
        caller,
        "instrument.link_plan",
        i64::from(row.id),
        Scope::Joint,
        None,
        Some(&view(&row)),
    )
    .await
}
