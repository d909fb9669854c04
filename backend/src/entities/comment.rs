//! `comments`: comments on activities (both parties) and internal notes (one party).

use concord_shared::Party;
use sea_orm::entity::prelude::*;

/// A comment or an internal note.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "comments")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Random id used on the wire (row ids would reveal the other party's notes).
    #[sea_orm(unique)]
    pub public_id: i64,
    /// The activity.
    pub activity_id: i32,
    /// The author's party.
    pub party: Party,
    /// The author.
    pub author_id: Option<i32>,
    /// The author's display name.
    pub author_name: String,
    /// The author's position.
    pub author_position: String,
    /// Text.
    pub body: String,
    /// `comment`, `note`, or a consent decision.
    pub kind: String,
    /// An internal note: only the author's party sees it.
    pub internal: bool,
    /// When.
    pub created_at: DateTimeUtc,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
