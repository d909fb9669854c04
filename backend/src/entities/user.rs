//! `users`: the staff of both ministries.

use concord_shared::Role;
use concord_shared::{Lang, Party};
use sea_orm::entity::prelude::*;

/// A user of one party with one role.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Party code.
    pub party: Party,
    /// Role code.
    pub role: Role,
    /// Unique, lowercase.
    #[sea_orm(unique)]
    pub username: String,
    /// Shown to people.
    pub display_name: String,
    /// Rank and post.
    pub position: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// May no longer sign in.
    pub disabled: bool,
    /// The user's language of the interface; none until chosen.
    pub language: Option<Lang>,
    /// Optimistic-concurrency version (the ETag).
    pub version: i64,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Last changed.
    pub updated_at: DateTimeUtc,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
