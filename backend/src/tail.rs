//! Following the audit log with a durable, locked cursor: what the alert
//! worker and the webhook worker share.
//!
//! Every change is already an audit entry, numbered without gaps and
//! appended in commit order (under the chain's lock). A worker keeps how far
//! it has read in its own row of `alert_cursor` ([`ALERTS`], [`WEBHOOKS`]).
//! [`claim`] opens a write transaction, locks that row and reads the entries
//! after it; the worker writes what it derives in the same transaction and
//! [`Claimed::advance`] moves the cursor and commits. So each entry is
//! handled exactly once: a crash before the commit leaves the cursor where
//! it was, and another process's worker waits on the row's lock, then starts
//! after what the first wrote.

use std::future::Future;
use std::sync::Arc;

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};

use crate::db::WriteTx;
use crate::entities::alert::cursor;
use crate::entities::audit_log;
use crate::error::AppError;
use crate::state::AppState;

/// The alert worker's cursor row.
pub const ALERTS: i32 = 1;
/// The webhook worker's cursor row.
pub const WEBHOOKS: i32 = 2;

/// A batch of entries after a cursor, read under the cursor's lock.
pub struct Claimed {
    /// The transaction holding the cursor's lock: write what the entries
    /// give in it.
    pub tx: WriteTx,
    /// The entries, oldest first (at least one).
    pub entries: Vec<audit_log::Model>,
    /// Whether the batch was full (more may follow).
    pub full: bool,
    cursor: i32,
}

/// Locks the cursor `cursor` and reads at most `batch` entries after it;
/// `None` (and the transaction rolled back) when the log holds nothing new.
pub async fn claim(state: &AppState, cursor: i32, batch: u64) -> Result<Option<Claimed>, AppError> {
    let tx = state.write().await?;
    // The row's lock makes every other process's worker wait (on SQLite the
    // write lock already does).
    let at = cursor::Entity::find_by_id(cursor)
        .lock_exclusive()
        .one(&*tx)
        .await?
        .map_or(0, |c| c.last_audit_id);
    let entries = audit_log::Entity::find()
        .filter(audit_log::Column::Id.gt(at))
        .order_by_asc(audit_log::Column::Id)
        .limit(batch)
        .all(&*tx)
        .await?;
    if entries.is_empty() {
        return Ok(None);
    }
    Ok(Some(Claimed {
        tx,
        full: entries.len() as u64 == batch,
        entries,
        cursor,
    }))
}

impl Claimed {
    /// Moves the cursor past the batch and commits what was written with it.
    pub async fn advance(self) -> Result<(), AppError> {
        let last = self.entries.last().map_or(0, |e| e.id);
        cursor::ActiveModel {
            id: Set(self.cursor),
            last_audit_id: Set(last),
        }
        .update(&*self.tx)
        .await?;
        self.tx.commit().await?;
        Ok(())
    }
}

/// Runs `work` whenever the hub hands on a change (and at least every
/// `CONCORD_LIVE_POLL_MS`) until the server stops; `what` names it in the log.
pub async fn follow<F, Fut>(state: AppState, what: &'static str, mut work: F)
where
    F: FnMut(AppState) -> Fut,
    Fut: Future<Output = Result<u64, AppError>>,
{
    let hub = Arc::clone(&state.events);
    let mut changes = hub.subscribe();
    let mut closing = hub.closing();
    loop {
        // A stop that came before this task subscribed shows only in the value.
        if *closing.borrow_and_update() {
            return;
        }
        if let Err(error) = work(state.clone()).await {
            tracing::warn!(%error, "{what}; trying again shortly");
        }
        tokio::select! {
            // A lagged receiver is a wake-up too: the log is the truth.
            _ = changes.recv() => {}
            () = tokio::time::sleep(state.settings.live_poll) => {}
            _ = closing.changed() => return,
        }
    }
}
