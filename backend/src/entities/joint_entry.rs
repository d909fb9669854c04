//! `joint_entries`: one entry of a party's signed chain of joint actions
//! (docs/federation.md "Proof that both hold the same record";
//! `crate::federation::chain`).

use concord_shared::Party;
use sea_orm::entity::prelude::*;

/// One entry.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "joint_entries")]
pub struct Model {
    /// Row id (the node's; the chain's order is `seq`).
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The acting party, whose chain this is (and whose node writes it).
    pub party: Party,
    /// Its place in the party's chain, from 1, without gaps.
    pub seq: i64,
    /// When it was appended (microseconds).
    pub at: DateTimeUtc,
    /// The audit action, e.g. `activity.consent`.
    pub kind: String,
    /// What it is about, by public ids: `activity:<id>`, `plan:<year>`,
    /// `plan_version:<year>/<number>`.
    pub subject: String,
    /// The SHA-256 (hex) of its payload: the content signed for a
    /// signature, the canonical JSON of the state after for the rest.
    pub payload_sha256: String,
    /// The entry before it in the chain (64 zeros before the first).
    pub prev_sha256: String,
    /// The SHA-256 (hex) of the entry's canonical form.
    pub entry_sha256: String,
    /// The signing key's id (empty: appended without a node key).
    pub key_id: String,
    /// The Ed25519 signature (hex) over the entry's hash.
    pub signature: String,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
