//! What every handler and model function can reach: the database, the
//! settings, the caches and the document store. Kept apart from
//! [`crate::startup`], which builds the router, so that the model layer never
//! depends on the routes.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::config::Settings;
use crate::db;

/// Memory for cached activity lists: a few hundred pages of the board.
const PAGE_CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The database pool.
    pub db: DatabaseConnection,
    /// The settings the application was built with.
    pub settings: Arc<Settings>,
    /// Serializes writers on SQLite (see [`db::WriteTx`]).
    pub write_lock: Arc<tokio::sync::Mutex<()>>,
    /// Serialized activity lists per plan revision (see [`crate::cache`]).
    pub pages: Arc<crate::cache::PageCache>,
    /// Recently checked sessions (see [`crate::cache::SessionCache`]).
    pub sessions: Arc<crate::cache::SessionCache>,
    /// Where documents' bytes live.
    pub store: Arc<dyn crate::storage::BlobStore>,
    /// The live stream of changes (see [`crate::events`]).
    pub events: Arc<crate::events::Hub>,
    /// The process's Prometheus metrics (see [`crate::metrics`]).
    pub metrics: Arc<crate::metrics::Metrics>,
}

impl AppState {
    /// Builds the state over a database connection.
    pub fn new(db: DatabaseConnection, settings: Settings) -> AppState {
        AppState {
            db,
            store: Arc::new(crate::storage::FsStore::new(&settings.data_dir)),
            settings: Arc::new(settings),
            write_lock: Arc::new(tokio::sync::Mutex::new(())),
            pages: Arc::new(crate::cache::PageCache::new(PAGE_CACHE_BYTES)),
            sessions: Arc::new(crate::cache::SessionCache::new(10_000)),
            events: Arc::new(crate::events::Hub::new()),
            metrics: Arc::new(crate::metrics::Metrics::new()),
        }
    }

    /// Starts a write transaction.
    pub async fn write(&self) -> Result<db::WriteTx, sea_orm::DbErr> {
        Ok(db::WriteTx::begin(&self.db, &self.write_lock)
            .await?
            .notifying(self.events.waker()))
    }
}
