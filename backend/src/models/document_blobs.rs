//! Documents' bytes in the database (docs/federation.md, "Documents"): on a
//! party node, every upload's bytes are also a row of `document_blobs`
//! (SHA-256, party, `shared`), written with the document's row, and made
//! `shared` in the transaction that shares the document; the publication
//! sends the shared ones to the other node. There, a download whose bytes
//! are not in the local blob store reads them from this table, checks them
//! against the SHA-256 and keeps them in the store. A single node (no
//! `CONCORD_NODE_PARTY`) writes nothing here: its bytes stay in the store.

use anyhow::Context;
use concord_shared::Party;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;

use crate::audit::hex;
use crate::entities::{document, document_blob};
use crate::error::AppError;
use crate::state::AppState;

/// Keeps the bytes of a document `party` just recorded (in its transaction),
/// on a party node: read back from the store, where the upload put them.
pub async fn keep<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    party: Party,
    sha256: &str,
    shared: bool,
) -> Result<(), AppError> {
    if state.settings.node_party.is_none() {
        return Ok(());
    }
    let existing = document_blob::Entity::find()
        .select_only()
        .column(document_blob::Column::Shared)
        .filter(document_blob::Column::Sha256.eq(sha256))
        .filter(document_blob::Column::Party.eq(party))
        .into_tuple::<bool>()
        .one(conn)
        .await?;
    match existing {
        Some(true) => {}
        Some(false) => {
            if shared {
                share(conn, party, [sha256.to_owned()]).await?;
            }
        }
        None => {
            let mut reader = state
                .store
                .open(sha256)
                .await?
                .with_context(|| format!("the stored document {sha256} just put"))?;
            let mut bytes = Vec::new();
            reader
                .read_to_end(&mut bytes)
                .await
                .context("reading a stored document")?;
            document_blob::ActiveModel {
                sha256: Set(sha256.to_owned()),
                party: Set(party),
                shared: Set(shared),
                bytes: Set(bytes),
            }
            .insert(conn)
            .await?;
        }
    }
    Ok(())
}

/// Marks `party`'s bytes with these digests shared (with their documents).
pub async fn share<C: ConnectionTrait>(
    conn: &C,
    party: Party,
    sha256: impl IntoIterator<Item = String>,
) -> Result<(), AppError> {
    document_blob::Entity::update_many()
        .col_expr(document_blob::Column::Shared, Expr::value(true))
        .filter(document_blob::Column::Party.eq(party))
        .filter(document_blob::Column::Sha256.is_in(sha256))
        .filter(document_blob::Column::Shared.eq(false))
        .exec(conn)
        .await?;
    Ok(())
}

/// Drops `party`'s bytes with this digest once no document of the party has them.
pub async fn release<C: ConnectionTrait>(conn: &C, party: Party, sha256: &str) -> Result<(), AppError> {
    let still = document::Entity::find()
        .filter(document::Column::Sha256.eq(sha256))
        .filter(document::Column::UploadedParty.eq(party))
        .one(conn)
        .await?;
    if still.is_none() {
        document_blob::Entity::delete_many()
            .filter(document_blob::Column::Sha256.eq(sha256))
            .filter(document_blob::Column::Party.eq(party))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// Puts bytes the database holds (replicated from the other node, or kept
/// here) into the local store when the store lacks them; `false` when the
/// database has none either. Bytes that do not match their SHA-256 and size
/// are refused as damaged, never stored nor served.
pub async fn restore(state: &AppState, sha256: &str, size: i64) -> Result<bool, AppError> {
    let Some(bytes) = document_blob::Entity::find()
        .select_only()
        .column(document_blob::Column::Bytes)
        .filter(document_blob::Column::Sha256.eq(sha256))
        .into_tuple::<Vec<u8>>()
        .one(&state.db)
        .await?
    else {
        return Ok(false);
    };
    if hex(&Sha256::digest(&bytes)) != sha256 || i64::try_from(bytes.len()).ok() != Some(size) {
        return Err(AppError::Integrity(format!(
            "the bytes in document_blobs for sha256 {sha256} do not match it"
        )));
    }
    let staging = state.settings.data_dir.join("uploads");
    tokio::fs::create_dir_all(&staging)
        .await
        .with_context(|| format!("creating {}", staging.display()))
        .map_err(AppError::storage)?;
    // Named like an upload, so that one cut off here is swept at start-up.
    let staged = staging.join(format!("upload-{}", crate::auth::secrets::new_public_id()));
    tokio::fs::write(&staged, &bytes)
        .await
        .context("writing a staging file")
        .map_err(AppError::storage)?;
    let put = state.store.put(&staged, sha256).await;
    if put.is_err() {
        let _ = tokio::fs::remove_file(&staged).await;
    }
    put.map_err(AppError::storage)?;
    Ok(true)
}
