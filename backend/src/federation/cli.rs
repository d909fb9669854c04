//! `concord federation init|connect|status`: the operator's commands of a
//! sovereign node (docs/federation.md), printing what `setup` and `status`
//! found.

use clap::Subcommand;

use crate::config::Settings;

/// The subcommands of `concord federation`.
#[derive(Subcommand)]
pub enum Command {
    /// Put the node's ids on its own residue, publish the rows its party
    /// owns that are shared, refuse the other party's rows, make the node's
    /// key; print what to send the other node's operator. Safe to repeat.
    Init,
    /// Subscribe to the other node's publication.
    Connect {
        /// The other node's database, as its operator gave it
        /// (`postgres://concord_peer:…@host:5432/concord?sslmode=verify-full&sslrootcert=…`).
        #[arg(long)]
        peer: String,
        /// Do not copy the rows the peer published so far (only later changes).
        #[arg(long)]
        no_copy: bool,
    },
    /// The replication's state: the subscription, the last row received, the lag.
    Status,
}

/// Runs one subcommand and prints its outcome for the operator.
pub async fn run(settings: &Settings, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Init => {
            let done = super::setup::init(settings).await?;
            let other = done.party.other();
            println!(
                "This is {}'s node: {} sequences on its own residue, publication {} ready.",
                done.party.short(),
                done.sequences,
                done.publication
            );
            if done.wal_level != "logical" {
                println!(
                    "Warning: wal_level is {}; set wal_level = logical and restart PostgreSQL before {} subscribes.",
                    done.wal_level,
                    other.short()
                );
            }
            println!(
                "The node's key: {} ({}).",
                if done.new_key { "made now" } else { "kept" },
                super::keys::path(settings).display()
            );
            println!();
            println!("Send {}'s operator:", other.short());
            println!("  publication:        {}", done.publication);
            println!(
                "  connection string:  postgres://concord_peer:PASSWORD@THIS-HOST:5432/{}?sslmode=verify-full&sslrootcert=OUR-CA.pem",
                done.database
            );
            println!("  public key:         {}", done.public_key);
            println!(
                "  fingerprint:        {}  (read it aloud over a second channel)",
                done.fingerprint
            );
            Ok(())
        }
        Command::Connect { peer, no_copy } => {
            let name = super::setup::connect(settings, &peer, !no_copy).await?;
            println!("Subscribed: {name}. `concord federation status` shows its progress.");
            Ok(())
        }
        Command::Status => {
            let status = super::status::status(settings).await?;
            match status.enabled {
                None => println!(
                    "Subscription {}: none (run `concord federation connect`).",
                    status.subscription
                ),
                Some(enabled) => println!(
                    "Subscription {}: {}, {}.",
                    status.subscription,
                    if enabled { "enabled" } else { "disabled" },
                    if status.running { "receiving" } else { "not running" }
                ),
            }
            let when = |t: Option<chrono::DateTime<chrono::Utc>>| {
                t.map_or_else(
                    || "never".to_owned(),
                    |t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                )
            };
            println!("  last message received:  {}", when(status.last_received));
            println!("  last change reported:   {}", when(status.last_change));
            for (table, state) in &status.tables {
                let state = match state.as_str() {
                    "r" => "ready",
                    "s" | "f" => "synchronised",
                    "d" => "copying",
                    "i" => "starting",
                    _ => state,
                };
                println!("  table {table}: {state}");
            }
            for (slot, active, behind) in &status.outgoing {
                println!(
                    "  outgoing {slot}: {}, {behind} bytes not yet confirmed by the peer",
                    if *active { "connected" } else { "not connected" }
                );
            }
            Ok(())
        }
    }
}
