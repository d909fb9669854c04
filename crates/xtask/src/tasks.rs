//! The commands themselves.

use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};

use crate::services::{KillOnDrop, ensure_postgres, free_port, postgres_url, wait_for_health};
use crate::util::{output, root, run, stage, target_dir};
use crate::{contract, spa, tools};

fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

/// `cargo xtask run`.
pub fn run_cmd(_args: &[String]) -> anyhow::Result<()> {
    stage("tools", tools::ensure_spa_tools)?;
    let size = stage("web app (release)", spa::build_release)?;
    spa::report(&size)?;
    stage("backend (release)", || {
        run(cargo().args(["build", "--release", "-p", "concord-backend", "--bin", "concord"]))
    })?;
    let bin = target_dir().join("release").join("concord");
    let bind = std::env::var("CONCORD_BIND").unwrap_or_else(|_| "127.0.0.1:8080".to_owned());
    let mut cmd = Command::new(&bin);
    cmd.current_dir(root());
    // A setting given by the environment always wins.
    if std::env::var_os("CONCORD_STATIC_DIR").is_none() {
        cmd.env("CONCORD_STATIC_DIR", root().join("frontend").join("dist"));
    }
    // An empty database gets the demo users, so there is someone to sign in as.
    let mut seed = Command::new(&bin);
    seed.current_dir(root()).arg("seed-demo").arg("--if-empty");
    if std::env::var_os("CONCORD_STATIC_DIR").is_none() {
        seed.env("CONCORD_STATIC_DIR", root().join("frontend").join("dist"));
    }
    run(&mut seed)?;
    let url = std::env::var("CONCORD_PUBLIC_ORIGIN").unwrap_or_else(|_| format!("http://{bind}"));
    println!("\nConcord starts at {url}  (Ctrl-C stops it)");
    println!("Sign in as az.viewer, az.planner, az.coordinator, az.administrator or the same for ge,");
    println!("with the demo password printed above when the users were created (or CONCORD_DEMO_PASSWORD).\n");
    let status = cmd.status().with_context(|| format!("starting {}", bin.display()))?;
    if !status.success() {
        bail!("concord exited with {status}");
    }
    Ok(())
}

/// `cargo xtask spa`.
pub fn spa_only() -> anyhow::Result<()> {
    stage("tools", tools::ensure_spa_tools)?;
    let size = stage("web app (release)", spa::build_release)?;
    spa::report(&size)
}

/// `cargo xtask e2e`: the release SPA and the browser tests, nothing else
/// (the same stage `cargo xtask test` ends with). `CONCORD_E2E_TESTS`
/// (file names in `e2e/tests/`, comma-separated, `.test.mjs` optional)
/// runs only those files; `CONCORD_E2E_SKIP_BUILD=1` keeps the web app in
/// `frontend/dist` as it is (after a build of the same sources).
pub fn e2e_only() -> anyhow::Result<()> {
    let start = Instant::now();
    stage("tools", || {
        tools::ensure_spa_tools()?;
        tools::ensure_chromium()?;
        // The PDF tests read the documents back with pdftotext and pdfinfo.
        tools::ensure_apt(&[("poppler-utils", "/usr/bin/pdftotext")])?;
        tools::ensure_e2e_packages(&root().join("e2e"))
    })?;
    if std::env::var_os("CONCORD_E2E_SKIP_BUILD").is_some_and(|v| v == "1")
        && root().join("frontend").join("dist").join("index.html").exists()
    {
        println!("    CONCORD_E2E_SKIP_BUILD=1: the web app in frontend/dist as it is");
    } else {
        let size = stage("web app (release)", spa::build_release)?;
        // The budget is `cargo xtask test`'s to enforce; here an over-budget
        // build still gets its browser tests, so work in progress can be tried.
        if let Err(over) = spa::report(&size) {
            println!("    WARNING: {over}");
        }
    }
    stage("browser tests (headless Chromium)", browser_tests)?;
    println!(
        "\nbrowser tests passed in {:.1} min",
        start.elapsed().as_secs_f64() / 60.0
    );
    Ok(())
}

