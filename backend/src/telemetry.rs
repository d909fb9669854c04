//! Logging on standard error, filtered by `RUST_LOG`: readable lines, or one
//! JSON object per line with `CONCORD_LOG_FORMAT=json` for a log collector.
//! Every line of a request carries its `request_id` (see
//! [`crate::request_id`]).

use tracing_subscriber::EnvFilter;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Readable lines (the default).
    Text,
    /// One JSON object per line.
    Json,
}

impl LogFormat {
    /// From `CONCORD_LOG_FORMAT` (`text` or `json`; unset is `text`).
    pub fn from_env() -> Result<LogFormat, String> {
        match std::env::var("CONCORD_LOG_FORMAT").ok().as_deref().map(str::trim) {
            None | Some("" | "text") => Ok(LogFormat::Text),
            Some("json") => Ok(LogFormat::Json),
            Some(other) => Err(format!("CONCORD_LOG_FORMAT must be text or json, not `{other}`")),
        }
    }
}

/// Installs the global subscriber once; later calls do nothing (tests call it per app).
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().with_current_span(true).with_span_list(false).try_init(),
    };
}
