//! `activity_texts`: an activity's title and description in one language,
//! owned by one party (`az`: AZ, `ka`: GE, `en`: the proposer).

use concord_shared::{Lang, Party};
use sea_orm::entity::prelude::*;

/// One text.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activity_texts")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The activity (row id).
    pub activity_id: i32,
    /// The language.
    pub lang: Lang,
    /// The party that writes it.
    pub party: Party,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Title and description folded for search.
    pub search_text: String,
    /// The original's `text_revision` this text was written or confirmed against.
    pub translates_revision: i64,
    /// Who wrote or confirmed it (display name).
    pub written_by: String,
    /// When.
    pub written_at: DateTimeUtc,
    /// Whether it may leave its party's node (its activity is shared).
    pub shared: bool,
    /// Version (ETag).
    pub version: i64,
}

/// No navigable relations are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
