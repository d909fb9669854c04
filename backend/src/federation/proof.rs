//! A signed version's proof (docs/federation.md, "Proof that both hold the
//! same record"): when a party's coordinator signs, the party's node signs
//! too, with its Ed25519 key, over the version's content hash and that
//! signature's own fields. A frozen version (`GET
//! /api/v1/plans/{year}/versions/{number}`, saved as a file) thus carries
//! both nodes' signatures over everything its SHA-256 covers, checked
//! offline by `concord verify-version FILE --keys AZKEY,GEKEY`.

use concord_shared::Party;
use concord_shared::api::PlanVersionDetail;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde_json::{Value, json};

use super::chain::sha256;
use super::keys::{self, hex, unhex};
use crate::models::snapshot::canonical;

/// The first field of what a node signs.
const FORM: &str = "concord.plan_signature.v1";

/// What a node signs for its party's signature: the canonical JSON of the
/// form's name, the plan's year, the version, the content's SHA-256 (the
/// snapshot without signatures) and the signature's fields as the snapshot
/// records them.
pub fn message(plan: i64, version: i64, content_sha256: &str, fields: &Value) -> String {
    let mut value = json!({"form": FORM, "plan": plan, "version": version, "content_sha256": content_sha256});
    if let (Some(out), Some(fields)) = (value.as_object_mut(), fields.as_object()) {
        for (name, field) in fields {
            out.insert(name.clone(), field.clone());
        }
    }
    canonical(&value)
}

/// The node's signature of `message` with `key`: (key id, hex signature).
pub fn sign(key: &SigningKey, message: &str) -> (String, String) {
    (
        keys::key_id(&key.verifying_key()),
        hex(&key.sign(message.as_bytes()).to_bytes()),
    )
}

/// A frozen version's facts, once it holds.
#[derive(Debug, PartialEq, Eq)]
pub struct Checked {
    /// The plan's year.
    pub plan: i64,
    /// The version's number.
    pub version: i64,
    /// The SHA-256 of the snapshot.
    pub sha256: String,
    /// The SHA-256 of its content (the snapshot without signatures).
    pub content_sha256: String,
}

/// Checks a frozen version: the snapshot hashes to `sha256`, and each
/// party's signature in it is signed by its node, whose public key
/// `keys` gives (AZ's, GE's). Every problem is named.
pub fn check(
    snapshot: &str,
    sha256_claimed: &str,
    node_signatures: &[(Party, String, String)],
    keys: [(Party, &VerifyingKey); 2],
) -> Result<Checked, Vec<String>> {
    let mut problems = Vec::new();
    let sha256_now = sha256(snapshot);
    if sha256_now != sha256_claimed {
        problems.push(format!(
            "the snapshot hashes to {sha256_now}, not to the claimed {sha256_claimed}"
        ));
    }
    let Ok(mut value) = serde_json::from_str::<Value>(snapshot) else {
        problems.push("the snapshot is not JSON".to_owned());
        return Err(problems);
    };
    let plan = value["plan"].as_i64().unwrap_or_default();
    let version = value["version"].as_i64().unwrap_or_default();
    let signed = value["signatures"].as_array().cloned().unwrap_or_default();
    value["signatures"] = json!([]);
    let content_sha256 = sha256(&canonical(&value));
    for (party, key) in keys {
        let Some(fields) = signed.iter().find(|s| s["party"] == json!(party)) else {
            problems.push(format!("{} has not signed this version", party.short()));
            continue;
        };
        let Some((_, key_id, signature)) = node_signatures.iter().find(|(p, _, _)| *p == party) else {
            problems.push(format!("{}'s signature carries no node signature", party.short()));
            continue;
        };
        if *key_id != keys::key_id(key) {
            problems.push(format!(
                "{}'s node signed with key {key_id}, not with the key given ({})",
                party.short(),
                keys::key_id(key)
            ));
            continue;
        }
        let message = message(plan, version, &content_sha256, fields);
        let signature = unhex(signature)
            .and_then(|b| <[u8; 64]>::try_from(b).ok())
            .map(|b| Signature::from_bytes(&b));
        if signature.is_none_or(|s| key.verify(message.as_bytes(), &s).is_err()) {
            problems.push(format!("{}'s node signature does not verify", party.short()));
        }
    }
    if problems.is_empty() {
        Ok(Checked {
            plan,
            version,
            sha256: sha256_now,
            content_sha256,
        })
    } else {
        Err(problems)
    }
}

