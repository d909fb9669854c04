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
    /// The node's Ed25519 key, which signs the joint chains and the
    /// signatures of plans (see [`AppState::with_node_key`]); `None` leaves
    /// them unsigned.
    pub node_key: Option<Arc<ed25519_dalek::SigningKey>>,
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
            node_key: None,
        }
    }

    /// With the node's key, made in the data directory at the first start
    /// (`crate::federation::keys`): a single node signs too, for both parties.
    pub fn with_node_key(mut self) -> anyhow::Result<AppState> {
        let (key, _) = crate::federation::keys::load_or_create(&crate::federation::keys::path(&self.settings))?;
        self.node_key = Some(Arc::new(key));
        Ok(self)
    }

    /// Runs `work` with the node's key at hand for the joint chain.
    pub async fn signing<F: Future>(&self, work: F) -> F::Output {
        crate::federation::keys::scope(self.node_key.clone(), work).await
    }

    /// Starts a write transaction.
    pub async fn write(&self) -> Result<db::WriteTx, sea_orm::DbErr> {
        Ok(db::WriteTx::begin(&self.db, &self.write_lock)
            .await?
            .notifying(self.events.waker()))
    }
}
