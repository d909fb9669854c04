//! A plan version's snapshot: canonical JSON of the plan, its signatures
//! and its accepted activities, the text whose SHA-256 a frozen version
//! stores and a signature names (`content_sha256`: the snapshot without
//! signatures, the content a party signed). Read by the versions, the
//! plans (which signatures still hold) and the paper.

use std::collections::{BTreeMap, HashMap};

use concord_shared::api::Signature;
use concord_shared::plan::ConsentState;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::activity_view::plain as activity_view;
use crate::audit::hex;
use crate::entities::{activity, activity_text, plan};
use crate::error::AppError;

/// JSON text with object keys sorted and no spaces: the same value always
/// gives the same bytes, whatever the map implementation.
pub fn canonical(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let sorted: BTreeMap<&String, &Value> = map.iter().collect();
            let fields: Vec<String> = sorted
                .into_iter()
                .map(|(k, v)| format!("{}:{}", Value::String(k.clone()), canonical(v)))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => format!("[{}]", items.iter().map(canonical).collect::<Vec<_>>().join(",")),
        other => other.to_string(),
    }
}

/// One activity as a snapshot records it: its substance and both sides,
/// its title and description in every language written (all equally
/// authentic), nothing that changes after signing.
pub(crate) fn line(a: &activity::Model, texts: &HashMap<i32, Vec<activity_text::Model>>) -> Value {
    let v = activity_view(a);
    let texts: Vec<Value> = texts
        .get(&a.id)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|t| json!({"lang": t.lang, "title": t.title, "description": t.description}))
        .collect();
    json!({
        "texts": texts, "text_lang": v.text_lang,
        "reference": v.reference, "title": v.title, "description": v.description,
        "area": v.area, "area_other": v.area_other, "form": v.form, "form_other": v.form_other,
        "proposing_party": v.proposing_party, "host_party": v.host_party, "location": v.location,
        "start_date": v.start_date, "end_date": v.end_date, "month": v.month, "cost": v.cost,
        "az": v.az, "ge": v.ge,
    })
}

/// The snapshot of a plan version: the plan, its signatures and its
/// accepted activities in reference order, without anything that changes
/// after signing (execution, versions, timestamps).
pub(crate) async fn snapshot<C: ConnectionTrait>(
    conn: &C,
    row: &plan::Model,
    number: i32,
    signatures: &[Signature],
) -> Result<String, AppError> {
    let activities = activity::Entity::find()
        .filter(activity::Column::PlanId.eq(row.id))
        .filter(activity::Column::Consent.eq(ConsentState::Accepted))
        .order_by_asc(activity::Column::Reference)
        .all(conn)
        .await?;
    let ids: Vec<i32> = activities.iter().map(|a| a.id).collect();
    let texts = super::activity_view::of(conn, &ids).await?;
    let lines: Vec<Value> = activities.iter().map(|a| line(a, &texts)).collect();
    let signed: Vec<Value> = signatures.iter().map(signed_fields).collect();
    Ok(canonical(&json!({
        "plan": row.year,
        "version": number,
        "amendment": number - 1,
        "signatures": signed,
        "activities": lines,
    })))
}

/// A signature as a snapshot records it (and as the node's own signature
/// of it covers it, `federation::proof`).
pub(crate) fn signed_fields(s: &Signature) -> Value {
    json!({"party": s.party, "signatory": s.signatory, "position": s.position, "signed_on": s.signed_on, "place": s.place})
}

/// The SHA-256 (hex) of version `number`'s content as it stands: its
/// snapshot without signatures, what a party's signature names.
pub(crate) async fn content_sha256<C: ConnectionTrait>(
    conn: &C,
    row: &plan::Model,
    number: i32,
) -> Result<String, AppError> {
    let text = snapshot(conn, row, number, &[]).await?;
    Ok(hex(&Sha256::digest(text.as_bytes())))
}
