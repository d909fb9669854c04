//! Comments (both parties) and internal notes (the author's party only) on activities.

use concord_shared::api::{Comment, NewComment};
use concord_shared::rules::visibility::comment_scope;
use concord_shared::rules::{Action, Scope};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

use super::Check;
use super::activities::{load, scope_of};
use super::comment_rows::{insert, view};
use crate::audit::{self, Event};
use crate::auth::AuthUser;
use crate::entities::comment;
use crate::error::AppError;
use crate::state::AppState;

/// Comments (not notes) on an activity the caller may see, oldest first.
pub async fn list(caller: &AuthUser, state: &AppState, id: i64, internal: bool) -> Result<Vec<Comment>, AppError> {
    let (row, _) = load(&state.db, caller, id).await?;
    let mut query = comment::Entity::find()
        .filter(comment::Column::ActivityId.eq(row.id))
        .filter(comment::Column::Internal.eq(internal));
    if internal {
        query = query.filter(comment::Column::Party.eq(caller.party));
    }
    let rows = query.order_by_asc(comment::Column::Id).all(&state.db).await?;
    Ok(rows.into_iter().map(view).collect())
}

/// Adds a comment (visible to whoever sees the activity) or an internal
/// note (visible only to the caller's party). Planners and above.
pub async fn add(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    new: NewComment,
    internal: bool,
) -> Result<Comment, AppError> {
    let tx = state.write().await?;
    let (row, _) = load(&*tx, caller, id).await?;
    caller.require(Action::Plan, Scope::Private(caller.party))?;
    let mut check = Check::default();
    check.text("body", &new.body, 1, 4000);
    check.finish()?;
    // Whoever comments on a draft never shared could only have meant their
    // own ministry: such a comment is an internal note of their party, and
    // stays one after the draft is shared (the reference marks a first sharing).
    let internal = internal || row.reference.is_none();
    let kind = if internal { "note" } else { "comment" };
    let created = insert(&*tx, &state.settings, caller, row.id, new.body.trim(), kind, internal).await?;
    let scope = comment_scope(caller.party, internal, scope_of(&row));
    audit::append(
        &*tx,
        Event {
            actor: &caller.audit_actor(),
            action: if internal { "activity.note" } else { "activity.comment" },
            entity_type: "activity",
            entity_id: Some(row.public_id.to_string()),
            scope,
            before: None,
            after: Some(json!(created)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(created)
}
