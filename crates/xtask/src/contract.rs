//! The API contract stage: the OpenAPI document must validate
//! (openapi-spec-validator) and the running API must keep to it
//! (schemathesis, `--checks all`), against a freshly seeded instance on
//! SQLite and on PostgreSQL, once with an API token and once with a
//! browser session. Both tools are pinned and come from PyPI into the
//! private virtual environment.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};

use crate::services::{KillOnDrop, ensure_postgres, free_port, postgres_url, wait_for_health};
use crate::tools;
use crate::util::{root, run, target_dir};

/// The pinned tools.
const PACKAGES: &[&str] = &["schemathesis==4.32.5", "openapi-spec-validator==0.9.0"];

/// Examples per operation and phase: enough to reach every status an
/// operation answers, few enough for the four runs to stay near a minute each.
const MAX_EXAMPLES: &str = "5";

/// A fixed seed: a failure found once is found again.
const SEED: &str = "20260424";

/// The demo users' password in the contract's throw-away databases.
const PASSWORD: &str = "contract-demo-password-2026";

/// Signs in as AZ's demo administrator; prints an administrator API token
/// and the session cookie (name=value), one a line. Standard library only.
const SIGN_IN: &str = r#"
import json, sys, urllib.request
base, password = sys.argv[1], sys.argv[2]
def call(path, body, cookie=None):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST")
    req.add_header("content-type", "application/json")
    req.add_header("x-concord-csrf", "1")
    req.add_header("origin", base)
    if cookie:
        req.add_header("cookie", cookie)
    return urllib.request.urlopen(req)
login = call("/api/v1/auth/login", {"username": "az.administrator", "password": password})
cookie = login.headers["set-cookie"].split(";")[0]
token = json.load(call("/api/v1/tokens", {"name": "contract", "role": "administrator"}, cookie))["token"]
print(token)
print(cookie)
"#;

/// schemathesis's configuration: the credentials through the document's own
/// security schemes (so that its authentication checks can leave them out
/// or spoil them), and the one check left out where the document cannot
/// say what the server checks.
const CONFIG: &str = r#"
# A session's writes need the CSRF header and the origin (ignored with a token).
headers = { "X-Concord-Csrf" = "1", Origin = "${CONCORD_CONTRACT_URL}" }

# positive_data_acceptance expects every schema-valid body to be accepted.
# These bodies carry dates that the Agreement bounds (nothing in the
# register, no authority change and no note before its signature on
# 24 April 2023; receipt not before sending), which JSON Schema cannot
# state for a `format: date`; the server answers 422 naming the field.
[[operations]]
include-operation-id-regex = "^(propose_authority|update_authority|record_notification|notification_receipt|instruments_create|instruments_update)$"
checks.positive_data_acceptance.enabled = false
"#;

