//! Each party's consent on an activity is a row of its own
//! (`activity_consents`, docs/federation.md): a coordinator's decision
//! writes only their party's row, naming the substance revision decided on;
//! the activity's consents are derived from the two rows by
//! `rules::consents`, never written by hand for the other party.

use chrono::Utc;
use concord_shared::Party;
use concord_shared::plan::PartyConsent;
use concord_shared::rules::consents::{self as rule, Consents, Decision};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::auth::AuthUser;
use crate::config::Settings;
use crate::entities::{activity, activity_consent};
use crate::error::AppError;

/// The two parties' rows of an activity (AZ's, GE's).
async fn rows<C: ConnectionTrait>(
    conn: &C,
    activity_id: i32,
) -> Result<(Option<activity_consent::Model>, Option<activity_consent::Model>), AppError> {
    let rows = activity_consent::Entity::find()
        .filter(activity_consent::Column::ActivityId.eq(activity_id))
        .all(conn)
        .await?;
    let of = |party: Party| rows.iter().find(|r| r.party == party).cloned();
    Ok((of(Party::Az), of(Party::Ge)))
}

fn decision(row: Option<&activity_consent::Model>) -> Option<Decision> {
    row.map(|r| Decision {
        consent: r.state,
        revision: r.accepted_revision,
    })
}

/// The consents of `row` (its sharing, withdrawal and substance revision as
/// they are now) from the two parties' rows.
pub async fn derive<C: ConnectionTrait>(conn: &C, row: &activity::Model) -> Result<Consents, AppError> {
    let (az, ge) = rows(conn, row.id).await?;
    Ok(of(row, az.as_ref(), ge.as_ref()))
}

/// [`derive`] over rows read already (`rows`: any activities' rows).
pub fn derive_from(row: &activity::Model, rows: &[activity_consent::Model]) -> Consents {
    let of_party = |party: Party| rows.iter().find(|r| r.activity_id == row.id && r.party == party);
    of(row, of_party(Party::Az), of_party(Party::Ge))
}

fn of(row: &activity::Model, az: Option<&activity_consent::Model>, ge: Option<&activity_consent::Model>) -> Consents {
    rule::consents(
        row.shared,
        row.withdrawn,
        row.substance_revision,
        decision(az),
        decision(ge),
    )
}

/// Records the caller's party's decision on `row` at its current substance
/// revision (its own row, made or rewritten); on a party's node, only that
/// party's.
pub async fn decide<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    caller: &AuthUser,
    row: &activity::Model,
    consent: PartyConsent,
    reason_comment_id: Option<i32>,
) -> Result<(), AppError> {
    crate::federation::owns(settings, caller.party)?;
    let existing = activity_consent::Entity::find()
        .filter(activity_consent::Column::ActivityId.eq(row.id))
        .filter(activity_consent::Column::Party.eq(caller.party))
        .one(conn)
        .await?;
    let mut active = match existing {
        Some(existing) => existing.into_active_model(),
        None => activity_consent::ActiveModel {
            activity_id: Set(row.id),
            party: Set(caller.party),
            ..Default::default()
        },
    };
    active.state = Set(consent);
    active.accepted_revision = Set(row.substance_revision);
    active.reason_comment_id = Set(reason_comment_id);
    active.decided_by = Set(caller.display_name.clone());
    active.decided_at = Set(Utc::now());
    active.save(conn).await?;
    Ok(())
}
