//! `sessions`: server-side browser sessions. The cookie carries a secret;
//! only its SHA-256 is stored.

use sea_orm::entity::prelude::*;

/// One sign-in.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Id shown to the user (not the secret).
    #[sea_orm(unique)]
    pub public_id: String,
    /// SHA-256 (hex) of the cookie's secret.
    #[sea_orm(unique)]
    pub token_hash: String,
    /// The user.
    pub user_id: i32,
    /// Signed in.
    pub created_at: DateTimeUtc,
    /// Last request (for the idle timeout).
    pub last_seen_at: DateTimeUtc,
    /// Absolute end.
    pub expires_at: DateTimeUtc,
    /// Browser.
    pub user_agent: Option<String>,
    /// Client address.
    pub ip: Option<String>,
}

/// A session belongs to a user (loaded together on every request).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The signed-in user.
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::UserId",
        to = "super::user::Column::Id"
    )]
    User,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
