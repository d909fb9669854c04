//! Documents attached to instruments, notifications, activities and
//! authority entries. An upload streams to a staging file under the data
//! directory while it is hashed and counted (refused past the size limit);
//! its type is recognised from the bytes (PDF, OOXML, OpenDocument), never
//! from the name or the declared type; only then are the row, its audit
//! entry and the blob written, in one transaction. A refused upload leaves no
//! row and no file. Downloads verify the SHA-256 before a byte is sent.
//! A document is visible to whoever may see its owner. On a party node the
//! bytes are also kept in the database, to reach the other node
//! (`document_blobs`).

use std::path::PathBuf;

use anyhow::Context;
use axum::body::Body;
use chrono::Utc;
use concord_shared::api::{DOCUMENT_TYPES, Document, DocumentOwner};
use concord_shared::problem::FieldError;
use concord_shared::rules::{self, Action, Scope};
use futures_util::StreamExt;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::Check;
use crate::audit::{self, Event, hex};
use crate::auth::AuthUser;
use crate::entities::document;
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::BlobReader;

/// The wire view of a document.
pub fn view(row: &document::Model) -> Document {
    Document {
        id: row.public_id,
        owner: row.owner_type,
        owner_id: row.owner_id,
        filename: row.filename.clone(),
        media_type: row.media_type.clone(),
        size: u64::try_from(row.size).unwrap_or_default(),
        sha256: row.sha256.clone(),
        uploaded_by: row.uploaded_by.clone(),
        uploaded_by_party: row.uploaded_party,
        uploaded_at: row.uploaded_at,
    }
}

/// Who may read an owner, and which party alone may attach to it (authority
/// entries). The owner must be visible to the caller (else 404, like
/// anything private).
async fn owner_scope<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    owner: DocumentOwner,
    owner_id: i64,
) -> Result<(Scope, Option<concord_shared::Party>), AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    Ok(match owner {
        DocumentOwner::Instrument => {
            super::instruments::load(conn, owner_id).await?;
            (Scope::Joint, None)
        }
        DocumentOwner::Notification => {
            super::notifications::load(conn, owner_id).await?;
            (Scope::Joint, None)
        }
        DocumentOwner::Activity => {
            let (row, _) = super::activities::load(conn, caller, owner_id).await?;
            let scope = if row.shared {
                Scope::Joint
            } else {
                Scope::Private(row.proposing_party)
            };
            (scope, None)
        }
        DocumentOwner::Authority => {
            let row = super::authorities::load(conn, caller, owner_id).await?;
            // Only the party's own coordinators document its authority.
            let party = row.party;
            (super::authorities::scope_of(&row), Some(party))
        }
    })
}

/// The documents attached to an owner the caller may see.
pub async fn list(
    caller: &AuthUser,
    state: &AppState,
    owner: DocumentOwner,
    owner_id: i64,
) -> Result<Vec<Document>, AppError> {
    owner_scope(&state.db, caller, owner, owner_id).await?;
    let rows = document::Entity::find()
        .filter(document::Column::OwnerType.eq(owner))
        .filter(document::Column::OwnerId.eq(owner_id))
        .order_by_asc(document::Column::UploadedAt)
        .order_by_asc(document::Column::Id)
        .all(&state.db)
        .await?;
    Ok(rows.iter().map(view).collect())
}

/// Loads a document whose owner the caller may see (else 404).
async fn load(caller: &AuthUser, state: &AppState, id: i64) -> Result<document::Model, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let row = document::Entity::find()
        .filter(document::Column::PublicId.eq(id))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let owner = row.owner_type;
    owner_scope(&state.db, caller, owner, row.owner_id).await?;
    Ok(row)
}

/// One document's record.
pub async fn get(caller: &AuthUser, state: &AppState, id: i64) -> Result<Document, AppError> {
    Ok(view(&load(caller, state, id).await?))
}