/// Runs the validator and schemathesis on SQLite and, when it answers, PostgreSQL.
pub fn api_contract() -> anyhow::Result<()> {
    let start = Instant::now();
    let bin = tools::ensure_python(PACKAGES)?;
    run(
        Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .current_dir(root())
            .args(["build", "-p", "concord-backend", "--bin", "concord"]),
    )?;
    let mut databases = vec![None];
    if ensure_postgres()? {
        databases.push(Some(postgres_url()));
    } else {
        println!("    PostgreSQL: SKIPPED, no server answers (CI=true would fail here)");
    }
    let mut failed = Vec::new();
    for server in &databases {
        for auth in [Auth::Token, Auth::Session] {
            let what = format!(
                "{} with {}",
                if server.is_some() { "PostgreSQL" } else { "SQLite" },
                auth.name()
            );
            let began = Instant::now();
            let result = against_fresh_instance(&bin, server.as_deref(), auth);
            println!("    {what}: {:.1} s", began.elapsed().as_secs_f64());
            if let Err(err) = result {
                println!("    {what}: FAILED: {err:#}");
                failed.push(what);
            }
        }
    }
    println!("    contract stage: {:.1} s", start.elapsed().as_secs_f64());
    if !failed.is_empty() {
        bail!("the API does not keep to its document: {}", failed.join("; "));
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Auth {
    Token,
    Session,
}

impl Auth {
    fn name(self) -> &'static str {
        match self {
            Auth::Token => "an API token",
            Auth::Session => "a browser session",
        }
    }
}

/// A throw-away database: a data directory, and on PostgreSQL a database
/// dropped again afterwards.
struct Instance {
    data: PathBuf,
    postgres: Option<(String, String)>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data);
        if let Some((server, name)) = &self.postgres {
            let _ = Command::new("psql")
                .arg(format!("{server}/postgres"))
                .args(["-q", "-c", &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")])
                .status();
        }
    }
}

fn against_fresh_instance(bin: &Path, server: Option<&str>, auth: Auth) -> anyhow::Result<()> {
    let port = free_port()?;
    let url = format!("http://127.0.0.1:{port}");
    let name = format!("concord_contract_{}_{port}", std::process::id());
    let instance = Instance {
        data: std::env::temp_dir().join(&name),
        postgres: server.map(|s| (s.to_owned(), name.clone())),
    };
    std::fs::create_dir_all(&instance.data)?;
    let database = match server {
        Some(server) => {
            run(Command::new("psql").arg(format!("{server}/postgres")).args([
                "-q",
                "-c",
                &format!("CREATE DATABASE \"{name}\""),
            ]))
            .context("creating the PostgreSQL database (needs psql)")?;
            format!("{server}/{name}")
        }
        None => format!("sqlite://{}?mode=rwc", instance.data.join("concord.sqlite3").display()),
    };
    let concord = target_dir().join("debug").join("concord");
    let env = |cmd: &mut Command| {
        cmd.current_dir(root())
            .env("CONCORD_BIND", format!("127.0.0.1:{port}"))
            .env("CONCORD_DATA_DIR", &instance.data)
            .env("CONCORD_DATABASE_URL", &database)
            .env("CONCORD_STATIC_DIR", &instance.data)
            .env_remove("CONCORD_PUBLIC_ORIGIN")
            .env("CONCORD_DEMO_PASSWORD", PASSWORD)
            .env("RUST_LOG", "error");
    };
    let mut seed = Command::new(&concord);
    env(&mut seed);
    run(seed.arg("seed-demo"))?;
    let mut serve = Command::new(&concord);
    env(&mut serve);
    let _backend = KillOnDrop(serve.spawn().context("starting the backend")?);
    wait_for_health(&url)?;

    let document = instance.data.join("openapi.json");
    let python = bin.join("python");
    run(Command::new(&python)
        .args([
            "-c",
            "import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])",
        ])
        .arg(format!("{url}/api/v1/openapi.json"))
        .arg(&document))?;
    run(Command::new(bin.join("openapi-spec-validator")).arg(&document))?;

    let out = Command::new(&python)
        .args(["-c", SIGN_IN, &url, PASSWORD])
        .output()
        .context("signing in")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let (Some(token), Some(cookie)) = (lines.next(), lines.next()) else {
        bail!("could not sign in: {}", String::from_utf8_lossy(&out.stderr));
    };
    let credentials = match auth {
        Auth::Token => format!("[auth.openapi.token]\nbearer = \"{token}\"\n"),
        Auth::Session => {
            let secret = cookie.split_once('=').map_or(cookie, |(_, v)| v);
            format!("[auth.openapi.session]\napi_key = \"{secret}\"\n")
        }
    };
    // Top-level keys first: a table header would capture what follows it.
    let (top, operations) = CONFIG.split_at(CONFIG.find("[[operations]]").unwrap_or(CONFIG.len()));
    std::fs::write(
        instance.data.join("schemathesis.toml"),
        format!("{top}\n{credentials}\n{operations}"),
    )?;
    let mut st = Command::new(bin.join("st"));
    st.current_dir(&instance.data)
        .env("CONCORD_CONTRACT_URL", &url)
        .args(["run", "--checks", "all", "--max-examples", MAX_EXAMPLES, "--seed", SEED])
        .args(["--workers", "2", "--no-shrink", "--max-failures", "1000"])
        .arg(format!("{url}/api/v1/openapi.json"));
    run(&mut st)
}
