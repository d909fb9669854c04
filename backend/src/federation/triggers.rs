//! The triggers `concord federation init` puts on the owned tables
//! (docs/federation.md): one refusing local writes of the other party's
//! rows (but for the node's own cache columns), one telling the app that
//! the replication apply worker wrote a row (`federation::apply`).

use concord_shared::Party;
use sea_orm::ConnectionTrait;

use super::tables::{OWNED, run};

/// A trigger on each owned table refusing rows of the other party, but for
/// a change of the table's local columns only (the node's cache). It is
/// an ordinary (`ENABLE`d, origin) trigger, so the replication apply worker,
/// which runs with `session_replication_role = replica`, does not fire it.
pub(super) async fn refuse_foreign_rows(db: &impl ConnectionTrait, party: Party) -> anyhow::Result<()> {
    // The code `db::foreign_row` recognises.
    let sqlstate = crate::db::FOREIGN_ROW_SQLSTATE;
    run(
        db,
        &format!(
            "CREATE OR REPLACE FUNCTION concord_refuse_foreign_row() RETURNS trigger LANGUAGE plpgsql AS $$ \
             DECLARE owner text; \
             BEGIN \
               IF TG_OP <> 'INSERT' THEN owner := to_jsonb(OLD) ->> TG_ARGV[0]; END IF; \
               IF TG_OP <> 'DELETE' AND (owner IS NULL OR owner = TG_ARGV[1]) THEN \
                 owner := to_jsonb(NEW) ->> TG_ARGV[0]; \
               END IF; \
               IF owner IS DISTINCT FROM TG_ARGV[1] THEN \
                 IF TG_OP = 'UPDATE' AND TG_NARGS > 2 \
                    AND to_jsonb(NEW) - TG_ARGV[2]::text[] = to_jsonb(OLD) - TG_ARGV[2]::text[] THEN \
                   RETURN NEW; \
                 END IF; \
                 RAISE EXCEPTION 'this % row is written only on the node of %', TG_TABLE_NAME, owner \
                   USING ERRCODE = '{sqlstate}', DETAIL = owner; \
               END IF; \
               IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; \
               RETURN NEW; \
             END $$"
        ),
    )
    .await?;
    for owned in OWNED {
        run(
            db,
            &format!("DROP TRIGGER IF EXISTS concord_owned_rows ON {}", owned.table),
        )
        .await?;
        // The node's own columns on the other party's row: only they may change.
        let local = if owned.local.is_empty() {
            String::new()
        } else {
            format!(", '{{{}}}'", owned.local.join(","))
        };
        run(
            db,
            &format!(
                "CREATE TRIGGER concord_owned_rows BEFORE INSERT OR UPDATE OR DELETE ON {} \
                 FOR EACH ROW EXECUTE FUNCTION concord_refuse_foreign_row('{}', '{}'{local})",
                owned.table,
                owned.column,
                party.code()
            ),
        )
        .await?;
    }
    Ok(())
}

/// The channel on which a node hears that the apply worker wrote a row
/// (`federation::apply`): the payload is `<table>:<key>`.
pub const APPLIED_CHANNEL: &str = "concord_applied";

/// A trigger `concord_applied` on each owned table whose rows refresh an
/// activity's cache: enabled as a replica trigger, so it fires for the
/// replication apply worker only, and it notifies [`APPLIED_CHANNEL`]
/// with the table and the key (delivered when the applied transaction
/// commits), unless the update changed nothing the publication carries:
/// the other node refreshing its own cache on its row sends an update of
/// unchanged replicated columns, which changes nothing here.
pub(super) async fn notify_applied(db: &impl ConnectionTrait) -> anyhow::Result<()> {
    run(
        db,
        &format!(
            "CREATE OR REPLACE FUNCTION concord_notify_applied() RETURNS trigger LANGUAGE plpgsql AS $$ \
             DECLARE applied jsonb; \
             BEGIN \
               IF TG_OP = 'UPDATE' \
                  AND to_jsonb(NEW) - TG_ARGV[1]::text[] = to_jsonb(OLD) - TG_ARGV[1]::text[] THEN \
                 RETURN NULL; \
               END IF; \
               IF TG_OP = 'DELETE' THEN applied := to_jsonb(OLD); ELSE applied := to_jsonb(NEW); END IF; \
               PERFORM pg_notify('{APPLIED_CHANNEL}', TG_TABLE_NAME || ':' || (applied ->> TG_ARGV[0])); \
               RETURN NULL; \
             END $$"
        ),
    )
    .await?;
    for owned in OWNED {
        run(
            db,
            &format!("DROP TRIGGER IF EXISTS concord_applied ON {}", owned.table),
        )
        .await?;
        let Some(key) = owned.applied else {
            continue;
        };
        run(
            db,
            &format!(
                "CREATE TRIGGER concord_applied AFTER INSERT OR UPDATE OR DELETE ON {} \
                 FOR EACH ROW EXECUTE FUNCTION concord_notify_applied('{key}', '{{{}}}')",
                owned.table,
                owned.local.join(",")
            ),
        )
        .await?;
        run(
            db,
            &format!("ALTER TABLE {} ENABLE REPLICA TRIGGER concord_applied", owned.table),
        )
        .await?;
    }
    Ok(())
}
