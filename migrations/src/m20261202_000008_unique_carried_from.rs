//! Carry-over is once only, whatever the concurrency: at most one activity
//! carries a given original (`activities.carried_from`, the original's public
//! id). Several NULLs are allowed on SQLite and PostgreSQL alike.

use sea_orm_migration::prelude::*;

/// Adds the unique index `idx_activities_carried_from`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261202_000008_unique_carried_from"
    }
}

#[derive(DeriveIden)]
enum Activities {
    Table,
    CarriedFrom,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("idx_activities_carried_from")
                    .table(Activities::Table)
                    .col(Activities::CarriedFrom)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_activities_carried_from")
                    .table(Activities::Table)
                    .to_owned(),
            )
            .await
    }
}
