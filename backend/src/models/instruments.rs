//! The instruments register: the Agreement (seeded), additional agreements,
//! protocols and minutes recorded by coordinators, and signed plans and
//! amendments linked when their second signature is recorded. Everyone reads;
//! the status is derived from the dates.
//!
//! Three rows, three owners (docs/federation.md): the fields both parties
//! share are the recording party's (`instruments.recorded_party`), each
//! party's side its own (`instrument_sides`). A write changes only the
//! parts that differ from what is stored, each refused with `foreign_row`
//! on the node of the party that does not own it; the wire's version is
//! the sum of the rows' versions, so a write of any part moves it.

use chrono::{Datelike, NaiveDate, Utc};
use concord_shared::Party;
use concord_shared::api::{Instrument, InstrumentInput, InstrumentKind, InstrumentStatus, Page, PlanVersionRef};
use concord_shared::rules::{Action, Scope};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryOrder, QuerySelect};
use serde_json::json;

use super::Check;
use super::instrument_sides as sides;
use crate::auth::AuthUser;
use crate::entities::{instrument, instrument_side};
use crate::error::AppError;
use crate::state::AppState;

/// The Agreement's date of signature: nothing in the register is signed earlier.
pub fn agreement_signed_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 4, 24).unwrap_or_default()
}

fn related_of(row: &instrument::Model) -> Vec<i64> {
    serde_json::from_str(&row.related).unwrap_or_default()
}

/// An instrument's shared row and its parties' side rows.
pub type Row = (instrument::Model, Vec<instrument_side::Model>);

/// The wire view of an instrument, its status as of today.
pub fn view((row, side_rows): &Row) -> Instrument {
    Instrument {
        id: i64::from(row.id),
        kind: row.kind,
        title: row.title.clone(),
        number: row.number.clone(),
        signed_on: row.signed_on,
        signed_at: row.signed_at.clone(),
        az: sides::view(side_rows, Party::Az),
        ge: sides::view(side_rows, Party::Ge),
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
        version: row.version + side_rows.iter().map(|s| s.version).sum::<i64>(),
        created_at: row.created_at,
        updated_at: side_rows
            .iter()
            .map(|s| s.updated_at)
            .fold(row.updated_at, std::cmp::max),
    }
}

/// Loads an instrument (all are joint).
pub async fn load<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Row, AppError> {
    fetch(conn, id, false).await
}

/// Loads an instrument, its shared row locked when `lock` (in a write
/// transaction, so that writes of its sides queue on it too).
async fn fetch<C: ConnectionTrait>(conn: &C, id: i64, lock: bool) -> Result<Row, AppError> {
    let Ok(id) = i32::try_from(id) else {
        return Err(AppError::NotFound);
    };
    let mut find = instrument::Entity::find_by_id(id);
    if lock {
        find = find.lock_exclusive();
    }
    let row = find.one(conn).await?.ok_or(AppError::NotFound)?;
    let side_rows = sides::of(conn, [id]).await?;
    Ok((row, side_rows))
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
    let side_rows = sides::of(&state.db, rows.iter().map(|r| r.id)).await?;
    let rows: Vec<Row> = rows
        .into_iter()
        .map(|row| {
            let mine = side_rows
                .iter()
                .filter(|s| s.instrument_id == row.id)
                .cloned()
                .collect();
            (row, mine)
        })
        .collect();
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

/// The shared fields the input gives `row` (its sides aside).
fn with_input(row: &instrument::Model, input: &InstrumentInput) -> instrument::Model {
    instrument::Model {
        kind: input.kind,
        title: concord_shared::text::trim_invisible(&input.title).to_owned(),
        number: super::non_empty(input.number.clone()),
        signed_on: input.signed_on,
        signed_at: super::non_empty(input.signed_at.clone()),
        in_force_on: input.in_force_on,
        terminated_on: input.terminated_on,
        related: json!(input.related).to_string(),
        ..row.clone()
    }
}

/// Writes each party's side the input changes (in the instrument's transaction).
async fn write_sides<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    row: &instrument::Model,
    side_rows: &[instrument_side::Model],
    input: &InstrumentInput,
    with_instrument: bool,
) -> Result<Vec<instrument_side::Model>, AppError> {
    let mut after = Vec::new();
    for (party, side) in [(Party::Az, &input.az), (Party::Ge, &input.ge)] {
        let written = sides::write(conn, &state.settings, row.id, side_rows, party, side, with_instrument).await?;
        after.extend(written.or_else(|| side_rows.iter().find(|s| s.party == party).cloned()));
    }
    Ok(after)
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
    crate::federation::owns(&state.settings, caller.party)?;
    let tx = state.write().await?;
    check(&*tx, &input, None).await?;
    let now = Utc::now();
    let blank = instrument::Model {
        id: 0,
        kind: input.kind,
        title: String::new(),
        number: None,
        signed_on: None,
        signed_at: None,
        in_force_on: None,
        terminated_on: None,
        related: String::new(),
        plan_year: None,
        plan_version: None,
        recorded_party: caller.party,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let mut active = with_input(&blank, &input).into_active_model().reset_all();
    active.id = sea_orm::ActiveValue::NotSet;
    let row = active.insert(&*tx).await?;
    let side_rows = write_sides(&*tx, state, &row, &[], &input, true).await?;
    let after = view(&(row, side_rows));
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
    let (row, side_rows) = fetch(&*tx, id, true).await?;
    let before = view(&(row.clone(), side_rows.clone()));
    if !crate::extract::version_matches(if_match, before.version) {
        return Err(AppError::PreconditionFailed {
            current: before.version,
        });
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
    let next = with_input(&row, &input);
    let sides_change = [(Party::Az, &input.az), (Party::Ge, &input.ge)]
        .into_iter()
        .any(|(party, side)| sides::changes(&side_rows, party, side));
    let owner = crate::federation::owns(&state.settings, row.recorded_party);
    // A write that changes nothing still moves the version (as it always
    // did), on the shared row where this node may write it.
    let row = if next != row || (!sides_change && owner.is_ok()) {
        owner?;
        let version = row.version;
        let mut active = instrument::Model {
            updated_at: Utc::now(),
            ..next
        }
        .into_active_model()
        .reset_all();
        active.version = sea_orm::ActiveValue::NotSet;
        super::versioned::update(&*tx, active, version).await?
    } else {
        row
    };
    let side_rows = write_sides(&*tx, state, &row, &side_rows, &input, false).await?;
    let after = view(&(row, side_rows));
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
