//! `concord`: the Concord server and its administrative commands.

use std::io::Read;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use concord_backend::models::system;
use concord_backend::{AppError, AppState, Application, Settings, audit, db, telemetry};
use concord_shared::{Party, Role};

/// Concord, the joint planning board of the Ministries of Defence of Azerbaijan and Georgia.
#[derive(Parser)]
#[command(name = "concord", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the web app (the default).
    Serve,
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Check the audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Copy the database and the documents into an empty directory, with a
    /// manifest of SHA-256 checksums; safe while Concord serves.
    Backup {
        /// The directory to create (it must be empty or missing).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Restore a backup into the configured database and data directory,
    /// after checking every file against its manifest; then verify the
    /// audit chain.
    Restore {
        /// The backup's directory.
        #[arg(long)]
        from: std::path::PathBuf,
        /// Replace a database or documents that already hold data.
        #[arg(long)]
        force: bool,
    },
    /// One node per ministry (docs/federation.md; PostgreSQL only, with
    /// CONCORD_NODE_PARTY set).
    Federation {
        #[command(subcommand)]
        command: concord_backend::federation::cli::Command,
    },
    /// Check a signed plan version offline, as the API exported it (`GET
    /// /api/v1/plans/{year}/versions/{number}` saved to a file): its content
    /// hashes to its SHA-256 and both nodes' signatures verify.
    VerifyVersion {
        /// The exported version (JSON).
        file: std::path::PathBuf,
        /// The two nodes' public keys, AZ's then GE's, comma-separated
        /// (a single node's key twice).
        #[arg(long)]
        keys: String,
    },
    /// Create demo users (one per party and role) with one password from
    /// CONCORD_DEMO_PASSWORD (or a generated one that is printed), and next
    /// year's plan in negotiation with about sixty activities, this year's plan
    /// signed with an amendment in negotiation, and last year's plan closed.
    SeedDemo {
        /// Only when the database has no users at all.
        #[arg(long)]
        if_empty: bool,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user; the password is read from standard input.
    Create {
        /// `az` or `ge`.
        #[arg(long)]
        party: Party,
        /// `viewer`, `planner`, `coordinator` or `administrator`.
        #[arg(long)]
        role: Role,
        /// Unique user name (a-z, 0-9, '.', '_', '-').
        #[arg(long)]
        username: String,
        /// Name shown to people (default: the user name).
        #[arg(long)]
        display_name: Option<String>,
        /// Rank and post.
        #[arg(long, default_value = "")]
        position: String,
    },
    /// Disable a user: they can no longer sign in; their sessions and tokens end.
    Disable {
        /// The user name.
        #[arg(long)]
        username: String,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the hash chain; names the first broken link.
    Verify,
}

// glibc's allocator showed as ~15 % of the server's CPU under load (many
// threads: tokio's workers and one per SQLite connection); mimalloc is the
// usual remedy (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let format = match telemetry::LogFormat::from_env() {
        Ok(format) => format,
        Err(problem) => {
            eprintln!("{problem}");
            return std::process::ExitCode::FAILURE;
        }
    };
    telemetry::init(format);
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            // A sentence for the operator, not a backtrace.
            eprintln!("error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::from_env()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            tracing::info!(?settings, "starting");
            let app = Application::build(settings).await?;
            tracing::info!(port = app.port(), "listening");
            app.run_until_stopped().await
        }
        Command::Migrate => {
            db::connect_and_migrate(&settings).await.context("migrating")?;
            println!("The database schema is up to date.");
            Ok(())
        }
        Command::User { command } => {
            let state = state(settings).await?;
            match command {
                UserCommand::Create {
                    party,
                    role,
                    username,
                    display_name,
                    position,
                } => {
                    let mut password = String::new();
                    std::io::stdin()
                        .read_to_string(&mut password)
                        .context("reading the password from standard input")?;
                    let password = password.trim_end_matches(['\n', '\r']).to_owned();
                    let display = display_name.unwrap_or_else(|| username.clone());
                    let user = system::create_user(&state, party, role, &username, &display, &position, password)
                        .await
                        .map_err(explain)?;
                    println!(
                        "Created {} ({} {}) with id {}.",
                        user.username,
                        party.short(),
                        role,
                        user.id
                    );
                    Ok(())
                }
                UserCommand::Disable { username } => {
                    let user = system::disable_user(&state, &username).await.map_err(explain)?;
                    println!("Disabled {}; their sessions and tokens have ended.", user.username);
                    Ok(())
                }
            }
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => {
            let state = state(settings).await?;
            match audit::verify(&state.db).await? {
                audit::Verification::Intact { entries } => {
                    println!("The audit chain is intact: {entries} entries checked.");
                    Ok(())
                }
                audit::Verification::Broken { id, reason } => {
                    bail!("The audit chain is broken at entry {id}: {reason}.")
                }
            }
        }
        Command::Federation { command } => concord_backend::federation::cli::run(&settings, command).await,
        Command::Backup { to } => {
            let manifest = concord_backend::backup::backup(&settings, &to).await?;
            println!(
                "Backed up the {} database and {} documents into {}.",
                manifest.database,
                manifest
                    .files
                    .iter()
                    .filter(|f| f.path.starts_with("documents/"))
                    .count(),
                to.display()
            );
            Ok(())
        }
        Command::Restore { from, force } => {
            let manifest = concord_backend::backup::restore(&settings, &from, force).await?;
            let state = state(settings).await?;
            match audit::verify(&state.db).await? {
                audit::Verification::Intact { entries } => {
                    println!(
                        "Restored the backup of {} ({} files); the audit chain is intact: {entries} entries checked.",
                        manifest.created_at,
                        manifest.files.len()
                    );
                    Ok(())
                }
                audit::Verification::Broken { id, reason } => {
                    bail!("Restored, but the audit chain is broken at entry {id}: {reason}.")
                }
            }
        }
        Command::VerifyVersion { file, keys } => {
            let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
            match concord_backend::federation::proof::verify_file(&text, &keys)? {
                Ok(held) => {
                    println!(
                        "Plan {} version {} holds: SHA-256 {}, signed by both nodes.",
                        held.plan, held.version, held.sha256
                    );
                    Ok(())
                }
                Err(problems) => {
                    for problem in &problems {
                        println!("FAIL  {problem}");
                    }
                    bail!("{} does not hold: {}", file.display(), problems.join("; "))
                }
            }
        }
        Command::SeedDemo { if_empty } => {
            let state = state(settings).await?;
            if if_empty && system::user_count(&state).await.map_err(explain)? > 0 {
                println!("Users exist already; no demo data added.");
                return Ok(());
            }
            let (password, generated) = match std::env::var("CONCORD_DEMO_PASSWORD") {
                Ok(p) if !p.is_empty() => (p, false),
                _ => (
                    concord_backend::auth::secrets::new_secret("demo-")[..21].to_owned(),
                    true,
                ),
            };
            let created = system::seed_demo_users(&state, &password).await.map_err(explain)?;
            if created.is_empty() {
                println!("The demo users exist already.");
            } else {
                println!("Demo users created: {}", created.join(", "));
                if generated {
                    println!("Their password (shown once): {password}");
                } else {
                    println!("Their password is CONCORD_DEMO_PASSWORD.");
                }
            }
            if let Some(party) = state.settings.node_party {
                // The demo plans are both parties' work, which one party's
                // node cannot write (docs/federation.md).
                println!(
                    "This is {}'s node: no demo plans (they are both parties' work; seed them on a single node).",
                    party.short()
                );
                return Ok(());
            }
            for year in state
                .signing(concord_backend::models::demo::seed_history(&state))
                .await
                .map_err(explain)?
            {
                println!(
                    "Demo plan {year} created (last year's closed with its report; this year's signed, with an amendment in negotiation)."
                );
            }
            match state
                .signing(concord_backend::models::demo::seed_plan(&state))
                .await
                .map_err(explain)?
            {
                Some(year) => println!("Demo plan {year} created: in negotiation, with activities in every state."),
                None => println!("A plan for next year exists already; no demo plan added."),
            }
            if state
                .signing(concord_backend::models::demo::seed_register(&state))
                .await
                .map_err(explain)?
            {
                println!("A demo diplomatic notification recorded.");
            }
            Ok(())
        }
    }
}

async fn state(settings: Settings) -> anyhow::Result<AppState> {
    let db = db::connect_and_migrate(&settings).await?;
    // The demo's joint actions are signed as a request's are.
    AppState::new(db, settings).with_node_key()
}

/// Turns an API error into a sentence for the terminal.
fn explain(err: AppError) -> anyhow::Error {
    match err {
        AppError::Invalid(errors) => {
            anyhow::anyhow!(
                errors
                    .iter()
                    .map(|e| format!("{}: {}", e.field, e.message))
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        }
        AppError::NotFound => anyhow::anyhow!("no such user"),
        other => anyhow::anyhow!(other.to_string()),
    }
}
