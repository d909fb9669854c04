//! Each party's side of an instrument (its signatory, their position, its
//! internal procedures): a row of that party's own (`instrument_sides`,
//! docs/federation.md), written only where the party's node is. A side
//! nobody recorded has no row. A leaf of the models: `instruments` calls it.

use chrono::Utc;
use concord_shared::Party;
use concord_shared::api::InstrumentSide;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::config::Settings;
use crate::entities::instrument_side;
use crate::error::AppError;

/// `party`'s side among an instrument's side rows (empty when it has none).
pub fn view(sides: &[instrument_side::Model], party: Party) -> InstrumentSide {
    sides
        .iter()
        .find(|s| s.party == party)
        .map(|s| InstrumentSide {
            signatory: s.signatory.clone(),
            signatory_position: s.signatory_position.clone(),
            procedures_completed_on: s.procedures_on,
            procedures: s.procedures.clone(),
        })
        .unwrap_or_default()
}

/// A side as it is stored: blank texts are none.
fn stored(side: &InstrumentSide) -> InstrumentSide {
    InstrumentSide {
        signatory: super::non_empty(side.signatory.clone()),
        signatory_position: super::non_empty(side.signatory_position.clone()),
        procedures_completed_on: side.procedures_completed_on,
        procedures: super::non_empty(side.procedures.clone()),
    }
}

/// The side rows of these instruments.
pub async fn of<C: ConnectionTrait>(
    conn: &C,
    instruments: impl IntoIterator<Item = i32>,
) -> Result<Vec<instrument_side::Model>, AppError> {
    Ok(instrument_side::Entity::find()
        .filter(instrument_side::Column::InstrumentId.is_in(instruments))
        .all(conn)
        .await?)
}

/// Whether `side` would change `party`'s side among `sides`.
pub fn changes(sides: &[instrument_side::Model], party: Party, side: &InstrumentSide) -> bool {
    stored(side) != view(sides, party)
}

/// Writes `party`'s side of an instrument when it changes (its row made
/// if it has none); refused with `foreign_row` on the other party's node.
/// A side written `with_instrument` starts at version 0 (the instrument's
/// own version counts its recording); later, each change adds one.
pub async fn write<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    instrument_id: i32,
    sides: &[instrument_side::Model],
    party: Party,
    side: &InstrumentSide,
    with_instrument: bool,
) -> Result<Option<instrument_side::Model>, AppError> {
    if !changes(sides, party, side) {
        return Ok(None);
    }
    crate::federation::owns(settings, party)?;
    let side = stored(side);
    let current = sides.iter().find(|s| s.party == party).cloned();
    let version = current.as_ref().map(|s| s.version);
    let mut active = match current {
        Some(row) => row.into_active_model(),
        None => instrument_side::ActiveModel {
            instrument_id: Set(instrument_id),
            party: Set(party),
            version: Set(if with_instrument { 0 } else { 1 }),
            ..Default::default()
        },
    };
    active.signatory = Set(side.signatory);
    active.signatory_position = Set(side.signatory_position);
    active.procedures_on = Set(side.procedures_completed_on);
    active.procedures = Set(side.procedures);
    active.updated_at = Set(Utc::now());
    Ok(Some(match version {
        Some(version) => super::versioned::update(conn, active, version).await?,
        None => active.insert(conn).await?,
    }))
}
