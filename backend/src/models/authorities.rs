//! The parties' competent authorities over time. A change is entered as
//! *pending* by a coordinator of its party and stays that party's private
//! business until a diplomatic notification announcing it is recorded; it
//! then takes effect on the notification's date, never before the day the
//! notification is recorded.

use chrono::{NaiveDate, Utc};
use concord_shared::Labels;
use concord_shared::api::{Authority, AuthorityChange};
use concord_shared::rules::{self, Action, Scope};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel, ModelTrait, QueryFilter,
    QueryOrder, Set,
};

use super::Check;
use crate::auth::AuthUser;
use crate::entities::{competent_authority, document};
use crate::error::AppError;
use crate::state::AppState;

/// Who may see an entry: its party alone while pending, else both.
pub fn scope_of(row: &competent_authority::Model) -> Scope {
    rules::visibility::authority_scope(row.party, row.pending)
}

/// The entry's id on the wire.
fn wire_id(row: &competent_authority::Model) -> i64 {
    row.public_id.unwrap_or(i64::from(row.id))
}

/// The wire view of an entry.
pub fn view(row: &competent_authority::Model) -> Authority {
    Authority {
        id: wire_id(row),
        party: row.party,
        name: Labels {
            en: row.name_en.clone(),
            az: row.name_az.clone(),
            ka: row.name_ka.clone(),
        },
        valid_from: row.valid_from,
        valid_to: row.valid_to,
        pending: row.pending,
        notification: row.notification_id.map(i64::from),
        version: row.version,
    }
}

/// Loads an entry the caller may see (a pending change of the other party is 404).
pub async fn load<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    id: i64,
) -> Result<competent_authority::Model, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let row = competent_authority::Entity::find()
        .filter(competent_authority::Column::PublicId.eq(id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    caller.require(Action::Read, scope_of(&row))?;
    Ok(row)
}

/// Both parties' authorities in force over time, and the caller's party's pending changes.
pub async fn list(caller: &AuthUser, state: &AppState) -> Result<Vec<Authority>, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let rows = competent_authority::Entity::find()
        .filter(
            Condition::any()
                .add(competent_authority::Column::Pending.eq(false))
                .add(competent_authority::Column::Party.eq(caller.party)),
        )
        .order_by_asc(competent_authority::Column::Party)
        .order_by_asc(competent_authority::Column::Pending)
        .order_by_asc(competent_authority::Column::ValidFrom)
        .all(&state.db)
        .await?;
    Ok(rows.iter().map(view).collect())
}

/// One entry.
pub async fn get(caller: &AuthUser, state: &AppState, id: i64) -> Result<Authority, AppError> {
    Ok(view(&load(&state.db, caller, id).await?))
}

fn check(change: &AuthorityChange) -> Result<(), AppError> {
    let mut check = Check::default();
    check.line("name.en", &change.name.en, 1, 300);
    check.line("name.az", &change.name.az, 1, 300);
    check.line("name.ka", &change.name.ka, 1, 300);
    if change.valid_from < super::instruments::agreement_signed_on() {
        check.fail("valid_from", "too_early", "no change before the Agreement's signature");
    }
    check.finish()
}

