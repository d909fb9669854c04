//! `concord federation init|connect|status` (docs/federation.md), on
//! PostgreSQL's own logical replication: `init` puts the node's sequences on
//! its residue, publishes the rows its party owns that are shared (leaving
//! out each node's cache columns) and installs the triggers
//! (`triggers.rs`); `connect` subscribes to the other node's publication
//! (`status.rs` reads its state).
use anyhow::{Context, bail, ensure};
use concord_shared::Party;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};

use super::tables::{OWNED, Owned, publication, row_filter, run, scalar, slot, subscription};
use crate::config::{Settings, redact_url};

/// The node's party and a connection, or why federation cannot start.
pub(super) async fn node(settings: &Settings) -> anyhow::Result<(Party, DatabaseConnection)> {
    if settings.is_sqlite() {
        bail!(
            "federation needs PostgreSQL (15 or later): CONCORD_DATABASE_URL names a SQLite database; \
             a SQLite node serves both parties alone"
        );
    }
    let party = settings
        .node_party
        .context("set CONCORD_NODE_PARTY (az or ge): the party this node serves")?;
    let db = crate::db::connect_and_migrate(settings).await?;
    let version: i64 = scalar(&db, "SELECT current_setting('server_version_num')::bigint AS v").await?;
    ensure!(
        version >= 150_000,
        "federation needs PostgreSQL 15 or later (row filters on publications); this server is {version}"
    );
    Ok((party, db))
}

/// What `init` did and what the operator sends the other side.
pub struct Init {
    /// This node's party.
    pub party: Party,
    /// The publication's name.
    pub publication: String,
    /// Sequences put on the node's residue.
    pub sequences: usize,
    /// The node's public key (hex) and its fingerprint.
    pub public_key: String,
    /// The fingerprint read aloud over a second channel.
    pub fingerprint: String,
    /// Whether the key was made now.
    pub new_key: bool,
    /// This server's `wal_level` (`logical` is needed for the peer to subscribe).
    pub wal_level: String,
    /// The database's name, for the connection string template.
    pub database: String,
}

/// `concord federation init`: idempotent.
pub async fn init(settings: &Settings) -> anyhow::Result<Init> {
    let (party, db) = node(settings).await?;
    let txn = sea_orm::TransactionTrait::begin(&db).await?;
    let sequences = disjoint_sequences(&txn, party).await?;
    let subscribed: bool = scalar(
        &txn,
        &format!(
            "SELECT EXISTS (SELECT 1 FROM pg_subscription WHERE subname = '{}' \
               AND subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()))",
            subscription(party)
        ),
    )
    .await?;
    if !subscribed {
        for owned in OWNED {
            if let Some(seeded) = owned.seeded {
                run(
                    &txn,
                    &format!(
                        "DELETE FROM {} WHERE {} = '{}' AND {seeded}",
                        owned.table,
                        owned.column,
                        party.other().code()
                    ),
                )
                .await?;
            }
        }
    }
    super::triggers::refuse_foreign_rows(&txn, party).await?;
    super::triggers::notify_applied(&txn).await?;
    let mut tables = Vec::new();
    for owned in OWNED {
        // Updates and deletes must carry the filter's columns.
        let identity = match owned.identity {
            Some(index) => format!("USING INDEX {index}"),
            None => "FULL".to_owned(),
        };
        run(
            &txn,
            &format!("ALTER TABLE {} REPLICA IDENTITY {identity}", owned.table),
        )
        .await?;
        let columns = published_columns(&txn, owned).await?;
        tables.push(format!("{}{columns} WHERE {}", owned.table, row_filter(owned, party)));
    }
    let name = publication(party);
    let tables = tables.join(", ");
    let exists: bool = scalar(
        &txn,
        &format!("SELECT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = '{name}')"),
    )
    .await?;
    if exists {
        run(&txn, &format!("ALTER PUBLICATION {name} SET TABLE {tables}")).await?;
    } else {
        run(&txn, &format!("CREATE PUBLICATION {name} FOR TABLE {tables}")).await?;
    }
    txn.commit().await?;
    let (key, new_key) = super::keys::load_or_create(&super::keys::path(settings))?;
    Ok(Init {
        party,
        publication: name,
        sequences,
        public_key: super::keys::public_hex(&key),
        fingerprint: super::keys::fingerprint(&key),
        new_key,
        wal_level: scalar(&db, "SELECT current_setting('wal_level')").await?,
        database: scalar(&db, "SELECT current_database()::text").await?,
    })
}

