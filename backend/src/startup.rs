//! Building and running the application: `Application::build(settings)` binds
//! the listener (port 0 picks a free one), connects to the database, runs the
//! migrations and assembles the router.

use std::future::Future;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use axum::extract::Request;
use axum::middleware;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;
use tracing::Span;

use crate::config::Settings;
use crate::security::{HeaderPolicy, security_headers};
use crate::state::AppState;
use crate::{db, routes, spa};

/// A built application, bound and ready to serve.
pub struct Application {
    listener: TcpListener,
    metrics_listener: Option<TcpListener>,
    router: Router,
    state: AppState,
}

impl Application {
    /// Binds, connects, migrates and builds the router.
    pub async fn build(mut settings: Settings) -> anyhow::Result<Application> {
        let db = db::connect_and_migrate(&settings).await?;
        crate::models::documents::sweep_staging(&settings.data_dir).await;
        let listener = TcpListener::bind(settings.bind)
            .await
            .with_context(|| format!("binding {}", settings.bind))?;
        // With port 0 the default public origin names the port actually bound.
        if settings.bind.port() == 0 && settings.public_origin == format!("http://{}", settings.bind) {
            settings.public_origin = format!("http://{}", listener.local_addr().context("reading the bound address")?);
        }
        let metrics_listener = match settings.metrics_bind {
            Some(addr) => Some(
                TcpListener::bind(addr)
                    .await
                    .with_context(|| format!("binding the metrics address {addr}"))?,
            ),
            None => None,
        };
        let state = AppState::new(db, settings).with_node_key()?;
        let router = router(state.clone());
        Ok(Application {
            listener,
            metrics_listener,
            router,
            state,
        })
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or_default()
    }

    /// The metrics address's port, when metrics are on.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_listener
            .as_ref()
            .and_then(|l| l.local_addr().ok())
            .map(|a| a.port())
    }

    /// The shared state (database and settings), for tests and commands.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        let Application {
            listener,
            metrics_listener,
            router,
            state,
        } = self;
        // The live stream's tail task; open streams end when shutdown begins,
        // or the graceful shutdown would wait for them for ever.
        let hub = state.events.clone();
        let postgres = (!state.settings.is_sqlite()).then(|| state.settings.database_url.clone());
        let follower = tokio::spawn(hub.clone().follow(
            state.db.clone(),
            postgres,
            state.settings.live_poll,
            state.sessions.clone(),
        ));
        let mut background = crate::alerts::spawn(&state)?;
        background.extend(crate::webhooks::spawn(&state));
        background.extend(crate::federation::apply::spawn(&state));
        let metrics = metrics_listener.map(|listener| {
            let mut closing = hub.closing();
            let router = metrics_router(state.clone());
            tokio::spawn(async move {
                let stop = async move {
                    let _ = closing.wait_for(|closed| *closed).await;
                };
                if let Err(error) = axum::serve(listener, router).with_graceful_shutdown(stop).await {
                    tracing::error!(%error, "serving the metrics");
                }
            })
        });
        let shutdown = async move {
            shutdown.await;
            hub.close();
        };
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await
        .context("serving HTTP")?;
        let _ = follower.await;
        for task in background {
            let _ = task.await;
        }
        if let Some(metrics) = metrics {
            let _ = metrics.await;
        }
        state.db.close().await.context("closing the database")?;
        tracing::info!("stopped");
        Ok(())
    }
}

/// The whole router: the API under `/api`, the SPA everywhere else, and the
/// layers every response passes (security headers, compression, tracing).
pub fn router(state: AppState) -> Router {
    let policy = HeaderPolicy {
        hsts: state.settings.is_https(),
    };
    let static_dir = state.settings.static_dir.clone();
    let observer = crate::observe::Observer {
        metrics: state.metrics.clone(),
        trusted: std::sync::Arc::new(state.settings.trusted_proxies.clone()),
    };
    let (api, doc) = routes::api();
    // Every request runs with the node's key at hand (the joint chain).
    let signer = state.clone();
    Router::new()
        .merge(api.with_state(state).layer(middleware::from_fn(move |request: Request, next: middleware::Next| {
            let signer = signer.clone();
            async move { signer.signing(next.run(request)).await }
        })))
        .merge(routes::docs::router(&doc))
        .merge(spa::router(static_dir))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn_with_state(policy, security_headers))
        .layer(CompressionLayer::new())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    // The path only: query strings may carry search terms people typed.
                    let id = request
                        .extensions()
                        .get::<crate::request_id::RequestId>()
                        .map_or("", |id| id.0.as_str());
                    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %id)
                })
                .on_request(())
                .on_response(|response: &axum::response::Response, latency: Duration, _span: &Span| {
                    tracing::info!(
                        status = response.status().as_u16(),
                        latency_us = latency.as_micros() as u64,
                        "served"
                    );
                }),
        )
        // Outermost, so the id and the client's address exist for every layer
        // inside and the time counted is the whole answer's.
        .layer(middleware::from_fn_with_state(observer, crate::observe::observe))
}

/// The metrics address's router: `/metrics` and nothing else.
fn metrics_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", axum::routing::get(scrape))
        .with_state(state)
}

async fn scrape(axum::extract::State(state): axum::extract::State<AppState>) -> axum::response::Response {
    use axum::response::IntoResponse;
    let text = state.metrics.render(&state.db).await;
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        text,
    )
        .into_response()
}

/// A handler that panicked: logged, and answered 500 problem+json rather
/// than a dropped connection.
fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "a request handler panicked");
    crate::error::problem_response(
        &concord_shared::Problem::new(500, "Internal Server Error")
            .with_code("internal")
            .with_detail("Something went wrong on our side. It has been logged."),
    )
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{StatusCode, header};
    use tower::ServiceExt;

    use super::*;

    #[tokio::test]
    async fn a_panicking_handler_answers_a_500_problem_not_a_dropped_connection() {
        let app: Router = Router::new()
            .route(
                "/boom",
                axum::routing::get(|| async {
                    let offset: Result<i64, _> = i64::try_from(u64::MAX);
                    #[allow(clippy::unwrap_used)]
                    offset.unwrap().to_string()
                }),
            )
            .layer(CatchPanicLayer::custom(panic_response));
        let request = Request::builder().uri("/boom").body(Body::empty()).expect("request");
        let response = app.oneshot(request).await.expect("an answer");
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            response.headers().get(header::CONTENT_TYPE).map(|v| v.as_bytes()),
            Some(&b"application/problem+json"[..])
        );
    }
}