/// Enters a pending change of the caller's party's competent authority (coordinators).
pub async fn propose(caller: &AuthUser, state: &AppState, change: AuthorityChange) -> Result<Authority, AppError> {
    let scope = Scope::Private(caller.party);
    caller.require(Action::Coordinate, scope)?;
    check(&change)?;
    crate::federation::owns(&state.settings, caller.party)?;
    let tx = state.write().await?;
    let row = competent_authority::ActiveModel {
        party: Set(caller.party),
        name_en: Set(change.name.en.trim().to_owned()),
        name_az: Set(change.name.az.trim().to_owned()),
        name_ka: Set(change.name.ka.trim().to_owned()),
        valid_from: Set(change.valid_from),
        valid_to: Set(None),
        public_id: Set(Some(crate::auth::secrets::new_public_number())),
        pending: Set(true),
        notification_id: Set(None),
        version: Set(1),
        ..Default::default()
    }
    .insert(&*tx)
    .await?;
    let after = view(&row);
    super::audit_change(&*tx, caller, "authority.propose", after.id, scope, None, Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

/// Loads a pending change of the caller's party for a write at `if_match`.
async fn load_pending<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    id: i64,
    if_match: i64,
) -> Result<competent_authority::Model, AppError> {
    let row = load(conn, caller, id).await?;
    if !crate::extract::version_matches(if_match, row.version) {
        return Err(AppError::PreconditionFailed { current: row.version });
    }
    rules::register::may_change_authority(caller.actor(), row.party, row.pending)?;
    Ok(row)
}

/// Changes a pending change (its party's coordinators).
pub async fn update(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    if_match: i64,
    change: AuthorityChange,
) -> Result<Authority, AppError> {
    check(&change)?;
    let tx = state.write().await?;
    let row = load_pending(&*tx, caller, id, if_match).await?;
    let before = view(&row);
    let mut active = row.clone().into_active_model();
    active.name_en = Set(change.name.en.trim().to_owned());
    active.name_az = Set(change.name.az.trim().to_owned());
    active.name_ka = Set(change.name.ka.trim().to_owned());
    active.valid_from = Set(change.valid_from);
    let after = view(&super::versioned::update(&*tx, active, row.version).await?);
    super::audit_change(
        &*tx,
        caller,
        "authority.update",
        id,
        scope_of(&row),
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Drops a pending change never notified, with its documents' records (its party's coordinators).
pub async fn delete(caller: &AuthUser, state: &AppState, id: i64, if_match: i64) -> Result<(), AppError> {
    let tx = state.write().await?;
    let row = load_pending(&*tx, caller, id, if_match).await?;
    let before = view(&row);
    let documents = document::Entity::find()
        .filter(document::Column::OwnerType.eq("authority"))
        .filter(document::Column::OwnerId.eq(id))
        .all(&*tx)
        .await?;
    document::Entity::delete_many()
        .filter(document::Column::OwnerType.eq("authority"))
        .filter(document::Column::OwnerId.eq(id))
        .exec(&*tx)
        .await?;
    for document in &documents {
        super::document_blobs::release(&*tx, document.uploaded_party, &document.sha256).await?;
    }
    let scope = scope_of(&row);
    row.delete(&*tx).await?;
    super::audit_change(&*tx, caller, "authority.delete", id, scope, Some(&before), None).await?;
    tx.commit().await?;
    Ok(())
}

/// Makes a pending change of the caller's party take effect, in the
/// transaction that records its notification: from the notification's date,
/// but never before today (the day the notification is recorded). The
/// authority in force until then ends that day. Returns the date it takes effect.
pub async fn take_effect<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    id: i64,
    effective_on: NaiveDate,
    notification_id: i32,
) -> Result<NaiveDate, AppError> {
    let not_pending = || {
        Check::error(
            "authority",
            "not_pending",
            "name a pending change of your own party's competent authority",
        )
    };
    let row = competent_authority::Entity::find()
        .filter(competent_authority::Column::PublicId.eq(id))
        .one(conn)
        .await?
        .ok_or_else(not_pending)?;
    // The rule decides; its refusal names the field of the notification.
    if rules::register::may_change_authority(caller.actor(), row.party, row.pending).is_err() {
        return Err(not_pending());
    }
    let from = effective_on.max(Utc::now().date_naive());
    let open = competent_authority::Entity::find()
        .filter(competent_authority::Column::Party.eq(caller.party))
        .filter(competent_authority::Column::Pending.eq(false))
        .filter(competent_authority::Column::ValidTo.is_null())
        .all(conn)
        .await?;
    for current in open {
        if current.valid_from >= from {
            return Err(Check::error(
                "effective_on",
                "too_early",
                format!(
                    "the authority in force since {} must end first; give a later date",
                    current.valid_from
                ),
            ));
        }
        let before = view(&current);
        let version = current.version;
        let mut ended = current.into_active_model();
        ended.valid_to = Set(Some(from));
        let after = view(&super::versioned::update(conn, ended, version).await?);
        super::audit_change(
            conn,
            caller,
            "authority.end",
            after.id,
            Scope::Joint,
            Some(&before),
            Some(&after),
        )
        .await?;
    }
    let before = view(&row);
    let version = row.version;
    let mut active = row.into_active_model();
    active.pending = Set(false);
    active.valid_from = Set(from);
    active.notification_id = Set(Some(notification_id));
    let after = view(&super::versioned::update(conn, active, version).await?);
    super::sharing::documents(conn, concord_shared::api::DocumentOwner::Authority, id, caller.party).await?;
    super::audit_change(
        conn,
        caller,
        "authority.take_effect",
        after.id,
        Scope::Joint,
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(from)
}
