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
    let mut options = ConnectOptions::new(settings.database_url.clone());
    options
        // SQLite: each connection is a thread of its own (sqlx-sqlite); beyond
        // a few, they only add context switches on a small machine.
        .max_connections(if settings.is_sqlite() { 4 } else { 16 })
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
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
/// first: SQLite allows one writer, and a deferred transaction that read
/// before another committed would fail to upgrade instead of waiting.
pub struct WriteTx {
    txn: sea_orm::DatabaseTransaction,
    _guard: Option<tokio::sync::OwnedMutexGuard<()>>,
    hub: Option<std::sync::Arc<crate::events::Hub>>,
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
        use sea_orm::TransactionTrait;
        let guard = if db.get_database_backend() == sea_orm::DbBackend::Sqlite {
            Some(lock.clone().lock_owned().await)
        } else {
            None
        };
        Ok(WriteTx {
            txn: db.begin().await?,
            _guard: guard,
            hub: None,
        })
    }

    /// Wakes the live stream's tail task when this transaction commits.
    pub fn notifying(mut self, hub: std::sync::Arc<crate::events::Hub>) -> WriteTx {
        self.hub = Some(hub);
        self
    }

    /// Commits.
    pub async fn commit(self) -> Result<(), sea_orm::DbErr> {
        self.txn.commit().await?;
        if let Some(hub) = &self.hub {
            hub.wake();
        }
        Ok(())
    }
}
