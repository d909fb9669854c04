//! The node's Ed25519 key: made once by `concord federation init`, kept in
//! `CONCORD_DATA_DIR/federation/node.key` (mode 0600, never in the database,
//! so never in a replica or a database dump); its public half is what the
//! operators exchange.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use ed25519_dalek::SigningKey;
use sha2::{Digest, Sha256};

use crate::audit::hex;
use crate::config::Settings;

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
    let text = text.trim();
    if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        bail!("{} is not a node key (64 hexadecimal digits)", path.display());
    }
    let mut seed = [0u8; 32];
    for (i, byte) in seed.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).context("hex")?;
    }
    Ok(SigningKey::from_bytes(&seed))
}

/// The public key, hexadecimal: what the other node's operator receives.
pub fn public_hex(key: &SigningKey) -> String {
    hex(key.verifying_key().as_bytes())
}

/// A short fingerprint of the public key (SHA-256, the first 16 bytes in
/// groups of four hex digits), read aloud over a second channel.
pub fn fingerprint(key: &SigningKey) -> String {
    let digest = hex(&Sha256::digest(key.verifying_key().as_bytes()));
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
    }
}
