//! What a node replicates: every table whose rows have one owning party,
//! its row filter and the columns each node keeps for itself
//! (docs/federation.md, "Every table"), the names of the publication, the
//! subscription and the slot, and the two SQL helpers `setup.rs`,
//! `triggers.rs` and `status.rs` run statements with. A leaf of the
//! federation's modules.

use anyhow::Context;
use concord_shared::Party;
use sea_orm::{ConnectionTrait, DbBackend, Statement};

/// A table whose rows have one owning party, named by `column`, and the
/// rows of it a node publishes besides being its party's (`shared`).
pub struct Owned {
    /// The table.
    pub table: &'static str,
    /// The column naming the owning party.
    pub column: &'static str,
    /// What else a published row must be (SQL over the row's own columns).
    pub shared: Option<&'static str>,
    /// The rows the migrations put in both nodes' databases alike (SQL):
    /// a node leaves the other party's to arrive from their owner with the
    /// subscription's first copy, else that copy would collide with them.
    pub seeded: Option<&'static str>,
    /// The columns each node keeps for itself (a cache derived from other
    /// rows): left out of the publication's column list, and the only
    /// ones the trigger lets a node write on the other party's row.
    pub local: &'static [&'static str],
    /// The column naming the activity a row belongs to, when a replicated
    /// row must refresh that activity's cache (`concord_applied`).
    pub applied: Option<&'static str>,
    /// A unique index to use as replica identity instead of the whole row
    /// (`REPLICA IDENTITY FULL` cannot be used with a column list).
    pub identity: Option<&'static str>,
}

/// Neither a cache, nor an activity to refresh, nor an index of its own.
const PLAIN: Owned = Owned {
    table: "",
    column: "party",
    shared: None,
    seeded: None,
    local: &[],
    applied: None,
    identity: None,
};

/// The activity row's columns that are each node's own (never published,
/// and the only ones a node writes on the other party's activity): the
/// caches of the consent, side and execution rows
/// (`models::activity_rows`), the search text (derived from the
/// substance), the node's own version counter and time of change, and
/// who created it (a user id of the proposer's node).
pub const ACTIVITY_CACHE: &[&str] = &[
    "consent_az",
    "consent_ge",
    "consent",
    "az_participants",
    "az_unit",
    "az_contact",
    "az_summary",
    "ge_participants",
    "ge_unit",
    "ge_contact",
    "ge_summary",
    "execution",
    "execution_reason",
    "search_text",
    "version",
    "updated_at",
    "created_by",
];

/// The tables replicated today: those whose rows already have one owner.
/// docs/federation.md lists every table and the splits still to come.
pub const OWNED: &[Owned] = &[
    Owned {
        table: "activities",
        column: "proposing_party",
        // A draft stays home; `shared` never goes back to false (a
        // withdrawn activity stays shared, withdrawn).
        shared: Some("shared"),
        local: ACTIVITY_CACHE,
        applied: Some("id"),
        identity: Some("idx_activities_replica"),
        ..PLAIN
    },
    Owned {
        table: "activity_sides",
        // A draft's side stays home; `shared` is set in the sharing
        // transaction (a row filter cannot look at the activity's row).
        shared: Some("shared"),
        applied: Some("activity_id"),
        ..PLAIN
    },
    Owned {
        table: "activity_execution",
        // Only ever reported on a shared activity of a signed plan.
        applied: Some("activity_id"),
        ..PLAIN
    },
    Owned {
        table: "comments",
        // Internal notes never leave home (and a comment on a never-shared
        // draft is stored as one).
        shared: Some("NOT internal"),
        ..PLAIN
    },
    Owned {
        table: "plan_signatures",
        ..PLAIN
    },
    Owned {
        table: "competent_authorities",
        // A pending change is its party's alone until announced.
        shared: Some("NOT pending"),
        // The authorities at the agreement's signature (migration 000001):
        // the only entries that took effect without a notification.
        seeded: Some("notification_id IS NULL AND NOT pending"),
        ..PLAIN
    },
    Owned {
        table: "activity_consents",
        // A decision is only ever made on a shared activity.
        applied: Some("activity_id"),
        ..PLAIN
    },
    Owned {
        table: "activity_texts",
        // A draft's texts stay home; `shared` is set in the sharing
        // transaction (a row filter cannot look at the activity's row).
        shared: Some("shared"),
        ..PLAIN
    },
    Owned {
        table: "joint_entries",
        // Each party's chain of joint actions, whole.
        ..PLAIN
    },
    Owned {
        table: "documents",
        column: "uploaded_party",
        // A document on a draft or a pending authority change stays home.
        // Its bytes are in the node's blob store, not in the row.
        shared: Some("shared"),
        ..PLAIN
    },
    Owned {
        table: "document_blobs",
        // The bytes of the party's shared documents only (set with theirs).
        shared: Some("shared"),
        ..PLAIN
    },
    Owned {
        table: "notifications",
        column: "sending_party",
        // A note is recorded once sent (its date sent is never in the
        // future): nothing of it is private.
        ..PLAIN
    },
    Owned {
        table: "notification_receipts",
        ..PLAIN
    },
    Owned {
        table: "instrument_sides",
        // Azerbaijan's side of the Agreement (migrations 000006, 000195).
        seeded: Some("instrument_id IN (SELECT id FROM instruments WHERE kind = 'base_agreement')"),
        ..PLAIN
    },
    Owned {
        table: "instruments",
        column: "recorded_party",
        // The register is joint: every instrument is both parties'.
        // The Agreement, Azerbaijan's (migrations 000006, 000195); after
        // its side, which refers to it.
        seeded: Some("kind = 'base_agreement'"),
        ..PLAIN
    },
];

/// The publication of `party`'s node.
pub fn publication(party: Party) -> String {
    format!("concord_{}", party.code())
}

/// The subscription of `party`'s node to the other node.
pub fn subscription(party: Party) -> String {
    format!("concord_from_{}", party.other().code())
}

/// The replication slot on the publisher `from` that feeds `to`.
pub fn slot(from: Party, to: Party) -> String {
    format!("concord_{}_to_{}", from.code(), to.code())
}

/// The row filter of `owned` in `party`'s publication.
pub fn row_filter(owned: &Owned, party: Party) -> String {
    let mine = format!("{} = '{}'", owned.column, party.code());
    match owned.shared {
        Some(shared) => format!("({mine} AND {shared})"),
        None => format!("({mine})"),
    }
}

/// The first column of the one row `sql` returns.
pub(super) async fn scalar<T: sea_orm::TryGetable>(db: &impl ConnectionTrait, sql: &str) -> anyhow::Result<T> {
    let row = db
        .query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await?
        .context("no row")?;
    Ok(row.try_get_by_index::<T>(0)?)
}

/// Runs `sql` (no rows back), saying which statement failed.
pub(super) async fn run(db: &impl ConnectionTrait, sql: &str) -> anyhow::Result<()> {
    db.execute_unprepared(sql)
        .await
        .with_context(|| format!("running {sql}"))?;
    Ok(())
}
