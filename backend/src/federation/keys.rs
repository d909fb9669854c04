//! The node's Ed25519 key: made once, by `concord federation init` or at
//! the server's first start, kept in `CONCORD_DATA_DIR/federation/node.key`
//! (mode 0600, never in the database, so never in a replica or a database
//! dump); its public half is what the operators exchange, and the peer's
//! public half is kept beside it (`peer.pub`). The server holds its key for
//! each request in a task-local ([`scope`]), where the joint chain and the
//! signing of a plan find it ([`current`]).

use std::fmt::Write as _;
use std::future::Future;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::config::Settings;

tokio::task_local! {
    static CURRENT: Arc<SigningKey>;
}

/// Runs `work` with `key` as the node's key (nothing when there is none).
pub async fn scope<F: Future>(key: Option<Arc<SigningKey>>, work: F) -> F::Output {
    match key {
        Some(key) => CURRENT.scope(key, work).await,
        None => work.await,
    }
}

/// The node's key of the request being handled on this task, if any.
pub fn current() -> Option<Arc<SigningKey>> {
    CURRENT.try_with(Arc::clone).ok()
}

/// Lowercase hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Bytes from hex digits, or `None`.
pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

/// A public key from its 64 hex digits.
pub fn parse_public(text: &str) -> anyhow::Result<VerifyingKey> {
    let bytes: [u8; 32] = unhex(text)
        .and_then(|b| b.try_into().ok())
        .context("a public key is 64 hexadecimal digits")?;
    VerifyingKey::from_bytes(&bytes).context("not an Ed25519 public key")
}

/// A key's id as entries and signatures name it: the first 16 hex digits
/// of the SHA-256 of the public key.
pub fn key_id(key: &VerifyingKey) -> String {
    hex(&Sha256::digest(key.as_bytes())[..8])
}

/// Where the peer's public key is kept (`federation connect --peer-key`).
pub fn peer_path(settings: &Settings) -> PathBuf {
    settings.data_dir.join("federation").join("peer.pub")
}

/// Records the peer's public key the operators exchanged out of band.
pub fn save_peer(settings: &Settings, text: &str) -> anyhow::Result<VerifyingKey> {
    let key = parse_public(text)?;
    let path = peer_path(settings);
    let dir = path.parent().context("the key's directory")?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    std::fs::write(&path, format!("{}\n", hex(key.as_bytes())))
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(key)
}

/// The peer's public key, when one was recorded.
pub fn load_peer(settings: &Settings) -> anyhow::Result<Option<VerifyingKey>> {
    let path = peer_path(settings);
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    parse_public(&text)
        .with_context(|| format!("{} is not a public key", path.display()))
        .map(Some)
}

/// Where the node's private key lives.
pub fn path(settings: &Settings) -> PathBuf {
    settings.data_dir.join("federation").join("node.key")
}

/// The node's key, made and stored (mode 0600) when there is none yet;
/// `true` when it was made now.
pub fn load_or_create(path: &Path) -> anyhow::Result<(SigningKey, bool)> {
    if path.exists() {
        return load(path).map(|key| (key, false));
    }
    let dir = path.parent().context("the key's directory")?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut seed = [0u8; 32];
    OsRng.fill_bytes(&mut seed);
    let key = SigningKey::from_bytes(&seed);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    writeln!(file, "{}", hex(&seed)).context("writing the key")?;
    file.sync_all().context("writing the key")?;
    Ok((key, true))
}

/// Reads the node's key.
pub fn load(path: &Path) -> anyhow::Result<SigningKey> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let Some(seed) = unhex(&text).and_then(|b| <[u8; 32]>::try_from(b).ok()) else {
        bail!("{} is not a node key (64 hexadecimal digits)", path.display());
    };
    Ok(SigningKey::from_bytes(&seed))
}

/// The public key, hexadecimal: what the other node's operator receives.
pub fn public_hex(key: &SigningKey) -> String {
    hex(key.verifying_key().as_bytes())
}

/// A short fingerprint of the public key (SHA-256, the first 16 bytes in
/// groups of four hex digits), read aloud over a second channel.
pub fn fingerprint(key: &SigningKey) -> String {
    fingerprint_of(&key.verifying_key())
}

/// The fingerprint of a public key (the peer's, as `connect` recorded it).
pub fn fingerprint_of(key: &VerifyingKey) -> String {
    let digest = hex(&Sha256::digest(key.as_bytes()));
    digest.as_bytes()[..32]
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::{Signer, Verifier};

    #[test]
    fn a_key_is_made_once_private_to_its_owner_and_read_back_the_same() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("federation").join("node.key");
        let (made, new) = load_or_create(&path).expect("made");
        assert!(new);
        let (again, new) = load_or_create(&path).expect("read");
        assert!(!new);
        assert_eq!(public_hex(&made), public_hex(&again));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let signature = again.sign(b"joint record");
        made.verifying_key()
            .verify(b"joint record", &signature)
            .expect("the same key");
        assert_eq!(fingerprint(&made).len(), 39);
        let public = parse_public(&public_hex(&made)).expect("public key");
        assert_eq!(public, made.verifying_key());
        assert_eq!(key_id(&public), fingerprint(&made).replace(' ', "")[..16]);
        assert!(parse_public("00ff").is_err());
    }
}