/// A staged upload, removed when dropped unless handed to the store.
struct Staged {
    path: PathBuf,
    kept: bool,
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// What the client says of an upload.
pub struct Upload {
    /// The owner kind.
    pub owner: DocumentOwner,
    /// The owner's id.
    pub owner_id: i64,
    /// The file name.
    pub filename: String,
    /// The declared `Content-Type`, if any.
    pub declared: Option<String>,
    /// The declared `Content-Length`, if any.
    pub length: Option<u64>,
}

fn too_large(limit: u64) -> AppError {
    AppError::TooLarge(FieldError {
        field: "file".into(),
        code: "too_large".into(),
        message: format!("the file may have at most {} MB", limit / (1024 * 1024)),
    })
}

fn unsupported(field: &str, code: &str, message: String) -> AppError {
    AppError::UnsupportedType(FieldError {
        field: field.into(),
        code: code.into(),
        message,
    })
}

/// The extension of a file name, lowercase.
fn extension(filename: &str) -> String {
    filename
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Stores an upload for an owner the caller may attach to.
pub async fn upload(caller: &AuthUser, state: &AppState, upload: Upload, body: Body) -> Result<Document, AppError> {
    let (scope, owner_party) = owner_scope(&state.db, caller, upload.owner, upload.owner_id).await?;
    rules::register::may_attach(caller.actor(), upload.owner, scope, owner_party)?;
    let filename = upload.filename.trim().to_owned();
    let mut check = Check::default();
    check.line("filename", &filename, 1, 200);
    if filename.chars().any(char::is_control) {
        check.fail("filename", "invalid", "a file name without control characters");
    } else if filename.contains(['/', '\\']) {
        check.fail("filename", "invalid", "a file name, without folders");
    }
    check.finish()?;
    let limit = state.settings.max_upload_bytes;

    // Stream to a staging file, hashing and counting; past the limit, stop.
    let staging = state.settings.data_dir.join("uploads");
    tokio::fs::create_dir_all(&staging)
        .await
        .with_context(|| format!("creating {}", staging.display()))
        .map_err(AppError::storage)?;
    let mut staged = Staged {
        path: staging.join(format!("upload-{}", crate::auth::secrets::new_public_id())),
        kept: false,
    };
    let mut file = tokio::fs::File::create(&staged.path)
        .await
        .context("creating a staging file")
        .map_err(AppError::storage)?;
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest("The upload was interrupted.".into()))?;
        size += chunk.len() as u64;
        if size > limit || upload.length.is_some_and(|n| n > limit) {
            // Read on (up to the limit again, writing nothing) so the client
            // hears the answer instead of a reset connection.
            let mut drained = 0u64;
            while let Some(Ok(chunk)) = stream.next().await {
                drained += chunk.len() as u64;
                if drained > limit {
                    break;
                }
            }
            return Err(too_large(limit));
        }
        hasher.update(&chunk);
        file.write_all(&chunk)
            .await
            .context("writing a staging file")
            .map_err(AppError::storage)?;
    }
    file.flush()
        .await
        .context("writing a staging file")
        .map_err(AppError::storage)?;
    file.sync_all()
        .await
        .context("writing a staging file")
        .map_err(AppError::storage)?;
    drop(file);
    if size == 0 {
        return Err(Check::error("file", "required", "the file is empty"));
    }
    let sha256 = hex(&hasher.finalize());

    // What the bytes are, whatever the name and the declared type say.
    let media_type = crate::filetype::recognise(&staged.path).await?.ok_or_else(|| {
        unsupported(
            "file",
            "unsupported_type",
            "the content is not a PDF, OOXML (docx, xlsx, pptx) or OpenDocument (odt, ods, odp) file".into(),
        )
    })?;
    if let Some(declared) = upload.declared.as_deref() {
        let declared = declared
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        if !declared.is_empty() && declared != "application/octet-stream" && declared != media_type {
            return Err(unsupported(
                "content_type",
                "type_mismatch",
                format!("the content is {media_type}, not {declared}"),
            ));
        }
    }
    let extensions = DOCUMENT_TYPES
        .iter()
        .find(|(t, _)| *t == media_type)
        .map(|(_, e)| *e)
        .unwrap_or_default();
    if !extensions.contains(&extension(&filename).as_str()) {
        return Err(Check::error(
            "filename",
            "type_mismatch",
            format!(
                "the content is {media_type}: name the file .{}",
                extensions.join(" or .")
            ),
        ));
    }

