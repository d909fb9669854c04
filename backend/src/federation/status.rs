//! `concord federation status`: the subscription's state, the last message
//! received from the peer and what the peer has not confirmed of this
//! node's changes (PostgreSQL's own statistics views).

use sea_orm::{ConnectionTrait, DbBackend, Statement};

use super::setup::node;
use super::tables::subscription;
use crate::config::Settings;

/// The state of a node's replication.
#[derive(Debug)]
pub struct Status {
    /// The subscription's name, whether it exists and is enabled.
    pub subscription: String,
    /// `None`: not connected yet.
    pub enabled: Option<bool>,
    /// Whether its apply worker runs now.
    pub running: bool,
    /// The last message received from the peer (rows or keep-alive).
    pub last_received: Option<chrono::DateTime<chrono::Utc>>,
    /// The time of the last change the peer reported as sent.
    pub last_change: Option<chrono::DateTime<chrono::Utc>>,
    /// Tables and their state of the initial copy (`r` ready, `d` copying...).
    pub tables: Vec<(String, String)>,
    /// Bytes of this node's changes the peer has not confirmed, per slot.
    pub outgoing: Vec<(String, bool, i64)>,
}

/// `concord federation status`.
pub async fn status(settings: &Settings) -> anyhow::Result<Status> {
    let (party, db) = node(settings).await?;
    let name = subscription(party);
    let found = db
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            format!(
                "SELECT s.subenabled AS enabled, st.pid IS NOT NULL AS running, \
                        st.last_msg_receipt_time AS received, st.latest_end_time AS change \
                 FROM pg_subscription s \
                 LEFT JOIN pg_stat_subscription st ON st.subid = s.oid AND st.relid IS NULL \
                 WHERE s.subname = '{name}' AND s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            ),
        ))
        .await?;
    let mut status = Status {
        subscription: name.clone(),
        enabled: None,
        running: false,
        last_received: None,
        last_change: None,
        tables: Vec::new(),
        outgoing: Vec::new(),
    };
    if let Some(row) = found {
        status.enabled = Some(row.try_get("", "enabled")?);
        status.running = row.try_get("", "running")?;
        status.last_received = row.try_get("", "received")?;
        status.last_change = row.try_get("", "change")?;
        for row in db
            .query_all_raw(Statement::from_string(
                DbBackend::Postgres,
                format!(
                    "SELECT r.srrelid::regclass::text AS tbl, r.srsubstate::text AS state \
                     FROM pg_subscription_rel r JOIN pg_subscription s ON s.oid = r.srsubid \
                     WHERE s.subname = '{name}' ORDER BY 1"
                ),
            ))
            .await?
        {
            status.tables.push((row.try_get("", "tbl")?, row.try_get("", "state")?));
        }
    }
    for row in db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            format!(
                "SELECT slot_name::text AS slot, active, \
                        COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint AS behind \
                 FROM pg_replication_slots WHERE slot_name LIKE 'concord\\_{}\\_to\\_%' \
                   AND database = current_database() ORDER BY 1",
                party.code()
            ),
        ))
        .await?
    {
        status.outgoing.push((
            row.try_get("", "slot")?,
            row.try_get("", "active")?,
            row.try_get("", "behind")?,
        ));
    }
    Ok(status)
}
