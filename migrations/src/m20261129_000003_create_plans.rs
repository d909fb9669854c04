//! Annual plans, their activities, and comments and internal notes on them.
//! Activities and comments carry a random `public_id` for the API: row ids
//! count every draft and note of both parties, and would leak them.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates `plans`, `activities` and `comments`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000003_create_plans"
    }
}

#[derive(DeriveIden)]
enum Plans {
    Table,
    Id,
    Year,
    State,
    ProposalTo,
    ProposalParty,
    ProposalBy,
    ProposalAt,
    SeqAz,
    SeqGe,
    Demo,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Activities {
    Table,
    Id,
    PublicId,
    PlanId,
    Year,
    Reference,
    Title,
    Description,
    Area,
    AreaOther,
    Form,
    FormOther,
    ProposingParty,
    HostParty,
    Location,
    StartDate,
    EndDate,
    Month,
    Cost,
    AzParticipants,
    AzUnit,
    AzContact,
    GeParticipants,
    GeUnit,
    GeContact,
    Shared,
    Withdrawn,
    ConsentAz,
    ConsentGe,
    Consent,
    Execution,
    SearchText,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Comments {
    Table,
    Id,
    PublicId,
    ActivityId,
    Party,
    AuthorId,
    AuthorName,
    AuthorPosition,
    Body,
    Kind,
    Internal,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Plans::Table)
                    .col(pk_auto(Plans::Id))
                    .col(integer_uniq(Plans::Year))
                    .col(string_len(Plans::State, 16))
                    .col(string_len_null(Plans::ProposalTo, 16))
                    .col(string_len_null(Plans::ProposalParty, 2))
                    .col(string_len_null(Plans::ProposalBy, 120))
                    .col(timestamp_with_time_zone_null(Plans::ProposalAt))
                    .col(integer(Plans::SeqAz).default(0))
                    .col(integer(Plans::SeqGe).default(0))
                    .col(boolean(Plans::Demo).default(false))
                    .col(big_integer(Plans::Version).default(1))
                    .col(timestamp_with_time_zone(Plans::CreatedAt))
                    .col(timestamp_with_time_zone(Plans::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Activities::Table)
                    .col(pk_auto(Activities::Id))
                    .col(big_integer_uniq(Activities::PublicId))
                    .col(integer(Activities::PlanId))
                    .col(integer(Activities::Year))
                    .col(string_len_null(Activities::Reference, 16).unique_key())
                    .col(string_len(Activities::Title, 200))
                    .col(text(Activities::Description))
                    .col(string_len(Activities::Area, 64))
                    .col(string_len_null(Activities::AreaOther, 200))
                    .col(string_len(Activities::Form, 64))
                    .col(string_len_null(Activities::FormOther, 200))
                    .col(string_len(Activities::ProposingParty, 2))
                    .col(string_len(Activities::HostParty, 2))
                    .col(string_len(Activities::Location, 200))
                    .col(date_null(Activities::StartDate))
                    .col(date_null(Activities::EndDate))
                    .col(integer_null(Activities::Month))
                    .col(string_len(Activities::Cost, 32))
                    .col(integer_null(Activities::AzParticipants))
                    .col(string_len(Activities::AzUnit, 200))
                    .col(string_len(Activities::AzContact, 200))
                    .col(integer_null(Activities::GeParticipants))
                    .col(string_len(Activities::GeUnit, 200))
                    .col(string_len(Activities::GeContact, 200))
                    .col(boolean(Activities::Shared).default(false))
                    .col(boolean(Activities::Withdrawn).default(false))
                    .col(string_len(Activities::ConsentAz, 24))
                    .col(string_len(Activities::ConsentGe, 24))
                    .col(string_len(Activities::Consent, 24))
                    .col(string_len(Activities::Execution, 16))
                    .col(text(Activities::SearchText))
                    .col(big_integer(Activities::Version).default(1))
                    .col(integer(Activities::CreatedBy))
                    .col(timestamp_with_time_zone(Activities::CreatedAt))
                    .col(timestamp_with_time_zone(Activities::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_activities_plan")
                            .from(Activities::Table, Activities::PlanId)
                            .to(Plans::Table, Plans::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_activities_plan_party",
                vec![Activities::PlanId, Activities::ProposingParty, Activities::Shared],
            ),
            (
                "idx_activities_plan_consent",
                vec![Activities::PlanId, Activities::Consent],
            ),
            ("idx_activities_plan_area", vec![Activities::PlanId, Activities::Area]),
        ] {
            let mut index = Index::create();
            index.name(name).table(Activities::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Comments::Table)
                    .col(pk_auto(Comments::Id))
                    .col(big_integer_uniq(Comments::PublicId))
                    .col(integer(Comments::ActivityId))
                    .col(string_len(Comments::Party, 2))
                    .col(integer_null(Comments::AuthorId))
                    .col(string_len(Comments::AuthorName, 120))
                    .col(string_len(Comments::AuthorPosition, 120))
                    .col(text(Comments::Body))
                    .col(string_len(Comments::Kind, 24))
                    .col(boolean(Comments::Internal).default(false))
                    .col(timestamp_with_time_zone(Comments::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_comments_activity")
                            .from(Comments::Table, Comments::ActivityId)
                            .to(Activities::Table, Activities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_comments_activity")
                    .table(Comments::Table)
                    .col(Comments::ActivityId)
                    .col(Comments::Internal)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["comments", "activities", "plans"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
