//! `document_blobs` (issue 18, docs/federation.md "Documents"): the bytes
//! of a party's documents in the database, so that the shared ones reach
//! the other node by the same replication as their rows. One row per
//! SHA-256 and party (both parties may upload the same file; each row has
//! one owner). Only a party node writes it; a single node keeps its bytes
//! in the blob store alone. Existing documents are not copied (a migration
//! cannot read the blob store; a node is federated fresh).

use sea_orm_migration::{prelude::*, schema::*};

// Frozen in migration 000020 (whose test checks it is `Party::ALL`).
use crate::m20261202_000020_check_closed_lists::PARTY;

/// Creates `document_blobs`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000200_document_blobs"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum DocumentBlobs {
    Table,
    Sha256,
    Party,
    Shared,
    Bytes,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DocumentBlobs::Table)
                    .col(string_len(DocumentBlobs::Sha256, 64))
                    .col(
                        string_len(DocumentBlobs::Party, 2)
                            .check(Expr::col(DocumentBlobs::Party).is_in(PARTY.iter().copied())),
                    )
                    .col(boolean(DocumentBlobs::Shared).default(false))
                    // bytea on PostgreSQL (up to 1 GB a value; the upload
                    // limit is far below), BLOB on SQLite.
                    .col(blob(DocumentBlobs::Bytes))
                    .primary_key(Index::create().col(DocumentBlobs::Sha256).col(DocumentBlobs::Party))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DocumentBlobs::Table).to_owned())
            .await
    }
}
