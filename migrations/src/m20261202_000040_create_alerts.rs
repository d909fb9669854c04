//! Alerts (issue 15): per-user alerts derived from the audit log by a worker
//! that follows it with a durable cursor, each user's preferences and
//! contact, and the outbox of e-mail with its retries.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates `alerts`, `alert_preferences`, `alert_contacts`, `alert_cursor`
/// and `alert_outbox`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261202_000040_create_alerts"
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Alerts {
    Table,
    Id,
    UserId,
    AuditId,
    Kind,
    Action,
    EntityType,
    EntityId,
    ActorLabel,
    ActorParty,
    CreatedAt,
    ReadAt,
    Mail,
    MailedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum AlertPreferences {
    Table,
    UserId,
    Kind,
    Delivery,
}

#[derive(DeriveIden)]
enum AlertContacts {
    Table,
    UserId,
    Email,
    Language,
}

#[derive(DeriveIden)]
enum AlertCursor {
    Table,
    Id,
    LastAuditId,
}

#[derive(DeriveIden)]
enum AlertOutbox {
    Table,
    Id,
    UserId,
    ToAddress,
    Subject,
    TextBody,
    HtmlBody,
    Attempts,
    NextAttemptAt,
    SentAt,
    LastError,
    CreatedAt,
}

// The closed lists of `AlertKind` and `AlertDelivery`, checked by the
// database as every closed list is (migration 000020); a new code comes with
// a new migration.
const KINDS: [&str; 6] = [
    "awaiting_consent",
    "changes_requested",
    "step_proposed",
    "signature",
    "execution",
    "mention",
];
const DELIVERIES: [&str; 4] = ["app", "email", "digest", "off"];

/// A column of a closed list: a `CHECK` in the table itself (SQLite and
/// PostgreSQL alike, the table being new).
fn listed(column: impl IntoIden + Copy + 'static, codes: &[&str]) -> ColumnDef {
    string_len(column, 32)
        .check(Expr::col(column).is_in(codes.iter().copied()))
        .to_owned()
}

fn user_fk(table: impl IntoIden + 'static, column: impl IntoIden + 'static, name: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Alerts::Table)
                    .col(pk_auto(Alerts::Id))
                    .col(integer(Alerts::UserId))
                    .col(integer(Alerts::AuditId))
                    .col(listed(Alerts::Kind, &KINDS))
                    .col(string_len(Alerts::Action, 64))
                    .col(string_len(Alerts::EntityType, 32))
                    .col(text_null(Alerts::EntityId))
                    .col(text(Alerts::ActorLabel))
                    .col(string_len_null(Alerts::ActorParty, 8))
                    .col(timestamp_with_time_zone(Alerts::CreatedAt))
                    .col(timestamp_with_time_zone_null(Alerts::ReadAt))
                    // `app`, `email` or `digest`: the delivery chosen when the alert was made.
                    .col(listed(Alerts::Mail, &DELIVERIES))
                    .col(timestamp_with_time_zone_null(Alerts::MailedAt))
                    .foreign_key(&mut user_fk(Alerts::Table, Alerts::UserId, "fk_alerts_user"))
                    .to_owned(),
            )
            .await?;
        // One alert per user and entry, whatever happens: the worker's
        // second run over an entry (after a crash) cannot duplicate it.
        manager
            .create_index(
                Index::create()
                    .name("idx_alerts_user_entry")
                    .table(Alerts::Table)
                    .col(Alerts::UserId)
                    .col(Alerts::AuditId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_alerts_user_read")
                    .table(Alerts::Table)
                    .col(Alerts::UserId)
                    .col(Alerts::ReadAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AlertPreferences::Table)
                    .col(integer(AlertPreferences::UserId))
                    .col(listed(AlertPreferences::Kind, &KINDS))
                    .col(listed(AlertPreferences::Delivery, &DELIVERIES))
                    .primary_key(
                        Index::create()
                            .col(AlertPreferences::UserId)
                            .col(AlertPreferences::Kind),
                    )
                    .foreign_key(&mut user_fk(
                        AlertPreferences::Table,
                        AlertPreferences::UserId,
                        "fk_alert_preferences_user",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AlertContacts::Table)
                    .col(integer(AlertContacts::UserId).primary_key())
                    .col(text_null(AlertContacts::Email))
                    .col(string_len_null(AlertContacts::Language, 8))
                    .foreign_key(&mut user_fk(
                        AlertContacts::Table,
                        AlertContacts::UserId,
                        "fk_alert_contacts_user",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AlertCursor::Table)
                    .col(integer(AlertCursor::Id).primary_key())
                    .col(integer(AlertCursor::LastAuditId))
                    .to_owned(),
            )
            .await?;
        // The worker starts after what is already in the log: nobody is
        // alerted to history.
        manager
            .get_connection()
            .execute_unprepared(
                "INSERT INTO alert_cursor (id, last_audit_id) SELECT 1, COALESCE(MAX(id), 0) FROM audit_log",
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AlertOutbox::Table)
                    .col(pk_auto(AlertOutbox::Id))
                    .col(integer(AlertOutbox::UserId))
                    .col(text(AlertOutbox::ToAddress))
                    .col(text(AlertOutbox::Subject))
                    .col(text(AlertOutbox::TextBody))
                    .col(text(AlertOutbox::HtmlBody))
                    .col(integer(AlertOutbox::Attempts))
                    .col(timestamp_with_time_zone(AlertOutbox::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(AlertOutbox::SentAt))
                    .col(text_null(AlertOutbox::LastError))
                    .col(timestamp_with_time_zone(AlertOutbox::CreatedAt))
                    .foreign_key(&mut user_fk(
                        AlertOutbox::Table,
                        AlertOutbox::UserId,
                        "fk_alert_outbox_user",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_alert_outbox_due")
                    .table(AlertOutbox::Table)
                    .col(AlertOutbox::SentAt)
                    .col(AlertOutbox::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "alert_outbox",
            "alert_cursor",
            "alert_contacts",
            "alert_preferences",
            "alerts",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
