//! Each party's joint actions as a hash chain of signed entries
//! (docs/federation.md, "Proof that both hold the same record"). An entry
//! is appended in the transaction of the action (from `crate::audit`, for
//! the actions `rules::joint` names), chained to the party's previous entry
//! by SHA-256 and signed with the node's Ed25519 key. Both chains replicate;
//! `federation::verify` checks them.

use anyhow::Context;
use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use concord_shared::Party;
use ed25519_dalek::{Signature, Signer, Verifier, VerifyingKey};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use sha2::{Digest, Sha256};

use super::keys::{self, hex, unhex};
use crate::entities::joint_entry::{self, Column, Entity};

/// The hash before a chain's first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The first field of every entry's canonical form: the form's version.
const FORM: &str = "concord.joint.v1";

/// The canonical bytes of an entry: its fields in a fixed order, each as
/// its length (8 bytes, big-endian) and its UTF-8 bytes, after the form's
/// name: `concord.joint.v1`, party code, seq (decimal), at (RFC 3339 UTC,
/// microseconds, `Z`), kind, subject, payload SHA-256, previous entry's
/// SHA-256, key id. The signature is not part of it (it signs the hash).
pub fn canonical(row: &joint_entry::Model) -> Vec<u8> {
    let fields = [
        FORM.to_owned(),
        row.party.code().to_owned(),
        row.seq.to_string(),
        row.at.to_rfc3339_opts(SecondsFormat::Micros, true),
        row.kind.clone(),
        row.subject.clone(),
        row.payload_sha256.clone(),
        row.prev_sha256.clone(),
        row.key_id.clone(),
    ];
    let mut out = Vec::with_capacity(fields.iter().map(|f| f.len() + 8).sum());
    for field in &fields {
        out.extend_from_slice(&(field.len() as u64).to_be_bytes());
        out.extend_from_slice(field.as_bytes());
    }
    out
}

/// The SHA-256 (hex) of an entry's canonical form.
pub fn entry_sha256(row: &joint_entry::Model) -> String {
    hex(&Sha256::digest(canonical(row)))
}

/// The SHA-256 (hex) of a payload's text.
pub fn sha256(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// What an entry records, before it is placed in its chain.
pub struct Fact {
    /// The acting party: whose chain.
    pub party: Party,
    /// The audit action.
    pub kind: String,
    /// What it is about, by public ids.
    pub subject: String,
    /// The SHA-256 of its payload.
    pub payload_sha256: String,
}

/// Appends `fact` to its party's chain inside the caller's transaction,
/// signed with the node's key of the current request (unsigned without one).
pub(crate) async fn append<C: ConnectionTrait>(conn: &C, fact: Fact) -> anyhow::Result<()> {
    // One writer of the party's chain at a time (a fork would be two
    // entries with one seq): the only caller, `audit::append`, holds the
    // audit log's lock until commit on PostgreSQL, and SQLite's writers are
    // one at a time already; the unique (party, seq) stands behind both.
    let last = Entity::find()
        .filter(Column::Party.eq(fact.party))
        .order_by_desc(Column::Seq)
        .limit(1)
        .one(conn)
        .await
        .context("reading the joint chain")?;
    let (seq, prev_sha256) = last.map_or((1, GENESIS.to_owned()), |l| (l.seq + 1, l.entry_sha256));
    let key = keys::current();
    let mut row = joint_entry::Model {
        id: 0,
        party: fact.party,
        seq,
        at: Utc::now().trunc_subsecs(6),
        kind: fact.kind,
        subject: fact.subject,
        payload_sha256: fact.payload_sha256,
        prev_sha256,
        entry_sha256: String::new(),
        key_id: key
            .as_ref()
            .map(|k| keys::key_id(&k.verifying_key()))
            .unwrap_or_default(),
        signature: String::new(),
    };
    row.entry_sha256 = entry_sha256(&row);
    if let Some(key) = key {
        row.signature = hex(&key.sign(&Sha256::digest(canonical(&row))).to_bytes());
    }
    let mut active: joint_entry::ActiveModel = row.into();
    active.id = sea_orm::ActiveValue::NotSet;
    active.insert(conn).await.context("appending to the joint chain")?;
    Ok(())
}

/// Why an entry does not hold.
pub fn fault(row: &joint_entry::Model, seq: i64, prev: &str, key: Option<&VerifyingKey>) -> Option<String> {
    if row.seq != seq {
        return Some(format!("expected seq {seq}: entries are missing or repeated"));
    }
    if row.prev_sha256 != prev {
        return Some("does not link to the entry before it".to_owned());
    }
    if entry_sha256(row) != row.entry_sha256 {
        return Some("its content does not match its hash".to_owned());
    }
    let Some(key) = key else {
        return Some("no public key to check its signature against".to_owned());
    };
    if row.key_id.is_empty() || row.signature.is_empty() {
        return Some("it is not signed".to_owned());
    }
    if row.key_id != keys::key_id(key) {
        return Some(format!(
            "signed by key {}, not by the party's key {}",
            row.key_id,
            keys::key_id(key)
        ));
    }
    let signed = unhex(&row.signature)
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| Signature::from_bytes(&b));
    match signed {
        Some(signature) if key.verify(&Sha256::digest(canonical(row)), &signature).is_ok() => None,
        _ => Some("its signature does not verify".to_owned()),
    }
}

