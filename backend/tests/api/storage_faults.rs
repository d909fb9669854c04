//! The upload storage full or refusing writes during an upload: a clear
//! 507 or 503 problem naming why, no document recorded, no file left in
//! the store or in staging; and uploads work again once there is room.
//!
//! The data directory is a small tmpfs mounted for the test (root with
//! `CAP_SYS_ADMIN`, as on CI's machine); where mounting is not permitted the
//! test says so and is skipped, except under CI, where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use concord_shared::api::DocumentOwner;
use concord_shared::{Party, Role};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::documents::pdf;
use crate::helpers::spawn_app_with;

/// A tmpfs of a given size, unmounted when dropped.
struct Tmpfs {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("data");
        std::fs::create_dir_all(&path).expect("mount point");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&path)
            .output()
            .ok()?;
        if !mounted.status.success() {
            let why = String::from_utf8_lossy(&mounted.stderr).into_owned();
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must be able to mount a tmpfs: {why}"
            );
            eprintln!("SKIPPED: cannot mount a tmpfs here: {why}");
            return None;
        }
        Some(Tmpfs { _dir: dir, path })
    }

    fn remount(&self, option: &str) {
        let done = Command::new("mount")
            .args(["-o", &format!("remount,{option}")])
            .arg(&self.path)
            .status()
            .expect("mount runs");
        assert!(done.success(), "remount {option}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// Every file under `dir`, at any depth, but for the node's key the server
/// makes at its first start (`federation/node.key`).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if dir.ends_with("federation") {
        return found;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// A PDF of about `kib` KiB (the magic bytes first, padding in a comment).
fn pdf_of(kib: usize) -> Vec<u8> {
    let mut bytes = pdf();
    bytes.extend(std::iter::repeat_n(b'%', kib * 1024));
    bytes.push(b'\n');
    bytes
}

#[tokio::test]
async fn a_full_or_read_only_upload_storage_keeps_nothing_and_says_why() {
    let Some(disk) = Tmpfs::mount("512k") else {
        return;
    };
    let data = disk.path.display().to_string();
    let app = spawn_app_with(&[("CONCORD_DATA_DIR", data.as_str())]).await;
    let coordinator = app.login_as(Party::Az, Role::Coordinator).await;
    let upload = |bytes: Vec<u8>, name: &'static str| {
        let client = coordinator.clone();
        async move {
            client
                .upload_document(DocumentOwner::Instrument, 1, name, "application/pdf", bytes)
                .await
        }
    };
    let recorded = || async {
        concord_backend::entities::document::Entity::find()
            .count(&app.state.db)
            .await
            .expect("count")
    };

    // Full: 800 KiB into 512 KiB.
    let full = upload(pdf_of(800), "Protocol.pdf").await.expect_err("no room");
    assert_eq!(full.status, 507, "{full:?}");
    assert_eq!(full.code, "storage_full");
    assert_eq!(recorded().await, 0, "no orphan record");
    assert_eq!(files(&disk.path), Vec::<PathBuf>::new(), "no orphan file");
    println!("full: 507 storage_full, 0 records, 0 files");

    // Read-only: even a small file is refused, and says when to retry.
    disk.remount("ro");
    let read_only = upload(pdf_of(4), "Minutes.pdf").await.expect_err("read-only");
    disk.remount("rw");
    assert_eq!(read_only.status, 503, "{read_only:?}");
    assert_eq!(read_only.code, "storage_unavailable");
    assert!(read_only.retry_after.is_some_and(|s| s > 0), "{read_only:?}");
    assert_eq!(recorded().await, 0, "no orphan record");
    assert_eq!(files(&disk.path), Vec::<PathBuf>::new(), "no orphan file");
    println!("read-only: 503 storage_unavailable, 0 records, 0 files");

    // With room again, the same upload is kept: nothing was left half-done.
    let kept = upload(pdf_of(100), "Protocol.pdf").await.expect("an upload with room");
    assert_eq!(recorded().await, 1);
    let stored = files(&disk.path);
    assert_eq!(stored.len(), 1, "one blob, no staging file: {stored:?}");
    assert!(stored[0].ends_with(&kept.sha256), "{stored:?}");
}
