//! `cargo xtask`: the project's commands.
//!
//! - `cargo xtask run`: install what is missing, build the SPA (release), start the backend.
//! - `cargo xtask test`: install what is missing, then every check CI runs.
//! - `cargo xtask dev`: backend + `trunk serve` with live reload, for frontend work.
//! - `cargo xtask spa`: only build the release SPA and report its size.
//! - `cargo xtask e2e`: only the browser tests (builds the release SPA first).
//! - `cargo xtask contract`: only the API contract stage (spec validator and schemathesis).

mod contract;
mod services;
mod spa;
mod tasks;
mod tools;
mod util;

use anyhow::bail;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    match command {
        "run" => tasks::run_cmd(rest),
        "test" => tasks::test(rest),
        "dev" => tasks::dev(rest),
        "spa" => tasks::spa_only(),
        "bench" => tasks::bench(rest),
        "e2e" => tasks::e2e_only(),
        "contract" => contract::api_contract(),
        "help" | "--help" | "-h" => {
            println!("{}", HELP);
            Ok(())
        }
        other => bail!("unknown command `{other}`\n\n{HELP}"),
    }
}

const HELP: &str = "\
usage: cargo xtask <command>

  run    install missing tools, build the web app (release), start Concord at http://127.0.0.1:8080
  test   install missing tools, then fmt, clippy, tests on SQLite and PostgreSQL,
         the release web app with its size budget, and the browser tests
  dev    start the backend (:8080) and `trunk serve` (:8081) with live reload
  spa    build the release web app only and print its size
  e2e    build the release web app, then run only the browser tests
  contract  validate the OpenAPI document and run schemathesis (every check) against freshly
         seeded instances on SQLite and PostgreSQL, with a token and with a session
  bench  measure the release backend on SQLite and PostgreSQL (5,000 activities, 8 and 32
         clients, against a bare axum ceiling), check the gates, write docs/performance.md;
         --quick: a short run that only reports (CI)";
