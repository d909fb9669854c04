//! Settings, read from `CONCORD_*` environment variables with sane defaults.
//! Secrets never reach the logs: `Debug` of the database URL hides the password.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, bail};

/// Everything the backend needs to start.
#[derive(Clone)]
pub struct Settings {
    /// Where to listen (`CONCORD_BIND`, default `127.0.0.1:8080`; port 0 picks a free port).
    pub bind: SocketAddr,
    /// The database (`CONCORD_DATABASE_URL`, default a SQLite file in the data directory).
    pub database_url: String,
    /// Where files live (`CONCORD_DATA_DIR`, default `./data/`, created when missing).
    pub data_dir: PathBuf,
    /// The origin browsers use to reach Concord (`CONCORD_PUBLIC_ORIGIN`,
    /// default `http://` + the bind address). An `https://` origin makes
    /// cookies `Secure` and enables HSTS.
    pub public_origin: String,
    /// Further origins allowed to call the API from a browser, such as the
    /// `trunk serve` dev server (`CONCORD_DEV_ORIGINS`, comma-separated).
    pub dev_origins: Vec<String>,
    /// The built SPA (`CONCORD_STATIC_DIR`, default `frontend/dist`).
    pub static_dir: PathBuf,
    /// A session ends after this long without a request (`CONCORD_SESSION_IDLE_MINUTES`, default 30).
    pub session_idle: chrono::Duration,
    /// A session ends this long after sign-in whatever happens (`CONCORD_SESSION_LIFETIME_HOURS`, default 12).
    pub session_lifetime: chrono::Duration,
    /// Failed sign-ins allowed per user name within the window (`CONCORD_LOGIN_MAX_FAILURES_PER_USER`, default 5).
    pub login_max_failures_per_user: u64,
    /// Failed sign-ins allowed per client address within the window (`CONCORD_LOGIN_MAX_FAILURES_PER_ADDRESS`, default 20).
    pub login_max_failures_per_address: u64,
    /// The rate limit's window (`CONCORD_LOGIN_WINDOW_MINUTES`, default 15).
    pub login_window: chrono::Duration,
    /// The largest document accepted, in bytes (`CONCORD_MAX_UPLOAD_MB`, default 25).
    pub max_upload_bytes: u64,
    /// How often the live stream reads the audit log when nothing woke it
    /// (`CONCORD_LIVE_POLL_MS`, default 1000): a safety net, since commits in
    /// this process and, on PostgreSQL, in every other process wake it at once.
    pub live_poll: std::time::Duration,
    /// The SMTP server for alert e-mail (`CONCORD_SMTP_URL`, e.g.
    /// `smtps://user:pass@mail.example:465` or `smtp://127.0.0.1:25`); none:
    /// e-mail waits in the outbox.
    pub smtp_url: Option<String>,
    /// The sender of alert e-mail (`CONCORD_MAIL_FROM`, default
    /// `Concord <concord@localhost>`).
    pub mail_from: String,
    /// The first wait after a failed send, doubled at each failure up to an
    /// hour (`CONCORD_MAIL_RETRY_MS`, default 30000).
    pub mail_retry: std::time::Duration,
    /// The first wait after a failed webhook delivery, doubled at each
    /// failure up to an hour, for 24 hours (`CONCORD_WEBHOOK_RETRY_MS`,
    /// default 30000).
    pub webhook_retry: std::time::Duration,
    /// How long a webhook endpoint has to answer (`CONCORD_WEBHOOK_TIMEOUT_MS`, default 10000).
    pub webhook_timeout: std::time::Duration,
    /// The hour (UTC, 0–23) the daily digest goes (`CONCORD_DIGEST_HOUR`, default 7).
    pub digest_hour: u8,
    /// Where Prometheus scrapes `/metrics` (`CONCORD_METRICS_BIND`, off by
    /// default; give it an address the public never reaches, such as
    /// `127.0.0.1:9090`). It must differ from `CONCORD_BIND`.
    pub metrics_bind: Option<SocketAddr>,
    /// Proxies whose `X-Forwarded-For` and `X-Request-Id` are believed
    /// (`CONCORD_TRUSTED_PROXIES`, comma-separated addresses or ranges such as
    /// `127.0.0.1, 10.0.0.0/8`; none by default).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The party this node serves (`CONCORD_NODE_PARTY`, `az` or `ge`):
    /// one ministry's own node of a federation (docs/federation.md), which
    /// serves only its party's users. Unset (the default): one node for
    /// both parties.
    pub node_party: Option<concord_shared::Party>,
}

