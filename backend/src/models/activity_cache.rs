//! Each node's cache on its activity rows (issue 18, docs/federation.md):
//! the consents, the parties' sides, the execution status and the search
//! text of an activity row are derived from the rows that hold them
//! (`activity_consents`, `activity_sides`, `activity_execution`, the
//! substance), and a row that arrives by replication fires none of the
//! triggers or model code that keep them on a single node. So the node
//! derives them again ([`rederive`]) when `federation::apply` hears that a
//! row was applied, and sweeps every shared activity ([`sweep`]) when it
//! starts listening, for what arrived while it was not. The rule is the
//! rule book's (`rules::consents`), never SQL.

use chrono::Utc;
use concord_shared::rules::Scope;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, Set, TransactionTrait,
};
use serde_json::json;

use super::activity_rows::with_owned;
use crate::audit::{self, Event};
use crate::entities::{activity, activity_consent, activity_execution, activity_side};
use crate::error::AppError;

/// `row` with its cache as its rows say; `consents`, `sides` and
/// `executions` may be any activities' rows.
fn derived(
    row: &activity::Model,
    consents: &[activity_consent::Model],
    sides: &[activity_side::Model],
    executions: &[activity_execution::Model],
) -> activity::Model {
    let mut next = with_owned(row, sides, executions);
    let derived = super::consents::derive_from(row, consents);
    (next.consent_az, next.consent_ge, next.consent) = (derived.az, derived.ge, derived.state);
    next.search_text = super::activities::search_text(row);
    next
}

/// The rows of `ids` (or of every activity) that the cache is made of.
async fn rows_of<C: ConnectionTrait>(
    conn: &C,
    ids: Option<&[i32]>,
) -> Result<
    (
        Vec<activity_consent::Model>,
        Vec<activity_side::Model>,
        Vec<activity_execution::Model>,
    ),
    AppError,
> {
    let mut consents = activity_consent::Entity::find();
    let mut sides = activity_side::Entity::find();
    let mut executions = activity_execution::Entity::find();
    if let Some(ids) = ids {
        consents = consents.filter(activity_consent::Column::ActivityId.is_in(ids.iter().copied()));
        sides = sides.filter(activity_side::Column::ActivityId.is_in(ids.iter().copied()));
        executions = executions.filter(activity_execution::Column::ActivityId.is_in(ids.iter().copied()));
    }
    Ok((
        consents.all(conn).await?,
        sides.all(conn).await?,
        executions.all(conn).await?,
    ))
}

/// Derives the cache of the activity `activity_id` (row id) again, in one
/// transaction, and writes it when it changed, or in any case when the row
/// itself was `applied` (its substance may have changed): the node's own
/// version counter moves, so a client's `If-Match` on what it read before
/// is refused, and the live stream carries the change. Whether it wrote.
pub async fn rederive(db: &DatabaseConnection, activity_id: i32, applied: bool) -> Result<bool, AppError> {
    write(db, activity_id, applied, true).await
}

/// [`rederive`]; `announce`: with an entry of the node's log (the live
/// stream and the webhooks follow it).
async fn write(db: &DatabaseConnection, activity_id: i32, applied: bool, announce: bool) -> Result<bool, AppError> {
    let txn = db.begin().await?;
    let Some(row) = activity::Entity::find_by_id(activity_id)
        .lock_exclusive()
        .one(&txn)
        .await?
    else {
        // Gone (a row taken out of the publication is applied as a delete).
        return Ok(false);
    };
    let (consents, sides, executions) = rows_of(&txn, Some(&[activity_id])).await?;
    let next = derived(&row, &consents, &sides, &executions);
    if next == row && !applied {
        return Ok(false);
    }
    let mut active = row.clone().into_active_model();
    active.consent_az = Set(next.consent_az);
    active.consent_ge = Set(next.consent_ge);
    active.consent = Set(next.consent);
    active.az_participants = Set(next.az_participants);
    active.az_unit = Set(next.az_unit);
    active.az_contact = Set(next.az_contact);
    active.az_summary = Set(next.az_summary);
    active.ge_participants = Set(next.ge_participants);
    active.ge_unit = Set(next.ge_unit);
    active.ge_contact = Set(next.ge_contact);
    active.ge_summary = Set(next.ge_summary);
    active.execution = Set(next.execution);
    active.execution_reason = Set(next.execution_reason);
    active.search_text = Set(next.search_text);
    active.version = Set(row.version + 1);
    active.updated_at = Set(Utc::now());
    let updated = active.update(&txn).await?;
    if announce && updated.shared {
        audit::append(
            &txn,
            Event {
                actor: &audit::Actor::anonymous("replication"),
                action: "activity.replicated",
                entity_type: "activity",
                entity_id: Some(updated.public_id.to_string()),
                scope: Scope::Joint,
                before: None,
                after: Some(json!(super::activity_view::plain(&updated))),
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(true)
}

/// What a sweep found and did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Shared activities read.
    pub read: usize,
    /// Those whose cache disagreed with their rows, derived again.
    pub rederived: usize,
}

/// Derives again the cache of every shared activity whose cache disagrees
/// with its rows (read in four statements, compared here; only those that
/// disagree are written, each in its own transaction, without an entry of
/// the log: a client that was away reloads anyway).
pub async fn sweep(db: &DatabaseConnection) -> Result<Swept, AppError> {
    let rows = activity::Entity::find()
        .filter(activity::Column::Shared.eq(true))
        .all(db)
        .await?;
    let (consents, sides, executions) = rows_of(db, None).await?;
    let mut swept = Swept {
        read: rows.len(),
        rederived: 0,
    };
    for row in &rows {
        if derived(row, &consents, &sides, &executions) != *row && write(db, row.id, false, false).await? {
            swept.rederived += 1;
        }
    }
    Ok(swept)
}
