//! Random secrets and their stored digests.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::audit::hex;

/// A random secret of 32 bytes, URL-safe base64, with a prefix naming its kind.
pub fn new_secret(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!(
        "{prefix}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// A random public id (16 bytes, hex).
pub fn new_public_id() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// What is stored of a high-entropy secret: its SHA-256, hex.
pub fn digest(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// A random positive id below 2^53, so it survives JavaScript numbers.
pub fn new_public_number() -> i64 {
    let mut bytes = [0u8; 8];
    OsRng.fill_bytes(&mut bytes);
    i64::try_from(u64::from_le_bytes(bytes) >> 11).unwrap_or(1).max(1)
}
