//! Diplomatic notifications: the log both parties read. A party's
//! coordinator records a note its party sent; when it announces a change of
//! that party's competent authority, the change takes effect in the same
//! transaction (see [`super::authorities::take_effect`]). Receipt and
//! acknowledgement recorded later are the receiving party's word: only its
//! coordinators record them ([`rules::register::may_record_receipt`]).
//!
//! Two rows, two owners (docs/federation.md): the note (`notifications`)
//! is the sending party's, its receipt (`notification_receipts`) the
//! receiving party's; reads join them, and the wire's version is the sum of
//! the two rows' versions, so a write of either moves it.

use chrono::{NaiveDate, Utc};
use concord_shared::api::{NewNotification, Notification, NotificationReceipt, Page};
use concord_shared::rules::{self, Action, Scope};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::Check;
use crate::auth::AuthUser;
use crate::entities::{notification, notification_receipt};
use crate::error::AppError;
use crate::state::AppState;

/// A note and its receipt, if the receiving party recorded one.
pub type Row = (notification::Model, Option<notification_receipt::Model>);

/// The wire view of a notification.
pub fn view((note, receipt): &Row) -> Notification {
    Notification {
        id: i64::from(note.id),
        sending_party: note.sending_party,
        note_number: note.note_number.clone(),
        subject: note.subject.clone(),
        sent_on: note.sent_on,
        received_on: receipt.as_ref().and_then(|r| r.received_on),
        acknowledged_on: receipt.as_ref().and_then(|r| r.acknowledged_on),
        acknowledgement: receipt.as_ref().and_then(|r| r.acknowledgement.clone()),
        authority: note.authority_id,
        effective_on: note.effective_on,
        recorded_by: note.recorded_by.clone(),
        recorded_at: note.recorded_at,
        version: note.version + receipt.as_ref().map_or(0, |r| r.version),
    }
}

/// The notes with their receipts (the log is small: one query for each table).
pub async fn with_receipts<C: ConnectionTrait>(
    conn: &C,
    notes: Vec<notification::Model>,
) -> Result<Vec<Row>, AppError> {
    let receipts = notification_receipt::Entity::find()
        .filter(notification_receipt::Column::NotificationId.is_in(notes.iter().map(|n| n.id)))
        .all(conn)
        .await?;
    Ok(notes
        .into_iter()
        .map(|note| {
            let receipt = receipts.iter().find(|r| r.notification_id == note.id).cloned();
            (note, receipt)
        })
        .collect())
}

/// Loads a notification (all are joint).
pub async fn load<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Row, AppError> {
    fetch(conn, id, false).await
}

/// Loads a notification, its note locked when `lock` (in a write
/// transaction, so that writes of its receipt queue on the note).
async fn fetch<C: ConnectionTrait>(conn: &C, id: i64, lock: bool) -> Result<Row, AppError> {
    let Ok(id) = i32::try_from(id) else {
        return Err(AppError::NotFound);
    };
    let mut find = notification::Entity::find_by_id(id);
    if lock {
        find = find.lock_exclusive();
    }
    let note = find.one(conn).await?.ok_or(AppError::NotFound)?;
    let receipt = notification_receipt::Entity::find()
        .filter(notification_receipt::Column::NotificationId.eq(id))
        .one(conn)
        .await?;
    Ok((note, receipt))
}

/// A page of the log, newest first (limit 1–200).
pub async fn list(
    caller: &AuthUser,
    state: &AppState,
    offset: u64,
    limit: u64,
) -> Result<Page<Notification>, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let limit = limit.clamp(1, 200);
    let total = notification::Entity::find().count(&state.db).await?;
    let rows = notification::Entity::find()
        .order_by_desc(notification::Column::SentOn)
        .order_by_desc(notification::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(&state.db)
        .await?;
    Ok(Page {
        items: with_receipts(&state.db, rows).await?.iter().map(view).collect(),
        total,
        offset,
        limit,
    })
}

/// The whole log, newest first (for the exported files).
pub async fn all(caller: &AuthUser, state: &AppState) -> Result<Vec<Notification>, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let rows = notification::Entity::find()
        .order_by_desc(notification::Column::SentOn)
        .order_by_desc(notification::Column::Id)
        .all(&state.db)
        .await?;
    Ok(with_receipts(&state.db, rows).await?.iter().map(view).collect())
}

/// One notification.
pub async fn get(caller: &AuthUser, state: &AppState, id: i64) -> Result<Notification, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    Ok(view(&load(&state.db, id).await?))
}

/// Checks receipt and acknowledgement against the date sent.
fn check_receipt(check: &mut Check, sent_on: NaiveDate, receipt: &NotificationReceipt) {
    let today = Utc::now().date_naive();
    for (field, date) in [
        ("received_on", receipt.received_on),
        ("acknowledged_on", receipt.acknowledged_on),
    ] {
        match date {
            Some(d) if d < sent_on => check.fail(field, "before_sent", "not before the note was sent"),
            Some(d) if d > today => check.fail(field, "in_future", "may not be in the future"),
            _ => {}
        }
    }
    if let Some(text) = &receipt.acknowledgement {
        check.text("acknowledgement", text, 0, 1000);
    }
}

