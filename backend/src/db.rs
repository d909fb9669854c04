//! Connecting to the database and bringing its schema up to date.

use std::time::Duration;

use anyhow::Context;
use concord_migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};

use crate::config::{Settings, redact_url};

/// Connects to the configured database, creating the SQLite data directory
/// when needed, and runs every pending migration.
pub async fn connect_and_migrate(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    if settings.is_sqlite() {
        std::fs::create_dir_all(&settings.data_dir)
            .with_context(|| format!("creating the data directory {}", settings.data_dir.display()))?;
    }
    // How long a request may wait for a connection before it is answered 503
    // (both settings are sqlx's acquire timeout). A PostgreSQL server that
    // went away refuses connections, and sqlx retries them until this
    // deadline: short, so that requests during an outage are told at once
    // (tests/api/pg_restart.rs) rather than hang. SQLite, a local file,
    // only ever waits for its few connections under load.
    let wait = Duration::from_secs(if settings.is_sqlite() { 10 } else { 3 });
    let mut options = ConnectOptions::new(settings.database_url.clone());
    options
        // SQLite: each connection is a thread of its own (sqlx-sqlite); beyond
        // a few, they only add context switches on a small machine.
        .max_connections(if settings.is_sqlite() { 4 } else { 16 })
        .min_connections(1)
        .connect_timeout(wait)
        .acquire_timeout(wait)
        .sqlx_logging(false);
    if settings.is_sqlite() {
        // WAL lets readers proceed during a write; foreign keys are off by
        // default in SQLite; a busy timeout queues writers instead of failing.
        options.map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
        });
    }
    let db = Database::connect(options)
        .await
        .with_context(|| format!("connecting to {}", redact_url(&settings.database_url)))?;
    Migrator::up(&db, None)
        .await
        .context("running the database migrations")?;
    Ok(db)
}

/// A write transaction. On SQLite, writers also queue on a process-wide lock
/// first (SQLite allows one writer), then begin `IMMEDIATE`: the write lock
/// is taken at `BEGIN`, where the busy timeout applies, so a write outside
/// this lock (a session's last use) makes it wait instead of failing to
/// upgrade a deferred transaction with "database is locked".
pub struct WriteTx {
    txn: sea_orm::DatabaseTransaction,
    _guard: Option<tokio::sync::OwnedMutexGuard<()>>,
    committed: Option<std::sync::Arc<tokio::sync::Notify>>,
}

impl std::ops::Deref for WriteTx {
    type Target = sea_orm::DatabaseTransaction;
    fn deref(&self) -> &Self::Target {
        &self.txn
    }
}

impl WriteTx {
    /// Starts a write transaction.
    pub async fn begin(
        db: &DatabaseConnection,
        lock: &std::sync::Arc<tokio::sync::Mutex<()>>,
    ) -> Result<WriteTx, sea_orm::DbErr> {
        use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
        if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
            return Ok(WriteTx {
                txn: db.begin().await?,
                _guard: None,
                committed: None,
            });
        }
        let guard = lock.clone().lock_owned().await;
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        };
        Ok(WriteTx {
            txn: db.begin_with_options(options).await?,
            _guard: Some(guard),
            committed: None,
        })
    }

    /// Notifies `committed` when this transaction commits (the live
    /// stream's tail task waits on it).
    pub fn notifying(mut self, committed: std::sync::Arc<tokio::sync::Notify>) -> WriteTx {
        self.committed = Some(committed);
        self
    }

    /// Commits.
    pub async fn commit(self) -> Result<(), sea_orm::DbErr> {
        self.txn.commit().await?;
        if let Some(committed) = &self.committed {
            committed.notify_one();
        }
        Ok(())
    }
}

/// Seconds a client is told to wait when the database is unavailable.
pub const RETRY_AFTER_SECONDS: u64 = 2;

/// What a database error means for the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The connection failed or was dropped, the pool had none to give, the
    /// database is locked, or the transaction lost a deadlock or a
    /// serialization check: nothing was written, and a retry may succeed (503).
    Unavailable,
    /// A unique key refused a row another request wrote at the same moment (409).
    Duplicate,
    /// Anything else: a defect (500).
    Other,
}

/// The SQLSTATE of the federation trigger's refusal of the other party's
/// row (raised by the trigger `federation::setup` installs).
pub const FOREIGN_ROW_SQLSTATE: &str = "CN409";

/// The owning party named by the federation trigger's refusal of a row
/// ([`FOREIGN_ROW_SQLSTATE`]), when that is what `err` is.
pub fn foreign_row(err: &sea_orm::DbErr) -> Option<concord_shared::Party> {
    use sea_orm::{DbErr, RuntimeErr};
    let (DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))) = err else {
        return None;
    };
    let sea_orm::sqlx::Error::Database(db) = &**e else {
        return None;
    };
    if db.code().as_deref() != Some(FOREIGN_ROW_SQLSTATE) {
        return None;
    }
    let pg = db.try_downcast_ref::<sea_orm::sqlx::postgres::PgDatabaseError>()?;
    concord_shared::Party::from_code(pg.detail()?)
}

/// Classifies a database error (SQLite and PostgreSQL).
pub fn classify(err: &sea_orm::DbErr) -> Failure {
    use sea_orm::sqlx::Error as SqlxError;
    use sea_orm::{DbErr, RuntimeErr};
    let sqlx = match err {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => return Failure::Unavailable,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => e,
        _ => return Failure::Other,
    };
    match &**sqlx {
        SqlxError::Io(_)
        | SqlxError::Tls(_)
        | SqlxError::Protocol(_)
        | SqlxError::PoolTimedOut
        | SqlxError::PoolClosed
        | SqlxError::WorkerCrashed
        | SqlxError::BeginFailed => Failure::Unavailable,
        SqlxError::Database(db) => {
            if db.is_unique_violation() {
                return Failure::Duplicate;
            }
            let code = db.code().unwrap_or_default();
            let retryable = if db.try_downcast_ref::<sea_orm::sqlx::sqlite::SqliteError>().is_some() {
                // SQLITE_BUSY and SQLITE_LOCKED, with their extended codes.
                code.parse::<i32>().is_ok_and(|n| matches!(n & 0xff, 5 | 6))
            } else {
                // PostgreSQL: connection exceptions (08…), the server shutting
                // down or the backend terminated (57P0…), serialization
                // failure and deadlock (40001, 40P01).
                code.starts_with("08") || code.starts_with("57P0") || code == "40001" || code == "40P01"
            };
            if retryable {
                Failure::Unavailable
            } else {
                Failure::Other
            }
        }
        _ => Failure::Other,
    }
}
