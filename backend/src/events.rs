//! The live stream of changes. Every change is already an entry of the audit
//! log, written in the same transaction as the change itself, numbered
//! without gaps and marked with who may read it (`joint`, `az`, `ge`). So the
//! stream is the audit log's tail: one task per process follows it and hands
//! each new entry to the connected streams, each of which passes on only what
//! its user may see. The log is also the replay window: a client that
//! reconnects with `Last-Event-ID` gets what it missed from the table.
//!
//! The tail task wakes when a write transaction of this process commits
//! ([`Hub::wake`]), on PostgreSQL also on `NOTIFY concord_changes` (sent by
//! [`crate::audit::append`] and delivered at commit, so a change written by
//! another process on the same database reaches this one's streams), and
//! once a second in any case.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use concord_shared::api::Change;
use concord_shared::rules::{self, Scope};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use tokio::sync::{Notify, broadcast, watch};

use crate::auth::caller::AuthUser;
use crate::entities::audit_log::{self, Column, Entity};

pub use crate::audit::CHANGES_CHANNEL as CHANNEL;

/// The most entries a reconnecting stream replays; beyond it the client is
/// told to reload everything (`reset`).
pub const REPLAY_LIMIT: u64 = 1000;

/// How many changes a slow stream may fall behind before it is reset.
const BUFFER: usize = 4096;

/// How many rows of the log the tail task reads at a time.
const PUMP_ROWS: u64 = 500;

/// One entry of the log as the hub passes it on: the wire form and who may read it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What the stream sends.
    pub change: Change,
    /// Who may read it.
    pub scope: Scope,
}

impl Entry {
    /// The entry of a row of the log; none for what people do not follow
    /// (accounts, sessions, tokens, webhooks: not a `ChangeKind`).
    pub fn from_row(row: audit_log::Model) -> Option<Entry> {
        let kind = rules::webhooks::kind_of(&row.entity_type, &row.action)?;
        let scope = row.scope;
        let after: Option<serde_json::Value> = row.after.as_deref().and_then(|t| serde_json::from_str(t).ok());
        let field = |name: &str| {
            after
                .as_ref()
                .and_then(|a| a.get(name))
                .and_then(serde_json::Value::as_i64)
        };
        Some(Entry {
            change: Change {
                id: i64::from(row.id),
                at: row.at,
                action: row.action,
                entity_type: row.entity_type,
                kind,
                entity_id: row.entity_id,
                version: field("version"),
                year: field("year").and_then(|y| i32::try_from(y).ok()),
                actor: row.actor_label,
                party: row.party,
            },
            scope,
        })
    }

    /// Whether `caller` may see this change: the rule that decides whether
    /// they may read the thing itself.
    pub fn visible_to(&self, caller: &AuthUser) -> bool {
        rules::roles::see(caller.actor(), self.scope).is_ok()
    }
}

/// Rows of the log read by [`Hub::since`].
#[derive(Debug)]
pub struct Batch {
    /// The followed changes among them, oldest first.
    pub entries: Vec<Entry>,
    /// The id of the last row read; the `after` asked for when none was.
    pub last: i64,
    /// How many rows were read (followed or not).
    pub read: usize,
    /// Whether any of them changed a session, a token or a user: what a
    /// caller's credentials stand on.
    pub credentials: bool,
}

/// The process's hub of changes.
pub struct Hub {
    sender: broadcast::Sender<Arc<Entry>>,
    wake: Arc<Notify>,
    /// The id of the last entry handed on.
    last: AtomicI64,
    closing: watch::Sender<bool>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub::new()
    }
}

impl Hub {
    /// A hub with no task yet (see [`Hub::follow`]).
    pub fn new() -> Hub {
        Hub {
            sender: broadcast::channel(BUFFER).0,
            wake: Arc::new(Notify::new()),
            last: AtomicI64::new(0),
            closing: watch::channel(false).0,
        }
    }

    /// Tells the tail task that a write committed.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// What a write transaction notifies at commit (see [`crate::db::WriteTx::notifying`]).
    pub fn waker(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    /// Ends every stream (the server is stopping).
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// A receiver that turns true when the server stops.
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// A receiver of every change from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Entry>> {
        self.sender.subscribe()
    }

