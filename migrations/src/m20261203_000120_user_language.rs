//! The user's own language of the interface (`users.language`): stored on
//! the server so that it follows the person to another machine and into
//! what the server writes for them (alert e-mails, PDF and CSV exports).
//! NULL until the person (or their browser, at the first sign-in) chose one.
//! Checked against the closed list on both databases, like the others.

use sea_orm_migration::prelude::*;

use crate::m20261202_000020_check_closed_lists::{add_checks, drop_checks};

/// Adds `users.language` and its check.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000120_user_language"
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Language,
}

const LANG: &[&str] = &["en", "az", "ka"];
const CHECKS: &[(&str, &str, &[&str])] = &[("users", "language", LANG)];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(ColumnDef::new(Users::Language).string_len(8).null())
                    .to_owned(),
            )
            .await?;
        add_checks(manager, CHECKS).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_checks(manager, CHECKS).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::Language)
                    .to_owned(),
            )
            .await
    }
}

#[cfg(test)]
mod tests {
    use concord_shared::Lang;

    use super::*;

    /// A new language needs a new migration widening this check.
    #[test]
    fn the_frozen_list_is_the_shared_enums_codes() {
        let langs: Vec<_> = Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(LANG, langs);
    }
}
