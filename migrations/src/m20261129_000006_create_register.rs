//! The register: instruments (the Agreement seeded with its known facts),
//! the competent authorities' pending changes and the diplomatic
//! notifications that make them take effect, and attached documents.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates `instruments`, `notifications` and `documents`; extends `competent_authorities`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000006_create_register"
    }
}

#[derive(DeriveIden)]
enum Instruments {
    Table,
    Id,
    Kind,
    Title,
    Number,
    SignedOn,
    SignedAt,
    AzSignatory,
    AzSignatoryPosition,
    AzProceduresOn,
    AzProcedures,
    GeSignatory,
    GeSignatoryPosition,
    GeProceduresOn,
    GeProcedures,
    InForceOn,
    TerminatedOn,
    Related,
    PlanYear,
    PlanVersion,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CompetentAuthorities {
    Table,
    Id,
    PublicId,
    Pending,
    NotificationId,
    Version,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    SendingParty,
    NoteNumber,
    Subject,
    SentOn,
    ReceivedOn,
    AcknowledgedOn,
    Acknowledgement,
    AuthorityId,
    EffectiveOn,
    RecordedBy,
    RecordedAt,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Documents {
    Table,
    Id,
    PublicId,
    OwnerType,
    OwnerId,
    Filename,
    MediaType,
    Size,
    Sha256,
    UploadedBy,
    UploadedParty,
    UploadedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Instruments::Table)
                    .col(pk_auto(Instruments::Id))
                    .col(string_len(Instruments::Kind, 32))
                    .col(text(Instruments::Title))
                    .col(text_null(Instruments::Number))
                    .col(date_null(Instruments::SignedOn))
                    .col(text_null(Instruments::SignedAt))
                    .col(text_null(Instruments::AzSignatory))
                    .col(text_null(Instruments::AzSignatoryPosition))
                    .col(date_null(Instruments::AzProceduresOn))
                    .col(text_null(Instruments::AzProcedures))
                    .col(text_null(Instruments::GeSignatory))
                    .col(text_null(Instruments::GeSignatoryPosition))
                    .col(date_null(Instruments::GeProceduresOn))
                    .col(text_null(Instruments::GeProcedures))
                    .col(date_null(Instruments::InForceOn))
                    .col(date_null(Instruments::TerminatedOn))
                    .col(text(Instruments::Related))
                    .col(integer_null(Instruments::PlanYear))
                    .col(integer_null(Instruments::PlanVersion))
                    .col(big_integer(Instruments::Version))
                    .col(timestamp_with_time_zone(Instruments::CreatedAt))
                    .col(timestamp_with_time_zone(Instruments::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        // The Agreement, with what the source text says of it: signed in Baku
        // on 24 April 2023, approved by Azerbaijan's parliament on 2 October 2023.
        let signed_on = chrono::NaiveDate::from_ymd_opt(2023, 4, 24).expect("a valid date");
        let approved_on = chrono::NaiveDate::from_ymd_opt(2023, 10, 2).expect("a valid date");
        let now = chrono::Utc::now();
        let mut insert = Query::insert();
        insert
            .into_table(Instruments::Table)
            .columns([
                Instruments::Kind,
                Instruments::Title,
                Instruments::SignedOn,
                Instruments::SignedAt,
                Instruments::AzProceduresOn,
                Instruments::AzProcedures,
                Instruments::Related,
                Instruments::Version,
                Instruments::CreatedAt,
                Instruments::UpdatedAt,
            ])
            .values_panic([
                "base_agreement".into(),
                concord_shared::domain::agreement_title().en.into(),
                signed_on.into(),
                "Baku".into(),
                approved_on.into(),
                "Law \"On approval of the Agreement on cooperation in the field of defence between the Government \
                 of the Republic of Azerbaijan and the Government of Georgia\", adopted by the Milli Majlis"
                    .into(),
                "[]".into(),
                1i64.into(),
                now.into(),
                now.into(),
            ]);
        manager.exec_stmt(insert).await?;

        // SQLite adds one column per ALTER TABLE.
        for column in [
            big_integer_null(CompetentAuthorities::PublicId).to_owned(),
            boolean(CompetentAuthorities::Pending).default(false).to_owned(),
            integer_null(CompetentAuthorities::NotificationId).to_owned(),
            big_integer(CompetentAuthorities::Version).default(1).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(CompetentAuthorities::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        // The authorities seeded at signature keep their row ids on the wire;
        // later entries get random ones (a pending change is private).
        manager
            .exec_stmt(
                Query::update()
                    .table(CompetentAuthorities::Table)
                    .value(CompetentAuthorities::PublicId, Expr::col(CompetentAuthorities::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(pk_auto(Notifications::Id))
                    .col(string_len(Notifications::SendingParty, 2))
                    .col(string_len(Notifications::NoteNumber, 100))
                    .col(text(Notifications::Subject))
                    .col(date(Notifications::SentOn))
                    .col(date_null(Notifications::ReceivedOn))
                    .col(date_null(Notifications::AcknowledgedOn))
                    .col(text_null(Notifications::Acknowledgement))
                    .col(big_integer_null(Notifications::AuthorityId))
                    .col(date_null(Notifications::EffectiveOn))
                    .col(string_len(Notifications::RecordedBy, 120))
                    .col(timestamp_with_time_zone(Notifications::RecordedAt))
                    .col(big_integer(Notifications::Version))
                    .col(timestamp_with_time_zone(Notifications::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Documents::Table)
                    .col(pk_auto(Documents::Id))
                    .col(big_integer_uniq(Documents::PublicId))
                    .col(string_len(Documents::OwnerType, 16))
                    .col(big_integer(Documents::OwnerId))
                    .col(text(Documents::Filename))
                    .col(string_len(Documents::MediaType, 100))
                    .col(big_integer(Documents::Size))
                    .col(string_len(Documents::Sha256, 64))
                    .col(string_len(Documents::UploadedBy, 120))
                    .col(string_len(Documents::UploadedParty, 2))
                    .col(timestamp_with_time_zone(Documents::UploadedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_documents_owner")
                    .table(Documents::Table)
                    .col(Documents::OwnerType)
                    .col(Documents::OwnerId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Documents::Table.into_iden(),
            Notifications::Table.into_iden(),
            Instruments::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for column in [
            CompetentAuthorities::PublicId,
            CompetentAuthorities::Pending,
            CompetentAuthorities::NotificationId,
            CompetentAuthorities::Version,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(CompetentAuthorities::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
