//! `plan_signatures.content_sha256` (issue 18): the SHA-256 of the content
//! a party signed (the version's snapshot without signatures). A change of
//! the plan no longer deletes the partial signatures of the version in
//! progress (on a party's node the other party's row is not its to
//! delete): a signature holds while the content still has that hash.
//!
//! Existing rows: empty. Signatures of signed versions hold by their frozen
//! version; a partial signature of a version in progress (one party signed,
//! the other not yet) is stale and is given again.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::text;

/// Adds the column.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000170_signature_content"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum PlanSignatures {
    Table,
    ContentSha256,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(PlanSignatures::Table)
                    .add_column(text(PlanSignatures::ContentSha256).default(""))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Without the hash, a stale partial signature cannot be told from a
        // current one: the partial signatures of versions in progress go.
        let db = manager.get_connection();
        db.execute_unprepared(
            "DELETE FROM plan_signatures WHERE NOT EXISTS (SELECT 1 FROM plan_versions v \
             WHERE v.plan_id = plan_signatures.plan_id AND v.number = plan_signatures.version_no)",
        )
        .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(PlanSignatures::Table)
                    .drop_column(PlanSignatures::ContentSha256)
                    .to_owned(),
            )
            .await
    }
}