/// The SMTP server the alert e-mail tests start (PyPI).
const SMTP_SERVER: &str = "aiosmtpd==1.4.6";

/// The spreadsheet reader the browser tests check downloaded XLSX files with (PyPI).
const XLSX_READER: &str = "openpyxl==3.1.5";

/// `cargo xtask test`: everything CI checks, each stage timed.
pub fn test(_args: &[String]) -> anyhow::Result<()> {
    let start = Instant::now();
    stage("tools", || {
        tools::ensure_spa_tools()?;
        tools::ensure_chromium()?;
        // The PDF tests read the documents back with pdftotext and pdfinfo;
        // the deployment test runs deploy/ with nginx, a certificate made by
        // openssl, and curl as the client.
        tools::ensure_apt(&[
            ("poppler-utils", "/usr/bin/pdftotext"),
            ("nginx", "/usr/sbin/nginx"),
            ("openssl", "/usr/bin/openssl"),
            ("curl", "/usr/bin/curl"),
            // `concord backup` and `restore` on PostgreSQL.
            ("postgresql-client", "/usr/bin/pg_dump"),
        ])?;
        tools::ensure_e2e_packages(&root().join("e2e"))
    })?;
    // The alert e-mail tests start a real SMTP server (aiosmtpd) with this python.
    let python = tools::ensure_python(&[SMTP_SERVER, XLSX_READER])?.join("python");
    stage("format", || run(cargo().args(["fmt", "--all", "--", "--check"])))?;
    stage("clippy (native)", || {
        run(cargo().args(["clippy", "--all-targets", "--", "-D", "warnings"]))
    })?;
    stage(
        "clippy (wasm32 web app, unsplit as trunk serve builds it and split as the release build)",
        || {
            for features in [&[][..], &["--features", "split"][..]] {
                run(cargo()
                    .args(["clippy", "-p", "concord-frontend", "--target", "wasm32-unknown-unknown"])
                    .args(features)
                    .args(["--", "-D", "warnings"]))?;
            }
            Ok(())
        },
    )?;
    stage("wasm dependency tree has nothing server-side", check_wasm_tree)?;
    stage("tests (SQLite)", || {
        run(cargo()
            .args(nextest_args())
            .env_remove("CONCORD_TEST_DATABASE")
            .env("CONCORD_TEST_PYTHON", &python))
    })?;
    // The web app is no default member, so the native run above leaves out
    // its unit tests (every problem code, field code and blocker worded in
    // en, az and ka; the shell's texts): they run here, natively.
    stage("web app unit tests (native)", || {
        run(cargo().args(["test", "-p", "concord-frontend"]))
    })?;
    stage("backend tests (PostgreSQL)", || {
        if !ensure_postgres()? {
            println!("    SKIPPED: no PostgreSQL answers (set CONCORD_TEST_POSTGRES_URL); CI=true would fail here");
            return Ok(());
        }
        // The backend's tests only, but built with the workspace's feature
        // set, as the SQLite stage built them: `-p concord-backend` would
        // unify other features and recompile about 120 crates.
        let mut args = nextest_args();
        if args[0] == "nextest" {
            args.extend(["-E".to_owned(), "package(concord-backend)".to_owned()]);
        } else {
            args.extend(["-p".to_owned(), "concord-backend".to_owned()]);
        }
        run(cargo()
            .args(args)
            .env("CONCORD_TEST_DATABASE", "postgres")
            .env("CONCORD_TEST_PYTHON", &python))
    })?;
    stage(
        "API contract (schemathesis, SQLite and PostgreSQL)",
        contract::api_contract,
    )?;
    bench(&["--quick".to_owned()])?;
    let size = stage("web app (release) and size budget", spa::build_release)?;
    spa::report(&size)?;
    stage("browser tests (headless Chromium)", browser_tests)?;
    spa_bench(&tools::ensure_chromium()?, true)?;
    println!("\nall checks passed in {:.1} min", start.elapsed().as_secs_f64() / 60.0);
    Ok(())
}

