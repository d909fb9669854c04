//! An index on the audit log's entity, so one activity's history
//! (`GET /api/v1/activities/{id}/history`) is read without scanning the log.

use sea_orm_migration::prelude::*;

/// Adds `idx_audit_entity` on `(entity_type, entity_id, id)`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000007_index_audit_entity"
    }
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    EntityType,
    EntityId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_entity")
                    .table(AuditLog::Table)
                    .col(AuditLog::EntityType)
                    .col(AuditLog::EntityId)
                    .col(AuditLog::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("idx_audit_entity").table(AuditLog::Table).to_owned())
            .await
    }
}