    // The bytes are stored first, outside any transaction (a rename into
    // the content-addressed store); then one short transaction on one
    // connection records them. Nothing waits for a second connection while
    // holding the write locks.
    state
        .store
        .put(&staged.path, &sha256)
        .await
        .map_err(AppError::storage)?;
    staged.kept = true;
    let recorded = record(caller, state, &upload, filename, media_type, size, &sha256).await;
    if recorded.is_err() {
        // No row refers to the blob: take it back (an identical upload
        // recorded meanwhile keeps it).
        let referenced = document::Entity::find()
            .filter(document::Column::Sha256.eq(&sha256))
            .count(&state.db)
            .await;
        if referenced.is_ok_and(|n| n == 0) {
            let _ = state.store.remove(&sha256).await;
        }
    }
    recorded
}

/// Records a stored upload: its row and audit entry, in one transaction.
async fn record(
    caller: &AuthUser,
    state: &AppState,
    upload: &Upload,
    filename: String,
    media_type: &str,
    size: u64,
    sha256: &str,
) -> Result<Document, AppError> {
    let tx = state.write().await?;
    let (scope, _) = owner_scope(&*tx, caller, upload.owner, upload.owner_id).await?;
    let row = document::ActiveModel {
        public_id: Set(crate::auth::secrets::new_public_number()),
        owner_type: Set(upload.owner),
        owner_id: Set(upload.owner_id),
        filename: Set(filename),
        media_type: Set(media_type.to_owned()),
        size: Set(i64::try_from(size).unwrap_or(i64::MAX)),
        sha256: Set(sha256.to_owned()),
        uploaded_by: Set(caller.display_name.clone()),
        uploaded_party: Set(caller.party),
        uploaded_at: Set(Utc::now()),
        shared: Set(scope == Scope::Joint),
        ..Default::default()
    }
    .insert(&*tx)
    .await?;
    super::document_blobs::keep(&*tx, state, caller.party, sha256, row.shared).await?;
    let document = view(&row);
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "document.upload",
            entity_type: "document",
            entity_id: Some(document.id.to_string()),
            scope,
            before: None,
            after: Some(json!(document)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(document)
}

/// Removes staging files older than an hour from `uploads/`: uploads cut
/// off by a crash or a restart (a live one is never that old; several
/// instances may share the directory). Called at start-up.
pub async fn sweep_staging(data_dir: &std::path::Path) {
    let staging = data_dir.join("uploads");
    let Ok(mut entries) = tokio::fs::read_dir(&staging).await else {
        return;
    };
    let stale = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    while let Ok(Some(entry)) = entries.next_entry().await {
        let old = entry
            .metadata()
            .await
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified < stale);
        let ours = entry.file_name().to_string_lossy().starts_with("upload-");
        if old && ours && tokio::fs::remove_file(entry.path()).await.is_ok() {
            tracing::info!(file = %entry.path().display(), "removed a stale upload");
        }
    }
}

/// A verified download: the record and a reader of its bytes.
pub struct Download {
    /// The document.
    pub document: Document,
    /// Its bytes, checked against the SHA-256 just before.
    pub reader: BlobReader,
}

/// Verifies a document's stored bytes against its SHA-256 and opens them for
/// streaming; a missing or altered file is an integrity error, never served.
pub async fn content(caller: &AuthUser, state: &AppState, id: i64) -> Result<Download, AppError> {
    let row = load(caller, state, id).await?;
    let damaged = || AppError::Integrity(format!("document {} (sha256 {})", row.public_id, row.sha256));
    let mut reader = match state.store.open(&row.sha256).await? {
        Some(reader) => reader,
        // Bytes replicated from the other node reach the store on first use.
        None if super::document_blobs::restore(state, &row.sha256, row.size).await? => {
            state.store.open(&row.sha256).await?.ok_or_else(damaged)?
        }
        None => return Err(damaged()),
    };
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = reader.read(&mut buf).await.context("reading a stored document")?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    if hex(&hasher.finalize()) != row.sha256 || i64::try_from(size).ok() != Some(row.size) {
        return Err(damaged());
    }
    let reader = state.store.open(&row.sha256).await?.ok_or_else(damaged)?;
    Ok(Download {
        document: view(&row),
        reader,
    })
}
