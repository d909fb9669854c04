//! The parties' competent authorities, seeded with those at the agreement's
//! signature (Baku, 24 April 2023).

use concord_shared::{Lang, Party};
use sea_orm_migration::{prelude::*, schema::*};

/// Creates `competent_authorities`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000001_create_competent_authorities"
    }
}

#[derive(DeriveIden)]
enum CompetentAuthorities {
    Table,
    Id,
    Party,
    NameEn,
    NameAz,
    NameKa,
    ValidFrom,
    ValidTo,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CompetentAuthorities::Table)
                    .col(pk_auto(CompetentAuthorities::Id))
                    .col(string_len(CompetentAuthorities::Party, 2))
                    .col(text(CompetentAuthorities::NameEn))
                    .col(text(CompetentAuthorities::NameAz))
                    .col(text(CompetentAuthorities::NameKa))
                    .col(date(CompetentAuthorities::ValidFrom))
                    .col(date_null(CompetentAuthorities::ValidTo))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_competent_authorities_party")
                    .table(CompetentAuthorities::Table)
                    .col(CompetentAuthorities::Party)
                    .col(CompetentAuthorities::ValidFrom)
                    .to_owned(),
            )
            .await?;
        let mut insert = Query::insert();
        insert.into_table(CompetentAuthorities::Table).columns([
            CompetentAuthorities::Party,
            CompetentAuthorities::NameEn,
            CompetentAuthorities::NameAz,
            CompetentAuthorities::NameKa,
            CompetentAuthorities::ValidFrom,
        ]);
        // Typed as a date, not text: PostgreSQL refuses text for a date column.
        let signed_on = chrono::NaiveDate::from_ymd_opt(2023, 4, 24).expect("a valid date");
        for party in Party::ALL {
            let name = party.authority_at_signature();
            insert.values_panic([
                party.code().into(),
                name.get(Lang::En).into(),
                name.get(Lang::Az).into(),
                name.get(Lang::Ka).into(),
                signed_on.into(),
            ]);
        }
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CompetentAuthorities::Table).to_owned())
            .await
    }
}