    /// At most `limit` rows of the log after the id `after`, oldest first:
    /// the followed ones as entries, and the id of the last row read (the
    /// cursor to continue from). Both the replay of a reconnecting stream
    /// and the tail task read the log through this one query.
    pub async fn since(db: &DatabaseConnection, after: i64, limit: u64) -> Result<Batch, sea_orm::DbErr> {
        let after = after.max(0);
        let rows = Entity::find()
            .filter(Column::Id.gt(i32::try_from(after).unwrap_or(i32::MAX)))
            .order_by_asc(Column::Id)
            .limit(limit)
            .all(db)
            .await?;
        let read = rows.len();
        let last = rows.last().map_or(after, |r| i64::from(r.id));
        let credentials = rows
            .iter()
            .any(|r| matches!(r.entity_type.as_str(), "session" | "token" | "user"));
        Ok(Batch {
            credentials,
            entries: rows.into_iter().filter_map(Entry::from_row).collect(),
            last,
            read,
        })
    }

    /// The id of the newest entry in the log.
    pub async fn newest(db: &DatabaseConnection) -> Result<i64, sea_orm::DbErr> {
        let row = Entity::find()
            .select_only()
            .column(Column::Id)
            .order_by_desc(Column::Id)
            .limit(1)
            .into_tuple::<i32>()
            .one(db)
            .await?;
        Ok(row.map_or(0, i64::from))
    }

    /// Follows the log from its current end until the server stops: the
    /// process's one tail task. An entry that changed a session, a token or
    /// a user (made by any process on this database) empties `credentials`,
    /// so a sign-out, revocation, demotion or disabling holds on every
    /// instance within the moment the notification takes.
    pub async fn follow(
        self: Arc<Hub>,
        db: DatabaseConnection,
        postgres_url: Option<String>,
        poll: Duration,
        credentials: Arc<crate::cache::SessionCache>,
    ) {
        let mut closing = self.closing();
        let start = Hub::newest(&db).await.unwrap_or(0);
        self.last.store(start, Ordering::SeqCst);
        let mut listener = match &postgres_url {
            Some(url) => listen(url).await,
            None => None,
        };
        loop {
            // A receiver marks the value it starts with as seen: a stop that
            // came before this task subscribed shows only in the value.
            if *closing.borrow_and_update() {
                return;
            }
            tokio::select! {
                () = self.wake.notified() => {}
                notified = recv(&mut listener) => {
                    if !notified {
                        // The listening connection dropped: reconnect, and read
                        // the log meanwhile so nothing is missed.
                        tokio::time::sleep(Duration::from_millis(500)).await;
                        if let Some(url) = &postgres_url {
                            listener = listen(url).await;
                        }
                    }
                }
                () = tokio::time::sleep(poll) => {}
                _ = closing.changed() => return,
            }
            self.pump(&db, &credentials).await;
        }
    }

    /// Hands on every entry after the last one handed on.
    async fn pump(&self, db: &DatabaseConnection, credentials: &crate::cache::SessionCache) {
        loop {
            let batch = match Hub::since(db, self.last.load(Ordering::SeqCst), PUMP_ROWS).await {
                Ok(batch) => batch,
                Err(error) => {
                    tracing::warn!(%error, "reading the audit log for the live stream");
                    return;
                }
            };
            if batch.credentials {
                credentials.invalidate();
            }
            for entry in batch.entries {
                // No receiver is not an error: nobody is connected.
                let _ = self.sender.send(Arc::new(entry));
            }
            self.last.store(batch.last, Ordering::SeqCst);
            if (batch.read as u64) < PUMP_ROWS {
                return;
            }
        }
    }
}

async fn listen(url: &str) -> Option<sea_orm::sqlx::postgres::PgListener> {
    let mut listener = match sea_orm::sqlx::postgres::PgListener::connect(url).await {
        Ok(l) => l,
        Err(error) => {
            tracing::warn!(%error, "connecting to listen for changes; falling back to reading once a second");
            return None;
        }
    };
    if let Err(error) = listener.listen(CHANNEL).await {
        tracing::warn!(%error, "listening for changes; falling back to reading once a second");
        return None;
    }
    Some(listener)
}

/// Waits for a notification; false when the connection is gone. Without a
/// listener it never returns.
async fn recv(listener: &mut Option<sea_orm::sqlx::postgres::PgListener>) -> bool {
    match listener {
        Some(l) => match l.try_recv().await {
            Ok(Some(_)) => true,
            Ok(None) | Err(_) => {
                *listener = None;
                false
            }
        },
        None => std::future::pending().await,
    }
}
