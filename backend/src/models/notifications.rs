//! Diplomatic notifications: the log both parties read. A party's
//! coordinator records a note its party sent; when it announces a change of
//! that party's competent authority, the change takes effect in the same
//! transaction (see [`super::authorities::take_effect`]). Receipt and
//! acknowledgement recorded later are the receiving party's word: only its
//! coordinators record them ([`rules::register::may_record_receipt`]).

use chrono::{NaiveDate, Utc};
use concord_shared::api::{NewNotification, Notification, NotificationReceipt, Page};
use concord_shared::rules::{self, Action, Scope};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryOrder, QuerySelect, Set,
};

use super::Check;
use crate::auth::AuthUser;
use crate::entities::notification;
use crate::error::AppError;
use crate::state::AppState;

/// The wire view of a notification.
pub fn view(row: &notification::Model) -> Notification {
    Notification {
        id: i64::from(row.id),
        sending_party: row.sending_party,
        note_number: row.note_number.clone(),
        subject: row.subject.clone(),
        sent_on: row.sent_on,
        received_on: row.received_on,
        acknowledged_on: row.acknowledged_on,
        acknowledgement: row.acknowledgement.clone(),
        authority: row.authority_id,
        effective_on: row.effective_on,
        recorded_by: row.recorded_by.clone(),
        recorded_at: row.recorded_at,
        version: row.version,
    }
}

/// Loads a notification (all are joint).
pub async fn load<C: ConnectionTrait>(conn: &C, id: i64) -> Result<notification::Model, AppError> {
    let Ok(id) = i32::try_from(id) else {
        return Err(AppError::NotFound);
    };
    notification::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
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
        items: rows.iter().map(view).collect(),
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
    Ok(rows.iter().map(view).collect())
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
    let tx = state.write().await?;
    let now = Utc::now();
    let row = notification::ActiveModel {
        sending_party: Set(caller.party),
        note_number: Set(new.note_number.trim().to_owned()),
        subject: Set(new.subject.trim().to_owned()),
        sent_on: Set(new.sent_on),
        received_on: Set(new.received_on),
        acknowledged_on: Set(new.acknowledged_on),
        acknowledgement: Set(super::non_empty(new.acknowledgement)),
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
    if let (Some(authority), Some(effective_on)) = (new.authority, new.effective_on) {
        super::authorities::take_effect(&*tx, caller, authority, effective_on, row.id).await?;
    }
    let after = view(&row);
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
    let row = load(&*tx, id).await?;
    let sender = row.sending_party;
    rules::register::may_record_receipt(caller.actor(), sender)?;
    if !crate::extract::version_matches(if_match, row.version) {
        return Err(AppError::PreconditionFailed { current: row.version });
    }
    let mut check = Check::default();
    check_receipt(&mut check, row.sent_on, &receipt);
    check.finish()?;
    let before = view(&row);
    let mut active = row.clone().into_active_model();
    active.received_on = Set(receipt.received_on);
    active.acknowledged_on = Set(receipt.acknowledged_on);
    active.acknowledgement = Set(super::non_empty(receipt.acknowledgement));
    active.updated_at = Set(Utc::now());
    let after = view(&super::versioned::update(&*tx, active, row.version).await?);
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
