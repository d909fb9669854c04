//! `joint_entries` (issue 18, docs/federation.md "Proof that both hold the
//! same record"): each party's joint actions as a hash chain of entries
//! signed with its node's Ed25519 key, one chain per party (`seq` from 1,
//! unique per party). Owned by `party`: published by its node, copied to
//! the other. Nothing is filled in: the chains start with the next joint
//! action.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates the table.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000210_joint_entries"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum JointEntries {
    Table,
    Id,
    Party,
    Seq,
    At,
    Kind,
    Subject,
    PayloadSha256,
    PrevSha256,
    EntrySha256,
    KeyId,
    Signature,
}

// Frozen closed list.
const PARTY: &[&str] = &["az", "ge"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JointEntries::Table)
                    .col(pk_auto(JointEntries::Id))
                    .col(
                        string_len(JointEntries::Party, 8)
                            .check(Expr::col(JointEntries::Party).is_in(PARTY.iter().copied())),
                    )
                    .col(big_integer(JointEntries::Seq))
                    .col(timestamp_with_time_zone(JointEntries::At))
                    .col(string_len(JointEntries::Kind, 64))
                    .col(text(JointEntries::Subject))
                    .col(string_len(JointEntries::PayloadSha256, 64))
                    .col(string_len(JointEntries::PrevSha256, 64))
                    .col(string_len(JointEntries::EntrySha256, 64))
                    // Empty on an entry appended without a node key.
                    .col(text(JointEntries::KeyId).default(""))
                    .col(text(JointEntries::Signature).default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_joint_entries_party_seq")
                    .table(JointEntries::Table)
                    .col(JointEntries::Party)
                    .col(JointEntries::Seq)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(JointEntries::Table).to_owned())
            .await
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_frozen_party_list_is_the_shared_enums() {
        let parties: Vec<_> = concord_shared::Party::ALL.iter().map(|p| p.code()).collect();
        assert_eq!(super::PARTY, parties);
    }
}
