//! A change counter per plan, kept by the database: every insert, update or
//! delete of one of a plan's activities adds one to `plans.revision` in the
//! same transaction. Caches of serialized activity lists are keyed by it, so
//! a cached page can never outlive a change, whichever code path (or
//! instance of the server) made it.

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

/// Adds `plans.revision` and the triggers that keep it.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000005_plan_revision"
    }
}

#[derive(DeriveIden)]
enum Plans {
    Table,
    Revision,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Plans::Table)
                    .add_column(big_integer(Plans::Revision).default(0))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Sqlite => {
                for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER activities_revise_plan_{} AFTER {event} ON activities \
                         BEGIN UPDATE plans SET revision = revision + 1 WHERE id = {row}.plan_id; END;",
                        event.to_lowercase()
                    ))
                    .await?;
                }
            }
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION activities_revise_plan() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN \
                       IF TG_OP = 'DELETE' THEN \
                         UPDATE plans SET revision = revision + 1 WHERE id = OLD.plan_id; RETURN OLD; \
                       END IF; \
                       UPDATE plans SET revision = revision + 1 WHERE id = NEW.plan_id; RETURN NEW; \
                     END; $$;",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER activities_revise_plan AFTER INSERT OR UPDATE OR DELETE ON activities \
                     FOR EACH ROW EXECUTE FUNCTION activities_revise_plan();",
                )
                .await?;
            }
            _ => {}
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Sqlite => {
                for event in ["insert", "update", "delete"] {
                    db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS activities_revise_plan_{event}"))
                        .await?;
                }
            }
            DbBackend::Postgres => {
                db.execute_unprepared("DROP TRIGGER IF EXISTS activities_revise_plan ON activities")
                    .await?;
                db.execute_unprepared("DROP FUNCTION IF EXISTS activities_revise_plan()")
                    .await?;
            }
            _ => {}
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Plans::Table)
                    .drop_column(Plans::Revision)
                    .to_owned(),
            )
            .await
    }
}
