//! `concord backup --to DIR` and `concord restore --from DIR`: a consistent
//! copy taken while serving, and a restore that checks every byte first.
//!
//! A backup directory holds the database (`database.sqlite3`, made by
//! SQLite's `VACUUM INTO`; or `database.pgdump`, `pg_dump`'s custom format),
//! the documents (`documents/<xx>/<sha256>`, as the store keeps them) and
//! `manifest.json` with the SHA-256 and size of every file. The database is
//! copied first: documents are stored before they are recorded and never
//! removed once recorded, so every document the copy names is on disk when
//! the files are copied after it.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail, ensure};
use sea_orm::{ConnectionTrait, Database, Statement};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::Settings;

/// The manifest's name in a backup directory.
pub const MANIFEST: &str = "manifest.json";

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// `sqlite` or `postgres`.
    pub database: String,
    /// The version of Concord that made it.
    pub concord: String,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// Every file but the manifest, with its checksum.
    pub files: Vec<FileEntry>,
}

/// One file of a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Relative to the backup directory, with `/`.
    pub path: String,
    /// Lowercase hex SHA-256 of its bytes.
    pub sha256: String,
    /// Its size.
    pub bytes: u64,
}

fn sha256_of(path: &Path) -> anyhow::Result<(String, u64)> {
    let mut file = std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut hasher = Sha256::new();
    let bytes = std::io::copy(&mut file, &mut hasher).with_context(|| format!("reading {}", path.display()))?;
    Ok((crate::audit::hex(&hasher.finalize()), bytes))
}

/// The SQLite file a `sqlite:` URL names.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

