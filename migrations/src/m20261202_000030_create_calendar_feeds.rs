//! Calendar feeds: each user's secret iCalendar URLs. Only the secret's
//! SHA-256 is stored, as for API tokens; a revoked feed keeps its row.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Creates `calendar_feeds`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261202_000030_create_calendar_feeds"
    }
}

#[derive(DeriveIden)]
enum CalendarFeeds {
    Table,
    Id,
    PublicId,
    SecretHash,
    UserId,
    Name,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CalendarFeeds::Table)
                    .col(pk_auto(CalendarFeeds::Id))
                    .col(string_len_uniq(CalendarFeeds::PublicId, 32))
                    .col(string_len_uniq(CalendarFeeds::SecretHash, 64))
                    .col(integer(CalendarFeeds::UserId))
                    .col(string_len(CalendarFeeds::Name, 120))
                    .col(timestamp_with_time_zone(CalendarFeeds::CreatedAt))
                    .col(timestamp_with_time_zone_null(CalendarFeeds::LastUsedAt))
                    .col(timestamp_with_time_zone_null(CalendarFeeds::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_calendar_feeds_user")
                            .from(CalendarFeeds::Table, CalendarFeeds::UserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CalendarFeeds::Table).to_owned())
            .await
    }
}
