//! `audit_log`: append-only, each entry chained to the previous by hash.

use concord_shared::domain::Party;
use concord_shared::rules::Scope;
use sea_orm::entity::prelude::*;

/// One audited event.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    /// Sequence number.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// When.
    pub at: DateTimeUtc,
    /// Acting user.
    pub actor_user_id: Option<i32>,
    /// Acting token.
    pub actor_token_id: Option<i32>,
    /// Who, as shown.
    pub actor_label: String,
    /// The actor's party.
    pub party: Option<Party>,
    /// Who may read the entry (stored `joint`, `az` or `ge`).
    pub scope: Scope,
    /// What happened.
    pub action: String,
    /// Kind of thing.
    pub entity_type: String,
    /// Its id.
    pub entity_id: Option<String>,
    /// JSON before.
    pub before: Option<String>,
    /// JSON after.
    pub after: Option<String>,
    /// Hash of the previous entry (64 zeros for the first).
    pub prev_hash: String,
    /// The request that wrote it (its `X-Request-Id`); none for commands.
    pub request_id: Option<String>,
    /// SHA-256 over this entry and `prev_hash`.
    #[sea_orm(unique)]
    pub hash: String,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