/// The party's chain, in order (for `verify` and the tests).
pub async fn entries<C: ConnectionTrait>(conn: &C, party: Party) -> anyhow::Result<Vec<joint_entry::Model>> {
    Entity::find()
        .filter(Column::Party.eq(party))
        .order_by_asc(Column::Seq)
        .all(conn)
        .await
        .context("reading the joint chain")
}

/// When an entry was appended, for a report.
pub fn when(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::SigningKey;

    use super::*;

    fn entry(key: &SigningKey, seq: i64, prev: &str) -> joint_entry::Model {
        let mut row = joint_entry::Model {
            id: 1,
            party: Party::Ge,
            seq,
            at: DateTime::from_timestamp(1_800_000_000, 123_456_000).expect("time"),
            kind: "activity.consent".into(),
            subject: "activity:42".into(),
            payload_sha256: sha256("{}"),
            prev_sha256: prev.into(),
            entry_sha256: String::new(),
            key_id: keys::key_id(&key.verifying_key()),
            signature: String::new(),
        };
        row.entry_sha256 = entry_sha256(&row);
        row.signature = hex(&key.sign(&Sha256::digest(canonical(&row))).to_bytes());
        row
    }

    #[test]
    fn the_canonical_form_is_length_prefixed_fields_in_order() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let row = entry(&key, 1, GENESIS);
        let bytes = canonical(&row);
        assert_eq!(&bytes[..8], &16u64.to_be_bytes());
        assert_eq!(&bytes[8..24], b"concord.joint.v1");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("2027-01-15T08:00:00.123456Z"), "{text}");
        // Fixed: a change of the form is a new form name.
        assert_eq!(row.entry_sha256, entry_sha256(&row));
        assert_eq!(row.entry_sha256.len(), 64);
    }

    #[test]
    fn an_entry_verifies_and_any_change_is_named() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let public = key.verifying_key();
        let first = entry(&key, 1, GENESIS);
        assert_eq!(fault(&first, 1, GENESIS, Some(&public)), None);
        let second = entry(&key, 2, &first.entry_sha256);
        assert_eq!(fault(&second, 2, &first.entry_sha256, Some(&public)), None);
        assert!(
            fault(&second, 3, &first.entry_sha256, Some(&public))
                .expect("gap")
                .contains("seq 3")
        );
        assert!(
            fault(&second, 2, GENESIS, Some(&public))
                .expect("link")
                .contains("link")
        );
        let mut forged = second.clone();
        forged.subject = "activity:43".into();
        assert!(
            fault(&forged, 2, &first.entry_sha256, Some(&public))
                .expect("hash")
                .contains("hash")
        );
        // Re-hashed by the forger, but not re-signed: the signature fails.
        forged.entry_sha256 = entry_sha256(&forged);
        assert!(
            fault(&forged, 2, &first.entry_sha256, Some(&public))
                .expect("sig")
                .contains("signature")
        );
        let other = SigningKey::from_bytes(&[8; 32]).verifying_key();
        assert!(
            fault(&second, 2, &first.entry_sha256, Some(&other))
                .expect("key")
                .contains("signed by key")
        );
        let mut unsigned = second.clone();
        unsigned.signature.clear();
        assert!(
            fault(&unsigned, 2, &first.entry_sha256, Some(&public))
                .expect("unsigned")
                .contains("not signed")
        );
    }
}
