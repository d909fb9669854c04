//! Prometheus metrics (`GET /metrics`, OpenMetrics text; served by
//! [`crate::startup`] on their own address, `CONCORD_METRICS_BIND`, off by
//! default, never on the public port): requests by route template and status with their latency, the
//! database pool, open live streams, failed sign-ins and documents stored.

use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use sea_orm::{DatabaseBackend, DatabaseConnection, EntityTrait, PaginatorTrait};

/// A request, as counted.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// The HTTP method.
    pub method: String,
    /// The route template (`/api/v1/activities/{id}`), never the raw path:
    /// ids and search terms would make every request its own series.
    pub route: String,
    /// The answer's status code.
    pub status: u16,
}

/// A route, as timed.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    /// The HTTP method.
    pub method: String,
    /// The route template.
    pub route: String,
}

type LatencyFamily = Family<RouteLabels, Histogram, fn() -> Histogram>;

fn latency_histogram() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

/// The process's metrics.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: LatencyFamily,
    sign_in_failures: Counter,
    streams: Gauge,
    pool_size: Gauge,
    pool_idle: Gauge,
    pool_max: Gauge,
    documents: Gauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Default for Metrics {
    fn default() -> Metrics {
        Metrics::new()
    }
}

impl Metrics {
    /// A fresh registry with every metric at zero.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("concord");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        let latency = LatencyFamily::new_with_constructor(latency_histogram);
        registry.register(
            "http_request_duration_seconds",
            "Time from a request's arrival to its answer's headers",
            latency.clone(),
        );
        let sign_in_failures = Counter::default();
        registry.register("sign_in_failures", "Sign-ins refused", sign_in_failures.clone());
        let streams = Gauge::default();
        registry.register(
            "live_streams",
            "Open live streams (GET /api/v1/events)",
            streams.clone(),
        );
        let pool_size = Gauge::default();
        registry.register("db_pool_connections", "Database connections open", pool_size.clone());
        let pool_idle = Gauge::default();
        registry.register("db_pool_idle", "Database connections open and idle", pool_idle.clone());
        let pool_max = Gauge::default();
        registry.register(
            "db_pool_max",
            "Most database connections the pool opens",
            pool_max.clone(),
        );
        let documents = Gauge::default();
        registry.register("documents_stored", "Documents recorded", documents.clone());
        Metrics {
            registry,
            requests,
            latency,
            sign_in_failures,
            streams,
            pool_size,
            pool_idle,
            pool_max,
            documents,
        }
    }

    /// Counts an answered request.
    pub fn record(&self, method: &str, route: &str, status: u16, took: Duration) {
        let route = route.to_owned();
        let method = method.to_owned();
        self.latency
            .get_or_create(&RouteLabels {
                method: method.clone(),
                route: route.clone(),
            })
            .observe(took.as_secs_f64());
        self.requests
            .get_or_create(&RequestLabels { method, route, status })
            .inc();
    }

    /// Counts an open live stream until the guard is dropped (the stream ends).
    pub fn stream_opened(&self) -> StreamGuard {
        self.streams.inc();
        StreamGuard(self.streams.clone())
    }

    /// Counts a refused sign-in.
    pub fn sign_in_failed(&self) {
        self.sign_in_failures.inc();
    }

    /// The text a scrape gets, with the gauges read now from `db`.
    pub async fn render(&self, db: &DatabaseConnection) -> String {
        let (size, idle, max) = pool(db);
        self.pool_size.set(size);
        self.pool_idle.set(idle);
        self.pool_max.set(max);
        match crate::entities::document::Entity::find().count(db).await {
            Ok(n) => {
                self.documents.set(gauge(n));
            }
            Err(error) => tracing::warn!(%error, "counting documents for the metrics"),
        }
        let mut text = String::new();
        if let Err(error) = encode(&mut text, &self.registry) {
            tracing::error!(%error, "encoding the metrics");
        }
        text
    }
}

/// One open live stream, counted while it lives.
#[derive(Debug)]
pub struct StreamGuard(Gauge);

impl Drop for StreamGuard {
    fn drop(&mut self) {
        self.0.dec();
    }
}

fn gauge(n: impl TryInto<i64>) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

/// The pool's open, idle and most connections.
fn pool(db: &DatabaseConnection) -> (i64, i64, i64) {
    if db.get_database_backend() == DatabaseBackend::Sqlite {
        let pool = db.get_sqlite_connection_pool();
        (
            gauge(pool.size()),
            gauge(pool.num_idle()),
            gauge(pool.options().get_max_connections()),
        )
    } else {
        let pool = db.get_postgres_connection_pool();
        (
            gauge(pool.size()),
            gauge(pool.num_idle()),
            gauge(pool.options().get_max_connections()),
        )
    }
}