/// `concord verify-version FILE --keys AZKEY,GEKEY`: the version as the API
/// exported it, checked offline against the two nodes' public keys (the
/// same key twice on a single node, which signs for both parties).
pub fn verify_file(text: &str, keys_arg: &str) -> anyhow::Result<Result<Checked, Vec<String>>> {
    let detail: PlanVersionDetail =
        serde_json::from_str(text).map_err(|e| anyhow::anyhow!("not a plan version as the API gives it: {e}"))?;
    let given: Vec<&str> = keys_arg.split(',').map(str::trim).collect();
    let [az, ge] = given.as_slice() else {
        anyhow::bail!("--keys takes two public keys, AZ's then GE's, separated by a comma");
    };
    let (az, ge) = (keys::parse_public(az)?, keys::parse_public(ge)?);
    let node_signatures: Vec<(Party, String, String)> = detail
        .info
        .signatures
        .iter()
        .filter_map(|s| {
            let n = s.node_signature.as_ref()?;
            Some((s.party, n.key_id.clone(), n.signature.clone()))
        })
        .collect();
    Ok(check(
        &detail.snapshot,
        &detail.info.sha256,
        &node_signatures,
        [(Party::Az, &az), (Party::Ge, &ge)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frozen(keys: [&SigningKey; 2]) -> (String, String, Vec<(Party, String, String)>) {
        let signatures: Vec<Value> = [Party::Az, Party::Ge]
            .iter()
            .map(|p| json!({"party": p, "signatory": "S", "position": "Minister", "signed_on": "2026-11-20", "place": "Tbilisi"}))
            .collect();
        let content = json!({"plan": 2027, "version": 1, "amendment": 0, "signatures": [], "activities": [{"title": "Staff talks", "cost": 1.5}]});
        let content_sha256 = sha256(&canonical(&content));
        let mut full = content.clone();
        full["signatures"] = json!(signatures);
        let snapshot = canonical(&full);
        let node = [Party::Az, Party::Ge]
            .iter()
            .zip(keys)
            .zip(&signatures)
            .map(|((p, k), fields)| {
                let (id, signature) = sign(k, &message(2027, 1, &content_sha256, fields));
                (*p, id, signature)
            })
            .collect();
        (sha256(&snapshot), snapshot, node)
    }

    #[test]
    fn a_version_signed_by_both_nodes_holds_and_any_change_is_named() {
        let (az, ge) = (SigningKey::from_bytes(&[1; 32]), SigningKey::from_bytes(&[2; 32]));
        let (hash, snapshot, node) = frozen([&az, &ge]);
        let keys = [(Party::Az, &az.verifying_key()), (Party::Ge, &ge.verifying_key())];
        let held = check(&snapshot, &hash, &node, keys).expect("holds");
        assert_eq!((held.plan, held.version), (2027, 1));
        let forged = snapshot.replace("Staff talks", "Staff walks");
        let problems = check(&forged, &hash, &node, keys).expect_err("changed");
        assert!(problems[0].contains("not to the claimed"), "{problems:?}");
        assert_eq!(problems.len(), 3, "and neither node signed that content: {problems:?}");
        let swapped = [(Party::Az, &ge.verifying_key()), (Party::Ge, &az.verifying_key())];
        let problems = check(&snapshot, &hash, &node, swapped).expect_err("wrong keys");
        assert!(
            problems.iter().all(|p| p.contains("not with the key given")),
            "{problems:?}"
        );
        let mut bad = node.clone();
        let flipped = if bad[1].2.starts_with("00") { "11" } else { "00" };
        bad[1].2.replace_range(0..2, flipped);
        let problems = check(&snapshot, &hash, &bad, keys).expect_err("bad signature");
        assert_eq!(problems, vec!["GE's node signature does not verify".to_owned()]);
    }
}
