//! `calendar_feeds`: a user's secret iCalendar URLs; only the secret's SHA-256 is stored.

use sea_orm::entity::prelude::*;

/// One calendar feed of one user.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calendar_feeds")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Id shown in lists.
    #[sea_orm(unique)]
    pub public_id: String,
    /// SHA-256 (hex) of the secret.
    #[sea_orm(unique)]
    pub secret_hash: String,
    /// Whose feed it is: it shows what this user may see, as they are now.
    pub user_id: i32,
    /// What it is for (e.g. the calendar program).
    pub name: String,
    /// Created.
    pub created_at: DateTimeUtc,
    /// Last read.
    pub last_used_at: Option<DateTimeUtc>,
    /// Revoked.
    pub revoked_at: Option<DateTimeUtc>,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
