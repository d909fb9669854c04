//! Each party's side of an activity and the host's execution status are rows
//! of their own (issue 18, docs/federation.md, "How the mixed tables are
//! split"): `activity_sides` (one row per activity and party that wrote its
//! side: participants, unit, contact, summary) and `activity_execution`
//! (the host party's status and reason). The activity row keeps its
//! `az_*`, `ge_*` and `execution*` columns as a local cache of these rows,
//! so every read (lists, filters, exports, search) stays as it was.
//!
//! Existing activities: a side becomes its party's row when anything of it
//! was written; an execution status other than planned becomes the host's
//! row. `shared` on a side row says it may leave its node (a row filter
//! cannot look at the activity's row), as on `activity_texts`.
//!
//! PostgreSQL only: the cache columns get defaults (an activity arriving by
//! replication sets only the replicated columns; the others take their
//! defaults until the node derives them), and a unique index over
//! `(id, proposing_party, shared)` that the publication's replica identity
//! uses (a row filter may only read replica identity columns, and a column
//! list cannot be used with `REPLICA IDENTITY FULL`).

use sea_orm_migration::{prelude::*, schema::*};

/// Adds `activity_sides` and `activity_execution`, filled from the
/// activity rows, and the replication's defaults and index.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000180_activity_sides_execution"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum ActivitySides {
    Table,
    Id,
    ActivityId,
    Party,
    Participants,
    Unit,
    Contact,
    Summary,
    Shared,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ActivityExecution {
    Table,
    Id,
    ActivityId,
    Party,
    Status,
    Reason,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Activities {
    Table,
    Id,
}

// Frozen closed lists (see 000020).
const PARTY: &[&str] = &["az", "ge"];
const EXECUTION: &[&str] = &["planned", "confirmed", "held", "postponed", "cancelled"];

/// The index the publication's replica identity uses (PostgreSQL).
pub const REPLICA_INDEX: &str = "idx_activities_replica";

/// The cache columns' defaults on PostgreSQL, for a row that arrives by
/// replication without them.
const DEFAULTS: &[(&str, &str)] = &[
    ("az_unit", "''"),
    ("az_contact", "''"),
    ("ge_unit", "''"),
    ("ge_contact", "''"),
    ("consent_az", "'pending'"),
    ("consent_ge", "'pending'"),
    ("consent", "'draft'"),
    ("execution", "'planned'"),
    ("search_text", "''"),
    ("created_by", "0"),
    ("updated_at", "CURRENT_TIMESTAMP"),
];

fn listed<T: Iden + Copy + 'static>(column: T, len: u32, codes: &[&str]) -> ColumnDef {
    string_len(column, len)
        .check(Expr::col(column).is_in(codes.iter().copied()))
        .to_owned()
}

fn unique(
    name: &str,
    table: impl Iden + 'static,
    a: impl Iden + 'static,
    b: impl Iden + 'static,
) -> IndexCreateStatement {
    Index::create()
        .name(name)
        .table(table)
        .col(a)
        .col(b)
        .unique()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ActivitySides::Table)
                    .col(pk_auto(ActivitySides::Id))
                    .col(integer(ActivitySides::ActivityId))
                    .col(listed(ActivitySides::Party, 8, PARTY))
                    .col(integer_null(ActivitySides::Participants))
                    .col(string_len(ActivitySides::Unit, 200).default(""))
                    .col(string_len(ActivitySides::Contact, 200).default(""))
                    .col(text_null(ActivitySides::Summary))
                    .col(boolean(ActivitySides::Shared).default(false))
                    .col(big_integer(ActivitySides::Version).default(1))
                    .col(timestamp_with_time_zone(ActivitySides::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_activity_sides_activity")
                            .from(ActivitySides::Table, ActivitySides::ActivityId)
                            .to(Activities::Table, Activities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "idx_activity_sides_activity_party",
                ActivitySides::Table,
                ActivitySides::ActivityId,
                ActivitySides::Party,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ActivityExecution::Table)
                    .col(pk_auto(ActivityExecution::Id))
                    .col(integer(ActivityExecution::ActivityId))
                    .col(listed(ActivityExecution::Party, 8, PARTY))
                    .col(listed(ActivityExecution::Status, 16, EXECUTION))
                    .col(text_null(ActivityExecution::Reason))
                    .col(big_integer(ActivityExecution::Version).default(1))
                    .col(timestamp_with_time_zone(ActivityExecution::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_activity_execution_activity")
                            .from(ActivityExecution::Table, ActivityExecution::ActivityId)
                            .to(Activities::Table, Activities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "idx_activity_execution_activity_party",
                ActivityExecution::Table,
                ActivityExecution::ActivityId,
                ActivityExecution::Party,
            ))
            .await?;
        let db = manager.get_connection();
        for party in PARTY {
            db.execute_unprepared(&format!(
                "INSERT INTO activity_sides \
                   (activity_id, party, participants, unit, contact, summary, shared, version, updated_at) \
                 SELECT id, '{party}', {party}_participants, {party}_unit, {party}_contact, {party}_summary, \
                        shared, 1, updated_at \
                 FROM activities \
                 WHERE {party}_participants IS NOT NULL OR {party}_unit <> '' OR {party}_contact <> '' \
                    OR {party}_summary IS NOT NULL \
                 ORDER BY id"
            ))
            .await?;
        }
        db.execute_unprepared(
            "INSERT INTO activity_execution (activity_id, party, status, reason, version, updated_at) \
             SELECT id, host_party, execution, execution_reason, 1, updated_at \
             FROM activities WHERE execution <> 'planned' ORDER BY id",
        )
        .await?;
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for (column, default) in DEFAULTS {
                db.execute_unprepared(&format!(
                    "ALTER TABLE activities ALTER COLUMN {column} SET DEFAULT {default}"
                ))
                .await?;
            }
            db.execute_unprepared(&format!(
                "CREATE UNIQUE INDEX {REPLICA_INDEX} ON activities (id, proposing_party, shared)"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The activity's columns kept the sides and the status all along.
        let db = manager.get_connection();
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            // A node's publication may use the index as replica identity.
            db.execute_unprepared("ALTER TABLE activities REPLICA IDENTITY DEFAULT")
                .await?;
            db.execute_unprepared(&format!("DROP INDEX IF EXISTS {REPLICA_INDEX}"))
                .await?;
            for (column, _) in DEFAULTS {
                db.execute_unprepared(&format!("ALTER TABLE activities ALTER COLUMN {column} DROP DEFAULT"))
                    .await?;
            }
        }
        for table in [ActivityExecution::Table.to_string(), ActivitySides::Table.to_string()] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use concord_shared::api::ExecutionStatus;

    use super::*;

    /// A new status needs a new migration widening this check.
    #[test]
    fn the_frozen_list_is_the_shared_enums_codes() {
        use ExecutionStatus::*;
        let codes: Vec<_> = [Planned, Confirmed, Held, Postponed, Cancelled]
            .into_iter()
            .map(|s| match s {
                Planned | Confirmed | Held | Postponed | Cancelled => s.code(),
            })
            .collect();
        assert_eq!(EXECUTION, codes);
    }
}
