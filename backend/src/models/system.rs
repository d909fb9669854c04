//! What the command line does with the operator's authority: creating and
//! disabling users, and the demo data. Every change is audited with the
//! actor "command line".

use chrono::Utc;
use concord_shared::api::{NewUser, UserView};
use concord_shared::rules::Scope;
use concord_shared::{Party, Role};
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set};
use serde_json::json;

use super::users::view;
use crate::audit::{self, Event};
use crate::entities::user;
use crate::error::AppError;
use crate::state::AppState;

fn operator() -> audit::Actor {
    audit::Actor::anonymous("command line")
}

/// Creates a user; the password is checked like any other.
pub async fn create_user(
    state: &AppState,
    party: Party,
    role: Role,
    username: &str,
    display_name: &str,
    position: &str,
    password_text: String,
) -> Result<UserView, AppError> {
    let new = NewUser {
        username: username.to_owned(),
        display_name: display_name.to_owned(),
        position: position.to_owned(),
        role,
        password: password_text,
    };
    super::users::insert(state, &operator(), party, new).await
}

/// Disables a user by name, ending their sessions and tokens.
pub async fn disable_user(state: &AppState, username: &str) -> Result<UserView, AppError> {
    let username = username.trim().to_lowercase();
    let tx = state.write().await?;
    let row = user::Entity::find()
        .filter(user::Column::Username.eq(&username))
        .one(&*tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let party = row.party;
    let before = view(&row);
    let id = row.id;
    let version = row.version;
    let mut active = row.into_active_model();
    active.disabled = Set(true);
    active.updated_at = Set(Utc::now());
    let updated = super::versioned::update(&*tx, active, version).await?;
    super::users::end_access(&*tx, id, None).await?;
    super::users::revoke_tokens_of(&*tx, id).await?;
    let after = view(&updated);
    audit::append(
        &*tx,
        Event {
            actor: &operator(),
            action: "user.disable",
            entity_type: "user",
            entity_id: Some(id.to_string()),
            scope: Scope::Private(party),
            before: Some(json!(before)),
            after: Some(json!(after)),
        },
    )
    .await?;
    tx.commit().await?;
    state.sessions.invalidate();
    Ok(after)
}

/// How many users exist.
pub async fn user_count(state: &AppState) -> Result<u64, AppError> {
    Ok(user::Entity::find().count(&state.db).await?)
}

/// The demo users: one per party and role, named `<party>.<role>`.
pub fn demo_users() -> Vec<(Party, Role, String, &'static str, &'static str)> {
    let mut users = Vec::new();
    for party in Party::ALL {
        for role in Role::ALL {
            let (name, position) = match (party, role) {
                (Party::Az, Role::Viewer) => (
                    "Leyla Məmmədova",
                    "Analyst, International Military Cooperation Department",
                ),
                (Party::Az, Role::Planner) => (
                    "Major Rəşad Əliyev",
                    "Planning Officer, International Military Cooperation Department",
                ),
                (Party::Az, Role::Coordinator) => ("Colonel Elçin Hüseynov", "Head of Bilateral Cooperation Division"),
                (Party::Az, Role::Administrator) => ("Nigar Quliyeva", "Information Systems Administrator"),
                (Party::Ge, Role::Viewer) => ("Nino Beridze", "Analyst, Defence Policy and Development Department"),
                (Party::Ge, Role::Planner) => (
                    "Major Giorgi Kapanadze",
                    "Planning Officer, International Relations Department",
                ),
                (Party::Ge, Role::Coordinator) => ("Colonel Davit Lomidze", "Head of Bilateral Cooperation Division"),
                (Party::Ge, Role::Administrator) => ("Tamar Gelashvili", "Information Systems Administrator"),
            };
            users.push((
                *party,
                *role,
                format!("{}.{}", party.code(), role.code()),
                name,
                position,
            ));
        }
    }
    users
}

/// Creates the demo users that do not exist yet (on a party's node, that
/// party's only); returns the names created.
pub async fn seed_demo_users(state: &AppState, password_text: &str) -> Result<Vec<String>, AppError> {
    let mut created = Vec::new();
    for (party, role, username, name, position) in demo_users() {
        if crate::federation::serves(&state.settings, party).is_err()
            || user::Entity::find()
                .filter(user::Column::Username.eq(&username))
                .one(&state.db)
                .await?
                .is_some()
        {
            continue;
        }
        create_user(state, party, role, &username, name, position, password_text.to_owned()).await?;
        created.push(username);
    }
    Ok(created)
}
