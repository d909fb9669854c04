//! The audit log: append-only, every entry chained to the one before by a
//! SHA-256 hash, so any later change to a stored entry breaks the chain at
//! that entry. Database triggers refuse UPDATE and DELETE on the table.
//! A joint action (`rules::joint`) is also appended, in the same
//! transaction, to its party's signed chain (`crate::federation::chain`).

use anyhow::Context;
use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use concord_shared::Party;
use concord_shared::rules::{Scope, joint};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseBackend, EntityTrait, PaginatorTrait, QueryOrder, QuerySelect, Set,
};
use sha2::{Digest, Sha256};

use crate::entities::audit_log::{self, Column, Entity};
use crate::federation::chain::{self, Fact};

/// The PostgreSQL channel notified at every commit of an entry: the live
/// streams of every process follow it (see `crate::events`).
pub const CHANGES_CHANNEL: &str = "concord_changes";

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who did something, as the audit log records it.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The acting user.
    pub user_id: Option<i32>,
    /// The acting API token.
    pub token_id: Option<i32>,
    /// Display name, token name or attempted user name.
    pub label: String,
    /// The actor's party.
    pub party: Option<Party>,
}

impl Actor {
    /// Someone not (yet) signed in, e.g. a failed login under a user name.
    pub fn anonymous(label: impl Into<String>) -> Actor {
        Actor {
            user_id: None,
            token_id: None,
            label: label.into(),
            party: None,
        }
    }
}

/// One event to record.
pub struct Event<'a> {
    /// Who.
    pub actor: &'a Actor,
    /// What, e.g. `user.create`.
    pub action: &'a str,
    /// The kind of thing, e.g. `user`.
    pub entity_type: &'a str,
    /// Its id.
    pub entity_id: Option<String>,
    /// Who may read the entry.
    pub scope: Scope,
    /// State before.
    pub before: Option<serde_json::Value>,
    /// State after.
    pub after: Option<serde_json::Value>,
}

/// The hash of an entry: SHA-256 over its fields in a fixed order and the previous hash.
fn entry_hash(row: &audit_log::Model) -> String {
    let mut h = Sha256::new();
    let fields: [String; 13] = [
        row.prev_hash.clone(),
        row.id.to_string(),
        row.at.to_rfc3339_opts(SecondsFormat::Micros, true),
        row.actor_user_id.map(|v| v.to_string()).unwrap_or_default(),
        row.actor_token_id.map(|v| v.to_string()).unwrap_or_default(),
        row.actor_label.clone(),
        row.party.map(|p| p.code().to_owned()).unwrap_or_default(),
        row.scope.code().to_owned(),
        row.action.clone(),
        row.entity_type.clone(),
        row.entity_id.clone().unwrap_or_default(),
        row.before.clone().unwrap_or_default(),
        row.after.clone().unwrap_or_default(),
    ];
    // The request id joined the entry later: hashed only where there is one,
    // so every entry written before still verifies.
    for field in fields.iter().chain(row.request_id.as_ref()) {
        // Length-prefixed, so no two different entries hash the same text.
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    hex(&h.finalize())
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a signature's joint entry names instead of the event's entity
/// and state: the version signed and the SHA-256 of the content signed.
pub struct Signed {
    /// `plan_version:<year>/<number>`.
    pub subject: String,
    /// The content's SHA-256 (the version's snapshot without signatures).
    pub content_sha256: String,
}

/// Appends an event inside the caller's transaction; a joint one
/// (`rules::joint`) also goes on its party's signed chain.
pub async fn append<C: ConnectionTrait>(conn: &C, event: Event<'_>) -> anyhow::Result<()> {
    append_signed(conn, event, None).await
}

/// [`append`], with what a signature's joint entry names (`signed`).
pub async fn append_signed<C: ConnectionTrait>(
    conn: &C,
    event: Event<'_>,
    signed: Option<Signed>,
) -> anyhow::Result<()> {
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        // One writer of the chain at a time; released at commit.
        conn.execute_unprepared("SELECT pg_advisory_xact_lock(720101)")
            .await
            .context("locking the audit chain")?;
    }
    let last = Entity::find()
        .order_by_desc(Column::Id)
        .limit(1)
        .one(conn)
        .await
        .context("reading the audit chain")?;
    let (prev_hash, id) = match last {
        Some(row) => (row.hash, row.id + 1),
        None => (GENESIS.to_owned(), 1),
    };
    let at: DateTime<Utc> = Utc::now().trunc_subsecs(6);
    let mut row = audit_log::Model {
        id,
        at,
        actor_user_id: event.actor.user_id,
        actor_token_id: event.actor.token_id,
        actor_label: event.actor.label.chars().take(200).collect(),
        party: event.actor.party,
        scope: event.scope,
        action: event.action.to_owned(),
        entity_type: event.entity_type.to_owned(),
        entity_id: event.entity_id,
        before: event.before.map(|v| v.to_string()),
        after: event.after.map(|v| v.to_string()),
        prev_hash,
        request_id: crate::request_id::current(),
        hash: String::new(),
    };
    row.hash = entry_hash(&row);
    let joint = match row.party {
        Some(party) if joint::is_joint(&row.action, row.scope) => Some(match signed {
            Some(signed) => Fact {
                party,
                kind: row.action.clone(),
                subject: signed.subject,
                payload_sha256: signed.content_sha256,
            },
            None => Fact {
                party,
                kind: row.action.clone(),
                subject: format!("{}:{}", row.entity_type, row.entity_id.as_deref().unwrap_or_default()),
                // The state after as this entry records it (before, for a removal).
                payload_sha256: chain::sha256(row.after.as_ref().or(row.before.as_ref()).map_or("", String::as_str)),
            },
        }),
        _ => None,
    };
    let active: audit_log::ActiveModel = row.into();
    let mut active = active;
    active.id = Set(id);
    active.insert(conn).await.context("appending to the audit log")?;
    if let Some(fact) = joint {
        chain::append(conn, fact).await?;
    }
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        // Delivered at commit to every process listening on this database:
        // their live streams read the new entry (see crate::events).
        conn.execute_unprepared(&format!("NOTIFY {}", CHANGES_CHANNEL))
            .await
            .context("notifying the live streams")?;
    }
    Ok(())
}

/// The result of checking the chain.
#[derive(Debug, PartialEq, Eq)]
pub enum Verification {
    /// Every entry matches its hash and links to the one before.
    Intact {
        /// How many entries were checked.
        entries: u64,
    },
    /// The first entry whose hash or link does not match.
    Broken {
        /// Its id.
        id: i32,
        /// What is wrong.
        reason: String,
    },
}

/// Walks the whole chain in order and names the first broken link.
pub async fn verify<C: ConnectionTrait>(conn: &C) -> anyhow::Result<Verification> {
    let mut expected_prev = GENESIS.to_owned();
    let mut pages = Entity::find().order_by_asc(Column::Id).paginate(conn, 1000);
    let mut entries = 0;
    while let Some(rows) = pages.fetch_and_next().await.context("reading the audit log")? {
        for row in rows {
            if row.prev_hash != expected_prev {
                return Ok(Verification::Broken {
                    id: row.id,
                    reason: "does not link to the entry before it".into(),
                });
            }
            if entry_hash(&row) != row.hash {
                return Ok(Verification::Broken {
                    id: row.id,
                    reason: "its content does not match its hash".into(),
                });
            }
            expected_prev = row.hash;
            entries += 1;
        }
    }
    Ok(Verification::Intact { entries })
}
