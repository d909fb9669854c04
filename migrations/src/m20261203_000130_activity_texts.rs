//! An activity's title and description in the parties' languages (issue 14,
//! part 0): `activity_texts` holds one row per activity and language, each
//! owned by one party (`az` by AZ, `ka` by GE, `en` by the proposer), as
//! issue 18's one-owner-per-row design wants. `activities.title` and
//! `description` stay: they are the proposer's original text (in
//! `activities.text_lang`), mirrored in its row, so search, sorting and the
//! code that reads them keep working. `activities.text_revision` counts
//! substantive changes of the original; a translation records the revision
//! it translates (`translates_revision`), and is outdated while that is older.
//!
//! Existing activities: their text becomes the proposer's language or
//! English, as its letters say (Georgian script: `ka`; Azerbaijani letters:
//! `az`; anything else, or the other party's language: `en`).

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261202_000020_check_closed_lists::{add_checks, drop_checks};

/// Creates `activity_texts`, adds `activities.text_lang` and `text_revision`,
/// and moves the existing texts in.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000130_activity_texts"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum ActivityTexts {
    Table,
    Id,
    ActivityId,
    Lang,
    Party,
    Title,
    Description,
    SearchText,
    TranslatesRevision,
    WrittenBy,
    WrittenAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum Activities {
    Table,
    Id,
    TextLang,
    TextRevision,
}

// Frozen closed lists; a new language comes with a new migration.
const LANG: &[&str] = &["en", "az", "ka"];
const PARTY: &[&str] = &["az", "ge"];
const CHECKS: &[(&str, &str, &[&str])] = &[("activities", "text_lang", LANG)];

