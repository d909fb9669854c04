//! `plan_signatures.node_key_id` and `node_signature` (issue 18): when a
//! party's coordinator signs, the node signs too, with its Ed25519 key,
//! over the version's content hash and the signature's own fields, so a
//! frozen version can be checked offline against both nodes' public keys
//! (`concord verify-version`). Existing rows: empty (signed before nodes
//! signed).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::text;

/// Adds the columns.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000215_signature_node_key"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum PlanSignatures {
    Table,
    NodeKeyId,
    NodeSignature,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [PlanSignatures::NodeKeyId, PlanSignatures::NodeSignature] {
            manager
                .alter_table(
                    Table::alter()
                        .table(PlanSignatures::Table)
                        .add_column(text(column).default(""))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [PlanSignatures::NodeSignature, PlanSignatures::NodeKeyId] {
            manager
                .alter_table(
                    Table::alter()
                        .table(PlanSignatures::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
