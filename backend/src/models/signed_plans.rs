//! The register's entries of signed plans: when a plan version receives
//! its second signature, the signing transaction adds it to the register
//! (`models/versions.rs` calls it).

use chrono::Utc;
use concord_shared::api::{InstrumentKind, InstrumentSide, Signature};
use concord_shared::rules::Scope;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;

use super::instrument_sides as sides;
use super::instruments::view;
use crate::auth::AuthUser;
use crate::entities::{instrument, plan};
use crate::error::AppError;

/// Links a plan version whose second signature was just recorded, in the
/// signing transaction: an annual plan (version 1) or an amendment, in force
/// from the later signature, related to the Agreement and to the plan's
/// earlier signed versions. Each party's signatory goes to its side; on a
/// party node only this node's party's side is written here (the other's
/// is its own coordinators' to record on its node).
pub async fn link_signed_plan<C: ConnectionTrait>(
    conn: &C,
    settings: &crate::config::Settings,
    caller: &AuthUser,
    plan_row: &plan::Model,
    number: i32,
    signatures: &[Signature],
) -> Result<(), AppError> {
    let signed_on = signatures.iter().map(|s| s.signed_on).max();
    let mut places: Vec<String> = signatures.iter().map(|s| s.place.clone()).collect();
    places.dedup();
    let mut related: Vec<i64> = instrument::Entity::find()
        .filter(instrument::Column::Kind.eq(InstrumentKind::BaseAgreement))
        .all(conn)
        .await?
        .iter()
        .map(|r| i64::from(r.id))
        .collect();
    related.extend(
        instrument::Entity::find()
            .filter(instrument::Column::PlanYear.eq(plan_row.year))
            .filter(instrument::Column::PlanVersion.lt(number))
            .order_by_asc(instrument::Column::PlanVersion)
            .all(conn)
            .await?
            .iter()
            .map(|r| i64::from(r.id)),
    );
    let (kind, title) = if number == 1 {
        (
            InstrumentKind::AnnualPlan,
            format!("Annual co-operation plan for {}", plan_row.year),
        )
    } else {
        (
            InstrumentKind::PlanAmendment,
            format!(
                "Amendment {} to the annual co-operation plan for {}",
                number - 1,
                plan_row.year
            ),
        )
    };
    let now = Utc::now();
    let row = instrument::ActiveModel {
        kind: Set(kind),
        title: Set(title),
        number: Set(None),
        signed_on: Set(signed_on),
        signed_at: Set(Some(places.join(" / ")).filter(|p| !p.is_empty())),
        in_force_on: Set(signed_on),
        related: Set(json!(related).to_string()),
        plan_year: Set(Some(plan_row.year)),
        plan_version: Set(Some(number)),
        recorded_party: Set(caller.party),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let mut side_rows = Vec::new();
    for signature in signatures {
        if crate::federation::owns(settings, signature.party).is_err() {
            continue;
        }
        let side = InstrumentSide {
            signatory: Some(signature.signatory.clone()),
            signatory_position: Some(signature.position.clone()),
            ..Default::default()
        };
        side_rows.extend(sides::write(conn, settings, row.id, &[], signature.party, &side, true).await?);
    }
    super::audit_change(
        conn,
        caller,
        "instrument.link_plan",
        i64::from(row.id),
        Scope::Joint,
        None,
        Some(&view(&(row, side_rows))),
    )
    .await
}
