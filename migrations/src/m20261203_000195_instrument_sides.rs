//! Each party's side of an instrument a row of its own (issue 18,
//! docs/federation.md): `instrument_sides` holds a party's signatory,
//! position and internal procedures (one row per instrument and party that
//! has any), and `instruments` keeps the fields both parties share, owned by
//! the party that recorded the instrument (`recorded_party`, new).
//!
//! Existing instruments: the recording party is the one of the audit
//! entry that created or linked it, else Azerbaijan (the Agreement, seeded,
//! signed in Baku). The wire's version (ETag) is the instrument's plus its
//! sides': existing ones keep theirs, the sides' rows starting at 0.

use sea_orm_migration::{prelude::*, schema::*};

// Frozen in migration 000020 (whose test checks it is `Party::ALL`).
use crate::m20261202_000020_check_closed_lists::PARTY;

/// Creates `instrument_sides`, fills it, adds `instruments.recorded_party`, drops the sides' columns.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000195_instrument_sides"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum InstrumentSides {
    Table,
    Id,
    InstrumentId,
    Party,
    Signatory,
    SignatoryPosition,
    ProceduresOn,
    Procedures,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Instruments {
    Table,
    Id,
    RecordedParty,
}

/// A side's columns (in `instruments` they had `az_` or `ge_` before them).
const SIDE: [&str; 4] = ["signatory", "signatory_position", "procedures_on", "procedures"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(InstrumentSides::Table)
                    .col(pk_auto(InstrumentSides::Id))
                    .col(integer(InstrumentSides::InstrumentId))
                    .col(
                        string_len(InstrumentSides::Party, 2)
                            .check(Expr::col(InstrumentSides::Party).is_in(PARTY.iter().copied())),
                    )
                    .col(text_null(InstrumentSides::Signatory))
                    .col(text_null(InstrumentSides::SignatoryPosition))
                    .col(date_null(InstrumentSides::ProceduresOn))
                    .col(text_null(InstrumentSides::Procedures))
                    .col(big_integer(InstrumentSides::Version))
                    .col(timestamp_with_time_zone(InstrumentSides::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_instrument_sides_instrument")
                            .from(InstrumentSides::Table, InstrumentSides::InstrumentId)
                            .to(Instruments::Table, Instruments::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_instrument_sides_instrument_party")
                    .table(InstrumentSides::Table)
                    .col(InstrumentSides::InstrumentId)
                    .col(InstrumentSides::Party)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Instruments::Table)
                    .add_column(
                        string_len(Instruments::RecordedParty, 2)
                            .default("az")
                            .check(Expr::col(Instruments::RecordedParty).is_in(PARTY.iter().copied())),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE instruments SET recorded_party = COALESCE( \
               (SELECT a.party FROM audit_log a WHERE a.entity_type = 'instrument' \
                  AND a.action IN ('instrument.create', 'instrument.link_plan') \
                  AND a.entity_id = CAST(instruments.id AS TEXT) AND a.party IS NOT NULL \
                ORDER BY a.id LIMIT 1), 'az')",
        )
        .await?;
        for party in PARTY {
            let old: Vec<String> = SIDE.iter().map(|column| format!("{party}_{column}")).collect();
            db.execute_unprepared(&format!(
                "INSERT INTO instrument_sides (instrument_id, party, {}, version, updated_at) \
                 SELECT id, '{party}', {}, 0, updated_at FROM instruments \
                 WHERE {} ORDER BY id",
                SIDE.join(", "),
                old.join(", "),
                old.iter()
                    .map(|c| format!("{c} IS NOT NULL"))
                    .collect::<Vec<_>>()
                    .join(" OR "),
            ))
            .await?;
            // SQLite drops one column per ALTER TABLE.
            for column in old {
                manager
                    .alter_table(
                        Table::alter()
                            .table(Instruments::Table)
                            .drop_column(Alias::new(column))
                            .to_owned(),
                    )
                    .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for party in PARTY {
            for column in SIDE {
                let old = format!("{party}_{column}");
                let def = if column == "procedures_on" {
                    date_null(Alias::new(&old))
                } else {
                    text_null(Alias::new(&old))
                };
                manager
                    .alter_table(Table::alter().table(Instruments::Table).add_column(def).to_owned())
                    .await?;
                db.execute_unprepared(&format!(
                    "UPDATE instruments SET {old} = (SELECT s.{column} FROM instrument_sides s \
                       WHERE s.instrument_id = instruments.id AND s.party = '{party}')"
                ))
                .await?;
            }
        }
        // The wire's version and last change were the rows' together.
        db.execute_unprepared(
            "UPDATE instruments SET version = version + COALESCE( \
               (SELECT SUM(s.version) FROM instrument_sides s WHERE s.instrument_id = instruments.id), 0)",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE instruments SET updated_at = (SELECT MAX(s.updated_at) FROM instrument_sides s \
               WHERE s.instrument_id = instruments.id) \
             WHERE EXISTS (SELECT 1 FROM instrument_sides s \
               WHERE s.instrument_id = instruments.id AND s.updated_at > instruments.updated_at)",
        )
        .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Instruments::Table)
                    .drop_column(Instruments::RecordedParty)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(InstrumentSides::Table).to_owned())
            .await
    }
}
