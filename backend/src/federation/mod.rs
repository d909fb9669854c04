//! Sovereign nodes (docs/federation.md): a node with a party
//! (`CONCORD_NODE_PARTY`) serves only that party's users and writes only
//! the rows its party owns; the rows the other party owns arrive by
//! PostgreSQL logical replication. `cli.rs` is `concord federation
//! init|connect|status|verify`, over `tables.rs` (what replicates),
//! `setup.rs` (init, connect, with `triggers.rs`), `status.rs` and
//! `verify.rs`; `keys.rs` the node's Ed25519 key; `chain.rs` each party's
//! signed chain of joint actions; `proof.rs` the nodes' signatures of a
//! frozen version (`concord verify-version`); `apply.rs` keeps the
//! activities' caches after the replication apply worker wrote a row.

pub mod apply;
pub mod chain;
pub mod cli;
pub mod keys;
pub mod proof;
pub mod setup;
pub mod status;
pub mod tables;
pub mod triggers;
pub mod verify;

use concord_shared::Party;

use crate::config::Settings;
use crate::error::AppError;

/// Refuses a user, session or token of a party this node does not serve.
/// A node without a party serves both.
pub fn serves(settings: &Settings, party: Party) -> Result<(), AppError> {
    match settings.node_party {
        Some(node) if node != party => Err(AppError::OtherPartyNode { node }),
        _ => Ok(()),
    }
}

/// Refuses writing a row that `owner` owns on a node of the other party:
/// there the row is a replicated copy, written only on its owner's node
/// (the database refuses it too, by a trigger `setup::init` installs).
pub fn owns(settings: &Settings, owner: Party) -> Result<(), AppError> {
    match settings.node_party {
        Some(node) if node != owner => Err(AppError::ForeignRow { owner }),
        _ => Ok(()),
    }
}
