//! Widens two closed lists checked by their tables since they were made
//! (migrations 000040 and 000100): the alert kind `translation` (in
//! `alerts` and `alert_preferences`) and the change kind `activity_text` (in
//! `webhook_events`). Frozen as written; a test checks the lists are the
//! shared enums' codes.
//!
//! The checks are column constraints. PostgreSQL names them
//! `{table}_{column}_check`: dropped and added again with the wider list.
//! SQLite cannot alter a constraint; its documented procedure for a change
//! that every existing row still satisfies (ALTER TABLE, "making other kinds
//! of table schema changes") rewrites the table's `CREATE` text in
//! `sqlite_schema` under `writable_schema` and bumps `schema_version`, so
//! every connection reads the new schema.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

/// Widens the checks.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000140_translation_kinds"
    }
}

const ALERT_KINDS: &[&str] = &[
    "awaiting_consent",
    "changes_requested",
    "step_proposed",
    "signature",
    "execution",
    "mention",
    "translation",
];

const CHANGE_KINDS: &[&str] = &[
    "activity",
    "comment",
    "plan",
    "signature",
    "instrument",
    "notification",
    "authority",
    "document",
    "activity_text",
];

/// Each table's `kind` column and its list, before and after.
const TABLES: &[(&str, &[&str])] = &[
    ("alerts", ALERT_KINDS),
    ("alert_preferences", ALERT_KINDS),
    ("webhook_events", CHANGE_KINDS),
];

fn quoted(codes: &[&str]) -> String {
    codes.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ")
}

/// Sets the check of `table.kind` to `codes` (from `before`, one code shorter or longer).
async fn set_kinds(manager: &SchemaManager<'_>, table: &str, before: &[&str], codes: &[&str]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    match manager.get_database_backend() {
        DbBackend::Sqlite => {
            // The column check as sea-query wrote it: `"kind" IN ('a', 'b')`,
            // as SQL literals (our own constants).
            let literal = |codes: &[&str]| format!("'\"kind\" IN ({})'", quoted(codes).replace('\'', "''"));
            let (old, new) = (literal(before), literal(codes));
            let row = db
                .query_one_raw(Statement::from_string(DbBackend::Sqlite, "PRAGMA schema_version"))
                .await?
                .ok_or_else(|| DbErr::Custom("no schema_version".into()))?;
            let version: i64 = row.try_get_by_index(0)?;
            // One batch, so that every statement runs on the same pooled connection.
            db.execute_unprepared(&format!(
                "PRAGMA writable_schema = ON; \
                 UPDATE sqlite_schema SET sql = replace(sql, {old}, {new}) \
                 WHERE type = 'table' AND name = '{table}' AND instr(sql, {old}) > 0; \
                 PRAGMA schema_version = {}; \
                 PRAGMA writable_schema = OFF;",
                version + 1
            ))
            .await?;
            let found = db
                .query_one_raw(Statement::from_string(
                    DbBackend::Sqlite,
                    format!("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '{table}' AND instr(sql, {new}) > 0"),
                ))
                .await?
                .ok_or_else(|| DbErr::Custom("no count".into()))?;
            let found: i64 = found.try_get_by_index(0)?;
            if found != 1 {
                return Err(DbErr::Custom(format!("the check of {table}.kind was not found")));
            }
        }
        _ => {
            let name = format!("{table}_kind_check");
            db.execute_unprepared(&format!(
                "ALTER TABLE {table} DROP CONSTRAINT {name}, ADD CONSTRAINT {name} CHECK (kind IN ({}))",
                quoted(codes)
            ))
            .await?;
        }
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, codes) in TABLES {
            set_kinds(manager, table, &codes[..codes.len() - 1], codes).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, codes) in TABLES {
            let fewer = &codes[..codes.len() - 1];
            let last = codes[codes.len() - 1];
            let db = manager.get_connection();
            db.execute_unprepared(&format!("DELETE FROM {table} WHERE kind = '{last}'"))
                .await?;
            set_kinds(manager, table, codes, fewer).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use concord_shared::{AlertKind, ChangeKind};

    use super::*;

    /// A new variant of one of these lists needs a new migration widening its check.
    #[test]
    fn the_frozen_lists_are_the_shared_enums_codes() {
        let alerts: Vec<_> = AlertKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(ALERT_KINDS, alerts);
        let changes: Vec<_> = ChangeKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(CHANGE_KINDS, changes);
    }
}
