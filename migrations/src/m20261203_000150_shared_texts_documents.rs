//! `activity_texts.shared` and `documents.shared` (issue 18): whether a row
//! may leave its party's node. A publication's row filter sees only the
//! row's own columns, never whether its activity (or authority entry) is
//! shared, so each row says it itself: set when the row is written on
//! something shared, and in the sharing transaction (an activity shared, an
//! authority change taking effect) on its party's rows.
//!
//! Existing rows: a text is shared when its activity is; a document when
//! its owner is visible to both parties (an instrument, a notification, a
//! shared activity, an authority entry no longer pending).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::boolean;

/// Adds the two columns and fills them.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000150_shared_texts_documents"
    }
}

/// The two tables that get the column.
const TABLES: [&str; 2] = ["activity_texts", "documents"];

fn shared() -> Alias {
    Alias::new("shared")
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .add_column(boolean(shared()).default(false))
                        .to_owned(),
                )
                .await?;
        }
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE activity_texts SET shared = TRUE \
             WHERE activity_id IN (SELECT id FROM activities WHERE shared)",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE documents SET shared = TRUE \
             WHERE owner_type IN ('instrument', 'notification') \
                OR (owner_type = 'activity' AND owner_id IN (SELECT public_id FROM activities WHERE shared)) \
                OR (owner_type = 'authority' AND owner_id IN \
                    (SELECT public_id FROM competent_authorities WHERE NOT pending))",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .alter_table(Table::alter().table(Alias::new(table)).drop_column(shared()).to_owned())
                .await?;
        }
        Ok(())
    }
}
