//! Each party's consent a row of its own (issue 18, the first split of
//! docs/federation.md): `activity_consents` holds one row per activity and
//! party that decided (accepted, rejected, changes requested), naming the
//! activity's `substance_revision` it decided on. `substance_revision`
//! moves when a substantive change reopens consent (sharing, an edit of an
//! activity in the plan), so an older decision is stale without anyone
//! writing the other party's row. `activities.consent_az`, `consent_ge` and
//! `consent` stay, as a cache derived from the rows by
//! `rules::consents::consents` (the lists and their indexes read it).
//!
//! Existing activities: every decided consent column becomes its party's
//! row on the current revision (1); who decided is not known (empty).

use sea_orm_migration::{prelude::*, schema::*};

/// Adds `activities.substance_revision` and `activity_consents`, filled
/// from the consent columns.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000160_activity_consents"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum ActivityConsents {
    Table,
    Id,
    ActivityId,
    Party,
    State,
    AcceptedRevision,
    ReasonCommentId,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Activities {
    Table,
    Id,
    SubstanceRevision,
}

#[derive(DeriveIden, Clone, Copy)]
enum Comments {
    Table,
    Id,
}

// Frozen closed lists: a row records a decision, never "pending".
const PARTY: &[&str] = &["az", "ge"];
const DECISION: &[&str] = &["accepted", "rejected", "changes_requested"];

fn listed(column: ActivityConsents, len: u32, codes: &[&str]) -> ColumnDef {
    string_len(column, len)
        .check(Expr::col(column).is_in(codes.iter().copied()))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Activities::Table)
                    .add_column(big_integer(Activities::SubstanceRevision).default(1))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ActivityConsents::Table)
                    .col(pk_auto(ActivityConsents::Id))
                    .col(integer(ActivityConsents::ActivityId))
                    .col(listed(ActivityConsents::Party, 8, PARTY))
                    .col(listed(ActivityConsents::State, 32, DECISION))
                    .col(big_integer(ActivityConsents::AcceptedRevision))
                    .col(integer_null(ActivityConsents::ReasonCommentId))
                    // By display name (a user id would mean nothing on the
                    // other party's node).
                    .col(text(ActivityConsents::DecidedBy))
                    .col(timestamp_with_time_zone(ActivityConsents::DecidedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_activity_consents_activity")
                            .from(ActivityConsents::Table, ActivityConsents::ActivityId)
                            .to(Activities::Table, Activities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_activity_consents_reason")
                            .from(ActivityConsents::Table, ActivityConsents::ReasonCommentId)
                            .to(Comments::Table, Comments::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_activity_consents_activity_party")
                    .table(ActivityConsents::Table)
                    .col(ActivityConsents::ActivityId)
                    .col(ActivityConsents::Party)
                    .unique()
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for party in PARTY {
            db.execute_unprepared(&format!(
                "INSERT INTO activity_consents \
                   (activity_id, party, state, accepted_revision, decided_by, decided_at) \
                 SELECT id, '{party}', consent_{party}, substance_revision, '', updated_at \
                 FROM activities WHERE consent_{party} <> 'pending' ORDER BY id"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The consent columns kept the derived consents all along.
        manager
            .drop_table(Table::drop().table(ActivityConsents::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Activities::Table)
                    .drop_column(Activities::SubstanceRevision)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use concord_shared::plan::PartyConsent;

    use super::*;

    /// A new decision needs a new migration widening this check (the match
    /// names every variant, so a new one stops the build here).
    #[test]
    fn the_frozen_lists_are_the_shared_enums_codes_that_are_decisions() {
        use PartyConsent::*;
        let decisions: Vec<_> = [Pending, Accepted, Rejected, ChangesRequested]
            .into_iter()
            .filter(|c| match c {
                Pending => false,
                Accepted | Rejected | ChangesRequested => true,
            })
            .map(PartyConsent::code)
            .collect();
        assert_eq!(DECISION, decisions);
        let parties: Vec<_> = concord_shared::Party::ALL.iter().map(|p| p.code()).collect();
        assert_eq!(PARTY, parties);
    }
}
