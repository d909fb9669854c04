//! `concord federation init|connect|trust|status|verify`: the operator's
//! commands of a sovereign node (docs/federation.md), printing what
//! `setup`, `status` and `verify` found.

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
        /// The peer node's public key (64 hex digits), as its operator gave
        /// it and its fingerprint was checked over a second channel.
        #[arg(long)]
        peer_key: Option<String>,
    },
    /// Record (or replace) the peer node's public key alone.
    Trust {
        /// The peer node's public key (64 hex digits).
        #[arg(long)]
        peer_key: String,
    },
    /// The replication's state: the subscription, the last row received,
    /// the lag, the last verification of the joint record.
    Status,
    /// Check both parties' joint chains and every frozen version against
    /// the two nodes' keys; exits non-zero on any mismatch, naming it.
    /// Works on a single node too (its key signs for both parties).
    Verify,
}

fn trusted(settings: &Settings, peer_key: &str) -> anyhow::Result<()> {
    let key = super::keys::save_peer(settings, peer_key)?;
    println!(
        "The peer's key recorded: fingerprint {} (check it with the peer's operator).",
        super::keys::fingerprint_of(&key)
    );
    Ok(())
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
        Command::Connect {
            peer,
            no_copy,
            peer_key,
        } => {
            if let Some(peer_key) = peer_key {
                trusted(settings, &peer_key)?;
            }
            let name = super::setup::connect(settings, &peer, !no_copy).await?;
            println!("Subscribed: {name}. `concord federation status` shows its progress.");
            Ok(())
        }
        Command::Trust { peer_key } => trusted(settings, &peer_key),
        Command::Verify => {
            let report = super::verify::verify(settings).await?;
            for line in &report.held {
                println!("ok    {line}");
            }
            for line in &report.problems {
                println!("FAIL  {line}");
            }
            anyhow::ensure!(
                report.problems.is_empty(),
                "the joint record does not hold: {} problem(s), the first: {}",
                report.problems.len(),
                report.problems[0]
            );
            println!("The joint record holds.");
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
            match super::verify::last(settings) {
                Some(last) => println!(
                    "  joint record:           {} at {} ({})",
                    if last.ok { "verified" } else { "FAILED" },
                    when(Some(last.at)),
                    last.summary
                ),
                None => println!("  joint record:           never verified (run `concord federation verify`)"),
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
