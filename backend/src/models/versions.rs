//! Signing, frozen versions and amendments. When both parties have recorded
//! their signature on an agreed plan, the version is frozen: a canonical
//! JSON snapshot of the plan and its accepted activities, stored with its
//! SHA-256 and readable forever. Later changes go through amendments.

use std::collections::BTreeMap;

use chrono::{NaiveDate, Utc};
use concord_shared::Party;
use concord_shared::api::{
    FieldChange, NewSignature, Plan, PlanVersionDetail, PlanVersionInfo, Signature, VersionComparison,
};
use concord_shared::plan::PlanState;
use concord_shared::rules::plan::{PlanEvent, transition};
use concord_shared::rules::{Action, Reason, Scope, activities::in_plan, signatures};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::Check;
use super::plans::{self, signature_view, signatures_of, version_in_progress};
use super::snapshot::{content_sha256, line, signed_fields, snapshot};
use crate::audit::{self, Event, hex};
use crate::auth::AuthUser;
use crate::entities::{activity, plan_signature, plan_version};
use crate::error::AppError;
use crate::federation::proof;
use crate::state::AppState;

/// Records the caller's party's signature on an agreed plan; with both
/// signatures the version is frozen and the plan is signed.
pub async fn sign(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    if_match: i64,
    new: NewSignature,
) -> Result<Plan, AppError> {
    caller.require(Action::Coordinate, Scope::Joint)?;
    let mut check = Check::default();
    check.line("signatory", &new.signatory, 1, 120);
    check.line("position", &new.position, 1, 120);
    check.line("place", &new.place, 1, 120);
    let earliest = NaiveDate::from_ymd_opt(2023, 4, 24).unwrap_or_default();
    if new.signed_on > Utc::now().date_naive() {
        check.fail(
            "signed_on",
            "in_future",
            "the date of signature may not be in the future",
        );
    } else if new.signed_on < earliest {
        check.fail(
            "signed_on",
            "too_early",
            "the date of signature may not be before the agreement's",
        );
    }
    check.finish()?;
    let tx = state.write().await?;
    let row = plans::load_for_update(&*tx, year).await?;
    if !crate::extract::version_matches(if_match, row.version) {
        return Err(AppError::PreconditionFailed { current: row.version });
    }
    let signed: Vec<Party> = signatures_of(&*tx, &row).await?.iter().map(|s| s.party).collect();
    signatures::may_sign(caller.actor(), row.state, &signed)?;
    let number = version_in_progress(&row);
    let before = plans::view(&*tx, &row).await?;
    crate::federation::owns(&state.settings, caller.party)?;
    // The content signed; the caller's own signature of this version on
    // content since changed is stale: replaced (never the other party's).
    let content = content_sha256(&*tx, &row, number).await?;
    plan_signature::Entity::delete_many()
        .filter(plan_signature::Column::PlanId.eq(row.id))
        .filter(plan_signature::Column::VersionNo.eq(number))
        .filter(plan_signature::Column::Party.eq(caller.party))
        .filter(plan_signature::Column::ContentSha256.ne(content.as_str()))
        .exec(&*tx)
        .await?;
    let signature = Signature {
        party: caller.party,
        signatory: new.signatory.trim().to_owned(),
        position: new.position.trim().to_owned(),
        signed_on: new.signed_on,
        place: new.place.trim().to_owned(),
        recorded_by: caller.display_name.clone(),
        recorded_at: Utc::now(),
        node_signature: None,
    };
    // The node signs it too (without a node key: unsigned, as before).
    let (node_key_id, node_signature) = crate::federation::keys::current()
        .map(|key| {
            let message = proof::message(year.into(), number.into(), &content, &signed_fields(&signature));
            proof::sign(&key, &message)
        })
        .unwrap_or_default();
    plan_signature::ActiveModel {
        plan_id: Set(row.id),
        version_no: Set(number),
        party: Set(signature.party),
        signatory: Set(signature.signatory),
        position: Set(signature.position),
        signed_on: Set(signature.signed_on),
        place: Set(signature.place),
        recorded_by: Set(signature.recorded_by),
        recorded_at: Set(signature.recorded_at),
        content_sha256: Set(content.clone()),
        node_key_id: Set(node_key_id),
        node_signature: Set(node_signature),
        ..Default::default()
    }
    .insert(&*tx)
    .await
    .map_err(super::duplicate_is(Reason::AlreadySigned))?;
    let signatures = signatures_of(&*tx, &row).await?;
    let mut active = row.clone().into_active_model();
    let mut action = "plan.sign";
    if Party::ALL.iter().all(|p| signatures.iter().any(|s| s.party == *p)) {
        let text = snapshot(&*tx, &row, number, &signatures).await?;
        let sha256 = hex(&Sha256::digest(text.as_bytes()));
        plan_version::ActiveModel {
            plan_id: Set(row.id),
            number: Set(number),
            snapshot: Set(text),
            sha256: Set(sha256),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&*tx)
        .await?;
        super::signed_plans::link_signed_plan(&*tx, &state.settings, caller, &row, number, &signatures).await?;
        active.state = Set(transition(row.state, PlanEvent::BothSigned)?);
        active.signed_version = Set(Some(number));
        action = "plan.signed";
    }
    active.updated_at = Set(Utc::now());
    let updated = super::versioned::update(&*tx, active, row.version).await?;
    let after = plans::view(&*tx, &updated).await?;
    // The party's joint entry names the version and the content signed.
    let signed = audit::Signed {
        subject: format!("plan_version:{year}/{number}"),
        content_sha256: content,
    };
    audit::append_signed(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action,
            entity_type: "plan",
            entity_id: Some(year.to_string()),
            scope: Scope::Joint,
            before: Some(json!(before)),
            after: Some(json!(after)),
        },
        Some(signed),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Opens an amendment of a signed plan (either party's coordinator): the
/// plan returns to negotiation for its next version; the signed version stays in force and readable.
pub async fn open_amendment(caller: &AuthUser, state: &AppState, year: i32, if_match: i64) -> Result<Plan, AppError> {
    caller.require(Action::Coordinate, Scope::Joint)?;
    let tx = state.write().await?;
    let row = plans::load_for_update(&*tx, year).await?;
    if !crate::extract::version_matches(if_match, row.version) {
        return Err(AppError::PreconditionFailed { current: row.version });
    }
    signatures::may_open_amendment(caller.actor(), row.state)?;
    let before = plans::view(&*tx, &row).await?;
    let mut active = row.clone().into_active_model();
    active.state = Set(transition(row.state, PlanEvent::AmendmentOpened)?);
    active.amendment = Set(row.amendment + 1);
    active.updated_at = Set(Utc::now());
    let updated = super::versioned::update(&*tx, active, row.version).await?;
    let after = plans::view(&*tx, &updated).await?;
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: "plan.amendment_open",
            entity_type: "plan",
            entity_id: Some(year.to_string()),
            scope: Scope::Joint,
            before: Some(json!(before)),
            after: Some(json!(after)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

fn info(row: &plan_version::Model, signatures: &[plan_signature::Model]) -> PlanVersionInfo {
    PlanVersionInfo {
        number: row.number,
        sha256: row.sha256.clone(),
        created_at: row.created_at,
        signatures: signatures
            .iter()
            .filter(|s| s.version_no == row.number)
            .cloned()
            .map(signature_view)
            .collect(),
    }
}

/// Every signature recorded on the plan's versions, by party.
async fn all_signatures<C: ConnectionTrait>(conn: &C, plan_id: i32) -> Result<Vec<plan_signature::Model>, AppError> {
    Ok(plan_signature::Entity::find()
        .filter(plan_signature::Column::PlanId.eq(plan_id))
        .order_by_asc(plan_signature::Column::Party)
        .all(conn)
        .await?)
}

/// The plan's signed versions, oldest first.
pub async fn list(caller: &AuthUser, state: &AppState, year: i32) -> Result<Vec<PlanVersionInfo>, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let row = plans::load(&state.db, year).await?;
    let rows = plan_version::Entity::find()
        .filter(plan_version::Column::PlanId.eq(row.id))
        .order_by_asc(plan_version::Column::Number)
        .all(&state.db)
        .await?;
    let signatures = all_signatures(&state.db, row.id).await?;
    Ok(rows.iter().map(|v| info(v, &signatures)).collect())
}

async fn load_version(state: &AppState, year: i32, number: i32) -> Result<plan_version::Model, AppError> {
    let row = plans::load(&state.db, year).await?;
    plan_version::Entity::find()
        .filter(plan_version::Column::PlanId.eq(row.id))
        .filter(plan_version::Column::Number.eq(number))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)
}

/// One signed version with its snapshot.
pub async fn get(caller: &AuthUser, state: &AppState, year: i32, number: i32) -> Result<PlanVersionDetail, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let row = load_version(state, year, number).await?;
    let signatures = all_signatures(&state.db, row.plan_id).await?;
    Ok(PlanVersionDetail {
        info: info(&row, &signatures),
        snapshot: row.snapshot,
    })
}

/// Activities added, removed and changed field by field between two versions.
/// `to` may also be the version in progress of an unsigned plan or an open
/// amendment: then the plan as it stands (every shared activity still in it)
/// is compared, so both parties see what the amendment would change.
pub async fn compare(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    from: i32,
    to: i32,
) -> Result<VersionComparison, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let lines = |value: &Value| -> BTreeMap<String, BTreeMap<String, Value>> {
        value["activities"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|a| {
                        let reference = a["reference"].as_str()?.to_owned();
                        let fields = a.as_object()?.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                        Some((reference, fields))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let snapshot = |text: &str| serde_json::from_str::<Value>(text).unwrap_or(Value::Null);
    let old = lines(&snapshot(&load_version(state, year, from).await?.snapshot));
    let plan_row = plans::load(&state.db, year).await?;
    let in_progress =
        to == version_in_progress(&plan_row) && !matches!(plan_row.state, PlanState::Signed | PlanState::Closed);
    let new = if in_progress {
        let rows = activity::Entity::find()
            .filter(activity::Column::PlanId.eq(plan_row.id))
            .filter(activity::Column::Reference.is_not_null())
            .order_by_asc(activity::Column::Reference)
            .all(&state.db)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|a| a.id).collect();
        let texts = super::activity_view::of(&state.db, &ids).await?;
        let current: Vec<Value> = rows
            .iter()
            .filter(|a| in_plan(a.consent))
            .map(|a| line(a, &texts))
            .collect();
        lines(&json!({ "activities": current }))
    } else {
        lines(&snapshot(&load_version(state, year, to).await?.snapshot))
    };
    let added: Vec<String> = new.keys().filter(|k| !old.contains_key(*k)).cloned().collect();
    let added_titles = added
        .iter()
        .map(|r| {
            let title = new[r].get("title").and_then(Value::as_str).unwrap_or_default();
            (r.clone(), title.to_owned())
        })
        .collect();
    let removed = old.keys().filter(|k| !new.contains_key(*k)).cloned().collect();
    let mut changed = Vec::new();
    for (reference, before) in &old {
        let Some(after) = new.get(reference) else { continue };
        for (field, value) in before {
            let next = after.get(field).cloned().unwrap_or(Value::Null);
            if &next != value {
                changed.push(FieldChange {
                    reference: reference.clone(),
                    field: field.clone(),
                    from: value.clone(),
                    to: next,
                });
            }
        }
    }
    Ok(VersionComparison {
        from,
        to,
        added,
        added_titles,
        removed,
        changed,
    })
}
