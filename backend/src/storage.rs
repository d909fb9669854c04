//! Where documents' bytes live: a small content-addressed blob store behind a
//! trait, so an object store can replace the local directory. Blobs are named
//! by their SHA-256 (hex); the same content is stored once.

use std::path::{Path, PathBuf};
use std::pin::Pin;

use anyhow::Context;
use tokio::io::AsyncRead;

/// A readable blob.
pub type BlobReader = Pin<Box<dyn AsyncRead + Send>>;

/// A content-addressed store of document bytes.
#[async_trait::async_trait]
pub trait BlobStore: Send + Sync {
    /// Takes a fully written and verified local file in as the blob `sha256`
    /// (consuming the file; a no-op beyond removing it when the blob exists).
    async fn put(&self, staged: &Path, sha256: &str) -> anyhow::Result<()>;
    /// Opens the blob, or `None` when it is missing.
    async fn open(&self, sha256: &str) -> anyhow::Result<Option<BlobReader>>;
    /// Removes the blob (when nothing refers to it any more).
    async fn remove(&self, sha256: &str) -> anyhow::Result<()>;
}

/// Blobs as files under `<data dir>/documents/<first two hex digits>/<sha256>`.
pub struct FsStore {
    root: PathBuf,
}

impl FsStore {
    /// A store under `data_dir`.
    pub fn new(data_dir: &Path) -> FsStore {
        FsStore {
            root: data_dir.join("documents"),
        }
    }

    /// The path of a blob (the digest is checked to be hex, so it names no other path).
    pub fn path_of(&self, sha256: &str) -> anyhow::Result<PathBuf> {
        if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            anyhow::bail!("not a SHA-256 digest: {sha256:?}");
        }
        Ok(self.root.join(&sha256[..2]).join(sha256))
    }
}

#[async_trait::async_trait]
impl BlobStore for FsStore {
    async fn put(&self, staged: &Path, sha256: &str) -> anyhow::Result<()> {
        let target = self.path_of(sha256)?;
        if tokio::fs::try_exists(&target).await.unwrap_or(false) {
            tokio::fs::remove_file(staged)
                .await
                .context("removing a duplicate upload")?;
            return Ok(());
        }
        let dir = target.parent().context("a blob has a directory")?;
        tokio::fs::create_dir_all(dir)
            .await
            .with_context(|| format!("creating {}", dir.display()))?;
        // The staging directory is on the same file system: the rename is atomic.
        tokio::fs::rename(staged, &target)
            .await
            .with_context(|| format!("storing {}", target.display()))
    }

    async fn open(&self, sha256: &str) -> anyhow::Result<Option<BlobReader>> {
        match tokio::fs::File::open(self.path_of(sha256)?).await {
            Ok(file) => Ok(Some(Box::pin(file))),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(err).context("opening a stored document"),
        }
    }

    async fn remove(&self, sha256: &str) -> anyhow::Result<()> {
        match tokio::fs::remove_file(self.path_of(sha256)?).await {
            Ok(()) => Ok(()),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(err) => Err(err).context("removing a stored document"),
        }
    }
}
