//! Concord's backend: the JSON API under `/api/v1` and the server of the
//! built single-page app.

pub mod alerts;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod cache;
pub mod config;
pub mod db;
pub mod entities;
pub mod error;
pub mod events;
pub mod extract;
pub mod federation;
pub mod filetype;
pub mod mail;
pub mod metrics;
pub mod models;
pub mod observe;
pub mod paper;
pub mod request_id;
pub mod routes;
pub mod security;
pub mod spa;
pub mod startup;
pub mod state;
pub mod storage;
pub mod tail;
pub mod telemetry;
pub mod webhooks;

pub use config::Settings;
pub use error::AppError;
pub use startup::Application;
pub use state::AppState;
