//! The request an audit entry was written by (`audit_log.request_id`), the
//! same id the response carried as `X-Request-Id` and the logs show, so an
//! operator can go from a log line to the entry and back. NULL for entries
//! written before, and by commands outside a request.

use sea_orm_migration::prelude::*;

/// Adds `audit_log.request_id`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261202_000060_audit_request_id"
    }
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    RequestId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AuditLog::Table)
                    .add_column(ColumnDef::new(AuditLog::RequestId).string_len(64).null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AuditLog::Table)
                    .drop_column(AuditLog::RequestId)
                    .to_owned(),
            )
            .await
    }
}
