//! An activity's rows besides its substance (issue 18, docs/federation.md):
//! each party's side is a row of its own (`activity_sides`), the host
//! party's execution status too (`activity_execution`). A write of a side
//! or of the status writes its owner's row and the activity row's
//! `az_*`/`ge_*`/`execution*` columns, which are each node's local cache of
//! those rows (every read, list, filter, export and search reads the
//! activity row, as before). The activity row itself is the proposer's:
//! another party's write of it may change nothing but its cache.

use chrono::Utc;
use concord_shared::Party;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::auth::AuthUser;
use crate::entities::{activity, activity_execution, activity_side};
use crate::error::AppError;

/// One party's side as the activity row caches it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Side {
    pub participants: Option<i32>,
    pub unit: String,
    pub contact: String,
    pub summary: Option<String>,
}

impl Side {
    fn of_row(row: &activity_side::Model) -> Side {
        Side {
            participants: row.participants,
            unit: row.unit.clone(),
            contact: row.contact.clone(),
            summary: row.summary.clone(),
        }
    }

    /// Nothing written: no row needed.
    fn is_empty(&self) -> bool {
        *self == Side::default()
    }
}

/// `party`'s side as `row` caches it.
pub(crate) fn side(row: &activity::Model, party: Party) -> Side {
    match party {
        Party::Az => Side {
            participants: row.az_participants,
            unit: row.az_unit.clone(),
            contact: row.az_contact.clone(),
            summary: row.az_summary.clone(),
        },
        Party::Ge => Side {
            participants: row.ge_participants,
            unit: row.ge_unit.clone(),
            contact: row.ge_contact.clone(),
            summary: row.ge_summary.clone(),
        },
    }
}

/// Caches `side` as `party`'s on `row`.
pub(crate) fn cache_side(row: &mut activity::Model, party: Party, side: Side) {
    let Side {
        participants,
        unit,
        contact,
        summary,
    } = side;
    match party {
        Party::Az => {
            (row.az_participants, row.az_unit, row.az_contact, row.az_summary) = (participants, unit, contact, summary)
        }
        Party::Ge => {
            (row.ge_participants, row.ge_unit, row.ge_contact, row.ge_summary) = (participants, unit, contact, summary)
        }
    }
}

/// `next` with the cache columns of `from` (those of
/// `federation::tables::ACTIVITY_CACHE`).
fn with_cache_of(next: &activity::Model, from: &activity::Model) -> activity::Model {
    let mut row = next.clone();
    for party in Party::ALL {
        cache_side(&mut row, *party, side(from, *party));
    }
    row.consent_az = from.consent_az;
    row.consent_ge = from.consent_ge;
    row.consent = from.consent;
    row.execution = from.execution;
    row.execution_reason = from.execution_reason.clone();
    row.search_text = from.search_text.clone();
    row.version = from.version;
    row.updated_at = from.updated_at;
    row.created_by = from.created_by;
    row
}

/// Whether `next` differs from `row` in its cache columns only.
pub(crate) fn only_cache_changed(row: &activity::Model, next: &activity::Model) -> bool {
    with_cache_of(next, row) == *row
}

/// Writes the owned rows a change of an activity from `row` to `next`
/// makes by `caller`: a changed side is its party's row, a changed status
/// the host's. Refuses (`foreign_row`) a change of a row the caller's
/// party does not own: another party's side or status, or, on the
/// proposer's row, anything but its cache.
pub(crate) async fn write<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    row: &activity::Model,
    next: &activity::Model,
) -> Result<(), AppError> {
    let mine = |owner: Party| {
        if owner == caller.party {
            Ok(())
        } else {
            Err(AppError::ForeignRow { owner })
        }
    };
    if !only_cache_changed(row, next) {
        mine(row.proposing_party)?;
    }
    for party in Party::ALL {
        let written = side(next, *party);
        if side(row, *party) != written {
            mine(*party)?;
            write_side(conn, next, *party, written).await?;
        }
    }
    if (row.execution, &row.execution_reason) != (next.execution, &next.execution_reason) {
        mine(next.host_party)?;
        write_execution(conn, next).await?;
    }
    Ok(())
}

/// Writes `party`'s side row of a newly created activity, when it says anything.
pub(crate) async fn create<C: ConnectionTrait>(conn: &C, row: &activity::Model, party: Party) -> Result<(), AppError> {
    let written = side(row, party);
    if !written.is_empty() {
        write_side(conn, row, party, written).await?;
    }
    Ok(())
}

async fn write_side<C: ConnectionTrait>(
    conn: &C,
    row: &activity::Model,
    party: Party,
    side: Side,
) -> Result<(), AppError> {
    let existing = activity_side::Entity::find()
        .filter(activity_side::Column::ActivityId.eq(row.id))
        .filter(activity_side::Column::Party.eq(party))
        .one(conn)
        .await?;
    let (mut active, version) = match existing {
        Some(existing) => {
            let version = existing.version + 1;
            (existing.into_active_model(), version)
        }
        None => (
            activity_side::ActiveModel {
                activity_id: Set(row.id),
                party: Set(party),
                ..Default::default()
            },
            1,
        ),
    };
    active.participants = Set(side.participants);
    active.unit = Set(side.unit);
    active.contact = Set(side.contact);
    active.summary = Set(side.summary);
    // Written on a shared activity, it may leave its node at once; a
    // draft's is marked in the sharing transaction (`sharing::sides`).
    active.shared = Set(row.shared);
    active.version = Set(version);
    active.updated_at = Set(Utc::now());
    active.save(conn).await?;
    Ok(())
}

async fn write_execution<C: ConnectionTrait>(conn: &C, row: &activity::Model) -> Result<(), AppError> {
    let existing = activity_execution::Entity::find()
        .filter(activity_execution::Column::ActivityId.eq(row.id))
        .filter(activity_execution::Column::Party.eq(row.host_party))
        .one(conn)
        .await?;
    let (mut active, version) = match existing {
        Some(existing) => {
            let version = existing.version + 1;
            (existing.into_active_model(), version)
        }
        None => (
            activity_execution::ActiveModel {
                activity_id: Set(row.id),
                party: Set(row.host_party),
                ..Default::default()
            },
            1,
        ),
    };
    active.status = Set(row.execution);
    active.reason = Set(row.execution_reason.clone());
    active.version = Set(version);
    active.updated_at = Set(Utc::now());
    active.save(conn).await?;
    Ok(())
}

/// `row` with the sides and the execution status its owned rows say (what
/// the cache must hold): each party's side row or nothing written, the
/// current host's status or planned. `sides` and `executions` may be any
/// activities' rows.
pub(crate) fn with_owned(
    row: &activity::Model,
    sides: &[activity_side::Model],
    executions: &[activity_execution::Model],
) -> activity::Model {
    let mut derived = row.clone();
    for party in Party::ALL {
        let side = sides
            .iter()
            .find(|s| s.activity_id == row.id && s.party == *party)
            .map(Side::of_row)
            .unwrap_or_default();
        cache_side(&mut derived, *party, side);
    }
    let execution = executions
        .iter()
        .find(|e| e.activity_id == row.id && e.party == row.host_party);
    (derived.execution, derived.execution_reason) = match execution {
        Some(e) => (e.status, e.reason.clone()),
        None => (concord_shared::api::ExecutionStatus::Planned, None),
    };
    derived
}
