//! Comments (both parties) and internal notes (the author's party only) on activities.

use chrono::Utc;
use concord_shared::Party;
use concord_shared::api::{Comment, NewComment};
use concord_shared::rules::visibility::comment_scope;
use concord_shared::rules::{Action, Scope};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;

use super::Check;
use super::activities::{load, scope_of};
use crate::audit::{self, Event};
use crate::auth::AuthUser;
use crate::entities::{comment, user};
use crate::error::AppError;
use crate::state::AppState;

fn view(row: comment::Model) -> Comment {
    Comment {
        id: row.public_id,
        party: row.party.parse().unwrap_or(Party::Az),
        author: row.author_name,
        position: row.author_position,
        body: row.body,
        kind: row.kind,
        created_at: row.created_at,
    }
}

/// Stores a comment or note by the caller (inside the caller's transaction).
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    caller: &AuthUser,
    activity_id: i32,
    body: &str,
    kind: &str,
    internal: bool,
) -> Result<Comment, AppError> {
    let position = match caller.user_id {
        Some(id) => user::Entity::find_by_id(id)
            .one(conn)
            .await?
            .map(|u| u.position)
            .unwrap_or_default(),
        None => "API".to_owned(),
    };
    let row = comment::ActiveModel {
        public_id: Set(crate::auth::secrets::new_public_number()),
        activity_id: Set(activity_id),
        party: Set(caller.party.code().to_owned()),
        author_id: Set(caller.user_id),
        author_name: Set(caller.display_name.clone()),
        author_position: Set(position),
        body: Set(body.to_owned()),
        kind: Set(kind.to_owned()),
        internal: Set(internal),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(view(row))
}

/// Comments (not notes) on an activity the caller may see, oldest first.
pub async fn list(caller: &AuthUser, state: &AppState, id: i64, internal: bool) -> Result<Vec<Comment>, AppError> {
    let (row, _) = load(&state.db, caller, id).await?;
    let mut query = comment::Entity::find()
        .filter(comment::Column::ActivityId.eq(row.id))
        .filter(comment::Column::Internal.eq(internal));
    if internal {
        query = query.filter(comment::Column::Party.eq(caller.party.code()));
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
    let kind = if internal { "note" } else { "comment" };
    let created = insert(&*tx, caller, row.id, new.body.trim(), kind, internal).await?;
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