/// One trusted proxy: an address (`127.0.0.1`) or a range (`10.0.0.0/8`).
fn proxy(text: &str) -> anyhow::Result<ipnet::IpNet> {
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .with_context(|| {
            format!("CONCORD_TRUSTED_PROXIES: `{text}` is neither an address nor a range such as 10.0.0.0/8")
        })
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("bind", &self.bind)
            .field("database_url", &redact_url(&self.database_url))
            .field("data_dir", &self.data_dir)
            .field("public_origin", &self.public_origin)
            .field("dev_origins", &self.dev_origins)
            .field("static_dir", &self.static_dir)
            .field("session_idle", &self.session_idle)
            .field("session_lifetime", &self.session_lifetime)
            .field("max_upload_bytes", &self.max_upload_bytes)
            .field("live_poll", &self.live_poll)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("metrics_bind", &self.metrics_bind)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("node_party", &self.node_party)
            .finish_non_exhaustive()
    }
}

/// Hides the password of a database URL (`postgres://user:***@host/db`).
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or_default();
            if userinfo.contains(':') {
                format!("{scheme}://{user}:***@{host}")
            } else {
                url.to_owned()
            }
        }
        None => url.to_owned(),
    }
}

impl Settings {
    /// Reads the settings from the process environment.
    pub fn from_env() -> anyhow::Result<Settings> {
        Settings::from_lookup(|key| std::env::var(key).ok())
    }