fn relative_files(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            // The store's staging area holds uploads not yet recorded.
            if path.file_name().is_some_and(|n| n == "staging") {
                continue;
            }
            relative_files(root, &path, out)?;
        } else {
            out.push(path.strip_prefix(root).context("a file under the root")?.to_owned());
        }
    }
    Ok(())
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn run(command: &mut Command, what: &str) -> anyhow::Result<()> {
    let output = command
        .output()
        .with_context(|| format!("{what}: could not start it (is it installed?)"))?;
    if !output.status.success() {
        bail!("{what} failed: {}", String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(())
}

/// Makes a backup of the database and documents `settings` name into `to`
/// (created; it must be empty), while the service may be running.
pub async fn backup(settings: &Settings, to: &Path) -> anyhow::Result<Manifest> {
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    ensure!(
        std::fs::read_dir(to)?.next().is_none(),
        "{} is not empty: a backup goes into an empty directory",
        to.display()
    );
    let database = if settings.is_sqlite() {
        let db = Database::connect(&settings.database_url).await.context("connecting")?;
        let target = to.join("database.sqlite3");
        let quoted = target.display().to_string().replace('\'', "''");
        // A transactionally consistent copy, readers and writers go on.
        db.execute_unprepared(&format!("VACUUM INTO '{quoted}'"))
            .await
            .context("copying the SQLite database (VACUUM INTO)")?;
        db.close().await?;
        "sqlite"
    } else {
        let url = settings.database_url.clone();
        let target = to.join("database.pgdump");
        tokio::task::spawn_blocking(move || {
            run(
                Command::new("pg_dump")
                    .args(["--format=custom", "--no-owner", "--file"])
                    .arg(&target)
                    .arg("--dbname")
                    .arg(&url),
                "pg_dump",
            )
        })
        .await??;
        "postgres"
    };
    let documents = settings.data_dir.join("documents");
    let mut files = Vec::new();
    relative_files(&settings.data_dir, &documents, &mut files)?;
    for file in &files {
        let target = to.join(file);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(settings.data_dir.join(file), &target).with_context(|| format!("copying {}", file.display()))?;
    }
    let mut all = Vec::new();
    relative_files(to, to, &mut all)?;
    all.sort();
    let mut entries = Vec::new();
    for file in all {
        let (sha256, bytes) = sha256_of(&to.join(&file))?;
        entries.push(FileEntry {
            path: slashed(&file),
            sha256,
            bytes,
        });
    }
    let manifest = Manifest {
        database: database.to_owned(),
        concord: env!("CARGO_PKG_VERSION").to_owned(),
        created_at: chrono::Utc::now().to_rfc3339(),
        files: entries,
    };
    std::fs::write(to.join(MANIFEST), serde_json::to_vec_pretty(&manifest)?)?;
    Ok(manifest)
}

/// Checks a backup against its manifest: every file listed is there with its
/// checksum, nothing unlisted is there, and every document's name is its
/// content's SHA-256. The first problem is the error.
pub fn verify(from: &Path) -> anyhow::Result<Manifest> {
    let text = std::fs::read(from.join(MANIFEST))
        .with_context(|| format!("{} has no {MANIFEST}: not a Concord backup", from.display()))?;
    let manifest: Manifest = serde_json::from_slice(&text).context("the manifest cannot be read")?;
    let mut present = Vec::new();
    relative_files(from, from, &mut present)?;
    let mut present: Vec<String> = present.iter().map(|p| slashed(p)).filter(|p| p != MANIFEST).collect();
    present.sort();
    let mut listed: Vec<String> = manifest.files.iter().map(|f| f.path.clone()).collect();
    listed.sort();
    if let Some(extra) = present.iter().find(|p| !listed.contains(p)) {
        bail!("the backup holds {extra}, which its manifest does not list");
    }
    for entry in &manifest.files {
        ensure!(
            !entry.path.split('/').any(|part| part == ".." || part.is_empty()),
            "the manifest names an unsafe path: {}",
            entry.path
        );
        let path = from.join(&entry.path);
        ensure!(path.exists(), "{} is missing from the backup", entry.path);
        let (sha256, bytes) = sha256_of(&path)?;
        ensure!(
            sha256 == entry.sha256 && bytes == entry.bytes,
            "{} does not match its checksum in the manifest: the backup was changed or damaged",
            entry.path
        );
        if let Some(name) = entry.path.strip_prefix("documents/") {
            let blob = name.rsplit('/').next().unwrap_or_default();
            ensure!(
                blob == sha256,
                "document {} does not hold the content its name promises",
                entry.path
            );
        }
    }
    let expected = if manifest.database == "sqlite" {
        "database.sqlite3"
    } else {
        "database.pgdump"
    };
    ensure!(
        manifest.files.iter().any(|f| f.path == expected),
        "the backup has no {expected}"
    );
    Ok(manifest)
}

/// Whether the database `url` names holds any of Concord's data.
async fn holds_data(url: &str) -> anyhow::Result<bool> {
    let db = Database::connect(url)
        .await
        .context("connecting to the target database")?;
    let probe = Statement::from_string(db.get_database_backend(), "SELECT COUNT(*) AS n FROM audit_log");
    let found = match db.query_one_raw(probe).await {
        Ok(Some(row)) => row.try_get::<i64>("", "n").unwrap_or(1) > 0,
        Ok(None) => false,
        // No such table: a database never used by Concord.
        Err(_) => false,
    };
    db.close().await?;
    Ok(found)
}

/// Restores the backup in `from` into the database and data directory
/// `settings` name. Verifies the backup first; refuses a target that holds
/// data unless `force`.
pub async fn restore(settings: &Settings, from: &Path, force: bool) -> anyhow::Result<Manifest> {
    let manifest = verify(from)?;
    let target_backend = if settings.is_sqlite() { "sqlite" } else { "postgres" };
    ensure!(
        manifest.database == target_backend,
        "this backup is of a {} database; CONCORD_DATABASE_URL names a {target_backend} one",
        manifest.database
    );
    let documents = settings.data_dir.join("documents");
    let mut existing = Vec::new();
    relative_files(&settings.data_dir, &documents, &mut existing)?;
    let sqlite = sqlite_file(&settings.database_url);
    let occupied = match &sqlite {
        Some(file) => file.exists() && holds_data(&settings.database_url).await?,
        None => holds_data(&settings.database_url).await?,
    };
    if (occupied || !existing.is_empty()) && !force {
        bail!("the target already holds data (database or documents): restore with --force to replace it");
    }
    match sqlite {
        Some(file) => {
            if let Some(parent) = file.parent() {
                std::fs::create_dir_all(parent)?;
            }
            for suffix in ["-wal", "-shm"] {
                let side = PathBuf::from(format!("{}{suffix}", file.display()));
                let _ = std::fs::remove_file(side);
            }
            std::fs::copy(from.join("database.sqlite3"), &file)
                .with_context(|| format!("writing {}", file.display()))?;
        }
        None => {
            let url = settings.database_url.clone();
            let dump = from.join("database.pgdump");
            tokio::task::spawn_blocking(move || {
                run(
                    Command::new("pg_restore")
                        .args([
                            "--clean",
                            "--if-exists",
                            "--no-owner",
                            "--exit-on-error",
                            "--single-transaction",
                        ])
                        .arg("--dbname")
                        .arg(&url)
                        .arg(&dump),
                    "pg_restore",
                )
            })
            .await??;
        }
    }
    if force && documents.exists() {
        std::fs::remove_dir_all(&documents).with_context(|| format!("clearing {}", documents.display()))?;
    }
    for entry in manifest.files.iter().filter(|f| f.path.starts_with("documents/")) {
        let target = settings.data_dir.join(&entry.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(from.join(&entry.path), &target).with_context(|| format!("writing {}", entry.path))?;
    }
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sqlite_file_is_read_from_its_url() {
        assert_eq!(
            sqlite_file("sqlite:///var/lib/concord/concord.sqlite3?mode=rwc"),
            Some(PathBuf::from("/var/lib/concord/concord.sqlite3"))
        );
        assert_eq!(sqlite_file("sqlite:data/c.db"), Some(PathBuf::from("data/c.db")));
        assert_eq!(sqlite_file("postgres://x/y"), None);
        assert_eq!(sqlite_file("sqlite::memory:"), None);
    }
}
