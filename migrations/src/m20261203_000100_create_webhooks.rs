//! Webhooks (issue 15, part 3): an administrator's endpoints for their own
//! party, the kinds of change each receives, and the outbox of deliveries
//! with their attempts. The worker that fills the outbox follows the audit
//! log with the alerts' durable cursor table, in its own row (id 2).
//!
//! The signing secret is stored as it is, in a column no API answer
//! carries: the HMAC needs the secret itself, so a digest (as for API
//! tokens) cannot work, and encrypting it with a key the same server holds
//! would protect against little that reading the database does not already
//! give. Backups of the database are as secret as the secrets.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates `webhooks`, `webhook_events` and `webhook_deliveries`, and the
/// webhooks' row of `alert_cursor`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000100_create_webhooks"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Webhooks {
    Table,
    Id,
    Party,
    Url,
    Secret,
    Enabled,
    FromAuditId,
    CreatedByLabel,
    CreatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum WebhookEvents {
    Table,
    WebhookId,
    Kind,
}

#[derive(DeriveIden, Clone, Copy)]
enum WebhookDeliveries {
    Table,
    Id,
    WebhookId,
    AuditId,
    Event,
    Payload,
    Attempts,
    NextAttemptAt,
    DeliveredAt,
    LastStatus,
    LastError,
    CreatedAt,
}

// The closed lists of `Party` and `ChangeKind`; a new kind comes with a new migration.
const PARTIES: [&str; 2] = ["az", "ge"];
const KINDS: [&str; 8] = [
    "activity",
    "comment",
    "plan",
    "signature",
    "instrument",
    "notification",
    "authority",
    "document",
];

fn listed(column: impl IntoIden + Copy + 'static, len: u32, codes: &[&str]) -> ColumnDef {
    string_len(column, len)
        .check(Expr::col(column).is_in(codes.iter().copied()))
        .to_owned()
}

fn webhook_fk(
    table: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
    name: &str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Webhooks::Table, Webhooks::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Webhooks::Table)
                    .col(pk_auto(Webhooks::Id))
                    .col(listed(Webhooks::Party, 8, &PARTIES))
                    .col(text(Webhooks::Url))
                    .col(text(Webhooks::Secret))
                    .col(boolean(Webhooks::Enabled))
                    // The newest audit entry when it was created: it receives
                    // only what comes after.
                    .col(integer(Webhooks::FromAuditId))
                    // Who created it (display name or token name), as the audit log names them.
                    .col(text(Webhooks::CreatedByLabel))
                    .col(timestamp_with_time_zone(Webhooks::CreatedAt))
                    .col(big_integer(Webhooks::Version).default(1))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_webhooks_party")
                    .table(Webhooks::Table)
                    .col(Webhooks::Party)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WebhookEvents::Table)
                    .col(integer(WebhookEvents::WebhookId))
                    .col(listed(WebhookEvents::Kind, 32, &KINDS))
                    .primary_key(Index::create().col(WebhookEvents::WebhookId).col(WebhookEvents::Kind))
                    .foreign_key(&mut webhook_fk(
                        WebhookEvents::Table,
                        WebhookEvents::WebhookId,
                        "fk_webhook_events_webhook",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WebhookDeliveries::Table)
                    .col(pk_auto(WebhookDeliveries::Id))
                    .col(integer(WebhookDeliveries::WebhookId))
                    .col(integer(WebhookDeliveries::AuditId))
                    .col(string_len(WebhookDeliveries::Event, 64))
                    .col(text(WebhookDeliveries::Payload))
                    .col(integer(WebhookDeliveries::Attempts))
                    // None once delivered or given up.
                    .col(timestamp_with_time_zone_null(WebhookDeliveries::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(WebhookDeliveries::DeliveredAt))
                    .col(integer_null(WebhookDeliveries::LastStatus))
                    .col(text_null(WebhookDeliveries::LastError))
                    .col(timestamp_with_time_zone(WebhookDeliveries::CreatedAt))
                    .foreign_key(&mut webhook_fk(
                        WebhookDeliveries::Table,
                        WebhookDeliveries::WebhookId,
                        "fk_webhook_deliveries_webhook",
                    ))
                    .to_owned(),
            )
            .await?;
        // One delivery per webhook and entry: a worker's second run over an
        // entry (after a crash) cannot duplicate it.
        manager
            .create_index(
                Index::create()
                    .name("idx_webhook_deliveries_entry")
                    .table(WebhookDeliveries::Table)
                    .col(WebhookDeliveries::WebhookId)
                    .col(WebhookDeliveries::AuditId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_webhook_deliveries_due")
                    .table(WebhookDeliveries::Table)
                    .col(WebhookDeliveries::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        // The webhooks' cursor starts after what is already in the log.
        manager
            .get_connection()
            .execute_unprepared(
                "INSERT INTO alert_cursor (id, last_audit_id) SELECT 2, COALESCE(MAX(id), 0) FROM audit_log",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DELETE FROM alert_cursor WHERE id = 2")
            .await?;
        for table in ["webhook_deliveries", "webhook_events", "webhooks"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
