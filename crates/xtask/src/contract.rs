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

/// Runs the validator and schemathesis on SQLite and, when it answers,
/// PostgreSQL, each with a token and with a session: the four runs at once,
/// each against its own freshly seeded instance of the debug binary the
/// tests built, each writing its output to a log printed when it fails.
pub fn api_contract() -> anyhow::Result<()> {
    let start = Instant::now();
    let bin = tools::ensure_python(PACKAGES)?;
    // The debug binary the tests built: a no-op after them, never a release build.
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
    let logs = target_dir().join("contract");
    std::fs::create_dir_all(&logs)?;
    let runs: Vec<(Option<String>, Auth)> = databases
        .iter()
        .flat_map(|server| [Auth::Token, Auth::Session].map(|auth| (server.clone(), auth)))
        .collect();
    let outcomes: Vec<(String, PathBuf, f64, anyhow::Result<Counts>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .iter()
            .map(|(server, auth)| {
                let (bin, logs) = (&bin, &logs);
                scope.spawn(move || {
                    let database = if server.is_some() { "PostgreSQL" } else { "SQLite" };
                    let what = format!("{database} with {}", auth.name());
                    let log = logs.join(format!("{}-{}.log", database.to_lowercase(), auth.short()));
                    let began = Instant::now();
                    let result = against_fresh_instance(bin, server.as_deref(), *auth, &log);
                    (what, log, began.elapsed().as_secs_f64(), result)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| panic!("a contract run panicked")))
            .collect()
    });
    let mut failed = Vec::new();
    for (what, log, secs, result) in outcomes {
        match result {
            Ok(counts) => println!("    {what}: {counts} in {secs:.1} s"),
            Err(err) => {
                println!("    {what}: FAILED after {secs:.1} s: {err:#}");
                print_tail(&log);
                failed.push(what);
            }
        }
    }
    println!(
        "    contract stage: {} runs in {:.1} s (logs in {})",
        runs.len(),
        start.elapsed().as_secs_f64(),
        logs.display()
    );
    if !failed.is_empty() {
        bail!("the API does not keep to its document: {}", failed.join("; "));
    }
    Ok(())
}

/// What one schemathesis run counted, read from its summary.
struct Counts {
    operations: String,
    test_cases: String,
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "document valid; {} operations, {} test cases, 0 failures",
            self.operations, self.test_cases
        )
    }
}

/// The figures of schemathesis's summary ("API Operations: 66 selected, …",
/// "Test cases: 1234 generated, …"); `?` where it printed none.
fn counts(output: &str) -> Counts {
    let figure = |label: &str| {
        output
            .lines()
            .filter_map(|l| l.trim().strip_prefix(label))
            .filter_map(|rest| rest.split_whitespace().find(|w| w.chars().all(|c| c.is_ascii_digit())))
            .next_back()
            .unwrap_or("?")
            .to_owned()
    };
    Counts {
        operations: figure("API Operations:"),
        test_cases: figure("Test cases:"),
    }
}

/// The end of a failed run's log: schemathesis's failures and summary.
fn print_tail(log: &Path) {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    for line in &lines[lines.len().saturating_sub(150)..] {
        println!("      {line}");
    }
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

    fn short(self) -> &'static str {
        match self {
            Auth::Token => "token",
            Auth::Session => "session",
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

fn against_fresh_instance(bin: &Path, server: Option<&str>, auth: Auth, log: &Path) -> anyhow::Result<Counts> {
    let port = free_port()?;
    let url = format!("http://127.0.0.1:{port}");
    let name = format!("concord_contract_{}_{port}", std::process::id());
    let instance = Instance {
        data: std::env::temp_dir().join(&name),
        postgres: server.map(|s| (s.to_owned(), name.clone())),
    };
    std::fs::create_dir_all(&instance.data)?;
    std::fs::write(log, "")?;
    let database = match server {
        Some(server) => {
            logged(
                Command::new("psql").arg(format!("{server}/postgres")).args([
                    "-q",
                    "-c",
                    &format!("CREATE DATABASE \"{name}\""),
                ]),
                log,
            )
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
    logged(seed.arg("seed-demo"), log)?;
    let mut serve = Command::new(&concord);
    env(&mut serve);
    // The server's own errors (a panic, a 500's cause) land in the log too.
    serve.stdout(append(log)?).stderr(append(log)?);
    let _backend = KillOnDrop(serve.spawn().context("starting the backend")?);
    wait_for_health(&url)?;

    let document = instance.data.join("openapi.json");
    let python = bin.join("python");
    logged(
        Command::new(&python)
            .args([
                "-c",
                "import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])",
            ])
            .arg(format!("{url}/api/v1/openapi.json"))
            .arg(&document),
        log,
    )?;
    logged(Command::new(bin.join("openapi-spec-validator")).arg(&document), log)
        .context("openapi-spec-validator refuses the document")?;

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
    logged(&mut st, log).context("schemathesis found failures")?;
    Ok(counts(&std::fs::read_to_string(log)?))
}

/// The run's log, opened to append.
fn append(log: &Path) -> anyhow::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .with_context(|| format!("opening {}", log.display()))
}

/// Runs a command with its output appended to the run's log (the four runs
/// go at once: their output would interleave on the terminal).
fn logged(cmd: &mut Command, log: &Path) -> anyhow::Result<()> {
    let shown = format!("{cmd:?}");
    use std::io::Write;
    writeln!(append(log)?, "$ {shown}")?;
    let status = cmd
        .stdout(append(log)?)
        .stderr(append(log)?)
        .status()
        .with_context(|| format!("starting {shown}"))?;
    if !status.success() {
        bail!("command failed ({status}): {shown}");
    }
    Ok(())
}
