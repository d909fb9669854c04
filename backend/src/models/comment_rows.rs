//! Writing and showing one comment row: shared by the discussion
//! (`comments.rs`) and by consent decisions, which record their reason as a
//! comment (`activities.rs`), so that neither imports the other.

use chrono::Utc;
use concord_shared::api::Comment;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};

use crate::auth::AuthUser;
use crate::config::Settings;
use crate::entities::{comment, user};
use crate::error::AppError;

/// A stored comment as the API shows it.
pub fn view(row: comment::Model) -> Comment {
    Comment {
        id: row.public_id,
        party: row.party,
        author: row.author_name,
        position: row.author_position,
        body: row.body,
        kind: row.kind,
        created_at: row.created_at,
    }
}

/// Stores a comment or note by the caller (inside the caller's transaction);
/// on a party's node, only that party's (docs/federation.md).
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    caller: &AuthUser,
    activity_id: i32,
    body: &str,
    kind: &str,
    internal: bool,
) -> Result<Comment, AppError> {
    Ok(view(
        insert_row(conn, settings, caller, activity_id, body, kind, internal).await?,
    ))
}

/// [`insert`], answering the stored row.
pub async fn insert_row<C: ConnectionTrait>(
    conn: &C,
    settings: &Settings,
    caller: &AuthUser,
    activity_id: i32,
    body: &str,
    kind: &str,
    internal: bool,
) -> Result<comment::Model, AppError> {
    crate::federation::owns(settings, caller.party)?;
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
        party: Set(caller.party),
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
    Ok(row)
}