fn nextest_args() -> Vec<String> {
    let nextest = output(Command::new("cargo").args(["nextest", "--version"])).is_some();
    if nextest {
        ["nextest", "run", "--no-fail-fast"].map(str::to_owned).to_vec()
    } else {
        ["test", "--no-fail-fast"].map(str::to_owned).to_vec()
    }
}

fn check_wasm_tree() -> anyhow::Result<()> {
    let tree = output(cargo().args([
        "tree",
        "-p",
        "concord-frontend",
        "--target",
        "wasm32-unknown-unknown",
        "-e",
        "normal",
        "--prefix",
        "none",
    ]))
    .context("cargo tree failed")?;
    let forbidden: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| matches!(*name, "tokio" | "mio" | "axum" | "sea-orm" | "sqlx" | "hyper"))
        .collect();
    if !forbidden.is_empty() {
        bail!("the web app's wasm build depends on server-side crates: {forbidden:?}");
    }
    println!("    no tokio, mio, axum, hyper, sqlx or sea-orm in the wasm32 tree");
    Ok(())
}

/// The demo users' password in the browser tests' throw-away database.
const E2E_PASSWORD: &str = "e2e-demo-password-2026";

/// Starts the backend (debug build, fresh SQLite database, the release SPA)
/// and runs the browser tests in `e2e/` against it.
fn browser_tests() -> anyhow::Result<()> {
    let chromium = tools::ensure_chromium()?;
    // The XLSX downloads are read back with openpyxl.
    let python = tools::ensure_python(&[XLSX_READER])?.join("python");
    let files = test_files()?;
    let bin = crate::util::debug_backend()?;
    let data = std::env::temp_dir().join(format!("concord-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data)?;
    let port = free_port()?;
    let url = format!("http://127.0.0.1:{port}");
    run(Command::new(&bin)
        .arg("seed-demo")
        .current_dir(root())
        .env("CONCORD_DATA_DIR", &data)
        .env_remove("CONCORD_DATABASE_URL")
        .env("CONCORD_DEMO_PASSWORD", E2E_PASSWORD)
        .env("RUST_LOG", "warn"))?;
    let backend = Command::new(&bin)
        .current_dir(root())
        .env("CONCORD_BIND", format!("127.0.0.1:{port}"))
        .env("CONCORD_DATA_DIR", &data)
        .env("CONCORD_STATIC_DIR", root().join("frontend").join("dist"))
        .env_remove("CONCORD_DATABASE_URL")
        .env_remove("CONCORD_PUBLIC_ORIGIN")
        .env("RUST_LOG", "warn")
        .spawn()
        .context("starting the backend")?;
    let _backend = KillOnDrop(backend);
    wait_for_health(&url)?;
    let e2e = root().join("e2e");
    let artifacts = e2e.join("artifacts");
    std::fs::create_dir_all(&artifacts)?;
    let result = run(Command::new("node")
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .args(&files)
        .current_dir(&e2e)
        .env("CONCORD_E2E_URL", &url)
        .env("CONCORD_E2E_PYTHON", &python)
        .env("CONCORD_E2E_PASSWORD", E2E_PASSWORD)
        .env("CONCORD_CHROMIUM", &chromium)
        .env("CONCORD_E2E_ARTIFACTS", &artifacts));
    let _ = std::fs::remove_dir_all(&data);
    result
}

/// The browser test files to run: `tests/` (all of them), or those named by
/// `CONCORD_E2E_TESTS` (`paper,refusals` or `paper.test.mjs,...`).
fn test_files() -> anyhow::Result<Vec<String>> {
    let Ok(names) = std::env::var("CONCORD_E2E_TESTS") else {
        return Ok(vec!["tests/".to_owned()]);
    };
    let mut files = Vec::new();
    for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let file = if name.ends_with(".mjs") {
            name.to_owned()
        } else {
            format!("{name}.test.mjs")
        };
        let path = format!("tests/{file}");
        if !root().join("e2e").join(&path).exists() {
            bail!("CONCORD_E2E_TESTS names e2e/{path}, which does not exist");
        }
        files.push(path);
    }
    if files.is_empty() {
        bail!("CONCORD_E2E_TESTS names no test file");
    }
    Ok(files)
}

/// `cargo xtask bench [--quick]`: the API benchmark against the release build.
/// The full run enforces the gates and rewrites its part of
/// `docs/performance.md`; `--quick` measures briefly and only reports.
pub fn bench(args: &[String]) -> anyhow::Result<()> {
    let quick = args.iter().any(|a| a == "--quick");
    stage("backend and load generator (release)", || {
        // One cargo invocation, so the backend library is built once for both.
        run(cargo().args([
            "build",
            "--release",
            "-p",
            "concord-backend",
            "-p",
            "concord-bench",
            "--bins",
        ]))
    })?;
    if !ensure_postgres()? {
        bail!(
            "the benchmark measures PostgreSQL too, and none answers at {}",
            postgres_url()
        );
    }
    let release = target_dir().join("release");
    let mut cmd = Command::new(release.join("concord-bench"));
    cmd.current_dir(root())
        .arg("--concord")
        .arg(release.join("concord"))
        .env("CONCORD_BENCH_POSTGRES_URL", postgres_url());
    if quick {
        cmd.args(["--quick", "--report-only"]);
    } else {
        cmd.arg("--out").arg(root().join("docs").join("performance.md"));
    }
    for extra in args.iter().filter(|a| *a != "--quick") {
        cmd.arg(extra);
    }
    stage(if quick { "benchmark (quick)" } else { "benchmark" }, || run(&mut cmd))?;
    if !quick {
        // The web app's rendering (issue 7's figure): the release SPA in Chromium.
        let chromium = stage("tools for the web app benchmark", || {
            tools::ensure_spa_tools()?;
            let chromium = tools::ensure_chromium()?;
            tools::ensure_e2e_packages(&root().join("e2e"))?;
            Ok(chromium)
        })?;
        let size = stage("web app (release)", spa::build_release)?;
        if let Err(over) = spa::report(&size) {
            println!("    WARNING: {over}");
        }
        spa_bench(&chromium, false)?;
    }
    Ok(())
}

/// The web app's rendering benchmark (`concord-bench --spa`): needs the
/// release binaries, the release web app in `frontend/dist` and Chromium.
/// Quick runs report without enforcing the gate and leave the docs alone.
fn spa_bench(chromium: &std::path::Path, quick: bool) -> anyhow::Result<()> {
    let release = target_dir().join("release");
    let mut cmd = Command::new(release.join("concord-bench"));
    cmd.current_dir(root())
        .arg("--concord")
        .arg(release.join("concord"))
        .arg("--spa")
        .arg(root().join("frontend").join("dist"))
        .env("CONCORD_CHROMIUM", chromium);
    if quick {
        cmd.args(["--quick", "--report-only"]);
    } else {
        cmd.arg("--out").arg(root().join("docs").join("performance.md"));
    }
    stage(
        if quick {
            "web app benchmark (quick)"
        } else {
            "web app benchmark"
        },
        || run(&mut cmd),
    )
}

/// `cargo xtask dev`: the backend on :8080 and `trunk serve` on :8081 with live reload.
pub fn dev(_args: &[String]) -> anyhow::Result<()> {
    tools::ensure_spa_tools()?;
    tools::ensure_trunk()?;
    let mut backend = cargo();
    backend.args(["run", "-p", "concord-backend", "--bin", "concord"]);
    if std::env::var_os("CONCORD_DEV_ORIGINS").is_none() {
        backend.env("CONCORD_DEV_ORIGINS", "http://127.0.0.1:8081,http://localhost:8081");
    }
    let _backend = KillOnDrop(backend.spawn().context("starting the backend")?);
    println!("\nbackend on http://127.0.0.1:8080, web app with live reload on http://127.0.0.1:8081\n");
    run(Command::new("trunk")
        .arg("serve")
        .current_dir(root().join("frontend"))
        .env("PATH", tools::tool_path())
        .env("TRUNK_SKIP_VERSION_CHECK", "true"))
}
