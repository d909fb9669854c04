//! The user's own language of the interface, stored on the server so that it
//! follows the person to another machine and into what the server writes for
//! them (alert e-mails, PDF and CSV exports).

use concord_shared::Lang;
use concord_shared::api::{LanguageChoice, Me};
use concord_shared::rules::{Scope, roles};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::json;

use crate::audit::{self, Event};
use crate::auth::AuthUser;
use crate::entities::user;
use crate::error::AppError;
use crate::state::AppState;

/// Stores the caller's language; answers who the caller now is.
pub async fn set(caller: &AuthUser, state: &AppState, choice: LanguageChoice) -> Result<Me, AppError> {
    roles::may_choose_language(caller.user_id.is_some())?;
    let user_id = caller.user_id.ok_or(AppError::Unauthorized)?;
    let tx = state.write().await?;
    let row = user::Entity::find_by_id(user_id)
        .one(&*tx)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let before = row.language;
    if before != Some(choice.language) {
        // Not a versioned write: the person's own preference, set whole, and
        // not part of what an administrator edits under the user's ETag (so
        // a switch of language never makes an administrator's save stale).
        let mut active = row.into_active_model();
        active.language = Set(Some(choice.language));
        active.update(&*tx).await?;
        audit::append(
            &*tx,
            Event {
                actor: &caller.audit_actor(),
                action: "user.language",
                entity_type: "user",
                entity_id: Some(user_id.to_string()),
                scope: Scope::Private(caller.party),
                before: Some(json!({ "language": before })),
                after: Some(json!({ "language": choice.language })),
            },
        )
        .await?;
    }
    tx.commit().await?;
    super::sessions::me(caller, state).await
}

/// The language the server writes in for a caller: the one asked for, else
/// the user's stored one, else English (and English for a token).
pub async fn for_caller(caller: &AuthUser, state: &AppState, asked: Option<Lang>) -> Result<Lang, AppError> {
    if let Some(lang) = asked {
        return Ok(lang);
    }
    let Some(user_id) = caller.user_id else {
        return Ok(Lang::default());
    };
    let row = user::Entity::find_by_id(user_id).one(&state.db).await?;
    Ok(row.and_then(|u| u.language).unwrap_or_default())
}