fn listed(column: ActivityTexts, len: u32, codes: &[&str]) -> ColumnDef {
    string_len(column, len)
        .check(Expr::col(column).is_in(codes.iter().copied()))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            ColumnDef::new(Activities::TextLang)
                .string_len(8)
                .not_null()
                .default("en")
                .to_owned(),
            ColumnDef::new(Activities::TextRevision)
                .big_integer()
                .not_null()
                .default(1)
                .to_owned(),
        ] {
            manager
                .alter_table(Table::alter().table(Activities::Table).add_column(column).to_owned())
                .await?;
        }
        add_checks(manager, CHECKS).await?;
        manager
            .create_table(
                Table::create()
                    .table(ActivityTexts::Table)
                    .col(pk_auto(ActivityTexts::Id))
                    .col(integer(ActivityTexts::ActivityId))
                    .col(listed(ActivityTexts::Lang, 8, LANG))
                    .col(listed(ActivityTexts::Party, 8, PARTY))
                    .col(text(ActivityTexts::Title))
                    .col(text(ActivityTexts::Description))
                    // Folded for search like `activities.search_text` (empty
                    // for a migrated original: the activity's own covers it).
                    .col(text(ActivityTexts::SearchText).default(""))
                    .col(big_integer(ActivityTexts::TranslatesRevision))
                    // Who wrote or confirmed it, by display name (a user id
                    // would mean nothing on the other party's node).
                    .col(text(ActivityTexts::WrittenBy))
                    .col(timestamp_with_time_zone(ActivityTexts::WrittenAt))
                    .col(big_integer(ActivityTexts::Version).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_activity_texts_activity")
                            .from(ActivityTexts::Table, ActivityTexts::ActivityId)
                            .to(Activities::Table, Activities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_activity_texts_activity_lang")
                    .table(ActivityTexts::Table)
                    .col(ActivityTexts::ActivityId)
                    .col(ActivityTexts::Lang)
                    .unique()
                    .to_owned(),
            )
            .await?;
        revise_plan_triggers(manager, true).await?;
        move_texts_in(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        revise_plan_triggers(manager, false).await?;
        manager
            .drop_table(Table::drop().table(ActivityTexts::Table).to_owned())
            .await?;
        drop_checks(manager, CHECKS).await?;
        for column in [Activities::TextLang, Activities::TextRevision] {
            manager
                .alter_table(Table::alter().table(Activities::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// A change of a text changes the plan's list (its cached pages show the
/// texts): `plans.revision` moves, as for the activities themselves.
async fn revise_plan_triggers(manager: &SchemaManager<'_>, up: bool) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let plan_of = |row: &str| format!("(SELECT plan_id FROM activities WHERE id = {row}.activity_id)");
    match (manager.get_database_backend(), up) {
        (DbBackend::Sqlite, true) => {
            for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER activity_texts_revise_plan_{} AFTER {event} ON activity_texts \
                     BEGIN UPDATE plans SET revision = revision + 1 WHERE id = {}; END;",
                    event.to_lowercase(),
                    plan_of(row)
                ))
                .await?;
            }
        }
        (DbBackend::Sqlite, false) => {
            for event in ["insert", "update", "delete"] {
                db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS activity_texts_revise_plan_{event}"))
                    .await?;
            }
        }
        (DbBackend::Postgres, true) => {
            db.execute_unprepared(&format!(
                "CREATE FUNCTION activity_texts_revise_plan() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN \
                   IF TG_OP = 'DELETE' THEN \
                     UPDATE plans SET revision = revision + 1 WHERE id = {}; RETURN OLD; \
                   END IF; \
                   UPDATE plans SET revision = revision + 1 WHERE id = {}; RETURN NEW; \
                 END; $$;",
                plan_of("OLD"),
                plan_of("NEW")
            ))
            .await?;
            db.execute_unprepared(
                "CREATE TRIGGER activity_texts_revise_plan AFTER INSERT OR UPDATE OR DELETE ON activity_texts \
                 FOR EACH ROW EXECUTE FUNCTION activity_texts_revise_plan();",
            )
            .await?;
        }
        (DbBackend::Postgres, false) => {
            db.execute_unprepared("DROP TRIGGER IF EXISTS activity_texts_revise_plan ON activity_texts")
                .await?;
            db.execute_unprepared("DROP FUNCTION IF EXISTS activity_texts_revise_plan()")
                .await?;
        }
        _ => {}
    }
    Ok(())
}

/// The language of an existing text: the proposer's own if its letters say
/// so, else English.
fn language_of(proposer: &str, title: &str, description: &str) -> &'static str {
    let guessed = concord_shared::text::detect_lang(&format!("{title} {description}")).code();
    match (proposer, guessed) {
        ("az", "az") => "az",
        ("ge", "ka") => "ka",
        _ => "en",
    }
}

/// Each existing activity's text becomes the row of its language.
async fn move_texts_in(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT id, proposing_party, title, description FROM activities",
        ))
        .await?;
    for row in rows {
        let id: i32 = row.try_get("", "id")?;
        let proposer: String = row.try_get("", "proposing_party")?;
        let title: String = row.try_get("", "title")?;
        let description: String = row.try_get("", "description")?;
        let lang = language_of(&proposer, &title, &description);
        if lang != "en" {
            manager
                .exec_stmt(
                    Query::update()
                        .table(Activities::Table)
                        .value(Activities::TextLang, lang)
                        .and_where(Expr::col(Activities::Id).eq(id))
                        .to_owned(),
                )
                .await?;
        }
    }
    db.execute_unprepared(
        "INSERT INTO activity_texts \
         (activity_id, lang, party, title, description, search_text, translates_revision, written_by, written_at, version) \
         SELECT a.id, a.text_lang, \
           CASE a.text_lang WHEN 'az' THEN 'az' WHEN 'ka' THEN 'ge' ELSE a.proposing_party END, \
           a.title, a.description, '', a.text_revision, COALESCE(u.display_name, ''), a.updated_at, 1 \
         FROM activities a LEFT JOIN users u ON u.id = a.created_by",
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use concord_shared::{Lang, Party};

    use super::*;

    /// A new language needs a new migration widening these checks.
    #[test]
    fn the_frozen_lists_are_the_shared_enums_codes() {
        let langs: Vec<_> = Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(LANG, langs);
        let parties: Vec<_> = Party::ALL.iter().map(|p| p.code()).collect();
        assert_eq!(PARTY, parties);
    }

    #[test]
    fn an_existing_text_becomes_the_proposers_language_or_english() {
        assert_eq!(language_of("az", "Qərargah danışıqları", ""), "az");
        assert_eq!(language_of("ge", "სამთო მომზადება", ""), "ka");
        assert_eq!(language_of("az", "სამთო მომზადება", ""), "en");
        assert_eq!(language_of("ge", "Staff talks", "In Tbilisi"), "en");
    }
}