/// Puts every sequence of the schema on the node's residue (AZ odd, GE
/// even), stepping by two from above both the sequence and its column's
/// largest value, so the two nodes never make the same id.
async fn disjoint_sequences(db: &impl ConnectionTrait, party: Party) -> anyhow::Result<usize> {
    let residue = match party {
        Party::Az => 1,
        Party::Ge => 0,
    };
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT c.relname::text AS tbl, a.attname::text AS col, a.attidentity::text AS identity, \
                    pg_get_serial_sequence(quote_ident(c.relname), a.attname)::text AS seq \
             FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid \
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' \
               AND a.attnum > 0 AND NOT a.attisdropped \
               AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL \
             ORDER BY 1",
        ))
        .await?;
    for row in &rows {
        let table: String = row.try_get("", "tbl")?;
        let column: String = row.try_get("", "col")?;
        let identity: String = row.try_get("", "identity")?;
        let sequence: String = row.try_get("", "seq")?;
        let top: i64 = scalar(
            db,
            &format!(
                "SELECT GREATEST((SELECT COALESCE(MAX(\"{column}\"), 0)::bigint FROM \"{table}\"), \
                                 (SELECT last_value FROM {sequence}))"
            ),
        )
        .await?;
        let next = if (top + 1).rem_euclid(2) == residue {
            top + 1
        } else {
            top + 2
        };
        let sql = if identity.is_empty() {
            format!("ALTER SEQUENCE {sequence} INCREMENT BY 2 RESTART WITH {next}")
        } else {
            format!("ALTER TABLE \"{table}\" ALTER COLUMN \"{column}\" SET INCREMENT BY 2 RESTART WITH {next}")
        };
        run(db, &sql).await?;
    }
    Ok(rows.len())
}

/// The publication's column list of `owned`: every column but its local
/// ones (none: the whole row).
async fn published_columns(db: &impl ConnectionTrait, owned: &Owned) -> anyhow::Result<String> {
    if owned.local.is_empty() {
        return Ok(String::new());
    }
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            format!(
                "SELECT a.attname::text AS col FROM pg_attribute a \
                 WHERE a.attrelid = 'public.{}'::regclass AND a.attnum > 0 AND NOT a.attisdropped \
                 ORDER BY a.attnum",
                owned.table
            ),
        ))
        .await?;
    let mut columns = Vec::new();
    for row in rows {
        let column: String = row.try_get("", "col")?;
        if !owned.local.contains(&column.as_str()) {
            columns.push(column);
        }
    }
    Ok(format!(" ({})", columns.join(", ")))
}

/// `concord federation connect --peer URL`: subscribes to the other
/// node's publication. The replication slot is made on the peer first over
/// an ordinary connection (which also checks the peer's `wal_level` and
/// publication), so that two nodes in one cluster work too.
pub async fn connect(settings: &Settings, peer: &str, copy_data: bool) -> anyhow::Result<String> {
    let (party, db) = node(settings).await?;
    let other = party.other();
    let remote = Database::connect(peer)
        .await
        .with_context(|| format!("connecting to the peer {}", redact_url(peer)))?;
    let wal_level: String = scalar(&remote, "SELECT current_setting('wal_level')").await?;
    ensure!(
        wal_level == "logical",
        "the peer's wal_level is {wal_level}: its operator must set wal_level = logical and restart PostgreSQL"
    );
    let name = publication(other);
    let published: bool = scalar(
        &remote,
        &format!("SELECT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = '{name}')"),
    )
    .await?;
    ensure!(
        published,
        "the peer has no publication {name}: run `concord federation init` on the {} node first",
        other.short()
    );
    let slot = slot(other, party);
    run(
        &remote,
        &format!(
            "SELECT pg_create_logical_replication_slot('{slot}', 'pgoutput') \
             WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = '{slot}')"
        ),
    )
    .await?;
    remote.close().await?;
    let subscription = subscription(party);
    let conninfo = peer.replace('\'', "''");
    run(
        &db,
        &format!(
            "CREATE SUBSCRIPTION {subscription} CONNECTION '{conninfo}' PUBLICATION {name} \
             WITH (create_slot = false, slot_name = '{slot}', copy_data = {copy_data})"
        ),
    )
    .await?;
    Ok(subscription)
}
