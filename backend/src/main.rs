//! `concord`: the Concord server and its administrative commands.

use anyhow::Context;
use clap::{Parser, Subcommand};
use concord_backend::{Application, Settings, telemetry};

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
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init();
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
            concord_backend::db::connect_and_migrate(&settings)
                .await
                .context("migrating")?;
            println!("The database schema is up to date.");
            Ok(())
        }
    }
}
