//! `concord federation verify`: both parties' joint chains (each seq in
//! turn, each hash, each link, each signature against the party's node
//! key) and every frozen version the node holds (its hash, both nodes'
//! signatures, and the content each party's chain says it signed). Works
//! on a single node too, where the node's own key signs for both parties.
//! The outcome is kept beside the key for `federation status`.

use std::collections::HashMap;

use anyhow::Context;
use chrono::{DateTime, Utc};
use concord_shared::Party;
use concord_shared::rules::joint::SIGNATURE_ACTIONS;
use ed25519_dalek::VerifyingKey;
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};
use serde::{Deserialize, Serialize};

use super::{chain, keys, proof};
use crate::config::Settings;
use crate::entities::{joint_entry, plan, plan_signature, plan_version};

/// What `verify` found.
#[derive(Debug, Default)]
pub struct Report {
    /// What holds, one line each.
    pub held: Vec<String>,
    /// What does not, one line each, naming the entry or version.
    pub problems: Vec<String>,
}

/// The last verification, as `federation status` shows it.
#[derive(Debug, Serialize, Deserialize)]
pub struct Outcome {
    /// When it ran.
    pub at: DateTime<Utc>,
    /// Whether everything held.
    pub ok: bool,
    /// The first problem, or what was checked.
    pub summary: String,
}

fn outcome_path(settings: &Settings) -> std::path::PathBuf {
    settings.data_dir.join("federation").join("verified.json")
}

/// The last verification's outcome, if any.
pub fn last(settings: &Settings) -> Option<Outcome> {
    let text = std::fs::read_to_string(outcome_path(settings)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Checks the joint record and keeps the outcome.
pub async fn verify(settings: &Settings) -> anyhow::Result<Report> {
    let own = keys::load(&keys::path(settings))
        .context("this node has no key yet: run `concord federation init` (or start the server once)")?
        .verifying_key();
    let peer = keys::load_peer(settings)?;
    let key_of = |party: Party| match settings.node_party {
        Some(node) if node != party => peer,
        _ => Some(own),
    };
    let db = crate::db::connect_and_migrate(settings).await?;
    let mut report = Report::default();
    let mut chains = HashMap::new();
    for party in Party::ALL.iter().copied() {
        let entries = chain::entries(&db, party).await?;
        check_chain(party, &entries, key_of(party).as_ref(), &mut report);
        chains.insert(party, entries);
    }
    match (key_of(Party::Az), key_of(Party::Ge)) {
        (Some(az), Some(ge)) => check_versions(&db, [(Party::Az, &az), (Party::Ge, &ge)], &chains, &mut report).await?,
        _ => report
            .problems
            .push("the peer's public key is not recorded (`concord federation connect --peer-key`)".to_owned()),
    }
    let outcome = Outcome {
        at: Utc::now(),
        ok: report.problems.is_empty(),
        summary: report
            .problems
            .first()
            .cloned()
            .unwrap_or_else(|| report.held.join("; ")),
    };
    let path = outcome_path(settings);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&path, serde_json::to_string(&outcome)?).with_context(|| format!("writing {}", path.display()))?;
    Ok(report)
}

/// One party's chain, entry by entry; stops at its first fault (what
/// follows links to it).
fn check_chain(party: Party, entries: &[joint_entry::Model], key: Option<&VerifyingKey>, report: &mut Report) {
    let mut prev = chain::GENESIS.to_owned();
    for (expected, row) in (1..).zip(entries) {
        if let Some(fault) = chain::fault(row, expected, &prev, key) {
            report.problems.push(format!(
                "{}'s chain, entry {} ({} {}, {}): {fault}",
                party.short(),
                row.seq,
                row.kind,
                row.subject,
                chain::when(row.at)
            ));
            return;
        }
        prev.clone_from(&row.entry_sha256);
    }
    report.held.push(match entries.last() {
        Some(last) => format!(
            "{}'s chain: {} entries, intact, the last of {}",
            party.short(),
            entries.len(),
            chain::when(last.at)
        ),
        None => format!("{}'s chain: empty", party.short()),
    });
}

/// Every frozen version: its hash and both node signatures
/// (`proof::check`), and the content each party's latest signature entry
/// for it names.
async fn check_versions<C: ConnectionTrait>(
    db: &C,
    keys: [(Party, &VerifyingKey); 2],
    chains: &HashMap<Party, Vec<joint_entry::Model>>,
    report: &mut Report,
) -> anyhow::Result<()> {
    let years: HashMap<i32, i32> = plan::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.year))
        .collect();
    let signatures = plan_signature::Entity::find().all(db).await?;
    let versions = plan_version::Entity::find()
        .order_by_asc(plan_version::Column::Id)
        .all(db)
        .await?;
    for version in &versions {
        let year = years.get(&version.plan_id).copied().unwrap_or_default();
        let name = format!("plan {year} version {}", version.number);
        let subject = format!("plan_version:{year}/{}", version.number);
        let rows: Vec<_> = signatures
            .iter()
            .filter(|s| s.plan_id == version.plan_id && s.version_no == version.number)
            .collect();
        let signed_entry = |party: Party| {
            chains.get(&party).and_then(|entries| {
                entries
                    .iter()
                    .rev()
                    .find(|e| e.subject == subject && SIGNATURE_ACTIONS.contains(&e.kind.as_str()))
            })
        };
        if rows.iter().all(|s| s.node_signature.is_empty()) && Party::ALL.iter().all(|p| signed_entry(*p).is_none()) {
            // Frozen before the nodes signed (migration 000215): its hash only.
            if chain::sha256(&version.snapshot) == version.sha256 {
                report
                    .held
                    .push(format!("{name}: signed before the joint chains, its hash holds"));
            } else {
                report
                    .problems
                    .push(format!("{name}: its snapshot does not match its SHA-256"));
            }
            continue;
        }
        let node_signatures: Vec<_> = rows
            .iter()
            .map(|s| (s.party, s.node_key_id.clone(), s.node_signature.clone()))
            .collect();
        let checked = match proof::check(&version.snapshot, &version.sha256, &node_signatures, keys) {
            Ok(checked) => checked,
            Err(problems) => {
                report
                    .problems
                    .extend(problems.into_iter().map(|p| format!("{name}: {p}")));
                continue;
            }
        };
        let mut held = true;
        for party in Party::ALL.iter().copied() {
            match signed_entry(party) {
                None => {
                    held = false;
                    report
                        .problems
                        .push(format!("{name}: {}'s chain has no signature of it", party.short()));
                }
                Some(entry) if entry.payload_sha256 != checked.content_sha256 => {
                    held = false;
                    report.problems.push(format!(
                        "{name}: {}'s chain, entry {}, signed content {}, the version's is {}",
                        party.short(),
                        entry.seq,
                        entry.payload_sha256,
                        checked.content_sha256
                    ));
                }
                Some(_) => {}
            }
        }
        if held {
            report.held.push(format!(
                "{name}: SHA-256 {}, signed by both nodes, the content both chains name",
                checked.sha256
            ));
        }
    }
    Ok(())
}
