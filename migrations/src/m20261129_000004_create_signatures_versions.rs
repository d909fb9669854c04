//! Signing and versions: each party's signature on a plan version, frozen
//! snapshots of signed versions with their SHA-256, amendments, execution
//! details of activities and carry-over links.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates `plan_signatures` and `plan_versions`; adds amendment and execution columns.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000004_create_signatures_versions"
    }
}

#[derive(DeriveIden)]
enum Plans {
    Table,
    Id,
    Amendment,
    SignedVersion,
}

#[derive(DeriveIden)]
enum Activities {
    Table,
    ExecutionReason,
    AzSummary,
    GeSummary,
    CarriedFrom,
}

#[derive(DeriveIden)]
enum PlanSignatures {
    Table,
    Id,
    PlanId,
    VersionNo,
    Party,
    Signatory,
    Position,
    SignedOn,
    Place,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum PlanVersions {
    Table,
    Id,
    PlanId,
    Number,
    Snapshot,
    Sha256,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            integer(Plans::Amendment).default(0).to_owned(),
            integer_null(Plans::SignedVersion).to_owned(),
        ] {
            manager
                .alter_table(Table::alter().table(Plans::Table).add_column(column).to_owned())
                .await?;
        }
        for column in [
            text_null(Activities::ExecutionReason).to_owned(),
            text_null(Activities::AzSummary).to_owned(),
            text_null(Activities::GeSummary).to_owned(),
            big_integer_null(Activities::CarriedFrom).to_owned(),
        ] {
            manager
                .alter_table(Table::alter().table(Activities::Table).add_column(column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(PlanSignatures::Table)
                    .col(pk_auto(PlanSignatures::Id))
                    .col(integer(PlanSignatures::PlanId))
                    .col(integer(PlanSignatures::VersionNo))
                    .col(string_len(PlanSignatures::Party, 2))
                    .col(string_len(PlanSignatures::Signatory, 120))
                    .col(string_len(PlanSignatures::Position, 120))
                    .col(date(PlanSignatures::SignedOn))
                    .col(string_len(PlanSignatures::Place, 120))
                    .col(string_len(PlanSignatures::RecordedBy, 120))
                    .col(timestamp_with_time_zone(PlanSignatures::RecordedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_plan_signatures_plan")
                            .from(PlanSignatures::Table, PlanSignatures::PlanId)
                            .to(Plans::Table, Plans::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_plan_signatures_unique")
                    .table(PlanSignatures::Table)
                    .col(PlanSignatures::PlanId)
                    .col(PlanSignatures::VersionNo)
                    .col(PlanSignatures::Party)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PlanVersions::Table)
                    .col(pk_auto(PlanVersions::Id))
                    .col(integer(PlanVersions::PlanId))
                    .col(integer(PlanVersions::Number))
                    .col(text(PlanVersions::Snapshot))
                    .col(string_len(PlanVersions::Sha256, 64))
                    .col(timestamp_with_time_zone(PlanVersions::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_plan_versions_plan")
                            .from(PlanVersions::Table, PlanVersions::PlanId)
                            .to(Plans::Table, Plans::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_plan_versions_unique")
                    .table(PlanVersions::Table)
                    .col(PlanVersions::PlanId)
                    .col(PlanVersions::Number)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PlanVersions::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(PlanSignatures::Table).to_owned())
            .await?;
        for column in [
            Activities::ExecutionReason,
            Activities::AzSummary,
            Activities::GeSummary,
            Activities::CarriedFrom,
        ] {
            manager
                .alter_table(Table::alter().table(Activities::Table).drop_column(column).to_owned())
                .await?;
        }
        for column in [Plans::Amendment, Plans::SignedVersion] {
            manager
                .alter_table(Table::alter().table(Plans::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
