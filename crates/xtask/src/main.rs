//! `cargo xtask`: the project's commands.
//!
//! - `cargo xtask run`: install what is missing, build the SPA (release), start the backend.
//! - `cargo xtask test`: install what is missing, then every check CI runs.
//! - `cargo xtask dev`: backend + `trunk serve` with live reload, for frontend work.
//! - `cargo xtask spa`: only build the release SPA and report its size.
//! - `cargo xtask e2e`: build the release SPA, then run only the browser tests.

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
        "e2e" => tasks::e2e_only(),
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
  e2e    build the release web app, then run only the browser tests";