/// Records a note the caller's party sent (coordinators); a change of
/// competent authority it announces takes effect in the same transaction.
pub async fn record(caller: &AuthUser, state: &AppState, new: NewNotification) -> Result<Notification, AppError> {
    caller.require(Action::Coordinate, Scope::Joint)?;
    let today = Utc::now().date_naive();
    let mut check = Check::default();
    check.line("note_number", &new.note_number, 1, 100);
    check.text("subject", &new.subject, 1, 1000);
    if new.sent_on > today {
        check.fail("sent_on", "in_future", "the date sent may not be in the future");
    } else if new.sent_on < super::instruments::agreement_signed_on() {
        check.fail("sent_on", "too_early", "not before the Agreement's signature");
    }
    let receipt = NotificationReceipt {
        received_on: new.received_on,
        acknowledged_on: new.acknowledged_on,
        acknowledgement: new.acknowledgement.clone(),
    };
    check_receipt(&mut check, new.sent_on, &receipt);
    match (new.authority, new.effective_on) {
        (Some(_), None) => check.fail("effective_on", "required", "say when the announced change takes effect"),
        (None, Some(_)) => check.fail("authority", "required", "name the change that takes effect"),
        _ => {}
    }
    check.finish()?;
    let receiver = rules::register::receiving_party(caller.party);
    let with_receipt = receipt.received_on.is_some()
        || receipt.acknowledged_on.is_some()
        || super::non_empty(receipt.acknowledgement.clone()).is_some();
    crate::federation::owns(&state.settings, caller.party)?;
    if with_receipt {
        // The receipt is the receiving party's row: recorded with the note
        // only where one node serves both parties.
        crate::federation::owns(&state.settings, receiver)?;
    }
    let tx = state.write().await?;
    let now = Utc::now();
    let note = notification::ActiveModel {
        sending_party: Set(caller.party),
        note_number: Set(new.note_number.trim().to_owned()),
        subject: Set(new.subject.trim().to_owned()),
        sent_on: Set(new.sent_on),
        authority_id: Set(new.authority),
        effective_on: Set(new.effective_on),
        recorded_by: Set(caller.display_name.clone()),
        recorded_at: Set(now),
        version: Set(1),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&*tx)
    .await?;
    let receipt = if with_receipt {
        let mut row = notification_receipt::ActiveModel {
            notification_id: Set(note.id),
            party: Set(receiver),
            // Written with the note: no change of it yet.
            version: Set(0),
            ..Default::default()
        };
        fill_receipt(&mut row, caller, receipt);
        Some(row.insert(&*tx).await?)
    } else {
        None
    };
    if let (Some(authority), Some(effective_on)) = (new.authority, new.effective_on) {
        super::authorities::take_effect(&*tx, caller, authority, effective_on, note.id).await?;
    }
    let after = view(&(note, receipt));
    super::audit_change(
        &*tx,
        caller,
        "notification.record",
        after.id,
        Scope::Joint,
        None,
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Copies a receipt onto its row.
fn fill_receipt(row: &mut notification_receipt::ActiveModel, caller: &AuthUser, receipt: NotificationReceipt) {
    row.received_on = Set(receipt.received_on);
    row.acknowledged_on = Set(receipt.acknowledged_on);
    row.acknowledgement = Set(super::non_empty(receipt.acknowledgement));
    row.recorded_by = Set(caller.display_name.clone());
    row.recorded_at = Set(Utc::now());
}

/// Records receipt and acknowledgement at the version read (the receiving party's coordinators).
pub async fn receipt(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    if_match: i64,
    receipt: NotificationReceipt,
) -> Result<Notification, AppError> {
    caller.require(Action::Coordinate, Scope::Joint)?;
    let tx = state.write().await?;
    let (note, current) = fetch(&*tx, id, true).await?;
    let sender = note.sending_party;
    rules::register::may_record_receipt(caller.actor(), sender)?;
    crate::federation::owns(&state.settings, caller.party)?;
    let before = view(&(note.clone(), current.clone()));
    if !crate::extract::version_matches(if_match, before.version) {
        return Err(AppError::PreconditionFailed {
            current: before.version,
        });
    }
    let mut check = Check::default();
    check_receipt(&mut check, note.sent_on, &receipt);
    check.finish()?;
    let written = match current {
        Some(row) => {
            let version = row.version;
            let mut active = row.into_active_model();
            fill_receipt(&mut active, caller, receipt);
            super::versioned::update(&*tx, active, version).await?
        }
        None => {
            let mut active = notification_receipt::ActiveModel {
                notification_id: Set(note.id),
                party: Set(caller.party),
                version: Set(1),
                ..Default::default()
            };
            fill_receipt(&mut active, caller, receipt);
            active.insert(&*tx).await?
        }
    };
    let after = view(&(note, Some(written)));
    super::audit_change(
        &*tx,
        caller,
        "notification.receipt",
        after.id,
        Scope::Joint,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}