    /// Reads the settings through a lookup function (the environment, or a map in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> anyhow::Result<Settings> {
        let non_empty = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        let bind: SocketAddr = non_empty("CONCORD_BIND")
            .unwrap_or_else(|| "127.0.0.1:8080".to_owned())
            .parse()
            .context("CONCORD_BIND must be an address such as 127.0.0.1:8080")?;
        let data_dir = PathBuf::from(non_empty("CONCORD_DATA_DIR").unwrap_or_else(|| "data".to_owned()));
        let database_url = match non_empty("CONCORD_DATABASE_URL") {
            Some(url) => url,
            None => format!("sqlite://{}?mode=rwc", data_dir.join("concord.sqlite3").display()),
        };
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            bail!("CONCORD_DATABASE_URL must start with sqlite:, postgres:// or postgresql://");
        }
        let public_origin = non_empty("CONCORD_PUBLIC_ORIGIN")
            .unwrap_or_else(|| format!("http://{bind}"))
            .trim_end_matches('/')
            .to_owned();
        if !(public_origin.starts_with("http://") || public_origin.starts_with("https://")) {
            bail!("CONCORD_PUBLIC_ORIGIN must start with http:// or https://");
        }
        let dev_origins = non_empty("CONCORD_DEV_ORIGINS")
            .map(|v| {
                v.split(',')
                    .map(|o| o.trim().trim_end_matches('/').to_owned())
                    .filter(|o| !o.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let static_dir = PathBuf::from(non_empty("CONCORD_STATIC_DIR").unwrap_or_else(|| "frontend/dist".to_owned()));
        let number = |key: &str, default: u64| -> anyhow::Result<u64> {
            match non_empty(key) {
                None => Ok(default),
                Some(v) => v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .with_context(|| format!("{key} must be a whole number above 0")),
            }
        };
        let mail_from = non_empty("CONCORD_MAIL_FROM").unwrap_or_else(|| "Concord <concord@localhost>".to_owned());
        let digest_hour = match non_empty("CONCORD_DIGEST_HOUR") {
            None => 7,
            Some(v) => v
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|h| *h < 24)
                .context("CONCORD_DIGEST_HOUR must be an hour from 0 to 23")?,
        };
        let metrics_bind = match non_empty("CONCORD_METRICS_BIND") {
            None => None,
            Some(v) => {
                let addr: SocketAddr = v
                    .trim()
                    .parse()
                    .context("CONCORD_METRICS_BIND must be an address such as 127.0.0.1:9090")?;
                if addr == bind && addr.port() != 0 {
                    bail!("CONCORD_METRICS_BIND must differ from CONCORD_BIND: metrics are never on the public port");
                }
                Some(addr)
            }
        };
        let trusted_proxies = non_empty("CONCORD_TRUSTED_PROXIES")
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(proxy)
                    .collect()
            })
            .transpose()?
            .unwrap_or_default();
        let node_party = match non_empty("CONCORD_NODE_PARTY") {
            None => None,
            Some(v) => Some(
                concord_shared::Party::from_code(v.trim())
                    .context("CONCORD_NODE_PARTY must be az or ge (or unset: one node for both parties)")?,
            ),
        };
        let minutes = |n: u64| chrono::Duration::minutes(i64::try_from(n).unwrap_or(i64::MAX / 120_000));
        Ok(Settings {
            bind,
            database_url,
            data_dir,
            public_origin,
            dev_origins,
            static_dir,
            session_idle: minutes(number("CONCORD_SESSION_IDLE_MINUTES", 30)?),
            session_lifetime: minutes(number("CONCORD_SESSION_LIFETIME_HOURS", 12)?.saturating_mul(60)),
            login_max_failures_per_user: number("CONCORD_LOGIN_MAX_FAILURES_PER_USER", 5)?,
            login_max_failures_per_address: number("CONCORD_LOGIN_MAX_FAILURES_PER_ADDRESS", 20)?,
            login_window: minutes(number("CONCORD_LOGIN_WINDOW_MINUTES", 15)?),
            max_upload_bytes: number("CONCORD_MAX_UPLOAD_MB", 25)?.saturating_mul(1024 * 1024),
            live_poll: std::time::Duration::from_millis(number("CONCORD_LIVE_POLL_MS", 1000)?),
            smtp_url: non_empty("CONCORD_SMTP_URL").map(|v| v.trim().to_owned()),
            mail_from,
            mail_retry: std::time::Duration::from_millis(number("CONCORD_MAIL_RETRY_MS", 30_000)?),
            webhook_retry: std::time::Duration::from_millis(number("CONCORD_WEBHOOK_RETRY_MS", 30_000)?),
            webhook_timeout: std::time::Duration::from_millis(number("CONCORD_WEBHOOK_TIMEOUT_MS", 10_000)?),
            digest_hour,
            metrics_bind,
            trusted_proxies,
            node_party,
        })
    }

    /// Whether browsers reach Concord over HTTPS (cookies `Secure`, HSTS on).
    pub fn is_https(&self) -> bool {
        self.public_origin.starts_with("https://")
    }

    /// The session cookie's name: `__Host-` prefixed over HTTPS.
    pub fn session_cookie_name(&self) -> &'static str {
        if self.is_https() {
            "__Host-concord_session"
        } else {
            "concord_session"
        }
    }

    /// Whether a browser origin may make state-changing requests.
    pub fn origin_allowed(&self, origin: &str) -> bool {
        let origin = origin.trim_end_matches('/');
        origin == self.public_origin || self.dev_origins.iter().any(|o| o == origin)
    }

    /// Whether the database is SQLite (else PostgreSQL).
    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(pairs: &[(&str, &str)]) -> anyhow::Result<Settings> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Settings::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_a_local_sqlite_file_on_port_8080() {
        let s = settings(&[]).expect("defaults");
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.database_url, "sqlite://data/concord.sqlite3?mode=rwc");
        assert_eq!(s.public_origin, "http://127.0.0.1:8080");
        assert!(!s.is_https());
        assert!(s.dev_origins.is_empty());
    }

    #[test]
    fn the_environment_overrides_every_default() {
        let s = settings(&[
            ("CONCORD_BIND", "0.0.0.0:9000"),
            ("CONCORD_DATA_DIR", "/var/lib/concord"),
            ("CONCORD_PUBLIC_ORIGIN", "https://concord.example/"),
            ("CONCORD_DEV_ORIGINS", "http://127.0.0.1:8081, http://localhost:8081"),
        ])
        .expect("settings");
        assert_eq!(s.bind.port(), 9000);
        assert_eq!(s.database_url, "sqlite:///var/lib/concord/concord.sqlite3?mode=rwc");
        assert_eq!(s.public_origin, "https://concord.example");
        assert!(s.is_https());
        assert_eq!(s.dev_origins, vec!["http://127.0.0.1:8081", "http://localhost:8081"]);
    }

    #[test]
    fn malformed_settings_are_refused_with_the_variable_named() {
        let err = settings(&[("CONCORD_BIND", "nowhere")]).expect_err("bad bind");
        assert!(err.to_string().contains("CONCORD_BIND"));
        let err = settings(&[("CONCORD_DATABASE_URL", "mysql://x")]).expect_err("bad url");
        assert!(err.to_string().contains("CONCORD_DATABASE_URL"));
        let err = settings(&[("CONCORD_NODE_PARTY", "tr")]).expect_err("bad party");
        assert!(err.to_string().contains("CONCORD_NODE_PARTY"));
    }

    #[test]
    fn a_node_serves_both_parties_unless_one_is_named() {
        assert_eq!(settings(&[]).expect("defaults").node_party, None);
        let s = settings(&[("CONCORD_NODE_PARTY", "ge")]).expect("settings");
        assert_eq!(s.node_party, Some(concord_shared::Party::Ge));
    }

    #[test]
    fn database_passwords_never_appear_in_debug_output() {
        let s = settings(&[("CONCORD_DATABASE_URL", "postgres://concord:s3cret@db/concord")]).expect("settings");
        let shown = format!("{s:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("postgres://concord:***@db/concord"));
    }
}
