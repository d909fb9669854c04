//! A note's receipt a row of the receiving party's own (issue 18,
//! docs/federation.md): `notifications` keeps what the sending party wrote
//! (number, subject, dates, the authority change it announces) and
//! `notification_receipts` holds, one row per note, when the other party
//! received and acknowledged it. Each table then has one writer.
//!
//! The wire's version (ETag) is the note's plus its receipt's: existing
//! notes keep their version, split as the note's 1 and the receipt's rest
//! (0 for a receipt recorded with the note).

use concord_shared::Party;
use sea_orm_migration::{prelude::*, schema::*};

// Frozen in migration 000020 (whose test checks it is `Party::ALL`).
use crate::m20261202_000020_check_closed_lists::PARTY;

/// Creates `notification_receipts`, fills it, drops the receipt's columns from `notifications`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000190_notification_receipts"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum NotificationReceipts {
    Table,
    Id,
    NotificationId,
    Party,
    ReceivedOn,
    AcknowledgedOn,
    Acknowledgement,
    RecordedBy,
    RecordedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum Notifications {
    Table,
    Id,
    ReceivedOn,
    AcknowledgedOn,
    Acknowledgement,
}

/// The receipt's columns, in both tables.
const RECEIPT: &str = "received_on, acknowledged_on, acknowledgement";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(NotificationReceipts::Table)
                    .col(pk_auto(NotificationReceipts::Id))
                    .col(integer(NotificationReceipts::NotificationId))
                    .col(
                        string_len(NotificationReceipts::Party, 2)
                            .check(Expr::col(NotificationReceipts::Party).is_in(PARTY.iter().copied())),
                    )
                    .col(date_null(NotificationReceipts::ReceivedOn))
                    .col(date_null(NotificationReceipts::AcknowledgedOn))
                    .col(text_null(NotificationReceipts::Acknowledgement))
                    // By display name (a user id would mean nothing on the
                    // other party's node).
                    .col(text(NotificationReceipts::RecordedBy))
                    .col(timestamp_with_time_zone(NotificationReceipts::RecordedAt))
                    .col(big_integer(NotificationReceipts::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_notification_receipts_notification")
                            .from(NotificationReceipts::Table, NotificationReceipts::NotificationId)
                            .to(Notifications::Table, Notifications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_receipts_notification")
                    .table(NotificationReceipts::Table)
                    .col(NotificationReceipts::NotificationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for sender in Party::ALL {
            // Who recorded the receipt is not known (empty).
            db.execute_unprepared(&format!(
                "INSERT INTO notification_receipts \
                   (notification_id, party, {RECEIPT}, recorded_by, recorded_at, version) \
                 SELECT id, '{receiver}', {RECEIPT}, '', updated_at, version - 1 FROM notifications \
                 WHERE sending_party = '{sender}' AND (version > 1 OR received_on IS NOT NULL \
                   OR acknowledged_on IS NOT NULL OR acknowledgement IS NOT NULL) \
                 ORDER BY id",
                receiver = concord_shared::rules::register::receiving_party(*sender).code(),
                sender = sender.code(),
            ))
            .await?;
        }
        db.execute_unprepared("UPDATE notifications SET version = 1").await?;
        // SQLite drops one column per ALTER TABLE.
        for column in [
            Notifications::ReceivedOn,
            Notifications::AcknowledgedOn,
            Notifications::Acknowledgement,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Notifications::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            date_null(Notifications::ReceivedOn),
            date_null(Notifications::AcknowledgedOn),
            text_null(Notifications::Acknowledgement),
        ] {
            manager
                .alter_table(Table::alter().table(Notifications::Table).add_column(column).to_owned())
                .await?;
        }
        let db = manager.get_connection();
        for column in ["received_on", "acknowledged_on", "acknowledgement"] {
            db.execute_unprepared(&format!(
                "UPDATE notifications SET {column} = \
                   (SELECT r.{column} FROM notification_receipts r WHERE r.notification_id = notifications.id)"
            ))
            .await?;
        }
        db.execute_unprepared(
            "UPDATE notifications SET version = version + COALESCE( \
               (SELECT r.version FROM notification_receipts r WHERE r.notification_id = notifications.id), 0)",
        )
        .await?;
        manager
            .drop_table(Table::drop().table(NotificationReceipts::Table).to_owned())
            .await
    }
}
